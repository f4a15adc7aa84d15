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
  guard let theirs = try? JSONDecoder().decode(FuzzShape.self, from: data) else {
    // The fuzzer keeps the input that reached this, and prints it.
    preconditionFailure("FastJSONDecoder read what JSONDecoder refuses")
  }
  precondition(ours == theirs, "FastJSONDecoder and JSONDecoder read different values")
  return 0
}
