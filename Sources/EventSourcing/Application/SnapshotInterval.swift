/// How often an application takes a snapshot of aggregates of one type: whenever a save
/// brings an aggregate to a version that is a multiple of the interval.
///
/// ```swift
/// let app = try Application(environment: [:], snapshotIntervals: [SnapshotInterval(Dog.self, every: 100)])
/// ```
public struct SnapshotInterval: Sendable {
  /// The aggregate type.
  public let stateType: any Aggregate.Type
  /// The number of events between snapshots; at least 1.
  public let interval: Int

  /// Takes a snapshot of aggregates of `type` every `interval` events.
  public init<State: Aggregate>(_ type: State.Type, every interval: Int) {
    stateType = type
    self.interval = max(1, interval)
  }

  /// Whether saving events with these versions passes a multiple of the interval: whether
  /// the highest multiple at or below the last version is at or above the first.
  func isDue(for versions: ClosedRange<Int>) -> Bool {
    versions.upperBound / interval * interval >= versions.lowerBound
  }
}
