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
public protocol Aggregate: Sendable {
  /// The events of this aggregate type.
  associatedtype Event: DomainEvent

  /// The state before any event: what the creation event is applied to.
  init()

  /// Changes the state by one event. It must not fail and must not decide anything:
  /// the decision was made when the event was recorded.
  mutating func apply(_ event: Event)
}
