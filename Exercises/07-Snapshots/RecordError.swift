public import Foundation

/// Why a stored record could not be turned back into an event. Each case names the record.
public enum RecordError: Error, Equatable, CustomStringConvertible {
  /// The record's state did not authenticate: the cipher key is wrong or the bytes changed.
  case unauthenticated(originatorID: UUID, version: Int)
  /// The record's topic is not one the mapper knows.
  case unknownTopic(topic: String, originatorID: UUID, version: Int)
  /// The record's state is not the JSON of an event or snapshot.
  case undecodable(originatorID: UUID, version: Int)

  /// A sentence naming the record and what was wrong with it.
  public var description: String {
    switch self {
    case .unauthenticated(let originatorID, let version):
      "Version \(version) of dog \(originatorID) could not be authenticated: "
        + "the cipher key is wrong or the stored record was changed."
    case .unknownTopic(let topic, let originatorID, let version):
      "Version \(version) of dog \(originatorID) has the unknown topic '\(topic)'."
    case .undecodable(let originatorID, let version):
      "Version \(version) of dog \(originatorID) does not decode."
    }
  }
}
