import Foundation

/// Codable shapes that the fast decoder must read as `JSONDecoder` does.
struct Everything: Codable, Equatable {
  /// A value with a fixed UUID, so that its encoding is the same on every run.
  static var fixed: Everything {
    var value = Everything()
    value.uuid = UUID(
      uuid: (0x7A, 0x81, 0xB0, 0x02, 0xA8, 0x79, 0x4C, 0x2F, 0x87, 0xBE, 0xD4, 0x85, 0x08, 0x40, 0x2E, 0xBB))
    return value
  }

  enum Colour: String, Codable { case red, green }

  indirect enum Payload: Codable, Equatable {
    case empty
    case labelled(name: String, count: Int)
    case unlabelled(String, Int)
    case mixed(String, value: Double)
    case optional(note: String?)
    case nested(Payload)
    case list([Payload])
  }

  struct Inner: Codable, Equatable {
    var values: [Double]
    var flags: [String: Bool]
  }

  var string = "plain"
  var unicode = "héllo wörld, 日本語, 🐶🐾, \u{2028}"
  var escaped = "\"quoted\" \\ back/slash \n\t\r \u{8}\u{C} \u{0} \u{1F}"
  var int = Int.min
  var int8 = Int8.min
  var int16 = Int16.max
  var int32 = Int32.min
  var int64 = Int64.max
  var uint = UInt.max
  var uint8 = UInt8.max
  var uint16 = UInt16.max
  var uint32 = UInt32.max
  var uint64 = UInt64.max
  var bool = true
  var float: Float = 0.1
  var double = 817_151_941.1672522
  var date = Date(timeIntervalSinceReferenceDate: 817_151_941.1672522)
  var data = Data([0, 1, 2, 250, 255])
  var emptyData = Data()
  var uuid = UUID()
  var url = URL(string: "https://example.com/a?b=c")
  var decimal = Decimal(string: "12.345")
  var present: Int? = 7
  var absent: String?
  var colour = Colour.green
  var payloads: [Payload] = [
    .empty, .labelled(name: "n", count: 2), .unlabelled("u", -3), .mixed("m", value: 0.5),
    .optional(note: nil), .optional(note: "note"), .nested(.nested(.empty)),
    .list([.empty, .unlabelled("", 0)]),
  ]
  var matrix: [[Int]] = [[], [1], [2, 3]]
  var dictionary: [String: [String: Int]] = ["a": ["x": 1], "": [:], "ü": ["y": -1]]
  var byNumber: [Int: String] = [1: "one", -2: "minus two"]
  var inner = Inner(
    values: [0, -0.0, 1e300, .leastNonzeroMagnitude], flags: ["on": true, "off": false])
  var inners: [Inner?] = [nil, Inner(values: [], flags: [:])]
}

/// A class whose superclass's state is kept under "super", as `superDecoder()` reads it.
class Animal: Codable {
  let legs: Int
  init(legs: Int) { self.legs = legs }
}

final class Bird: Animal {
  let wings: Int

  init(legs: Int, wings: Int) {
    self.wings = wings
    super.init(legs: legs)
  }

  private enum CodingKeys: String, CodingKey { case wings }

  required init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    wings = try container.decode(Int.self, forKey: .wings)
    try super.init(from: container.superDecoder())
  }

  override func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wings, forKey: .wings)
    try super.encode(to: container.superEncoder())
  }
}

/// A small deterministic generator, so that a failing random case can be run again.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
