public import EventSourcing
internal import Foundation
public import Hummingbird
internal import NIOCore
internal import NIOFoundationCompat

/// Serves an application's notification log over HTTP, in the JSON of the Python library's
/// `NotificationLogJSONService` (see ``NotificationJSON``).
///
/// Three routes, under a path of your choosing (`notifications` unless given):
///
/// - `GET /notifications/sections/{id}`: a section, `"current"` or `"first,last"` such as
///   `"11,20"`. A full section never changes: it is sent with `Cache-Control: public,
///   max-age=31536000, immutable`. The current section, and any section that is not yet full,
///   is sent with `Cache-Control: no-cache`. Every section has an `ETag`; a request whose
///   `If-None-Match` names it gets `304 Not Modified` with no body.
/// - `GET /notifications?start=1&limit=10` (and optionally `&stop=`): a selection, as a JSON
///   array; `limit` is at most ``maximumLimit``.
/// - `GET /notifications/max-id?after=N&wait=S`: `{"max_id": M}` as soon as the newest ID is
///   above `N`, or after `S` seconds (at most ``maximumWait``) with the newest ID as it is.
///   This long poll is how a ``RemoteApplicationRecorder`` hears of new notifications.
///
/// Bad input is answered with 400 and a JSON body `{"error": {"message": "…"}}`.
///
/// ```swift
/// let router = Router()
/// NotificationLogService(log: school.notificationLog).addRoutes(to: router)
/// let app = Application(
///   router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// try await app.runService()
/// ```
public struct NotificationLogService: Sendable {
  /// The log served.
  public let log: NotificationLog
  /// The largest `limit` a selection may ask for.
  public let maximumLimit: Int
  /// The longest a long poll is held open.
  public let maximumWait: Duration
  /// How often a long poll checks the log when its recorder cannot tell of new notifications.
  public let pollInterval: Duration

  /// Creates a service for a log.
  ///
  /// - Parameters:
  ///   - log: The log to serve.
  ///   - maximumLimit: The largest selection; 1,000 unless given.
  ///   - maximumWait: The longest long poll; 30 seconds unless given.
  ///   - pollInterval: How often a long poll looks at a recorder that is not a
  ///     `NotifyingRecorder`; 50 milliseconds unless given. Only the server polls, locally;
  ///     remote readers wait.
  public init(
    log: NotificationLog, maximumLimit: Int = 1_000, maximumWait: Duration = .seconds(30),
    pollInterval: Duration = .milliseconds(50)
  ) {
    self.log = log
    self.maximumLimit = max(1, maximumLimit)
    self.maximumWait = maximumWait
    self.pollInterval = pollInterval
  }

  /// Adds the log's routes to a router.
  ///
  /// - Parameters:
  ///   - router: The router.
  ///   - path: The path the routes go under, without slashes; `notifications` unless given.
  public func addRoutes<Context: RequestContext>(
    to router: Router<Context>, at path: String = "notifications"
  ) {
    router.get("\(path)/sections/:id") { request, context in
      try await section(request: request, context: context)
    }
    router.get("\(path)/max-id") { request, _ in
      try await maxID(request: request)
    }
    router.get(RouterPath(path)) { request, _ in
      try await selection(request: request)
    }
  }

  // MARK: - Handlers

  private func section(request: Request, context: some RequestContext) async throws -> Response {
    let id = context.parameters.get("id") ?? ""
    guard let sectionRequest = SectionRequest(id, sectionSize: log.sectionSize) else {
      throw HTTPError(
        .badRequest,
        message: "Invalid section ID: use \"current\" or \"first,last\" of a section of "
          + "\(log.sectionSize), such as \"1,\(log.sectionSize)\".")
    }
    let section = try await log.section(sectionRequest.logSectionID)
    let body = try NotificationJSON.encode(section)
    let tag = EntityTag(body: body)
    // A full section asked for by its range can never change; "current" moves on.
    let isImmutable = section.nextID != nil && sectionRequest != .current
    var headers: HTTPFields = [
      .eTag: tag.value,
      .cacheControl: isImmutable ? "public, max-age=31536000, immutable" : "no-cache",
    ]
    if let ifNoneMatch = request.headers[.ifNoneMatch], tag.isMatched(byIfNoneMatch: ifNoneMatch) {
      return Response(status: .notModified, headers: headers)
    }
    headers[.contentType] = "application/json"
    return Response(
      status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body)))
  }

  private func selection(request: Request) async throws -> Response {
    let query = QueryIntegers(request)
    let start = try query.value("start", default: 1, in: 1...Int.max)
    let limit = try query.value("limit", default: log.sectionSize, in: 1...maximumLimit)
    let stop = try query.optionalValue("stop", in: 0...Int.max)
    let notifications = try await log.select(start: start, limit: limit, stop: stop)
    return jsonResponse(try NotificationJSON.encode(notifications))
  }

  private func maxID(request: Request) async throws -> Response {
    let query = QueryIntegers(request)
    let after = try query.value("after", default: -1, in: -1...Int.max)
    let seconds = try query.value(
      "wait", default: 0, in: 0...Int(maximumWait.components.seconds))
    let newest = try await NewNotificationWaiter(log: log, pollInterval: pollInterval)
      .newestID(after: after, waitingAtMost: .seconds(seconds))
    return jsonResponse(Data(#"{"max_id": \#(newest)}"#.utf8))
  }

  private func jsonResponse(_ body: Data) -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
      body: ResponseBody(byteBuffer: ByteBuffer(data: body)))
  }
}
