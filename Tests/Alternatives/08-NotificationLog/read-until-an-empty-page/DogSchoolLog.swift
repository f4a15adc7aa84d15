// Differs from the reference: finds the current section by a remainder; one expression per link.

/// The school's notification log: every event of every dog, numbered, read in pages or in
/// sections.
public struct DogSchoolLog: Sendable {
  /// Where the notifications come from.
  public let store: InMemoryEventStore
  /// How many notifications a full section holds.
  public let sectionSize: Int

  /// Creates a log on a store, with sections of `sectionSize` (10 unless given).
  public init(store: InMemoryEventStore, sectionSize: Int = 10) {
    self.store = store
    self.sectionSize = max(1, sectionSize)
  }

  /// Returns up to `limit` notifications with IDs from `start` on.
  public func select(start: Int, limit: Int) async throws -> [NumberedEvent] {
    try await store.notifications(start: start, limit: limit)
  }

  // MARK: - Task 2: sections

  /// Returns a section by its ID: `"first,last"` such as `"11,20"`, or `"current"` for the
  /// section that holds the newest notification (`"1,10"` while the log is empty).
  ///
  /// - Throws: ``LogError/invalidSectionID(_:)`` for an ID of neither form.
  public func section(_ sectionID: String) async throws -> LogSection {
    let first: Int
    let wanted: Int
    if sectionID == "current" {
      // The newest ID, less how far it lies into its section; 1 for an empty log.
      let stored = try await store.maxNotificationID()
      let newest = max(stored, 1)
      first = newest - (newest - 1) % sectionSize
      wanted = sectionSize
    } else {
      let range = try Self.parse(sectionID)
      first = range.lowerBound
      wanted = min(range.count, sectionSize)
    }
    let items = try await select(start: first, limit: wanted)
    let isFull = items.count == wanted
    return LogSection(
      id: items.last.map { "\(first),\($0.id)" },
      items: items,
      previousID: first == 1 ? nil : "\(max(1, first - sectionSize)),\(first - 1)",
      nextID: isFull ? "\(first + wanted),\(first + wanted + sectionSize - 1)" : nil)
  }

  /// Reads `"first,last"` with 1 ≤ first ≤ last.
  static func parse(_ sectionID: String) throws(LogError) -> ClosedRange<Int> {
    let parts = sectionID.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 1,
      last >= first
    else { throw .invalidSectionID(sectionID) }
    return first...last
  }
}
