import Chapter08
import Foundation
import Testing

@Suite("Chapter 8: a reader that resumes")
struct ReaderTests {
  // MARK: - Task 3

  @Test("Task 3: a reader returns everything, then only what is new")
  func readerReturnsOnlyNew() async throws {
    let log = try await logWith(3)
    var reader = LogReader(log: log)
    let first = try await reader.read()
    #expect(first.map(\.id) == [1, 2, 3], "Task 3: the first read returns IDs 1 to 3.")
    let none = try await reader.read()
    #expect(none.isEmpty, "Task 3: a read with nothing new returns nothing, not the last again.")
    let school = DogSchool(store: log.store)
    _ = try await school.registerDog(name: "Rex")
    let later = try await reader.read()
    #expect(later.map(\.id) == [4], "Task 3: a later read returns only the new ID 4.")
    #expect(reader.position == 4, "Task 3: the position is the ID of the last notification read.")
  }

  @Test("Task 3: a reader reads past its page size and resumes from a position")
  func readerPagesAndResumes() async throws {
    let log = try await logWith(25)
    var reader = LogReader(log: log, pageSize: 10)
    let all = try await reader.read()
    #expect(
      all.map(\.id) == Array(1...25),
      "Task 3: read() should keep asking for pages until one is not full (25 with pages of 10).")
    var resumed = LogReader(log: log, position: 20, pageSize: 3)
    let rest = try await resumed.read()
    #expect(
      rest.map(\.id) == Array(21...25),
      "Task 3: a reader from position 20 should return IDs 21 to 25: not 20 again, none skipped.")
  }

  @Test("Task 3: a page exactly full at the end does not end the reading early")
  func readerExactPages() async throws {
    let log = try await logWith(20)
    var reader = LogReader(log: log, pageSize: 10)
    let all = try await reader.read()
    #expect(all.map(\.id) == Array(1...20), "Task 3: two full pages of 10 should give IDs 1 to 20.")
  }
}
