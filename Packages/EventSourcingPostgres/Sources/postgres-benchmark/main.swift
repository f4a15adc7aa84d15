// Events per second of the PostgreSQL recorder beside plain SQL on the same server, for
// scripts/benchmark-postgres.sh, which runs the Python library's recorder beside it.
//
//   postgres-benchmark [--count N] [--recorder-only | --plain-only]
//   postgres-benchmark --writer swift|plain --table NAME --count N [--start-at SECONDS]
//
// Configured by the POSTGRES_* variables; N is 2000 unless given. The first form prints one
// line per contender and workload: "CONTENDER WORKLOAD RATE" (per second). The second is one
// of several writer processes that scripts/benchmark-postgres.sh starts at once: it creates
// the table when N is 0; otherwise it waits until the Unix time SECONDS, inserts N events one
// per insert into the shared table, and prints "END SECONDS", when it finished.
// "plain" is the least a store of events can do with postgres-nio: one INSERT per call in
// autocommit, numbered by a bigserial, with no table lock (so its notification IDs may
// interleave) and no version check beyond the unique key.
import EventSourcing
import EventSourcingPostgres
import Foundation
import PostgresNIO

let arguments = CommandLine.arguments
let count = arguments.firstIndex(of: "--count").flatMap { index in
  arguments.indices.contains(index + 1) ? Int(arguments[index + 1]) : nil
} ?? 2000
let state = Data(#"{"name":"Fido","tricks":["roll over"]}"#.utf8)
/// How many events the aggregate that is loaded whole has.
let longHistory = 10_000
/// How many times it is loaded.
let longHistoryLoads = 5

func value(after flag: String) -> String? {
  arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}

func report(_ contender: String, _ workload: String, _ operations: Int, since start: ContinuousClock.Instant) {
  let seconds = (ContinuousClock.now - start) / .seconds(1)
  print("\(contender) \(workload) \(String(format: "%.1f", Double(operations) / seconds))")
}

func suffix() -> String {
  String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)).lowercased()
}

func benchmarkRecorder(_ settings: PostgresSettings) async throws {
  let recorder = try PostgresApplicationRecorder(settings: settings, table: "bench_swift_\(suffix())")
  try await recorder.prepare()
  var start = ContinuousClock.now
  for _ in 0..<count {
    try await recorder.insert([
      StoredEvent(originatorID: UUID(), originatorVersion: 1, topic: "Dog.Registered", state: state)
    ])
  }
  report("swift", "insert_one", count, since: start)
  var ids: [UUID] = []
  start = .now
  for _ in 0..<(count / 10) {
    let id = UUID()
    ids.append(id)
    try await recorder.insert((1...10).map {
      StoredEvent(originatorID: id, originatorVersion: $0, topic: "Dog.TrickAdded", state: state)
    })
  }
  report("swift", "insert_ten", count, since: start)
  start = .now
  var read = 0
  var next = 1
  while true {
    let page = try await recorder.notifications(start: next, limit: 100)
    guard let last = page.last else { break }
    read += page.count
    next = last.id + 1
  }
  report("swift", "read_log", read, since: start)
  start = .now
  for id in ids {
    guard try await recorder.events(for: id).count == 10 else { throw BenchmarkFailure() }
  }
  report("swift", "select_aggregate", ids.count, since: start)
  let long = UUID()
  for first in stride(from: 1, through: longHistory, by: 100) {
    try await recorder.insert((first..<(first + 100)).map {
      StoredEvent(originatorID: long, originatorVersion: $0, topic: "Dog.Walked", state: state)
    })
  }
  start = .now
  for _ in 0..<longHistoryLoads {
    guard try await recorder.events(for: long).count == longHistory else { throw BenchmarkFailure() }
  }
  report("swift", "load_10000", longHistory * longHistoryLoads, since: start)
}

struct BenchmarkFailure: Error {}

/// A client of plain postgres-nio, running until the body returns.
func withPlainClient<T>(
  _ settings: PostgresSettings, _ body: (PostgresClient) async throws -> T
) async throws -> T {
  var configuration = PostgresClient.Configuration(
    host: settings.host, port: settings.port, username: settings.user,
    password: settings.password, database: settings.databaseName, tls: .disable)
  configuration.options.maximumConnections = settings.poolSize
  let client = PostgresClient(configuration: configuration)
  let running = Task { await client.run() }
  defer { running.cancel() }
  return try await body(client)
}

/// Creates the plain table when it is missing.
func createPlainTable(_ table: String, with client: PostgresClient) async throws {
  try await client.query(PostgresQuery(unsafeSQL:
    "CREATE TABLE IF NOT EXISTS \(table) (notification_id bigserial PRIMARY KEY, "
      + "originator_id uuid NOT NULL, originator_version bigint NOT NULL, topic text NOT NULL, "
      + "state bytea NOT NULL, UNIQUE (originator_id, originator_version))"))
}

/// Inserts events into the plain table in one statement, in autocommit.
func insertPlain(
  _ ids: [UUID], _ versions: [Int], _ topic: String, into table: String, with client: PostgresClient
) async throws {
  let insert =
    "INSERT INTO \(table) (originator_id, originator_version, topic, state) "
    + "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::bytea[]) RETURNING notification_id"
  var bindings = PostgresBindings()
  bindings.append(ids)
  bindings.append(versions)
  bindings.append(Array(repeating: topic, count: ids.count))
  bindings.append(Array(repeating: ByteBuffer(bytes: state), count: ids.count))
  for try await _ in try await client.query(PostgresQuery(unsafeSQL: insert, binds: bindings)) {}
}

func benchmarkPlainSQL(_ settings: PostgresSettings) async throws {
  try await withPlainClient(settings) { client in try await benchmarkPlainSQL(client) }
}

func benchmarkPlainSQL(_ client: PostgresClient) async throws {
  let table = "bench_plain_\(suffix())"
  try await createPlainTable(table, with: client)
  func insertEvents(_ ids: [UUID], _ versions: [Int], _ topic: String) async throws {
    try await insertPlain(ids, versions, topic, into: table, with: client)
  }
  var start = ContinuousClock.now
  for _ in 0..<count {
    try await insertEvents([UUID()], [1], "Dog.Registered")
  }
  report("plain", "insert_one", count, since: start)
  var ids: [UUID] = []
  start = .now
  for _ in 0..<(count / 10) {
    let id = UUID()
    ids.append(id)
    try await insertEvents(Array(repeating: id, count: 10), Array(1...10), "Dog.TrickAdded")
  }
  report("plain", "insert_ten", count, since: start)
  start = .now
  var read = 0
  var next = 1
  while true {
    var bindings = PostgresBindings()
    bindings.append(next)
    var last: Int?
    for try await (id, _, _, _, _) in try await client.query(PostgresQuery(unsafeSQL:
      "SELECT notification_id, originator_id, originator_version, topic, state FROM \(table) "
        + "WHERE notification_id >= $1 ORDER BY notification_id LIMIT 100", binds: bindings)
    ).decode((Int, UUID, Int, String, Data).self) {
      read += 1
      last = id
    }
    guard let last else { break }
    next = last + 1
  }
  report("plain", "read_log", read, since: start)
  start = .now
  for id in ids {
    var bindings = PostgresBindings()
    bindings.append(id)
    var events = 0
    for try await _ in try await client.query(PostgresQuery(unsafeSQL:
      "SELECT originator_id, originator_version, topic, state FROM \(table) "
        + "WHERE originator_id = $1 ORDER BY originator_version", binds: bindings)
    ).decode((UUID, Int, String, Data).self) {
      events += 1
    }
    guard events == 10 else { throw BenchmarkFailure() }
  }
  report("plain", "select_aggregate", ids.count, since: start)
  let long = UUID()
  for first in stride(from: 1, through: longHistory, by: 100) {
    try await insertEvents(Array(repeating: long, count: 100), Array(first..<(first + 100)), "Dog.Walked")
  }
  start = .now
  for _ in 0..<longHistoryLoads {
    var bindings = PostgresBindings()
    bindings.append(long)
    var events = 0
    for try await _ in try await client.query(PostgresQuery(unsafeSQL:
      "SELECT originator_id, originator_version, topic, state FROM \(table) "
        + "WHERE originator_id = $1 ORDER BY originator_version", binds: bindings)
    ).decode((UUID, Int, String, Data).self) {
      events += 1
    }
    guard events == longHistory else { throw BenchmarkFailure() }
  }
  report("plain", "load_10000", longHistory * longHistoryLoads, since: start)
}

/// One of several writer processes inserting one event at a time into a shared table.
func writeConcurrently(
  as contender: String, table: String, startAt: Double, _ settings: PostgresSettings
) async throws {
  func waitForStart() async throws {
    let wait = startAt - Date().timeIntervalSince1970
    if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
  }
  switch contender {
  case "swift":
    let recorder = try PostgresApplicationRecorder(settings: settings, table: table)
    try await recorder.prepare()
    guard count > 0 else { return }
    try await waitForStart()
    for _ in 0..<count {
      try await recorder.insert([
        StoredEvent(originatorID: UUID(), originatorVersion: 1, topic: "Dog.Registered", state: state)
      ])
    }
  case "plain":
    try await withPlainClient(settings) { client in
      try await createPlainTable(table, with: client)
      guard count > 0 else { return }
      try await waitForStart()
      for _ in 0..<count { try await insertPlain([UUID()], [1], "Dog.Registered", into: table, with: client) }
    }
  default:
    throw BenchmarkFailure()
  }
  if count > 0 { print("END \(Date().timeIntervalSince1970)") }
}

do {
  let settings = try PostgresSettings(ApplicationEnvironment())
  if let contender = value(after: "--writer") {
    guard let table = value(after: "--table") else { throw BenchmarkFailure() }
    let startAt = value(after: "--start-at").flatMap(Double.init) ?? 0
    try await writeConcurrently(as: contender, table: table, startAt: startAt, settings)
    exit(0)
  }
  if !arguments.contains("--plain-only") { try await benchmarkRecorder(settings) }
  if !arguments.contains("--recorder-only") { try await benchmarkPlainSQL(settings) }
} catch {
  FileHandle.standardError.write(Data("postgres-benchmark: \(error)\n".utf8))
  exit(1)
}
