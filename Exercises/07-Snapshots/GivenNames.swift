public import GivenBasics

// The EventSourcing library has types of these names too. Declared here, in this chapter's
// module, the names mean the given types in every file, whichever modules a file imports.

/// Why the repository cannot return a dog: the given type, not the library's.
public typealias RepositoryError = GivenBasics.RepositoryError
