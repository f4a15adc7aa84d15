import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("The mapper")
struct MapperTests {
  let mapper = Mapper()

  private func recordedEvents() -> [RecordedEvent<Dog.Event>] {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    return dog.collectEvents()
  }

  @Test("A stored event keeps the envelope and names the event's topic")
  func storing() throws {
    let recorded = recordedEvents()[1]
    let stored = try mapper.storedEvent(recorded)
    #expect(stored.originatorID == recorded.originatorID)
    #expect(stored.originatorVersion == 2)
    #expect(stored.topic == "DogSchool.Dog.Event.trickAdded")
    #expect(String(decoding: stored.state, as: UTF8.self).contains("roll over"))
  }

  @Test("Domain events survive the round trip, one at a time and in a batch")
  func roundTrip() throws {
    let recorded = recordedEvents()
    let stored = try recorded.map(mapper.storedEvent)
    #expect(try mapper.recordedEvent(Dog.Event.self, from: stored[0]) == recorded[0])
    #expect(try mapper.recordedEvents(Dog.Event.self, from: stored) == recorded)
    #expect(try mapper.recordedEvents(Dog.Event.self, from: []).isEmpty)
  }

  @Test("A record of another event type is refused by name")
  func unknownTopic() throws {
    let stored = try mapper.storedEvent(recordedEvents()[0])
    let foreign = StoredEvent(
      originatorID: stored.originatorID, originatorVersion: 1, topic: "Cattery.Cat.Event.adopted",
      state: stored.state)
    #expect(
      throws: MapperError.unknownTopic(
        topic: "Cattery.Cat.Event.adopted", expected: "DogSchool.Dog.Event",
        originatorID: stored.originatorID, version: 1)
    ) {
      try mapper.recordedEvent(Dog.Event.self, from: foreign)
    }
    // A topic that merely starts with the type's name is another type.
    let lookalike = StoredEvent(
      originatorID: stored.originatorID, originatorVersion: 1, topic: "DogSchool.Dog.EventLog",
      state: stored.state)
    #expect(throws: MapperError.self) { try mapper.recordedEvent(Dog.Event.self, from: lookalike) }
  }

  @Test("A renamed type is read from its old topic through an alias")
  func renamedTopic() throws {
    let recorded = recordedEvents()
    let stored = try recorded.map(mapper.storedEvent).map {
      StoredEvent(
        originatorID: $0.originatorID, originatorVersion: $0.originatorVersion,
        topic: $0.topic.replacingOccurrences(of: "DogSchool.Dog.Event", with: "Kennel.Hound.Event"),
        state: $0.state)
    }
    #expect(throws: MapperError.self) { try mapper.recordedEvents(Dog.Event.self, from: stored) }
    let aliased = Mapper(topicAliases: ["Kennel.Hound.Event": "DogSchool.Dog.Event"])
    #expect(aliased.currentTopic(of: "Kennel.Hound.Event.registered") == "DogSchool.Dog.Event.registered")
    #expect(try aliased.recordedEvents(Dog.Event.self, from: stored) == recorded)
  }

  @Test("A damaged record in a batch is named by aggregate and version")
  func damagedRecord() throws {
    let recorded = recordedEvents()
    var stored = try recorded.map(mapper.storedEvent)
    stored[1] = StoredEvent(
      originatorID: stored[1].originatorID, originatorVersion: 2, topic: stored[1].topic,
      state: Data("{\"timestamp\": oops".utf8))
    do {
      _ = try mapper.recordedEvents(Dog.Event.self, from: stored)
      Issue.record("a damaged record must not decode")
    } catch let MapperError.damagedRecord(originatorID, version, _) {
      #expect(originatorID == recorded[1].originatorID)
      #expect(version == 2)
    }
  }

  @Test("Compression and encryption run in order: compress on write, decrypt first on read")
  func pipelineOrder() throws {
    let log = StepLog()
    let mapper = Mapper(compressor: TaggingCompressor(log: log), cipher: TaggingCipher(log: log))
    let recorded = recordedEvents()[0]
    let stored = try mapper.storedEvent(recorded)
    #expect(stored.state.starts(with: Data("cipher:compressed:".utf8)))
    #expect(try mapper.recordedEvent(Dog.Event.self, from: stored) == recorded)
    #expect(log.steps == ["compress", "encrypt", "decrypt", "decompress"])
  }

  @Test("A cipher that does not authenticate becomes an error naming the record")
  func unauthenticated() throws {
    let mapper = Mapper(cipher: TaggingCipher(log: StepLog()))
    let stored = try mapper.storedEvent(recordedEvents()[0])
    let tampered = StoredEvent(
      originatorID: stored.originatorID, originatorVersion: 1, topic: stored.topic,
      state: Data("forged".utf8))
    #expect(throws: MapperError.unauthenticated(originatorID: stored.originatorID, version: 1)) {
      try mapper.recordedEvent(Dog.Event.self, from: tampered)
    }
  }
}

// MARK: - Test doubles

/// Records the order in which pipeline steps run.
private final class StepLog: Sendable {
  private let storage = LockedArray<String>()
  var steps: [String] { storage.values }
  func append(_ step: String) { storage.append(step) }
}

/// Prefixes data with a tag, and refuses data without it.
private struct Tagger {
  let tag: Data
  func add(_ data: Data) -> Data { tag + data }
  func remove(_ data: Data) throws -> Data {
    guard data.starts(with: tag) else { throw TagMissing() }
    return data.dropFirst(tag.count)
  }
}

private struct TagMissing: Error {}

private struct TaggingCompressor: Compressor {
  let log: StepLog
  private let tagger = Tagger(tag: Data("compressed:".utf8))
  init(log: StepLog) { self.log = log }
  func compress(_ data: Data) throws -> Data {
    log.append("compress")
    return tagger.add(data)
  }
  func decompress(_ data: Data) throws -> Data {
    log.append("decompress")
    return try tagger.remove(data)
  }
}

private struct TaggingCipher: Cipher {
  let log: StepLog
  private let tagger = Tagger(tag: Data("cipher:".utf8))
  init(log: StepLog) { self.log = log }
  func encrypt(_ plaintext: Data) throws -> Data {
    log.append("encrypt")
    return tagger.add(plaintext)
  }
  func decrypt(_ ciphertext: Data) throws -> Data {
    log.append("decrypt")
    return try tagger.remove(ciphertext)
  }
}
