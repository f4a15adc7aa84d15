import Chapter05
import Foundation
import Testing

import struct EventSourcing.StoredEvent

@Suite("Chapter 5, task 1: the hash of one event")
struct HashTests {
  let id = UUID()
  let previous = Data((0..<32).map { UInt8($0 * 7 % 256) })

  func event(
    topic: String = "DogEvent.trickAdded", id: UUID? = nil, version: Int = 2,
    state: Data = Data(#"{"trick":"roll over"}"#.utf8)
  ) -> StoredEvent {
    StoredEvent(originatorID: id ?? self.id, originatorVersion: version, topic: topic, state: state)
  }

  @Test("Task 1: a hash is 32 bytes of SHA-256, the same for the same input")
  func sizeAndDeterminism() {
    let first = HashChain.hash(of: event(), previous: previous)
    let second = HashChain.hash(of: event(), previous: previous)
    #expect(first.count == 32, "Task 1: a SHA-256 hash has 32 bytes; this one has \(first.count).")
    #expect(first == second, "Task 1: the same event and previous hash should give the same hash.")
  }

  @Test("Task 1: the hash matches known answers, so the field order and byte forms are right")
  func knownAnswers() throws {
    let fido = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
    let zero = try #require(UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
    // Each answer is SHA-256 over topic, ID, version, state and previous, in this order, each
    // after its length as 8 bytes, most significant first (big-endian).
    let vectors: [(String, StoredEvent, Data, String)] = [
      (
        "Fido's registration (version 1) after the genesis",
        StoredEvent(
          originatorID: fido, originatorVersion: 1, topic: "DogEvent.registered",
          state: Data(#"{"name":"Fido"}"#.utf8)),
        HashChain.genesis,
        "e01556203298d5a91b0b8ae3ae2c186f23d51ea74665d4f7b0ab9a5d155bdda4"
      ),
      (
        "a trick with non-ASCII state at version 12",
        StoredEvent(
          originatorID: fido, originatorVersion: 12, topic: "DogEvent.trickAdded",
          state: Data(#"{"trick":"über 🐕"}"#.utf8)),
        previous,
        "36ceae8c91f179d5a0ecb847e1c0d5ee163398c83687a6220807564a0ba791fc"
      ),
      (
        "empty state at version 300",
        StoredEvent(
          originatorID: zero, originatorVersion: 300, topic: "DogEvent.trickAdded", state: Data()),
        Data(0..<32),
        "13574ce1a59a389fa92725a7ee9391a3212e81db2922b226e6ce689c2483bee6"
      ),
    ]
    for (what, event, previous, expected) in vectors {
      let found = HashChain.hash(of: event, previous: previous).map { String(format: "%02x", $0) }
        .joined()
      #expect(
        found == expected,
        """
        Task 1: the hash of \(what) should be \(expected), not \(found). Hash the topic, the \
        originator ID (uuidString), the version (decimal digits), the state and the previous \
        hash, in this order, each after its length as 8 bytes big-endian (UInt64(count).bigEndian).
        """)
    }
  }

  @Test("Task 1: every field changes the hash: topic, originator ID, version, state, previous")
  func everyFieldCounts() {
    let base = HashChain.hash(of: event(), previous: previous)
    let changes: [(String, Data)] = [
      ("topic", HashChain.hash(of: event(topic: "DogEvent.registered"), previous: previous)),
      ("originator ID", HashChain.hash(of: event(id: UUID()), previous: previous)),
      ("version", HashChain.hash(of: event(version: 3), previous: previous)),
      (
        "state",
        HashChain.hash(of: event(state: Data(#"{"trick":"roll ovex"}"#.utf8)), previous: previous)
      ),
      ("previous hash", HashChain.hash(of: event(), previous: HashChain.genesis)),
    ]
    for (field, changed) in changes {
      #expect(
        changed != base && changed.count == 32,
        "Task 1: the hash should change when the \(field) changes; put the \(field) into the input."
      )
    }
  }

  @Test("Task 1: moving bytes from one field to the next gives another hash")
  func fieldsAreUnambiguous() {
    let pairs: [(String, (StoredEvent, Data), (StoredEvent, Data))] = [
      (
        "topic|state", (event(topic: "T.ab", state: Data("cd".utf8)), previous),
        (event(topic: "T.a", state: Data("bcd".utf8)), previous)
      ),
      (
        "state|topic", (event(topic: "T.cd", state: Data("ab".utf8)), previous),
        (event(topic: "bT.cd", state: Data("a".utf8)), previous)
      ),
      (
        "state|previous", (event(state: Data("ab".utf8)), previous),
        (event(state: Data("a".utf8)), Data("b".utf8) + previous)
      ),
      (
        "previous|state", (event(state: Data("b".utf8)), previous + Data("a".utf8)),
        (event(state: Data("ab".utf8)), previous)
      ),
      (
        "topic|previous", (event(topic: "T.a"), previous),
        (event(topic: "T."), Data("a".utf8) + previous)
      ),
      (
        "previous|topic", (event(topic: ".a"), previous + Data("T".utf8)),
        (event(topic: "T.a"), previous)
      ),
      (
        "version|state", (event(version: 1, state: Data("2x".utf8)), previous),
        (event(version: 12, state: Data("x".utf8)), previous)
      ),
      (
        "state|version", (event(version: 2, state: Data("x1".utf8)), previous),
        (event(version: 12, state: Data("x".utf8)), previous)
      ),
      (
        "topic|version", (event(topic: "T1", version: 2), previous),
        (event(topic: "T", version: 12), previous)
      ),
      (
        "version|topic", (event(topic: "2T", version: 1), previous),
        (event(topic: "T", version: 12), previous)
      ),
      (
        "previous|version", (event(version: 2), previous + Data("1".utf8)),
        (event(version: 12), previous)
      ),
      (
        "version|previous", (event(version: 1), Data("2".utf8) + previous),
        (event(version: 12), previous)
      ),
    ]
    for (boundary, first, second) in pairs {
      let one = HashChain.hash(of: first.0, previous: first.1)
      let other = HashChain.hash(of: second.0, previous: second.1)
      #expect(
        one != other && one.count == 32,
        "Task 1: moving a byte across \(boundary) should change the hash: write each field's length before it."
      )
    }
  }

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}
