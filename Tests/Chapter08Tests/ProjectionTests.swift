import Chapter08
import EventSourcing
import EventSourcingTesting
import Foundation
import Testing

@Suite("Chapter 8: a projection that follows the log")
struct ProjectionTests {
  let name = DogsPerTrick<InMemoryDogsPerTrickView>.applicationName

  func tracking(_ id: Int) -> Tracking { Tracking(applicationName: name, notificationID: id) }

  // MARK: - Task 4

  @Test("Task 4: the view keeps the TrackingRecorder contract (library conformance suite)")
  func conformance() async throws {
    try await TrackingRecorderConformance { InMemoryDogsPerTrickView() }.run()
  }

  @Test("Task 4: the view counts dogs per trick, each dog once")
  func countsDogs() async throws {
    let view = InMemoryDogsPerTrickView()
    let fido = UUID()
    try await view.addDog(fido, toTrick: "sit", tracking: tracking(1))
    try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(2))
    try await view.addDog(fido, toTrick: "sit", tracking: tracking(3))
    try await view.addDog(fido, toTrick: "roll over", tracking: tracking(4))
    #expect(
      try await view.numberOfDogs(knowing: "sit") == 2,
      "Task 4: two dogs know \"sit\" (Fido learnt it twice but is one dog).")
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1, "Task 4: one dog rolls over.")
    #expect(try await view.numberOfDogs(knowing: "beg") == 0, "Task 4: no dog begs.")
    #expect(
      try await view.maxTrackingID(for: name) == 4,
      "Task 4: addDog should record its tracking position too.")
  }

  @Test("Task 4: a change with an old position is refused and changes nothing")
  func refusedChangeChangesNothing() async throws {
    let view = InMemoryDogsPerTrickView()
    try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(5))
    await #expect(
      throws: TrackingError.alreadyProcessed(tracking(5)),
      "Task 4: addDog with a position already recorded should throw alreadyProcessed.")
    {
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(5))
    }
    #expect(
      try await view.numberOfDogs(knowing: "sit") == 1,
      "Task 4: a refused addDog must not count its dog: check the position and change the count in one withLock."
    )
  }

  // MARK: - Task 5

  @Test("Task 5: the projection counts the dogs that know each trick")
  func projects() async throws {
    let (school, ids) = try await schoolWithDogs(3, tricks: ["sit"])
    try await school.addTrick(ids[0], trick: "roll over")
    let view = InMemoryDogsPerTrickView()
    let projection = DogsPerTrick(log: DogSchoolLog(store: school.store), view: view)
    let processed = try await projection.catchUp()
    #expect(processed == 7, "Task 5: catchUp should process all 7 notifications and return 7.")
    #expect(try await view.numberOfDogs(knowing: "sit") == 3, "Task 5: three dogs sit.")
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1, "Task 5: one dog rolls over.")
  }

  @Test("Task 5: the view's position reaches the end, also past events that change no count")
  func tracksEveryNotification() async throws {
    let (school, _) = try await schoolWithDogs(2, tricks: ["sit"])
    _ = try await school.registerDog(name: "Rex")
    let view = InMemoryDogsPerTrickView()
    try await DogsPerTrick(log: DogSchoolLog(store: school.store), view: view).catchUp()
    #expect(
      try await view.maxTrackingID(for: name) == 5,
      "Task 5: a registration counts nothing, but the view must still record its position (insertTracking)."
    )
  }

  @Test("Task 5: catching up again processes only what is new")
  func catchesUpAgain() async throws {
    let (school, ids) = try await schoolWithDogs(2, tricks: ["sit"])
    let view = InMemoryDogsPerTrickView()
    let projection = DogsPerTrick(log: DogSchoolLog(store: school.store), view: view)
    try await projection.catchUp()
    let again = try await projection.catchUp()
    #expect(again == 0, "Task 5: a second catchUp with nothing new should process nothing.")
    try await school.addTrick(ids[1], trick: "roll over")
    let later = try await projection.catchUp()
    #expect(later == 1, "Task 5: after one new event, catchUp should process exactly one.")
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1, "Task 5: one dog rolls over.")
  }

  @Test("Task 5: a new projection on the same view resumes where the view stopped")
  func resumesFromTheView() async throws {
    let (school, ids) = try await schoolWithDogs(2, tricks: ["sit"])
    let log = DogSchoolLog(store: school.store)
    let view = InMemoryDogsPerTrickView()
    try await DogsPerTrick(log: log, view: view).catchUp()
    try await school.addTrick(ids[0], trick: "stay")
    // A restart: a new projection, the same (persistent) view.
    let restarted = try await DogsPerTrick(log: log, view: view).catchUp()
    #expect(
      restarted == 1,
      "Task 5: after a restart catchUp should start after the view's maxTrackingID, not at 1.")
  }

  @Test("Task 5: a projection that fails part-way resumes with nothing missed or counted twice")
  func failsAndResumes() async throws {
    let (school, _) = try await schoolWithDogs(4, tricks: ["sit", "stay"])
    let log = DogSchoolLog(store: school.store)
    let view = InMemoryDogsPerTrickView()
    for failingCall in [3, 4, 2] {
      await #expect(
        throws: SimulatedCrash.self,
        "Task 5: catchUp should pass the view's errors on, not swallow them.")
      {
        try await DogsPerTrick(log: log, view: FailingView(view, failingCall: failingCall))
          .catchUp()
      }
    }
    try await DogsPerTrick(log: log, view: view).catchUp()
    let sit = try await view.numberOfDogs(knowing: "sit")
    let stay = try await view.numberOfDogs(knowing: "stay")
    let position = try await view.maxTrackingID(for: name)
    #expect(
      sit == 4 && stay == 4 && position == 12,
      "Task 5: after three crashes and a restart, 4 dogs sit and 4 stay, and the position is 12.")
  }
}
