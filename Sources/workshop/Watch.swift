import ArgumentParser
import Foundation
import WorkshopKit

extension Workshop {
  /// Re-tests a chapter whenever one of its files is saved.
  struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-test a chapter whenever you save one of its files (Enter re-runs, q quits).",
      discussion: """
        Starts with the first chapter that has not passed (or the last chapter, when all have)
        and tests it again, whatever the saved progress says. A save in any chapter's folder
        re-tests that chapter; when a chapter passes, the next unfinished one is tested.
        """)

    @Flag(help: "Do not watch files; re-run only when Enter is pressed.")
    var manual = false

    @Option(help: "How often to look for saved files, in seconds.")
    var interval = 0.25

    func validate() throws {
      guard interval > 0 else { throw ValidationError("--interval must be positive.") }
    }

    func run() throws {
      let kit = try Kit()
      let terminal = SingleKeyTerminal()
      defer { terminal?.restore() }
      let keys = KeyReader()
      keys.start(quitAtEnd: manual)
      let exercises = kit.root.appendingPathComponent("Exercises")
      let state = kit.loadState()
      var current = state.firstUnfinished(in: Chapters.all) ?? Chapters.all.last
      var before = FileSnapshot(of: exercises)
      var shouldTest = true
      while true {
        if shouldTest, let chapter = current {
          // A report is replaced by the next one; the run's own first line says what runs.
          if kit.palette.isEnabled { print("\u{1B}[2J\u{1B}[H", terminator: "") }
          current = try testUntilOneFails(from: chapter, kit: kit)
          print(kit.palette.dim(usage(current)))
          flushStandardOutput()
          // An Enter pressed while the tests ran is not a request for another run.
          if keys.take() == .quit { return }
        }
        shouldTest = false
        Thread.sleep(forTimeInterval: interval)
        switch keys.take() {
        case .quit: return
        case .rerun: shouldTest = true
        case .none: break
        }
        guard !manual else { continue }
        let now = FileSnapshot(of: exercises)
        let changed = now.changedPaths(since: before)
        before = now
        if let saved = Chapters.all.first(where: { chapter in
          changed.contains { $0.contains("/\(chapter.exercisePath)/") }
        }) {
          current = saved
          shouldTest = true
        }
      }
    }

    /// Tests `chapter`, and while it passes the next chapter that has not passed; returns the
    /// first that fails, or the last tested when they all pass.
    private func testUntilOneFails(from chapter: Chapter, kit: Kit) throws -> Chapter {
      var chapter = chapter
      while case .passed = try kit.runAndReport(chapter, quietIfPassed: true) {
        let state = kit.loadState()
        guard let next = state.firstUnfinished(in: Chapters.all), next != chapter else {
          print(kit.palette.green("Every chapter passes. Congratulations!"))
          return chapter
        }
        chapter = next
      }
      return chapter
    }

    private func usage(_ chapter: Chapter?) -> String {
      let rerun = chapter.map { "Enter re-tests chapter \($0.number)" } ?? "Enter re-tests"
      return manual
        ? "\(rerun), q quits."
        : "Watching Exercises/: save a file to re-test its chapter; \(rerun), q quits."
    }
  }
}

/// The modification times and sizes of the Swift files under a folder, to notice a save by polling
/// (which works the same on Linux and macOS, and with editors that replace files on save).
struct FileSnapshot: Equatable {
  private struct Stamp: Equatable {
    let modified: Date?
    let size: Int?
  }

  private var stamps: [String: Stamp] = [:]

  init(of folder: URL) {
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
    // Swift files only: an editor's swap and backup files change while the learner types.
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let values = try? url.resourceValues(forKeys: Set(keys))
      stamps[url.path] = Stamp(modified: values?.contentModificationDate, size: values?.fileSize)
    }
  }

  /// The paths added, removed or changed since `earlier`.
  func changedPaths(since earlier: FileSnapshot) -> [String] {
    Set(stamps.keys).union(earlier.stamps.keys).filter { stamps[$0] != earlier.stamps[$0] }
      .sorted()
  }
}
