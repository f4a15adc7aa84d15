public import Foundation
import GivenBasics
public import GivenEvents

/// A dog whose state is derived from its events.
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

  /// Changes the state by one event.
  public mutating func apply(_ event: DogEvent) {
    // Task 1: switch over `event`:
    //   .registered(let name)   -> set `name`
    //   .trickAdded(let trick)  -> append `trick` to `tricks`
  }

  // MARK: - Task 2: record new events

  /// Records a decision: numbers the event with the next version, applies it once, and
  /// keeps it pending until it is saved.
  mutating func record(_ event: DogEvent) {
    // Task 2: make a RecordedEvent with this dog's `id` and the next version,
    // apply the event, update `version`, and append the recorded event to `pendingEvents`.
  }

  /// Registers a new dog: its history starts with a `registered` event.
  public static func register(id: UUID = UUID(), name: String) -> Dog {
    var dog = Dog(id: id)
    dog.record(.registered(name: name))
    return dog
  }

  /// Teaches the dog a trick.
  public mutating func addTrick(_ trick: String) {
    // Task 2: record a `.trickAdded` event, the way `register` records `.registered`.
  }

  // MARK: - Task 3: collect pending events

  /// Returns the pending events and forgets them, as saving does.
  public mutating func collectEvents() -> [RecordedEvent] {
    // Task 3: return the pending events and leave `pendingEvents` empty.
    []
  }

  // MARK: - Task 4: rebuild a dog from its events

  /// Rebuilds a dog by applying its events in order.
  ///
  /// - Throws: ``HistoryError`` when the events are not one unbroken history of one dog
  ///   starting at version 1.
  public init(replaying events: [RecordedEvent]) throws {
    // Task 4: start from `Dog(id:)` of the first event (`self.init(id: ...)`), then apply
    // each event in order, checking it belongs to this dog and carries the next version.
    throw NotImplemented(task: 4, what: "Dog.init(replaying:)")
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
