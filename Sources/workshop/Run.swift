import ArgumentParser
import WorkshopKit

extension Workshop {
  /// Tests one chapter and explains the result task by task.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Test one chapter and show, per task, what passes and what to do next.")

    @OptionGroup var chapter: ChapterArgument

    func run() throws {
      let kit = try Kit()
      let result = try kit.runAndReport(try kit.chapter(chapter.number))
      guard case .passed = result else { throw ExitCode.failure }
    }
  }
}
