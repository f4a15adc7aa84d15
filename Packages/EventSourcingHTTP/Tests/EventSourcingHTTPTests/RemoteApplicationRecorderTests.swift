import DogSchool
import EventSourcing
import EventSourcingHTTP
import Foundation
import Hummingbird
import Testing

/// A remote log read over loopback, through the same interface as a local one.
@Suite struct RemoteApplicationRecorderTests {
  let school: DogSchool

  init() throws {
    school = try DogSchool()
  }

  private func router(maximumWait: Duration = .seconds(5)) -> Router<BasicRequestContext> {
    let router = Router()
    NotificationLogService(log: school.notificationLog, maximumWait: maximumWait)
      .addRoutes(to: router)
    return router
  }

  @Test("A follower follows a served application over HTTP, unchanged")
  func followerOverHTTP() async throws {
    let fido = try await school.registerDog(name: "Fido")
    try await school.addTrick(fido, trick: "roll over")
    let rex = try await school.registerDog(name: "Rex")
    try await school.addTrick(rex, trick: "roll over")
    try await school.addTrick(rex, trick: "play dead")
    try await withLoopbackServer(router: router()) { url, _ in
      let remote = RemoteApplicationRecorder(url: "\(url)/notifications")
      let view = InMemoryDogsPerTrickView()
      // A page of 2, so that the follower reads several pages.
      let follower = Follower(
        following: "DogSchool", log: NotificationLog(recorder: remote),
        projection: DogsPerTrick<InMemoryDogsPerTrickView>(mapper: school.application.mapper),
        view: view, pageSize: 2)
      #expect(try await follower.catchUp() == 5)
      #expect(try await view.allCounts() == ["roll over": 2, "play dead": 1])
      #expect(try await follower.position() == 5)

      try await school.addTrick(fido, trick: "play dead")
      #expect(try await follower.catchUp() == 1)
      #expect(try await view.numberOfDogs(knowing: "play dead") == 2)
      #expect(try await follower.catchUp() == 0)
    }
  }

  @Test("A projection runner keeps a view up to date over HTTP while the school writes")
  func projectionRunnerOverHTTP() async throws {
    _ = try await school.registerDog(name: "Fido")
    try await withLoopbackServer(router: router()) { url, _ in
      let view = InMemoryDogsPerTrickView()
      let runner = ProjectionRunner(
        follower: Follower(
          following: "DogSchool",
          log: NotificationLog(recorder: RemoteApplicationRecorder(url: "\(url)/notifications")),
          projection: DogsPerTrick<InMemoryDogsPerTrickView>(mapper: school.application.mapper),
          view: view))
      runner.start()
      for name in ["Rex", "Milou", "Laika"] {
        let dog = try await school.registerDog(name: name)
        try await school.addTrick(dog, trick: "sit")
      }
      try await runner.waitUntilProcessed(through: 7, timeout: .seconds(20))
      await runner.stop()
      #expect(try await view.allCounts() == ["sit": 3])
      #expect(try await runner.follower.position() == 7)
    }
  }

  @Test("The remote log reads the same notifications and sections as the local one")
  func sameAsLocal() async throws {
    for name in ["Fido", "Rex", "Milou"] { _ = try await school.registerDog(name: name) }
    try await withLoopbackServer(router: router()) { url, _ in
      let remote = NotificationLog(
        recorder: RemoteApplicationRecorder(url: "\(url)/notifications/"))
      let local = school.notificationLog
      #expect(try await remote.maxNotificationID() == 3)
      for (start, limit, stop) in [(1, 10, nil), (2, 1, nil), (1, 10, 2), (3, 5, 3)] {
        let expected = try await local.select(start: start, limit: limit, stop: stop)
        #expect(try await remote.select(start: start, limit: limit, stop: stop) == expected)
      }
      let current = try await local.section("current")
      #expect(try await remote.section("current") == current)
      #expect(try await remote.select(start: 4, limit: 10).isEmpty)
    }
  }

  @Test("newNotificationIDs gives the newest ID, then each new one, by long polling")
  func newNotificationIDs() async throws {
    _ = try await school.registerDog(name: "Fido")
    try await withLoopbackServer(router: router()) { url, _ in
      let remote = RemoteApplicationRecorder(url: "\(url)/notifications", longPollWait: .seconds(5))
      var ids = remote.newNotificationIDs().makeAsyncIterator()
      #expect(try await ids.next() == 1)
      _ = try await school.registerDog(name: "Rex")
      let next = try #require(try await ids.next())
      #expect(next == 2)
      _ = try await school.registerDog(name: "Milou")
      _ = try await school.registerDog(name: "Laika")
      // Several inserts may be told as one, but never as less than what was recorded before.
      var newest = try #require(try await ids.next())
      if newest < 4 { newest = try #require(try await ids.next()) }
      #expect(newest == 4)
    }
  }

  @Test("Recording through a remote log throws a read-only error")
  func readOnly() async throws {
    let remote = RemoteApplicationRecorder(url: "http://127.0.0.1:9/notifications")
    await #expect(throws: RemoteLogError.readOnly(operation: "insert")) {
      try await remote.insert([])
    }
    await #expect(throws: RemoteLogError.readOnly(operation: "events(for:)")) {
      _ = try await remote.events(for: UUID())
    }
    #expect(RemoteLogError.readOnly(operation: "insert").description.contains("read-only"))
  }

  @Test("An answer that is not the log's JSON, or an error status, throws")
  func badServer() async throws {
    let router = Router()
    router.get("bad/max-id") { _, _ in "not json" }
    router.get("bad") { _, _ in #"[{"id": 1}]"# }
    try await withLoopbackServer(router: router) { url, _ in
      let bad = RemoteApplicationRecorder(url: "\(url)/bad")
      await #expect(
        throws: RemoteLogError.invalidResponse(url: "\(url)/bad/max-id?after=-1&wait=0")
      ) {
        _ = try await bad.maxNotificationID()
      }
      await #expect(throws: RemoteLogError.invalidResponse(url: "\(url)/bad?start=1&limit=5")) {
        _ = try await bad.notifications(start: 1, limit: 5)
      }
      let missing = RemoteApplicationRecorder(url: "\(url)/missing")
      do {
        _ = try await missing.maxNotificationID()
        Issue.record("a 404 should throw")
      } catch let RemoteLogError.unexpectedStatus(_, status, _) {
        #expect(status == 404)
      }
    }
  }
}
