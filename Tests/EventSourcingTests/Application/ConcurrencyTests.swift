import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Many tasks using one application")
struct ConcurrencyTests {
  let app = Application(recorder: InMemoryRecorder())

  @Test("Of many tasks changing the same version of a dog, exactly one wins")
  func versionClash() async throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    let contenders = 50

    // Every task loads version 1 before any of them saves, so all of them clash but one.
    let loaded = try await app.repository.get(dog.id, as: Dog.self)
    let outcomes = await withTaskGroup(of: Result<Int, any Error>.self) { group in
      for index in 0..<contenders {
        group.addTask { [app] in
          var copy = loaded
          copy.addTrick("trick \(index)")
          do {
            try await app.save(&copy)
            return .success(index)
          } catch {
            return .failure(error)
          }
        }
      }
      var outcomes: [Result<Int, any Error>] = []
      for await outcome in group { outcomes.append(outcome) }
      return outcomes
    }

    let winners = outcomes.compactMap { try? $0.get() }
    #expect(winners.count == 1)
    let conflicts = outcomes.compactMap { outcome -> RecorderError? in
      guard case .failure(let error) = outcome else { return nil }
      return error as? RecorderError
    }
    #expect(conflicts.count == contenders - 1)
    #expect(conflicts.allSatisfy { $0 == .versionConflict(originatorID: dog.id, version: 2) })
    let winner = try #require(winners.first)
    let current = try await app.repository.get(dog.id, as: Dog.self)
    #expect(current.version == 2)
    #expect(current.tricks == ["trick \(winner)"])
    #expect(try await app.notificationLog.maxNotificationID() == 2)
  }

  @Test("Commands that retry on a clash all get in, and the log has no gaps")
  func retryingWriters() async throws {
    let school = DogSchool(application: app)
    let dogID = try await school.registerDog(name: "Fido")
    let writers = 20

    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<writers {
        group.addTask {
          while true {
            do {
              try await school.addTrick(dogID, trick: "trick \(index)")
              return
            } catch RecorderError.versionConflict {
              continue  // Another writer got there first: load again and retry.
            }
          }
        }
      }
      try await group.waitForAll()
    }

    let tricks = try await school.getDog(dogID).tricks
    #expect(Set(tricks) == Set((0..<writers).map { "trick \($0)" }))
    let notifications = try await app.notificationLog.select(start: 1, limit: 1_000)
    #expect(notifications.map(\.id) == Array(1...(writers + 1)))
    #expect(notifications.map(\.originatorVersion) == Array(1...(writers + 1)))
  }

  @Test("New dogs registered from many tasks get distinct, gapless notification IDs")
  func manyNewAggregates() async throws {
    let school = DogSchool(application: app)
    let ids = try await withThrowingTaskGroup(of: UUID.self) { group in
      for index in 0..<100 {
        group.addTask { try await school.registerDog(name: "Dog \(index)") }
      }
      return try await group.reduce(into: [UUID]()) { $0.append($1) }
    }
    #expect(Set(ids).count == 100)
    let notifications = try await app.notificationLog.select(start: 1, limit: 1_000)
    #expect(notifications.map(\.id) == Array(1...100))
    #expect(Set(notifications.map(\.originatorID)) == Set(ids))
  }
}
