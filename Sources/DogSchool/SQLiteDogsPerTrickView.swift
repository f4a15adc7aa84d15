public import EventSourcing
public import Foundation

/// ``DogsPerTrickView`` in SQLite: a row per dog and trick, changed in the same transaction as
/// the tracking position.
public final class SQLiteDogsPerTrickView: DogsPerTrickView {
  private let database: SQLiteTrackingRecorder

  /// Opens or creates the view's database.
  ///
  /// - Parameter path: A file path, `":memory:"`, or a `file:` URI.
  public init(path: String) throws {
    database = try SQLiteTrackingRecorder(
      path: path,
      schema: [
        """
        CREATE TABLE IF NOT EXISTS dog_tricks (
          trick TEXT NOT NULL, dog_id TEXT NOT NULL, PRIMARY KEY (trick, dog_id)
        ) WITHOUT ROWID
        """
      ])
  }

  public func addDog(_ dogID: UUID, toTrick trick: String, tracking: Tracking) async throws {
    try await database.write(tracking: tracking) { transaction in
      // A dog that learns a trick twice is one dog that knows it.
      try transaction.execute(
        "INSERT OR IGNORE INTO dog_tricks (trick, dog_id) VALUES (?1, ?2)",
        [.text(trick), .text(dogID.uuidString)])
    }
  }

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    try await database.read { transaction in
      try transaction.query("SELECT COUNT(*) FROM dog_tricks WHERE trick = ?1", [.text(trick)])
        .first?.first?.integer ?? 0
    }
  }

  /// Every trick with the number of dogs that know it, for comparing whole views.
  public func allCounts() async throws -> [String: Int] {
    try await database.read { transaction in
      var counts: [String: Int] = [:]
      for row in try transaction.query("SELECT trick, COUNT(*) FROM dog_tricks GROUP BY trick") {
        if let trick = row.first?.text, let count = row.last?.integer { counts[trick] = count }
      }
      return counts
    }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await database.insertTracking(tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await database.maxTrackingID(for: applicationName)
  }
}
