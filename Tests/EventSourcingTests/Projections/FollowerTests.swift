import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Projections that follow the log")
struct FollowerTests {
  let school = DogSchool(application: Application(recorder: InMemoryRecorder()))

  private func follower(
    view: InMemoryDogsPerTrickView, pageSize: Int = 3
  ) -> Follower<DogsPerTrick<InMemoryDogsPerTrickView>> {
    Follower(
      following: "DogSchool", log: school.notificationLog,
      projection: DogsPerTrick(mapper: school.application.mapper), view: view, pageSize: pageSize)
  }

  /// Registers dogs and teaches them tricks; returns the number of notifications recorded.
  @discardableResult
  private func teach(_ tricksByDog: [String: [String]]) async throws -> Int {
    for (name, tricks) in tricksByDog.sorted(by: { $0.key < $1.key }) {
      let dogID = try await school.registerDog(name: name)
      for trick in tricks { try await school.addTrick(dogID, trick: trick) }
    }
    return try await school.notificationLog.maxNotificationID()
  }

  @Test("Counts dogs per trick, then only what is new, tracking every notification")
  func catchingUp() async throws {
    let view = InMemoryDogsPerTrickView()
    let follower = follower(view: view)
    let first = try await teach(["Fido": ["sit", "roll over"], "Rex": ["sit"]])
    #expect(try await follower.catchUp() == first)
    #expect(try await view.numberOfDogs(knowing: "sit") == 2)
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1)
    #expect(try await follower.position() == first)

    let total = try await teach(["Bella": ["sit", "fetch"]])
    #expect(try await follower.catchUp() == total - first)
    #expect(try await follower.catchUp() == 0)
    #expect(try await view.numberOfDogs(knowing: "sit") == 3)
    #expect(try await view.numberOfDogs(knowing: "fetch") == 1)
  }

  @Test("A new follower on the same view resumes where the last one stopped")
  func restart() async throws {
    let view = InMemoryDogsPerTrickView()
    try await teach(["Fido": ["sit"]])
    try await follower(view: view).catchUp()
    try await teach(["Rex": ["sit"]])
    #expect(try await follower(view: view).catchUp() == 2)
    #expect(try await view.numberOfDogs(knowing: "sit") == 2)
  }

  @Test("The view refuses a position it has passed, so nothing is applied twice")
  func alreadyProcessed() async throws {
    let view = InMemoryDogsPerTrickView()
    let tracking = Tracking(applicationName: "DogSchool", notificationID: 2)
    try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
    await #expect(throws: TrackingError.alreadyProcessed(tracking)) {
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
    }
    let older = Tracking(applicationName: "DogSchool", notificationID: 1)
    await #expect(throws: TrackingError.alreadyProcessed(older)) {
      try await view.insertTracking(older)
    }
    #expect(try await view.numberOfDogs(knowing: "sit") == 1)
    #expect(try await view.maxTrackingID(for: "DogSchool") == 2)
    #expect(try await view.maxTrackingID(for: "Cattery") == 0)
  }

  @Test("A projection that fails part-way resumes at the failed notification")
  func failureAndResume() async throws {
    let total = try await teach(["Fido": ["sit", "stay", "roll over"], "Rex": ["sit", "stay"]])
    let view = InMemoryDogsPerTrickView()
    let failing = Follower(
      following: "DogSchool", log: school.notificationLog,
      projection: FailingAt(notificationID: 4, wrapped: DogsPerTrick(mapper: school.application.mapper)),
      view: view)
    await #expect(throws: Crash.self) { try await failing.catchUp() }
    #expect(try await view.maxTrackingID(for: "DogSchool") == 3)

    try await follower(view: view).catchUp()
    let fromScratch = InMemoryDogsPerTrickView()
    try await follower(view: fromScratch).catchUp()
    for trick in ["sit", "stay", "roll over"] {
      #expect(try await view.numberOfDogs(knowing: trick) == fromScratch.numberOfDogs(knowing: trick))
    }
    #expect(try await view.maxTrackingID(for: "DogSchool") == total)
  }

  @Test("A runner keeps the view up to date while the school writes")
  func runner() async throws {
    let view = InMemoryDogsPerTrickView()
    let runner = ProjectionRunner(follower: follower(view: view), pollInterval: .milliseconds(5))
    runner.start()
    for index in 0..<10 {
      let dogID = try await school.registerDog(name: "Dog \(index)")
      try await school.addTrick(dogID, trick: "sit")
    }
    try await runner.waitUntilProcessed(through: school.notificationLog.maxNotificationID())
    await runner.stop()
    #expect(try await view.numberOfDogs(knowing: "sit") == 10)
    #expect(runner.lastError == nil)
  }

  @Test("Waiting for a runner that cannot keep up times out with where it got")
  func runnerTimeout() async throws {
    let runner = ProjectionRunner(follower: follower(view: InMemoryDogsPerTrickView()))
    await #expect(throws: ProjectionRunnerError.timedOut(position: 0, target: 1, lastError: nil)) {
      try await runner.waitUntilProcessed(through: 1, timeout: .milliseconds(20))
    }
  }
}

/// Stands for a process that dies while processing a notification.
private struct Crash: Error {}

/// A projection that fails at one notification, as a crash between events would.
private struct FailingAt<Wrapped: Projection>: Projection {
  let notificationID: Int
  let wrapped: Wrapped

  func process(_ notification: EventNotification, tracking: Tracking, in view: Wrapped.View) async throws {
    if notification.id == notificationID { throw Crash() }
    try await wrapped.process(notification, tracking: tracking, in: view)
  }
}
