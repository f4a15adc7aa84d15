import Testing

@testable import EventSourcing

@Suite("Snapshot intervals")
struct SnapshotIntervalTests {
  private struct Counter: Aggregate {
    enum Event: DomainEvent { case counted }
    mutating func apply(_ event: Event) {}
  }

  @Test(
    "A save is due for a snapshot when its versions reach a multiple of the interval",
    arguments: [
      (1...1, 1, true), (1...99, 100, false), (100...100, 100, true), (99...99, 100, false),
      (95...105, 100, true), (101...199, 100, false), (101...200, 100, true),
      (199...201, 100, true), (1...5, 3, true), (4...5, 3, false), (7...7, 7, true),
    ])
  func due(versions: ClosedRange<Int>, interval: Int, isDue: Bool) {
    let snapshots = SnapshotInterval(Counter.self, every: interval)
    #expect(snapshots.isDue(for: versions) == isDue)
    #expect(snapshots.isDue(for: versions) == versions.contains { $0 % interval == 0 })
  }
}
