import DogSchool
@testable import EventSourcing
import Foundation
import Testing

/// Loading histories longer than one page, which the repository reads page by page and
/// decodes in parallel: the result, the hash-chain checks and the error reported must be the
/// same as when every record is read one after another.
@Suite("Long histories")
struct LongHistoryTests {
  static let page = Repository.replayPageSize
  /// Three full pages and part of a fourth.
  static let length = 3 * page + 17

  /// Saves Fido with `length` events, in several saves, and returns his ID.
  func saveLongHistory(in app: Application) async throws -> UUID {
    var dog = EventSourced<Dog>.register(name: "Fido")
    for index in 1..<Self.length {
      dog.addTrick("trick \(index)")
      if dog.pendingEvents.count == 500 {
        try await app.save(&dog)
        // Loaded again, so that the next save links to the hash of the last event saved.
        dog = try await app.repository.get(dog.id, as: Dog.self)
      }
    }
    try await app.save(&dog)
    return dog.id
  }

  func expectFailure(
    _ app: Application, _ id: UUID, atVersion version: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async {
    do {
      _ = try await app.repository.get(id, as: Dog.self)
      Issue.record("the damaged aggregate loaded", sourceLocation: sourceLocation)
    } catch MapperError.integrityViolation(let originatorID, let failedVersion, _),
      MapperError.damagedRecord(let originatorID, let failedVersion, _)
    {
      #expect(originatorID == id, sourceLocation: sourceLocation)
      #expect(failedVersion == version, sourceLocation: sourceLocation)
    } catch {
      Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    }
  }

  static let recorders: [@Sendable () throws -> any ApplicationRecorder] = [
    { InMemoryRecorder() }, { try SQLiteRecorder(path: ":memory:") }, { EditableRecorder() },
  ]

  @Test("loads as replaying every record in turn does", arguments: 0..<recorders.count)
  func loadsAsReplayingInTurn(recorder: Int) async throws {
    let stored = try Self.recorders[recorder]()
    let app = Application(recorder: stored, mapper: Mapper(hashChain: HashChain()))
    let id = try await saveLongHistory(in: app)
    let records = try await stored.events(for: id, after: nil, through: nil, limit: nil)
    let expected = try EventSourced<Dog>(
      replaying: app.mapper.recordedEvents(Dog.Event.self, from: records))

    let dog = try await app.repository.get(id, as: Dog.self)
    #expect(dog == expected)
    #expect(dog.version == Self.length)
    #expect(dog.tricks.last == "trick \(Self.length - 1)")
    #expect(try await app.repository.headHash(of: id) == (try app.mapper.headHash(of: records)))
    for version in [Self.page - 1, Self.page, Self.page + 1, 2 * Self.page + 5] {
      let past = try await app.repository.get(id, as: Dog.self, version: version)
      #expect(past.version == version)
      #expect(past.tricks.count == version - 1)
      #expect(
        try await app.repository.headHash(of: id, version: version)
          == (try app.mapper.headHash(of: Array(records.prefix(version)))))
    }
  }

  @Test("a change on either side of a page boundary names its version")
  func changesAtPageBoundaries() async throws {
    for version in [Self.page, Self.page + 1, 2 * Self.page + 1, Self.length] {
      let recorder = EditableRecorder()
      let app = Application(recorder: recorder, mapper: Mapper(hashChain: HashChain()))
      let id = try await saveLongHistory(in: app)
      recorder.replaceState(of: id, version: version) { state in
        Data(String(decoding: state, as: UTF8.self).replacing("trick", with: "treat").utf8)
      }
      await expectFailure(app, id, atVersion: version)
    }
  }

  @Test("a removed event at the start of a page is found by the link across the boundary")
  func removedFirstEventOfAPage() async throws {
    let recorder = EditableRecorder()
    let app = Application(recorder: recorder, mapper: Mapper(hashChain: HashChain()))
    let id = try await saveLongHistory(in: app)
    // Page two now starts one event later, so only the link across the boundary is broken.
    recorder.edit {
      $0.removeAll { $0.originatorID == id && $0.originatorVersion == Self.page + 1 }
    }
    await expectFailure(app, id, atVersion: Self.page + 2)
  }

  @Test("an unchained record after chained ones at a page boundary is refused")
  func unchainedRecordAtABoundary() async throws {
    let recorder = EditableRecorder()
    let app = Application(recorder: recorder, mapper: Mapper(hashChain: HashChain()))
    let id = try await saveLongHistory(in: app)
    // The record without its frame: what a store written without hash chains would hold.
    recorder.replaceState(of: id, version: 2 * Self.page + 1) {
      Data($0.dropFirst(HashChainEnvelope.headerSize))
    }
    await expectFailure(app, id, atVersion: 2 * Self.page + 1)
  }

  @Test("with faults in several pages, the earliest is reported")
  func earliestFaultWins() async throws {
    let recorder = EditableRecorder()
    let app = Application(recorder: recorder)
    let id = try await saveLongHistory(in: app)
    for version in [Self.length - 3, 2 * Self.page + 10, Self.page + 10] {
      recorder.replaceState(of: id, version: version) { _ in Data("{\"broken\":".utf8) }
    }
    await expectFailure(app, id, atVersion: Self.page + 10)
  }

  @Test("of a gap in the versions and a damaged record in another page, the earlier is reported")
  func gapAndDamageInDifferentPages() async throws {
    let pairs = [(Self.page + 10, 3 * Self.page + 2), (3 * Self.page + 2, Self.page + 10)]
    for (gap, damaged) in pairs {
      let recorder = EditableRecorder()
      let app = Application(recorder: recorder)
      let id = try await saveLongHistory(in: app)
      recorder.edit { $0.removeAll { $0.originatorID == id && $0.originatorVersion == gap } }
      recorder.replaceState(of: id, version: damaged) { _ in Data("{\"broken\":".utf8) }
      do {
        _ = try await app.repository.get(id, as: Dog.self)
        Issue.record("the damaged aggregate loaded")
      } catch AggregateError.versionOutOfSequence(let originatorID, let expected, let found) {
        #expect(gap < damaged)
        #expect(originatorID == id)
        #expect(expected == gap)
        #expect(found == gap + 1)
      } catch MapperError.damagedRecord(let originatorID, let version, _) {
        #expect(damaged < gap)
        #expect(originatorID == id)
        #expect(version == damaged)
      }
    }
  }

  @Test("a recorder that fails while later pages are read ends the load with its error")
  func recorderFailsMidway() async throws {
    let stored = InMemoryRecorder()
    let id = try await saveLongHistory(in: Application(recorder: stored))
    let failing = FailingAfter(recorder: stored, version: 2 * Self.page)
    do {
      _ = try await Repository(recorder: failing, mapper: Mapper()).get(id, as: Dog.self)
      Issue.record("the aggregate loaded without its third page")
    } catch RecorderError.database(let code, _, let operation) {
      #expect(code == 10)
      #expect(operation == "read the third page")
    }
  }

  /// Reads from a recorder, but fails when asked for the events after `version`.
  private struct FailingAfter: AggregateRecorder {
    let recorder: any AggregateRecorder
    let version: Int

    func insert(_ events: [StoredEvent]) async throws -> [Int] {
      try await recorder.insert(events)
    }

    func events(
      for originatorID: UUID, after version: Int?, through throughVersion: Int?,
      descending: Bool, limit: Int?
    ) async throws -> [StoredEvent] {
      guard version != self.version else {
        throw RecorderError.database(
          code: 10, message: "disk I/O error", operation: "read the third page")
      }
      return try await recorder.events(
        for: originatorID, after: version, through: throughVersion, descending: descending,
        limit: limit)
    }
  }

  @Test("a history of whole pages loads, and so does each of its versions at a page's end")
  func wholePages() async throws {
    let app = Application(recorder: InMemoryRecorder(), mapper: Mapper(hashChain: HashChain()))
    var dog = EventSourced<Dog>.register(name: "Fido")
    for index in 1..<(2 * Self.page) { dog.addTrick("trick \(index)") }
    try await app.save(&dog)

    let loaded = try await app.repository.get(dog.id, as: Dog.self)
    #expect(loaded == dog)
    #expect(loaded.version == 2 * Self.page)
    for version in [Self.page, 2 * Self.page] {
      let past = try await app.repository.get(dog.id, as: Dog.self, version: version)
      #expect(past.version == version)
      #expect(past.tricks.last == "trick \(version - 1)")
    }
  }

  @Test("loading from a snapshot reads the later events in pages too")
  func snapshotThenLongTail() async throws {
    let recorder = EditableRecorder()
    let snapshots = InMemoryRecorder()
    let app = Application(
      recorder: recorder, mapper: Mapper(hashChain: HashChain()), snapshots: snapshots)
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("sit")
    try await app.save(&dog)
    try await app.takeSnapshot(of: dog.id, as: Dog.self)
    var loaded = try await app.repository.get(dog.id, as: Dog.self)
    for index in 1...(2 * Self.page + 3) { loaded.addTrick("trick \(index)") }
    try await app.save(&loaded)

    let fromSnapshot = try await app.repository.get(dog.id, as: Dog.self)
    let replayed = try await Application(recorder: recorder, mapper: app.mapper)
      .repository.get(dog.id, as: Dog.self)
    #expect(fromSnapshot == replayed)
    #expect(fromSnapshot.version == 2 * Self.page + 5)

    // The first event after the snapshot links to the hash the snapshot keeps.
    recorder.edit { $0.removeAll { $0.originatorID == dog.id && $0.originatorVersion == 3 } }
    await expectFailure(app, dog.id, atVersion: 4)
  }
}
