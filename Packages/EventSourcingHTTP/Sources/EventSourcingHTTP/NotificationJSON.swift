public import EventSourcing
public import Foundation

/// The JSON of the Python eventsourcing library's `NotificationLogJSONService`, so that its
/// `NotificationLogJSONClient` can read a Swift application's log and the other way round.
///
/// A notification is an object with `id`, `originator_id` (the UUID as 32 lowercase hex
/// digits, without dashes, as Python's `UUID.hex`), `originator_version`, `topic`, and the
/// stored `state` in base64 (it may be compressed or encrypted bytes). A section is an object
/// with `id`, `next_id` and `items`; a selection is an array of notifications.
///
/// The library's own ``NotificationLogSection/json()`` is a different presentation (dashed
/// UUIDs and a `previous_id`); this one is what travels over HTTP.
public enum NotificationJSON {
  /// Encodes a section as `{"id": …, "next_id": …, "items": […]}`.
  public static func encode(_ section: NotificationLogSection) throws -> Data {
    try encoder.encode(SectionBody(section))
  }

  /// Encodes a selection of notifications as an array.
  public static func encode(_ notifications: [EventNotification]) throws -> Data {
    try encoder.encode(notifications.map(NotificationBody.init))
  }

  /// Reads a section: its ID, the ID of the next one, and its notifications.
  ///
  /// - Throws: `DecodingError` for JSON that is not a section, or an item whose
  ///   `originator_id` is not a UUID or whose `state` is not base64.
  public static func decodeSection(_ data: Data) throws -> (
    id: String?, nextID: String?, items: [EventNotification]
  ) {
    let body = try JSONDecoder().decode(SectionBody.self, from: data)
    return (body.id, body.nextID, body.items.map(\.notification))
  }

  /// Reads a selection of notifications.
  public static func decodeNotifications(_ data: Data) throws -> [EventNotification] {
    try JSONDecoder().decode([NotificationBody].self, from: data).map(\.notification)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    // Sorted keys: the same section is then the same bytes in every process, which its ETag
    // relies on (the encoder's key order otherwise varies). Python's json.dumps writes "/" as
    // it is; topics never need the escape.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}

// MARK: - Bodies

private struct SectionBody: Codable {
  let id: String?
  let nextID: String?
  let items: [NotificationBody]

  enum CodingKeys: String, CodingKey {
    case id
    case nextID = "next_id"
    case items
  }

  init(_ section: NotificationLogSection) {
    id = section.id
    nextID = section.nextID
    items = section.items.map(NotificationBody.init)
  }

  // Python writes `null` for a missing ID; the synthesized encoder would leave the key out,
  // and Python's client reads `section["next_id"]` without a default.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(nextID, forKey: .nextID)
    try container.encode(items, forKey: .items)
  }
}

private struct NotificationBody: Codable {
  let notification: EventNotification

  enum CodingKeys: String, CodingKey {
    case id
    case originatorID = "originator_id"
    case originatorVersion = "originator_version"
    case topic, state
  }

  init(_ notification: EventNotification) {
    self.notification = notification
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(notification.id, forKey: .id)
    try container.encode(notification.originatorID.hexDigits, forKey: .originatorID)
    try container.encode(notification.originatorVersion, forKey: .originatorVersion)
    try container.encode(notification.topic, forKey: .topic)
    try container.encode(notification.state.base64EncodedString(), forKey: .state)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let originatorID = try container.decode(String.self, forKey: .originatorID)
    guard let uuid = UUID(hexDigits: originatorID) else {
      throw DecodingError.dataCorruptedError(
        forKey: .originatorID, in: container, debugDescription: "not a UUID")
    }
    guard let state = Data(base64Encoded: try container.decode(String.self, forKey: .state))
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .state, in: container, debugDescription: "not base64")
    }
    notification = EventNotification(
      id: try container.decode(Int.self, forKey: .id), originatorID: uuid,
      originatorVersion: try container.decode(Int.self, forKey: .originatorVersion),
      topic: try container.decode(String.self, forKey: .topic), state: state)
  }
}
