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

  /// Saves an aggregate's pending events, and then forgets them; see
  /// ``Application/save(_:tracking:)``.
  @discardableResult
  public func save<State>(
    _ aggregate: inout EventSourced<State>, tracking: Tracking? = nil
  ) async throws -> [Int] {
    try await application.save(&aggregate, tracking: tracking)
  }

  /// Saves the pending events of two aggregates, all or none, and then forgets them.
  @discardableResult
  public func save<First, Second>(
    _ first: inout EventSourced<First>, _ second: inout EventSourced<Second>,
    tracking: Tracking? = nil
  ) async throws -> [Int] {
    try await application.save(&first, &second, tracking: tracking)
  }

  /// Saves the pending events of three aggregates, all or none, and then forgets them.
  @discardableResult
  public func save<First, Second, Third>(
    _ first: inout EventSourced<First>, _ second: inout EventSourced<Second>,
    _ third: inout EventSourced<Third>, tracking: Tracking? = nil
  ) async throws -> [Int] {
    try await application.save(&first, &second, &third, tracking: tracking)
  }

  /// Saves the pending events of aggregates of one type, all or none, and then forgets them.
  @discardableResult
  public func save<State>(
    _ aggregates: inout [EventSourced<State>], tracking: Tracking? = nil
  ) async throws -> [Int] {
    try await application.save(&aggregates, tracking: tracking)
  }
}
