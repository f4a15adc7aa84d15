public import Foundation
public import Hummingbird
internal import NIOCore

extension Request {
  /// Reads the whole body, refusing one that is too large or too slow.
  ///
  /// A client that sends its body a byte at a time keeps the connection's idle timer from
  /// firing (every byte is activity), so the body gets a deadline of its own.
  ///
  /// - Parameters:
  ///   - limit: The largest body accepted, in bytes.
  ///   - deadline: How long the whole body may take to arrive.
  /// - Throws: `HTTPError` 413 for a body over `limit`, 408 for one that takes too long.
  public mutating func collectBody(upTo limit: Int, within deadline: Duration) async throws
    -> Data
  {
    let body = self.body
    let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
      group.addTask { try await body.collect(upTo: limit) }
      group.addTask {
        try await Task.sleep(for: deadline)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let buffer = first else {
        throw HTTPError(.requestTimeout, message: "The request body took too long to arrive.")
      }
      return buffer
    }
    return Data(buffer.readableBytesView)
  }
}
