import Foundation

/// Reads a chapter's mutants from the text of its `.mutants` file.
///
/// ```
/// # A comment.
/// ## Task 2: numbers a new event pendingEvents.count + 1
/// @@ Dog.swift
/// -      originatorID: id, originatorVersion: version + 1, event: event)
/// +      originatorID: id, originatorVersion: pendingEvents.count + 1, event: event)
/// ```
public enum MutantCatalog {
  /// The mutants declared in `text`, in order.
  ///
  /// - Throws: ``MutantError`` naming the first line that does not fit the format.
  public static func parse(_ text: String) throws(MutantError) -> [Mutant] {
    var mutants: [Mutant] = []
    var header: (task: Int, description: String, line: Int)?
    var changes: [Mutant.Change] = []
    var file: String?
    var find: [String] = []
    var replace: [String] = []
    var changeLine = 0

    func endChange() throws(MutantError) {
      guard let current = file else { return }
      guard !find.isEmpty else { throw .emptyMutant(line: changeLine) }
      changes.append(Mutant.Change(file: current, find: find, replace: replace))
      file = nil
      find = []
      replace = []
    }
    func endMutant() throws(MutantError) {
      try endChange()
      guard let current = header else { return }
      guard !changes.isEmpty else { throw .emptyMutant(line: current.line) }
      mutants.append(
        Mutant(
          task: current.task, description: current.description, line: current.line,
          changes: changes))
      header = nil
      changes = []
    }

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in lines.enumerated() {
      let number = index + 1
      let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
      if line.hasPrefix("## ") {
        try endMutant()
        guard let parsed = parseHeader(line.dropFirst(3)) else {
          throw .malformedLine(number, line)
        }
        header = (parsed.task, parsed.description, number)
      } else if line.hasPrefix("@@ ") {
        guard header != nil else { throw .outsideMutant(line: number) }
        try endChange()
        let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .malformedLine(number, line) }
        file = name
        changeLine = number
      } else if line.hasPrefix("-") {
        guard file != nil else { throw .outsideMutant(line: number) }
        // Find lines come first: a "-" after "+" lines would be ambiguous.
        guard replace.isEmpty else { throw .malformedLine(number, line) }
        find.append(String(line.dropFirst()))
      } else if line.hasPrefix("+") {
        guard file != nil else { throw .outsideMutant(line: number) }
        replace.append(String(line.dropFirst()))
      } else if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) {
        continue
      } else {
        throw .malformedLine(number, line)
      }
    }
    try endMutant()
    return mutants
  }

  /// Reads "Task N: description".
  private static func parseHeader(_ text: Substring) -> (task: Int, description: String)? {
    guard text.hasPrefix("Task ") else { return nil }
    let rest = text.dropFirst(5)
    let digits = rest.prefix(while: \.isNumber)
    guard let task = Int(digits), rest.dropFirst(digits.count).hasPrefix(":") else { return nil }
    let description = rest.dropFirst(digits.count + 1).trimmingCharacters(in: .whitespaces)
    return description.isEmpty ? nil : (task, description)
  }
}
