// Differs from the reference: replay checks the whole history before applying any event, record bumps version first, and collectEvents copies then empties.
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
    switch event {
    case .registered(name: let newName):
      name = newName
    case .trickAdded(trick: let trick):
      tricks.append(contentsOf: [trick])
    }
  }

  /// Records a decision: numbers the event with the next version, applies it once, and
  /// keeps it pending until it is saved.
  mutating func record(_ event: DogEvent) {
    version += 1
    apply(event)
    pendingEvents.append(RecordedEvent(originatorID: id, originatorVersion: version, event: event))
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
    let collected = pendingEvents
    pendingEvents.removeAll()
    return collected
  }

  /// Rebuilds a dog by applying its events in order, after checking the whole history.
  public init(replaying events: [RecordedEvent]) throws {
    guard let dogID = events.first?.originatorID else { throw HistoryError.noEvents }
    if let stranger = events.first(where: { $0.originatorID != dogID }) {
      throw HistoryError.wrongDog(expected: dogID, found: stranger.originatorID)
    }
    for (expected, recorded) in zip(1..., events) where recorded.originatorVersion != expected {
      throw HistoryError.versionOutOfSequence(
        originatorID: dogID, expected: expected, found: recorded.originatorVersion)
    }
    self.init(id: dogID)
    events.forEach { apply($0.event) }
    version = events.count
  }
}

/// Two dogs are equal when they have the same identity, version and state.
extension Dog: Equatable {
  public static func == (lhs: Dog, rhs: Dog) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.name == rhs.name
      && lhs.tricks == rhs.tricks
  }
}
