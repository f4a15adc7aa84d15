public import EventSourcing
import Foundation
import Testing

/// Checks that a compressor keeps the ``Compressor`` contract: what it compresses it
/// decompresses, repetitive data gets smaller, and garbage makes decompression throw.
///
/// ```swift
/// @Test func meetsTheCompressorContract() throws {
///   try CompressorConformance { MyCompressor() }.run()
/// }
/// ```
public struct CompressorConformance: Sendable {
  private let makeCompressor: @Sendable () throws -> any Compressor

  /// Creates a suite with a factory for the compressor under test.
  public init(makeCompressor: @escaping @Sendable () throws -> any Compressor) {
    self.makeCompressor = makeCompressor
  }

  /// Runs every check, recording failures in the current test.
  public func run() throws {
    try roundTrips()
    try shrinksRepetitiveData()
    try refusesGarbage()
  }

  /// Empty, binary and large data come back as they went in.
  public func roundTrips() throws {
    let compressor = try makeCompressor()
    let samples = [
      Data(), Data("Fido".utf8), Data((0...255).map { UInt8($0) }),
      Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
    ]
    for data in samples {
      #expect(try compressor.decompress(compressor.compress(data)) == data, "\(data.count) bytes")
    }
  }

  /// JSON full of repeats compresses to much less than its size.
  public func shrinksRepetitiveData() throws {
    let json = Data(String(repeating: #"{"trickAdded":{"trick":"roll over"}},"#, count: 200).utf8)
    let compressed = try makeCompressor().compress(json)
    #expect(compressed.count < json.count / 4, "\(json.count) bytes became \(compressed.count)")
  }

  /// Bytes that no compressor made, and compressed data cut short, make decompression throw.
  public func refusesGarbage() throws {
    let compressor = try makeCompressor()
    let compressed = try compressor.compress(Data(String(repeating: "sit ", count: 100).utf8))
    let garbage = [Data("definitely not compressed".utf8), compressed.prefix(compressed.count / 2)]
    for data in garbage {
      #expect(throws: (any Error).self, "\(data.count) bytes of garbage were accepted") {
        try compressor.decompress(data)
      }
    }
  }
}
