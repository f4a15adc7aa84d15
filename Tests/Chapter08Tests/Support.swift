import Chapter08
import EventSourcing
import Foundation
import Synchronization

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
