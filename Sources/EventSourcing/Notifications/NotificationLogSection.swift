public import Foundation

/// A section of a notification log, as Vaughn Vernon describes them in *Implementing
/// Domain-Driven Design*: a fixed range of notification IDs such as `"1,10"` or `"11,20"`, with
/// links to the sections before and after it.
///
/// Sections let a remote reader page through a log over HTTP with cacheable URLs: a full section
/// never changes, and the `current` section is the newest one.
public struct NotificationLogSection: Sendable, Equatable {
  /// The section's ID, `"first,last"` of the notifications it holds; `nil` when it holds none.
  public let id: String?
  /// The notifications, in order.
  public let items: [EventNotification]
  /// The ID of the section before this one, or `nil` for the first section.
  public let previousID: String?
  /// The ID of the section after this one, or `nil` while this section is not yet full.
  public let nextID: String?

  /// Creates a section.
  public init(id: String?, items: [EventNotification], previousID: String?, nextID: String?) {
    self.id = id
    self.items = items
    self.previousID = previousID
    self.nextID = nextID
  }
}

// MARK: - JSON

extension NotificationLogSection {
  /// The section as JSON for an HTTP API: `id`, `items`, `previous_id` and `next_id`, each item
  /// with its `id`, `originator_id`, `originator_version`, `topic`, and `state` in base64 (state
  /// may be compressed or encrypted bytes).
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(JSONSection(self))
  }

  /// Reads a section from its JSON presentation.
  public init(json: Data) throws {
    let section = try JSONDecoder().decode(JSONSection.self, from: json)
    self.init(
      id: section.id, items: section.items.map(\.notification), previousID: section.previousID,
      nextID: section.nextID)
  }
}

// The JSON field names follow the Python library's section presentation.
private struct JSONSection: Codable {
  let id: String?
  let items: [JSONItem]
  let previousID: String?
  let nextID: String?

  enum CodingKeys: String, CodingKey {
    case id, items
    case previousID = "previous_id"
    case nextID = "next_id"
  }

  init(_ section: NotificationLogSection) {
    id = section.id
    items = section.items.map(JSONItem.init)
    previousID = section.previousID
    nextID = section.nextID
  }
}

private struct JSONItem: Codable {
  let id: Int
  let originatorID: UUID
  let originatorVersion: Int
  let topic: String
  let state: Data

  enum CodingKeys: String, CodingKey {
    case id, topic, state
    case originatorID = "originator_id"
    case originatorVersion = "originator_version"
  }

  init(_ notification: EventNotification) {
    id = notification.id
    originatorID = notification.originatorID
    originatorVersion = notification.originatorVersion
    topic = notification.topic
    state = notification.state
  }

  var notification: EventNotification {
    EventNotification(
      id: id, originatorID: originatorID, originatorVersion: originatorVersion, topic: topic,
      state: state)
  }
}
