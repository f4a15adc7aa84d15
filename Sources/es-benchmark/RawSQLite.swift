import CSQLite
import EventSourcing
import Foundation

/// The benchmark's work done directly through SQLite's C API, with the recorder's schema,
/// pragmas, transactions and row reading: the limit the library can approach.
final class RawSQLite: Contender {
  private let database: OpaquePointer
  private let state: Data
  /// Statements prepared once, like the recorder's statement cache.
  private var statements: [String: OpaquePointer] = [:]

  init(path: String, synchronous: String, state: Data) throws {
    var handle: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
      sqlite3_close_v2(handle)
      throw BenchmarkError.sqlite("cannot open \(path)")
    }
    database = handle
    self.state = state
    sqlite3_busy_timeout(handle, 5_000)
    for sql in [
      "PRAGMA journal_mode=WAL", "PRAGMA synchronous=\(synchronous)",
      """
      CREATE TABLE IF NOT EXISTS stored_events (
        notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
        originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL,
        topic TEXT NOT NULL, state BLOB NOT NULL,
        UNIQUE (originator_id, originator_version))
      """,
    ] where sqlite3_exec(handle, sql, nil, nil, nil) != SQLITE_OK {
      throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(handle)))
    }
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement) }
    sqlite3_close_v2(database)
  }

  private func statement(_ sql: String) throws -> OpaquePointer {
    if let statement = statements[sql] { return statement }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
      == SQLITE_OK, let statement
    else { throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database))) }
    statements[sql] = statement
    return statement
  }

  private func run(_ sql: String) throws {
    let statement = try statement(sql)
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database)))
    }
  }

  /// Inserts the events of one aggregate in one transaction.
  private func insert(_ originatorID: UUID, versions: ClosedRange<Int>) throws {
    try run("BEGIN IMMEDIATE")
    let insert = try statement(
      "INSERT INTO stored_events (originator_id, originator_version, topic, state) "
        + "VALUES (?1, ?2, ?3, ?4)")
    let id = originatorID.uuidString
    for version in versions {
      sqlite3_bind_text(insert, 1, id, -1, csqlite_transient())
      sqlite3_bind_int64(insert, 2, Int64(version))
      sqlite3_bind_text(insert, 3, "DogSchool.Dog.Event.trickAdded", -1, csqlite_transient())
      state.withUnsafeBytes { buffer in
        _ = sqlite3_bind_blob(insert, 4, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
      }
      let code = sqlite3_step(insert)
      sqlite3_reset(insert)
      guard code == SQLITE_DONE else {
        throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database)))
      }
    }
    try run("COMMIT")
  }

  func createAggregates(_ count: Int) async throws {
    for _ in 0..<count { try insert(UUID(), versions: 1...1) }
  }

  func saveTenEventAggregates(_ count: Int) async throws {
    for _ in 0..<count { try insert(UUID(), versions: 1...10) }
  }

  func prepareLoad(events count: Int) async throws -> Loader {
    let fido = UUID()
    for start in stride(from: 1, through: count, by: 1_000) {
      try insert(fido, versions: start...min(count, start + 999))
    }
    return Loader(load: { try self.loadEvents(of: fido) })
  }

  /// Reads one aggregate's rows into values, as the recorder does.
  private func loadEvents(of originatorID: UUID) throws -> Int {
    let select = try statement(
      "SELECT originator_version, topic, state FROM stored_events WHERE originator_id = ?1 "
        + "ORDER BY originator_version")
    defer { sqlite3_reset(select) }
    sqlite3_bind_text(select, 1, originatorID.uuidString, -1, csqlite_transient())
    var events: [StoredEvent] = []
    while sqlite3_step(select) == SQLITE_ROW {
      events.append(StoredEvent(
        originatorID: originatorID, originatorVersion: Int(sqlite3_column_int64(select, 0)),
        topic: String(cString: sqlite3_column_text(select, 1)), state: blob(select, 2)))
    }
    return events.count
  }

  func readLog() async throws -> Int {
    let select = try statement(
      "SELECT notification_id, originator_id, originator_version, topic, state "
        + "FROM stored_events WHERE notification_id >= ?1 ORDER BY notification_id LIMIT ?2")
    var next = 1
    var read = 0
    while true {
      sqlite3_bind_int64(select, 1, Int64(next))
      sqlite3_bind_int64(select, 2, 1_000)
      var page: [EventSourcing.EventNotification] = []
      while sqlite3_step(select) == SQLITE_ROW {
        let text = sqlite3_column_text(select, 1)
        guard let text, let originatorID = UUID(text: text, count: 36) else {
          throw BenchmarkError.sqlite("a row did not read back")
        }
        page.append(EventNotification(
          id: Int(sqlite3_column_int64(select, 0)), originatorID: originatorID,
          originatorVersion: Int(sqlite3_column_int64(select, 2)),
          topic: String(cString: sqlite3_column_text(select, 3)), state: blob(select, 4)))
      }
      sqlite3_reset(select)
      guard let last = page.last else { return read }
      read += page.count
      next = last.id + 1
    }
  }

  private func blob(_ statement: OpaquePointer, _ column: Int32) -> Data {
    let count = Int(sqlite3_column_bytes(statement, column))
    return sqlite3_column_blob(statement, column).map { Data(bytes: $0, count: count) } ?? Data()
  }
}
