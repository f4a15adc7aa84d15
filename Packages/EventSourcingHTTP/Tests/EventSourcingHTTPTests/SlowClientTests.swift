#if canImport(Glibc)
  import DogSchool
  import EventSourcing
  import EventSourcingHTTP
  import Foundation
  import Hummingbird
  import Testing

  /// Clients that stop half-way are cut off, and do not hold up anyone else.
  @Suite struct SlowClientTests {
    private func router() throws -> Router<BasicRequestContext> {
      let router = Router()
      NotificationLogService(log: try DogSchool().notificationLog).addRoutes(to: router)
      return router
    }

    @Test("A request whose head stops half-way is closed after the idle timeout")
    func stalledHead() async throws {
      try await withLoopbackServer(router: try router(), idleTimeout: .seconds(1)) { url, port in
        let stalled = try RawSocket(port: port)
        try stalled.send("GET /notifications/sections/1,10 HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        async let outcome = stalled.readUntilClosed(limit: .seconds(20))
        // Others are served meanwhile.
        let other = try await httpRequest("GET", "\(url)/notifications/sections/current")
        #expect(other.status == 200)
        let (bytes, closed) = await outcome
        #expect(closed, "the server should close a stalled connection")
        #expect(bytes.isEmpty)
      }
    }

    @Test("A connection that sends nothing is closed after the idle timeout")
    func silentConnection() async throws {
      try await withLoopbackServer(router: try router(), idleTimeout: .seconds(1)) { url, port in
        let silent = try RawSocket(port: port)
        async let outcome = silent.readUntilClosed(limit: .seconds(20))
        let other = try await httpRequest("GET", "\(url)/notifications?start=1&limit=1")
        #expect(other.status == 200)
        #expect(await outcome.closed)
      }
    }

    @Test("A head that trickles in, a byte at a time, cannot keep the connection open")
    func tricklingHead() async throws {
      try await withLoopbackServer(router: try router(), idleTimeout: .seconds(1)) { url, port in
        let trickling = try RawSocket(port: port)
        let request =
          "GET /notifications/sections/current HTTP/1.1\r\nHost: x\r\nX-Slow: "
          + String(repeating: "a", count: 200)
        // The idle timer only restarts when a whole head has arrived, so bytes that come in
        // slowly do not keep the connection alive (slowloris); sending fails once it is closed.
        var sendFailed = false
        for byte in request {
          do { try trickling.send(String(byte)) } catch {
            sendFailed = true
            break
          }
          try await Task.sleep(for: .milliseconds(20))
        }
        let other = try await httpRequest("GET", "\(url)/notifications/sections/current")
        #expect(other.status == 200)
        let (bytes, closed) = await trickling.readUntilClosed(limit: .seconds(20))
        #expect(sendFailed || closed)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("200 OK"))
      }
    }
  }
#endif
