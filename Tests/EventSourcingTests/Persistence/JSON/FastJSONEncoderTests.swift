import Foundation
import Testing

@testable import EventSourcing

@Suite("The fast JSON encoder")
struct FastJSONEncoderTests {
  private func fast<T: Encodable>(_ value: T) throws -> Data {
    try FastJSONEncoder().encode(value)
  }

  /// The document with sorted keys and JSONSerialization's own spelling, so that two
  /// documents that mean the same compare equal byte for byte.
  private func canonical(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let sorted = try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: sorted, as: UTF8.self)
  }

  private func expectSameMeaning<T: Codable & Equatable>(
    _ value: T, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let ours = try fast(value)
    let theirs = try JSONEncoder().encode(value)
    let (oursCanonical, theirsCanonical) = (try canonical(ours), try canonical(theirs))
    #expect(
      oursCanonical == theirsCanonical,
      "ours:\n\(oursCanonical)\nJSONEncoder's:\n\(theirsCanonical)",
      sourceLocation: sourceLocation)
    #expect(try JSONDecoder().decode(T.self, from: ours) == value, sourceLocation: sourceLocation)
    var decoder = FastJSONDecoder()
    #expect(try decoder.decode(T.self, from: ours) == value, sourceLocation: sourceLocation)
  }

  @Test("Writes every shape as JSONEncoder means it, read back by both decoders")
  func everything() throws {
    try expectSameMeaning(Everything())
    try expectSameMeaning([Everything(), Everything.fixed])
    try expectSameMeaning(["a": Everything.fixed])
  }

  @Test("Writes top-level scalars, optionals and empty containers")
  func scalars() throws {
    #expect(String(decoding: try fast(42), as: UTF8.self) == "42")
    #expect(String(decoding: try fast(-7), as: UTF8.self) == "-7")
    #expect(String(decoding: try fast("x"), as: UTF8.self) == #""x""#)
    #expect(String(decoding: try fast(Int?.none), as: UTF8.self) == "null")
    #expect(String(decoding: try fast([Int]()), as: UTF8.self) == "[]")
    #expect(String(decoding: try fast([String: Int]()), as: UTF8.self) == "{}")
    #expect(String(decoding: try fast([1, nil, 3] as [Int?]), as: UTF8.self) == "[1,null,3]")
    #expect(String(decoding: try fast(Nothing()), as: UTF8.self) == "{}")
    #expect(String(decoding: try fast([Nothing()]), as: UTF8.self) == "[{}]")
  }

  @Test(
    "Integers at their limits are written exactly",
    arguments: [Int.min, Int.max, -1, 0, 9, 10, 99, 100, -10, 1_000_000_007])
  func integers(value: Int) throws {
    #expect(String(decoding: try fast([value]), as: UTF8.self) == "[\(value)]")
  }

  @Test("Unsigned and small integers at their limits are written exactly")
  func otherIntegers() throws {
    #expect(String(decoding: try fast([UInt64.max]), as: UTF8.self) == "[18446744073709551615]")
    #expect(String(decoding: try fast([Int8.min]), as: UTF8.self) == "[-128]")
    #expect(String(decoding: try fast([UInt8.max]), as: UTF8.self) == "[255]")
    #expect(String(decoding: try fast([Int64.min]), as: UTF8.self) == "[-9223372036854775808]")
  }

  @Test("Random doubles, floats and dates come back bit for bit")
  func randomNumbers() throws {
    var random = SplitMix64(state: 7)
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
    let readDoubles = try JSONDecoder().decode([Double].self, from: try fast(doubles))
    #expect(readDoubles.map(\.bitPattern) == doubles.map(\.bitPattern))
    let readFloats = try JSONDecoder().decode([Float].self, from: try fast(floats))
    #expect(readFloats.map(\.bitPattern) == floats.map(\.bitPattern))
    #expect(try JSONDecoder().decode([Date].self, from: try fast(dates)) == dates)
  }

  @Test("Every control character, quote and backslash is escaped, in values and keys")
  func escapes() throws {
    let every = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) })
    let text = every + "é日本🐶\u{2028}\u{FEFF}"
    try expectSameMeaning([text: text])
    let written = String(decoding: try fast("\u{0}\u{1F}\"\\\n"), as: UTF8.self)
    #expect(written == #""\u0000\u001f\"\\\n""#)
  }

  @Test("Infinities and NaN are refused with EncodingError.invalidValue and the path")
  func nonFinite() throws {
    struct Reading: Encodable {
      let values: [Double]
    }
    for value in [Double.infinity, -.infinity, .nan] {
      #expect {
        try fast(Reading(values: [1, value]))
      } throws: { error in
        guard case EncodingError.invalidValue(_, let context) = error else { return false }
        return context.codingPath.map(\.stringValue) == ["values", "Index 1"]
      }
    }
    #expect(throws: EncodingError.self) { try fast(Float.nan) }
  }

  @Test("Strings, UUIDs, integers and Booleans written directly read as JSONEncoder's")
  func directlyWrittenValues() throws {
    struct Directly: Codable, Equatable {
      var names = ["Fido", "", "say \"woof\"\n", "über 🐕"]
      var ids = [UUID(), UUID()]
      var id = UUID()
      var counts = [Int.min, -1, 0, Int.max]
      var flags = [true, false]
      var nested = [["a"], [], ["b", "c"]]
      var optional: [String?] = ["x", nil]
      var byName = ["one": UUID()]
    }
    try expectSameMeaning(Directly())
    try expectSameMeaning([Directly(), Directly()])
    let id = UUID()
    #expect(String(decoding: try fast(id), as: UTF8.self) == "\"\(id.uuidString)\"")
    #expect(String(decoding: try fast([id]), as: UTF8.self) == "[\"\(id.uuidString)\"]")
    #expect(String(decoding: try fast([true]), as: UTF8.self) == "[true]")
  }

  /// Writes its elements one by one through an unkeyed container, as `Array`'s own
  /// conformance does.
  private struct ElementByElement<Element: Encodable>: Encodable {
    let elements: [Element]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      for element in elements { try container.encode(element) }
    }
  }

  @Test("Arrays of strings, integers and UUIDs written in one go give an unkeyed container's bytes")
  func wholeArrays() throws {
    let strings = [[], [""], ["sit"], ["say \"woof\"\n", "über 🐕", "a/b", "\u{01}"]]
    for array in strings {
      #expect(try fast(array) == (try fast(ElementByElement(elements: array))))
    }
    for array in [[], [0], [Int.min, -1, 1, Int.max]] {
      #expect(try fast(array) == (try fast(ElementByElement(elements: array))))
    }
    for array in [[], [UUID()], [UUID(), UUID()]] {
      #expect(try fast(array) == (try fast(ElementByElement(elements: array))))
    }
    struct Dog: Encodable {
      var name = "Fido"
      var tricks = ["sit", "stay"]
      var nested = [["a"], []]
    }
    #expect(
      String(decoding: try fast(Dog()), as: UTF8.self)
        == #"{"name":"Fido","tricks":["sit","stay"],"nested":[["a"],[]]}"#)
  }

  @Test("A conformance that writes in another order is encoded by JSONEncoder, as it means")
  func unusualOrders() throws {
    let bird = Bird(legs: 4, wings: 2)
    #expect(try canonical(fast(bird)) == canonical(JSONEncoder().encode(bird)))
    let read = try JSONDecoder().decode(Bird.self, from: try fast(bird))
    #expect(read.legs == 4 && read.wings == 2)
    try expectSameMeaning(Interleaving(first: 1, second: "two", third: 3))
    try expectSameMeaning(TwoContainers(value: 5))
  }
}

/// Encodes nothing at all, which JSONEncoder writes as an empty object.
private struct Nothing: Encodable {
  func encode(to encoder: any Encoder) throws {}
}

/// Goes back to its outer container after opening a nested one, then writes to the nested one
/// again: an order that one pass over the output cannot follow.
private struct Interleaving: Codable, Equatable {
  var first: Int
  var second: String
  var third: Int

  private enum CodingKeys: String, CodingKey { case first, nested, after }
  private enum NestedKeys: String, CodingKey { case second, third }

  init(first: Int, second: String, third: Int) {
    (self.first, self.second, self.third) = (first, second, third)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let nested = try container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
    first = try container.decode(Int.self, forKey: .first)
    second = try nested.decode(String.self, forKey: .second)
    third = try nested.decode(Int.self, forKey: .third)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
    try nested.encode(second, forKey: .second)
    try container.encode(first, forKey: .first)
    try nested.encode(third, forKey: .third)
  }
}

/// Asks its encoder for the keyed container twice, as a class and its superclass may.
private struct TwoContainers: Codable, Equatable {
  var value: Int

  private enum CodingKeys: String, CodingKey { case value, double }

  init(value: Int) { self.value = value }

  init(from decoder: any Decoder) throws {
    value = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .value)
  }

  func encode(to encoder: any Encoder) throws {
    var first = encoder.container(keyedBy: CodingKeys.self)
    try first.encode(value, forKey: .value)
    var second = encoder.container(keyedBy: CodingKeys.self)
    try second.encode(value * 2, forKey: .double)
  }
}
