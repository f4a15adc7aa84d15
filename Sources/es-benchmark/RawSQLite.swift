import CSQLite
import DogSchool
import EventSourcing
import Foundation

/// The benchmark's work done directly through SQLite's C API, with the recorder's schema,
/// pragmas, transactions and row reading: the limit the library can approach. It stores
/// ready-made events; loading decodes their JSON with the library's mapper in one task.
final class RawSQLite: Contender {
  private let database: OpaquePointer
  private let templates: EventTemplates
  /// Encodes snapshots and decodes what is loaded, as the library's mapper does.
  private let mapper = Mapper()
  private var stream: RawStream?
  private var snapshottingStream: RawStream?
  /// Statements prepared once, like the recorder's statement cache.
  private var statements: [String: OpaquePointer] = [:]

  init(path: String, synchronous: String, templates: EventTemplates) throws {
    var handle: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
      sqlite3_close_v2(handle)
      throw BenchmarkError.sqlite("cannot open \(path)")
    }
    database = handle
    self.templates = templates
    sqlite3_busy_timeout(handle, 5_000)
    let table = { (name: String) in
      """
      CREATE TABLE IF NOT EXISTS \(name) (
        notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
        originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL,
        topic TEXT NOT NULL, state BLOB NOT NULL,
        UNIQUE (originator_id, originator_version))
      """
    }
    for sql in [
      "PRAGMA journal_mode=WAL", "PRAGMA synchronous=\(synchronous)", table("stored_events"),
      table("snapshots"),
    ] where sqlite3_exec(handle, sql, nil, nil, nil) != SQLITE_OK {
      throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(handle)))
    }
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement) }
    sqlite3_close_v2(database)
  }

  /// The median duration, in microseconds, of the query behind the recorder's
  /// `maxNotificationID()`, run here in the calling task.
  func emptyCallMicroseconds(runs: Int) async throws -> Double {
    let query = try statement("SELECT MAX(notification_id) FROM stored_events")
    return try await medianSeconds(runs: runs) {
      let code = sqlite3_step(query)
      sqlite3_reset(query)
      guard code == SQLITE_ROW else { throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database))) }
    } * 1e6
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

  /// Inserts the events of one aggregate in one transaction, copies of the templates.
  private func insert(_ originatorID: UUID, versions: ClosedRange<Int>) throws {
    try run("BEGIN IMMEDIATE")
    let id = originatorID.uuidString
    for version in versions {
      try insertRow(into: "stored_events", id, templates.template(version: version), version: version)
    }
    try run("COMMIT")
  }

  /// Inserts one row; the caller holds the transaction.
  private func insertRow(into table: String, _ id: String, _ event: StoredEvent, version: Int) throws {
    let insert = try statement(
      "INSERT INTO \(table) (originator_id, originator_version, topic, state) "
        + "VALUES (?1, ?2, ?3, ?4)")
    sqlite3_bind_text(insert, 1, id, -1, csqlite_transient())
    sqlite3_bind_int64(insert, 2, Int64(version))
    sqlite3_bind_text(insert, 3, event.topic, -1, csqlite_transient())
    event.state.withUnsafeBytes { buffer in
      _ = sqlite3_bind_blob(insert, 4, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
    }
    let code = sqlite3_step(insert)
    sqlite3_reset(insert)
    guard code == SQLITE_DONE else {
      throw BenchmarkError.sqlite(String(cString: sqlite3_errmsg(database)))
    }
  }

  func createAggregates(_ count: Int) async throws {
    for _ in 0..<count { try insert(UUID(), versions: 1...1) }
  }

  func saveTenEventAggregates(_ count: Int) async throws {
    for _ in 0..<count { try insert(UUID(), versions: 1...10) }
  }

  func saveToStream(tricks: Int) async throws {
    stream = try append(tricks, to: stream, snapshotting: false)
  }

  var takesSnapshots: Bool { true }

  func saveToSnapshottingStream(tricks: Int) async throws {
    snapshottingStream = try append(tricks, to: snapshottingStream, snapshotting: true)
  }

  /// Inserts the stream's first event when there is no stream yet, then `tricks` events, one
  /// transaction each; when `snapshotting`, also the dog's state every ``snapshotInterval``
  /// events in a transaction of its own, encoded by the mapper as the library stores it.
  private func append(_ tricks: Int, to stream: RawStream?, snapshotting: Bool) throws -> RawStream {
    var stream = stream ?? RawStream(id: UUID(), version: 0, dog: Dog(), createdOn: Date())
    for _ in 0..<(stream.version == 0 ? tricks + 1 : tricks) {
      stream.version += 1
      try insert(stream.id, versions: stream.version...stream.version)
      guard snapshotting else { continue }
      stream.dog.apply(stream.version == 1 ? .registered(name: "Fido") : .trickAdded(trick: "trick 1234"))
      if stream.version % snapshotInterval == 0 {
        let snapshot = try mapper.storedSnapshot(Snapshot(
          originatorID: stream.id, originatorVersion: stream.version, createdOn: stream.createdOn,
          modifiedOn: Date(), state: stream.dog))
        try run("BEGIN IMMEDIATE")
        try insertRow(into: "snapshots", stream.id.uuidString, snapshot, version: stream.version)
        try run("COMMIT")
      }
    }
    return stream
  }

  func streamLoader() throws -> Loader {
    guard let id = stream?.id else { throw BenchmarkError.noStream }
    return Loader(
      load: { try self.loadDog(id, after: nil) },
      loadRows: { try self.loadEvents(of: id, after: nil).last?.originatorVersion ?? 0 })
  }

  func snapshotLoader() throws -> Loader? {
    guard let id = snapshottingStream?.id else { throw BenchmarkError.noStream }
    return Loader(load: { try self.loadDogFromSnapshot(id) })
  }

  /// Reads the newest snapshot row and the event rows after it, and decodes both.
  private func loadDogFromSnapshot(_ id: UUID) throws -> Int {
    let select = try statement(
      "SELECT originator_version, topic, state FROM snapshots WHERE originator_id = ?1 "
        + "ORDER BY originator_version DESC LIMIT 1")
    sqlite3_bind_text(select, 1, id.uuidString, -1, csqlite_transient())
    var stored: StoredEvent?
    if sqlite3_step(select) == SQLITE_ROW {
      stored = StoredEvent(
        originatorID: id, originatorVersion: Int(sqlite3_column_int64(select, 0)),
        topic: String(cString: sqlite3_column_text(select, 1)), state: blob(select, 2))
    }
    sqlite3_reset(select)
    guard let stored else { return try loadDog(id, after: nil) }
    let snapshot = try mapper.snapshot(Dog.self, from: stored)
    return try loadDog(id, after: snapshot.originatorVersion, onto: snapshot.state)
  }

  /// Reads one aggregate's event rows after a version, decodes them with the mapper in one
  /// task and applies them to `dog`; returns the version reached.
  private func loadDog(_ id: UUID, after version: Int?, onto dog: Dog = Dog()) throws -> Int {
    let stored = try loadEvents(of: id, after: version)
    var dog = dog
    var reached = version ?? 0
    for recorded in try mapper.recordedEvents(Dog.Event.self, from: stored) {
      dog.apply(recorded.event)
      reached = recorded.originatorVersion
    }
    return reached
  }

  /// Reads one aggregate's rows after a version into values, as the recorder does.
  private func loadEvents(of originatorID: UUID, after version: Int?) throws -> [StoredEvent] {
    let select = try statement(
      "SELECT originator_version, topic, state FROM stored_events WHERE originator_id = ?1 "
        + "AND originator_version > ?2 ORDER BY originator_version")
    defer { sqlite3_reset(select) }
    sqlite3_bind_text(select, 1, originatorID.uuidString, -1, csqlite_transient())
    sqlite3_bind_int64(select, 2, Int64(version ?? 0))
    var events: [StoredEvent] = []
    while sqlite3_step(select) == SQLITE_ROW {
      events.append(StoredEvent(
        originatorID: originatorID, originatorVersion: Int(sqlite3_column_int64(select, 0)),
        topic: String(cString: sqlite3_column_text(select, 1)), state: blob(select, 2)))
    }
    return events
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

/// A stream that raw SQLite writes to: its aggregate, its version, and for snapshots, the
/// dog's state so far.
struct RawStream {
  let id: UUID
  var version: Int
  var dog: Dog
  let createdOn: Date
}
