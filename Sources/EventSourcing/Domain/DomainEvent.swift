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
public protocol DomainEvent: Codable, Equatable, Sendable {
  /// The topic of the event type: the name under which its events are stored.
  ///
  /// The default is the fully qualified type name, such as `DogSchool.Dog.Event`.
  /// A type that is renamed or moved can keep its stored name by returning the old one here,
  /// or the old topic can be mapped to the new one with ``Mapper/init(transcoder:compressor:cipher:topicAliases:)``.
  static var typeTopic: String { get }
}

extension DomainEvent {
  public static var typeTopic: String { String(reflecting: Self.self) }

  /// The topic of this event: the type's topic and, for an enumeration, the case's name.
  ///
  /// `Dog.Event.trickAdded(trick:)` is stored as `DogSchool.Dog.Event.trickAdded`, so that a
  /// reader of the notification log sees what happened without decoding the state.
  public var topic: String {
    guard let caseName = Self.caseName(of: self) else { return Self.typeTopic }
    return Self.typeTopic + "." + caseName
  }

  /// The name of an enumeration case, with or without associated values; `nil` for other types.
  private static func caseName(of value: Self) -> String? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .enum else { return nil }
    // A case with associated values reflects as one child labelled with the case's name;
    // a case without them describes itself as its name.
    if let label = mirror.children.first?.label { return label }
    return String(describing: value)
  }
}
