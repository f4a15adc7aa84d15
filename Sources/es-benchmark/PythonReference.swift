/// Figures of the Python `eventsourcing` library (version 9.5.6, Python 3.11.7) for the same
/// workloads on a 2-core machine, median of 3 runs with N = 10,000. Source: the kit's peer
/// benchmark notes (`bench/README.md`, produced by `bench_py.py` there). SQLite is a WAL file
/// with synchronous=FULL. `nil` where the Python run has no matching figure.
struct PythonReference {
  let memory: Double?
  let sqlite: Double?

  /// (a) create N dogs, one save each, events per second.
  static let createDogs = PythonReference(memory: 11_100, sqlite: 1_972)
  /// (b) one stream, one save per event, events per second (Python saves each event alone;
  /// our (b) saves ten per transaction, so this is the nearest figure, not the same work).
  static let saveOneStream = PythonReference(memory: 14_509, sqlite: 1_979)
  /// Loading one aggregate of 10,001 events without a snapshot, in milliseconds.
  static let loadMilliseconds = PythonReference(memory: 275, sqlite: 322)
  /// Reading the whole notification log in pages of 1,000, notifications per second.
  static let readLog = PythonReference(memory: 603_000, sqlite: 198_000)
  /// Reading the log and decoding every notification into a domain event, per second.
  static let readLogDecoded = PythonReference(memory: 145_000, sqlite: 98_000)
}
