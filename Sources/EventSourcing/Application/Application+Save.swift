import Foundation

/// Saving aggregates: their pending events are stored, all of them or none, and the
/// aggregates are left ready for the next command.
///
/// ```swift
/// var dog = try await school.repository.get(dogID, as: Dog.self)
/// dog.addTrick("sit")
/// try await school.save(&dog)
/// dog.addTrick("stay")
/// try await school.save(&dog)   // the same value again: no need to load it
/// ```
///
/// Each `save` takes its aggregates `inout`: when the events are stored it empties their
/// ``EventSourced/pendingEvents``, as the Python library's `save` collects them; when it
/// throws, nothing is stored and the pending events stay, so the caller can look at them or
/// load the aggregate again and retry.
extension Application {
  /// Saves an aggregate's pending events, and then forgets them.
  ///
  /// When the save brings the aggregate to a multiple of its type's ``SnapshotInterval``, a
  /// snapshot is taken after the events are stored.
  ///
  /// - Parameter tracking: For an application that turns another application's events into
  ///   events of its own (a process application): the position of the notification that
  ///   caused these events, recorded in the same transaction.
  /// - Returns: The notification IDs given to the saved events.
  /// - Throws: ``RecorderError/versionConflict(originatorID:version:)`` when another writer
  ///   saved one of these versions first, ``MapperError`` when an event cannot be stored, and
  ///   (with a ``HashChain``) ``RepositoryError/historyNotStored(id:version:)`` when the events
  ///   before the pending ones are not stored; with `tracking`,
  ///   ``TrackingError/alreadyProcessed(_:)`` when the notification was processed before and
  ///   ``ConfigurationError/trackingUnsupported`` when the recorder keeps no positions. Then
  ///   nothing is stored and the aggregate keeps its pending events.
  @discardableResult
  public func save<State>(
    _ aggregate: inout EventSourced<State>, tracking: Tracking? = nil
  ) async throws -> [Int] {
    let saved = try await store([aggregate], tracking: tracking)
    _ = aggregate.collectEvents()
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Saves the pending events of two aggregates, of the same type or not, all or none, and
  /// then forgets them.
  ///
  /// - Returns: The notification IDs given to the saved events, the first aggregate's first.
  /// - Throws: What ``save(_:tracking:)`` throws, for either aggregate; then nothing is
  ///   stored and both keep their pending events.
  @discardableResult
  public func save<First, Second>(
    _ first: inout EventSourced<First>, _ second: inout EventSourced<Second>,
    tracking: Tracking? = nil
  ) async throws -> [Int] {
    let saved = try await store([first, second], tracking: tracking)
    _ = first.collectEvents()
    _ = second.collectEvents()
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Saves the pending events of three aggregates, of the same types or not, all or none,
  /// and then forgets them.
  ///
  /// - Returns: The notification IDs given to the saved events, in the order of the arguments.
  /// - Throws: What ``save(_:tracking:)`` throws, for any of them; then nothing is stored and
  ///   all three keep their pending events.
  @discardableResult
  public func save<First, Second, Third>(
    _ first: inout EventSourced<First>, _ second: inout EventSourced<Second>,
    _ third: inout EventSourced<Third>, tracking: Tracking? = nil
  ) async throws -> [Int] {
    let saved = try await store([first, second, third], tracking: tracking)
    _ = first.collectEvents()
    _ = second.collectEvents()
    _ = third.collectEvents()
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Saves the pending events of any number of aggregates of one type, all or none, and then
  /// forgets them.
  ///
  /// - Returns: The notification IDs given to the saved events, in the order of the array.
  /// - Throws: What ``save(_:tracking:)`` throws, for any of them; then nothing is stored and
  ///   every aggregate keeps its pending events.
  @discardableResult
  public func save<State>(
    _ aggregates: inout [EventSourced<State>], tracking: Tracking? = nil
  ) async throws -> [Int] {
    let saved = try await store(aggregates, tracking: tracking)
    for index in aggregates.indices { _ = aggregates[index].collectEvents() }
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Stores the pending events of the given aggregates, and a tracking position when given,
  /// in one call to the recorder. The aggregates are left as they are.
  func store(
    _ aggregates: [any SavableAggregate], tracking: Tracking?
  ) async throws -> (notificationIDs: [Int], pending: [PendingSave]) {
    var pending: [PendingSave] = []
    for aggregate in aggregates {
      guard let firstVersion = aggregate.pendingVersions?.lowerBound else { continue }
      let headHash = try await chainHead(of: aggregate.id, before: firstVersion)
      pending.append(
        PendingSave(
          aggregate: aggregate,
          events: try aggregate.pendingStoredEvents(using: mapper, after: headHash)))
    }
    let events = pending.flatMap(\.events)
    if let tracking {
      guard let recorder = recorder as? any ProcessRecorder else {
        throw ConfigurationError.trackingUnsupported
      }
      return (try await recorder.insert(events, tracking: tracking), pending)
    }
    guard !events.isEmpty else { return ([], []) }
    return (try await recorder.insert(events), pending)
  }

  /// The hash-chain hash of an aggregate's stored event just before `version`, which new
  /// events from `version` on must link to; `nil` without a ``HashChain``, for a new
  /// aggregate, or when that event was stored before chaining was turned on.
  ///
  /// It is read from the recorder, and the event's own hash checked, rather than kept in the
  /// aggregate: the aggregate knows nothing of how it is stored, and an aggregate whose
  /// events were collected, or that was saved a moment ago, links to what is really stored.
  /// The cost is one read of one event per aggregate and save, with a hash chain only.
  func chainHead(of id: UUID, before version: Int) async throws -> Data? {
    guard mapper.hashChain != nil, version > 1 else { return nil }
    return try await repository.storedChainHash(of: id, at: version - 1)
  }
}

/// One aggregate's pending events in stored form, made before anything is stored.
struct PendingSave: Sendable {
  /// The aggregate as it was handed to `save`, pending events included.
  let aggregate: any SavableAggregate
  /// Its pending events, ready for the recorder.
  let events: [StoredEvent]
}
