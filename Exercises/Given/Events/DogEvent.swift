// slide: events
/// What can happen to a dog: the facts the school records, named in the past tense.
///
/// An event is a value. Once recorded it never changes; the dog's state is whatever the
/// events add up to. Events are `Codable`, so that from chapter 6 on a mapper can turn any of
/// them into JSON for storage.
public enum DogEvent: Codable, Equatable, Sendable {
  /// The dog joined the school.
  case registered(name: String)
  /// The dog learnt a trick.
  case trickAdded(trick: String)
}
// slide end
