import Synchronization
import Testing

@testable import Demos

/// Runs every demo as CI would, off a terminal, and checks the lines the room must see.
@Suite("Instructor demos")
struct DemosTests {
  /// Runs a demo with a narrator that collects what it says.
  private func transcript(of demo: any Demo) async throws -> String {
    let lines = Mutex<[String]>([])
    let narrator = Narrator(isInteractive: false) { line in lines.withLock { $0.append(line) } }
    try await demo.run(narrator: narrator)
    return lines.withLock { $0.joined(separator: "\n") }
  }

  @Test("Every demo has a unique name and a summary")
  func catalogue() {
    let names = Demos.all.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(names == ["time-travel", "concurrency", "tamper", "encryption", "snapshots", "notifications"])
    #expect(Demos.all.allSatisfy { !$0.summary.isEmpty })
    #expect(Demos.named("snapshots")?.name == "snapshots")
    #expect(Demos.named("nonsense") == nil)
  }

  @Test("time-travel shows the dog at every version")
  func timeTravel() async throws {
    let text = try await transcript(of: TimeTravelDemo())
    #expect(text.contains("version 1: Fido knows no tricks yet"))
    #expect(text.contains("version 2: Fido knows sit"))
    #expect(text.contains("version 4: Fido knows sit, roll over, fetch ball"))
    #expect(text.contains("trickAdded(trick: \"roll over\")"))
  }

  @Test("concurrency refuses the stale save and keeps both tricks after the retry")
  func concurrency() async throws {
    let text = try await transcript(of: ConcurrencyDemo())
    #expect(text.contains("refused: Version 2 of aggregate"))
    #expect(!text.contains("this must not happen"))
    #expect(text.contains("Fido knows sit, stay"))
  }

  @Test("tamper shows the changed row and the refusal that names the version")
  func tamper() async throws {
    let text = try await transcript(of: TamperDemo())
    #expect(text.contains("version 3: "))
    #expect(text.contains("refused: Version 3 of aggregate"))
    #expect(!text.contains("this must not happen"))
  }

  @Test("encryption shows unreadable rows, then the dog, then a refused wrong key")
  func encryption() async throws {
    let text = try await transcript(of: EncryptionDemo())
    #expect(text.contains("version 1 DogSchool.Dog.Event.registered: "))
    #expect(!text.contains("registered: {"), "a stored row shows plaintext JSON")
    #expect(text.contains("Fido knows sit, roll over"))
    #expect(text.contains("refused: Version 1 of aggregate"))
    #expect(text.contains("could not be authenticated"))
    #expect(!text.contains("this must not happen"))
  }

  @Test("snapshots loads the same dog both ways")
  func snapshots() async throws {
    let text = try await transcript(of: SnapshotsDemo(eventCount: 2_500))
    #expect(text.contains("version 2,501") || text.contains("version 2501"))
    #expect(text.contains("Fido: 2,500 walks") || text.contains("Fido: 2500 walks"))
    #expect(text.contains("Both give the same dog."))
    #expect(text.contains("events replayed in"))
  }

  @Test("notifications shows the projection keeping up")
  func notifications() async throws {
    let text = try await transcript(of: NotificationsDemo())
    #expect(text.contains("dogs knowing 'sit': 3, 'roll over': 2"))
    #expect(text.contains("log at notification 8; the projection has processed it too"))
    #expect(text.contains("section 1,8: 8 notifications"))
  }
}
