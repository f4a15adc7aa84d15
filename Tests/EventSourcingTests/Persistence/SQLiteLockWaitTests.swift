import EventSourcing
import Foundation
import Testing

/// A write that waits for another connection's lock must not take a thread of Swift's
/// cooperative pool with it: the pool has one thread per core, and a few such waits would
/// stall every other task of the process until the lock timeout.
@Suite("SQLiteRecorder waiting for another connection's lock")
struct SQLiteLockWaitTests {
  @Test("Writes waiting for a lock leave the process's other tasks, and reads, running")
  func waitingWritesLeaveOtherTasksRunning() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("locked.sqlite").path
      // Long enough that the writes outlast everything else the test does while they wait.
      let recorder = try SQLiteRecorder(path: path, lockTimeout: .seconds(20))
      let known = StoredEvent(
        originatorID: UUID(), originatorVersion: 1, topic: "Known", state: Data("known".utf8))
      try await recorder.insert([known])

      // Another connection takes the write lock, as another process would.
      let lock = try RawConnection(path: path)
      try lock.execute("BEGIN IMMEDIATE")

      // More writes than the cooperative pool has threads.
      let writeCount = 4 * ProcessInfo.processInfo.activeProcessorCount
      let started = LockedArray<Int>()
      let finished = LockedArray<Int>()
      let writes = Task {
        await withTaskGroup(of: String?.self) { group in
          for write in 0..<writeCount {
            group.addTask {
              started.append(write)
              defer { finished.append(write) }
              do {
                try await recorder.insert([
                  StoredEvent(
                    originatorID: UUID(), originatorVersion: 1, topic: "Waiting",
                    state: Data("\(write)".utf8))
                ])
                return nil
              } catch {
                return "write \(write): \(error)"
              }
            }
          }
          return await group.reduce(into: [String]()) { failures, failure in
            if let failure { failures.append(failure) }
          }
        }
      }
      while started.values.count < writeCount {
        try await Task.sleep(for: .milliseconds(1))
      }

      // While the writes wait for the lock: many small tasks, and a read.
      let sum = await withTaskGroup(of: Int.self) { group in
        for number in 1...1_000 {
          group.addTask {
            await Task.yield()
            return number
          }
        }
        return await group.reduce(0, +)
      }
      let read = try await recorder.events(for: known.originatorID)
      let finishedWhileLocked = finished.values.count

      try lock.execute("COMMIT")
      let failures = await writes.value

      #expect(sum == 500_500)
      #expect(read == [known], "a read beside the waiting writes")
      #expect(
        finishedWhileLocked == 0,
        "\(finishedWhileLocked) writes ended before the other tasks, while the lock was held")
      #expect(failures.isEmpty, "writes failed: \(failures)")
      #expect(try await recorder.maxNotificationID() == writeCount + 1)
    }
  }
}
