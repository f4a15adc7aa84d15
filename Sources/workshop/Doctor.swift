import ArgumentParser
import Foundation
import WorkshopKit

extension Workshop {
  /// Checks that the machine is ready for the workshop, and builds everything once.
  struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the toolchain and SQLite, and build everything (run this before the day).")

    func run() throws {
      let kit = try Kit()
      var problems = 0
      func report(_ ok: Bool, _ text: String, fix: String? = nil) {
        print((ok ? kit.palette.green("✔ ") : kit.palette.red("✘ ")) + text)
        if !ok {
          problems += 1
          if let fix { print("    " + fix) }
        }
      }

      let version = try? Shell.run(["swift", "--version"], in: kit.root)
      let found = version.flatMap { SwiftVersion(output: $0.output) }
      report(
        found.map { $0 >= SwiftVersion(major: 6, minor: 1) } ?? false,
        "Swift \(found?.description ?? "not found") (6.1 or later needed; the kit is tested with 6.3.1)",
        fix: "Install Swift from https://www.swift.org/install/.")

      let git = try? Shell.run(["git", "--version"], in: kit.root)
      report(git?.succeeded ?? false, "git", fix: "Install git: `workshop reset` restores starter code with it.")

      #if os(Linux)
        let headers = ["/usr/include/sqlite3.h", "/usr/local/include/sqlite3.h"]
        report(
          headers.contains { FileManager.default.fileExists(atPath: $0) },
          "SQLite headers (sqlite3.h)",
          fix: "Install them: `sudo apt-get install libsqlite3-dev` (Debian, Ubuntu).")
      #else
        report(true, "SQLite (part of the macOS SDK)")
      #endif

      print(kit.palette.dim("Building every chapter's tests and the library (the first time takes a few minutes)…"))
      let started = Date()
      // What `workshop run` and `watch` build: each chapter's code and tests, and the library.
      let package = ChapterPackage(root: kit.root, solutions: false)
      try package.write(Chapters.all)
      let build = try Shell.run(
        [
          "swift", "build", "--build-tests", "--package-path", package.folder.path,
          "--scratch-path", package.scratch.path,
        ], in: kit.root, baseEnvironment: StableEnvironment.variables())
      let seconds = Int(Date().timeIntervalSince(started).rounded())
      report(build.succeeded, "The chapters build (\(seconds) s)", fix: "The build said:")
      if !build.succeeded {
        CompilerOutput.errors(in: build.output).forEach { print("    " + $0) }
      }

      print("")
      if problems == 0 {
        print(kit.palette.green("Ready for the workshop. Start with `swift run workshop`."))
      } else {
        print(kit.palette.red("\(problems) problem(s) to fix before the workshop."))
        throw ExitCode.failure
      }
    }
  }
}
