import Chapter08
import EventSourcing
import EventSourcingTesting
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Synchronization
import Testing

@Suite("Chapter 8: a projection that follows the log")
struct ProjectionTests {
  let name = DogsPerTrick<InMemoryDogsPerTrickView>.applicationName

  func tracking(_ id: Int) -> Tracking { Tracking(applicationName: name, notificationID: id) }

  /// Runs a call to the view, recording an issue naming task 4 when it throws.
  func task4<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
    try await attempt(task: 4, what, body)
  }

  // MARK: - Task 4

  @Test("Task 4: the view keeps the TrackingRecorder contract (library conformance suite)")
  func conformance() async throws {
    try await task4("the TrackingRecorder conformance suite") {
      try await TrackingRecorderConformance { InMemoryDogsPerTrickView() }.run()
    }
  }

  @Test("Task 4: the view counts dogs per trick, each dog once")
  func countsDogs() async throws {
    let view = InMemoryDogsPerTrickView()
    let fido = UUID()
    try await task4("addDog") {
      try await view.addDog(fido, toTrick: "sit", tracking: tracking(1))
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(2))
      try await view.addDog(fido, toTrick: "sit", tracking: tracking(3))
      try await view.addDog(fido, toTrick: "roll over", tracking: tracking(4))
    }
    let sit = try await task4("numberOfDogs") { try await view.numberOfDogs(knowing: "sit") }
    #expect(sit == 2, "Task 4: two dogs know \"sit\" (Fido learnt it twice but is one dog).")
    let rollOver = try await task4("numberOfDogs") {
      try await view.numberOfDogs(knowing: "roll over")
    }
    #expect(rollOver == 1, "Task 4: one dog rolls over.")
    let beg = try await task4("numberOfDogs") { try await view.numberOfDogs(knowing: "beg") }
    #expect(beg == 0, "Task 4: no dog begs.")
    let position = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(position == 4, "Task 4: addDog should record its tracking position too (4).")
  }

  @Test("Task 4: a change with an old position is refused and changes nothing")
  func refusedChangeChangesNothing() async throws {
    let view = InMemoryDogsPerTrickView()
    try await task4("addDog") {
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(5))
    }
    for old in [5, 3] {
      await #expect(
        throws: TrackingError.alreadyProcessed(tracking(old)),
        "Task 4: addDog with position \(old), not beyond the recorded 5, should throw alreadyProcessed."
      ) {
        try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(old))
      }
    }
    let sit = try await task4("numberOfDogs") { try await view.numberOfDogs(knowing: "sit") }
    #expect(
      sit == 1,
      "Task 4: a refused addDog must not count its dog: check the position before changing the count, in one withLock."
    )
    let position = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(position == 5, "Task 4: a refused addDog must leave the position at 5.")
  }

  @Test("Task 4: insertTracking moves the position forward only")
  func insertTrackingMovesForward() async throws {
    let view = InMemoryDogsPerTrickView()
    let start = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(start == 0, "Task 4: a new view's position is 0.")
    try await task4("insertTracking") { try await view.insertTracking(tracking(5)) }
    for old in [5, 2] {
      await #expect(
        throws: TrackingError.alreadyProcessed(tracking(old)),
        "Task 4: insertTracking with position \(old), not beyond the recorded 5, should throw alreadyProcessed."
      ) {
        try await view.insertTracking(tracking(old))
      }
    }
    let kept = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(kept == 5, "Task 4: a refused insertTracking must leave the position at 5.")
    try await task4("insertTracking") { try await view.insertTracking(tracking(8)) }
    let moved = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(moved == 8, "Task 4: insertTracking with a later position (8) should record it.")
    let sit = try await task4("numberOfDogs") { try await view.numberOfDogs(knowing: "sit") }
    #expect(sit == 0, "Task 4: insertTracking records a position and counts no dog.")
  }

  @Test("Task 4: positions are kept per followed application")
  func positionsPerApplication() async throws {
    let view = InMemoryDogsPerTrickView()
    let other = "Kennel"
    try await task4("addDog and insertTracking") {
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking(9))
      try await view.insertTracking(Tracking(applicationName: other, notificationID: 2))
    }
    let ours = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    let theirs = try await task4("maxTrackingID") { try await view.maxTrackingID(for: other) }
    let unknown = try await task4("maxTrackingID") { try await view.maxTrackingID(for: "Vet") }
    #expect(
      ours == 9 && theirs == 2 && unknown == 0,
      "Task 4: each application name has its own position (DogSchool 9, Kennel 2, Vet 0), not one for all."
    )
    try await task4("insertTracking") {
      try await view.insertTracking(Tracking(applicationName: other, notificationID: 3))
    }
    let after = try await task4("maxTrackingID") { try await view.maxTrackingID(for: name) }
    #expect(after == 9, "Task 4: moving Kennel's position must leave DogSchool's at 9.")
  }

  @Test("Task 4: tasks racing to record the same position count it once")
  func racingWritersCountOnce() async throws {
    let view = InMemoryDogsPerTrickView()
    // Many rounds: on a busy machine the two writers overlap in few of them, and one overlap
    // inside a split check is what shows the mistake. 20,000 take about half a second.
    let rounds = 20_000
    let name = name
    let barrier = Barrier(parties: 2)
    // In each round two writers, on threads of their own, start together and try the same
    // position, each with a dog of its own: exactly one of them may win it.
    let wins = try await task4("addDog") {
      try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<2 {
          group.addTask(executorPreference: QueueExecutor("writer \(writer)")) {
            var wins = 0
            do {
              for round in 1...rounds {
                barrier.wait(round: round)
                let tracking = Tracking(applicationName: name, notificationID: round)
                do {
                  try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
                  wins += 1
                } catch TrackingError.alreadyProcessed {}
              }
            } catch {
              barrier.abandon()
              throw error
            }
            return wins
          }
        }
        return try await group.reduce(0, +)
      }
    }
    let sit = try await task4("numberOfDogs") { try await view.numberOfDogs(knowing: "sit") }
    #expect(
      wins == rounds && sit == rounds,
      "Task 4: racing addDog calls won \(wins) times and counted \(sit) dogs for \(rounds) positions: check the position, record it and count the dog in ONE withLock."
    )
  }

  @Test("Task 4: a reader never sees a position whose change is missing")
  func positionAndChangeAreSeenTogether() async throws {
    let (rounds, positions) = (100, 2_000)
    let name = name
    let (writer, reader) = (QueueExecutor("writer"), QueueExecutor("reader"))
    var lagging = 0
    // Each addDog counts a new dog at the next position, so the count always equals the
    // position, unless the two change in separate steps and the reader looks in between.
    // Many small views rather than one large one: a view may count in time proportional
    // to its size.
    for _ in 0..<rounds where lagging == 0 {
      let view = InMemoryDogsPerTrickView()
      let barrier = Barrier(parties: 2)
      let isWriting = Flag()
      lagging += try await task4("addDog, maxTrackingID and numberOfDogs") {
        try await withThrowingTaskGroup(of: Int.self) { group in
          group.addTask(executorPreference: writer) {
            defer { isWriting.lower() }
            barrier.wait(round: 1)
            for id in 1...positions {
              let tracking = Tracking(applicationName: name, notificationID: id)
              try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
            }
            return 0
          }
          group.addTask(executorPreference: reader) {
            var lagging = 0
            var looks = 0
            barrier.wait(round: 1)
            // Bounded, in case the writer cannot run: the check is then simply weaker.
            while isWriting.isRaised && looks < 100_000 {
              let position = try await view.maxTrackingID(for: name)
              let count = try await view.numberOfDogs(knowing: "sit")
              if count < position { lagging += 1 }
              looks += 1
            }
            return lagging
          }
          return try await group.reduce(0, +)
        }
      }
    }
    #expect(
      lagging == 0,
      "Task 4: a reader saw the position move \(lagging) times before the dog was counted: record the position and the change in one withLock."
    )
  }

  // MARK: - Task 5

  @Test("Task 5: the projection counts the dogs that know each trick")
  func projects() async throws {
    let (school, ids) = try await schoolWithDogs(3, tricks: ["sit"])
    try await school.addTrick(ids[0], trick: "roll over")
    let view = InMemoryDogsPerTrickView()
    let projection = DogsPerTrick(log: DogSchoolLog(store: school.store), view: view)
    let processed = try await catchUp(projection)
    #expect(processed == 7, "Task 5: catchUp should process all 7 notifications and return 7.")
    #expect(try await view.numberOfDogs(knowing: "sit") == 3, "Task 5: three dogs sit.")
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1, "Task 5: one dog rolls over.")
  }

  @Test("Task 5: one catchUp reads the whole log, however long")
  func readsTheWholeLog() async throws {
    let tricks = ["sit", "stay", "beg", "roll over", "fetch", "heel", "down", "paw", "spin"]
    let (school, _) = try await schoolWithDogs(3, tricks: tricks)
    let view = InMemoryDogsPerTrickView()
    let processed = try await catchUp(
      DogsPerTrick(log: DogSchoolLog(store: school.store), view: view))
    #expect(processed == 30, "Task 5: catchUp should process all 30 notifications, not one page.")
    for trick in tricks {
      #expect(
        try await view.numberOfDogs(knowing: trick) == 3,
        "Task 5: after one catchUp all three dogs should know \"\(trick)\".")
    }
    #expect(
      try await view.maxTrackingID(for: name) == 30,
      "Task 5: after one catchUp the view's position should be 30, the newest notification.")
  }

  @Test("Task 5: the view's position reaches the end, also past events that change no count")
  func tracksEveryNotification() async throws {
    let (school, _) = try await schoolWithDogs(2, tricks: ["sit"])
    _ = try await school.registerDog(name: "Rex")
    let view = InMemoryDogsPerTrickView()
    try await catchUp(DogsPerTrick(log: DogSchoolLog(store: school.store), view: view))
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
    try await catchUp(projection)
    let again = try await catchUp(projection)
    #expect(again == 0, "Task 5: a second catchUp with nothing new should process nothing.")
    try await school.addTrick(ids[1], trick: "roll over")
    let later = try await catchUp(projection)
    #expect(later == 1, "Task 5: after one new event, catchUp should process exactly one.")
    #expect(try await view.numberOfDogs(knowing: "roll over") == 1, "Task 5: one dog rolls over.")
  }

  @Test("Task 5: a new projection on the same view resumes where the view stopped")
  func resumesFromTheView() async throws {
    let (school, ids) = try await schoolWithDogs(2, tricks: ["sit"])
    let log = DogSchoolLog(store: school.store)
    let view = InMemoryDogsPerTrickView()
    try await catchUp(DogsPerTrick(log: log, view: view))
    try await school.addTrick(ids[0], trick: "stay")
    try await school.addTrick(ids[1], trick: "stay")
    // A restart: a new projection, the same (persistent) view.
    let restarted = try await catchUp(DogsPerTrick(log: log, view: view))
    #expect(
      restarted == 2,
      "Task 5: after a restart catchUp should process the 2 new notifications: it starts after the view's maxTrackingID."
    )
    #expect(
      try await view.numberOfDogs(knowing: "stay") == 2,
      "Task 5: after a restart both new \"stay\" notifications should be counted, none skipped.")
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
    try await catchUp(DogsPerTrick(log: log, view: view))
    let sit = try await view.numberOfDogs(knowing: "sit")
    let stay = try await view.numberOfDogs(knowing: "stay")
    let position = try await view.maxTrackingID(for: name)
    #expect(
      sit == 4 && stay == 4 && position == 12,
      "Task 5: after three crashes and a restart, 4 dogs sit and 4 stay, and the position is 12.")
  }
}
