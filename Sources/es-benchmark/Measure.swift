import Foundation

/// Runs `body` and returns its duration in seconds.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = ContinuousClock.now
  try await body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Runs `body` `runs` times and returns the median duration in seconds.
func medianSeconds(runs: Int, _ body: () async throws -> Void) async rethrows -> Double {
  try await timing(runs: runs, body).median
}

/// The median and the shortest of several durations, in seconds. The shortest is what the
/// work costs when nothing else on a shared machine gets in its way; the median is what to
/// expect on it.
struct Timing {
  let median: Double
  let best: Double

  /// The same durations in milliseconds.
  var inMilliseconds: Timing { Timing(median: median * 1000, best: best * 1000) }
}

/// Runs `body` `runs` times and returns the median and shortest durations.
func timing(runs: Int, _ body: () async throws -> Void) async rethrows -> Timing {
  var durations: [Double] = []
  for _ in 0..<runs { durations.append(try await seconds(body)) }
  durations.sort()
  return Timing(median: durations[durations.count / 2], best: durations[0])
}

/// Runs the same work on several contenders in alternating rounds, so that all of them meet
/// the same disk conditions (the speed of a file sync swings widely on a shared machine), and
/// returns each one's total duration in seconds.
func interleaved(
  _ contenders: [any Contender], rounds: Int,
  _ work: (any Contender) async throws -> Void
) async throws -> [Double] {
  var totals = Array(repeating: 0.0, count: contenders.count)
  for _ in 0..<rounds {
    for (index, contender) in contenders.enumerated() {
      totals[index] += try await seconds { try await work(contender) }
    }
  }
  return totals
}

/// One line of the printed table.
struct Row {
  let name: String
  let unit: String
  let memory: Double?
  let sqlite: Double?
  let raw: Double?
  /// The Python figure of the same work, if there is one.
  let python: KeyPath<PythonFigures, Double?>?
  /// Whether a smaller number is better (durations) instead of a larger one (rates).
  var lowerIsBetter = false

  /// The header, naming the Python columns stale when their figures are.
  static func header(stale: Bool) -> String {
    let (memory, sqlite) = stale ? ("stale Py mem", "stale Py SQL") : ("Py memory", "Py SQLite")
    return [
      "workload".padding(toLength: 48, withPad: " ", startingAt: 0),
      "memory".leftPadded(10), "SQLite".leftPadded(10), "raw SQLite".leftPadded(10),
      "SQLite/raw".leftPadded(10), memory.leftPadded(12), "× Python".leftPadded(9),
      sqlite.leftPadded(12), "× Python".leftPadded(9),
    ].joined(separator: " ")
  }

  /// The line, with the library's figures as multiples of raw SQLite's and Python's.
  func line(python reference: PythonReference) -> String {
    let pythonMemory = python.flatMap { reference.memory[keyPath: $0] }
    let pythonSQLite = python.flatMap { reference.sqlite[keyPath: $0] }
    return [
      "\(name) (\(unit))".padding(toLength: 48, withPad: " ", startingAt: 0),
      format(memory).leftPadded(10), format(sqlite).leftPadded(10), format(raw).leftPadded(10),
      ratio(sqlite, raw).leftPadded(10), format(pythonMemory).leftPadded(12),
      ratio(memory, pythonMemory).leftPadded(9), format(pythonSQLite).leftPadded(12),
      ratio(sqlite, pythonSQLite).leftPadded(9),
    ].joined(separator: " ")
  }

  /// How many times better `ours` is than `theirs`: a rate over a rate, or a duration under
  /// a duration.
  private func ratio(_ ours: Double?, _ theirs: Double?) -> String {
    guard let (ours, theirs) = zip(ours, theirs), ours > 0, theirs > 0 else { return "-" }
    let value = lowerIsBetter ? theirs / ours : ours / theirs
    return String(format: value >= 10 ? "%.1f" : "%.2f", value)
  }

  private func format(_ value: Double?) -> String {
    guard let value else { return "-" }
    if value >= 100 {
      let formatter = NumberFormatter()
      formatter.numberStyle = .decimal
      formatter.maximumFractionDigits = 0
      return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value))
    }
    return String(format: value >= 1 ? "%.2f" : "%.3f", value)
  }
}

/// Both values when both are present.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
