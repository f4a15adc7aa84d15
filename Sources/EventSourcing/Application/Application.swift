public import Foundation

/// An event-sourced application: saves aggregates, gets them back, and publishes every event
/// in one numbered log.
///
/// Applications compose an `Application` and conform to ``EventSourcedApplication``, which
/// gives them `save`, ``EventSourcedApplication/repository`` and
/// ``EventSourcedApplication/notificationLog``:
///
/// ```swift
/// struct DogSchool: EventSourcedApplication {
///   let application: Application
///
///   init(environment: [String: String] = [:]) throws {
///     application = try Application(environment: environment)
///   }
///
///   func registerDog(name: String) async throws -> UUID {
///     var dog = EventSourced<Dog>(creating: .registered(name: name))
///     try await save(&dog)
///     return dog.id
///   }
/// }
/// ```
///
/// An application holds no mutable state of its own; all of it is in the recorder, which is
/// safe to use from many tasks at once. Concurrent commands on one aggregate are kept apart
/// by optimistic concurrency: the second save of the same version throws
/// ``RecorderError/versionConflict(originatorID:version:)``.
public final class Application: Sendable {
  /// Where the application's events are stored.
  public let recorder: any ApplicationRecorder
  /// How domain events become stored events and back.
  public let mapper: Mapper
  /// Gets the application's aggregates.
  public let repository: Repository
  /// Every event the application has recorded, in order.
  public let notificationLog: NotificationLog
  /// Where snapshots are stored, when snapshotting is enabled.
  public let snapshots: (any AggregateRecorder)?
  /// How often aggregates of each type get a snapshot when they are saved.
  public let snapshotIntervals: [SnapshotInterval]

  /// Creates an application that stores events with the given recorder and mapper.
  ///
  /// - Parameters:
  ///   - recorder: Where events are stored.
  ///   - mapper: How domain events become stored events.
  ///   - snapshots: Where snapshots are stored; `nil` for no snapshots.
  ///   - snapshotIntervals: Snapshot aggregates of these types every so many events; needs
  ///     `snapshots`.
  public init(
    recorder: any ApplicationRecorder, mapper: Mapper = Mapper(),
    snapshots: (any AggregateRecorder)? = nil, snapshotIntervals: [SnapshotInterval] = []
  ) {
    self.recorder = recorder
    self.mapper = mapper
    self.snapshots = snapshots
    self.snapshotIntervals = snapshots == nil ? [] : snapshotIntervals
    repository = Repository(recorder: recorder, mapper: mapper, snapshots: snapshots)
    notificationLog = NotificationLog(recorder: recorder)
  }

  /// Creates an application configured by the process environment and the given settings,
  /// which win over the environment. See ``ApplicationEnvironment`` for the settings.
  ///
  /// - Parameters:
  ///   - environment: Settings that win over the process environment.
  ///   - snapshotIntervals: Snapshot aggregates of these types every so many events. Giving
  ///     any turns snapshotting on, unless `IS_SNAPSHOTTING_ENABLED` turns it off.
  /// - Throws: ``ConfigurationError`` or ``RecorderError`` when the settings are wrong or the
  ///   persistence they name cannot be opened.
  public convenience init(
    environment: [String: String] = [:], snapshotIntervals: [SnapshotInterval] = []
  ) throws {
    let settings = ApplicationEnvironment(environment)
    let isSnapshotting = try settings.isSnapshottingEnabled(default: !snapshotIntervals.isEmpty)
    try self.init(
      recorder: settings.makeRecorder(), mapper: settings.makeMapper(),
      snapshots: isSnapshotting ? settings.makeSnapshotRecorder() : nil,
      snapshotIntervals: snapshotIntervals)
  }

  /// Takes a snapshot of an aggregate as it is now, or as it was at a given version.
  ///
  /// Taking a snapshot that already exists does nothing: it would hold the same state.
  ///
  /// - Throws: ``ConfigurationError/snapshottingDisabled`` without a snapshot store;
  ///   ``RepositoryError/aggregateNotFound(id:)`` when there is no such aggregate.
  public func takeSnapshot<State: Aggregate>(
    of id: UUID, as type: State.Type = State.self, version: Int? = nil
  ) async throws {
    guard snapshots != nil else { throw ConfigurationError.snapshottingDisabled }
    let aggregate = try await repository.get(id, as: type, version: version)
    let headHash = try await chainHead(of: id, before: aggregate.version + 1)
    try await store(aggregate.storedSnapshot(using: mapper, headHash: headHash))
  }

  /// Takes a snapshot of each saved aggregate whose type has a ``SnapshotInterval`` that the
  /// save reached.
  func takeDueSnapshots(of saved: [PendingSave]) async throws {
    guard !snapshotIntervals.isEmpty else { return }
    for save in saved {
      let aggregate = save.aggregate
      let type = ObjectIdentifier(aggregate.stateType)
      guard
        snapshotIntervals.contains(where: {
          ObjectIdentifier($0.stateType) == type
            && aggregate.pendingVersions.map($0.isDue(for:)) == true
        })
      else { continue }
      // The snapshot's version is that of the last event just saved, so it keeps that
      // event's hash for the next load to check the following event's link against.
      let headHash = try save.events.last.flatMap { try mapper.chainHash(of: $0) }
      try await store(aggregate.storedSnapshot(using: mapper, headHash: headHash))
    }
  }

  private func store(_ snapshot: StoredEvent) async throws {
    guard let snapshots else { return }
    do {
      try await snapshots.insert([snapshot])
    } catch RecorderError.versionConflict {
      // A snapshot at this version exists already; snapshots of one version are identical.
    }
  }
}
