/// A strong entity tag for a response body: its 64-bit FNV-1a hash in hex, quoted.
///
/// The tag only has to change when the body changes, and must be the same in every process
/// that serves the same log, so it is a plain hash of the bytes rather than anything random or
/// tied to the process; it guards against nothing malicious.
struct EntityTag: Equatable {
  /// The quoted tag, as it goes in an `ETag` header.
  let value: String

  init<Bytes: Sequence<UInt8>>(body: Bytes) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in body {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    value = "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
  }

  /// Whether an `If-None-Match` header names this tag (or `*`), so that the client's copy is
  /// still good; weak tags (`W/"…"`) compare by their value, as RFC 9110 says for this header.
  func isMatched(byIfNoneMatch header: String) -> Bool {
    header.split(separator: ",").contains { candidate in
      let tag = candidate.trimmingPrefixAndSpaces()
      return tag == "*" || tag == value
    }
  }
}

extension Substring {
  fileprivate func trimmingPrefixAndSpaces() -> Substring {
    var tag = self.drop { $0 == " " || $0 == "\t" }
    while tag.last == " " || tag.last == "\t" { tag = tag.dropLast() }
    if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
    return tag
  }
}
