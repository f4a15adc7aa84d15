import Foundation

/// A state sealed by the library's AES-GCM cipher, as stored: 4 bytes that name the format
/// (`00 53 52 01`, "sealed record"), the 12-byte nonce, the ciphertext and the 16-byte tag.
struct SealedRecord: CustomStringConvertible {
  static let formatMark = Data([0x00, 0x53, 0x52, 0x01])
  static let nonceSize = 12
  static let tagSize = 16
  let bytes: Data

  init(_ bytes: Data) { self.bytes = bytes }

  /// The record's nonce; `nil` when the bytes are not a sealed record.
  var nonce: Data? {
    guard bytes.starts(with: Self.formatMark), ciphertextSize >= 0 else { return nil }
    return bytes.dropFirst(Self.formatMark.count).prefix(Self.nonceSize)
  }

  /// The size of the ciphertext between the nonce and the tag.
  var ciphertextSize: Int { bytes.count - Self.formatMark.count - Self.nonceSize - Self.tagSize }

  /// The record's size, cut into its parts, such as `102 bytes = 4 + 12 + 70 + 16`.
  var layout: String {
    guard nonce != nil else { return "\(bytes.count) bytes, not a sealed record" }
    return "\(bytes.count) bytes = \(Self.formatMark.count) + \(Self.nonceSize) + \(ciphertextSize) + \(Self.tagSize)"
  }

  var description: String {
    guard let nonce else { return layout }
    return "\(layout), nonce \(nonce.hex)"
  }
}
