import DogSchool
import EventSourcing
import Foundation
import Testing

/// Every public entry point that takes an ID, a version, a position, a limit or a section ID,
/// fed the extremes: none may trap (a trap ends the whole process, an HTTP service's too);
/// each returns an answer or throws a named error.
@Suite("Extreme integers and section IDs never trap")
struct ExtremeInputTests {
  static let extremes = [Int.min, Int.min + 1, -1, 0, 1, 2, Int.max - 1, Int.max]

  /// A recorder of each kind holding three notifications of one aggregate.
  static func recorders(in folder: URL) throws -> [(String, any ApplicationRecorder)] {
    [
      ("memory", InMemoryRecorder()),
      ("SQLite", try SQLiteRecorder(path: folder.appendingPathComponent("extremes.sqlite").path)),
    ]
  }

  static func fill(_ recorder: any ApplicationRecorder) async throws -> UUID {
    let id = UUID()
    try await recorder.insert(
      (1...3).map {
        StoredEvent(originatorID: id, originatorVersion: $0, topic: "t", state: Data([1]))
      })
    return id
  }

  @Test("Selecting notifications with any start, limit and stop answers in range")
  func selections() async throws {
    try await withTemporaryDirectory { folder in
      for (kind, recorder) in try Self.recorders(in: folder) {
        _ = try await Self.fill(recorder)
        let log = NotificationLog(recorder: recorder)
        for start in Self.extremes {
          for limit in Self.extremes {
            for stop in Self.extremes.map(Optional.some) + [nil] {
              let items = try await log.select(start: start, limit: limit, stop: stop)
              #expect(
                items.allSatisfy { $0.id >= max(start, 1) && $0.id <= (stop ?? .max) },
                "\(kind): select(start: \(start), limit: \(limit), stop: \(String(describing: stop))) returned IDs out of range")
              #expect(items.count <= max(0, limit), "\(kind): more items than the limit \(limit)")
            }
          }
        }
      }
    }
  }

  @Test("Reading one aggregate's events with any bounds answers in range")
  func aggregateEvents() async throws {
    try await withTemporaryDirectory { folder in
      for (kind, recorder) in try Self.recorders(in: folder) {
        let id = try await Self.fill(recorder)
        for after in Self.extremes.map(Optional.some) + [nil] {
          for through in Self.extremes.map(Optional.some) + [nil] {
            for limit in Self.extremes.map(Optional.some) + [nil] {
              for descending in [false, true] {
                let events = try await recorder.events(
                  for: id, after: after, through: through, descending: descending, limit: limit)
                #expect(
                  events.allSatisfy {
                    $0.originatorVersion > (after ?? .min) && $0.originatorVersion <= (through ?? .max)
                  },
                  "\(kind): events(after: \(String(describing: after)), through: \(String(describing: through))) out of range")
                #expect(events.count <= max(0, limit ?? .max), "\(kind): more events than the limit")
              }
            }
          }
        }
      }
    }
  }

  @Test("Events with extreme versions are stored or refused, never a trap")
  func extremeVersions() async throws {
    try await withTemporaryDirectory { folder in
      for (kind, recorder) in try Self.recorders(in: folder) {
        for version in Self.extremes {
          let id = UUID()
          let event = StoredEvent(originatorID: id, originatorVersion: version, topic: "t", state: Data())
          try await recorder.insert([event])
          let back = try await recorder.events(for: id, after: version == .min ? nil : version - 1)
          #expect(back.map(\.originatorVersion) == [version], "\(kind): version \(version) round trip")
        }
      }
    }
  }

  @Test("Section IDs of extreme numbers give a section or a named error")
  func sectionIDs() async throws {
    let recorder = InMemoryRecorder()
    _ = try await Self.fill(recorder)
    for size in [1, 10, Int.max - 1, Int.max] {
      let log = NotificationLog(recorder: recorder, sectionSize: size)
      for first in Self.extremes {
        for last in Self.extremes {
          let id = "\(first),\(last)"
          do {
            let section = try await log.section(id)
            #expect(first >= 1 && last >= first, "section \(id) should have been refused")
            #expect(section.items.allSatisfy { $0.id >= first && $0.id <= last })
          } catch let error as NotificationLogError {
            #expect(error == .invalidSectionID(id))
          }
        }
      }
      let top = try await log.section("9223372036854775807,9223372036854775807")
      #expect(top.items.isEmpty && top.nextID == nil, "no section can follow the last possible ID")
      _ = try await log.section("current")
    }
  }

  @Test("Malformed section IDs are refused by name", arguments: [
    "", ",", "1", "1,", ",1", "1,2,3", "a,b", "0,10", "-1,10", "10,1", " 1,10", "1 ,10",
    "1,10 ", "１,１０", "99999999999999999999,1", "1,99999999999999999999", "current ",
    "CURRENT", "1,10\u{0}", String(repeating: "9", count: 40) + ",1",
  ])
  func malformedSectionIDs(_ id: String) async throws {
    let log = NotificationLog(recorder: InMemoryRecorder())
    await #expect(throws: NotificationLogError.invalidSectionID(id)) {
      try await log.section(id)
    }
  }

  @Test("Random section IDs never trap: seed 20261130, reproducible")
  func fuzzedSectionIDs() async throws {
    let recorder = InMemoryRecorder()
    _ = try await Self.fill(recorder)
    let log = NotificationLog(recorder: recorder, sectionSize: 7)
    var generator = SplitMix64(state: 20_261_130)
    let pieces = [
      "0", "1", "-", "+", ",", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "current", " ", "x", "00", "7", "1e3", "٣",
    ]
    for round in 0..<5_000 {
      let count = Int(generator.next() % 5) + 1
      let id = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
      do {
        let section = try await log.section(id)
        #expect(section.items.count <= 7, "round \(round): section \(id) is too long")
      } catch let error as NotificationLogError {
        #expect(error == .invalidSectionID(id), "round \(round)")
      }
    }
  }

  @Test("A reader at any position, with any page size, reads without trapping")
  func readers() async throws {
    let recorder = InMemoryRecorder()
    _ = try await Self.fill(recorder)
    let log = NotificationLog(recorder: recorder)
    for position in Self.extremes {
      for pageSize in Self.extremes {
        var reader = NotificationLogReader(log: log, position: position, pageSize: pageSize)
        let read = try await reader.read()
        #expect(read.allSatisfy { $0.id > position }, "a reader at \(position) re-read a notification")
        #expect(reader.position >= min(max(position, 0), 3))
      }
    }
  }

  @Test("The repository at any version answers or says the aggregate is not found")
  func repositoryVersions() async throws {
    let app = try Application(environment: ["PERSISTENCE_MODULE": "memory"])
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    for version in Self.extremes {
      do {
        let loaded = try await app.repository.get(dog.id, as: Dog.self, version: version)
        #expect(loaded.version == 1, "version \(version)")
      } catch let error as RepositoryError {
        #expect(error == .aggregateNotFound(id: dog.id), "version \(version)")
      }
      do {
        _ = try await app.repository.headHash(of: dog.id, version: version)
        #expect(version >= 1, "a head hash at version \(version), before the first event")
      } catch let error as RepositoryError {
        #expect(error == .aggregateNotFound(id: dog.id) && version < 1, "version \(version)")
      }
    }
  }

  @Test("A snapshot at a version that leaves no room for another event is refused")
  func snapshotAtTheLastVersion() throws {
    for version in [Int.min, -1, 0, Int.max] {
      let snapshot = Snapshot(
        originatorID: UUID(), originatorVersion: version, createdOn: Date(), modifiedOn: Date(),
        state: Dog())
      #expect(throws: AggregateError.self, "a snapshot at version \(version)") {
        try EventSourced(snapshot: snapshot)
      }
    }
    var loaded = try EventSourced(
      snapshot: Snapshot(
        originatorID: UUID(), originatorVersion: EventSourced<Dog>.maximumVersion - 1,
        createdOn: Date(), modifiedOn: Date(), state: Dog()))
    loaded.addTrick("sit")
    #expect(loaded.version == EventSourced<Dog>.maximumVersion)
  }

  @Test("Snapshot intervals and lock timeouts of any size are taken or clamped")
  func intervalsAndTimeouts() async throws {
    for every in Self.extremes {
      let app = try Application(
        environment: ["PERSISTENCE_MODULE": "memory"],
        snapshotIntervals: [SnapshotInterval(Dog.self, every: every)])
      var dog = EventSourced<Dog>.register(name: "Fido")
      dog.addTrick("sit")
      try await app.save(&dog)
    }
    try await withTemporaryDirectory { folder in
      for timeout in [Duration.seconds(Int64.max), .seconds(Int64.min), .zero, .nanoseconds(1)] {
        _ = try SQLiteRecorder(
          path: folder.appendingPathComponent("timeout.sqlite").path, lockTimeout: timeout)
      }
    }
  }
}
