public import Foundation
import GivenBasics

/// A dog whose state is derived from its events, and can start from a snapshot.
///
/// Commands such as ``addTrick(_:)`` record an event, which is applied at once and kept in
/// ``pendingEvents`` until it is saved. ``init(replaying:)`` applies stored events again to
/// rebuild the dog; ``init(snapshot:)`` starts from a snapshot instead, and ``replay(_:)``
/// applies the events after it.
///
/// The setters are `internal` rather than `private` so that `Dog+Snapshot.swift` can restore
/// a snapshot; outside the module the state is read-only.
public struct Dog: Sendable {
  /// The dog's identity, the same for its whole life.
  public let id: UUID
  /// How many events the dog's history has, pending ones included; 0 before registration.
  public internal(set) var version = 0
  /// When the dog was registered.
  public internal(set) var createdOn = Date.distantPast
  /// When the dog's latest event was recorded.
  public internal(set) var modifiedOn = Date.distantPast
  /// The dog's name.
  public internal(set) var name = ""
  /// The tricks the dog knows, in the order it learnt them.
  public internal(set) var tricks: [String] = []
  /// Events recorded since the dog was created or rebuilt, oldest first, not yet saved.
  public internal(set) var pendingEvents: [RecordedEvent] = []

  /// Creates a dog that is not registered yet: no name, no tricks, version 0.
  public init(id: UUID = UUID()) {
    self.id = id
  }

  /// Changes the state by one event: the only place where the state changes.
  public mutating func apply(_ event: DogEvent) {
    switch event {
    case .registered(let name):
      self.name = name
    case .trickAdded(let trick):
      tricks.append(trick)
    }
  }

  /// Records a decision: numbers and times the event, applies it, keeps it pending.
  mutating func record(_ event: DogEvent) {
    let recorded = RecordedEvent(originatorID: id, originatorVersion: version + 1, event: event)
    advance(by: recorded)
    pendingEvents.append(recorded)
  }

  /// Applies a recorded event and moves the version and times on.
  private mutating func advance(by recorded: RecordedEvent) {
    apply(recorded.event)
    if recorded.originatorVersion == 1 { createdOn = recorded.timestamp }
    modifiedOn = recorded.timestamp
    version = recorded.originatorVersion
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
    defer { pendingEvents = [] }
    return pendingEvents
  }

  /// Rebuilds a dog by applying its events in order, from version 1.
  ///
  /// - Throws: ``HistoryError`` when the events are not one unbroken history of one dog
  ///   starting at version 1.
  public init(replaying events: [RecordedEvent]) throws {
    guard let first = events.first else { throw HistoryError.noEvents }
    self.init(id: first.originatorID)
    try replay(events)
  }

  /// Applies stored events that continue the dog's history from its current version.
  ///
  /// - Throws: ``HistoryError`` when an event is of another dog or does not carry the next
  ///   version: one is missing, repeated or out of order.
  public mutating func replay(_ events: [RecordedEvent]) throws {
    for recorded in events {
      guard recorded.originatorID == id else {
        throw HistoryError.wrongDog(expected: id, found: recorded.originatorID)
      }
      guard recorded.originatorVersion == version + 1 else {
        throw HistoryError.versionOutOfSequence(
          originatorID: id, expected: version + 1, found: recorded.originatorVersion)
      }
      advance(by: recorded)
    }
  }
}

/// Two dogs are equal when they have the same identity, version, times and state. Pending
/// events are left out: a copy rebuilt from a dog's events has none, yet it is the same dog.
extension Dog: Equatable {
  public static func == (lhs: Dog, rhs: Dog) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.createdOn == rhs.createdOn
      && lhs.modifiedOn == rhs.modifiedOn && lhs.name == rhs.name && lhs.tricks == rhs.tricks
  }
}
