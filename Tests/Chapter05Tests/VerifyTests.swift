import Chapter05
import Foundation
import Testing

import struct EventSourcing.StoredEvent
import GivenDatabase
import GivenRecorder

@Suite("Chapter 5, task 4: verification catches tampering")
struct VerifyTests {
  let id = UUID()

  /// Fido's five events, linked with the task 1 hash (not with chain(_:), so that these
  /// tests need only task 1).
  func intactChain() throws -> [ChainedEvent] {
    link(try fidoHistory(id: id, tricks: ["sit", "stay", "roll over", "beg"]))
  }

  func link(_ events: [StoredEvent], from start: Data = HashChain.genesis) -> [ChainedEvent] {
    var previous = start
    return events.map { event in
      let hash = HashChain.hash(of: event, previous: previous)
      defer { previous = hash }
      return ChainedEvent(event: event, previousHash: previous, hash: hash)
    }
  }

  /// A copy of `event` with other state, and the same place in the history.
  func altered(_ event: StoredEvent, state: Data) -> StoredEvent {
    StoredEvent(
      originatorID: event.originatorID, originatorVersion: event.originatorVersion,
      topic: event.topic, state: state)
  }

  /// Expects `verify` to name `version`, both alone and against the intact chain's head hash:
  /// every link is checked before the head.
  func expectFailure(at version: Int, _ chain: [ChainedEvent], _ what: String) throws {
    let head = try #require(try intactChain().last?.hash)
    #expect(
      throws: HashChainError.doesNotVerify(originatorID: id, version: version),
      "Task 4: \(what) should throw doesNotVerify naming version \(version)."
    ) {
      try HashChain.verify(chain)
    }
    #expect(
      throws: HashChainError.doesNotVerify(originatorID: id, version: version),
      """
      Task 4: \(what) should throw doesNotVerify naming version \(version) also when the head \
      hash is given: check every link first, the head last.
      """
    ) {
      try HashChain.verify(chain, head: head)
    }
  }

  @Test("Task 4: an intact chain verifies, with and without its head hash")
  func intactChainVerifies() throws {
    let chain = try intactChain()
    #expect(throws: Never.self, "Task 4: an untouched chain should verify.") {
      try HashChain.verify(chain)
      try HashChain.verify(chain, head: chain.last?.hash)
      try HashChain.verify([], head: HashChain.genesis)
    }
  }

  @Test("Task 4: one changed byte of state is caught at its version")
  func changedByte() throws {
    var chain = try intactChain()
    var state = chain[2].event.state
    state[state.startIndex + 3] ^= 0x01
    chain[2] = ChainedEvent(
      event: altered(chain[2].event, state: state), previousHash: chain[2].previousHash,
      hash: chain[2].hash)
    try expectFailure(at: 3, chain, "a changed byte in version 3 (its stored hash kept)")
  }

  @Test("Task 4: a removed event is caught at the event after it")
  func removedEvent() throws {
    var chain = try intactChain()
    chain.remove(at: 2)
    try expectFailure(at: 4, chain, "removing version 3")
    try expectFailure(at: 2, Array(try intactChain().dropFirst()), "removing the first event")
  }

  @Test("Task 4: swapped events are caught at the first one out of place")
  func reorderedEvents() throws {
    var chain = try intactChain()
    chain.swapAt(1, 2)
    try expectFailure(at: 3, chain, "swapping versions 2 and 3")
  }

  @Test("Task 4: an inserted event with its own hash recomputed but a wrong link is caught")
  func insertedForgery() throws {
    let chain = try intactChain()
    let forged = StoredEvent(
      originatorID: id, originatorVersion: 2, topic: chain[1].event.topic,
      state: Data(#"{"trick":"open the fridge"}"#.utf8))
    // Its own hash is right for its content and link, but the link points nowhere.
    let badLink = Data(repeating: 0xAB, count: 32)
    let forgedLink = ChainedEvent(
      event: forged, previousHash: badLink, hash: HashChain.hash(of: forged, previous: badLink))
    var tampered = chain
    tampered.insert(forgedLink, at: 1)
    try expectFailure(
      at: 2, tampered, "a forged event linked to a hash that is not its predecessor's")
    // Linked correctly to version 1, it breaks the link of the real version 2 after it.
    var relinked = chain
    relinked.insert(contentsOf: link([forged], from: chain[0].hash), at: 1)
    try expectFailure(at: 2, relinked, "a forged event between versions 1 and 2")
  }

  @Test("Task 4: a chain cut short verifies only without its head hash")
  func truncatedChain() throws {
    let chain = try intactChain()
    let head = chain[chain.count - 1].hash
    let cut = Array(chain.dropLast())
    #expect(throws: Never.self, "Task 4: the links of a shortened chain still verify.") {
      try HashChain.verify(cut)
    }
    #expect(
      throws: HashChainError.headMismatch(expected: head, found: cut[cut.count - 1].hash),
      "Task 4: with the head hash kept aside, a removed newest event should throw headMismatch."
    ) {
      try HashChain.verify(cut, head: head)
    }
  }

  @Test("Task 4: an emptied history does not verify against the head hash kept aside")
  func emptiedHistory() throws {
    let chain = try intactChain()
    let head = try #require(chain.last?.hash)
    #expect(
      throws: HashChainError.headMismatch(expected: head, found: HashChain.genesis),
      """
      Task 4: with every event removed, verify([], head:) should throw headMismatch (found: the \
      genesis): compare the head with the hash the walk ends in, even for an empty chain.
      """
    ) {
      try HashChain.verify([], head: head)
    }
    let first = Array(chain.prefix(1))
    #expect(
      throws: HashChainError.headMismatch(expected: head, found: chain[0].hash),
      "Task 4: a history cut down to its first event should throw headMismatch against the head."
    ) {
      try HashChain.verify(first, head: head)
    }
  }

  @Test("Task 4: a changed event in a chain cut short is named before the missing end")
  func changedAndCut() throws {
    var chain = try intactChain()
    let head = try #require(chain.last?.hash)
    chain.removeLast()
    chain[1] = ChainedEvent(
      event: altered(chain[1].event, state: Data(#"{"trick":"bite"}"#.utf8)),
      previousHash: chain[1].previousHash, hash: chain[1].hash)
    #expect(
      throws: HashChainError.doesNotVerify(originatorID: id, version: 2),
      """
      Task 4: a changed version 2 in a chain cut short should throw doesNotVerify naming \
      version 2: walk every link first, and compare the head only when they all verify.
      """
    ) {
      try HashChain.verify(chain, head: head)
    }
  }

  @Test("Task 4: the hashes kept aside catch a change made with plain SQL in the database file")
  func tamperingInTheFile() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "chapter05-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("school.sqlite").path
    let chain = try intactChain()
    try await SQLiteRecorder(path: path).insert(chain.map(\.event))
    // Someone with the file teaches Fido a trick he never learnt.
    try Database(path: path).execute(
      "UPDATE stored_events SET state = ? WHERE originator_version = 4",
      [.blob(Data(#"{"trick":"drive the car"}"#.utf8))])
    let read = try await SQLiteRecorder(path: path).events(for: id)
    let reread = zip(read, chain).map { event, kept in
      ChainedEvent(event: event, previousHash: kept.previousHash, hash: kept.hash)
    }
    try expectFailure(at: 4, reread, "state changed in the file")
  }
}
