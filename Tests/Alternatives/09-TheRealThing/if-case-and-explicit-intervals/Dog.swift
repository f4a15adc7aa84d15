// Differs from the reference: applies events with if case and adds a trick with +=.

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
    if case .registered(let name) = event {
      self.name = name
    } else if case .trickAdded(let trick) = event {
      tricks += [trick]
    }
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
    // Record; never change the state here: record applies it.
    record(.trickAdded(trick: trick))
  }
}
