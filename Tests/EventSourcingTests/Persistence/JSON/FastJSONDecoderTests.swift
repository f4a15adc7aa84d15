import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON decoder")
struct FastJSONDecoderTests {
  private func fast<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
    var decoder = FastJSONDecoder()
    return try decoder.decode(type, from: data)
  }

  private func fast<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try fast(type, Data(text.utf8))
  }

  @Test("Reads every shape JSONEncoder writes exactly as JSONDecoder does")
  func everything() throws {
    let value = Everything()
    let data = try JSONEncoder().encode(value)
    let decoded = try fast(Everything.self, data)
    #expect(decoded == value)
    #expect(decoded == (try JSONDecoder().decode(Everything.self, from: data)))
    #expect(decoded.inner.values[1].sign == .minus)
    #expect(
      try fast([Everything].self, try JSONEncoder().encode([value, value])) == [value, value])
  }

  @Test("Reads top-level scalars, optionals and empty containers")
  func scalars() throws {
    #expect(try fast(Int.self, " 42 ") == 42)
    #expect(try fast(String.self, "\"x\"") == "x")
    #expect(try fast(Bool.self, "false") == false)
    #expect(try fast(Int?.self, "null") == nil)
    #expect(try fast([Int].self, "[ ]") == [])
    #expect(try fast([String: Int].self, "{ }") == [:])
    #expect(try fast([Int?].self, "[1,null,3]") == [1, nil, 3])
    #expect(try fast(Int.self, "1e3") == 1000)
    #expect(try fast(Double.self, "1E+2") == 100)
  }

  @Test("A subclass reads its superclass through superDecoder")
  func superDecoder() throws {
    let bird = try fast(Bird.self, try JSONEncoder().encode(Bird(legs: 2, wings: 2)))
    #expect(bird.legs == 2 && bird.wings == 2)
  }

  @Test(
    "Doubles come back bit for bit",
    arguments: [
      0.1, 0.2, 0.30000000000000004, 1e300, -1e300, -0.0, 0, .leastNonzeroMagnitude,
      .leastNormalMagnitude, 2.2250738585072014e-308,
      Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 817_151_941.1672522,
      123_456_789_012_345_680, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e22, 1e23, 1.5e-10,
      4.35, 1.0 / 3,
    ] as [Double])
  func doubles(value: Double) throws {
    let decoded = try fast([Double].self, try JSONEncoder().encode([value]))
    #expect(decoded.first?.bitPattern == value.bitPattern)
  }

  @Test("Random doubles, floats and dates come back bit for bit")
  func randomNumbers() throws {
    var random = SplitMix64(state: 42)
    var doubles: [Double] = []
    var floats: [Float] = []
    var dates: [Date] = []
    while doubles.count < 5_000 {
      let double = Double(bitPattern: random.next())
      if double.isFinite { doubles.append(double) }
      let float = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
      if float.isFinite { floats.append(float) }
      dates.append(Date(timeIntervalSinceReferenceDate: .random(in: -1e10...1e10, using: &random)))
    }
    let decodedDoubles = try fast([Double].self, try JSONEncoder().encode(doubles))
    #expect(decodedDoubles.map(\.bitPattern) == doubles.map(\.bitPattern))
    let decodedFloats = try fast([Float].self, try JSONEncoder().encode(floats))
    #expect(decodedFloats.map(\.bitPattern) == floats.map(\.bitPattern))
    #expect(try fast([Date].self, try JSONEncoder().encode(dates)) == dates)
  }

  @Test("Escapes, surrogate pairs and unicode read as JSONDecoder reads them")
  func strings() throws {
    let texts = [
      #""\ud83d\udc36 \u00e9 \u0041 \/ \\ \" \b\f\n\r\t""#, #""caf\u00E9""#, "\"日本 🐾\"",
      #""\u0000""#,
    ]
    for text in texts {
      #expect(
        try fast(String.self, text)
          == (try JSONDecoder().decode(String.self, from: Data(text.utf8))))
    }
    #expect(try fast([String: Int].self, #"{"k\u00e9y": 1}"#) == ["kéy": 1])
    struct Keyed: Decodable, Equatable { let ké: Int }
    #expect(try fast(Keyed.self, #"{"k\u00e9": 1}"#) == Keyed(ké: 1))
  }

  // Plain runs are skipped eight bytes at a time: put whatever ends one at every offset of
  // the first three words of a string, and after it, to see that it is always found.
  @Test("A string's escapes, quotes, controls and other characters are found at any offset")
  func stringBoundaries() throws {
    let enders: [(json: String, text: String)] = [
      (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é"), ("é", "é"),
      ("🐾", "🐾"), (#"\ud83d\udc36"#, "🐶"),
    ]
    for (json, text) in enders {
      for before in 0..<24 {
        for after in [0, 1, 7, 8, 9] {
          let prefix = String(repeating: "a", count: before)
          let suffix = String(repeating: "b", count: after)
          let document = "[\"" + prefix + json + suffix + "\",\"" + prefix + "\"]"
          #expect(try fast([String].self, document) == [prefix + text + suffix, prefix])
        }
      }
    }
    for before in 0..<24 {
      let prefix = String(repeating: "a", count: before)
      for control in ["\u{01}", "\t", "\n", "\u{1F}"] {
        #expect(throws: DecodingError.self) {
          try fast([String].self, "[\"" + prefix + control + "bbbbbbbb\"]")
        }
      }
      let invalidUTF8 = Array("[\"\(prefix)".utf8) + [0xFF] + Array("bbbbbbbb\"]".utf8)
      #expect(throws: DecodingError.self) { try fast([String].self, Data(invalidUTF8)) }
      #expect(throws: DecodingError.self) { try fast([String].self, "[\"" + prefix) }
    }
  }
}
