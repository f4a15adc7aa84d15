import DogSchool
import EventSourcing
import Foundation
import Testing

/// A welcome letter, sent once for every dog the school registers.
private struct Letter: Aggregate {
  enum Event: DomainEvent { case written(dogID: UUID, name: String) }
  var dogID: UUID?
  var name = ""
  mutating func apply(_ event: Event) {
    switch event {
    case .written(let dogID, let name):
      self.dogID = dogID
      self.name = name
    }
  }
}

/// Turns the school's registrations into letters of the post office's own.
private struct WelcomeLetters: Projection {
  let mapper: Mapper

  func process(_ notification: EventNotification, tracking: Tracking, in view: Application) async throws {
    guard let recorded = try mapper.recordedEvent(Dog.Event.self, ifTopicMatches: notification),
      case .registered(let name) = recorded.event
    else { return try await view.insertTracking(tracking) }
    var letter = EventSourced<Letter>(creating: .written(dogID: recorded.originatorID, name: name))
    try await view.save(&letter, tracking: tracking)
  }
}

@Suite("A process application")
struct ProcessApplicationTests {
  let school = DogSchool(application: Application(recorder: InMemoryRecorder()))
  let postOffice = Application(recorder: InMemoryRecorder())

  @Test("Records its new events and its position together, once per notification")
  func eventsWithTracking() async throws {
    let follower = Follower(
      following: "DogSchool", log: school.notificationLog,
      projection: WelcomeLetters(mapper: school.application.mapper), view: postOffice)
    let fido = try await school.registerDog(name: "Fido")
    try await school.addTrick(fido, trick: "sit")
    _ = try await school.registerDog(name: "Rex")
    try await follower.catchUp()
    try await follower.catchUp()

    let letters = try await postOffice.notificationLog.select(start: 1, limit: 10)
    #expect(letters.count == 2)
    #expect(try await postOffice.maxTrackingID(for: "DogSchool") == 3)
    let first = try #require(letters.first)
    let letter = try await postOffice.repository.get(first.originatorID, as: Letter.self)
    #expect(letter.dogID == fido)
    #expect(letter.name == "Fido")
  }

  @Test("Processing a notification again is refused and records nothing")
  func noDoubleProcessing() async throws {
    try await postOffice.insertTracking(Tracking(applicationName: "DogSchool", notificationID: 1))
    var letter = EventSourced<Letter>(creating: .written(dogID: UUID(), name: "Fido"))
    let again = Tracking(applicationName: "DogSchool", notificationID: 1)
    await #expect(throws: TrackingError.alreadyProcessed(again)) {
      try await postOffice.save(&letter, tracking: again)
    }
    #expect(try await postOffice.repository.contains(letter.id) == false)
    #expect(letter.pendingEvents.count == 1, "a refused save keeps the pending events")
  }

  @Test("A clash in the new events leaves the position where it was")
  func atomicWithEvents() async throws {
    var letter = EventSourced<Letter>(creating: .written(dogID: UUID(), name: "Fido"))
    try await postOffice.save(&letter)
    await #expect(throws: RecorderError.versionConflict(originatorID: letter.id, version: 1)) {
      var copy = EventSourced<Letter>(id: letter.id, creating: .written(dogID: UUID(), name: "Rex"))
      try await postOffice.save(&copy, tracking: Tracking(applicationName: "DogSchool", notificationID: 1))
    }
    #expect(try await postOffice.maxTrackingID(for: "DogSchool") == 0)
  }
}
