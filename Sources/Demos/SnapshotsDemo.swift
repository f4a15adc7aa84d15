import DogSchool
import EventSourcing
import Foundation

/// An aggregate with a long history, loaded with and without snapshots.
struct SnapshotsDemo: Demo {
  let name = "snapshots"
  let summary = "a dog with 100,000 events, loaded with and without snapshots"
  /// How many tricks the dog learns; small in tests.
  var eventCount = 100_000

  func run(narrator: Narrator) async throws {
    let events = InMemoryRecorder()
    let snapshots = InMemoryRecorder()
    let withSnapshots = Application(
      recorder: events, snapshots: snapshots,
      snapshotIntervals: [SnapshotInterval(Dog.self, every: 100)])
    let withoutSnapshots = Application(recorder: events)

    narrator.step("Fido learns \(eventCount.formatted()) tricks, saved 1,000 at a time")
    var fido = EventSourced<Dog>.register(name: "Fido")
    for index in 1...eventCount {
      fido.addTrick("trick \(index)")
      if index % 1_000 == 0 || index == eventCount {
        try await withSnapshots.save(fido)
        fido = try await withSnapshots.repository.get(fido.id, as: Dog.self)
      }
    }
    narrator.say("Fido is at version \(fido.version.formatted())")

    narrator.step("Loading Fido by replaying every event")
    let clock = ContinuousClock()
    var replayed: EventSourced<Dog>?
    let replayTime = try await clock.measure {
      replayed = try await withoutSnapshots.repository.get(fido.id, as: Dog.self)
    }
    narrator.say("\(replayed?.version.formatted() ?? "?") events replayed in \(replayTime.milliseconds) ms")

    narrator.step("Loading Fido from the newest snapshot")
    var fromSnapshot: EventSourced<Dog>?
    let snapshotTime = try await clock.measure {
      fromSnapshot = try await withSnapshots.repository.get(fido.id, as: Dog.self)
    }
    narrator.say("loaded in \(snapshotTime.milliseconds) ms")
    narrator.say(fromSnapshot == replayed ? "Both give the same dog." : "The two dogs differ!")
  }
}

extension Duration {
  /// The duration in milliseconds, with two decimals.
  var milliseconds: String {
    let (seconds, attoseconds) = components
    let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    return value.formatted(.number.precision(.fractionLength(2)))
  }
}
