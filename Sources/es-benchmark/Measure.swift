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
  let python: PythonReference?
  /// Whether a smaller number is better (durations) instead of a larger one (rates).
  var lowerIsBetter = false

  static let header = [
    "workload".padding(toLength: 46, withPad: " ", startingAt: 0),
    "memory".leftPadded(11), "SQLite".leftPadded(11), "raw SQLite".leftPadded(11),
    "SQLite/raw".leftPadded(11), "Py memory".leftPadded(11), "Py SQLite".leftPadded(11),
  ].joined(separator: " ")

  var line: String {
    let ratio = zip(sqlite, raw).map { sqlite, raw in lowerIsBetter ? raw / sqlite : sqlite / raw }
    return [
      "\(name) (\(unit))".padding(toLength: 46, withPad: " ", startingAt: 0),
      format(memory).leftPadded(11), format(sqlite).leftPadded(11), format(raw).leftPadded(11),
      (ratio.map { String(format: "%.2f", $0) } ?? "-").leftPadded(11),
      format(python?.memory).leftPadded(11), format(python?.sqlite).leftPadded(11),
    ].joined(separator: " ")
  }

  private func format(_ value: Double?) -> String {
    guard let value else { return "-" }
    if value >= 100 {
      let formatter = NumberFormatter()
      formatter.numberStyle = .decimal
      formatter.maximumFractionDigits = 0
      return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value))
    }
    return String(format: "%.2f", value)
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
