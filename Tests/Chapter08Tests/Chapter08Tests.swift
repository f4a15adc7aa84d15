import Chapter08
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Testing

@Suite("Chapter 8: the notification log and its sections")
struct Chapter08Tests {
  // MARK: - Task 1

  @Test("Task 1: notifications are numbered from 1 in the order they were appended")
  func selectsFromTheStart() async throws {
    let (school, ids) = try await schoolWithDogs(2, tricks: ["sit"])
    let notifications = try await school.store.notifications(start: 1, limit: 10)
    #expect(
      notifications.map(\.id) == [1, 2, 3, 4],
      "Task 1: notifications(start: 1, limit: 10) should return IDs 1, 2, 3, 4 (IDs count from 1)."
    )
    #expect(
      notifications.map(\.event.originatorID) == [ids[0], ids[1], ids[0], ids[1]]
        && notifications.map(\.event.originatorVersion) == [1, 1, 2, 2],
      "Task 1: notification n should carry the n-th event appended, of any dog.")
  }

  @Test("Task 1: start and limit choose a window, and nothing past the end")
  func selectsAWindow() async throws {
    let log = try await logWith(7)
    let middle = try await log.store.notifications(start: 3, limit: 2)
    #expect(
      middle.map(\.id) == [3, 4],
      "Task 1: start: 3, limit: 2 should return IDs 3 and 4 (start is the first ID returned).")
    #expect(
      middle.map(\.event.event) == [.registered(name: "Dog 2"), .registered(name: "Dog 3")],
      "Task 1: IDs 3 and 4 should carry the 3rd and 4th events appended (ID n is at index n - 1)."
    )
    let single = try await log.store.notifications(start: 7, limit: 1)
    #expect(
      single.map(\.id) == [7] && single.map(\.event.event) == [.registered(name: "Dog 6")],
      "Task 1: start: 7, limit: 1 should return exactly the newest notification, ID 7.")
    let tail = try await log.store.notifications(start: 6, limit: 10)
    #expect(tail.map(\.id) == [6, 7], "Task 1: a limit past the end should return what there is.")
    let beyond = try await log.store.notifications(start: 8, limit: 10)
    #expect(beyond.isEmpty, "Task 1: a start after the newest ID should return nothing.")
    let refused = try await DogSchool().store.notifications(start: 1, limit: 10)
    #expect(refused.isEmpty, "Task 1: an empty log has no notifications.")
  }

  @Test("Task 1: a refused append takes no number")
  func refusedAppendsTakeNoNumber() async throws {
    let (school, ids) = try await schoolWithDogs(1)
    var first = try await school.repository.get(ids[0])
    var second = try await school.repository.get(ids[0])
    first.addTrick("sit")
    second.addTrick("stay")
    try await school.save(first)
    _ = try? await school.save(second)
    try await school.addTrick(ids[0], trick: "beg")
    let notifications = try await school.store.notifications(start: 1, limit: 10)
    #expect(
      notifications.map(\.id) == [1, 2, 3]
        && notifications.map(\.event.event) == [
          .registered(name: "Dog 0"), .trickAdded(trick: "sit"), .trickAdded(trick: "beg"),
        ],
      "Task 1: the log should hold only stored events, numbered without gaps.")
  }

  // MARK: - Task 2

  @Test("Task 2: the first section of a log with more than ten notifications")
  func firstSection() async throws {
    let log = try await logWith(25)
    let section = try await readSection("1,10", of: log)
    #expect(section.items.map(\.id) == Array(1...10), "Task 2: section \"1,10\" holds IDs 1 to 10.")
    #expect(section.id == "1,10", "Task 2: a full section's id is \"1,10\".")
    #expect(section.previousID == nil, "Task 2: the first section has no previous section.")
    #expect(section.nextID == "11,20", "Task 2: after \"1,10\" comes \"11,20\".")
  }

  @Test("Task 2: a middle section links both ways")
  func middleSection() async throws {
    let log = try await logWith(25)
    let section = try await readSection("11,20", of: log)
    #expect(
      section.items.map(\.id) == Array(11...20),
      "Task 2: section \"11,20\" holds IDs 11 to 20, no more and no fewer.")
    #expect(
      section.previousID == "1,10" && section.nextID == "21,30",
      "Task 2: \"11,20\" should link to \"1,10\" before and \"21,30\" after.")
  }

  @Test("Task 2: a partly filled section has no next section yet")
  func partlyFilledSection() async throws {
    let log = try await logWith(25)
    let section = try await readSection("21,30", of: log)
    #expect(section.items.map(\.id) == Array(21...25), "Task 2: \"21,30\" holds what there is.")
    #expect(section.id == "21,25", "Task 2: a section's id names the IDs it holds: \"21,25\".")
    #expect(section.previousID == "11,20", "Task 2: before \"21,30\" comes \"11,20\".")
    #expect(
      section.nextID == nil,
      "Task 2: a section that is not full is still growing: its nextID must be nil.")
  }

  @Test("Task 2: the current section holds the newest notification")
  func currentSection() async throws {
    for (count, expected) in [(25, 21...25), (20, 11...20), (10, 1...10), (11, 11...11)] {
      let log = try await logWith(count)
      let section = try await readSection("current", of: log)
      #expect(
        section.items.map(\.id) == Array(expected),
        "Task 2: with \(count) notifications the current section holds IDs \(expected).")
    }
  }

  @Test("Task 2: the current section of an empty log is an empty \"1,10\"")
  func emptyLog() async throws {
    let log = try await logWith(0)
    let section = try await readSection("current", of: log)
    #expect(
      section.items.isEmpty && section.id == nil && section.previousID == nil
        && section.nextID == nil,
      "Task 2: an empty log's current section has no items, no id and no links.")
  }

  @Test("Task 2: a full last section links to the next, still empty one")
  func fullLastSection() async throws {
    let log = try await logWith(20)
    let section = try await readSection("11,20", of: log)
    #expect(
      section.nextID == "21,30",
      "Task 2: a full section has a next section, even before anything is in it.")
    let next = try await readSection("21,30", of: log)
    #expect(
      next.items.isEmpty && next.nextID == nil && next.previousID == "11,20",
      "Task 2: the section after the end is empty, links back, and has no next.")
  }

  @Test("Task 2: following nextID from the first section reads the whole log once")
  func walkTheSections() async throws {
    let log = try await logWith(23, sectionSize: 5)
    var sectionID: String? = "1,5"
    var ids: [Int] = []
    var steps = 0
    while let id = sectionID, steps < 20 {
      let section = try await readSection(id, of: log)
      ids += section.items.map(\.id)
      sectionID = section.nextID
      steps += 1
    }
    #expect(
      ids == Array(1...23),
      "Task 2: walking nextID links (sections of 5) should read IDs 1 to 23 once each.")
  }

  @Test("Task 2: a section holds the IDs it names, no more")
  func sectionHoldsWhatItNames() async throws {
    let log = try await logWith(10)
    let section = try await readSection("2,4", of: log)
    #expect(
      section.items.map(\.id) == [2, 3, 4] && section.id == "2,4",
      "Task 2: section \"2,4\" should hold IDs 2, 3 and 4 only, with the id \"2,4\".")
    #expect(
      section.items.map(\.event.event) == [
        .registered(name: "Dog 1"), .registered(name: "Dog 2"), .registered(name: "Dog 3"),
      ],
      "Task 2: section \"2,4\" should hold the 2nd to 4th events appended.")
  }

  @Test("Task 2: a section ID of the wrong form is refused")
  func invalidSectionID() async throws {
    let log = try await logWith(3)
    for id in ["", "1", "0,10", "10,1", "a,b", "1,10,20"] {
      await #expect(
        throws: LogError.invalidSectionID(id),
        "Task 2: section(\"\(id)\") should throw LogError.invalidSectionID.")
      {
        try await log.section(id)
      }
    }
  }

  // MARK: - Setup

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}
