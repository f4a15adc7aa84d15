public import EventSourcing
public import Foundation

/// Makes stored events for the conformance suites: recognizable, and unlike each other.
public enum TestEvents {
  /// A stored event of `originatorID` at `version`, whose state names both.
  public static func make(_ originatorID: UUID, version: Int) -> StoredEvent {
    StoredEvent(
      originatorID: originatorID, originatorVersion: version, topic: "Testing.Event.happened",
      state: Data(#"{"originator":"\#(originatorID)","version":\#(version)}"#.utf8))
  }

  /// The stored events of `originatorID` with the given versions, in that order.
  public static func make(_ originatorID: UUID, versions: some Sequence<Int>) -> [StoredEvent] {
    versions.map { make(originatorID, version: $0) }
  }
}
