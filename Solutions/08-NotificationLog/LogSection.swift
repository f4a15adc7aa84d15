/// A section of the notification log, as Vaughn Vernon describes them in *Implementing
/// Domain-Driven Design*: a fixed range of notification IDs such as `"1,10"` or `"11,20"`,
/// with links to the sections before and after it.
///
/// A full section never changes, so a remote reader (or an HTTP cache) can keep it forever.
public struct LogSection: Equatable, Sendable {
  /// `"first,last"` of the notifications it holds, such as `"11,13"`; `nil` when empty.
  public let id: String?
  /// The notifications, in order.
  public let items: [NumberedEvent]
  /// The section before this one, such as `"1,10"`; `nil` for the first section.
  public let previousID: String?
  /// The section after this one; `nil` while this section is not full.
  public let nextID: String?

  /// Creates a section.
  public init(id: String?, items: [NumberedEvent], previousID: String?, nextID: String?) {
    self.id = id
    self.items = items
    self.previousID = previousID
    self.nextID = nextID
  }
}
