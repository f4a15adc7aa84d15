/// An error compressing or decompressing stored state.
public enum CompressorError: Error, Equatable, CustomStringConvertible {
  /// The data is not what the compressor makes.
  case corrupt(String)
  /// The data would decompress to more than the compressor's limit, in bytes.
  case tooLarge(limit: Int)
  /// zlib returned an error code.
  case zlib(code: Int32, operation: String)

  public var description: String {
    switch self {
    case .corrupt(let reason):
      "The compressed data is damaged: \(reason)."
    case .tooLarge(let limit):
      "The compressed data expands to more than \(limit) bytes, the compressor's limit."
    case .zlib(let code, let operation):
      "zlib's \(operation) failed with code \(code) (\(Self.meaning(of: code)))."
    }
  }

  private static func meaning(of code: Int32) -> String {
    switch code {
    case -2: "stream error"
    case -3: "data error: not a zlib stream, or damaged"
    case -4: "out of memory"
    case -5: "buffer error"
    default: "unknown error"
    }
  }
}
