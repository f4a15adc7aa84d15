public import Foundation

/// Compresses stored state before it is encrypted and recorded.
///
/// `decompress` must throw, never return garbage, on data that `compress` did not make.
public protocol Compressor: Sendable {
  /// Returns a compressed form of `data`.
  func compress(_ data: Data) throws -> Data
  /// Returns the data that ``compress(_:)`` compressed.
  func decompress(_ data: Data) throws -> Data
}
