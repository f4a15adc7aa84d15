import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("A dog school on an SQLite file survives a restart")
struct DogSchoolRestartTests {
  @Test("A new application on the same file sees every dog and every notification")
  func restartSeesEverything() async throws {
    try await withTemporaryDirectory { directory in
      let environment = [
        "PERSISTENCE_MODULE": "sqlite",
        "SQLITE_DBNAME": directory.appendingPathComponent("dogschool.sqlite").path,
      ]
      var expected: [UUID: DogDetails] = [:]
      let written: [EventSourcing.EventNotification]
      do {
        let school = try DogSchool(environment: environment)
        for (name, tricks) in [("Fido", ["roll over", "play dead"]), ("Milo", ["sit"]), ("Rex", [])] {
          let id = try await school.registerDog(name: name)
          for trick in tricks { try await school.addTrick(id, trick: trick) }
          expected[id] = DogDetails(name: name, tricks: tricks)
        }
        written = try await school.notificationLog.select(start: 1, limit: 100)
      }
      #expect(written.count == 6)

      let restarted = try DogSchool(environment: environment)
      for (id, details) in expected {
        #expect(try await restarted.getDog(id) == details)
      }
      let read = try await restarted.notificationLog.select(start: 1, limit: 100)
      #expect(read == written)
      #expect(read.map(\.id) == Array(1...6))
      #expect(try await restarted.notificationLog.maxNotificationID() == 6)
      // The restarted school goes on numbering after the last notification.
      let id = try await restarted.registerDog(name: "Bella")
      #expect(try await restarted.notificationLog.select(start: 7, limit: 10).map(\.originatorID) == [id])
    }
  }
}
