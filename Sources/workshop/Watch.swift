import ArgumentParser
import Foundation
import Synchronization
import WorkshopKit

extension Workshop {
  /// Re-runs the current chapter whenever one of its files is saved.
  struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-test the current chapter whenever you save a file (Enter re-runs, q quits).")

    @Flag(help: "Do not watch files; re-run only when Enter is pressed.")
    var manual = false

    @Option(help: "How often to look for saved files, in seconds.")
    var interval = 1.0

    func validate() throws {
      guard interval > 0 else { throw ValidationError("--interval must be positive.") }
    }

    func run() throws {
      let kit = try Kit()
      let keys = KeyReader()
      keys.start(quitAtEnd: manual)
      print(kit.palette.dim("Watching. Save a file to re-test; press Enter to re-run, q and Enter to quit."))
      while let chapter = kit.loadState().firstUnfinished(in: Chapters.all) {
        let folder = kit.root.appendingPathComponent(chapter.exercisePath)
        // On a terminal, each run starts on a clear screen, as in rustlings' watch mode.
        if kit.palette.isEnabled { print("\u{1B}[2J\u{1B}[H", terminator: "") }
        let result = try kit.runAndReport(chapter)
        if case .passed = result { continue }
        var before = FileSnapshot(of: folder)
        waiting: while true {
          Thread.sleep(forTimeInterval: interval)
          switch keys.take() {
          case .quit: return
          case .rerun: break waiting
          case .none: break
          }
          guard !manual else { continue }
          let now = FileSnapshot(of: folder)
          if now != before {
            before = now
            break waiting
          }
        }
      }
      print(kit.palette.green("Every chapter passes. Congratulations!"))
    }
  }
}

/// The modification times of the files in a folder, to notice a save by polling (which
/// works the same on Linux and macOS, and with editors that replace files on save).
struct FileSnapshot: Equatable {
  private var times: [String: Date] = [:]

  init(of folder: URL) {
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
    while let url = enumerator?.nextObject() as? URL {
      let values = try? url.resourceValues(forKeys: [.contentModificationDateKey])
      times[url.path] = values?.contentModificationDate
    }
  }
}

/// Reads lines from standard input on a thread of its own, so that watching files and
/// waiting for Enter can happen at once.
final class KeyReader: Sendable {
  /// What the learner asked for.
  enum Request { case rerun, quit }

  private let pending = Mutex<Request?>(nil)

  /// Starts reading. At the end of the input, the reader stops, and asks to quit if
  /// `quitAtEnd` is set (in manual mode nothing else could trigger a run).
  func start(quitAtEnd: Bool) {
    let thread = Thread { [self] in
      while let line = readLine() {
        let request: Request = line.trimmingCharacters(in: .whitespaces) == "q" ? .quit : .rerun
        pending.withLock { $0 = request }
      }
      if quitAtEnd { pending.withLock { $0 = .quit } }
    }
    thread.start()
  }

  /// The latest request, if any, which is then forgotten.
  func take() -> Request? {
    pending.withLock { request in
      defer { request = nil }
      return request
    }
  }
}
