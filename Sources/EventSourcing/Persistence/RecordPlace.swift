import Foundation

/// Where a stored record belongs: the aggregate, the version, the topic, and whether it is an
/// event or a snapshot. An ``AuthenticatingCipher`` seals each record with this as associated
/// data, so that the record opens in this place only.
struct RecordPlace {
  /// Whether the record is one of an aggregate's events or a snapshot of it.
  enum Kind: UInt8 {
    case event = 0x45  // "E"
    case snapshot = 0x53  // "S"
  }

  let kind: Kind
  let originatorID: UUID
  let version: Int
  let topic: String

  /// The place of an event record.
  static func event(_ stored: StoredEvent) -> Self {
    Self(
      kind: .event, originatorID: stored.originatorID, version: stored.originatorVersion,
      topic: stored.topic)
  }

  /// The place of a snapshot record.
  static func snapshot(_ stored: StoredEvent) -> Self {
    Self(
      kind: .snapshot, originatorID: stored.originatorID, version: stored.originatorVersion,
      topic: stored.topic)
  }

  /// Separates this use of the cipher's key from any other.
  private static let domainTag = Array("eventsourcing.record-place.v1".utf8)

  /// The associated data: the domain tag, the kind, the aggregate ID's 16 bytes, the version
  /// as 8 big-endian bytes, and the topic after its length, so that no two places give the
  /// same bytes.
  var associatedData: Data {
    var data = Data(capacity: Self.domainTag.count + 33 + topic.utf8.count)
    data.append(contentsOf: Self.domainTag)
    data.append(kind.rawValue)
    withUnsafeBytes(of: originatorID.uuid) { data.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(bitPattern: Int64(version)).bigEndian) { data.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(topic.utf8.count).bigEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: topic.utf8)
    return data
  }
}
