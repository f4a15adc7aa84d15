import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("zlib compressor")
struct ZlibCompressorTests {
  let compressor = ZlibCompressor()

  @Test(arguments: [0, 1, 100, 100_000])
  func roundTrips(size: Int) throws {
    let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 % 7 + $0 / 1000) })
    let compressed = try compressor.compress(data)
    #expect(try compressor.decompress(compressed) == data)
    if size >= 100 { #expect(compressed.count < data.count) }
  }

  @Test func writesTheZlibFormat() throws {
    // A zlib stream starts with 0x78 (deflate, 32 KiB window), as Python's zlib.compress.
    #expect(try compressor.compress(Data("hello".utf8)).first == 0x78)
  }

  @Test func refusesGarbage() throws {
    #expect(throws: CompressorError.self) {
      try compressor.decompress(Data("not compressed".utf8))
    }
    let compressed = try compressor.compress(Data(repeating: 65, count: 1000))
    #expect(throws: CompressorError.corrupt("the zlib stream is truncated")) {
      try compressor.decompress(compressed.dropLast(3))
    }
    #expect(throws: CompressorError.corrupt("bytes follow the end of the zlib stream")) {
      try compressor.decompress(compressed + Data([1]))
    }
  }

  @Test func stopsAtTheSizeLimit() throws {
    let bomb = try compressor.compress(Data(repeating: 0, count: 10 << 20))
    #expect(bomb.count < 20_000)
    let guarded = ZlibCompressor(maximumDecompressedSize: 1 << 20)
    #expect(throws: CompressorError.tooLarge(limit: 1 << 20)) { try guarded.decompress(bomb) }
  }

  @Test func aGarbageRecordNamesIt() throws {
    let id = UUID()
    let mapper = Mapper(compressor: compressor)
    let stored = StoredEvent(
      originatorID: id, originatorVersion: 3, topic: "DogSchool.Dog.Event.registered",
      state: Data("{}".utf8))
    do {
      _ = try mapper.recordedEvents(Dog.Event.self, from: [stored])
      Issue.record("garbage decompressed")
    } catch MapperError.damagedRecord(let originatorID, let version, let reason) {
      #expect(originatorID == id && version == 3)
      #expect(reason.contains("decompress"))
    }
  }
}
