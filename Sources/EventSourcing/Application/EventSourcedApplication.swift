/// A type that is an event-sourced application by composing an ``Application``.
///
/// Conforming types get `save`, `repository` and `notificationLog` directly, so that a
/// `DogSchool` reads like the Python library's applications.
public protocol EventSourcedApplication: Sendable {
  /// The application this type is built on.
  var application: Application { get }
}

extension EventSourcedApplication {
  /// Gets the application's aggregates.
  public var repository: Repository { application.repository }

  /// Every event the application has recorded, in order.
  public var notificationLog: NotificationLog { application.notificationLog }

  /// Saves the pending events of the given aggregates, all of them or none.
  @discardableResult
  public func save(_ aggregates: any SavableAggregate...) async throws -> [Int] {
    try await application.save(aggregates)
  }

  /// Saves the pending events of the given aggregates, all of them or none.
  @discardableResult
  public func save(_ aggregates: [any SavableAggregate]) async throws -> [Int] {
    try await application.save(aggregates)
  }
}
