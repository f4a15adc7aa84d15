import EventSourcing
import Foundation
import Testing

@Suite("The in-memory recorder")
struct InMemoryRecorderTests {
  let recorder = InMemoryRecorder()
  let first = UUID()
  let second = UUID()

  private func event(_ id: UUID, _ version: Int) -> StoredEvent {
    StoredEvent(originatorID: id, originatorVersion: version, topic: "test", state: Data([UInt8(version)]))
  }

  @Test("Inserts events and reads one aggregate's events back in version order")
  func insertAndSelect() async throws {
    let ids = try await recorder.insert([event(first, 1), event(second, 1), event(first, 2)])
    #expect(ids == [1, 2, 3])
    #expect(try await recorder.events(for: first) == [event(first, 1), event(first, 2)])
    #expect(try await recorder.events(for: second) == [event(second, 1)])
    #expect(try await recorder.events(for: UUID()).isEmpty)
  }

  @Test("Selects by after, through, limit and descending order")
  func selection() async throws {
    try await recorder.insert((1...5).map { event(first, $0) })
    #expect(try await recorder.events(for: first, after: 2).map(\.originatorVersion) == [3, 4, 5])
    #expect(try await recorder.events(for: first, through: 2).map(\.originatorVersion) == [1, 2])
    #expect(try await recorder.events(for: first, after: 1, through: 3).map(\.originatorVersion) == [2, 3])
    #expect(try await recorder.events(for: first, limit: 2).map(\.originatorVersion) == [1, 2])
    let newest = try await recorder.events(
      for: first, after: nil, through: nil, descending: true, limit: 2)
    #expect(newest.map(\.originatorVersion) == [5, 4])
    let newestBelow = try await recorder.events(
      for: first, after: nil, through: 3, descending: true, limit: 1)
    #expect(newestBelow.map(\.originatorVersion) == [3])
  }

  @Test("A taken version is refused by name and nothing of the insert is stored")
  func versionConflict() async throws {
    try await recorder.insert([event(first, 1)])
    await #expect(throws: RecorderError.versionConflict(originatorID: first, version: 1)) {
      try await recorder.insert([event(second, 1), event(first, 1)])
    }
    #expect(try await recorder.events(for: second).isEmpty)
    #expect(try await recorder.maxNotificationID() == 1)
    await #expect(throws: RecorderError.versionConflict(originatorID: second, version: 1)) {
      try await recorder.insert([event(second, 1), event(second, 1)])
    }
    #expect(try await recorder.events(for: second).isEmpty)
  }

  @Test("Notifications are numbered without gaps and selected by start, limit and stop")
  func notifications() async throws {
    try await recorder.insert([event(first, 1), event(first, 2)])
    try await recorder.insert([event(second, 1)])
    try await recorder.insert([event(first, 3)])
    #expect(try await recorder.maxNotificationID() == 4)
    let all = try await recorder.notifications(start: 1, limit: 10)
    #expect(all.map(\.id) == [1, 2, 3, 4])
    #expect(all[2].storedEvent == event(second, 1))
    #expect(try await recorder.notifications(start: 2, limit: 2).map(\.id) == [2, 3])
    #expect(try await recorder.notifications(start: 3, limit: 10, stop: 3).map(\.id) == [3])
    #expect(try await recorder.notifications(start: 5, limit: 10).isEmpty)
    #expect(try await recorder.notifications(start: 1, limit: 0).isEmpty)
  }
}
