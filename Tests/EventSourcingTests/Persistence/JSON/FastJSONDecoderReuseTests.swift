import Foundation
import Testing

@testable import EventSourcing

/// One decoder reading many documents in turn, as the mapper does: the containers and the
/// key lists it keeps from one document must never leak into the next.
@Suite("The fast JSON decoder reused")
struct FastJSONDecoderReuseTests {
  private enum Event: Codable, Equatable {
    case registered(name: String)
    case trickAdded(trick: String)
    case renamed(name: String, reason: String?)
  }

  /// Another key type whose case names overlap `Event`'s.
  private enum Command: Codable, Equatable {
    case registered(id: Int)
    case trickAdded
  }

  /// Decodes each text with one fast decoder and compares values and errors with
  /// `JSONDecoder`'s.
  private func expectSameAsJSONDecoder<T: Decodable & Equatable>(
    _ type: T.Type, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var fast = FastJSONDecoder()
    for text in texts {
      let data = Data(text.utf8)
      let expected = Result { try JSONDecoder().decode(type, from: data) }
      let decoded = Result { try fast.decode(type, from: data) }
      switch (decoded, expected) {
      case (.success(let value), .success(let wanted)):
        #expect(value == wanted, "\(text)", sourceLocation: sourceLocation)
      case (.failure(let error), .failure(let wanted)):
        #expect(
          decodingErrorSummary(error) == decodingErrorSummary(wanted), "\(text)",
          sourceLocation: sourceLocation)
      default:
        Issue.record("\(text): \(decoded) where JSONDecoder gives \(expected)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test("Cases of an enumeration, with errors among them, read as JSONDecoder reads them")
  func enumerationCases() {
    let texts = [
      #"{"registered":{"name":"Fido"}}"#,
      #"{"trickAdded":{"trick":"roll"}}"#,
      #"{"trickAdded":{"trick":"sit"}}"#,
      #"{"renamed":{"name":"Rex","reason":null}}"#,
      #"{"sleeping":{}}"#,
      #"{"trickAdded":{"trick":"fetch"}}"#,
      #"{}"#,
      #"{"registered":{"name":"Rex"},"trickAdded":{"trick":"beg"}}"#,
      #"{"trickAdded":{"trick":"beg"},"registered":{"name":"Rex"}}"#,
      #"{"trick\u0041dded":{"trick":"escaped"}}"#,
      #"{"trickAdded":{"name":"a trick without its key"}}"#,
      #"{"registered":{"name":"Fido"}}"#,
    ]
    expectSameAsJSONDecoder(Event.self, texts)
  }

  @Test("Two key types with the same case names keep their own keys")
  func overlappingKeyTypes() throws {
    var fast = FastJSONDecoder()
    for _ in 0..<3 {
      let event = try fast.decode(Event.self, from: Data(#"{"trickAdded":{"trick":"a"}}"#.utf8))
      #expect(event == .trickAdded(trick: "a"))
      let command = try fast.decode(Command.self, from: Data(#"{"trickAdded":{}}"#.utf8))
      #expect(command == .trickAdded)
      let registered = try fast.decode(Command.self, from: Data(#"{"registered":{"id":7}}"#.utf8))
      #expect(registered == .registered(id: 7))
    }
  }

  @Test("Objects with one member each under many names, twice over, read as JSONDecoder reads them")
  func manyMemberNames() {
    let names = (0..<100).map { "key \($0)" }
    let texts = (names + names.reversed()).enumerated().map { #"{"\#($1)":\#($0)}"# }
    expectSameAsJSONDecoder([String: Int].self, texts)
    expectSameAsJSONDecoder([[String: Int]].self, ["[" + texts.joined(separator: ",") + "]"])
  }
}
