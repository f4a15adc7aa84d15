public import Foundation

/// Encrypts and authenticates stored state before it reaches a recorder.
///
/// `decrypt` must throw, never return garbage, when the data was not produced by `encrypt`
/// with the same key: the ``Mapper`` turns that into an error naming the damaged record.
public protocol Cipher: Sendable {
  /// Returns the encrypted and authenticated form of `plaintext`.
  func encrypt(_ plaintext: Data) throws -> Data
  /// Returns the plaintext of data made by ``encrypt(_:)``, or throws when it does not
  /// authenticate.
  func decrypt(_ ciphertext: Data) throws -> Data
}
