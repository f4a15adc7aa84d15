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
    let range = try await bounds(of: sectionID)
    // slide: section
    let first = range.lowerBound
    let size = min(sectionSize, range.count)
    let items = try await select(start: first, limit: size)
    let id = items.last.map { "\(first),\($0.id)" }
    // The section before ends just before this one.
    let before = max(1, first - sectionSize)
    let previousID = first > 1 ? "\(before),\(first - 1)" : nil
    // Only a full section has a next one: a partial one still grows.
    let next = first + size
    let nextID = items.count == size
      ? "\(next),\(next + sectionSize - 1)" : nil
    // slide end
    return LogSection(id: id, items: items, previousID: previousID, nextID: nextID)
  }

  /// The IDs a section asks for.
  private func bounds(of sectionID: String) async throws -> ClosedRange<Int> {
    if sectionID == "current" {
      // slide: current
      // 1...10 holds IDs 1 to 10, 11...20 holds 11 to 20.
      let newest = try await store.maxNotificationID()
      let fullSections = max(newest - 1, 0) / sectionSize
      let first = fullSections * sectionSize + 1
      // slide end
      return first...(first + sectionSize - 1)
    }
    return try Self.parse(sectionID)
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
