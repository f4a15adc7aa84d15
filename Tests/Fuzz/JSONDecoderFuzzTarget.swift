// A libFuzzer target for the library's JSON decoder, compiled with its sources by
// scripts/fuzz-json-decoder.sh. It checks three things of every input: the decoder never
// crashes; whatever it reads, JSONDecoder reads the same (it may refuse more, never less); and
// what the library's encoder writes of that value, JSONDecoder reads back as the same value.
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
      ?? (try? JSONDecoder().decode(FuzzShape.self, from: writingZeroMantissasPlainly(data)))
  else {
    // The fuzzer keeps the input that reached this, and prints it.
    preconditionFailure("FastJSONDecoder read what JSONDecoder refuses")
  }
  precondition(ours == theirs, "FastJSONDecoder and JSONDecoder read different values")
  guard let written = try? FastJSONEncoder().encode(ours) else {
    preconditionFailure("FastJSONEncoder refused what FastJSONDecoder read")
  }
  let readBack = try? JSONDecoder().decode(FuzzShape.self, from: written)
  precondition(readBack == ours, "JSONDecoder read back another value from FastJSONEncoder")
  return 0
}

/// The document with every number whose digits before the exponent are all zeros ("0e3",
/// "-0.0e3", "0.00E+1") written as a plain "0" or "-0". RFC 8259 allows these forms and the
/// library's decoder reads them as zero; Foundation's JSONDecoder refuses some of them (it reads
/// "0.0e3" and "-0e3" but not "0e3", "-0.0e3" or "0.00e1"), so the comparison asks it the plain
/// form, which has the same value. Text inside strings is left as it is.
func writingZeroMantissasPlainly(_ data: Data) -> Data {
  let bytes = Array(data)
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count)
  var inString = false
  var escaped = false
  var index = 0
  while index < bytes.count {
    let byte = bytes[index]
    if inString {
      output.append(byte)
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
      }
      index += 1
      continue
    }
    if byte == UInt8(ascii: "\"") {
      inString = true
      output.append(byte)
      index += 1
      continue
    }
    guard byte == UInt8(ascii: "-") || isDigit(byte) else {
      output.append(byte)
      index += 1
      continue
    }
    // A number: the longest run of bytes that can appear in one.
    var end = index
    while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
    let number = bytes[index..<end]
    if let exponent = number.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
      number[index..<exponent].contains(where: isDigit),
      number[index..<exponent].allSatisfy({ !isDigit($0) || $0 == UInt8(ascii: "0") })
    {
      output.append(contentsOf: Array((byte == UInt8(ascii: "-") ? "-0" : "0").utf8))
    } else {
      output.append(contentsOf: number)
    }
    index = end
  }
  return Data(output)
}

private func isDigit(_ byte: UInt8) -> Bool {
  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func isNumberByte(_ byte: UInt8) -> Bool {
  isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
}
