public import Foundation

/// Why a stored event could not be turned back into a dog's event.
public enum MappingError: Error, Equatable, CustomStringConvertible {
  /// The topic names no case of `DogEvent`: written by a newer program, or damaged.
  case unknownTopic(String, originatorID: UUID, version: Int)
  /// The topic is known, but the state is not the JSON that case needs.
  case damagedState(topic: String, originatorID: UUID, version: Int)

  /// A sentence naming what was wrong and which record it was.
  public var description: String {
    switch self {
    case .unknownTopic(let topic, let originatorID, let version):
      "Event \(version) of dog \(originatorID) has the unknown topic \(topic)."
    case .damagedState(let topic, let originatorID, let version):
      "Event \(version) of dog \(originatorID) (\(topic)) has state that is not valid JSON for it."
    }
  }
}
