import DogSchool
import EventSourcing
import Foundation

/// Registers Fido and teaches him `count` tricks, one save per trick, each after loading him
/// again as a command would; returns his ID.
func trainDog(tricks count: Int, in app: Application) async throws -> UUID {
  var dog = EventSourced<Dog>.register(name: "Fido")
  try await app.save(&dog)
  for index in 1...count {
    var loaded = try await app.repository.get(dog.id, as: Dog.self)
    loaded.addTrick("trick \(index)")
    try await app.save(&loaded)
  }
  return dog.id
}
