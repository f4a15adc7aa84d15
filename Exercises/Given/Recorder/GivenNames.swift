public import GivenEvents

// The EventSourcing library has a type of this name too. Declared here, in this module, the
// name means the given type in every file, whichever modules a file imports.

/// An event with its place in one dog's history: the given type, not the library's.
public typealias RecordedEvent = GivenEvents.RecordedEvent
