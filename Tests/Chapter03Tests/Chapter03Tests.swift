import Chapter03
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Synchronization
import Testing

@Suite("Chapter 3: an in-memory event store and an application")
struct Chapter03Tests {
  let store = InMemoryEventStore()

  /// The events of a dog registered as "Fido" that learnt the given tricks.
  func history(of id: UUID = UUID(), tricks: [String] = []) -> [RecordedEvent] {
    var dog = Dog.register(id: id, name: "Fido")
    for trick in tricks { dog.addTrick(trick) }
    return dog.pendingEvents
  }

  /// One event of a dog: version 1 registers it, later versions teach it a trick.
  func event(_ id: UUID, _ version: Int, trick: String = "sit") -> RecordedEvent {
    RecordedEvent(
      originatorID: id, originatorVersion: version,
      event: version == 1 ? .registered(name: "Fido") : .trickAdded(trick: trick))
  }

  /// Appends events that a correct store accepts; a refusal fails the test, naming `task`.
  @discardableResult
  func mustAppend(
    _ events: [RecordedEvent], to store: InMemoryEventStore? = nil, task: Int, _ what: String
  ) async -> Bool {
    do {
      try await (store ?? self.store).append(events)
      return true
    } catch {
      Issue.record("Task \(task): appending \(what) should succeed, but it threw: \(error)")
      return false
    }
  }

  /// Runs a step that a correct solution completes; an error fails the test, naming `task`.
  func attempt<Value>(
    task: Int, _ what: String, _ step: () async throws -> Value
  ) async -> Value? {
    do {
      return try await step()
    } catch {
      Issue.record("Task \(task): \(what) should succeed, but it threw: \(error)")
      return nil
    }
  }

  // MARK: - Task 1 (one event per call)

  @Test("Task 1: appending a version that is already recorded throws a conflict")
  func duplicateVersionConflicts() async {
    let id = UUID()
    guard await mustAppend([event(id, 1)], task: 1, "a new dog's version 1") else { return }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 1),
      "Task 1: append should throw versionConflict naming the dog and version 1, which is already recorded."
    ) {
      try await store.append([event(id, 1)])
    }
  }

  @Test("Task 1: a stale copy of a dog cannot overwrite a newer one")
  func staleCopyConflicts() async throws {
    let id = UUID()
    let registered = history(of: id)
    guard await mustAppend(registered, task: 1, "a new dog's version 1") else { return }
    var first = try Dog(replaying: registered)
    var second = try Dog(replaying: registered)
    first.addTrick("roll over")
    second.addTrick("fetch ball")
    guard await mustAppend(first.collectEvents(), task: 1, "version 2 after version 1") else {
      return
    }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 2),
      "Task 1: the second writer of version 2 should get a versionConflict."
    ) {
      try await store.append(second.collectEvents())
    }
  }

  @Test("Task 1: a version that would leave a gap is refused")
  func gapIsRefused() async {
    let id = UUID()
    guard await mustAppend([event(id, 1)], task: 1, "a new dog's version 1") else { return }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 3),
      "Task 1: version 3 right after version 1 should be refused with versionConflict: an event must carry the next version of its dog (version 2 here), not just a free one."
    ) {
      try await store.append([event(id, 3)])
    }
    guard await mustAppend([event(id, 2)], task: 1, "version 2 after version 1 (and a refused version 3)")
    else { return }
    guard await mustAppend([event(id, 3)], task: 1, "version 3 after version 2") else { return }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 5),
      "Task 1: version 5 right after version 3 should be refused: it would leave a gap."
    ) {
      try await store.append([event(id, 5)])
    }
  }

  @Test("Task 1: a new dog's history starts at version 1")
  func newDogStartsAtVersion1() async {
    let id = UUID()
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 2),
      "Task 1: the first event of a dog the store does not know should be refused unless it is version 1."
    ) {
      try await store.append([event(id, 2)])
    }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 0),
      "Task 1: version 0 should be refused: versions count from 1."
    ) {
      try await store.append([event(id, 0)])
    }
    await mustAppend([event(id, 1)], task: 1, "version 1 of a dog whose other versions were refused")
  }

  @Test("Task 1: different dogs never conflict: each has its own versions")
  func differentDogsDoNotConflict() async {
    let dogs = [UUID(), UUID(), UUID()]
    for version in 1...3 {
      for (number, id) in dogs.enumerated() {
        guard
          await mustAppend(
            [event(id, version)], task: 1,
            "version \(version) of dog \(number + 1) (each dog counts its own versions)")
        else { return }
      }
    }
  }

  // MARK: - Task 2

  @Test("Task 2: a refused append stores none of its events")
  func refusedAppendStoresNothing() async {
    let fido = UUID()
    let rex = UUID()
    guard await mustAppend(history(of: fido), task: 2, "Fido's version 1") else { return }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: fido, version: 1),
      "Task 2: an append of Rex's version 1 and Fido's (already recorded) version 1 should throw versionConflict for Fido."
    ) {
      try await store.append(history(of: rex) + history(of: fido))
    }
    // If Rex's event had been kept, appending it now would conflict.
    await mustAppend(
      history(of: rex), task: 2,
      "Rex's version 1 after a refused call that held it (a refused append should store none of its events, not even those before the conflict)"
    )
  }

  @Test("Task 2: one call may append several events of a dog; a repeated or skipped version refuses it")
  func severalEventsInOneCall() async {
    let id = UUID()
    let events = history(of: id, tricks: ["roll over", "fetch ball"])
    await #expect(
      throws: EventStoreError.self,
      "Task 2: a call that holds version 2 twice should be refused as a whole: count the events earlier in the same call."
    ) {
      try await store.append([events[0], events[1], events[1]])
    }
    await #expect(
      throws: EventStoreError.self,
      "Task 2: a call with versions 1 and 3 should be refused as a whole: version 3 leaves a gap."
    ) {
      try await store.append([events[0], events[2]])
    }
    guard
      await mustAppend(
        events, task: 2,
        "versions 1, 2 and 3 of a new dog in one call (count the events earlier in the call; and a refused call leaves none behind)"
      )
    else { return }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 6),
      "Task 2: a call with versions 4 and 6 should be refused for version 6, which leaves a gap."
    ) {
      try await store.append([event(id, 4), event(id, 6)])
    }
    await mustAppend(
      [event(id, 4)], task: 2,
      "version 4 after a refused call that held it (a refused call should store none of its events)")
  }

  @Test("Task 2: a call for several dogs is refused as a whole, whatever the order of its dogs")
  func severalDogsAllOrNothing() async {
    // The conflicting dog takes each place in the call in turn, and the dogs are new each time,
    // so a store that commits dog by dog (in call order, or in the order of a Set or a
    // Dictionary) stores another dog's event before the conflict in some trial.
    for trial in 0..<24 {
      let fido = UUID()
      guard await mustAppend([event(fido, 1)], task: 2, "Fido's version 1") else { return }
      let others = [UUID(), UUID(), UUID()]
      var call = others.map { event($0, 1) }
      // Fido's event is either a version already recorded or one that leaves a gap.
      let conflicting = trial.isMultiple(of: 2) ? 1 : 3
      call.insert(event(fido, conflicting), at: trial % (others.count + 1))
      await #expect(
        throws: EventStoreError.versionConflict(originatorID: fido, version: conflicting),
        "Task 2: a call with three new dogs and Fido's version \(conflicting) (which does not fit) should throw versionConflict for Fido."
      ) {
        try await store.append(call)
      }
      for (number, id) in others.enumerated() {
        guard
          await mustAppend(
            [event(id, 1)], task: 2,
            "version 1 of dog \(number + 1) after a refused call that held it (an append is all or nothing across dogs, not dog by dog)"
          )
        else { return }
      }
    }
  }

  // MARK: - Task 3

  @Test("Task 3: a dog's events come back in version order, and only that dog's")
  func readsOneDogsEventsInOrder() async {
    let fido = history(tricks: (1...14).map { "trick \($0)" })
    let rex = history(tricks: ["sit", "stay"])
    for (index, event) in fido.enumerated() {
      guard await mustAppend([event], task: 3, "Fido's version \(index + 1)") else { return }
      if index < rex.count {
        guard await mustAppend([rex[index]], task: 3, "Rex's version \(index + 1)") else { return }
      }
    }
    guard
      let events = await attempt(task: 3, "reading Fido's events", {
        try await store.events(for: fido[0].originatorID)
      })
    else { return }
    #expect(
      events == fido,
      "Task 3: events(for:) should return all of the dog's events, oldest first, and no others."
    )
  }

  @Test("Task 3: reading through a version stops there")
  func readsThroughAVersion() async {
    let fido = history(tricks: ["roll over", "fetch ball", "play dead"])
    guard await mustAppend(fido, task: 3, "Fido's four events") else { return }
    let id = fido[0].originatorID
    guard
      let firstTwo = await attempt(task: 3, "reading through version 2", {
        try await store.events(for: id, through: 2)
      }),
      let all = await attempt(task: 3, "reading through nil", {
        try await store.events(for: id, through: nil)
      }),
      let beyond = await attempt(task: 3, "reading through version 99", {
        try await store.events(for: id, through: 99)
      }),
      let none = await attempt(task: 3, "reading through version 0", {
        try await store.events(for: id, through: 0)
      }),
      let unknown = await attempt(task: 3, "reading an unknown dog's events", {
        try await store.events(for: UUID())
      })
    else { return }
    #expect(
      firstTwo == Array(fido.prefix(2)),
      "Task 3: events(for:through: 2) should return versions 1 and 2 only, oldest first.")
    #expect(all == fido, "Task 3: events(for:through: nil) should return every event.")
    #expect(
      beyond == fido, "Task 3: events(for:through: 99) should return every event of a dog at version 4.")
    #expect(none.isEmpty, "Task 3: events(for:through: 0) should return no events.")
    #expect(unknown.isEmpty, "Task 3: an unknown dog has no events: return an empty array.")
  }

  // MARK: - Task 4

  @Test("Task 4: the repository rebuilds the latest dog")
  func repositoryGetsTheLatestDog() async {
    var dog = Dog.register(name: "Fido")
    dog.addTrick("roll over")
    guard await mustAppend(dog.collectEvents(), task: 4, "Fido's two events") else { return }
    guard
      let found = await attempt(task: 4, "getting a dog with two events", {
        try await Repository(store: store).get(dog.id)
      })
    else { return }
    #expect(found == dog, "Task 4: get(_:) should replay the dog's events into an equal dog.")
  }

  @Test("Task 4: time travel gives the dog as it was at a version")
  func repositoryTravelsInTime() async {
    var dog = Dog.register(name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    guard await mustAppend(dog.collectEvents(), task: 4, "Fido's three events") else { return }
    let repository = Repository(store: store)
    guard
      let atVersion1 = await attempt(task: 4, "getting the dog at version 1", {
        try await repository.get(dog.id, version: 1)
      }),
      let atVersion2 = await attempt(task: 4, "getting the dog at version 2", {
        try await repository.get(dog.id, version: 2)
      }),
      let atVersion3 = await attempt(task: 4, "getting the dog at version 3", {
        try await repository.get(dog.id, version: 3)
      })
    else { return }
    #expect(
      atVersion1.version == 1 && atVersion1.tricks.isEmpty,
      "Task 4: get(_:version: 1) should give the dog before it learnt any trick.")
    #expect(
      atVersion2.version == 2 && atVersion2.tricks == ["roll over"],
      "Task 4: get(_:version: 2) should give the dog with its first trick only.")
    #expect(atVersion3 == dog, "Task 4: get(_:version: 3) should give the dog as it is now.")
  }

  @Test("Task 4: getting an unknown dog throws aggregateNotFound")
  func repositoryThrowsForAnUnknownDog() async {
    let id = UUID()
    await #expect(
      throws: RepositoryError.aggregateNotFound(id: id),
      "Task 4: get(_:) should throw RepositoryError.aggregateNotFound(id:) when there are no events."
    ) {
      try await Repository(store: store).get(id)
    }
  }

  // MARK: - Task 5

  @Test("Task 5: the school registers dogs, teaches tricks and tells about them")
  func dogSchool() async {
    let school = DogSchool(store: store)
    do {
      let fido = try await school.registerDog(name: "Fido")
      let rex = try await school.registerDog(name: "Rex")
      try await school.addTrick(fido, trick: "roll over")
      try await school.addTrick(fido, trick: "fetch ball")
      try await school.addTrick(rex, trick: "sit")
      let fidoDetails = try await school.getDog(fido)
      let rexDetails = try await school.getDog(rex)
      #expect(
        fidoDetails == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
        "Task 5: getDog should tell the name and tricks the commands recorded.")
      #expect(
        rexDetails == DogDetails(name: "Rex", tricks: ["sit"]),
        "Task 5: each dog should have its own name and tricks.")
      let stored = try await store.events(for: fido)
      #expect(
        stored.map(\.originatorVersion) == [1, 2, 3],
        "Task 5: each command should append only its new events to the dog's history, in the school's store.")
    } catch {
      Issue.record(
        "Task 5: registering dogs, teaching them tricks and reading them back should succeed, but it threw: \(error)"
      )
    }
  }

  @Test("Task 5: saving a stale dog is refused and the first save stays")
  func staleSaveIsRefused() async {
    let school = DogSchool(store: store)
    let id: UUID
    var first: Dog
    var second: Dog
    do {
      id = try await school.registerDog(name: "Fido")
      first = try await school.repository.get(id)
      second = try await school.repository.get(id)
      first.addTrick("roll over")
      second.addTrick("fetch ball")
      try await school.save(first)
    } catch {
      Issue.record("Task 5: registering a dog and saving a trick should succeed, but it threw: \(error)")
      return
    }
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 2),
      "Task 5: save should append through the store, so a stale dog gets a versionConflict."
    ) {
      try await school.save(second)
    }
    let details = await attempt(task: 5, "getDog after a refused save", {
      try await school.getDog(id)
    })
    #expect(
      details?.tricks == ["roll over"],
      "Task 5: the refused save should change nothing: the dog should know only the first trick.")
  }

  // MARK: - Setup

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}

// MARK: - Races

extension Chapter03Tests {
  /// The tests that race two tasks, one at a time, so that they do not take each other's
  /// threads.
  @Suite("Chapter 3: racing writers", .serialized)
  struct Races {
    /// The chapter's helpers.
    let chapter = Chapter03Tests()

    @Test("Task 2: of two writers racing to append the same versions, exactly one wins")
    func racingWritersOneWins() async {
      // Two writers go through the same rounds, each trying to append version 2 of the
      // round's 200 dogs in one call, to the round's own store. The writer that loses a round
      // is refused at once and waits for the lock of the next round's store while the other
      // is still inside its critical section, so the writers keep meeting, and the long call
      // keeps a critical section open long enough for that. A store that checks in one
      // critical section and writes in another then lets the waiting writer check before the
      // other has written, and both succeed.
      var prepared: [(store: InMemoryEventStore, dogs: [UUID])] = []
      for _ in 0..<Self.rounds {
        let store = InMemoryEventStore()
        let dogs = (0..<Self.dogsPerRound).map { _ in UUID() }
        guard
          await chapter.mustAppend(
            dogs.map { chapter.event($0, 1) }, to: store, task: 2,
            "version 1 of \(Self.dogsPerRound) new dogs in one call")
        else { return }
        prepared.append((store, dogs))
      }
      let rounds = prepared
      let wins = await Self.race { writer in
        var won: [Bool] = []
        for (store, dogs) in rounds {
          do {
            try await store.append(dogs.map { chapter.event($0, 2, trick: "trick \(writer)") })
            won.append(true)
          } catch {
            won.append(false)
          }
        }
        return won
      }
      for round in rounds.indices {
        let winners = wins.filter { $0[round] }.count
        guard winners == 1 else {
          Issue.record(
            "Task 2: two writers raced to append version 2 of the same dogs; exactly one should succeed, but \(winners) did (round \(round + 1)). Check and write in one withLock, so that no other append can slip in between."
          )
          return
        }
      }
    }

    @Test("Task 5: two commands racing on one dog lose no trick silently")
    func racingCommands() async {
      // Two writers each teach the same dog tricks, one command after the other. Whenever
      // both read the same version, one save is refused: the command must throw.
      let school = DogSchool(store: InMemoryEventStore())
      let id: UUID
      do {
        id = try await school.registerDog(name: "Fido")
      } catch {
        Issue.record("Task 5: registerDog should succeed, but it threw: \(error)")
        return
      }
      let successes = await Self.race { writer in
        var succeeded = 0
        for number in 1...Self.commands {
          do {
            try await school.addTrick(id, trick: "trick \(number) of writer \(writer)")
            succeeded += 1
          } catch {}
        }
        return succeeded
      }
      guard
        let tricks = await chapter.attempt(
          task: 5, "getDog after the commands", { try await school.getDog(id).tricks })
      else { return }
      #expect(
        tricks.count == successes.reduce(0, +),
        "Task 5: two writers taught one dog tricks at the same time: \(successes.reduce(0, +)) commands returned without an error, but the dog learnt \(tricks.count) tricks. A command that does not throw must have stored its trick; a version conflict must reach the caller."
      )
    }

    /// How many rounds each writer runs. On a busy machine with two cores, stores with two
    /// critical sections let both writers win a round in each of about 150 runs, usually
    /// within 20 rounds and at the latest in round 91; 250 leave them no real chance to escape.
    static let rounds = 250
    /// How many dogs each call of a round appends: enough to keep a critical section open
    /// while the other writer arrives.
    static let dogsPerRound = 200

    /// How many commands each writer runs. A school that swallows a conflict lost at least
    /// 20 tricks of the 1,200 in each of about 200 runs on a busy machine.
    static let commands = 600

    /// Runs `body` in two tasks at once, as far as the machine allows.
    ///
    /// Each task waits at a starting line until the other has started too, so that a busy
    /// machine cannot run one task to its end before the other begins.
    static func race<Result: Sendable>(
      _ body: @escaping @Sendable (_ writer: Int) async -> Result
    ) async -> [Result] {
      let line = StartingLine(runners: 2)
      return await withTaskGroup(of: Result.self) { group in
        for writer in 0..<2 {
          group.addTask {
            line.arrive()
            return await body(writer)
          }
        }
        var results: [Result] = []
        for await result in group { results.append(result) }
        return results
      }
    }
  }
}

/// A starting line for racing tasks: each waits until all have arrived, spinning so that it
/// keeps its thread and the others must start on threads of their own. The wait is bounded,
/// so a machine that cannot run them at once slows a test down but never hangs it.
final class StartingLine: Sendable {
  private let runners: Int
  private let arrived = Atomic<Int>(0)

  init(runners: Int) {
    self.runners = runners
  }

  /// Waits, for a bounded number of spins, until all runners have arrived.
  func arrive() {
    arrived.add(1, ordering: .sequentiallyConsistent)
    var spins = 0
    while arrived.load(ordering: .sequentiallyConsistent) < runners, spins < 20_000_000 {
      spins += 1
    }
  }
}
