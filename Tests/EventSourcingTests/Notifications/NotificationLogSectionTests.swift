import EventSourcing
import Foundation
import Testing

@Suite("EventNotification log sections")
struct NotificationLogSectionTests {
  let recorder = InMemoryRecorder()
  var log: NotificationLog { NotificationLog(recorder: recorder, sectionSize: 10) }

  private func record(_ count: Int) async throws {
    let id = UUID()
    let start = try await recorder.maxNotificationID()
    try await recorder.insert(
      (1...count).map {
        StoredEvent(originatorID: id, originatorVersion: start + $0, topic: "t", state: Data())
      })
  }

  @Test("A full first section holds 1 to 10 and links only forward")
  func firstSection() async throws {
    try await record(25)
    let section = try await log.section("1,10")
    #expect(section.id == "1,10")
    #expect(section.items.map(\.id) == Array(1...10))
    #expect(section.previousID == nil)
    #expect(section.nextID == "11,20")
  }

  @Test("A middle section links both ways")
  func middleSection() async throws {
    try await record(25)
    let section = try await log.section("11,20")
    #expect(section.id == "11,20")
    #expect(section.items.map(\.id) == Array(11...20))
    #expect(section.previousID == "1,10")
    #expect(section.nextID == "21,30")
  }

  @Test("The current section is the newest, partly filled one, with no next section yet")
  func currentSection() async throws {
    try await record(25)
    let section = try await log.section("current")
    #expect(section.id == "21,25")
    #expect(section.items.map(\.id) == Array(21...25))
    #expect(section.previousID == "11,20")
    #expect(section.nextID == nil)
    #expect(try await log.section("21,30") == section)
  }

  @Test("The current section of a full log is the last full one")
  func currentWhenFull() async throws {
    try await record(20)
    let section = try await log.section("current")
    #expect(section.id == "11,20")
    #expect(section.nextID == "21,30")
    let next = try await log.section("21,30")
    #expect(next.id == nil)
    #expect(next.items.isEmpty)
    #expect(next.previousID == "11,20")
    #expect(next.nextID == nil)
  }

  @Test("An empty log has an empty current section")
  func emptyLog() async throws {
    let section = try await log.section("current")
    #expect(section == NotificationLogSection(id: nil, items: [], previousID: nil, nextID: nil))
  }

  @Test("A section never holds more than the section size")
  func oversizedRequest() async throws {
    try await record(25)
    let section = try await log.section("1,25")
    #expect(section.items.map(\.id) == Array(1...10))
    #expect(section.nextID == "11,20")
  }

  @Test("Following the links visits every notification once")
  func followingLinks() async throws {
    try await record(47)
    var sectionID: String? = "1,10"
    var seen: [Int] = []
    while let id = sectionID {
      let section = try await log.section(id)
      seen += section.items.map(\.id)
      sectionID = section.nextID
    }
    #expect(seen == Array(1...47))
  }

  @Test("Malformed section IDs are refused by name", arguments: ["", "1", "0,10", "10,1", "a,b", "1,10,20"])
  func invalidIDs(_ id: String) async throws {
    await #expect(throws: NotificationLogError.invalidSectionID(id)) {
      try await log.section(id)
    }
  }

  @Test("A section's JSON has the Python library's field names and reads back equal")
  func json() async throws {
    try await record(12)
    let section = try await log.section("11,20")
    let data = try section.json()
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["id"] as? String == "11,12")
    #expect(object["previous_id"] as? String == "1,10")
    #expect(object["next_id"] is NSNull || object["next_id"] == nil)
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(items.count == 2)
    #expect(Set(items[0].keys) == ["id", "originator_id", "originator_version", "topic", "state"])
    #expect(try NotificationLogSection(json: data) == section)
  }
}
