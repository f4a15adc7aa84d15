import ArgumentParser
import WorkshopKit

extension Workshop {
  /// Shows the next hint for a chapter's current task, one at a time.
  struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the next hint for a chapter's first unfinished task.")

    @OptionGroup var chapter: ChapterArgument

    @Option(help: "The task to get a hint for; by default the first unfinished one of the last run.")
    var task: Int?

    func run() throws {
      let kit = try Kit()
      let chapter = try kit.chapter(chapter.number)
      var state = kit.loadState()
      // A chapter that passed needs no hint for a task; without --task, say so.
      if task == nil, state.status(of: chapter).isPassed {
        print(kit.palette.green("Chapter \(chapter.number) passed when it was last tested: every task is done."))
        print(
          "Try the \"Going further\" list at the end of \(chapter.textPath), or compare your code "
            + "with \(chapter.solutionPath)/.")
        print(kit.palette.dim("`swift run workshop hint \(chapter.number) --task N` shows a task's hints all the same."))
        return
      }
      let task = task ?? state.status(of: chapter).nextTask ?? chapter.tasks.first ?? 1
      guard chapter.hints[task] != nil else {
        let tasks = chapter.tasks.map(String.init).joined(separator: ", ")
        throw ValidationError("Chapter \(chapter.number) has hints for tasks \(tasks).")
      }
      let total = chapter.hints[task]?.count ?? 0
      if let hint = state.nextHint(for: chapter, task: task) {
        kit.save(state)
        print(kit.palette.yellow("Chapter \(chapter.number), Task \(task), hint \(hint.number) of \(total):"))
        print("  " + hint.text)
        if hint.number < total {
          print(kit.palette.dim("Run the same command again for the next hint."))
        }
      } else {
        print("All \(total) hints for Task \(task) were shown:")
        for (number, text) in (chapter.hints[task] ?? []).enumerated() {
          print("  \(number + 1). \(text)")
        }
        print("The chapter text \(chapter.textPath) explains the idea behind the task.")
      }
    }
  }
}
