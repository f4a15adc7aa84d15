import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON decoder reads integers exactly")
struct FastJSONDecoderIntegerTests {
  private struct Counts: Decodable, Equatable {
    let signed: Int
    let unsigned: UInt64
  }

  private func fast<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    var decoder = FastJSONDecoder()
    return try decoder.decode(type, from: Data(text.utf8))
  }

  @Test(
    "A number written with a fraction or exponent is its exact integer",
    arguments: [
      ("9007199254740993.0", 9_007_199_254_740_993), ("1e3", 1000), ("1.5e1", 15),
      ("-0.0", 0), ("1500e-2", 15), ("0.0e5", 0), ("0e99999999999999999999", 0),
      ("9223372036854775807.0", Int.max), ("-9223372036854775808.0", Int.min),
      ("922337203685477580.7e1", Int.max), ("1234567890123456.789e3", 1_234_567_890_123_456_789),
    ])
  func exactIntegers(_ text: String, _ expected: Int) throws {
    #expect(try fast([Int].self, "[\(text)]") == [expected], "[Int] from \(text)")
    #expect(try fast(Int.self, text) == expected, "Int from \(text)")
  }

  @Test(
    "A number that is no whole number, or too large, is refused",
    arguments: [
      "1.5", "1e-1", "1e400", "1e-400", "9223372036854775808.0", "-9223372036854775809.0",
      "1e99999999999999999999", "1.0000000000000000001", "1e-99999999999999999999",
    ])
  func notIntegers(_ text: String) throws {
    #expect(throws: DecodingError.self, "\(text) as Int") { try fast(Int.self, text) }
    #expect(throws: DecodingError.self, "[\(text)] as [Int]") { try fast([Int].self, "[\(text)]") }
  }

  @Test("Agrees with JSONDecoder where JSONDecoder reads exactly")
  func agreesWithJSONDecoder() throws {
    let texts = [
      #"{"signed":9007199254740993.0,"unsigned":4.0}"#,
      #"{"signed":-4.2e1,"unsigned":1e19}"#,
    ]
    for text in texts {
      let expected = try JSONDecoder().decode(Counts.self, from: Data(text.utf8))
      #expect(try fast(Counts.self, text) == expected, "\(text)")
    }
    #expect(throws: DecodingError.self) {
      try fast(Counts.self, #"{"signed":1,"unsigned":-1.0}"#)
    }
    #expect(throws: DecodingError.self) { try fast(UInt8.self, "256.0") }
    #expect(try fast(UInt8.self, "2.55e2") == 255)
  }
}
