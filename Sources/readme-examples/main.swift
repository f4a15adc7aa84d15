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
    var dog = EventSourced<Dog>.register(name: name)
    try await save(&dog)
    return dog.id
  }

  func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID, as: Dog.self)
    dog.addTrick(trick)
    try await save(&dog)
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

let folder = FileManager.default.temporaryDirectory
  .appendingPathComponent("readme-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let settings = [
  "PERSISTENCE_MODULE": "sqlite",
  "SQLITE_DBNAME": folder.appendingPathComponent("school.sqlite").path,
  "CIPHER_KEY": AESGCMCipher.makeKey(),
  "COMPRESSOR_TOPIC": "zlib",
  "ENABLE_HASH_CHAIN": "true",
]
let school = try DogSchool(environment: settings)
let rexID = try await school.registerDog(name: "Rex")
try await school.addTrick(rexID, trick: "shake hands")

// The head hash stands for Rex's whole history: keep a copy elsewhere to compare later.
let headHash = try await school.repository.headHash(of: rexID)

let reopened = try DogSchool(environment: settings)
let rex = try await reopened.getDog(rexID)
let reopenedHash = try await reopened.repository.headHash(of: rexID)
precondition(rex.tricks == ["shake hands"] && reopenedHash == headHash)

let kennel = try Application(
  environment: ["PERSISTENCE_MODULE": "memory"],
  snapshotIntervals: [SnapshotInterval(Dog.self, every: 100)])

func trainBella(at kennel: Application) async throws -> EventSourced<Dog> {
  var bella = EventSourced<Dog>.register(name: "Bella")
  for index in 1...250 { bella.addTrick("trick \(index)") }
  try await kennel.save(&bella)  // 251 events: a snapshot at version 200
  bella.addTrick("one more")     // the same value goes on: no need to load it again
  try await kennel.save(&bella)
  return bella
}
let bella = try await trainBella(at: kennel)
let loaded = try await kennel.repository.get(bella.id, as: Dog.self)
precondition(loaded == bella && loaded.version == 252)

let section = try await app.notificationLog.section("1,10")
precondition(section.id == "1,3" && section.nextID == nil)

do {
  var reader = NotificationLogReader(log: app.notificationLog)
  let everything = try await reader.read()
  try await app.addTrick(dogID, trick: "play dead")
  let onlyNew = try await reader.read()
  precondition(everything.count == 3 && onlyNew.map(\.id) == [4])
}
