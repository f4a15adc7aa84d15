public import Foundation
import GivenBasics
public import GivenEvents

/// A dog whose state is derived from its events: chapter 2's reference solution, and the
/// given `Dog` of chapters 3 to 6 and 8.
///
/// Commands such as ``addTrick(_:)`` do not change the state directly: they *record* an
/// event, which is applied at once and kept in ``pendingEvents`` until it is saved. Later,
/// ``init(replaying:)`` applies the same events again to rebuild the same dog.
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

  // MARK: - Task 1: apply an event

  // slide: apply
  /// Changes the state by one event.
  ///
  /// This is the only place where the state changes, for new and replayed events alike,
  /// so a dog rebuilt from its events ends up exactly like the original.
  public mutating func apply(_ event: DogEvent) {
    switch event {
    case .registered(let name):
      self.name = name
    case .trickAdded(let trick):
      tricks.append(trick)
    }
  }
  // slide end

  // MARK: - Task 2: record new events

  // slide: record
  /// Records a decision: numbers the event with the next version, applies it once, and
  /// keeps it pending until it is saved.
  mutating func record(_ event: DogEvent) {
    let recorded = RecordedEvent(
      originatorID: id, originatorVersion: version + 1, event: event)
    apply(event)
    version = recorded.originatorVersion
    pendingEvents.append(recorded)
  }
  // slide end

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

  // MARK: - Task 3: collect pending events

  /// Returns the pending events and forgets them, as saving does.
  public mutating func collectEvents() -> [RecordedEvent] {
    defer { pendingEvents = [] }
    return pendingEvents
  }

  // MARK: - Task 4: rebuild a dog from its events

  /// Rebuilds a dog by applying its events in order.
  ///
  /// The events were recorded earlier, so they are applied but not kept pending.
  ///
  /// - Throws: ``HistoryError`` when the events are not one unbroken history of one dog
  ///   starting at version 1.
  public init(replaying events: [RecordedEvent]) throws {
    guard let first = events.first else { throw HistoryError.noEvents }
    self.init(id: first.originatorID)
    for recorded in events {
      guard recorded.originatorID == id else {
        throw HistoryError.wrongDog(
          expected: id, found: recorded.originatorID)
      }
      // slide: replay
      // Checking the version catches a missing, repeated or
      // misordered event, which would otherwise give a dog that
      // never existed.
      guard recorded.originatorVersion == version + 1 else {
        throw HistoryError.versionOutOfSequence(
          originatorID: id, expected: version + 1,
          found: recorded.originatorVersion)
      }
      apply(recorded.event)
      version = recorded.originatorVersion
      // slide end
    }
  }
}

// MARK: - Equatable

/// Two dogs are equal when they have the same identity, version and state. Pending events
/// are left out: a copy rebuilt from a dog's events has none, yet it is the same dog.
extension Dog: Equatable {
  public static func == (lhs: Dog, rhs: Dog) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.name == rhs.name
      && lhs.tricks == rhs.tricks
  }
}
