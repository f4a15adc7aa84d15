public import Foundation

/// An aggregate with its identity, version and history: the unit that is saved and loaded.
///
/// `EventSourced` wraps the state an ``Aggregate`` type declares. Its state only ever changes
/// by events: ``record(_:at:)`` applies a new event and keeps it pending until it is saved,
/// ``init(replaying:)`` folds stored events into the same state again.
///
/// ```swift
/// extension EventSourced<Dog> {
///   static func register(name: String) -> Self { Self(creating: .registered(name: name)) }
///   mutating func addTrick(_ trick: String) { record(.trickAdded(trick: trick)) }
/// }
///
/// var dog = EventSourced<Dog>.register(name: "Fido")
/// dog.addTrick("roll over")
/// dog.tricks       // ["roll over"]
/// dog.version      // 2
/// ```
///
/// The state's properties are readable on the aggregate itself through dynamic member lookup.
@dynamicMemberLookup
public struct EventSourced<State: Aggregate>: Sendable {
  /// The aggregate's identity, the same for its whole life.
  public let id: UUID
  /// The number of events in the aggregate's history, pending ones included.
  public private(set) var version: Int
  /// When the aggregate was created: the time of its first event.
  public private(set) var createdOn: Date
  /// When the aggregate last changed: the time of its latest event.
  public private(set) var modifiedOn: Date
  /// The aggregate's current state.
  public private(set) var state: State
  /// Events recorded since the aggregate was loaded or created, oldest first, not yet saved.
  public private(set) var pendingEvents: [RecordedEvent<State.Event>]

  /// Creates a new aggregate by recording the event that starts its history.
  ///
  /// - Parameters:
  ///   - id: The new aggregate's identity; a random UUID unless given.
  ///   - event: The creation event, applied to `State()`.
  ///   - timestamp: When it happened; now unless given.
  public init(id: UUID = .random(), creating event: State.Event, at timestamp: Date = Date()) {
    let recorded = RecordedEvent(
      originatorID: id, originatorVersion: 1, timestamp: timestamp, event: event)
    self.init(first: recorded)
    pendingEvents = [recorded]
  }

  /// Rebuilds an aggregate by applying its stored events, oldest first.
  ///
  /// - Throws: ``AggregateError`` when the events do not form one unbroken history: none at
  ///   all, events of another aggregate, or a version out of sequence.
  public init(replaying events: some Sequence<RecordedEvent<State.Event>>) throws {
    var iterator = events.makeIterator()
    guard let first = iterator.next() else { throw AggregateError.noEvents }
    guard first.originatorVersion == 1 else {
      throw AggregateError.versionOutOfSequence(
        originatorID: first.originatorID, expected: 1, found: first.originatorVersion)
    }
    self.init(first: first)
    while let next = iterator.next() {
      try apply(next)
    }
  }

  /// Rebuilds an aggregate from a snapshot and the events recorded after it, oldest first.
  ///
  /// - Throws: ``AggregateError`` when an event does not follow on from the snapshot.
  public init(
    snapshot: Snapshot<State>, replaying events: [RecordedEvent<State.Event>] = []
  ) throws {
    guard (1..<Self.maximumVersion).contains(snapshot.originatorVersion) else {
      throw AggregateError.versionOutOfRange(
        originatorID: snapshot.originatorID, version: snapshot.originatorVersion)
    }
    id = snapshot.originatorID
    version = snapshot.originatorVersion
    createdOn = snapshot.createdOn
    modifiedOn = snapshot.modifiedOn
    state = snapshot.state
    pendingEvents = []
    try apply(contentsOf: events)
  }

  /// The highest version an aggregate is loaded at: half of `Int.max`.
  ///
  /// A snapshot at a higher version is refused, so that ``record(_:at:)`` always has a next
  /// version to give: it would take more than 4 × 10¹⁸ commands on one loaded aggregate to
  /// run out. Events are applied one version at a time from 1, so they cannot skip past it.
  public static var maximumVersion: Int { Int.max / 2 }

  /// A snapshot of the aggregate as it is now.
  public var snapshot: Snapshot<State> {
    Snapshot(
      originatorID: id, originatorVersion: version, createdOn: createdOn, modifiedOn: modifiedOn,
      state: state)
  }

  private init(first: RecordedEvent<State.Event>) {
    id = first.originatorID
    version = 1
    createdOn = first.timestamp
    modifiedOn = first.timestamp
    state = State()
    state.apply(first.event)
    pendingEvents = []
  }

  /// Records a decision: applies the event now and keeps it pending until the aggregate is saved.
  ///
  /// - Parameters:
  ///   - event: What happened.
  ///   - timestamp: When it happened; now unless given.
  public mutating func record(_ event: State.Event, at timestamp: Date = Date()) {
    let recorded = RecordedEvent(
      originatorID: id, originatorVersion: version + 1, timestamp: timestamp, event: event)
    mutate(with: recorded)
    pendingEvents.append(recorded)
  }

  /// Applies an event that was recorded earlier, checking that it is the next one in this
  /// aggregate's history.
  ///
  /// - Throws: ``AggregateError`` when the event belongs to another aggregate or does not
  ///   carry the next version.
  @inline(__always)
  public mutating func apply(_ recorded: RecordedEvent<State.Event>) throws {
    guard recorded.originatorID == id else {
      throw AggregateError.wrongOriginator(expected: id, found: recorded.originatorID)
    }
    guard recorded.originatorVersion == version + 1 else {
      throw AggregateError.versionOutOfSequence(
        originatorID: id, expected: version + 1, found: recorded.originatorVersion)
    }
    mutate(with: recorded)
  }

  /// Applies events that were recorded earlier, in order, as ``apply(_:)`` applies each.
  ///
  /// The repository folds long histories with it, a page at a time. With ``apply(_:)``
  /// inlined into its loop, code generic over the state looks up the metadata of the event
  /// type once per page rather than once per event.
  ///
  /// - Throws: ``AggregateError`` when an event does not follow on from the one before it.
  mutating func apply(contentsOf events: [RecordedEvent<State.Event>]) throws {
    for event in events {
      try apply(event)
    }
  }

  /// Returns the pending events and forgets them, as a successful save does.
  ///
  /// For code that stores events itself; events taken here and not stored leave a gap that
  /// the next save of this aggregate runs into.
  public mutating func collectEvents() -> [RecordedEvent<State.Event>] {
    defer { pendingEvents = [] }
    return pendingEvents
  }

  /// Reads a property of the aggregate's state.
  public subscript<Value>(dynamicMember keyPath: KeyPath<State, Value>) -> Value {
    state[keyPath: keyPath]
  }

  // The one place where an event changes the aggregate, for new and replayed events alike.
  // Inlined, as `apply(_:)` is, so that `apply(contentsOf:)` looks up the metadata of the
  // event type once for all its events rather than once for each.
  @inline(__always)
  private mutating func mutate(with recorded: RecordedEvent<State.Event>) {
    state.apply(recorded.event)
    version = recorded.originatorVersion
    modifiedOn = recorded.timestamp
  }
}

// MARK: - Equatable

/// Two aggregates are equal when they have the same identity, version, times and state.
/// Pending events are left out: a copy rebuilt from an aggregate's events equals it.
extension EventSourced: Equatable where State: Equatable {
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.createdOn == rhs.createdOn
      && lhs.modifiedOn == rhs.modifiedOn && lhs.state == rhs.state
  }
}
