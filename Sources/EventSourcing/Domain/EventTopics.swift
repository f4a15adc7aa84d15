import Synchronization

/// The topics of events, worked out once per event type and enumeration case.
///
/// An event's topic is its type's topic and, for an enumeration, the case's name. Finding the
/// case by `Mirror` took longer than encoding the event, for every event saved, so the topic
/// is kept per type and case, found by the case name that the Swift runtime gives.
enum EventTopics {
  private struct Key: Hashable {
    let type: ObjectIdentifier
    /// The address of the case's name in the type's metadata, which identifies the case.
    let caseName: UInt
  }

  private struct Cache {
    var topics: [Key: String] = [:]
    /// Event types known not to be enumerations.
    var otherTypes: Set<ObjectIdentifier> = []
  }

  private static let cache = Mutex(Cache())

  /// The topic of `event`, such as `DogSchool.Dog.Event.trickAdded`.
  static func topic<Event: DomainEvent>(of event: Event) -> String {
    let type = ObjectIdentifier(Event.self)
    guard let name = enumCaseName(of: event) else {
      // Not an enumeration, or one whose metadata has no case names (built without
      // reflection metadata): ask `Mirror`, and remember a type that is no enumeration.
      if cache.withLock({ $0.otherTypes.contains(type) }) { return Event.typeTopic }
      guard let caseName = mirroredCaseName(of: event) else {
        cache.withLock { _ = $0.otherTypes.insert(type) }
        return Event.typeTopic
      }
      return Event.typeTopic + "." + caseName
    }
    let key = Key(type: type, caseName: UInt(bitPattern: name))
    if let topic = cache.withLock({ $0.topics[key] }) { return topic }
    let topic = Event.typeTopic + "." + String(cString: name)
    cache.withLock { $0.topics[key] = topic }
    return topic
  }

  /// The name of an enumeration case, with or without associated values, by `Mirror`; `nil`
  /// for other values.
  static func mirroredCaseName(of value: some Any) -> String? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .enum else { return nil }
    // A case with associated values reflects as one child labelled with the case's name;
    // a case without them describes itself as its name.
    if let label = mirror.children.first?.label { return label }
    return String(describing: value)
  }
}

/// The name of an enumeration value's case, from the type's metadata, or `nil` for a value of
/// another kind of type.
///
/// `swift_EnumCaseName` is the Swift runtime's function behind `String(describing:)` of a
/// case; the standard library declares it the same way, and the runtime exports it on every
/// platform. It only reads the value (borrowed, not consumed) and returns a pointer into the
/// type's metadata, which lives as long as the process, so keeping the address is safe.
@_silgen_name("swift_EnumCaseName")
private func enumCaseName<T>(of value: T) -> UnsafePointer<CChar>?
