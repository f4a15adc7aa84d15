// slide: plain-dog
/// A dog at the school, modelled the usual way: its current state and nothing else.
///
/// `Dog` is a struct, so every copy is independent: teaching a copy a trick leaves the
/// original as it was. Event sourcing in the next chapter leans on this.
public struct Dog: Equatable, Sendable {
  /// The dog's name.
  public let name: String
  /// The tricks the dog knows, in the order it learnt them.
  public private(set) var tricks: [String] = []

  /// Creates a dog with a name and no tricks yet.
  public init(name: String) {
    self.name = name
  }
// slide end

  // slide: add-trick
  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    // The new state overwrites the old one: nothing remembers
    // when or in which order tricks were learnt, beyond what
    // this array happens to keep.
    tricks.append(trick)
  }
  // slide end
}
