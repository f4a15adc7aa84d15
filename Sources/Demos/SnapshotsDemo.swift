import EventSourcing
import Foundation

/// Fido's walks: a long history whose state stays small, as most long-lived aggregates' do.
struct Walks: Aggregate, Equatable {
  enum Event: DomainEvent {
    case started(dog: String)
    case walked(metres: Int)
  }

  var dog = ""
  var walks = 0
  var metres = 0

  mutating func apply(_ event: Event) {
    switch event {
    case .started(let dog): self.dog = dog
    case .walked(let metres):
      walks += 1
      self.metres += metres
    }
  }
}

/// An aggregate with a long history, loaded with and without snapshots.
struct SnapshotsDemo: Demo {
  let name = "snapshots"
  var summary: String {
    "a dog's \((eventCount + laterWalks).formatted()) walks, loaded with and without snapshots"
  }
  /// How many walks the dog goes for, saved in batches; small in tests.
  var eventCount = 100_000
  /// How many walks follow, each saved on its own, so that loading reads events after the
  /// newest snapshot.
  var laterWalks = 3
  /// How many walks are saved at a time.
  var batchSize = 1_000
  /// How many events apart snapshots are taken.
  var interval = 100

  func run(narrator: Narrator, files _: DemoFiles) async throws {
    let events = InMemoryRecorder()
    let snapshots = InMemoryRecorder()
    let withSnapshots = Application(
      recorder: events, snapshots: snapshots,
      snapshotIntervals: [SnapshotInterval(Walks.self, every: interval)])
    let withoutSnapshots = Application(recorder: events)

    narrator.step(
      "Fido goes for \(eventCount.formatted()) walks, saved \(batchSize.formatted()) at a time")
    var fido = EventSourced<Walks>(creating: .started(dog: "Fido"))
    var saves = 0
    for index in 1...eventCount {
      fido.record(.walked(metres: 500 + index % 1_000))
      if index % batchSize == 0 || index == eventCount {
        try await withSnapshots.save(&fido)  // stores the pending walks and empties them
        saves += 1
      }
    }
    let stored = try await snapshots.events(for: fido.id)
    narrator.say("Fido's history is at version \(fido.version.formatted()), after \(saves.formatted()) saves")
    narrator.say(
      "snapshot interval \(interval.formatted()): \(stored.count.formatted()) snapshots stored, "
        + "the newest at version \((stored.last?.originatorVersion ?? 0).formatted())")
    narrator.say(
      "(a save that passes a multiple of \(interval.formatted()) takes one, at the version it "
        + "reaches)")

    narrator.step("Fido goes for \(laterWalks.formatted()) more walks, each saved on its own")
    for _ in 0..<laterWalks {
      fido.record(.walked(metres: 500))
      try await withSnapshots.save(&fido)
    }
    let newest = try await snapshots.events(for: fido.id).last?.originatorVersion ?? 0
    narrator.say(
      "Fido is at version \(fido.version.formatted()); the newest snapshot is at version "
        + "\(newest.formatted())")

    narrator.step("Loading Fido by replaying every event")
    let clock = ContinuousClock()
    var replayed: EventSourced<Walks>?
    let replayTime = try await clock.measure {
      replayed = try await withoutSnapshots.repository.get(fido.id, as: Walks.self)
    }
    narrator.say("\(replayed?.version.formatted() ?? "?") events replayed in \(replayTime.milliseconds) ms")

    narrator.step("Loading Fido from the newest snapshot, then the events after it")
    var fromSnapshot: EventSourced<Walks>?
    let snapshotTime = try await clock.measure {
      fromSnapshot = try await withSnapshots.repository.get(fido.id, as: Walks.self)
    }
    let after = (fromSnapshot?.version ?? 0) - newest
    narrator.say(
      "the snapshot at version \(newest.formatted()) and \(after.formatted()) "
        + "\(after == 1 ? "event" : "events") in \(snapshotTime.milliseconds) ms")
    if let fromSnapshot {
      narrator.say(
        "\(fromSnapshot.dog): \(fromSnapshot.walks.formatted()) walks, "
          + "\((fromSnapshot.metres / 1_000).formatted()) km")
    }
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
