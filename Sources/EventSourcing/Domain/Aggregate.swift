/// The state of an event-sourced aggregate and how its events change it.
///
/// A conforming type declares its events and writes their effect once, in
/// ``apply(_:)``. ``EventSourced`` runs the same `apply` when a command records an
/// event and when stored events are replayed, so the two can never disagree.
///
/// ```swift
/// struct Dog: Aggregate {
///   enum Event: DomainEvent {
///     case registered(name: String)
///     case trickAdded(trick: String)
///   }
///
///   var name = ""
///   var tricks: [String] = []
///
///   mutating func apply(_ event: Event) {
///     switch event {
///     case .registered(let name): self.name = name
///     case .trickAdded(let trick): tricks.append(trick)
///     }
///   }
/// }
/// ```
///
/// Commands, which decide whether something happens, go in an extension of
/// `EventSourced<Dog>` and call ``EventSourced/record(_:at:)``.
///
/// The state is `Codable` so that it can be kept in snapshots. When its stored shape changes,
/// raise ``stateVersion`` and teach ``upcastState(_:from:)`` how to turn the old shape into the
/// new one, as the Python library's `class_version` and `upcast_v1_v2` do.
public protocol Aggregate: Codable, Sendable {
  /// The events of this aggregate type.
  associatedtype Event: DomainEvent

  /// The version of the state's stored shape: 1 until the shape changes.
  static var stateVersion: Int { get }

  /// The state before any event: what the creation event is applied to.
  init()

  /// Changes the state by one event. It must not fail and must not decide anything:
  /// the decision was made when the event was recorded.
  mutating func apply(_ event: Event)

  /// Turns the JSON of a stored state of shape `version` into shape `version + 1`.
  ///
  /// It is called once per version step, oldest first, for snapshots stored before the shape
  /// changed. The default throws ``UpcastError/noUpcast(type:from:)``.
  static func upcastState(_ state: inout [String: Any], from version: Int) throws
}

extension Aggregate {
  public static var stateVersion: Int { 1 }

  public static func upcastState(_ state: inout [String: Any], from version: Int) throws {
    throw UpcastError.noUpcast(type: String(reflecting: Self.self), from: version)
  }
}
