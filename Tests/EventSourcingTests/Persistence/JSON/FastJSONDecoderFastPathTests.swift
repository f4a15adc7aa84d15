import Foundation
import Testing

@testable import EventSourcing

/// The types the decoder reads without `init(from:)` (UUIDs and arrays of strings, integers,
/// doubles and UUIDs) must read and fail exactly as `JSONDecoder` does.
@Suite("The fast JSON decoder's shortcuts")
struct FastJSONDecoderFastPathTests {
  private struct State: Codable, Equatable {
    let names: [String]
    let counts: [Int]
    let ratios: [Double]
    let ids: [UUID]
    let id: UUID
    let nested: [[String]]
  }

  private static let valid = #"""
    {"names":["sit","r\u00f6ll","","fetch \"ball\""],"counts":[0,-3,9007199254740993],
    "ratios":[0.1,-2,1e10],"ids":["E621E1F8-C36C-495A-93FC-0C247A3E6E5F"],
    "id":"e621e1f8-c36c-495a-93fc-0c247a3e6e5f","nested":[["a"],[]]}
    """#

  @Test("valid values read as JSONDecoder reads them")
  func validValues() throws {
    let data = Data(Self.valid.utf8)
    let expected = try JSONDecoder().decode(State.self, from: data)
    #expect(try decodeFast(State.self, data) == expected)
    #expect(expected.names[1] == "röll")
  }

  @Test(
    "wrong values fail with JSONDecoder's kind of error and coding path",
    arguments: [
      (#""names":["#, #""names":[1,"#),
      (#""names":["#, #""names":[null,"#),
      (#""names":["sit","#, #""names":{"a":"#),
      (#""counts":[0,"#, #""counts":[0,"7","#),
      (#""ratios":[0.1,"#, #""ratios":[0.1,"x","#),
      (#""ids":["E621E1F8"#, #""ids":["nonsense","E621E1F8"#),
      (#""ids":["#, #""ids":[7,"#),
      (#""id":"e621e1f8-c36c"#, #""id":"g621e1f8-c36c"#),
      (#""id":"e621e1f8-c36c-495a-93fc-0c247a3e6e5f""#, #""id":null"#),
      (#""nested":[["a"]"#, #""nested":[["a",2]"#),
    ])
  func wrongValues(original: String, replacement: String) throws {
    let data = try Self.valid(replacing: original, with: replacement)
    let expected = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(State.self, from: data)
    }
    let found = #expect(throws: DecodingError.self) { try decodeFast(State.self, data) }
    if let expected, let found {
      #expect(decodingErrorSummary(found) == decodingErrorSummary(expected))
    }
  }

  /// JSONDecoder names no coding path for a number that does not fit an array element; this
  /// decoder names the element, as it does for numbers in objects.
  @Test(
    "numbers that do not fit are named by their element",
    arguments: [
      (#""counts":[0,"#, #""counts":[0,1.5,"#, "counts/Index 1"),
      (#""counts":[0,"#, #""counts":[0,1e400,"#, "counts/Index 1"),
      (#""ratios":[0.1,"#, #""ratios":[0.1,1e400,"#, "ratios/Index 1"),
    ])
  func numbersThatDoNotFit(original: String, replacement: String, path: String) throws {
    let data = try Self.valid(replacing: original, with: replacement)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(State.self, from: data) }
    let found = #expect(throws: DecodingError.self) { try decodeFast(State.self, data) }
    if let found { #expect(decodingErrorSummary(found) == "dataCorrupted at " + path) }
  }

  private static func valid(replacing original: String, with replacement: String) throws -> Data {
    let text = valid.replacingOccurrences(of: original, with: replacement)
    try #require(text != valid)
    return Data(text.utf8)
  }

  @Test("top-level arrays and UUIDs read as JSONDecoder reads them")
  func topLevel() throws {
    let strings = Data(#"["a","b\n"]"#.utf8)
    #expect(
      try decodeFast([String].self, strings) == JSONDecoder().decode([String].self, from: strings))
    let id = Data(#""E621E1F8-C36C-495A-93FC-0C247A3E6E5F""#.utf8)
    #expect(try decodeFast(UUID.self, id) == JSONDecoder().decode(UUID.self, from: id))
    let notAnArray = Data(#"{"a":1}"#.utf8)
    let expected = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Int].self, from: notAnArray)
    }
    let found = #expect(throws: DecodingError.self) { try decodeFast([Int].self, notAnArray) }
    if let expected, let found {
      #expect(decodingErrorSummary(found) == decodingErrorSummary(expected))
    }
  }
}
