import ArgumentParser
import WorkshopKit

extension Workshop {
  /// Lists the chapters with their last known status, without running anything.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the chapters and your progress (as of each chapter's last run).")

    func run() throws {
      let kit = try Kit()
      print(kit.renderer.overview(of: Chapters.all, state: kit.loadState()))
      print("")
      print("Chapter texts: Exercises/NN-Name/README.md. Test one: swift run workshop run <number>.")
    }
  }
}
