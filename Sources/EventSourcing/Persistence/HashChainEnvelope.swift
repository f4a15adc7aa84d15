import Foundation

/// The frame a hash-chained event's payload is stored in, before compression and encryption:
///
/// `[magic 4 bytes][previous hash 32 bytes][own hash 32 bytes][payload]`
///
/// The magic starts with a zero byte, which JSON never does, so a payload stored without a
/// chain is told apart from a framed one.
struct HashChainEnvelope {
  /// `\0HC` and the format version.
  static let magic: [UInt8] = [0x00, 0x48, 0x43, 0x01]
  static let headerSize = magic.count + 2 * HashChain.hashSize

  /// The hash of the event before this one, or zeros when this one starts the chain.
  let previousHash: Data
  /// The hash of this event.
  let ownHash: Data
  /// The JSON of the event's timestamp and domain event.
  let payload: Data

  /// Reads an envelope, or returns `nil` when the data does not start with the magic bytes.
  ///
  /// - Throws: When the data starts like an envelope but is too short to be one.
  init?(parsing data: Data) throws(HashChainEnvelopeError) {
    // JSON never starts with a zero byte: checking one byte first keeps unchained stores from
    // paying for a sequence comparison on every event.
    guard data.first == Self.magic[0], data.starts(with: Self.magic) else { return nil }
    guard data.count >= Self.headerSize else { throw HashChainEnvelopeError.truncated }
    let start = data.startIndex + Self.magic.count
    let ownStart = start + HashChain.hashSize
    let payloadStart = ownStart + HashChain.hashSize
    previousHash = data[start..<ownStart]
    ownHash = data[ownStart..<payloadStart]
    payload = data[payloadStart...]
  }

  /// Returns the framed form of a payload and its hashes.
  static func frame(payload: Data, previousHash: Data, ownHash: Data) -> Data {
    var framed = Data(capacity: headerSize + payload.count)
    framed.append(contentsOf: magic)
    framed.append(previousHash)
    framed.append(ownHash)
    framed.append(payload)
    return framed
  }
}

/// A framed payload too short to hold its hashes.
enum HashChainEnvelopeError: Error {
  case truncated
}
