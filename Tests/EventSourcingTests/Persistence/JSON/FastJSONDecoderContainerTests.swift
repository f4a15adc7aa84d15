import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON decoder's containers")
struct FastJSONDecoderContainerTests {
  /// Reads `[[Int...], {"name": String}, null, Int]` through every unkeyed container call.
  private struct Mixed: Decodable, Equatable {
    var values: [Int] = []
    var name = ""
    var last = 0
    var count: Int?

    private enum Keys: String, CodingKey { case name }

    init(values: [Int], name: String, last: Int, count: Int?) {
      (self.values, self.name, self.last, self.count) = (values, name, last, count)
    }

    init(from decoder: any Decoder) throws {
      var outer = try decoder.unkeyedContainer()
      count = outer.count
      var inner = try outer.nestedUnkeyedContainer()
      while !inner.isAtEnd { values.append(try inner.decode(Int.self)) }
      name = try outer.nestedContainer(keyedBy: Keys.self).decode(String.self, forKey: .name)
      #expect(try outer.decodeNil() == true)
      #expect(try outer.decodeNil() == false)
      last = try Int(from: outer.superDecoder())
      #expect(outer.isAtEnd && outer.currentIndex == 4)
      #expect(throws: DecodingError.self) { try outer.decode(Int.self) }
    }
  }

  private func bothDecoders<T: Decodable & Equatable>(_ type: T.Type, _ text: String) throws -> T {
    var decoder = FastJSONDecoder()
    let fast = try decoder.decode(type, from: Data(text.utf8))
    #expect(fast == (try JSONDecoder().decode(type, from: Data(text.utf8))))
    return fast
  }

  @Test("Unkeyed containers nest, skip nulls and hand out super decoders")
  func unkeyed() throws {
    let mixed = try bothDecoders(Mixed.self, #"[[1, 2, 3], {"name": "a"}, null, 4]"#)
    #expect(mixed == Mixed(values: [1, 2, 3], name: "a", last: 4, count: 4))
  }

  @Test("Errors deep in nested arrays carry the indices of their path")
  func nestedPath() throws {
    var decoder = FastJSONDecoder()
    do {
      _ = try decoder.decode([String: [[Int]]].self, from: Data(#"{"k": [[1], [2, "x"]]}"#.utf8))
      Issue.record("a string is not an Int")
    } catch DecodingError.typeMismatch(_, let context) {
      #expect(context.codingPath.map(\.stringValue) == ["k", "Index 1", "Index 1"])
      #expect(context.codingPath.map(\.intValue) == [nil, 1, 1])
    }
  }

  @Test("Optional members: absent, null and present, with decodeIfPresent and contains")
  func optionals() throws {
    struct Optionals: Codable, Equatable {
      var absent: Int?
      var null: Date?
      var present: Date?
      var text: String?
    }
    let read = try bothDecoders(
      Optionals.self, #"{"null": null, "present": 5.5, "text": "t", "extra": [1]}"#)
    #expect(
      read
        == Optionals(
          absent: nil, null: nil, present: Date(timeIntervalSinceReferenceDate: 5.5), text: "t"))
  }
}
