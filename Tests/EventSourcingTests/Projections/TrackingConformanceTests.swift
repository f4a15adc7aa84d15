import DogSchool
import EventSourcing
import EventSourcingTesting
import Foundation
import Testing

@Suite("Tracking recorders")
struct TrackingConformanceTests {
  @Test("The in-memory recorder keeps the tracking contract")
  func inMemoryRecorder() async throws {
    try await TrackingRecorderConformance { InMemoryRecorder() }.run()
  }

  @Test("The SQLite recorder keeps the tracking contract")
  func sqliteRecorder() async throws {
    try await TrackingRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
  }

  @Test("The SQLite read-model database keeps the tracking contract")
  func sqliteTrackingRecorder() async throws {
    try await TrackingRecorderConformance { try SQLiteTrackingRecorder(path: ":memory:") }.run()
  }

  // A file has reader connections beside the writer, unlike an in-memory database.
  @Test("The SQLite recorders keep the tracking contract on a database file")
  func sqliteFiles() async throws {
    try await withTemporaryDirectory { directory in
      @Sendable func path() -> String {
        directory.appendingPathComponent("\(UUID().uuidString).sqlite").path
      }
      try await TrackingRecorderConformance { try SQLiteRecorder(path: path()) }.run()
      try await TrackingRecorderConformance { try SQLiteTrackingRecorder(path: path()) }.run()
      try await TrackingRecorderConformance { try SQLiteDogsPerTrickView(path: path()) }.run()
    }
  }

  @Test("Both dogs-per-trick views keep the tracking contract")
  func dogsPerTrickViews() async throws {
    try await TrackingRecorderConformance { InMemoryDogsPerTrickView() }.run()
    try await TrackingRecorderConformance { try SQLiteDogsPerTrickView(path: ":memory:") }.run()
  }

  @Test("SQLite records events and tracking together, or neither")
  func sqliteEventsWithTracking() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    let event = StoredEvent(originatorID: id, originatorVersion: 1, topic: "t", state: Data())
    let first = Tracking(applicationName: "Leader", notificationID: 1)
    #expect(try await recorder.insert([event], tracking: first) == [1])
    // The version clashes: the new position must not be recorded either.
    await #expect(throws: RecorderError.versionConflict(originatorID: id, version: 1)) {
      try await recorder.insert([event], tracking: Tracking(applicationName: "Leader", notificationID: 2))
    }
    #expect(try await recorder.maxTrackingID(for: "Leader") == 1)
    // The position is taken: the events must not be recorded either.
    let other = StoredEvent(originatorID: UUID(), originatorVersion: 1, topic: "t", state: Data())
    await #expect(throws: TrackingError.alreadyProcessed(first)) {
      try await recorder.insert([other], tracking: first)
    }
    #expect(try await recorder.events(for: other.originatorID).isEmpty)
  }

  @Test("A read model's rows roll back with a refused position")
  func readModelRollsBack() async throws {
    let view = try SQLiteDogsPerTrickView(path: ":memory:")
    let tracking = Tracking(applicationName: "DogSchool", notificationID: 3)
    try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
    await #expect(throws: TrackingError.alreadyProcessed(tracking)) {
      try await view.addDog(UUID(), toTrick: "sit", tracking: tracking)
    }
    #expect(try await view.numberOfDogs(knowing: "sit") == 1)
  }
}
