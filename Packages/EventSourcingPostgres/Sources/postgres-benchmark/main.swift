// Events per second of the PostgreSQL recorder beside plain SQL on the same server, for
// scripts/benchmark-postgres.sh, which runs the Python library's recorder beside it.
//
//   postgres-benchmark [--count N]   (default 2000; configured by the POSTGRES_* variables)
//
// Prints one line per contender and workload: "CONTENDER WORKLOAD RATE" (per second).
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
}

struct BenchmarkFailure: Error {}

func benchmarkPlainSQL(_ settings: PostgresSettings) async throws {
  var configuration = PostgresClient.Configuration(
    host: settings.host, port: settings.port, username: settings.user,
    password: settings.password, database: settings.databaseName, tls: .disable)
  configuration.options.maximumConnections = settings.poolSize
  let client = PostgresClient(configuration: configuration)
  let running = Task { await client.run() }
  defer { running.cancel() }
  let table = "bench_plain_\(suffix())"
  try await client.query(PostgresQuery(unsafeSQL:
    "CREATE TABLE \(table) (notification_id bigserial PRIMARY KEY, originator_id uuid NOT NULL, "
      + "originator_version bigint NOT NULL, topic text NOT NULL, state bytea NOT NULL, "
      + "UNIQUE (originator_id, originator_version))"))
  let insert =
    "INSERT INTO \(table) (originator_id, originator_version, topic, state) "
    + "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::bytea[]) RETURNING notification_id"
  func insertEvents(_ ids: [UUID], _ versions: [Int], _ topic: String) async throws {
    var bindings = PostgresBindings()
    bindings.append(ids)
    bindings.append(versions)
    bindings.append(Array(repeating: topic, count: ids.count))
    bindings.append(Array(repeating: ByteBuffer(bytes: state), count: ids.count))
    for try await _ in try await client.query(PostgresQuery(unsafeSQL: insert, binds: bindings)) {}
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
}

do {
  let settings = try PostgresSettings(ApplicationEnvironment())
  if !arguments.contains("--plain-only") { try await benchmarkRecorder(settings) }
  if !arguments.contains("--recorder-only") { try await benchmarkPlainSQL(settings) }
} catch {
  FileHandle.standardError.write(Data("postgres-benchmark: \(error)\n".utf8))
  exit(1)
}
