import Foundation

/// The steps of the pipeline that protect stored state: a size check, compression and
/// encryption on the way out, and their reverse on the way in.
///
/// With an ``AuthenticatingCipher`` a record is stored as `[magic 4 bytes][ciphertext]`, the
/// ciphertext sealed with the record's place (``RecordPlace``) as associated data. The magic
/// says which format the record has: records written before it existed, or by a cipher
/// that is not an ``AuthenticatingCipher``, are the cipher's output alone, and still read.
/// Removing the magic from a sealed record does not help an attacker: opened without its
/// associated data the record does not authenticate.
extension Mapper {
  /// `\0SR` ("sealed record") and the format version, in front of a ciphertext sealed with
  /// its place as associated data.
  static let sealedRecordMagic: [UInt8] = [0x00, 0x53, 0x52, 0x01]

  /// The largest state this mapper stores: its ``maximumStateSize``, or less when the
  /// compressor cannot decompress that much.
  var effectiveMaximumStateSize: Int {
    min(maximumStateSize, compressor?.maximumDecompressedSize ?? Int.max)
  }

  /// Checks the size, compresses, then encrypts, as configured.
  ///
  /// - Throws: ``MapperError/stateTooLarge(originatorID:version:size:limit:)`` when the state
  ///   is larger than could be read back; ``MapperError/unencodable(originatorID:version:reason:)``
  ///   when compression fails.
  func protect(_ plaintext: Data, place: RecordPlace) throws -> Data {
    let limit = effectiveMaximumStateSize
    guard plaintext.count <= limit else {
      throw MapperError.stateTooLarge(
        originatorID: place.originatorID, version: place.version, size: plaintext.count,
        limit: limit)
    }
    var data = plaintext
    do {
      if let compressor { data = try compressor.compress(data) }
    } catch {
      throw MapperError.unencodable(
        originatorID: place.originatorID, version: place.version,
        reason: "compression failed: \(error)")
    }
    guard let cipher else { return data }
    guard let sealing = cipher as? any AuthenticatingCipher else {
      return try cipher.encrypt(data)
    }
    var sealed = Data(Self.sealedRecordMagic)
    sealed.append(try sealing.encrypt(data, authenticating: place.associatedData))
    return sealed
  }

  /// Decrypts and decompresses a stored event's state, verifies its hash-chain link with
  /// `verifier`, and returns the JSON it holds.
  func verifiedPayload(of stored: StoredEvent, verifier: inout HashChainVerifier) throws -> Data {
    let plaintext = try unprotect(stored.state, place: .event(stored))
    return try verifier.payload(of: plaintext, in: stored)
  }

  /// Decrypts, then decompresses, as configured.
  ///
  /// - Throws: ``MapperError/unauthenticated(originatorID:version:)`` when the record does
  ///   not open with the key in this place; ``MapperError/unreadableWithoutKey(originatorID:version:)``
  ///   when it looks encrypted and there is no cipher;
  ///   ``MapperError/damagedRecord(originatorID:version:reason:)`` when it does not decompress.
  func unprotect(_ data: Data, place: RecordPlace) throws -> Data {
    if cipher == nil, !isReadableWithoutKey(data) {
      throw MapperError.unreadableWithoutKey(originatorID: place.originatorID, version: place.version)
    }
    var plaintext = data
    if let cipher {
      do {
        if data.starts(with: Self.sealedRecordMagic) {
          guard let sealing = cipher as? any AuthenticatingCipher else {
            throw CipherError.unauthenticated
          }
          plaintext = try sealing.decrypt(
            data.dropFirst(Self.sealedRecordMagic.count), authenticating: place.associatedData)
        } else {
          plaintext = try cipher.decrypt(plaintext)
        }
      } catch {
        throw MapperError.unauthenticated(originatorID: place.originatorID, version: place.version)
      }
    }
    if let compressor {
      do {
        plaintext = try compressor.decompress(plaintext)
      } catch where cipher == nil && Self.hasZlibHeader(data) {
        // Either damaged zlib output or a ciphertext that looked like it: the error's
        // message names both.
        throw MapperError.unreadableWithoutKey(
          originatorID: place.originatorID, version: place.version)
      } catch {
        throw MapperError.damagedRecord(
          originatorID: place.originatorID, version: place.version,
          reason: "its state does not decompress (\(error))")
      }
    }
    return plaintext
  }

  /// Whether stored state can be what this mapper writes without a cipher: a JSON object
  /// (UTF-8 text starting with `{`), a hash-chain frame (its four magic bytes), or, when
  /// compressed, zlib's output (0x78 and a header whose check bits hold). So a record
  /// encrypted by an application with a key is reported as such, not as damaged JSON. A
  /// ciphertext, which looks random, passes for a frame 1 time in 4 billion, and for UTF-8
  /// text far more rarely; one that passes for zlib's output (1 time in 8,000) fails to
  /// decompress, which ``unprotect(_:place:)`` reports the same way.
  private func isReadableWithoutKey(_ data: Data) -> Bool {
    guard let first = data.first else { return false }
    if first == UInt8(ascii: "{") { return Self.isUTF8(data) }
    if data.starts(with: HashChainEnvelope.magic) { return true }
    return compressor != nil && Self.hasZlibHeader(data)
  }

  /// Whether data is UTF-8 text. JSON that the mapper writes is nearly always ASCII, which is
  /// checked eight bytes at a time; only data with other bytes is validated in full. Checked
  /// for every event read without a cipher, where Foundation's `String(bytes:encoding:)` alone
  /// cost a tenth of decoding an event.
  private static func isUTF8(_ data: Data) -> Bool {
    let isASCII = data.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
          return false
        }
        offset += 8
      }
      while offset < raw.count {
        if raw[offset] >= 0x80 { return false }
        offset += 1
      }
      return true
    }
    return isASCII || String(bytes: data, encoding: .utf8) != nil
  }

  /// Whether data starts as zlib's output does: deflate with a 32 KiB window (0x78), and a
  /// second byte that makes the first two a multiple of 31.
  private static func hasZlibHeader(_ data: Data) -> Bool {
    guard data.count >= 2, data[data.startIndex] == 0x78 else { return false }
    return (0x78 << 8 | Int(data[data.index(after: data.startIndex)])) % 31 == 0
  }
}
