public import AsyncHTTPClient
public import EventSourcing
public import Foundation
internal import NIOCore
internal import NIOHTTP1

/// The notification log of an application in another process, read over HTTP from a
/// ``NotificationLogService``: an ``ApplicationRecorder`` that only reads.
///
/// Wrap it in a `NotificationLog`, and a `Follower` or `ProjectionRunner` follows the remote
/// application exactly as a local one:
///
/// ```swift
/// let remote = RemoteApplicationRecorder(url: "http://127.0.0.1:8080/notifications")
/// let log = NotificationLog(recorder: remote)
/// let follower = Follower(following: "DogSchool", log: log, projection: projection, view: view)
/// try await follower.catchUp()
/// ```
///
/// It is a `NotifyingRecorder`: ``newNotificationIDs()`` holds a long poll open on the
/// server, which answers as soon as something new is recorded, so a follower neither misses
/// news nor asks in a tight loop. Recording events (`insert`) and reading one aggregate's
/// events throw ``RemoteLogError/readOnly(operation:)``: the log is all that is served.
public struct RemoteApplicationRecorder: NotifyingRecorder {
  /// The URL of the served log, such as `http://127.0.0.1:8080/notifications`.
  public let url: String
  /// How long one long poll asks the server to wait for news.
  public let longPollWait: Duration
  /// How long any other request may take.
  public let requestTimeout: Duration
  private let client: HTTPClient

  /// The largest response body read: a selection of 1,000 notifications of 64 KiB each.
  private static let maximumBodySize = 64 * 1024 * 1024

  /// Creates a reader of a served log.
  ///
  /// - Parameters:
  ///   - url: The URL the log's routes are under, such as `http://host:8080/notifications`.
  ///   - client: The HTTP client; the shared one unless given.
  ///   - longPollWait: How long the server holds a long poll; 25 seconds unless given (the
  ///     server may allow less).
  ///   - requestTimeout: How long other requests may take; 30 seconds unless given.
  public init(
    url: String, client: HTTPClient = .shared, longPollWait: Duration = .seconds(25),
    requestTimeout: Duration = .seconds(30)
  ) {
    self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
    self.client = client
    self.longPollWait = longPollWait
    self.requestTimeout = requestTimeout
  }

  // MARK: - ApplicationRecorder

  /// Always throws ``RemoteLogError/readOnly(operation:)``.
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    throw RemoteLogError.readOnly(operation: "insert")
  }

  /// Always throws ``RemoteLogError/readOnly(operation:)``: the server serves the log, not
  /// the aggregates.
  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    throw RemoteLogError.readOnly(operation: "events(for:)")
  }

  /// Reads a selection: `GET {url}?start=…&limit=…&stop=…`.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    // The server takes what a local recorder would take; anything else is empty here too.
    guard limit > 0, start <= (stop ?? .max) else { return [] }
    var address = "\(url)?start=\(max(1, start))&limit=\(limit)"
    if let stop { address += "&stop=\(stop)" }
    let body = try await get(address, timeout: requestTimeout)
    do {
      return try NotificationJSON.decodeNotifications(body)
    } catch {
      throw RemoteLogError.invalidResponse(url: address)
    }
  }

  /// The newest notification ID: `GET {url}/max-id`.
  public func maxNotificationID() async throws -> Int {
    try await newestID(after: -1, wait: .zero)
  }

  // MARK: - NotifyingRecorder

  /// The newest ID now, then each time the server reports a larger one; long polls the
  /// server, one request at a time. Ends when the iterating task is cancelled, and throws
  /// when a request fails (a follower then starts again, from its own position).
  public func newNotificationIDs() -> AsyncThrowingStream<Int, any Error> {
    AsyncThrowingStream { continuation in
      let task = Task {
        do {
          var last = try await maxNotificationID()
          continuation.yield(last)
          while !Task.isCancelled {
            let newest = try await newestID(after: last, wait: longPollWait)
            // A smaller ID (a server started on an emptied log) is no news for the follower.
            if newest > last {
              last = newest
              continuation.yield(newest)
            }
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: Task.isCancelled ? nil : error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  // MARK: - HTTP

  private func newestID(after: Int, wait: Duration) async throws -> Int {
    let seconds = max(0, wait.components.seconds)
    let address = "\(url)/max-id?after=\(after)&wait=\(seconds)"
    let body = try await get(address, timeout: wait + requestTimeout)
    guard let answer = try? JSONDecoder().decode(MaxIDBody.self, from: body) else {
      throw RemoteLogError.invalidResponse(url: address)
    }
    return answer.maxID
  }

  private func get(_ address: String, timeout: Duration) async throws -> Data {
    let request = HTTPClientRequest(url: address)
    let response = try await client.execute(
      request, timeout: TimeAmount(timeout))
    let buffer = try await response.body.collect(upTo: Self.maximumBodySize)
    guard response.status == .ok else {
      let message =
        (try? JSONDecoder().decode(ErrorBody.self, from: Data(buffer.readableBytesView)))?
        .error.message ?? ""
      throw RemoteLogError.unexpectedStatus(
        url: address, status: Int(response.status.code), message: message)
    }
    return Data(buffer.readableBytesView)
  }
}

private struct MaxIDBody: Decodable {
  let maxID: Int
  enum CodingKeys: String, CodingKey { case maxID = "max_id" }
}

// Hummingbird's error body: {"error": {"message": "…"}}.
private struct ErrorBody: Decodable {
  struct Message: Decodable { let message: String }
  let error: Message
}
