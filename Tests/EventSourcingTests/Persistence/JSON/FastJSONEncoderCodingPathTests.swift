import Foundation
import Testing

@testable import EventSourcing

/// The encoder works coding paths out only when asked for them, from the containers open at
/// the time: these tests ask from every kind of position.
@Suite("The fast JSON encoder's coding paths")
struct FastJSONEncoderCodingPathTests {
  /// Where the paths that conformances saw are written down, in the order they saw them.
  final class PathLog: @unchecked Sendable {
    var paths: [String] = []

    func note(_ place: String, _ path: [any CodingKey]) {
      paths.append(place + ": " + path.map(\.stringValue).joined(separator: "/"))
    }
  }

  /// Notes the paths of its encoder and of containers it opens, at every level it writes.
  struct Recorder: Encodable {
    let log: PathLog
    let depth: Int

    private enum Keys: String, CodingKey { case name, list, inner, nested, number }
    private enum InnerKeys: String, CodingKey { case deeper, value }

    func encode(to encoder: any Encoder) throws {
      log.note("encoder", encoder.codingPath)
      var container = encoder.container(keyedBy: Keys.self)
      log.note("keyed", container.codingPath)
      try container.encode("fido", forKey: .name)
      try container.encode(3.5, forKey: .number)
      var list = container.nestedUnkeyedContainer(forKey: .list)
      log.note("list", list.codingPath)
      try list.encode(1)
      var inList = list.nestedContainer(keyedBy: InnerKeys.self)
      log.note("keyed in list", inList.codingPath)
      try inList.encode(true, forKey: .value)
      var deeper = inList.nestedUnkeyedContainer(forKey: .deeper)
      log.note("list in keyed in list", deeper.codingPath)
      try deeper.encode("x")
      if depth > 0 {
        try list.encode(Recorder(log: log, depth: depth - 1))
        try container.encode(Recorder(log: log, depth: depth - 1), forKey: .inner)
      }
      var nested = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .nested)
      log.note("nested", nested.codingPath)
      try nested.encode(Single(log: log), forKey: .value)
    }
  }

  /// Notes the path of a single-value container.
  struct Single: Encodable {
    let log: PathLog

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      log.note("single", container.codingPath)
      try container.encode(7)
    }
  }

  @Test("Conformances see the path from the root to where they are, at every depth")
  func fullPaths() throws {
    let log = PathLog()
    _ = try FastJSONEncoder().encode(Recorder(log: log, depth: 1))
    // Foundation's JSONEncoder leaves the container's part out of some of these paths (it
    // gives "Index 2" for "list/Index 2", and "value" for "nested/value"); this encoder gives
    // the whole path, as it did when containers carried their paths as arrays.
    let inner = [
      "encoder: P", "keyed: P", "list: P/list", "keyed in list: P/list/Index 1",
      "list in keyed in list: P/list/Index 1/deeper", "nested: P/nested", "single: P/nested/value",
    ]
    let expected =
      ["encoder: ", "keyed: ", "list: list", "keyed in list: list/Index 1",
       "list in keyed in list: list/Index 1/deeper"]
      + inner.map { $0.replacingOccurrences(of: "P", with: "list/Index 2") }
      + inner.map { $0.replacingOccurrences(of: "P", with: "inner") }
      + ["nested: nested", "single: nested/value"]
    #expect(log.paths == expected)
  }

  @Test("Values in nested containers and nested arrays see their whole path")
  func nestedValues() throws {
    struct Leaf: Encodable {
      let log: PathLog
      func encode(to encoder: any Encoder) throws {
        log.note("leaf", encoder.codingPath)
        var container = encoder.unkeyedContainer()
        try container.encode(1)
      }
    }
    struct Tree: Encodable {
      let log: PathLog
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONCodingKey.self)
        try container.encode(Leaf(log: log), forKey: JSONCodingKey(stringValue: "a"))
        var nested = container.nestedContainer(
          keyedBy: JSONCodingKey.self, forKey: JSONCodingKey(stringValue: "b"))
        try nested.encode(Leaf(log: log), forKey: JSONCodingKey(stringValue: "c"))
        try nested.encode([[Leaf(log: log)]], forKey: JSONCodingKey(stringValue: "d"))
      }
    }
    let log = PathLog()
    _ = try FastJSONEncoder().encode(Tree(log: log))
    // JSONEncoder gives "c" and "d/Index 0/Index 0": it leaves out the nested container's key.
    #expect(log.paths == ["leaf: a", "leaf: b/c", "leaf: b/d/Index 0/Index 0"])
  }

  @Test("Members written through the object writer see the member's key")
  func objectWriterMembers() throws {
    let log = PathLog()
    _ = try FastJSONEncoder().encodeObject(fallback: ["unused": 1]) { object in
      try object.member("first", 1)
      try object.member("event", Recorder(log: log, depth: 0))
    }
    #expect(log.paths.first == "encoder: event")
    #expect(log.paths.contains("list in keyed in list: event/list/Index 1/deeper"))
  }

  @Test("A value JSON cannot hold is named by its path, deep in containers")
  func nonFiniteDeep() throws {
    struct Outer: Encodable {
      let items: [[String: [Double]]]
    }
    let value = Outer(items: [["a": [1]], ["b": [2, .nan]]])
    for encode in [{ try FastJSONEncoder().encode(value) }, { try JSONEncoder().encode(value) }] {
      #expect {
        _ = try encode()
      } throws: { error in
        guard case EncodingError.invalidValue(_, let context) = error else { return false }
        return context.codingPath.map(\.stringValue) == ["items", "Index 1", "b", "Index 1"]
      }
    }
  }
}
