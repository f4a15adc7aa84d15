// A libFuzzer target for the library's JSON decoder, compiled with its sources by
// scripts/fuzz-json-decoder.sh. It checks two things of every input: the decoder never
// crashes, and whatever it reads, JSONDecoder reads the same (it may refuse more, never less).
import Foundation

/// A shape with every kind of value an event's state may hold.
struct FuzzShape: Codable, Equatable {
  enum Kind: Codable, Equatable {
    case empty
    case named(name: String, count: Int)
    case pair(String, Double)
  }

  var integer: Int?
  var unsigned: UInt8?
  var number: Double?
  var text: String?
  var flag: Bool?
  var list: [Int]?
  var words: [String]?
  var table: [String: Int]?
  var kind: Kind?
  var nested: [FuzzShape]?
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONDecoder(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  var decoder = FastJSONDecoder()
  guard let ours = try? decoder.decode(FuzzShape.self, from: data) else { return 0 }
  guard
    let theirs = (try? JSONDecoder().decode(FuzzShape.self, from: data))
      ?? (try? JSONDecoder().decode(FuzzShape.self, from: writingZeroExponentsAsFractions(data)))
  else {
    // The fuzzer keeps the input that reached this, and prints it.
    preconditionFailure("FastJSONDecoder read what JSONDecoder refuses")
  }
  precondition(ours == theirs, "FastJSONDecoder and JSONDecoder read different values")
  return 0
}

/// The document with every number that is a zero followed by an exponent ("0e3", "-0E+1")
/// written with a fraction ("0.0e3"). RFC 8259 allows the short form and the library's decoder
/// reads it; Foundation's JSONDecoder refuses it, so the comparison asks it the long form.
/// Text inside strings is left as it is.
func writingZeroExponentsAsFractions(_ data: Data) -> Data {
  let bytes = Array(data)
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count + 8)
  var inString = false
  var escaped = false
  for (index, byte) in bytes.enumerated() {
    output.append(byte)
    if inString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
      }
      continue
    }
    if byte == UInt8(ascii: "\"") { inString = true; continue }
    guard byte == UInt8(ascii: "0"), index + 1 < bytes.count,
      bytes[index + 1] == UInt8(ascii: "e") || bytes[index + 1] == UInt8(ascii: "E")
    else { continue }
    // A zero that starts a number: nothing before it, or a byte that cannot be part of one.
    let previous = index > 0 ? bytes[index - 1] : UInt8(ascii: " ")
    let partOfNumber = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(previous)
      || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")
      || previous == UInt8(ascii: "+")
    if !partOfNumber { output.append(contentsOf: Array(".0".utf8)) }
  }
  return Data(output)
}
