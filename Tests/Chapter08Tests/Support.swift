import Chapter08
import EventSourcing
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Synchronization
import Testing

/// A school with `dogs` dogs, each registered and taught the given tricks, one command at a
/// time: `dogs * (1 + tricks.count)` notifications in all.
func schoolWithDogs(
  _ dogs: Int, tricks: [String] = []
) async throws -> (school: DogSchool, ids: [UUID]) {
  let school = DogSchool()
  var ids: [UUID] = []
  for number in 0..<dogs { ids.append(try await school.registerDog(name: "Dog \(number)")) }
  for trick in tricks {
    for id in ids { try await school.addTrick(id, trick: trick) }
  }
  return (school, ids)
}

/// A school whose log holds exactly `count` notifications (registrations of new dogs).
func logWith(_ count: Int, sectionSize: Int = 10) async throws -> DogSchoolLog {
  let (school, _) = try await schoolWithDogs(count)
  return DogSchoolLog(store: school.store, sectionSize: sectionSize)
}

/// Thrown by ``FailingView`` to stand for a crash.
struct SimulatedCrash: Error {}

/// Wraps a view and fails one of its changing calls, to stand for a process that stops
/// part-way through catching up.
final class FailingView<Base: DogsPerTrickView>: DogsPerTrickView {
  let base: Base
  /// The changing call (1 = the first) that throws instead of reaching the base view.
  private let failingCall: Int
  private let calls = Mutex(0)

  init(_ base: Base, failingCall: Int) {
    self.base = base
    self.failingCall = failingCall
  }

  private func count() throws {
    let call = calls.withLock { calls in
      calls += 1
      return calls
    }
    if call == failingCall { throw SimulatedCrash() }
  }

  func addDog(_ dogID: UUID, toTrick trick: String, tracking: Tracking) async throws {
    try count()
    try await base.addDog(dogID, toTrick: trick, tracking: tracking)
  }

  func numberOfDogs(knowing trick: String) async throws -> Int {
    try await base.numberOfDogs(knowing: trick)
  }

  func insertTracking(_ tracking: Tracking) async throws {
    try count()
    try await base.insertTracking(tracking)
  }

  func maxTrackingID(for applicationName: String) async throws -> Int {
    try await base.maxTrackingID(for: applicationName)
  }
}

/// Runs `body` and, when it throws, records an issue naming `task` before passing the error
/// on, so that an unexpected error sends the learner to the task it comes from.
func attempt<T>(
  task: Int, _ what: String, _ body: () async throws -> T
) async throws -> T {
  do {
    return try await body()
  } catch {
    Issue.record("Task \(task): \(what) threw an unexpected error: \(error)")
    throw error
  }
}

/// Catches a projection up, recording an issue naming task 5 when it throws.
@discardableResult
func catchUp<View: DogsPerTrickView>(_ projection: DogsPerTrick<View>) async throws -> Int {
  try await attempt(task: 5, "catchUp()") { try await projection.catchUp() }
}

/// Reads a section, recording an issue naming task 2 when it throws.
func readSection(_ id: String, of log: DogSchoolLog) async throws -> LogSection {
  try await attempt(task: 2, "section(\"\(id)\")") { try await log.section(id) }
}

/// A flag one task lowers and another watches.
final class Flag: Sendable {
  private let raised = Atomic(true)

  /// Whether the flag is still up.
  var isRaised: Bool { raised.load(ordering: .acquiring) }

  /// Lowers the flag for good.
  func lower() { raised.store(false, ordering: .releasing) }
}

/// A number that tasks share: the next position to try.
final class Counter: Sendable {
  private let number: Atomic<Int>

  init(_ number: Int) { self.number = Atomic(number) }

  /// The number now.
  var value: Int { number.load(ordering: .acquiring) }

  /// Moves from `current` to the number after it, unless another task already did.
  func advance(from current: Int) {
    _ = number.compareExchange(
      expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
  }
}

/// Runs the tasks that prefer it on a dispatch queue of its own, so that racing tasks run on
/// threads of their own, side by side, instead of waiting for a free thread of the shared pool.
final class QueueExecutor: TaskExecutor {
  private let queue: DispatchQueue

  init(_ label: String) {
    queue = DispatchQueue(label: label)
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}

/// Lets a fixed number of threads start each round together, so that their steps overlap.
///
/// Waiting spins, for a bounded time: a party that is late (or gone) delays the others a
/// little and never hangs them.
final class Barrier: Sendable {
  private let arrivals = Atomic(0)
  private let isAbandoned = Atomic(false)
  private let parties: Int

  init(parties: Int) { self.parties = parties }

  /// Arrives for `round` (counting from 1) and waits until every party has.
  func wait(round: Int) {
    arrivals.add(1, ordering: .acquiringAndReleasing)
    var spins = 0
    while arrivals.load(ordering: .acquiring) < round * parties, spins < 200_000,
      !isAbandoned.load(ordering: .acquiring)
    {
      spins += 1
    }
  }

  /// Stops all waiting, for good: a party failed and will not arrive again.
  func abandon() { isAbandoned.store(true, ordering: .releasing) }
}
