/// The least that loading the snapshotting stream from its snapshot can cost, whatever the
/// decoder: making its dog's tricks ("trick 1" to "trick N") as Swift strings from UTF-8
/// bytes that lie ready in memory, into an array. Returns the median of ``loadRuns``, in
/// milliseconds.
///
/// Loading from the snapshot decodes those strings and little else, so the ratio of Python's
/// load to this is the most any JSON decoder could reach.
func trickStringsMilliseconds(count: Int) async throws -> Double {
  var bytes: [UInt8] = []
  var ranges: [Range<Int>] = []
  for version in 1...count {
    let start = bytes.count
    bytes.append(contentsOf: "trick \(version)".utf8)
    ranges.append(start..<bytes.count)
  }
  return try await medianSeconds(runs: loadRuns) {
    let made = bytes.withUnsafeBufferPointer { buffer in
      var tricks: [String] = []
      tricks.reserveCapacity(ranges.count)
      for range in ranges {
        tricks.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
      }
      return tricks
    }
    guard made.count == count, made.last == "trick \(count)" else {
      throw BenchmarkError.wrongCount(made.count, count)
    }
  } * 1000
}
