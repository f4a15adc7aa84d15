import ArgumentParser
import Foundation
import WorkshopKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What every subcommand needs: the package root, the saved state and the way to print.
struct Kit {
  /// The workshop package's root folder (where Package.swift is).
  let root: URL
  /// Plain-words output.
  let renderer: ReportRenderer

  /// Finds the package root from the current directory upwards.
  init() throws {
    var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Exercises").path)
      || !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
    {
      let parent = folder.deletingLastPathComponent()
      guard parent.path != folder.path else {
        throw ValidationError("Run the workshop from the workshop's folder (where Package.swift is).")
      }
      folder = parent
    }
    root = folder
    let palette = Palette(
      environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    renderer = ReportRenderer(palette: palette)
  }

  /// The colours in use.
  var palette: Palette { renderer.palette }

  /// The file that keeps progress and shown hints (git ignores `.workshop/`).
  var stateURL: URL { root.appendingPathComponent(".workshop/state.json") }

  /// The saved state.
  func loadState() -> WorkshopState { WorkshopState.load(from: stateURL) }

  /// Saves the state; a failure to save is reported but does not stop the command.
  func save(_ state: WorkshopState) {
    do { try state.save(to: stateURL) } catch { print("Could not save progress: \(error)") }
  }

  /// The chapter with a number, or a usage error naming the chapters there are.
  func chapter(_ number: Int) throws -> Chapter {
    guard let chapter = Chapters.chapter(number) else {
      let numbers = Chapters.all.map { String($0.number) }.joined(separator: ", ")
      throw ValidationError("There is no chapter \(number). The chapters are \(numbers).")
    }
    return chapter
  }

  /// Runs one chapter's tests on the learner's code, prints the report and saves the status.
  @discardableResult
  func runAndReport(_ chapter: Chapter, quietIfPassed: Bool = false) throws -> ChapterResult {
    print(palette.dim("Building and testing chapter \(chapter.number)…"))
    // So the line shows before the build, even into a pipe.
    flushStandardOutput()
    let result = try TestCommand(root: root).result(of: chapter)
    var state = loadState()
    state.statuses[chapter.paddedNumber] = result.status
    save(state)
    if quietIfPassed, case .passed = result {
      print(palette.green("✔ Chapter \(chapter.number): \(chapter.title) passes."))
    } else {
      print(renderer.report(for: chapter, result: result))
    }
    if let task = result.status.nextTask {
      let files = filesMentioning("// Task \(task):", in: chapter)
      if !files.isEmpty {
        print("Look for `// Task \(task):` in " + files.joined(separator: ", ") + ".")
      }
    }
    flushStandardOutput()
    return result
  }

  /// The chapter's Swift files whose text contains `marker`, relative to the package root.
  func filesMentioning(_ marker: String, in chapter: Chapter) -> [String] {
    let folder = root.appendingPathComponent(chapter.exercisePath)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().filter { name in
      guard name.hasSuffix(".swift"),
        let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      else { return false }
      return text.contains(marker)
    }.map { "\(chapter.exercisePath)/\($0)" }
  }
}

/// Writes out what `print` has buffered, even into a pipe.
///
/// `fflush(nil)` flushes every stream, which takes each stream's lock, standard input's too:
/// nothing may block while holding that lock, which is why ``KeyReader`` reads keys with
/// `read(2)` rather than `readLine()`. (`fflush(stdout)` would name a C global that Swift 6
/// cannot prove safe to share.)
func flushStandardOutput() {
  fflush(nil)
}
