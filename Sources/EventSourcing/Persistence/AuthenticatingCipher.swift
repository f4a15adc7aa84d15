public import Foundation

/// A cipher that binds each ciphertext to associated data: bytes that are authenticated with
/// it but not stored in it, so that a record opens only in the place it was written for.
///
/// The ``Mapper`` seals every record with data naming its place (aggregate ID, version, topic,
/// event or snapshot) when its cipher conforms: a valid record copied onto another aggregate,
/// another version or from the snapshots into the events no longer opens.
/// ``AESGCMCipher`` conforms; a cipher that only conforms to ``Cipher`` still works, and its
/// records are not bound to their place.
public protocol AuthenticatingCipher: Cipher {
  /// Returns the encrypted form of `plaintext`, authenticated together with `associatedData`.
  func encrypt(_ plaintext: Data, authenticating associatedData: Data) throws -> Data
  /// Returns the plaintext of data made by ``encrypt(_:authenticating:)`` with the same key
  /// and the same associated data, or throws.
  func decrypt(_ ciphertext: Data, authenticating associatedData: Data) throws -> Data
}
