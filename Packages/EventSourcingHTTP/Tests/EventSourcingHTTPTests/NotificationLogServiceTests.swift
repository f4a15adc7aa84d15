import DogSchool
import EventSourcing
import EventSourcingHTTP
import Foundation
import Hummingbird
import Testing

/// The log served over loopback, read back with a real client.
@Suite struct NotificationLogServiceTests {
  let school: DogSchool
  /// Sections of 2, so that three dogs make one full section and one that is not.
  let log: NotificationLog

  init() throws {
    school = try DogSchool()
    log = NotificationLog(recorder: school.application.recorder, sectionSize: 2)
  }

  private func router() -> Router<BasicRequestContext> {
    let router = Router()
    NotificationLogService(log: log, maximumWait: .seconds(5)).addRoutes(to: router)
    return router
  }

  @Test("A section is the Python library's JSON: id, next_id, items with hex UUIDs and base64")
  func sectionJSON() async throws {
    let dog = try await school.registerDog(name: "Fido")
    try await school.addTrick(dog, trick: "roll over")
    let stored = try await log.select(start: 1, limit: 10)
    try await withLoopbackServer(router: router()) { url, _ in
      let response = try await httpRequest("GET", "\(url)/notifications/sections/1,2")
      #expect(response.status == 200)
      #expect(response.headers["content-type"] == "application/json")
      let object = try #require(response.jsonObject)
      #expect(Set(object.keys) == ["id", "next_id", "items"])
      #expect(object["id"] as? String == "1,2")
      #expect(object["next_id"] as? String == "3,4")
      let items = try #require(object["items"] as? [[String: Any]])
      #expect(items.count == 2)
      let first = try #require(items.first)
      #expect(Set(first.keys) == ["id", "originator_id", "originator_version", "topic", "state"])
      #expect(first["id"] as? Int == 1)
      let hex = dog.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      #expect(first["originator_id"] as? String == hex)
      #expect(first["originator_version"] as? Int == stored[0].originatorVersion)
      #expect(first["topic"] as? String == stored[0].topic)
      // The root package's DogSchool module, so a follower built on it decodes what is served.
      #expect(first["topic"] as? String == "DogSchool.Dog.Event.registered")
      let state = try #require(first["state"] as? String)
      #expect(Data(base64Encoded: state) == stored[0].state)
    }
  }

  @Test("A section that is not full has a null next_id, and the decoder reads both back")
  func partialSection() async throws {
    for name in ["Fido", "Rex", "Milou"] { _ = try await school.registerDog(name: name) }
    let stored = try await log.select(start: 1, limit: 10)
    try await withLoopbackServer(router: router()) { url, _ in
      let response = try await httpRequest("GET", "\(url)/notifications/sections/3,4")
      let object = try #require(response.jsonObject)
      #expect(object["id"] as? String == "3,3")
      #expect(object.keys.contains("next_id"))
      #expect(object["next_id"] is NSNull)
      let section = try NotificationJSON.decodeSection(response.body)
      #expect(section.id == "3,3")
      #expect(section.nextID == nil)
      #expect(section.items == Array(stored[2...]))
    }
  }

  @Test("A full section is cached for ever with an ETag; If-None-Match gets 304")
  func fullSectionCaching() async throws {
    for name in ["Fido", "Rex", "Milou"] { _ = try await school.registerDog(name: name) }
    try await withLoopbackServer(router: router()) { url, _ in
      let full = try await httpRequest("GET", "\(url)/notifications/sections/1,2")
      #expect(full.headers["cache-control"] == "public, max-age=31536000, immutable")
      let tag = try #require(full.headers["etag"])
      #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
      let again = try await httpRequest(
        "GET", "\(url)/notifications/sections/1,2", headers: [("If-None-Match", tag)])
      #expect(again.status == 304)
      #expect(again.body.isEmpty)
      #expect(again.headers["etag"] == tag)
      let other = try await httpRequest(
        "GET", "\(url)/notifications/sections/1,2", headers: [("If-None-Match", "\"0\"")])
      #expect(other.status == 200)
      #expect(other.body == full.body)
    }
  }

  @Test("The current section and a section that is not full are not cached")
  func currentSectionIsNotCached() async throws {
    for name in ["Fido", "Rex", "Milou", "Laika"] { _ = try await school.registerDog(name: name) }
    try await withLoopbackServer(router: router()) { url, _ in
      // "current" is full here (3,4), but the next dog moves it on.
      let current = try await httpRequest("GET", "\(url)/notifications/sections/current")
      #expect(current.status == 200)
      #expect(current.jsonObject?["id"] as? String == "3,4")
      #expect(current.headers["cache-control"] == "no-cache")
      let empty = try await httpRequest("GET", "\(url)/notifications/sections/5,6")
      #expect(empty.status == 200)
      #expect(empty.headers["cache-control"] == "no-cache")
      _ = try await school.registerDog(name: "Snowy")
      let later = try await httpRequest(
        "GET", "\(url)/notifications/sections/5,6",
        headers: [("If-None-Match", try #require(empty.headers["etag"]))])
      #expect(later.status == 200)
      #expect(later.jsonObject?["id"] as? String == "5,5")
    }
  }

  @Test(
    "A malformed, huge or unaligned section ID gets 400 with a JSON error",
    arguments: [
      "9223372036854775807,9223372036854775807", "9223372036854775801,9223372036854775810",
      "-5,3", "abc", "1,2,3", "1,", ",2", "+1,2", "2,3", "1,4", "0,1", "3,2", "1%2C3", "CURRENT",
      "%00", String(repeating: "9", count: 10_000), String(repeating: "1,", count: 5_000) + "1",
    ])
  func badSectionID(_ id: String) async throws {
    try await withLoopbackServer(router: router()) { url, _ in
      let response = try await httpRequest("GET", "\(url)/notifications/sections/\(id)")
      #expect(response.status == 400)
      #expect(response.errorMessage?.contains("section") == true)
    }
  }

  @Test("A selection is an array of notifications from start, at most limit")
  func selection() async throws {
    for name in ["Fido", "Rex", "Milou"] { _ = try await school.registerDog(name: name) }
    let stored = try await log.select(start: 1, limit: 10)
    try await withLoopbackServer(router: router()) { url, _ in
      let response = try await httpRequest("GET", "\(url)/notifications?start=2&limit=5")
      #expect(response.status == 200)
      #expect(try NotificationJSON.decodeNotifications(response.body) == Array(stored[1...]))
      let stopped = try await httpRequest("GET", "\(url)/notifications?start=1&limit=5&stop=2")
      #expect(try NotificationJSON.decodeNotifications(stopped.body) == Array(stored[..<2]))
    }
  }

  @Test(
    "Bad selection parameters get 400 with a JSON error",
    arguments: [
      "start=0", "start=-1", "start=abc", "limit=0", "limit=1001", "limit=-3",
      "start=99999999999999999999999", "stop=-1", "start=1.5",
      "start=" + String(repeating: "1", count: 10_000),
    ])
  func badSelection(_ query: String) async throws {
    try await withLoopbackServer(router: router()) { url, _ in
      let response = try await httpRequest("GET", "\(url)/notifications?\(query)")
      #expect(response.status == 400)
      #expect(response.errorMessage?.contains("Query parameter") == true)
    }
  }

  @Test("A long poll answers with the new ID once something is recorded")
  func longPoll() async throws {
    _ = try await school.registerDog(name: "Fido")
    try await withLoopbackServer(router: router()) { url, _ in
      let now = try await httpRequest("GET", "\(url)/notifications/max-id")
      #expect(now.jsonObject?["max_id"] as? Int == 1)
      async let waited = httpRequest("GET", "\(url)/notifications/max-id?after=1&wait=5")
      _ = try await school.registerDog(name: "Rex")
      #expect(try await waited.jsonObject?["max_id"] as? Int == 2)
      let bad = try await httpRequest("GET", "\(url)/notifications/max-id?after=1&wait=3600")
      #expect(bad.status == 400)
    }
  }

  // The server is shut down gracefully when the body returns, with the long poll in flight:
  // it waits for the requests it is answering, so the poll must stop waiting, not run its 60 s.
  @Test("A long poll answers with the newest ID when the server shuts down gracefully")
  func longPollAtShutdown() async throws {
    _ = try await school.registerDog(name: "Fido")
    let router = Router()
    NotificationLogService(log: log, maximumWait: .seconds(60)).addRoutes(to: router)
    let started = ContinuousClock.now
    let poll = Task {
      try await withLoopbackServer(router: router) { url, _ in
        let waiting = Task {
          try await httpRequest("GET", "\(url)/notifications/max-id?after=1&wait=60")
        }
        // Long enough for the request to reach its handler and start waiting.
        try await Task.sleep(for: .milliseconds(300))
        return waiting
      }
    }
    let response = try await poll.value.value
    #expect(response.status == 200)
    #expect(response.jsonObject?["max_id"] as? Int == 1)
    #expect(ContinuousClock.now - started < .seconds(30))
  }
}
