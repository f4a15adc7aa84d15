import GivenBasics

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
    // Task 2: find the IDs the section asks for: `Self.parse(sectionID)` for "first,last";
    // for "current", the section of size `sectionSize` holding the newest ID
    // (store.maxNotificationID(), 0 when empty). Select at most `sectionSize` of them.
    // Its id names the IDs it holds ("21,25"), previousID the section before ("11,20"), and
    // nextID the section after, but only when this one is full.
    throw NotImplemented(task: 2, what: "DogSchoolLog.section(_:)")
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
