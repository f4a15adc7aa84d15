import DogSchool
import EventSourcing
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("A follower killed between events")
struct FollowerCrashTests {
  @Test("Killed again and again with SIGKILL, it ends with the read model built from scratch")
  func killedFollower() async throws {
    let executable = try builtExecutable(named: "follower-stress", overrideVariable: "FOLLOWER_STRESS")
    try await withTemporaryDirectory { directory in
      let leaderPath = directory.appendingPathComponent("school.sqlite").path
      let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": leaderPath])
      let tricks = ["sit", "stay", "roll over", "fetch ball", "play dead"]
      for index in 0..<40 {
        let dogID = try await school.registerDog(name: "Dog \(index)")
        for trick in tricks.prefix(index % tricks.count + 1) {
          try await school.addTrick(dogID, trick: trick)
        }
      }
      let total = try await school.notificationLog.maxNotificationID()

      // Each round starts the follower, waits until it has committed some progress, and kills
      // it a random moment later: a kill can land anywhere, but never before it did anything.
      // On a very busy machine this loop may not get to kill before the follower finishes;
      // then it starts over with a new view, until enough kills landed part-way.
      var viewPath = directory.appendingPathComponent("view-0.sqlite").path
      var observer = try SQLiteDogsPerTrickView(path: viewPath)
      var kills = 0
      var positionsAfterKills: Set<Int> = []
      var finished = false
      for round in 0..<500 where !finished {
        let start = try await observer.maxTrackingID(for: "DogSchool")
        let process = Process()
        process.executableURL = executable
        // 10 ms after each notification: a whole run takes over a second, long enough for
        // this loop to see progress and kill part-way even on a busy machine.
        process.arguments = [leaderPath, viewPath, "10"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning, ContinuousClock.now < deadline,
          try await observer.maxTrackingID(for: "DogSchool") == start
        {
          try await Task.sleep(for: .milliseconds(1))
        }
        try await Task.sleep(for: .microseconds(Int.random(in: 0...15_000)))
        if process.isRunning {
          kill(process.processIdentifier, SIGKILL)
          kills += 1
        }
        await process.exited()
        if process.terminationReason == .uncaughtSignal {
          positionsAfterKills.insert(try await observer.maxTrackingID(for: "DogSchool"))
        }
        finished = process.terminationReason == .exit && process.terminationStatus == 0
        let midwayKills = positionsAfterKills.filter { $0 > 0 && $0 < total }.count
        if finished && midwayKills < 3 {
          viewPath = directory.appendingPathComponent("view-\(round + 1).sqlite").path
          observer = try SQLiteDogsPerTrickView(path: viewPath)
          positionsAfterKills = []
          finished = false
        }
        #expect(
          process.terminationReason == .uncaughtSignal || process.terminationStatus == 0,
          "the follower failed by itself with status \(process.terminationStatus)")
      }
      #expect(finished, "the follower never got to the end of the log")
      let midway = positionsAfterKills.filter { $0 > 0 && $0 < total }
      #expect(
        midway.count >= 3,
        """
        \(kills) kills, but only \(midway.count) left the follower part-way through the log \
        (positions after kills: \(positionsAfterKills.sorted()), total \(total))
        """)

      let view = try SQLiteDogsPerTrickView(path: viewPath)
      #expect(try await view.maxTrackingID(for: "DogSchool") == total)
      let fromScratch = InMemoryDogsPerTrickView()
      try await Follower(
        following: "DogSchool", log: school.notificationLog,
        projection: DogsPerTrick(mapper: school.application.mapper), view: fromScratch
      ).catchUp()
      let expected = try await fromScratch.allCounts()
      #expect(expected == ["sit": 40, "stay": 32, "roll over": 24, "fetch ball": 16, "play dead": 8])
      #expect(try await view.allCounts() == expected)
    }
  }
}
