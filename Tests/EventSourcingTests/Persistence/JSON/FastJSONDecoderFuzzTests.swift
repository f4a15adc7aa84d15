import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON decoder on damaged input")
struct FastJSONDecoderFuzzTests {
  @Test("Mutated and random bytes never crash it, and what it reads agrees with JSONDecoder")
  func fuzz() throws {
    var random = SplitMix64(state: 7)
    // Fixed seeds, so that every run fuzzes the same inputs: no random date or UUID, and keys
    // sorted, since JSONEncoder writes a dictionary's keys in an order that changes from one
    // process to the next.
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let seeds = [
      try encoder.encode(Everything.fixed),
      Data(#"{"timestamp":817151941.1672522,"event":{"trickAdded":{"trick":"trick 0"}}}"#.utf8),
      Data(#"{"a":[1,-2.5e3,"\ud83d\udc36",null,true,{"b":[]}]}"#.utf8),
    ]
    let alphabet =
      Array(#"{}[],:"\ 0123456789.eE+-tfnrulas_/\u00e9"#.utf8) + [0x80, 0xC3, 0xFF, 0x0A]
    var agreed = 0
    var decoder = FastJSONDecoder()
    for iteration in 0..<4_000 {
      var bytes: [UInt8]
      if iteration % 4 == 3 {
        bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
          alphabet.randomElement(using: &random) ?? 0
        }
      } else {
        bytes = Array(seeds[iteration % seeds.count])
        for _ in 0...Int.random(in: 0...3, using: &random) {
          mutate(&bytes, using: &random, alphabet: alphabet)
        }
      }
      let data = Data(bytes)
      // Every input follows from the fixed seed: the test run alone reproduces a failure, and
      // the message gives the input to turn into a test of its own.
      let input = "iteration \(iteration), input \(String(decoding: bytes, as: UTF8.self).debugDescription) (\(bytes))"
      let ours = Result { try decoder.decode(Everything.self, from: data) }
      let theirs = Result { try JSONDecoder().decode(Everything.self, from: data) }
      if case .failure(let error) = ours { #expect(error is DecodingError, "\(input)") }
      if case .success(let value) = ours, case .success(let expected) = theirs {
        #expect(value == expected, "\(input)")
        agreed += 1
      }
      let generic = Result { try decoder.decode(Shape.self, from: data) }
      let genericExpected = Result { try JSONDecoder().decode(Shape.self, from: data) }
      switch (generic, genericExpected) {
      case (.success(let value), .success(let expected)): #expect(value == expected, "\(input)")
      case (.failure(let error), _): #expect(error is DecodingError, "\(input)")
      case (.success, .failure): Issue.record("accepted what JSONDecoder refuses: \(input)")
      }
    }
    #expect(agreed > 0)
  }

  @Test("Numbers beyond Double's range are refused either way, as JSONDecoder refuses them")
  func outOfRangeNumbers() throws {
    var decoder = FastJSONDecoder()
    for number in ["5e-3244", "-1e-400", "1e400", "-1e400"] {
      let data = Data("[\(number)]".utf8)
      #expect(throws: DecodingError.self, "\(number)") { try decoder.decode([Double].self, from: data) }
      #expect(throws: (any Error).self, "\(number)") { try JSONDecoder().decode([Double].self, from: data) }
    }
    #expect(try decoder.decode([Double].self, from: Data("[5e-324, 0e-999, -0.0]".utf8)) == [Double.leastNonzeroMagnitude, 0, 0])
    #expect(throws: DecodingError.self) { try decoder.decode([Float].self, from: Data("[1e-60]".utf8)) }
  }

  private func mutate(
    _ bytes: inout [UInt8], using random: inout SplitMix64, alphabet: [UInt8]
  ) {
    guard !bytes.isEmpty else { return }
    let position = Int.random(in: 0..<bytes.count, using: &random)
    let byte = alphabet.randomElement(using: &random) ?? 0
    switch Int.random(in: 0..<4, using: &random) {
    case 0: bytes[position] = byte
    case 1: bytes.insert(byte, at: position)
    case 2: bytes.remove(at: position)
    default: bytes.removeLast(Int.random(in: 0...bytes.count - position, using: &random))
    }
  }
}

/// Any JSON value, decoded through every kind of container.
private enum Shape: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([Shape])
  case object([String: Shape])

  init(from decoder: any Decoder) throws {
    if let container = try? decoder.container(keyedBy: AnyKey.self) {
      var members: [String: Shape] = [:]
      for key in container.allKeys where members[key.stringValue] == nil {
        members[key.stringValue] = try container.decode(Shape.self, forKey: key)
      }
      self = .object(members)
    } else if var container = try? decoder.unkeyedContainer() {
      var elements: [Shape] = []
      while !container.isAtEnd { elements.append(try container.decode(Shape.self)) }
      self = .array(elements)
    } else {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let bool = try? container.decode(Bool.self) {
        self = .bool(bool)
      } else if let number = try? container.decode(Double.self) {
        self = .number(number)
      } else {
        self = .string(try container.decode(String.self))
      }
    }
  }

  private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
