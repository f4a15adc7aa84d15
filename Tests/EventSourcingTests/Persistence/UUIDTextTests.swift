import EventSourcing
import Foundation
import Testing

@Suite("Reading UUIDs from SQLite text")
struct UUIDTextTests {
  private func parse(_ text: String) -> UUID? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { UUID(text: $0, count: buffer.count) }
    }
  }

  @Test("Upper- and lowercase text forms give back the same UUID")
  func roundTrips() {
    for _ in 0..<100 {
      let id = UUID()
      #expect(parse(id.uuidString) == id)
      #expect(parse(id.uuidString.lowercased()) == id)
    }
  }

  @Test(
    "Text that is not a UUID is refused",
    arguments: [
      "", "not a uuid", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
      "E621E1F8-C36C-495A-93FC-0C247A3E6E5G", "E621E1F8C-36C-495A-93FC-0C247A3E6E5F",
      "E621E1F8-C36C-495A-93FC+0C247A3E6E5F",
    ])
  func refusesOtherText(_ text: String) {
    #expect(parse(text) == nil)
  }
}
