import CZlib
public import Foundation

/// Compresses stored state with zlib, in the same format as Python's `zlib.compress`.
///
/// The mapper compresses before it encrypts, since encrypted bytes do not compress.
/// Decompression stops at ``maximumDecompressedSize`` so that a small crafted record cannot
/// expand into gigabytes (a "decompression bomb").
///
/// ```swift
/// let mapper = Mapper(compressor: ZlibCompressor())
/// ```
///
/// Applications configured by environment use it when `COMPRESSOR_TOPIC` is `zlib`.
public struct ZlibCompressor: Compressor {
  /// The largest state that ``decompress(_:)`` returns; larger ones throw.
  public let maximumDecompressedSize: Int
  /// The zlib compression level, from 1 (fastest) to 9 (smallest), or -1 for zlib's default.
  public let level: Int32

  /// Creates a compressor.
  ///
  /// - Parameters:
  ///   - level: The zlib compression level from 1 to 9; -1, zlib's default (6), unless given.
  ///   - maximumDecompressedSize: The largest state to decompress; 64 MiB unless given.
  public init(level: Int32 = -1, maximumDecompressedSize: Int = 64 << 20) {
    self.level = level
    self.maximumDecompressedSize = maximumDecompressedSize
  }

  /// Returns the zlib stream (header, deflate data, checksum) of `data`.
  public func compress(_ data: Data) throws -> Data {
    var capacity = compressBound(uLong(data.count))
    var output = Data(count: Int(capacity))
    let status = output.withUnsafeMutableBytes { out in
      data.withUnsafeBytes { input in
        compress2(
          out.baseAddress?.assumingMemoryBound(to: Bytef.self), &capacity,
          input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), level)
      }
    }
    guard status == Z_OK else { throw CompressorError.zlib(code: status, operation: "compress") }
    output.count = Int(capacity)
    return output
  }

  /// Returns the data of a zlib stream, reading it in chunks up to the size limit.
  ///
  /// - Throws: ``CompressorError`` when the data is not one whole zlib stream, or expands
  ///   beyond ``maximumDecompressedSize``.
  public func decompress(_ data: Data) throws -> Data {
    var stream = z_stream()
    guard czlib_inflate_init(&stream) == Z_OK else {
      throw CompressorError.zlib(code: Z_MEM_ERROR, operation: "inflateInit")
    }
    defer { inflateEnd(&stream) }
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: max(4096, min(data.count * 4, 1 << 20)))
    let outcome: InflateOutcome = data.withUnsafeBytes { input in
      // zlib reads `next_in` without writing it; the C declaration is merely not `const`.
      stream.next_in = UnsafeMutablePointer(
        mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
      stream.avail_in = uInt(input.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          return inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunk.count - Int(stream.avail_out)
        guard output.count + produced <= maximumDecompressedSize else { return .tooLarge }
        output.append(contentsOf: chunk[..<produced])
        switch status {
        case Z_OK: continue
        case Z_STREAM_END: return stream.avail_in == 0 ? .finished : .trailingBytes
        // No progress is possible: the input ended before the stream did.
        case Z_BUF_ERROR: return .truncated
        default: return .failed(status)
        }
      }
    }
    switch outcome {
    case .finished: return output
    case .trailingBytes: throw CompressorError.corrupt("bytes follow the end of the zlib stream")
    case .truncated: throw CompressorError.corrupt("the zlib stream is truncated")
    case .tooLarge: throw CompressorError.tooLarge(limit: maximumDecompressedSize)
    case .failed(let code): throw CompressorError.zlib(code: code, operation: "inflate")
    }
  }
}

/// How one decompression ended.
private enum InflateOutcome {
  case finished, trailingBytes, truncated, tooLarge
  case failed(Int32)
}
