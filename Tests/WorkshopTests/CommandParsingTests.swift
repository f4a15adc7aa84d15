import ArgumentParser
import Testing

@testable import workshop

@Suite("Parsing the workshop command line")
struct CommandParsingTests {
  @Test("No subcommand means the progress overview")
  func defaultSubcommand() throws {
    #expect(try Workshop.parseAsRoot([]) is Workshop.Start)
  }

  @Test("Chapter numbers and options reach the subcommands")
  func arguments() throws {
    let run = try #require(try Workshop.parseAsRoot(["run", "2"]) as? Workshop.Run)
    #expect(run.chapter.number == 2)
    let hint = try #require(
      try Workshop.parseAsRoot(["hint", "3", "--task", "4"]) as? Workshop.Hint)
    #expect(hint.chapter.number == 3 && hint.task == 4)
    let watch = try #require(try Workshop.parseAsRoot(["watch", "--manual"]) as? Workshop.Watch)
    #expect(watch.manual)
    let reset = try #require(try Workshop.parseAsRoot(["reset", "1"]) as? Workshop.Reset)
    #expect(reset.from == "HEAD")
  }

  @Test("A missing chapter number or a bad interval is refused")
  func refusals() {
    #expect(throws: (any Error).self) { try Workshop.parseAsRoot(["run"]) }
    #expect(throws: (any Error).self) { try Workshop.parseAsRoot(["watch", "--interval", "0"]) }
  }
}
