import Foundation

/// Turns chapter results and progress into the plain words the learner reads.
public struct ReportRenderer: Sendable {
  /// The colours to use.
  public let palette: Palette

  /// Creates a renderer.
  public init(palette: Palette) {
    self.palette = palette
  }

  /// The progress overview: one line per chapter.
  public func overview(of chapters: [Chapter], state: WorkshopState) -> String {
    var lines = [palette.bold("Event sourcing in Swift: the dog school workshop"), ""]
    for chapter in chapters {
      let title = chapter.title.padding(toLength: 46, withPad: " ", startingAt: 0)
      lines.append("  \(chapter.paddedNumber)  \(title) \(describe(state.status(of: chapter)))")
    }
    return lines.joined(separator: "\n")
  }

  /// The tests that started and did not end, those running when a run stopped, listed under
  /// `heading`; nothing when there are none.
  private static func unfinishedTestLines(of tasks: [TaskSummary], under heading: String)
    -> [String]
  {
    let running = tasks.flatMap(\.tests).filter { $0.didStart && $0.status == .didNotFinish }
    guard !running.isEmpty else { return [] }
    return ["  " + heading] + running.map { "    " + $0.displayName }
  }

  /// A chapter's status in a few words.
  public func describe(_ status: ChapterStatus) -> String {
    switch status.kind {
    case .notStarted: palette.dim("· not started")
    case .passed: palette.green("✔ passed")
    case .failing:
      palette.yellow("✘ failing (\(status.tasksDone) of \(status.taskCount) tasks done)")
    case .doesNotCompile: palette.red("✘ does not compile")
    case .crashed: palette.red("✘ crashed")
    case .stalled: palette.red("✘ stopped: no progress")
    }
  }

  /// The report after a chapter's tests ran: each task, and what to do next.
  public func report(for chapter: Chapter, result: ChapterResult) -> String {
    var lines = [palette.bold("Chapter \(chapter.number): \(chapter.title)")]
    switch result {
    case .passed(let tasks):
      lines += tasks.map { taskLine($0, isNext: false) }
      lines.append("")
      lines.append(palette.green("All tasks pass. Well done!"))
      lines.append(
        "Compare with \(chapter.solutionPath)/ and try the \"Going further\" list in "
          + "\(chapter.textPath).")
    case .failing(let tasks, let setupProblems):
      lines += setupProblems.map { palette.red("  ! \($0.issues.first?.message ?? $0.displayName)") }
      let next = tasks.first { !$0.isDone }
      for task in tasks {
        lines.append(taskLine(task, isNext: task.task == next?.task))
        if task.task == next?.task { lines += details(of: task) }
      }
      if let next {
        lines.append("")
        lines.append(
          palette.yellow("Next: Task \(next.task)")
            + " in \(chapter.exercisePath)/ (the chapter text is \(chapter.textPath)).")
        lines.append(
          "Stuck? `swift run workshop hint \(chapter.number)` shows a hint for it.")
      }
    case .doesNotCompile(let errors):
      lines.append(palette.red("  The code does not compile yet:"))
      lines += errors.map { "    " + $0 }
      lines.append("")
      lines.append(
        "Fix the errors in \(chapter.exercisePath)/, or start the chapter afresh with "
          + "`swift run workshop reset \(chapter.number)` (your files are backed up).")
      lines.append("The other chapters still run: `swift run workshop run <number>`.")
    case .crashed(let tasks, let output):
      lines.append(palette.red("  The tests stopped before they all ran: the code crashed."))
      lines += output.map { "    " + Self.namingExerciseFiles(in: $0, of: chapter) }
      lines += Self.unfinishedTestLines(
        of: tasks, under: "It stopped while running one of these tests:")
      lines.append("")
      lines.append(
        "Look for a force unwrap (!), try!, fatalError or an index out of range in "
          + "\(chapter.exercisePath)/. `swift run workshop reset \(chapter.number)` starts afresh.")
    case .stalled(let tasks, let seconds):
      lines.append(
        palette.red("  The tests made no progress for \(seconds) seconds and were stopped."))
      lines += Self.unfinishedTestLines(of: tasks, under: "These tests started and did not end:")
      lines.append("")
      lines.append(
        "Look for a loop whose condition never changes, or a function that calls itself without "
          + "end, in \(chapter.exercisePath)/.")
    }
    return lines.joined(separator: "\n")
  }

  /// Names the file the learner edits in a runtime error: the runtime writes
  /// `Chapter03/Dog.swift:40: Fatal error: …`, the learner edits
  /// `Exercises/03-EventStore/Dog.swift`.
  static func namingExerciseFiles(in line: String, of chapter: Chapter) -> String {
    line.replacingOccurrences(
      of: "Chapter\(chapter.paddedNumber)/", with: chapter.exercisePath + "/")
  }

  private func taskLine(_ task: TaskSummary, isNext: Bool) -> String {
    let passing = task.tests.count - task.failingTests.count
    if task.isDone {
      return palette.green("  ✔ Task \(task.task)") + palette.dim("  done")
    }
    let mark = isNext ? palette.red("  ✘ Task \(task.task)") : palette.dim("  · Task \(task.task)")
    return mark + palette.dim("  \(passing) of \(task.tests.count) checks pass")
  }

  private func details(of task: TaskSummary) -> [String] {
    var lines: [String] = []
    for test in task.failingTests {
      lines.append("      " + palette.bold(test.behaviour))
      for issue in test.issues.prefix(2) {
        lines.append("        " + issue.message)
        if let detail = issue.detail { lines.append("        " + palette.dim(detail)) }
      }
      if test.status == .didNotFinish { lines.append("        did not finish") }
    }
    return lines
  }
}
