/// What can happen to a dog: the facts the school records, named in the past tense.
///
/// Events are `Codable` so that the ``EventMapper`` can turn them into JSON for storage.
public enum DogEvent: Codable, Equatable, Sendable {
  /// The dog joined the school.
  case registered(name: String)
  /// The dog learnt a trick.
  case trickAdded(trick: String)
}
