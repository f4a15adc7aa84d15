import Chapter08
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Testing

@Suite("Chapter 8: a reader that resumes")
struct ReaderTests {
  /// Reads what is new, recording an issue naming task 3 when the read throws.
  func read(_ reader: inout LogReader) async throws -> [NumberedEvent] {
    try await attempt(task: 3, "LogReader.read()") { try await reader.read() }
  }

  // MARK: - Task 3

  @Test("Task 3: a reader returns everything, then only what is new")
  func readerReturnsOnlyNew() async throws {
    let log = try await logWith(3)
    var reader = LogReader(log: log)
    let first = try await read(&reader)
    #expect(first.map(\.id) == [1, 2, 3], "Task 3: the first read returns IDs 1 to 3.")
    #expect(reader.position == 3, "Task 3: after reading IDs 1 to 3 the position is 3.")
    let none = try await read(&reader)
    #expect(none.isEmpty, "Task 3: a read with nothing new returns nothing, not the last again.")
    let school = DogSchool(store: log.store)
    _ = try await school.registerDog(name: "Rex")
    let later = try await read(&reader)
    #expect(later.map(\.id) == [4], "Task 3: a later read returns only the new ID 4.")
    #expect(
      later.map(\.event.event) == [.registered(name: "Rex")],
      "Task 3: the new notification should be Rex's registration.")
    #expect(reader.position == 4, "Task 3: the position is the ID of the last notification read.")
  }

  @Test("Task 3: a reader reads past its page size and resumes from a position")
  func readerPagesAndResumes() async throws {
    let log = try await logWith(25)
    var reader = LogReader(log: log, pageSize: 10)
    let all = try await read(&reader)
    #expect(
      all.map(\.id) == Array(1...25),
      "Task 3: read() should keep asking for pages until one is not full (25 with pages of 10).")
    #expect(reader.position == 25, "Task 3: after reading 25 notifications the position is 25.")
    var resumed = LogReader(log: log, position: 20, pageSize: 3)
    let rest = try await read(&resumed)
    #expect(
      rest.map(\.id) == Array(21...25),
      "Task 3: a reader from position 20 should return IDs 21 to 25: not 20 again, none skipped.")
  }

  @Test("Task 3: a page exactly full at the end does not end the reading early")
  func readerExactPages() async throws {
    let log = try await logWith(20)
    var reader = LogReader(log: log, pageSize: 10)
    let all = try await read(&reader)
    #expect(all.map(\.id) == Array(1...20), "Task 3: two full pages of 10 should give IDs 1 to 20.")
    let none = try await read(&reader)
    #expect(none.isEmpty, "Task 3: after reading to the end, a read returns nothing.")
  }

  @Test("Task 3: reads in small pages between appends deliver every notification once")
  func readerInterleavedWithAppends() async throws {
    let (school, ids) = try await schoolWithDogs(2)
    var reader = LogReader(log: DogSchoolLog(store: school.store), pageSize: 2)
    var delivered = try await read(&reader)
    for trick in ["sit", "stay", "beg"] {
      for id in ids { try await school.addTrick(id, trick: trick) }
      delivered += try await read(&reader)
    }
    #expect(
      delivered.map(\.id) == Array(1...8),
      "Task 3: reads between appends should deliver IDs 1 to 8, each once, in order.")
    #expect(reader.position == 8, "Task 3: after the last read the position is 8.")
  }
}
