import EventSourcing
import Foundation
import Testing

/// The kennel's second shape: it gained a capacity.
private struct Kennel: Aggregate, Equatable {
  enum Event: DomainEvent { case opened(name: String) }
  static let stateVersion = 2
  var name = ""
  var capacity = 10

  mutating func apply(_ event: Event) {
    switch event {
    case .opened(let name): self.name = name
    }
  }

  static func upcastState(_ state: inout [String: Any], from version: Int) throws {
    switch version {
    case 1: state["capacity"] = 4  // Kennels before version 2 all had four places.
    default: throw UpcastError.noUpcast(type: "Kennel", from: version)
    }
  }
}

/// A shape that changed without an upcast.
private struct Shelter: Aggregate, Equatable {
  enum Event: DomainEvent { case opened }
  var capacity: Int
  init() { capacity = 0 }
  mutating func apply(_ event: Event) {}
}

@Suite("Upcasting snapshots of an older shape")
struct UpcastingTests {
  let mapper = Mapper()

  private func storedSnapshot(topic: String, json: String) -> StoredEvent {
    StoredEvent(originatorID: UUID(), originatorVersion: 1, topic: topic, state: Data(json.utf8))
  }

  @Test("A snapshot of shape 1 is upcast to the current shape")
  func upcast() throws {
    let stored = storedSnapshot(
      topic: Mapper.snapshotTopic(of: Kennel.self),
      json: #"{"stateVersion":1,"createdOn":0,"modifiedOn":0,"state":{"name":"North"}}"#)
    let snapshot = try mapper.snapshot(Kennel.self, from: stored)
    #expect(snapshot.state.name == "North")
    #expect(snapshot.state.capacity == 4)
  }

  @Test("A snapshot of the current shape is read as it is")
  func currentShape() throws {
    let kennel = try EventSourced<Kennel>(
      replaying: [RecordedEvent(originatorID: UUID(), originatorVersion: 1, timestamp: Date(), event: .opened(name: "South"))])
    let stored = try mapper.storedSnapshot(kennel.snapshot)
    #expect(try mapper.snapshot(Kennel.self, from: stored) == kennel.snapshot)
  }

  @Test("A changed shape without an upcast fails with an error that says what to do")
  func changedShape() throws {
    let stored = storedSnapshot(
      topic: Mapper.snapshotTopic(of: Shelter.self),
      json: #"{"stateVersion":1,"createdOn":0,"modifiedOn":0,"state":{}}"#)
    do {
      _ = try mapper.snapshot(Shelter.self, from: stored)
      Issue.record("an old shape must not decode")
    } catch let error as MapperError {
      guard case .damagedRecord(let id, let version, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(id == stored.originatorID)
      #expect(version == 1)
      #expect(error.description.contains("stateVersion"))
      #expect(error.description.contains("upcastState"))
    }
  }

  @Test("An old shape with no upcast for its version names the type and version")
  func missingUpcast() throws {
    let stored = storedSnapshot(
      topic: Mapper.snapshotTopic(of: Kennel.self),
      json: #"{"stateVersion":0,"createdOn":0,"modifiedOn":0,"state":{"name":"West"}}"#)
    #expect(throws: UpcastError.noUpcast(type: "Kennel", from: 0)) {
      try mapper.snapshot(Kennel.self, from: stored)
    }
  }

  @Test("A snapshot of another aggregate type is refused by topic")
  func wrongType() throws {
    let stored = storedSnapshot(topic: Mapper.snapshotTopic(of: Kennel.self), json: "{}")
    #expect(throws: MapperError.self) { try mapper.snapshot(Shelter.self, from: stored) }
  }
}
