public import EventSourcing

/// A dog at the school, on the EventSourcing library: the tutorial's aggregate.
///
/// The library's `EventSourced<Dog>` wraps this state with what every aggregate needs (its
/// ID, version, timestamps and pending events), so `Dog` holds only the domain: its events
/// and what they do.
public struct Dog: Aggregate, Equatable {
  /// What can happen to a dog. Each case is stored under its topic, such as
  /// `Chapter09.Dog.Event.trickAdded`.
  public enum Event: DomainEvent {
    case registered(name: String)
    case trickAdded(trick: String)
  }

  /// The dog's name.
  public private(set) var name = ""
  /// The tricks the dog knows, in the order it learnt them.
  public private(set) var tricks: [String] = []

  /// A dog before it is registered: what the first event is applied to.
  public init() {}

  // MARK: - Task 1: apply events

  /// Changes the state by one event; the library calls it for new and replayed events.
  public mutating func apply(_ event: Event) {
    // Task 1: switch over `event`: `.registered` sets the name, `.trickAdded` appends the
    // trick.
  }
}

// MARK: - Commands

extension EventSourced<Dog> {
  /// Registers a new dog: the first event creates the aggregate.
  public static func register(name: String) -> Self {
    Self(creating: .registered(name: name))
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    // Task 1: record a `.trickAdded` event, the way `register` creates the dog with
    // `.registered`. Do not change `tricks` here: record(_:) applies the event.
  }
}
