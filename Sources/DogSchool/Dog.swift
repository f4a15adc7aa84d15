public import EventSourcing

/// A dog at the school: the tutorial's aggregate.
public struct Dog: Aggregate, Equatable {
  // slide: dog-events
  /// What can happen to a dog.
  public enum Event: DomainEvent {
    case registered(name: String)
    case trickAdded(trick: String)
  }
  // slide end

  /// The dog's name.
  public private(set) var name = ""
  /// The tricks the dog knows, in the order it learnt them.
  public private(set) var tricks: [String] = []

  /// A dog before it is registered.
  public init() {}

  // slide: dog-apply
  public mutating func apply(_ event: Event) {
    switch event {
    case .registered(let name): self.name = name
    case .trickAdded(let trick): tricks.append(trick)
    }
  }
  // slide end
}

// MARK: - Commands

// slide: commands
extension EventSourced<Dog> {
  /// Registers a new dog.
  public static func register(name: String) -> Self {
    Self(creating: .registered(name: name))
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    record(.trickAdded(trick: trick))
  }
}
// slide end
