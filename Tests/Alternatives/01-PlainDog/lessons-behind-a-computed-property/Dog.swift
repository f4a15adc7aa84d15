// Differs from the reference: the tricks are kept in a private log of lessons and shown through a computed property.
/// A dog at the school, modelled the usual way: its current state and nothing else.
public struct Dog: Equatable, Sendable {
  /// The dog's name.
  public let name: String
  /// Every lesson given, oldest first.
  private var lessons: [String] = []

  /// The tricks the dog knows, in the order it learnt them.
  public var tricks: [String] { lessons }

  /// Creates a dog with a name and no tricks yet.
  public init(name: String) {
    self.name = name
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    lessons.insert(trick, at: lessons.endIndex)
  }
}
