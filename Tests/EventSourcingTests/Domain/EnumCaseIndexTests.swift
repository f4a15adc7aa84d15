import Foundation
import Testing

@testable import EventSourcing

@Suite("Enumeration case indexes")
struct EnumCaseIndexTests {
  enum Payloads {
    case registered(name: String)
    case trickAdded(trick: String, at: Int)
    case walked
    case renamed(String)
    case weighed(Double)
    case vaccinated
  }

  enum OnePayload {
    case named(String)
    case anonymous
    case unknown
  }

  enum NoPayloads {
    case sit, stay, roll, fetch
  }

  enum Singleton {
    case only
  }

  indirect enum Tree {
    case leaf(Int)
    case pair(Tree, Tree)
    case empty
  }

  enum Box<Value> {
    case full(Value)
    case wrapped([Value])
    case empty
  }

  final class Owner {
    let name: String
    init(name: String) { self.name = name }
  }

  struct Address {
    var street, town, country, code, note: String
  }

  enum LargePayloads {
    case moved(Address)
    case adopted(Owner)
    case lost
  }

  enum FoundationPayloads {
    case dated(Date)
    case linked(URL)
    case identified(UUID)
    case attached(Data)
    case maybe(String?)
    case none
  }

  /// Checks that values of one case share an index and values of different cases do not.
  private func expectDistinct<T>(_ casesAndValues: [[T]]) {
    var seen: [UInt32] = []
    for values in casesAndValues {
      let indexes = values.map { EnumCaseIndex.of($0) }
      #expect(indexes.allSatisfy { $0 != nil && $0 == indexes[0] })
      if let index = indexes[0] {
        #expect(!seen.contains(index))
        seen.append(index)
      }
    }
  }

  @Test("Values of one case share an index, and each case has its own")
  func distinct() {
    expectDistinct([
      [Payloads.registered(name: "Fido"), .registered(name: "")],
      [.trickAdded(trick: "sit", at: 1), .trickAdded(trick: String(repeating: "x", count: 99), at: -1)],
      [.walked], [.renamed("Rex"), .renamed("")], [.weighed(0), .weighed(.nan)], [.vaccinated],
    ])
    expectDistinct([[OnePayload.named("a"), .named("")], [.anonymous], [.unknown]])
    expectDistinct([[NoPayloads.sit], [.stay], [.roll], [.fetch]])
    expectDistinct([[Singleton.only]])
    expectDistinct([
      [FoundationPayloads.dated(Date()), .dated(.distantPast)],
      [.linked(URL(fileURLWithPath: "/tmp")), .linked(URL(fileURLWithPath: "/"))],
      [.identified(UUID()), .identified(UUID())], [.attached(Data()), .attached(Data([1, 2]))],
      [.maybe(nil), .maybe("x")], [.none],
    ])
    expectDistinct([
      [Tree.leaf(1), .leaf(0)], [.pair(.leaf(1), .empty), .pair(.empty, .empty)], [.empty],
    ])
    expectDistinct([[Box.full(1), .full(0)], [.wrapped([1]), .wrapped([])], [Box<Int>.empty]])
    expectDistinct([[Box.full("a")], [.wrapped(["a", "b"])], [Box<String>.empty]])
    let address = Address(street: "1 Lane", town: "Town", country: "UK", code: "X", note: "")
    expectDistinct([
      [LargePayloads.moved(address)], [.adopted(Owner(name: "Ann"))], [.lost],
    ])
  }

  @Test("Values of other kinds have no index")
  func otherKinds() {
    struct Plain { var name: String }
    #expect(EnumCaseIndex.of(Plain(name: "Fido")) == nil)
    #expect(EnumCaseIndex.of(Owner(name: "Ann")) == nil)
    #expect(EnumCaseIndex.of(42) == nil)
    #expect(EnumCaseIndex.of("text") == nil)
    #expect(EnumCaseIndex.of((1, "two")) == nil)
    #expect(EnumCaseIndex.of(Optional(NoPayloads.sit)) == nil)
    #expect(EnumCaseIndex.of(Optional<NoPayloads>.none) == nil)
  }
}
