// Differs from the reference: the initializer names its parameter apart and addTrick uses `+=`.
/// A dog at the school, modelled the usual way: its current state and nothing else.
public struct Dog: Equatable, Sendable {
  /// The dog's name.
  public let name: String
  /// The tricks the dog knows, in the order it learnt them.
  public private(set) var tricks: [String]

  /// Creates a dog with a name and no tricks yet.
  public init(name dogName: String) {
    name = dogName
    tricks = []
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    tricks += [trick]
  }
}
