import ArgumentParser
import Demos
import Foundation

extension Workshop {
  /// Runs an instructor demo: a short narrated story on the real library.
  struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Run an instructor demo, pausing at each step for Enter.",
      discussion: """
        On a terminal each step waits for Enter, so that you can talk over it; otherwise (in
        CI, or piped) the demo runs straight through.
        """)

    @Flag(help: "List the demos.")
    var list = false

    @Argument(help: "The demo to run, such as time-travel.")
    var name: String?

    func validate() throws {
      guard !list else { return }
      guard let name else { throw ValidationError("Name a demo, or use --list to see them.") }
      guard Demos.named(name) != nil else {
        throw ValidationError(
          "There is no demo '\(name)'. The demos: "
            + Demos.all.map(\.name).joined(separator: ", ") + ".")
      }
    }

    func run() async throws {
      if list {
        for demo in Demos.all {
          print("  \(demo.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(demo.summary)")
        }
        return
      }
      guard let name, let demo = Demos.named(name) else { return }
      print("Demo: \(demo.name): \(demo.summary)")
      try await demo.run(narrator: Narrator())
      print("\nEnd of the demo.")
    }
  }
}
