// The Swift blocks of README.md, in order, compiled and run by CI as `readme-examples`.
// Generated: edit README.md, then run scripts/update-readme-examples.sh

import EventSourcing
import Foundation

struct Dog: Aggregate, Equatable {
  enum Event: DomainEvent {
    case registered(name: String)
    case trickAdded(trick: String)
  }

  var name = ""
  var tricks: [String] = []

  mutating func apply(_ event: Event) {
    switch event {
    case .registered(let name): self.name = name
    case .trickAdded(let trick): tricks.append(trick)
    }
  }
}

extension EventSourced<Dog> {
  static func register(name: String) -> Self { Self(creating: .registered(name: name)) }
  mutating func addTrick(_ trick: String) { record(.trickAdded(trick: trick)) }
}

struct DogDetails: Equatable {
  let name: String
  let tricks: [String]
}

struct DogSchool: EventSourcedApplication {
  let application: Application

  init(environment: [String: String] = [:]) throws {
    application = try Application(environment: environment)
  }

  func registerDog(name: String) async throws -> UUID {
    let dog = EventSourced<Dog>.register(name: name)
    try await save(dog)
    return dog.id
  }

  func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID, as: Dog.self)
    dog.addTrick(trick)
    try await save(dog)
  }

  func getDog(_ dogID: UUID) async throws -> DogDetails {
    let dog = try await repository.get(dogID, as: Dog.self)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
}

let app = try DogSchool()
let dogID = try await app.registerDog(name: "Fido")
try await app.addTrick(dogID, trick: "roll over")
try await app.addTrick(dogID, trick: "fetch ball")
let fido = try await app.getDog(dogID)
precondition(fido == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]))

// Every event has a place in the application-wide log.
let notifications = try await app.notificationLog.select(start: 1, limit: 10)
precondition(notifications.map(\.id) == [1, 2, 3])

// Time travel: the dog as it was at version 2, before it learnt to fetch.
let puppy = try await app.repository.get(dogID, as: Dog.self, version: 2)
precondition(puppy.tricks == ["roll over"])
print("\(fido.name) knows: \(fido.tricks.joined(separator: ", "))")
