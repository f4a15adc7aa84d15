import Chapter05
import Foundation
import Testing

import struct EventSourcing.StoredEvent
import GivenDog
import GivenRecorder

/// Fido's stored events: registered, then the given tricks.
func fidoHistory(id: UUID = UUID(), tricks: [String]) throws -> [StoredEvent] {
  var dog = Dog.register(id: id, name: "Fido")
  for trick in tricks { dog.addTrick(trick) }
  return try dog.pendingEvents.map(DogEventMapper().storedEvent(from:))
}

@Suite("Chapter 5, tasks 2-3: the chain and its head")
struct ChainTests {
  @Test("Task 2: the first event links to 32 zero bytes, each later one to the hash before it")
  func linksEachEvent() throws {
    let events = try fidoHistory(tricks: ["sit", "stay", "roll over"])
    let chain = HashChain.chain(events)
    #expect(chain.count == events.count, "Task 2: chain(_:) should give one link per event.")
    guard chain.count == events.count else { return }
    #expect(
      HashChain.genesis == Data(repeating: 0, count: 32)
        && chain[0].previousHash == HashChain.genesis,
      "Task 2: the first event's previous hash should be the genesis, 32 zero bytes.")
    for index in chain.indices {
      #expect(
        chain[index].event == events[index], "Task 2: the chain should keep the events in order.")
      #expect(
        chain[index].hash == HashChain.hash(of: events[index], previous: chain[index].previousHash),
        "Task 2: each hash should be hash(of: event, previous: previousHash).")
      if index > 0 {
        #expect(
          chain[index].previousHash == chain[index - 1].hash,
          "Task 2: each event's previous hash should be the hash of the event before it.")
      }
    }
  }

  @Test("Task 2: no events give an empty chain")
  func emptyChain() throws {
    #expect(HashChain.chain([]).isEmpty, "Task 2: chain([]) should be empty.")
    let one = try fidoHistory(tricks: [])
    #expect(HashChain.chain(one).count == 1, "Task 2: one event gives a chain of one link.")
  }

  @Test("Task 3: the head hash is the newest event's hash, and genesis for no events")
  func headIsTheLastHash() throws {
    let events = try fidoHistory(tricks: ["sit", "stay"])
    let expected = HashChain.hash(
      of: events[2],
      previous: HashChain.hash(
        of: events[1], previous: HashChain.hash(of: events[0], previous: HashChain.genesis)))
    #expect(
      HashChain.headHash(of: events) == expected && expected.count == 32,
      "Task 3: headHash should be the hash of the newest event, linked through every event before it."
    )
    #expect(
      HashChain.headHash(of: []) == HashChain.genesis,
      "Task 3: with no events the head hash is the genesis (32 zero bytes).")
  }

  @Test("Task 3: changing, removing or adding any event changes the head hash")
  func headCoversEveryEvent() throws {
    let id = UUID()
    let events = try fidoHistory(id: id, tricks: ["sit", "stay", "roll over"])
    let head = HashChain.headHash(of: events)
    var changed = events
    changed[1] = StoredEvent(
      originatorID: id, originatorVersion: 2, topic: events[1].topic,
      state: Data(#"{"trick":"sat"}"#.utf8))
    let others = [
      ("a changed first trick", changed),
      ("a removed newest event", Array(events.dropLast())),
      ("a removed oldest event", Array(events.dropFirst())),
      ("an added event", try fidoHistory(id: id, tricks: ["sit", "stay", "roll over", "beg"])),
    ]
    for (what, history) in others {
      #expect(
        HashChain.headHash(of: history) != head,
        "Task 3: \(what) should change the head hash: the head covers every event.")
    }
  }
}
