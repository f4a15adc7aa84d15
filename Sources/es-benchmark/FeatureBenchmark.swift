import DogSchool
import EventSourcing
import Foundation

/// Prints the cost of the library's protections as ratios to plain saving and loading, and the
/// speed of projections: the figures the integrity and encryption features are judged by
/// (snapshots are in the main table).
func runFeatureBenchmark(count: Int, in directory: URL) async throws {
  print("\nProtection, in memory: saves of N one-event aggregates, and loading one aggregate of N events")
  print(pad("mapper", 30) + pad("saves/s", 12) + pad("ratio", 8) + pad("load ms", 10) + "ratio")
  let key = AESGCMCipher.makeKey()
  let mappers: [(String, Mapper)] = [
    ("plain", Mapper()),
    ("hash chain", Mapper(hashChain: HashChain())),
    ("hash chain with salt", Mapper(hashChain: HashChain(salt: Data("salt".utf8)))),
    ("AES-GCM", Mapper(cipher: try AESGCMCipher(base64Key: key))),
    ("hash chain + AES-GCM", Mapper(cipher: try AESGCMCipher(base64Key: key), hashChain: HashChain())),
    ("zlib + AES-GCM + chain", Mapper(
      compressor: ZlibCompressor(), cipher: try AESGCMCipher(base64Key: key), hashChain: HashChain())),
  ]
  var plain: (saves: Double, load: Double)?
  for (name, mapper) in mappers {
    let app = Application(recorder: InMemoryRecorder(), mapper: mapper)
    let saveTime = try await seconds {
      for index in 0..<count {
        var dog = EventSourced<Dog>.register(name: "Dog \(index)")
        try await app.save(&dog)
      }
    }
    let dogID = try await saveLongHistory(count, in: app)
    let loadTime = try await medianSeconds(runs: 5) {
      _ = try await app.repository.get(dogID, as: Dog.self)
    }
    let saves = Double(count) / saveTime
    let reference = plain ?? (saves, loadTime)
    plain = reference
    print(
      pad(name, 30) + pad(format(saves), 12) + pad(ratio(saves / reference.saves), 8)
        + pad(format(loadTime * 1000, decimals: 2), 10) + ratio(loadTime / reference.load))
  }

  print("\nProjection: dogs per trick following a log of N events")
  let school = DogSchool(application: Application(recorder: InMemoryRecorder()))
  for index in 0..<(count / 5) {
    let dogID = try await school.registerDog(name: "Dog \(index)")
    for trick in ["sit", "stay", "roll over", "fetch ball"] { try await school.addTrick(dogID, trick: trick) }
  }
  let total = try await school.notificationLog.maxNotificationID()
  let views: [(String, any DogsPerTrickView)] = [
    ("memory view", InMemoryDogsPerTrickView()),
    ("SQLite view (FULL)", try SQLiteDogsPerTrickView(path: directory.appendingPathComponent("view.sqlite").path)),
  ]
  for (name, view) in views {
    let time = try await seconds { try await follow(school, into: view) }
    print("  \(pad(name, 20)) \(format(Double(total) / time)) notifications/s, one transaction each")
  }
}

private func follow<View: DogsPerTrickView>(_ school: DogSchool, into view: View) async throws {
  try await Follower(
    following: "DogSchool", log: school.notificationLog,
    projection: DogsPerTrick<View>(mapper: school.application.mapper), view: view
  ).catchUp()
}

/// Saves one dog with `count` events, 1,000 per save, and returns its ID.
private func saveLongHistory(_ count: Int, in app: Application) async throws -> UUID {
  var dog = EventSourced<Dog>.register(name: "Fido")
  for index in 1..<count {
    dog.addTrick("trick \(index)")
    if index % 1_000 == 0 || index == count - 1 {
      try await app.save(&dog)
      dog = try await app.repository.get(dog.id, as: Dog.self)
    }
  }
  return dog.id
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

private func format(_ value: Double, decimals: Int = 0) -> String {
  String(format: "%.\(decimals)f", value)
}

private func ratio(_ value: Double) -> String { String(format: "%.2f", value) }
