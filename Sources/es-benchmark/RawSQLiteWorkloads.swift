import CSQLite
import Foundation

/// The same work as the library's SQLite workloads, done directly through SQLite's C API with
/// the same schema, pragmas and transactions: the physical limit the library can approach.
final class RawSQLite {
  private let database: OpaquePointer
  private let insert: OpaquePointer
  private let begin: OpaquePointer
  private let commit: OpaquePointer
  /// Queries prepared once, like the recorder's statement cache.
  private var queries: [String: OpaquePointer] = [:]

  init(path: String, synchronous: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
      == SQLITE_OK, let handle
    else {
      sqlite3_close_v2(handle)
      throw BenchmarkError.sqlite("cannot open \(path)")
    }
    database = handle
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
    ] {
      guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
        throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(handle)))
      }
    }
    insert = try Self.prepare(handle,
      "INSERT INTO stored_events (originator_id, originator_version, topic, state) VALUES (?1, ?2, ?3, ?4)")
    begin = try Self.prepare(handle, "BEGIN IMMEDIATE")
    commit = try Self.prepare(handle, "COMMIT")
  }

  deinit {
    for statement in [insert, begin, commit] + Array(queries.values) { sqlite3_finalize(statement) }
    sqlite3_close_v2(database)
  }

  private static func prepare(_ database: OpaquePointer, _ sql: String) throws -> OpaquePointer {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
      == SQLITE_OK, let statement
    else { throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database))) }
    return statement
  }

  private func run(_ statement: OpaquePointer) throws {
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database)))
    }
  }

  /// Inserts the events of one aggregate in one transaction.
  func insert(_ originatorID: UUID, versions: ClosedRange<Int>, state: Data) throws {
    try run(begin)
    let id = originatorID.uuidString
    for version in versions {
      sqlite3_bind_text(insert, 1, id, -1, csqlite_transient())
      sqlite3_bind_int64(insert, 2, Int64(version))
      sqlite3_bind_text(insert, 3, "DogSchool.Dog.Event.trickAdded", -1, csqlite_transient())
      state.withUnsafeBytes { buffer in
        _ = sqlite3_bind_blob(insert, 4, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
      }
      try run(insert)
    }
    try run(commit)
  }

  /// Reads rows of a query with up to three integer parameters into values, as the recorder
  /// does, and returns how many rows it read.
  func read(_ sql: String, _ parameters: [Int], originatorID: UUID? = nil) throws -> (Int, Int) {
    let statement = try queries[sql] ?? Self.prepare(database, sql)
    queries[sql] = statement
    defer { sqlite3_reset(statement) }
    if let originatorID { sqlite3_bind_text(statement, 1, originatorID.uuidString, -1, csqlite_transient()) }
    for (index, value) in parameters.enumerated() {
      sqlite3_bind_int64(statement, Int32(index + (originatorID == nil ? 1 : 2)), Int64(value))
    }
    var rows = 0
    var lastID = 0
    while sqlite3_step(statement) == SQLITE_ROW {
      lastID = Int(sqlite3_column_int64(statement, 0))
      // Like the recorder: an aggregate's events need no UUID parsed, notifications do.
      let originator = originatorID ?? UUID(uuidString: String(cString: sqlite3_column_text(statement, 1)))
      let version = Int(sqlite3_column_int64(statement, 2))
      let topic = String(cString: sqlite3_column_text(statement, 3))
      let count = Int(sqlite3_column_bytes(statement, 4))
      let state = sqlite3_column_blob(statement, 4).map { Data(bytes: $0, count: count) } ?? Data()
      guard originator != nil, version > 0, !topic.isEmpty, !state.isEmpty else {
        throw BenchmarkError.sqlite("a row did not read back")
      }
      rows += 1
    }
    return (rows, lastID)
  }
}

/// Runs the workloads on raw SQLite with the state bytes a dog's event has in the library.
func runRawWorkloads(path: String, synchronous: String, count: Int, state: Data) async throws -> Figures {
  let raw = try RawSQLite(path: path, synchronous: synchronous)
  var figures = Figures()
  let createTime = try await seconds {
    for _ in 0..<count { try raw.insert(UUID(), versions: 1...1, state: state) }
  }
  figures.createDogs = Double(count) / createTime
  let batchTime = try await seconds {
    for _ in 0..<(count / 10) { try raw.insert(UUID(), versions: 1...10, state: state) }
  }
  figures.saveBatches = Double(count / 10 * 10) / batchTime
  let fido = UUID()
  for start in stride(from: 1, through: count, by: 1_000) {
    try raw.insert(fido, versions: start...min(count, start + 999), state: state)
  }
  let loadTime = try await medianSeconds(runs: 5) {
    let (rows, _) = try raw.read(
      "SELECT originator_version, NULL, originator_version, topic, state FROM stored_events "
        + "WHERE originator_id = ?1 ORDER BY originator_version", [], originatorID: fido)
    guard rows == count else { throw BenchmarkError.wrongCount(rows, count) }
  }
  figures.loadMilliseconds = loadTime * 1000
  let total = count + count / 10 * 10 + count
  let readTime = try await medianSeconds(runs: 3) {
    var next = 1
    var read = 0
    while true {
      let (rows, lastID) = try raw.read(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM stored_events "
          + "WHERE notification_id >= ?1 ORDER BY notification_id LIMIT ?2", [next, 1_000])
      guard rows > 0 else { break }
      read += rows
      next = lastID + 1
    }
    guard read == total else { throw BenchmarkError.wrongCount(read, total) }
  }
  figures.readLog = Double(total) / readTime
  return figures
}
