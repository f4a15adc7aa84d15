import ArgumentParser

/// The workshop's command: progress, tests in plain words, hints, and checks for maintainers.
@main
struct Workshop: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Learn event sourcing in Swift, one chapter at a time.",
    discussion: """
      Run it without a subcommand to see your progress and test the first unfinished chapter.
      Each chapter's text is Exercises/NN-Name/README.md; your code goes next to it.
      """,
    subcommands: [
      Start.self, Run.self, Hint.self, List.self, Watch.self, Reset.self, Doctor.self,
      Verify.self, Mutants.self, Slides.self, Demo.self,
    ],
    // A default subcommand runs when none is named: `swift run workshop` shows progress.
    defaultSubcommand: Start.self
  )
}

/// A chapter number given on the command line.
struct ChapterArgument: ParsableArguments {
  @Argument(help: "The chapter's number, such as 2.")
  var number: Int
}
