public import Foundation

/// An error turning a stored record back into a domain event. Each case names the record.
public enum MapperError: Error, Equatable, CustomStringConvertible {
  /// The record's topic is not one of the expected event type's topics.
  case unknownTopic(topic: String, expected: String, originatorID: UUID, version: Int)
  /// The record's state could not be decoded or decompressed.
  case damagedRecord(originatorID: UUID, version: Int, reason: String)
  /// The record's state is neither JSON nor compressed JSON, and no cipher is configured: most
  /// likely the records were encrypted and the application was started without `CIPHER_KEY`.
  case unreadableWithoutKey(originatorID: UUID, version: Int)
  /// An event or a snapshot could not be encoded, so it was not stored; `reason` says where in
  /// its value, never what the value holds.
  case unencodable(originatorID: UUID, version: Int, reason: String)
  /// The record's state did not authenticate with the cipher's key in this place: the key is
  /// wrong, the stored bytes were changed, or the record was moved here from another
  /// aggregate, version or table.
  case unauthenticated(originatorID: UUID, version: Int)
  /// An event or a snapshot was not stored because its state, `size` bytes before
  /// compression and encryption, is larger than `limit`, the most these settings can read
  /// back (``Mapper/maximumStateSize``, `MAX_STATE_SIZE`).
  case stateTooLarge(originatorID: UUID, version: Int, size: Int, limit: Int)
  /// The record is not where its hash chain says it should be: it, or an event before it,
  /// was changed, removed, reordered or inserted. `version` is the first that fails.
  case integrityViolation(originatorID: UUID, version: Int, reason: String)

  public var description: String {
    switch self {
    case .unknownTopic(let topic, let expected, let originatorID, let version):
      "Unknown event type '\(topic)' in version \(version) of aggregate \(originatorID): "
        + "expected a topic of '\(expected)'. If the type was renamed, map its old topic "
        + "with Mapper(topicAliases:)."
    case .damagedRecord(let originatorID, let version, let reason):
      "Version \(version) of aggregate \(originatorID) is damaged: \(reason)"
    case .unreadableWithoutKey(let originatorID, let version):
      "Version \(version) of aggregate \(originatorID) cannot be read without a cipher: if the "
        + "application encrypts its records, set CIPHER_KEY to the key they were written with; "
        + "otherwise the record is damaged."
    case .unencodable(let originatorID, let version, let reason):
      "Version \(version) of aggregate \(originatorID) was not stored: it cannot be encoded as "
        + "JSON (\(reason))."
    case .unauthenticated(let originatorID, let version):
      "Version \(version) of aggregate \(originatorID) could not be authenticated: "
        + "the cipher key is wrong, or the stored record was changed or moved here from "
        + "another aggregate, version or table."
    case .stateTooLarge(let originatorID, let version, let size, let limit):
      "Version \(version) of aggregate \(originatorID) was not stored: its state is \(size) "
        + "bytes, and these settings read back at most \(limit) (raise MAX_STATE_SIZE, or "
        + "Mapper.maximumStateSize, to store it)."
    case .integrityViolation(let originatorID, let version, let reason):
      "Version \(version) of aggregate \(originatorID) fails the hash-chain check: \(reason)."
    }
  }
}
