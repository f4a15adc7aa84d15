import DogSchool
import EventSourcing
import Foundation

/// Events in a real SQLite file, one byte changed with plain SQL, and loading that fails and
/// says where.
struct TamperDemo: Demo {
  let name = "tamper"
  let summary = "one byte changed in an SQLite file with plain SQL; loading says where"

  func run(narrator: Narrator) async throws {
    let directory = try makeDemoDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("school.sqlite").path
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "ENABLE_HASH_CHAIN": "true",
    ]
    let school = try DogSchool(environment: settings)

    narrator.step("Fido's history goes into an SQLite file, each event hash-chained to the one before")
    let fidoID = try await school.registerDog(name: "Fido")
    for trick in ["sit", "roll over", "fetch ball"] { try await school.addTrick(fidoID, trick: trick) }
    let database = DemoDatabase(path: path)
    for row in try database.rows(of: fidoID) {
      // A chained state is framed as 4 bytes of format tag, the previous event's hash and its
      // own hash (32 bytes each), then the event's JSON.
      let frame = 4 + 32 + 32
      narrator.say(
        "version \(row.version): \(frame) bytes of hashes, then "
          + String(decoding: row.state.dropFirst(frame), as: UTF8.self))
    }
    narrator.say("head hash: \(try await school.repository.headHash(of: fidoID)?.hex.prefix(16) ?? "none")…")

    narrator.step("Someone with access to the file teaches Fido to 'bite' with plain SQL")
    try database.execute(
      "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), 'roll over', "
        + "'bite oops') AS BLOB) WHERE originator_version = 3")
    narrator.say("UPDATE stored_events SET state = … 'roll over' → 'bite oops' … WHERE originator_version = 3")

    narrator.step("The school loads Fido again")
    let reopened = try DogSchool(environment: settings)
    do {
      let fido = try await reopened.getDog(fidoID)
      narrator.say("loaded?! \(fido.tricks) (this must not happen)")
    } catch let error as MapperError {
      narrator.say("refused: \(error)")
    }
  }
}

extension Data {
  /// The bytes in hexadecimal.
  var hex: String { map { String(format: "%02x", $0) }.joined() }
}
