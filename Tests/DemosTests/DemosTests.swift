import Foundation
import Synchronization
import Testing

@testable import Demos

/// Runs every demo as CI would, off a terminal, and checks the lines the room must see.
@Suite("Instructor demos")
struct DemosTests {
  /// Runs a demo with a narrator that collects what it says.
  private func transcript(of demo: any Demo, files: DemoFiles = DemoFiles()) async throws -> String {
    let lines = Mutex<[String]>([])
    let narrator = Narrator(isInteractive: false) { line in lines.withLock { $0.append(line) } }
    try await demo.run(narrator: narrator, files: files)
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

  @Test("The decks' notes say where to run every demo, and name no demo that does not exist")
  func demosInDecks() throws {
    let slides = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("slides")
    let decks = try FileManager.default.contentsOfDirectory(at: slides, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
      .map { try String(contentsOf: $0, encoding: .utf8) }
      .joined(separator: "\n")
    let named = Set(decks.matches(of: /workshop demo ([a-z-]+)/).map { String($0.1) })
    #expect(named == Set(Demos.all.map(\.name)))
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

  @Test("tamper shows the rows before and after, the SQL it runs, and the refusals")
  func tamper() async throws {
    let text = try await transcript(of: TamperDemo())
    #expect(text.contains("version 3: "))
    #expect(text.contains("version 3 before: "))
    #expect(text.contains("\"roll ovar\""))
    #expect(text.contains("1 byte changed (byte "), "the demo says one byte and changes one")
    #expect(text.contains("refused: Version 3 of aggregate"))
    #expect(text.contains("UPDATE snapshots SET state = ? WHERE originator_version = 4"))
    #expect(text.contains("snapshot after: "))
    #expect(text.contains("refused: Version 4 of aggregate"))
    #expect(text.contains("CREATE TEMP TABLE swap AS"))
    #expect(text.contains("after the swap:"))
    #expect(text.contains("refused: Version 2 of aggregate"))
    #expect(!text.contains("this must not happen"))
    // SQL and bound bytes are shown as run: indented by four spaces, never shortened.
    let shown = text.split(separator: "\n").filter { $0.hasPrefix("    ") }
    #expect(shown.contains { $0.contains("UPDATE stored_events") })
    #expect(!shown.contains { $0.contains("…") })
    // The encrypted rows' nonces, as read before and after the swap: versions 2 and 3 trade.
    let nonces = text.split(separator: "\n").compactMap { line -> (String, String)? in
      guard line.hasPrefix("  version "), let nonce = line.range(of: ", nonce ") else { return nil }
      return (String(line.prefix { $0 != ":" }), String(line[nonce.upperBound...]))
    }
    try #require(nonces.count == 6, "\(nonces)")
    #expect(nonces.allSatisfy { $0.1.count == 24 })
    #expect(nonces[3].1 == nonces[0].1 && nonces[4].1 == nonces[2].1 && nonces[5].1 == nonces[1].1)
    #expect(!text.contains("not a sealed record"))
  }

  @Test("A sealed record is cut into its format mark, nonce, ciphertext and tag")
  func sealedRecord() {
    let nonce = Data(1...12)
    let record = SealedRecord(SealedRecord.formatMark + nonce + Data(count: 70) + Data(count: 16))
    #expect(record.nonce == nonce)
    #expect(record.description == "102 bytes = 4 + 12 + 70 + 16, nonce 0102030405060708090a0b0c")
    #expect(SealedRecord(Data("{}".utf8)).description == "2 bytes, not a sealed record")
    #expect(SealedRecord(SealedRecord.formatMark + nonce).nonce == nil, "no room for a tag")
  }

  @Test("A byte difference counts the bytes that differ")
  func byteDifference() {
    #expect(ByteDifference(Data("roll over".utf8), Data("roll ovar".utf8)).description == "1 byte changed (byte 7 of 9)")
    #expect(ByteDifference(Data("abc".utf8), Data("xyz".utf8)).description == "3 bytes changed")
  }

  @Test("SQLite demos remove their files, or keep them with --keep and say how to open them")
  func keptFiles() async throws {
    let text = try await transcript(of: EncryptionDemo())
    let path = try #require(text.split(separator: "\n").first { $0.hasSuffix("school.sqlite") })
      .trimmingCharacters(in: .whitespaces)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(text.contains("--keep DIR"))

    let kept = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID())")
    defer { try? FileManager.default.removeItem(at: kept) }
    let keptText = try await transcript(of: TamperDemo(), files: DemoFiles(keptFolder: kept))
    for name in ["chained", "snapshots", "encrypted"] {
      let file = kept.appendingPathComponent("tamper/\(name).sqlite").path
      #expect(FileManager.default.fileExists(atPath: file))
      #expect(keptText.contains("    sqlite3 \(file)"))
    }
  }

  @Test("A temporary database's path fits one 80-column line, as the demos show it")
  func temporaryPaths() throws {
    let folder = try DemoFiles().makeFolder(for: "notifications")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(("    " + folder.appendingPathComponent("snapshots.sqlite").path).count <= Narrator.columns)
    #expect(DemoFiles.temporaryFolder.path.count <= 16 || DemoFiles.temporaryFolder.path == "/tmp")
  }

  @Test("Every demo's output fits 80 columns")
  func columns() async throws {
    for demo in Demos.all {
      let text = try await transcript(of: demo is SnapshotsDemo ? SnapshotsDemo(eventCount: 2_500) : demo)
      for line in text.split(separator: "\n") {
        #expect(line.count <= Narrator.columns, "\(demo.name): \(line)")
      }
    }
  }

  @Test("Long words break after a comma, or where the line ends")
  func wrapping() {
    let json = #"{"event":{"trickAdded":{"trick":"roll over"}},"timestamp":817758085.1430143}"#
    #expect(Narrator.wrapped("version 3: " + json, width: 40) == [
      "version 3:", #"{"event":{"trickAdded":{"trick":"roll"#, #"over"}},"timestamp":817758085.1430143}"#,
    ])
    #expect(Narrator.wrapped(String(repeating: "ab", count: 10), width: 8) == ["abababab", "abababab", "abab"])
    #expect(Narrator.wrapped(#"{"a":1,"b":2,"c":3}"#, width: 12) == [#"{"a":1,"#, #""b":2,"c":3}"#])
  }

  @Test("Enter, space, PageDown, → and ↓ advance, also after a lone Esc; other keys do not")
  func advanceKeys() {
    func advances(_ bytes: [UInt8]) -> [Bool] {
      var keys = AdvanceKeys()
      return bytes.map { keys.read($0) }
    }
    let escape: UInt8 = 0x1B
    #expect(advances([13]) == [true])
    #expect(advances([10]) == [true])
    #expect(advances([32]) == [true])
    #expect(advances([escape, 91, 54, 126]) == [false, false, false, true], "PageDown")
    #expect(advances([escape, 91, 67]) == [false, false, true], "→")
    #expect(advances([escape, 79, 67]) == [false, false, true], "→ in application mode")
    #expect(advances([escape, 91, 66]) == [false, false, true], "↓")
    #expect(advances([escape, 91, 53, 126, 32]) == [false, false, false, false, true], "PageUp, then space")
    #expect(advances([escape, 91, 68, 120]) == [false, false, false, false], "←, then x")
    #expect(advances([escape, 32]) == [false, true], "Esc on its own, then space")
    #expect(advances([escape, escape, 91, 66]) == [false, false, false, true], "Esc, then ↓")
    #expect(
      advances([escape, 91, escape, 91, 54, 126]) == [false, false, false, false, false, true],
      "a sequence cut short, then PageDown")
  }

  @Test("encryption shows unreadable rows, then the dog, then a refused wrong key")
  func encryption() async throws {
    let text = try await transcript(of: EncryptionDemo())
    #expect(text.contains("version 1 DogSchool.Dog.Event.registered, "))
    #expect(!text.contains("{\"name"), "a stored row shows plaintext JSON")
    #expect(text.contains("Fido knows sit, roll over"))
    #expect(text.contains("refused: Version 1 of aggregate"))
    #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains("could not be authenticated"))
    #expect(!text.contains("this must not happen"))
  }

  @Test("snapshots loads the same dog both ways")
  func snapshots() async throws {
    let text = try await transcript(of: SnapshotsDemo(eventCount: 2_500))
    /// Whether the text says this, with numbers grouped by thousands as written or not at all.
    func says(_ expected: String) -> Bool {
      text.contains(expected) || text.contains(expected.replacing(/(\d),(\d)/) { "\($0.1)\($0.2)" })
    }
    #expect(says("saved 1,000 at a time"))
    #expect(says("history is at version 2,501, after 3 saves"))
    #expect(says("Fido is at version 2,504; the newest snapshot is at version 2,501"))
    #expect(says("2,504 events replayed in "))
    #expect(says("the snapshot at version 2,501 and 3 events in "))
    #expect(says("Fido: 2,503 walks"))
    #expect(text.contains("Both give the same dog."))
    let counted = try #require(text.split(separator: "\n").first { $0.contains("snapshots stored") })
    #expect(counted.contains("interval 100: 3 snapshots stored"), "\(counted)")
  }

  @Test("notifications shows the projection keeping up")
  func notifications() async throws {
    let text = try await transcript(of: NotificationsDemo())
    #expect(text.contains("dogs knowing 'sit': 3, 'roll over': 2"))
    #expect(text.contains("log at notification 8; the projection has processed it too"))
    #expect(text.contains("section 1,8: 8 notifications"))
  }
}
