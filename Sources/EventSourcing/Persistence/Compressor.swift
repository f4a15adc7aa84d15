public import Foundation

/// Compresses stored state before it is encrypted and recorded.
///
/// `decompress` must throw, never return garbage, on data that `compress` did not make.
public protocol Compressor: Sendable {
  /// Returns a compressed form of `data`.
  func compress(_ data: Data) throws -> Data
  /// Returns the data that ``compress(_:)`` compressed.
  func decompress(_ data: Data) throws -> Data
  /// The largest data ``decompress(_:)`` gives back; it throws for more. The ``Mapper``
  /// refuses to store a larger state, which could never be read back.
  var maximumDecompressedSize: Int { get }
}

extension Compressor {
  /// No limit, unless a compressor says otherwise.
  public var maximumDecompressedSize: Int { Int.max }
}
