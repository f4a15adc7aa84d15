import EventSourcing
import EventSourcingTesting
import Foundation
import Testing

@Suite("Recorders keep the recorder contract")
struct RecorderConformanceTests {
  @Test("InMemoryRecorder")
  func inMemoryRecorder() async throws {
    try await ApplicationRecorderConformance { InMemoryRecorder() }.run()
  }

  @Test("SQLiteRecorder on an in-memory database")
  func sqliteInMemory() async throws {
    try await ApplicationRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
  }

  // Without a shared cache, a second connection to this URI would open another, empty
  // database: the recorder must read on the connection it writes on.
  @Test("SQLiteRecorder on a `file:` URI of an in-memory database")
  func sqliteInMemoryURI() async throws {
    try await ApplicationRecorderConformance {
      try SQLiteRecorder(path: "file:conformance-\(UUID().uuidString)?mode=memory")
    }.run()
  }

  @Test("SQLiteRecorder on a database file", arguments: SQLiteRecorder.Synchronous.allCases)
  func sqliteFile(synchronous: SQLiteRecorder.Synchronous) async throws {
    try await withTemporaryDirectory { directory in
      try await ApplicationRecorderConformance {
        let path = directory.appendingPathComponent("\(UUID().uuidString).sqlite").path
        return try SQLiteRecorder(path: path, synchronous: synchronous)
      }.run()
    }
  }

  @Test("InMemoryRecorder tells of new notifications")
  func inMemoryTells() async throws {
    try await NotifyingRecorderConformance { InMemoryRecorder() }.run()
  }

  @Test("SQLiteRecorder tells of new notifications, in memory and in a file")
  func sqliteTells() async throws {
    try await NotifyingRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
    try await withTemporaryDirectory { directory in
      try await NotifyingRecorderConformance {
        try SQLiteRecorder(path: directory.appendingPathComponent("\(UUID()).sqlite").path)
      }.run()
    }
  }

  // Another recorder on the same file stands for another process: its inserts do not pass
  // through the listener's recorder, which must notice them by reading the file again.
  @Test("SQLiteRecorder tells of what another recorder on the same file inserted")
  func sqliteTellsOfOtherWriters() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("shared.sqlite").path
      let listener = try SQLiteRecorder(path: path)
      let writer = try SQLiteRecorder(path: path)
      let told = Task {
        var values: [Int] = []
        for try await value in listener.newNotificationIDs() {
          values.append(value)
          if value >= 3 { break }
        }
        return values
      }
      try await writer.insert(TestEvents.make(UUID(), versions: 1...3))
      let timeout = Task {
        try await Task.sleep(for: SQLiteRecorder.externalWriteCheckInterval * 10)
        told.cancel()
      }
      let values = try await told.value
      timeout.cancel()
      #expect(values.last == 3, "told \(values) within ten checks")
    }
  }

  @Test("SQLiteRecorder as an aggregate recorder on a second table of the same file")
  func sqliteSecondTable() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("shared.sqlite").path
      let events = try SQLiteRecorder(path: path)
      try await AggregateRecorderConformance {
        try SQLiteRecorder(path: path, eventsTable: "snapshots_\(UUID().uuidString.prefix(8))")
      }.run()
      #expect(try await events.maxNotificationID() == 0)
    }
  }
}
