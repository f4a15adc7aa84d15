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
