import DogSchool
import DogSchoolService
import EventSourcing
import EventSourcingHTTP
import Foundation
import Hummingbird
import Synchronization
import Testing

/// The dog school over loopback: its routes and their errors.
@Suite struct DogSchoolServiceTests {
  private func json(_ object: [String: Any]) throws -> Data {
    try JSONSerialization.data(withJSONObject: object)
  }

  private func withSchool<T: Sendable>(
    _ school: DogSchool? = nil,
    _ body: @Sendable (_ url: String, _ school: DogSchool) async throws -> T
  ) async throws -> T {
    let school = try school ?? DogSchool()
    let router = Router()
    // The body deadline is shorter than the idle timeout, so that a stalled body gets its 408
    // before the connection is closed for idling.
    DogSchoolService(school: school, bodyDeadline: .seconds(1)).addRoutes(to: router)
    return try await withLoopbackServer(router: router, idleTimeout: .seconds(3)) { url, _ in
      try await body(url, school)
    }
  }

  @Test("Register a dog, teach it a trick, get it, and find both events in the log")
  func registerTeachGet() async throws {
    try await withSchool { url, school in
      let registered = try await httpRequest(
        "POST", "\(url)/dogs", body: try json(["name": "Fido"]))
      #expect(registered.status == 201)
      let id = try #require(registered.jsonObject?["id"] as? String)
      #expect(id.count == 32)
      let taught = try await httpRequest(
        "POST", "\(url)/dogs/\(id)/tricks", body: try json(["trick": "roll over"]))
      #expect(taught.status == 204)
      let dog = try await httpRequest("GET", "\(url)/dogs/\(id)")
      #expect(dog.status == 200)
      #expect(dog.jsonObject?["name"] as? String == "Fido")
      #expect(dog.jsonObject?["tricks"] as? [String] == ["roll over"])
      #expect(try await school.getDog(try #require(UUID(hexDigits: id))).tricks == ["roll over"])
      let log = try await httpRequest("GET", "\(url)/notifications?start=1&limit=10")
      let notifications = try NotificationJSON.decodeNotifications(log.body)
      #expect(notifications.map(\.originatorID.hexDigits) == [id, id])
    }
  }

  @Test("An unknown dog is 404 with a JSON error")
  func unknownDog() async throws {
    try await withSchool { url, _ in
      let id = UUID().hexDigits
      let get = try await httpRequest("GET", "\(url)/dogs/\(id)")
      #expect(get.status == 404)
      #expect(get.errorMessage?.contains("No dog") == true)
      let teach = try await httpRequest(
        "POST", "\(url)/dogs/\(id)/tricks", body: try json(["trick": "sit"]))
      #expect(teach.status == 404)
    }
  }

  @Test(
    "A bad dog ID is 400 with a JSON error",
    arguments: [
      "abc", "1234", String(repeating: "a", count: 31), String(repeating: "g", count: 32),
      String(repeating: "a", count: 10_000), "00000000-0000-0000-0000-00000000000Z",
    ])
  func badID(_ id: String) async throws {
    try await withSchool { url, _ in
      let response = try await httpRequest("GET", "\(url)/dogs/\(id)")
      #expect(response.status == 400)
      #expect(response.errorMessage?.contains("UUID") == true)
    }
  }

  @Test(
    "A bad body is 400 with a JSON error",
    arguments: [
      "", "{", "[]", "null", #"{"name": 5}"#, #"{"nom": "Fido"}"#, #"{"name": ""}"#,
      "{\"name\": \"\(String(repeating: "x", count: 101))\"}", "\u{FF}\u{FE}",
    ])
  func badBody(_ body: String) async throws {
    try await withSchool { url, _ in
      let response = try await httpRequest("POST", "\(url)/dogs", body: Data(body.utf8))
      #expect(response.status == 400)
      #expect(response.errorMessage?.contains("name") == true)
    }
  }

  @Test("A body over the limit is 413, and the server goes on serving")
  func oversizedBody() async throws {
    try await withSchool { url, _ in
      let huge =
        Data(#"{"name": ""#.utf8) + Data(repeating: 0x61, count: 1_000_000) + Data(#""}"#.utf8)
      let response = try await httpRequest("POST", "\(url)/dogs", body: huge)
      #expect(response.status == 413)
      let after = try await httpRequest("POST", "\(url)/dogs", body: try json(["name": "Rex"]))
      #expect(after.status == 201)
    }
  }

  @Test("A version conflict is 409 with a JSON error")
  func versionConflict() async throws {
    let recorder = ConflictingRecorder()
    let school = DogSchool(application: Application(recorder: recorder))
    try await withSchool(school) { url, school in
      let id = try await school.registerDog(name: "Fido")
      recorder.conflictsFromNowOn()
      let response = try await httpRequest(
        "POST", "\(url)/dogs/\(id.hexDigits)/tricks", body: try json(["trick": "sit"]))
      #expect(response.status == 409)
      #expect(response.errorMessage?.contains("send the request again") == true)
    }
  }

  #if canImport(Glibc)
    @Test("A body that stops half-way is 408, and others are served meanwhile")
    func stalledBody() async throws {
      try await withSchool { url, _ in
        let port = try #require(URL(string: url)?.port)
        let slow = try RawSocket(port: port)
        try slow.send(
          "POST /dogs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"name\": ")
        async let outcome = slow.readUntilClosed(limit: .seconds(20))
        let other = try await httpRequest("POST", "\(url)/dogs", body: try json(["name": "Rex"]))
        #expect(other.status == 201)
        let answer = String(decoding: await outcome.bytes, as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 408"))
      }
    }

    @Test("A body that trickles in, a byte at a time, is 408 all the same")
    func tricklingBody() async throws {
      try await withSchool { url, _ in
        let port = try #require(URL(string: url)?.port)
        let slow = try RawSocket(port: port)
        try slow.send("POST /dogs HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        // Each byte restarts the idle timer; only the body's own deadline ends this.
        for _ in 0..<30 {
          do { try slow.send(" ") } catch { break }
          try await Task.sleep(for: .milliseconds(100))
        }
        let answer = String(
          decoding: await slow.readUntilClosed(limit: .seconds(20)).bytes, as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 408"))
      }
    }
  #endif
}

/// An in-memory recorder that, once told to, answers every insert with a version conflict,
/// as when another request saved the same dog first.
final class ConflictingRecorder: ApplicationRecorder {
  private let inner = InMemoryRecorder()
  private let isConflicting = Mutex(false)

  func conflictsFromNowOn() { isConflicting.withLock { $0 = true } }

  func insert(_ events: [StoredEvent]) async throws -> [Int] {
    if isConflicting.withLock({ $0 }), let first = events.first {
      throw RecorderError.versionConflict(
        originatorID: first.originatorID, version: first.originatorVersion)
    }
    return try await inner.insert(events)
  }

  func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    try await inner.events(
      for: originatorID, after: version, through: throughVersion, descending: descending,
      limit: limit)
  }

  func notifications(start: Int, limit: Int, stop: Int?) async throws -> [EventNotification] {
    try await inner.notifications(start: start, limit: limit, stop: stop)
  }

  func maxNotificationID() async throws -> Int { try await inner.maxNotificationID() }
}
