import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Applications configured to protect stored state")
struct ProtectedApplicationTests {
  func settings(_ values: [String: String]) -> ApplicationEnvironment {
    ApplicationEnvironment(values, processEnvironment: [:])
  }

  @Test func turnsNothingOnByDefault() throws {
    let mapper = try settings([:]).makeMapper()
    #expect(mapper.cipher == nil && mapper.compressor == nil && mapper.hashChain == nil)
  }

  @Test func turnsEachFeatureOn() throws {
    let mapper = try settings([
      "CIPHER_KEY": AESGCMCipher.makeKey(), "COMPRESSOR_TOPIC": "zlib",
      "ENABLE_HASH_CHAIN": "true", "SALT_FOR_DATA_INTEGRITY": "kennel secret",
    ]).makeMapper()
    #expect(mapper.cipher is AESGCMCipher)
    #expect(mapper.compressor is ZlibCompressor)
    #expect(mapper.hashChain?.isSalted == true)
  }

  @Test func acceptsThePythonLibrarysTopics() throws {
    let mapper = try settings([
      "CIPHER_TOPIC": "eventsourcing.cipher:AESCipher", "CIPHER_KEY": AESGCMCipher.makeKey(),
      "COMPRESSOR_TOPIC": "eventsourcing.compressor:ZlibCompressor",
    ]).makeMapper()
    #expect(mapper.cipher is AESGCMCipher && mapper.compressor is ZlibCompressor)
  }

  @Test func refusesABadKeyWithoutShowingIt() throws {
    let short = Data(repeating: 42, count: 20).base64EncodedString()
    for (key, reason) in [
      ("secret-not-base64!", CipherError.invalidKeyEncoding),
      (short, CipherError.invalidKeyLength(bytes: 20)),
    ] {
      let error = try #require(throws: ConfigurationError.self) {
        try settings(["CIPHER_KEY": key]).makeMapper()
      }
      #expect(error == .invalidSecret(key: "CIPHER_KEY", reason: reason.description))
      #expect(error.description.contains("CIPHER_KEY"))
      #expect(!error.description.contains(key))
      #expect(throws: ConfigurationError.self) {
        try DogSchool(environment: ["CIPHER_KEY": key])
      }
    }
  }

  @Test func refusesUnknownNamesAndContradictions() {
    #expect(throws: ConfigurationError.invalidValue(
      key: "COMPRESSOR_TOPIC", value: "lzma", reason: "use 'zlib'.")) {
      try settings(["COMPRESSOR_TOPIC": "lzma"]).makeMapper()
    }
    #expect(throws: ConfigurationError.self) {
      try settings(["CIPHER_TOPIC": "rot13", "CIPHER_KEY": AESGCMCipher.makeKey()]).makeMapper()
    }
    #expect(throws: ConfigurationError.self) {
      try settings(["CIPHER_TOPIC": "AESGCMCipher"]).makeMapper()
    }
    #expect(throws: ConfigurationError.self) {
      try settings(["ENABLE_HASH_CHAIN": "perhaps"]).makeMapper()
    }
    #expect(throws: ConfigurationError.self) {
      try settings(["SALT_FOR_DATA_INTEGRITY": "kennel secret"]).makeMapper()
    }
  }

  @Test func runsTheDogSchoolWithEveryProtection() async throws {
    let key = AESGCMCipher.makeKey()
    let mapper = try settings([
      "CIPHER_KEY": key, "COMPRESSOR_TOPIC": "zlib", "ENABLE_HASH_CHAIN": "true",
      "SALT_FOR_DATA_INTEGRITY": "kennel secret",
    ]).makeMapper()
    let recorder = InMemoryRecorder()
    let school = DogSchool(application: Application(recorder: recorder, mapper: mapper))
    let id = try await school.registerDog(name: "Fido")
    try await school.addTrick(id, trick: "roll over")
    try await school.addTrick(id, trick: "play dead")
    #expect(try await school.getDog(id) == DogDetails(
      name: "Fido", tricks: ["roll over", "play dead"]))
    #expect(try await school.repository.headHash(of: id) != nil)

    let stored = try await recorder.events(for: id)
    #expect(stored.count == 3)
    for event in stored {
      #expect(event.state.firstRange(of: Data("Fido".utf8)) == nil)
      #expect(event.state.firstRange(of: Data("roll over".utf8)) == nil)
    }
    // Another key cannot read the events.
    let stranger = DogSchool(application: Application(
      recorder: recorder, mapper: Mapper(
        compressor: ZlibCompressor(), cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()),
        hashChain: HashChain(salt: Data("kennel secret".utf8)))))
    await #expect(throws: MapperError.unauthenticated(originatorID: id, version: 1)) {
      try await stranger.getDog(id)
    }
  }

  @Test func encryptionBindsEachRecordToItsPlace() async throws {
    // AES-GCM authenticates each record with its place as associated data: records moved
    // between versions no longer open, before the chain is even looked at.
    let recorder = EditableRecorder()
    let app = Application(recorder: recorder, mapper: Mapper(
      cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()), hashChain: HashChain()))
    let school = DogSchool(application: app)
    let id = try await school.registerDog(name: "Fido")
    try await school.addTrick(id, trick: "sit")
    try await school.addTrick(id, trick: "roll over")
    let second = try recorder.event(id, version: 2).state
    let third = try recorder.event(id, version: 3).state
    recorder.replaceState(of: id, version: 2) { _ in third }
    recorder.replaceState(of: id, version: 3) { _ in second }
    await #expect(throws: MapperError.unauthenticated(originatorID: id, version: 2)) {
      try await school.getDog(id)
    }
    // A flipped byte fails authentication too.
    recorder.replaceState(of: id, version: 2) { _ in second }
    recorder.replaceState(of: id, version: 3) { state in
      var changed = state
      changed[changed.startIndex + 20] ^= 0x40
      return changed
    }
    await #expect(throws: MapperError.unauthenticated(originatorID: id, version: 3)) {
      try await school.getDog(id)
    }
  }
}
