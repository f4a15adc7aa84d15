import EventSourcing
import Foundation
import Testing

@Suite("The notification log reader")
struct NotificationLogReaderTests {
  let recorder = InMemoryRecorder()
  let aggregateID = UUID()

  private func record(_ count: Int) async throws {
    let start = try await recorder.events(for: aggregateID).count
    try await recorder.insert(
      (1...count).map {
        StoredEvent(originatorID: aggregateID, originatorVersion: start + $0, topic: "t", state: Data())
      })
  }

  @Test("Reads everything, then only what is new", arguments: [1, 3, 7, 100])
  func readsOnlyNew(pageSize: Int) async throws {
    var reader = NotificationLogReader(log: NotificationLog(recorder: recorder), pageSize: pageSize)
    #expect(try await reader.read().isEmpty)
    try await record(7)
    #expect(try await reader.read().map(\.id) == Array(1...7))
    #expect(reader.position == 7)
    #expect(try await reader.read().isEmpty)
    try await record(5)
    #expect(try await reader.read().map(\.id) == Array(8...12))
    #expect(reader.position == 12)
  }

  @Test("Starts after a remembered position")
  func resumes() async throws {
    try await record(10)
    var reader = NotificationLogReader(log: NotificationLog(recorder: recorder), position: 4)
    #expect(try await reader.read().map(\.id) == Array(5...10))
  }

  @Test("Reads page by page")
  func pages() async throws {
    try await record(5)
    var reader = NotificationLogReader(log: NotificationLog(recorder: recorder), pageSize: 2)
    #expect(try await reader.nextPage().map(\.id) == [1, 2])
    #expect(try await reader.nextPage().map(\.id) == [3, 4])
    #expect(try await reader.nextPage().map(\.id) == [5])
    #expect(try await reader.nextPage().isEmpty)
    #expect(reader.position == 5)
  }
}
