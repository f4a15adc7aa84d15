import ArgumentParser
import Foundation
import WorkshopKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Workshop {
  /// Runs an instructor demo, which is the program `workshop-demo`: builds it when needed,
  /// then becomes it.
  ///
  /// The demos link the library and its cryptography. Keeping them out of this command means
  /// an attendee's first build (`workshop doctor`) never compiles them; the instructor's first
  /// demo does, once.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Run an instructor demo, pausing at each step.",
      discussion: """
        Builds the demos on first use (a minute or two), then runs `workshop-demo` with the \
        same arguments: `workshop demo --list` lists the demos, `workshop demo NAME --keep DIR` \
        keeps a demo's SQLite databases. `workshop demo --help` shows all of its options.
        """)

    @Argument(
      parsing: .captureForPassthrough,
      help: "The demo's name and options, such as `time-travel` or `--list`.")
    var arguments: [String] = []

    func run() throws {
      let kit = try Kit()
      let binPath = try Shell.run(
        ["swift", "build", "--product", "workshop-demo", "--show-bin-path"], in: kit.root)
      let folder = binPath.output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
      let program = URL(fileURLWithPath: folder).appendingPathComponent("workshop-demo").path
      if !FileManager.default.fileExists(atPath: program) {
        // Standard error: `workshop demo --list` prints only the demos on standard output.
        FileHandle.standardError.write(
          Data("Building the demos (the first time takes a minute or two)…\n".utf8))
      }
      let build = try Shell.run(["swift", "build", "--product", "workshop-demo"], in: kit.root)
      guard build.succeeded else {
        print(build.output)
        print(kit.palette.red("The demos did not build (see above)."))
        throw ExitCode.failure
      }
      // Become the demo: it owns the terminal, its keys and Ctrl-C, and its exit status is
      // this command's.
      let argv = ([program] + arguments).map { strdup($0) } + [nil]
      execv(program, argv)
      print(kit.palette.red("Could not start \(program): \(String(cString: strerror(errno)))"))
      throw ExitCode.failure
    }
  }
}
