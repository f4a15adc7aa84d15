import ArgumentParser
import Foundation
import WorkshopKit

extension Workshop {
  /// Restores a chapter's starter code from git, after backing up the learner's files.
  struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Restore a chapter's starter code from git, keeping a backup of your files.")

    @OptionGroup var chapter: ChapterArgument

    @Option(help: "The git commit to restore from.")
    var from = "HEAD"

    func run() throws {
      let kit = try Kit()
      let chapter = try kit.chapter(chapter.number)
      let folder = kit.root.appendingPathComponent(chapter.exercisePath)
      let backup = try backUp(folder, of: chapter, in: kit.root)
      print("Your files are backed up in \(backup).")

      let checkout = try Shell.run(
        ["git", "checkout", from, "--", chapter.exercisePath], in: kit.root)
      guard checkout.succeeded else {
        print(kit.palette.red("git could not restore \(chapter.exercisePath):"))
        print(checkout.output)
        throw ExitCode.failure
      }
      // Files the learner added are in the backup; remove them so the starter compiles as is.
      _ = try Shell.run(["git", "clean", "-fdq", "--", chapter.exercisePath], in: kit.root)

      var state = kit.loadState()
      state.statuses[chapter.paddedNumber] = .notStarted
      kit.save(state)
      print(kit.palette.green("Chapter \(chapter.number) is back to its starter code."))
    }

    /// Copies the chapter folder to `.workshop/backups/NN-Name-<date>`; returns that path.
    private func backUp(_ folder: URL, of chapter: Chapter, in root: URL) throws -> String {
      let stamp = ISO8601DateFormatter().string(from: Date())
        .replacingOccurrences(of: ":", with: "-")
      let relative = ".workshop/backups/\(chapter.folder)-\(stamp)"
      let backup = root.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: folder, to: backup)
      return relative
    }
  }
}
