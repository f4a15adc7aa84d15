import DogSchool
import EventSourcing
import Foundation
import Synchronization
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

  // The in-memory recorder tells of new notifications: a runner that still polled, here once
  // an hour, would never see the second batch in time.
  @Test("A runner on a recorder that tells of news catches up without polling")
  func runnerIsTold() async throws {
    let view = InMemoryDogsPerTrickView()
    let runner = ProjectionRunner(follower: follower(view: view), pollInterval: .seconds(3600))
    let first = try await teach(["Fido": ["sit"]])
    runner.start()
    try await runner.waitUntilProcessed(through: first)
    let total = try await teach(["Rex": ["sit", "fetch"], "Bella": ["sit"]])
    try await runner.waitUntilProcessed(through: total)
    await runner.stop()
    #expect(try await view.numberOfDogs(knowing: "sit") == 3)
  }

  // The recorder tells of the news once; a runner whose projection then fails must try again
  // by itself, not wait for the next write, which may never come.
  @Test("A runner that fails tries again after its poll interval, without new writes")
  func runnerRetries() async throws {
    let total = try await teach(["Fido": ["sit", "stay"], "Rex": ["sit"]])
    let view = InMemoryDogsPerTrickView()
    let failingOnce = Follower(
      following: "DogSchool", log: school.notificationLog,
      projection: FailingOnce(
        notificationID: 3, wrapped: DogsPerTrick(mapper: school.application.mapper)),
      view: view)
    let runner = ProjectionRunner(follower: failingOnce, pollInterval: .milliseconds(5))
    runner.start()
    try await runner.waitUntilProcessed(through: total)
    await runner.stop()
    #expect(runner.lastError == nil)
    #expect(try await view.numberOfDogs(knowing: "sit") == 2)
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

/// A projection that fails the first time it meets one notification, as a passing database
/// error would.
private struct FailingOnce<Wrapped: Projection>: Projection {
  private final class Flag: Sendable {
    let hasFailed = Mutex(false)
  }

  let notificationID: Int
  let wrapped: Wrapped
  private let flag = Flag()

  init(notificationID: Int, wrapped: Wrapped) {
    self.notificationID = notificationID
    self.wrapped = wrapped
  }

  func process(_ notification: EventNotification, tracking: Tracking, in view: Wrapped.View) async throws {
    let fails = notification.id == notificationID
      && flag.hasFailed.withLock { hasFailed in
        defer { hasFailed = true }
        return !hasFailed
      }
    if fails { throw Crash() }
    try await wrapped.process(notification, tracking: tracking, in: view)
  }
}

/// A projection that fails at one notification, as a crash between events would.
private struct FailingAt<Wrapped: Projection>: Projection {
  let notificationID: Int
  let wrapped: Wrapped

  func process(_ notification: EventNotification, tracking: Tracking, in view: Wrapped.View) async throws {
    if notification.id == notificationID { throw Crash() }
    try await wrapped.process(notification, tracking: tracking, in: view)
  }
}
