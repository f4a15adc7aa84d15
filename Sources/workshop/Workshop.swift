import ArgumentParser

@main
struct Workshop: ParsableCommand {
  func run() throws {}
}
