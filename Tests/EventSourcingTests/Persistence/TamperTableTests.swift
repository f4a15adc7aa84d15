import DogSchool
import EventSourcing
import Foundation
import Testing

/// Runs every attack of the README's tamper table on a real SQLite file, with plain SQL, in
/// every configuration of the table, with and without snapshots, and checks that what
/// happens is what the table says.
@Suite("The README's tamper table")
struct TamperTableTests {
  @Test("Every cell of the table is what the attack does")
  func tableIsTrue() async throws {
    let table = try TamperTable.fromREADME()
    #expect(Set(table.rows.keys) == Set(TamperAttack.all.map(\.name)), "the README lists every attack, and no other")
    var cases = 0
    for attack in TamperAttack.all {
      let row = try #require(table.rows[attack.name], "no row for \(attack.name)")
      for (column, configuration) in TamperConfiguration.all.enumerated() {
        let cell = row[column]
        let modes = attack.needsSnapshots ? [true] : [false, true]
        for withSnapshots in modes {
          let expected = cell.outcome(withSnapshots: withSnapshots)
          let measured = try await attack.run(in: configuration, withSnapshots: withSnapshots)
          #expect(
            measured == expected,
            "\(attack.name), \(configuration.name)\(withSnapshots ? ", with snapshots" : ""): the README says \(expected.rawValue), measured \(measured.rawValue)")
          cases += 1
        }
      }
    }
    #expect(cases == TamperAttack.all.count * 4 + TamperAttack.all.filter { !$0.needsSnapshots }.count * 4)
  }
}

/// What loading a tampered aggregate gives.
enum TamperOutcome: String, CaseIterable {
  /// Loading fails with an error that names the aggregate.
  case detected
  /// Loading succeeds, but `repository.headHash(of:)` fails or differs from a copy kept
  /// elsewhere before the attack.
  case headHash = "head hash"
  /// Loading gives a changed aggregate, and nothing shows it.
  case undetected
  /// Loading gives the aggregate as it was: the attack changed nothing that is read.
  case noEffect = "no effect"
}

/// The table in README.md between `<!-- tamper-table: … -->` and `<!-- end tamper-table -->`.
struct TamperTable {
  /// A cell: one outcome, or "without snapshots / with snapshots".
  struct Cell {
    let withoutSnapshots: TamperOutcome
    let withSnapshots: TamperOutcome
    func outcome(withSnapshots snapshots: Bool) -> TamperOutcome {
      snapshots ? withSnapshots : withoutSnapshots
    }
  }

  let rows: [String: [Cell]]

  static func fromREADME() throws -> Self {
    let readme = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    guard let start = text.range(of: "<!-- tamper-table:"),
      let end = text.range(of: "<!-- end tamper-table -->", range: start.upperBound..<text.endIndex)
    else { throw TamperTableError("README.md has no tamper table between its markers") }
    var rows: [String: [Cell]] = [:]
    for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
      let fields = line.split(separator: "|", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      // `| attack | four cells |`: the first and last fields are empty.
      guard fields.count == 7, !fields[1].isEmpty, !fields[1].hasPrefix("---"),
        !fields[1].hasPrefix("someone")
      else { continue }
      rows[fields[1]] = try fields[2...5].map { field in
        let parts = field.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        let outcomes = try parts.map { part in
          guard let outcome = TamperOutcome(rawValue: part) else {
            throw TamperTableError("unknown outcome '\(part)' in the row '\(fields[1])'")
          }
          return outcome
        }
        guard let first = outcomes.first, outcomes.count <= 2 else {
          throw TamperTableError("a cell of '\(fields[1])' has \(outcomes.count) outcomes")
        }
        return Cell(withoutSnapshots: first, withSnapshots: outcomes.last ?? first)
      }
    }
    return Self(rows: rows)
  }
}

struct TamperTableError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
