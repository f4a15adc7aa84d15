public import EventSourcing
import Foundation
import Testing

/// Checks that a cipher keeps the ``Cipher`` contract: what it encrypts it decrypts, it never
/// encrypts the same plaintext twice to the same bytes, and it refuses, by throwing, data that
/// was changed or encrypted with another key. An ``AuthenticatingCipher`` must also refuse
/// data opened with other associated data than it was sealed with.
///
/// ```swift
/// @Test func meetsTheCipherContract() throws {
///   try CipherConformance { try MyCipher(key: MyCipher.makeKey()) }.run()
/// }
/// ```
public struct CipherConformance: Sendable {
  private let makeCipher: @Sendable () throws -> any Cipher

  /// Creates a suite; the factory must return a cipher with a new random key on every call.
  public init(makeCipher: @escaping @Sendable () throws -> any Cipher) {
    self.makeCipher = makeCipher
  }

  /// Runs every check, recording failures in the current test.
  public func run() throws {
    try roundTrips()
    try hidesThePlaintext()
    try neverRepeatsCiphertext()
    try refusesChangedData()
    try refusesAnotherKey()
    try refusesTruncatedData()
    try bindsAssociatedData()
  }

  private static let samples = [
    Data(), Data("Fido".utf8), Data((0...255).map { UInt8($0) }),
    Data(repeating: 0x42, count: 100_000),
  ]

  /// Every sample, empty and large included, comes back as it went in.
  public func roundTrips() throws {
    let cipher = try makeCipher()
    for plaintext in Self.samples {
      let ciphertext = try cipher.encrypt(plaintext)
      // Compared outside #expect: on a failure it would otherwise work out the difference of
      // two large byte collections, which takes minutes for the 100,000-byte sample.
      let isSame = try cipher.decrypt(ciphertext) == plaintext
      #expect(isSame, "a \(plaintext.count)-byte plaintext does not come back as it went in")
    }
  }

  /// The ciphertext does not contain the plaintext.
  public func hidesThePlaintext() throws {
    let cipher = try makeCipher()
    let plaintext = Data("{\"name\":\"Fido the secret dog\"}".utf8)
    let ciphertext = try cipher.encrypt(plaintext)
    #expect(ciphertext.range(of: Data("Fido".utf8)) == nil, "the plaintext shows in the ciphertext")
  }

  /// Encrypting the same plaintext twice gives different bytes: a reused nonce would give the
  /// same ones, and with AES-GCM would let an attacker forge records.
  public func neverRepeatsCiphertext() throws {
    let cipher = try makeCipher()
    let plaintext = Data("roll over".utf8)
    let ciphertexts = try (0..<20).map { _ in try cipher.encrypt(plaintext) }
    #expect(Set(ciphertexts).count == ciphertexts.count, "two encryptions gave the same bytes")
  }

  /// Flipping any one byte of the ciphertext makes decryption throw.
  public func refusesChangedData() throws {
    let cipher = try makeCipher()
    let ciphertext = try cipher.encrypt(Data("fetch ball".utf8))
    for index in ciphertext.indices {
      var changed = ciphertext
      changed[index] ^= 0x01
      #expect(throws: (any Error).self, "a changed byte at offset \(index) was accepted") {
        try cipher.decrypt(changed)
      }
    }
  }

  /// Data encrypted with one key does not decrypt with another.
  public func refusesAnotherKey() throws {
    let ciphertext = try makeCipher().encrypt(Data("play dead".utf8))
    let other = try makeCipher()
    #expect(throws: (any Error).self, "another key decrypted the data") {
      try other.decrypt(ciphertext)
    }
  }

  /// Truncated or empty data makes decryption throw, not crash.
  public func refusesTruncatedData() throws {
    let cipher = try makeCipher()
    let ciphertext = try cipher.encrypt(Data("shake hands".utf8))
    for length in [0, 1, ciphertext.count / 2, ciphertext.count - 1] {
      #expect(throws: (any Error).self, "\(length) bytes of \(ciphertext.count) were accepted") {
        try cipher.decrypt(ciphertext.prefix(length))
      }
    }
  }

  /// For an ``AuthenticatingCipher``: data sealed with associated data opens with the same
  /// associated data only, so that a record copied to another place is refused.
  public func bindsAssociatedData() throws {
    guard let cipher = try makeCipher() as? any AuthenticatingCipher else { return }
    let plaintext = Data("sit".utf8)
    let here = Data("aggregate 1, version 2".utf8)
    let sealed = try cipher.encrypt(plaintext, authenticating: here)
    let opened = try cipher.decrypt(sealed, authenticating: here)
    #expect(opened == plaintext, "data sealed with associated data does not open with it")
    for other in [Data("aggregate 1, version 3".utf8), Data()] {
      #expect(throws: (any Error).self, "data opened with other associated data (\(other.count) bytes)") {
        try cipher.decrypt(sealed, authenticating: other)
      }
    }
  }
}
