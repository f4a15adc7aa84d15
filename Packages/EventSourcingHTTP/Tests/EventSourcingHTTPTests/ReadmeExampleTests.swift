import DogSchool
import EventSourcing
import EventSourcingHTTP
import Foundation
import Hummingbird
import Logging
import Testing

/// The package README's Swift block is the code between the markers below, compiled here and
/// run; a test checks that the README still shows exactly that code.
@Suite struct ReadmeExampleTests {
  @Test("The README's example serves a log and follows it over HTTP")
  func runsTheExample() async throws {
    let school = try DogSchool()
    let dogID = try await school.registerDog(name: "Fido")
    try await school.addTrick(dogID, trick: "roll over")
    #expect(try await readmeExample(school: school) == ["roll over": 1])
  }

  @Test("The README shows the compiled example, line for line")
  func readmeMatches() throws {
    let here = URL(fileURLWithPath: #filePath)
    let readme = try String(
      contentsOf: here.deletingLastPathComponent().appendingPathComponent("../../README.md")
        .standardized, encoding: .utf8)
    let source = try String(contentsOf: here, encoding: .utf8)
    let example = try #require(
      source.components(separatedBy: "// readme: begin\n").last?
        .components(separatedBy: "    // readme: end").first)
    let dedented = example.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }
      .joined(separator: "\n")
    #expect(readme.contains("```swift\n" + dedented + "```"))
  }
}

func readmeExample(school: DogSchool) async throws -> [String: Int] {
  let (ports, port) = AsyncStream<Int>.makeStream()
  return try await withThrowingTaskGroup(of: [String: Int]?.self) { group in
    // readme: begin
    // Serve the school's notification log on 127.0.0.1 (port 0: any free port).
    let router = Router()
    NotificationLogService(log: school.notificationLog).addRoutes(to: router)
    let server = Application(
      router: router,
      server: .http1(configuration: .init(idleTimeout: .seconds(30))),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in port.yield(channel.localAddress?.port ?? 0) },
      logger: Logger(label: "school", factory: { _ in SwiftLogNoOpLogHandler() }))
    group.addTask {
      try await server.runService()
      return nil
    }

    // Follow it from elsewhere: a log over a remote recorder, read as a local one.
    var listening = ports.makeAsyncIterator()
    let url = "http://127.0.0.1:\(await listening.next() ?? 0)/notifications"
    let view = InMemoryDogsPerTrickView()
    let follower = Follower(
      following: "DogSchool", log: NotificationLog(recorder: RemoteApplicationRecorder(url: url)),
      projection: DogsPerTrick<InMemoryDogsPerTrickView>(mapper: Mapper()), view: view)
    try await follower.catchUp()
    // readme: end
    group.cancelAll()
    return try await view.allCounts()
  }
}
