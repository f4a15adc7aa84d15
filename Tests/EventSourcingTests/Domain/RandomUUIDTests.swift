import Foundation
import Testing

@testable import EventSourcing

@Suite("Random UUIDs")
struct RandomUUIDTests {
  @Test("Random UUIDs are version 4, variant 1, and do not repeat")
  func versionAndVariant() {
    let uuids = (0..<1_000).map { _ in UUID.random() }
    #expect(Set(uuids).count == uuids.count)
    for uuid in uuids {
      #expect(uuid.uuid.6 >> 4 == 4)
      #expect(uuid.uuid.8 >> 6 == 0b10)
      #expect(uuid.uuidString.dropFirst(14).first == "4")
    }
  }
}
