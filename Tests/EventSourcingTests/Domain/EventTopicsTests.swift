import EventSourcing
import Foundation
import Testing

@Suite("Event topics")
struct EventTopicsTests {
  enum Event: DomainEvent {
    case registered(name: String)
    case trickAdded(trick: String, at: Int)
    case walked
    case renamed(String)
  }

  indirect enum Nested: DomainEvent {
    case leaf
    case pair(Nested, Nested)
  }

  enum OnlyOne: DomainEvent {
    case happened
  }

  enum Renamed: DomainEvent {
    case moved
    static var typeTopic: String { "Old.Place" }
  }

  struct Plain: DomainEvent {
    var name: String
  }

  // The topics are kept per case after the first: each case is asked twice, in turns, so
  // that a cache keyed by the type alone would give the first case's topic for the others.
  @Test("An enumeration's topic names the case, with or without associated values")
  func cases() {
    let type = String(reflecting: Event.self)
    for _ in 0..<2 {
      #expect(Event.registered(name: "Fido").topic == type + ".registered")
      #expect(Event.trickAdded(trick: "sit", at: 1).topic == type + ".trickAdded")
      #expect(Event.walked.topic == type + ".walked")
      #expect(Event.renamed("Rex").topic == type + ".renamed")
    }
    #expect(Nested.pair(.leaf, .leaf).topic == String(reflecting: Nested.self) + ".pair")
    #expect(Nested.leaf.topic == String(reflecting: Nested.self) + ".leaf")
    #expect(OnlyOne.happened.topic == String(reflecting: OnlyOne.self) + ".happened")
    #expect(Renamed.moved.topic == "Old.Place.moved")
  }

  /// Every case of an enumeration with payloads of several sizes, with and without them.
  enum Mixed: DomainEvent {
    case named(String)
    case counted(Int)
    case pair(first: String, second: String)
    case empty
    case other
  }

  // Topics are looked up by case index once the index has agreed with the case's name a few
  // times: ask far more often than that, in turns, with values that differ within a case.
  @Test("Topics stay right after they are looked up by case index")
  func manyLookups() {
    let type = String(reflecting: Mixed.self)
    for round in 0..<50 {
      #expect(Mixed.named("n\(round)").topic == type + ".named")
      #expect(Mixed.counted(round).topic == type + ".counted")
      #expect(Mixed.pair(first: "", second: "\(round)").topic == type + ".pair")
      #expect(Mixed.empty.topic == type + ".empty")
      #expect(Mixed.other.topic == type + ".other")
      #expect(Event.walked.topic == String(reflecting: Event.self) + ".walked")
      #expect(Plain(name: "\(round)").topic == String(reflecting: Plain.self))
    }
  }

  @Test("Another event type's topic is the type's topic")
  func plain() {
    #expect(Plain(name: "Fido").topic == String(reflecting: Plain.self))
    #expect(Plain(name: "Rex").topic == String(reflecting: Plain.self))
  }

  @Test("Topics are the same when many tasks ask at once")
  func concurrent() async {
    let topics = await withTaskGroup(of: [String].self) { group in
      for index in 0..<8 {
        group.addTask {
          (0..<200).map { round in
            (round + index) % 2 == 0 ? Event.walked.topic : Event.registered(name: "x").topic
          }
        }
      }
      return await group.reduce(into: Set<String>()) { $0.formUnion($1) }
    }
    let type = String(reflecting: Event.self)
    #expect(topics == [type + ".walked", type + ".registered"])
  }
}
