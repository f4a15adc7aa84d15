import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Runs a real server on 127.0.0.1, on a port the system picks, for the length of `body`.
///
/// The server is shut down gracefully when `body` returns or throws: it stops accepting, and
/// finishes the connections it accepted. Cancelling its task instead can drop a connection
/// accepted a moment before, which SwiftNIO stops the process for ("Deinited NIOAsyncWriter
/// without calling finish()", swift-nio issue 2637).
func withLoopbackServer<T: Sendable>(
  router: Router<BasicRequestContext>, idleTimeout: Duration = .seconds(2),
  _ body: @Sendable (_ baseURL: String, _ port: Int) async throws -> T
) async throws -> T {
  let (ports, portContinuation) = AsyncStream<Int>.makeStream()
  let logger = Logger(label: "test-server", factory: { _ in SwiftLogNoOpLogHandler() })
  let application = Application(
    router: router,
    server: .http1(
      configuration: .init(idleTimeout: TimeAmount(idleTimeout))),
    configuration: .init(address: .hostname("127.0.0.1", port: 0)),
    onServerRunning: { channel in
      portContinuation.yield(channel.localAddress?.port ?? 0)
      portContinuation.finish()
    },
    logger: logger)
  let services = ServiceGroup(services: [application], logger: logger)
  return try await withThrowingTaskGroup(of: T?.self) { group in
    group.addTask {
      try await services.run()
      return nil
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else {
      group.cancelAll()
      throw LoopbackError.serverDidNotStart
    }
    let result: Result<T, any Error>
    do {
      result = .success(try await body("http://127.0.0.1:\(port)", port))
    } catch {
      result = .failure(error)
    }
    await services.triggerGracefulShutdown()
    try await group.waitForAll()
    return try result.get()
  }
}

enum LoopbackError: Error { case serverDidNotStart }

/// A response read whole: status, headers and body.
struct LoopbackResponse {
  let status: Int
  let headers: [String: String]
  let body: Data

  /// The body as a JSON object, or nil.
  var jsonObject: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
  }

  /// The message of a JSON error body `{"error": {"message": …}}`, or nil.
  var errorMessage: String? {
    (jsonObject?["error"] as? [String: Any])?["message"] as? String
  }
}

/// Sends one request with the shared client and reads the whole answer.
func httpRequest(
  _ method: String = "GET", _ url: String, headers: [(String, String)] = [], body: Data? = nil
) async throws -> LoopbackResponse {
  var request = HTTPClientRequest(url: url)
  request.method = HTTPMethod(rawValue: method)
  for (name, value) in headers { request.headers.add(name: name, value: value) }
  if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
  let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
  let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
  var headers: [String: String] = [:]
  for header in response.headers { headers[header.name.lowercased()] = header.value }
  return LoopbackResponse(
    status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
}
