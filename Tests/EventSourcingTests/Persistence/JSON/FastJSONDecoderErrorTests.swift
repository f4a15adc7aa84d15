import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON decoder's errors")
struct FastJSONDecoderErrorTests {
  private struct Item: Codable, Equatable {
    let a: Int
  }

  private struct Items: Codable, Equatable {
    let items: [Item]
    let small: UInt8?
  }

  @Test(
    "Values of the wrong type are named by kind and coding path, as JSONDecoder names them",
    arguments: [
      #"{"items":[{"a":1},{"a":"x"}]}"#, #"{"items":[{"a":1},{}]}"#,
      #"{"items":[{"a":null}]}"#, #"{"items":{}}"#, #"[]"#, #"{"items":[7]}"#,
      #"{"items":[{"a":true}]}"#, #"{"items":[{"a":[]}]}"#,
    ])
  func mismatches(text: String) throws {
    let data = Data(text.utf8)
    let expected = #expect(throws: (any Error).self) {
      try JSONDecoder().decode(Items.self, from: data)
    }
    let found = #expect(throws: DecodingError.self) { try decodeFast(Items.self, data) }
    if let expected, let found {
      #expect(decodingErrorSummary(found) == decodingErrorSummary(expected))
    }
  }

  @Test(
    "Numbers that do not fit are named by coding path",
    arguments: [
      (#"{"items":[],"small":300}"#, "small"), (#"{"items":[],"small":-1}"#, "small"),
      (#"{"items":[{"a":1.5}]}"#, "items/Index 0/a"),
      (#"{"items":[{"a":1e400}]}"#, "items/Index 0/a"),
      (#"{"items":[{"a":99999999999999999999}]}"#, "items/Index 0/a"),
    ])
  func numbersOutOfRange(text: String, path: String) throws {
    let data = Data(text.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Items.self, from: data) }
    let found = #expect(throws: DecodingError.self) { try decodeFast(Items.self, data) }
    if let found { #expect(decodingErrorSummary(found) == "dataCorrupted at " + path) }
  }

  // RFC 8259 §6 allows an exponent after a mantissa of zeros ("0e3", "-0.0e3"); Foundation's
  // JSONDecoder refuses some of these. This decoder follows the RFC, and the fuzz target
  // (Tests/Fuzz) knows the difference: libFuzzer found it with `{"number":\r0e3}` and
  // `{"number":-0.0e3}`.
  @Test(
    "A zero with an exponent is a number, as RFC 8259 says",
    arguments: [
      ("{\"number\":\r0e3}", 0.0), (#"{"number":0E+2}"#, 0.0), (#"{"number":-0e-1}"#, 0.0),
      (#"{"number":0e0}"#, 0.0), (#"{"number":-0.0e3}"#, 0.0), (#"{"number":0.00e1}"#, 0.0),
    ])
  func zeroWithExponent(text: String, expected: Double) throws {
    struct Number: Decodable { var number: Double }
    #expect(try decodeFast(Number.self, Data(text.utf8)).number == expected)
  }

  // JSONDecoder also accepts a trailing comma in an object; this decoder follows RFC 8259.
  @Test(
    "Malformed JSON is refused with dataCorrupted, never a crash",
    arguments: [
      "", " ", "{", "}", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, "tru", "nul", "01", "1.",
      "-", "1e", ".5", "+1", #""abc"#, #""\x""#, #""\u12g4""#, #""\ud83d""#, #""\udc36x""#,
      "[1] 2", "[1 2]", "\"tab\tin string\"", "NaN", "Infinity", #"{"a":1}}"#, "\u{FEFF}{}",
      String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
  func malformed(text: String) throws {
    let error = #expect(throws: DecodingError.self) {
      try decodeFast([String: Int].self, Data(text.utf8))
    }
    if let error { #expect(decodingErrorSummary(error) == "dataCorrupted at ") }
  }

  @Test(
    "Invalid UTF-8 is refused",
    arguments: [
      [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
    ] as [[UInt8]])
  func invalidUTF8(sequence: [UInt8]) throws {
    let data = Data([UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")])
    #expect(throws: DecodingError.self) { try decodeFast(String.self, data) }
  }

  @Test("An enumeration with two cases' keys is refused, as its synthesized decoding requires")
  func twoCases() throws {
    enum Choice: Codable {
      case one(Int)
      case two(Int)
    }
    #expect(throws: DecodingError.self) {
      try decodeFast(Choice.self, Data(#"{"one":{"_0":1},"two":{"_0":2}}"#.utf8))
    }
  }
}
