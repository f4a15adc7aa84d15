import ArgumentParser
import WorkshopKit

extension Workshop {
  /// Shows progress and tests the first unfinished chapter (and the next, while they pass).
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show your progress and test the first unfinished chapter.")

    func run() throws {
      let kit = try Kit()
      print(kit.renderer.overview(of: Chapters.all, state: kit.loadState()))
      print("")
      // Chapters solved since the last run pass quietly, and the first one that does not
      // pass gets the full report.
      while let chapter = kit.loadState().firstUnfinished(in: Chapters.all) {
        let result = try kit.runAndReport(chapter, quietIfPassed: true)
        guard case .passed = result else { throw ExitCode.failure }
      }
      print(kit.palette.green("Every chapter passes. Congratulations!"))
    }
  }
}
