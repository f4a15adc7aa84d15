// Linux only: the misbehaving-client tests run where the server is deployed and CI runs.
#if canImport(Glibc)
  import Foundation
  import Glibc

  /// A plain TCP connection to 127.0.0.1, for clients that misbehave: it sends what it is given
  /// and no more. Blocking calls run on a thread of their own, never on the test's.
  final class RawSocket: @unchecked Sendable {  // @unchecked: one test uses it at a time
    private let descriptor: Int32

    init(port: Int) throws {
      descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard descriptor >= 0 else { throw RawSocketError.failed("socket") }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard result == 0 else {
        close(descriptor)
        throw RawSocketError.failed("connect")
      }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
      let bytes = Array(text.utf8)
      let sent = bytes.withUnsafeBytes {
        // MSG_NOSIGNAL: a closed connection is an error here, not a SIGPIPE that ends the tests.
        Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent == bytes.count else { throw RawSocketError.failed("send") }
    }

    /// Reads until the server closes the connection or `limit` passes: the bytes read, and
    /// whether the server closed it.
    func readUntilClosed(limit: Duration) async -> (bytes: Data, closed: Bool) {
      await withCheckedContinuation { continuation in
        Thread.detachNewThread {
          var timeout = timeval(tv_sec: Int(limit.components.seconds), tv_usec: 0)
          setsockopt(
            self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout,
            socklen_t(MemoryLayout<timeval>.size))
          var data = Data()
          var buffer = [UInt8](repeating: 0, count: 4096)
          while true {
            let count = recv(self.descriptor, &buffer, buffer.count, 0)
            if count > 0 {
              data.append(contentsOf: buffer[..<count])
            } else {
              // 0: closed by the server; -1: timed out (or reset, which also means closed).
              continuation.resume(returning: (data, count == 0 || errno == ECONNRESET))
              return
            }
          }
        }
      }
    }
  }

  enum RawSocketError: Error { case failed(String) }
#endif
