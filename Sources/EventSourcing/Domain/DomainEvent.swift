import Foundation

/// Something that happened to an aggregate: a decision, recorded as a value.
///
/// An event type carries only what the decision was about. The aggregate's identity,
/// the version the event gives it and the time it happened are added by
/// ``RecordedEvent``, so no event type has to declare them.
///
/// Most aggregates declare their events as one enumeration:
///
/// ```swift
/// enum Event: DomainEvent {
///   case registered(name: String)
///   case trickAdded(trick: String)
/// }
/// ```
///
/// When an event type's stored shape changes, raise ``eventVersion`` and teach
/// ``upcastEvent(_:from:)`` how to turn the old shape's JSON into the new one, as the Python
/// library's `class_version` and `upcast_v1_v2` do: events stored before the change then load
/// as the current type.
public protocol DomainEvent: Codable, Equatable, Sendable {
  /// The topic of the event type: the name under which its events are stored.
  ///
  /// The default is the fully qualified type name, such as `DogSchool.Dog.Event`.
  /// A type that is renamed or moved can keep its stored name by returning the old one here,
  /// or the old topic can be mapped to the new one with ``Mapper``'s `topicAliases`.
  static var typeTopic: String { get }

  /// The version of the type's stored shape: 1 until the shape changes.
  static var eventVersion: Int { get }

  /// Turns the JSON of a stored event of shape `version` into shape `version + 1`.
  ///
  /// The dictionary is the event as `Codable` encodes it; for an enumeration, one key named
  /// after the case, such as `["trickAdded": ["trick": "sit"]]`. It is called once per version
  /// step, oldest first. The default throws ``UpcastError/noUpcast(type:from:)``.
  static func upcastEvent(_ event: inout [String: Any], from version: Int) throws
}

extension DomainEvent {
  public static var typeTopic: String { TypeName.reflecting(Self.self) }

  public static var eventVersion: Int { 1 }

  public static func upcastEvent(_ event: inout [String: Any], from version: Int) throws {
    throw UpcastError.noUpcast(type: String(reflecting: Self.self), from: version)
  }

  /// The topic of this event: the type's topic and, for an enumeration, the case's name.
  ///
  /// `Dog.Event.trickAdded(trick:)` is stored as `DogSchool.Dog.Event.trickAdded`, so that a
  /// reader of the notification log sees what happened without decoding the state.
  public var topic: String { EventTopics.topic(of: self) }
}
