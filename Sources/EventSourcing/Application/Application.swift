import Foundation

/// An event-sourced application: saves aggregates, gets them back, and publishes every event
/// in one numbered log.
///
/// Applications compose an `Application` and conform to ``EventSourcedApplication``, which
/// gives them ``EventSourcedApplication/save(_:)-(SavableAggregate...)``,
/// ``EventSourcedApplication/repository`` and ``EventSourcedApplication/notificationLog``:
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
///     let dog = EventSourced<Dog>(creating: .registered(name: name))
///     try await save(dog)
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

  /// Creates an application that stores events with the given recorder and mapper.
  public init(recorder: any ApplicationRecorder, mapper: Mapper = Mapper()) {
    self.recorder = recorder
    self.mapper = mapper
    repository = Repository(recorder: recorder, mapper: mapper)
    notificationLog = NotificationLog(recorder: recorder)
  }

  /// Creates an application configured by the process environment and the given settings,
  /// which win over the environment. See ``ApplicationEnvironment`` for the settings.
  ///
  /// - Throws: ``ConfigurationError`` or ``RecorderError`` when the settings are wrong or the
  ///   persistence they name cannot be opened.
  public convenience init(environment: [String: String] = [:]) throws {
    let settings = ApplicationEnvironment(environment)
    try self.init(recorder: settings.makeRecorder(), mapper: settings.makeMapper())
  }

  /// Saves the pending events of the given aggregates, all of them or none.
  ///
  /// Each aggregate value should be saved once: load it again before the next change.
  ///
  /// - Returns: The notification IDs given to the saved events.
  /// - Throws: ``RecorderError/versionConflict(originatorID:version:)`` when another writer
  ///   saved one of these versions first; then nothing is saved.
  @discardableResult
  public func save(_ aggregates: [any SavableAggregate]) async throws -> [Int] {
    let events = try aggregates.flatMap { try $0.pendingStoredEvents(using: mapper) }
    guard !events.isEmpty else { return [] }
    return try await recorder.insert(events)
  }

  /// Saves the pending events of the given aggregates, all of them or none.
  @discardableResult
  public func save(_ aggregates: any SavableAggregate...) async throws -> [Int] {
    try await save(aggregates)
  }
}
