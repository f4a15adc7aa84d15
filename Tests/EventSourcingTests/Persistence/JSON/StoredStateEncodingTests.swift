import Foundation
import Testing

@testable import EventSourcing

/// `StoredState.json(timestamp:event:)` writes an event's state without a keyed container; it
/// must write the bytes that encoding a `StoredState` writes, so that stored events and their
/// hashes do not depend on the path taken.
@Suite("An event's stored state, written without a keyed container")
struct StoredStateEncodingTests {
  enum Shaped: DomainEvent {
    case named(name: String, id: UUID, tags: [String])
    case counted(Int, ratio: Double)
    case plain
  }

  enum Reshaped: DomainEvent {
    static let eventVersion = 2
    case renamed(to: String)
  }

  /// Writes through `superEncoder`, which one pass cannot follow.
  struct Unusual: DomainEvent {
    let value: Int

    init(value: Int) { self.value = value }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      value = try Int(from: container.superDecoder(forKey: .value))
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try value.encode(to: container.superEncoder(forKey: .value))
    }

    private enum CodingKeys: String, CodingKey { case value }
  }

  private let timestamp = Date(timeIntervalSinceReferenceDate: 812_345_678.123_456)

  private func expectSameBytes<Event: DomainEvent>(
    _ event: Event, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let direct = try StoredState.json(timestamp: timestamp, event: event)
    let wrapped = try FastJSONEncoder().encode(StoredState(timestamp: timestamp, event: event))
    #expect(
      String(decoding: direct, as: UTF8.self) == String(decoding: wrapped, as: UTF8.self),
      sourceLocation: sourceLocation)
    let read = try JSONDecoder().decode(StoredState<Event>.self, from: direct)
    #expect(read.event == event, sourceLocation: sourceLocation)
    #expect(read.timestamp == timestamp, sourceLocation: sourceLocation)
  }

  @Test("Cases with and without values give the bytes of encoding the wrapper")
  func sameBytes() throws {
    try expectSameBytes(Shaped.named(name: "Fido \"🐕\"\n", id: UUID(), tags: ["a", ""]))
    try expectSameBytes(Shaped.counted(-42, ratio: 0.25))
    try expectSameBytes(Shaped.plain)
  }

  @Test("A shape above version 1 is written with its version")
  func version() throws {
    try expectSameBytes(Reshaped.renamed(to: "Rex"))
    let json = try StoredState.json(timestamp: timestamp, event: Reshaped.renamed(to: "Rex"))
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["version"] as? Int == 2)
  }

  @Test("An event that one pass cannot write is written by JSONEncoder, and reads back")
  func fallback() throws {
    let json = try StoredState.json(timestamp: timestamp, event: Unusual(value: 7))
    let read = try JSONDecoder().decode(StoredState<Unusual>.self, from: json)
    #expect(read.event == Unusual(value: 7))
    #expect(read.timestamp == timestamp)
  }
}
