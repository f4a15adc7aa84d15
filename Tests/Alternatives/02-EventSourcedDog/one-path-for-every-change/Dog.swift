// Differs from the reference: new and replayed events share one private mutate(with:), replay folds with reduce(into:), and collectEvents swaps the array out.
public import Foundation
import GivenBasics
public import GivenEvents

/// A dog whose state is derived from its events.
public struct Dog: Sendable {
  /// The dog's identity, the same for its whole life.
  public let id: UUID
  /// How many events the dog's history has, pending ones included; 0 before registration.
  public private(set) var version = 0
  /// The dog's name.
  public private(set) var name = ""
  /// The tricks the dog knows, in the order it learnt them.
  public private(set) var tricks: [String] = []
  /// Events recorded since the dog was created or rebuilt, oldest first, not yet saved.
  public private(set) var pendingEvents: [RecordedEvent] = []

  /// Creates a dog that is not registered yet: no name, no tricks, version 0.
  public init(id: UUID = UUID()) {
    self.id = id
  }

  /// Changes the state by one event.
  public mutating func apply(_ event: DogEvent) {
    if case .registered(let name) = event {
      self.name = name
    } else if case .trickAdded(let trick) = event {
      tricks += [trick]
    }
  }

  /// Checks that a recorded event continues this dog's history, then applies it.
  private mutating func mutate(with recorded: RecordedEvent) throws(HistoryError) {
    guard recorded.originatorID == id else {
      throw .wrongDog(expected: id, found: recorded.originatorID)
    }
    guard recorded.originatorVersion == version + 1 else {
      throw .versionOutOfSequence(
        originatorID: id, expected: version + 1, found: recorded.originatorVersion)
    }
    apply(recorded.event)
    version = recorded.originatorVersion
  }

  /// Records a decision: numbers the event with the next version, applies it once, and
  /// keeps it pending until it is saved.
  mutating func record(_ event: DogEvent) {
    let recorded = RecordedEvent(originatorID: id, originatorVersion: version + 1, event: event)
    do {
      try mutate(with: recorded)
      pendingEvents.append(recorded)
    } catch {
      // Unreachable: the event was made with this dog's id and next version.
      assertionFailure("\(error)")
    }
  }

  /// Registers a new dog: its history starts with a `registered` event.
  public static func register(id: UUID = UUID(), name: String) -> Dog {
    var dog = Dog(id: id)
    dog.record(.registered(name: name))
    return dog
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    record(.trickAdded(trick: trick))
  }

  /// Returns the pending events and forgets them, as saving does.
  public mutating func collectEvents() -> [RecordedEvent] {
    var collected: [RecordedEvent] = []
    swap(&collected, &pendingEvents)
    return collected
  }

  /// Rebuilds a dog by applying its events in order.
  public init(replaying events: [RecordedEvent]) throws {
    guard let first = events.first else { throw HistoryError.noEvents }
    self = try events.reduce(into: Dog(id: first.originatorID)) { dog, recorded in
      try dog.mutate(with: recorded)
    }
  }
}

/// Two dogs are equal when they have the same identity, version and state.
extension Dog: Equatable {
  public static func == (lhs: Dog, rhs: Dog) -> Bool {
    (lhs.id, lhs.version, lhs.name, lhs.tricks) == (rhs.id, rhs.version, rhs.name, rhs.tricks)
  }
}
