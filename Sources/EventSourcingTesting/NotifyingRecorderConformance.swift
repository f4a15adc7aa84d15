public import EventSourcing
import Foundation
import Synchronization
import Testing

/// Checks that a recorder keeps the ``NotifyingRecorder`` contract: a listener hears the
/// largest notification ID first, then of each insert, never a smaller ID than before, and
/// stops when its task is cancelled.
///
/// Each check gets a new, empty recorder from the factory, which both inserts and listens:
///
/// ```swift
/// @Test func tellsOfNewNotifications() async throws {
///   try await NotifyingRecorderConformance { InMemoryRecorder() }.run()
/// }
/// ```
public struct NotifyingRecorderConformance: Sendable {
  private let makeRecorder: @Sendable () async throws -> any NotifyingRecorder
  private let patience: Duration

  /// Creates a suite that builds a fresh, empty recorder for each check.
  ///
  /// - Parameters:
  ///   - patience: How long a check waits to be told of an insert before it fails; 10 seconds
  ///     unless given.
  ///   - makeRecorder: Builds an empty recorder.
  public init(
    patience: Duration = .seconds(10),
    makeRecorder: @escaping @Sendable () async throws -> any NotifyingRecorder
  ) {
    self.patience = patience
    self.makeRecorder = makeRecorder
  }

  /// Runs every check, recording failures in the current test.
  public func run() async throws {
    try await firstTellsTheLargestID()
    try await tellsOfEachInsert()
    try await neverTellsASmallerIDUnderConcurrentInserts()
    try await endsWhenItsTaskIsCancelled()
  }

  /// The first value is the largest ID recorded before listening began: 0 for an empty log.
  public func firstTellsTheLargestID() async throws {
    let empty = try await makeRecorder()
    let fromEmpty = Listener(empty)
    defer { fromEmpty.stop() }
    #expect(await fromEmpty.values(within: patience) { !$0.isEmpty }.first == 0)

    let recorder = try await makeRecorder()
    try await recorder.insert(TestEvents.make(UUID(), versions: 1...2))
    let listener = Listener(recorder)
    defer { listener.stop() }
    #expect(await listener.values(within: patience) { !$0.isEmpty }.first == 2)
  }

  /// After the first value, each insert is told with an ID at least as large as its last.
  public func tellsOfEachInsert() async throws {
    let recorder = try await makeRecorder()
    let listener = Listener(recorder)
    defer { listener.stop() }
    #expect(await listener.values(within: patience) { !$0.isEmpty } == [0])
    for round in 1...3 {
      let ids = try await recorder.insert(TestEvents.make(UUID(), versions: 1...round))
      let last = try #require(ids.last)
      let values = await listener.values(within: patience) { ($0.last ?? 0) >= last }
      #expect(values.last == last, "insert \(round), up to \(last), was not told: \(values)")
    }
  }

  /// Many tasks insert at once; a listener's values only grow, and the last is the largest ID.
  public func neverTellsASmallerIDUnderConcurrentInserts() async throws {
    let recorder = try await makeRecorder()
    let (writers, rounds) = (8, 20)
    let listener = Listener(recorder)
    defer { listener.stop() }
    #expect(await listener.values(within: patience) { !$0.isEmpty } == [0])
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<writers {
        group.addTask {
          for _ in 0..<rounds { try await recorder.insert([TestEvents.make(UUID(), version: 1)]) }
        }
      }
      try await group.waitForAll()
    }
    let values = await listener.values(within: patience) { $0.last == writers * rounds }
    #expect(values == values.sorted(), "values went down: \(values)")
    #expect(values.last == writers * rounds)
  }

  /// Cancelling the task that listens ends the stream: the loop over it returns.
  public func endsWhenItsTaskIsCancelled() async throws {
    let recorder = try await makeRecorder()
    let listener = Listener(recorder)
    _ = await listener.values(within: patience) { !$0.isEmpty }
    listener.stop()
    #expect(
      await listener.hasEnded(within: patience),
      "the stream did not end within \(patience) of its task's cancellation")
  }
}

/// Listens to a recorder in a task of its own and keeps every value told.
private struct Listener: Sendable {
  private final class Told: Sendable {
    let state = Mutex((values: [Int](), ended: false))
  }

  private let told = Told()
  private let task: Task<Void, Never>

  init(_ recorder: any NotifyingRecorder) {
    let told = told
    task = Task {
      do {
        for try await value in recorder.newNotificationIDs() {
          told.state.withLock { $0.values.append(value) }
        }
      } catch {
        Issue.record(error, "the stream of new notification IDs failed")
      }
      told.state.withLock { $0.ended = true }
    }
  }

  /// The values told so far, once they satisfy `condition` or `patience` has passed.
  func values(within patience: Duration, until condition: ([Int]) -> Bool) async -> [Int] {
    let deadline = ContinuousClock.now + patience
    while true {
      let values = told.state.withLock { $0.values }
      if condition(values) || ContinuousClock.now >= deadline { return values }
      // A short look again: the test waits for another task, not for time to pass.
      try? await Task.sleep(for: .milliseconds(2))
    }
  }

  /// Whether the loop over the stream has returned within `patience`.
  func hasEnded(within patience: Duration) async -> Bool {
    let deadline = ContinuousClock.now + patience
    while ContinuousClock.now < deadline {
      if told.state.withLock({ $0.ended }) { return true }
      try? await Task.sleep(for: .milliseconds(2))
    }
    return told.state.withLock { $0.ended }
  }

  /// Cancels the listening task.
  func stop() { task.cancel() }
}
