/// What the school tells about a dog.
public struct DogDetails: Equatable, Sendable {
  /// The dog's name.
  public let name: String
  /// The tricks the dog knows, in the order it learnt them.
  public let tricks: [String]

  /// Creates a dog's details.
  public init(name: String, tricks: [String]) {
    self.name = name
    self.tricks = tricks
  }
}
