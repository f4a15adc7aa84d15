import DogSchool
import EventSourcing
import Foundation

/// The same rows shown as stored, unreadable, and as loaded.
struct EncryptionDemo: Demo {
  let name = "encryption"
  let summary = "the same rows as stored (unreadable) and as loaded"

  func run(narrator: Narrator, files: DemoFiles) async throws {
    let directory = try files.makeFolder(for: name)
    let path = directory.appendingPathComponent("school.sqlite").path
    files.announce(path, narrator: narrator)

    narrator.step("A new AES-GCM key, as CIPHER_KEY would hold it")
    let key = AESGCMCipher.makeKey()
    narrator.say("CIPHER_KEY=\(key.prefix(8))… (\(Data(base64Encoded: key)?.count ?? 0) bytes)")
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "CIPHER_KEY": key,
      "COMPRESSOR_TOPIC": "zlib",
    ]
    let school = try DogSchool(environment: settings)
    let fidoID = try await school.registerDog(name: "Fido")
    for trick in ["sit", "roll over"] { try await school.addTrick(fidoID, trick: trick) }

    narrator.step("The rows as SQLite stores them")
    for row in try DemoDatabase(path: path).rows(of: fidoID) {
      narrator.say("version \(row.version) \(row.topic), \(SealedRecord(row.state).layout):")
      narrator.show(row.state.printable(limit: 60))
    }
    narrator.say("Each: a format mark (4 bytes), the nonce (12), the ciphertext, the tag (16).")
    narrator.say("Topics stay readable; the values (names, tricks) do not.")

    narrator.step("The same rows as the school loads them, with the key")
    let fido = try await school.getDog(fidoID)
    narrator.say("\(fido.name) knows \(fido.tricks.joined(separator: ", "))")

    narrator.step("Another key cannot read them")
    var wrongKey = settings
    wrongKey["CIPHER_KEY"] = AESGCMCipher.makeKey()
    do {
      _ = try await DogSchool(environment: wrongKey).getDog(fidoID)
      narrator.say("read?! (this must not happen)")
    } catch let error as MapperError {
      narrator.say("refused: \(error)")
    }
    files.finish(directory, databases: [path], narrator: narrator)
  }
}
