import Synchronization

/// The topics of events, worked out once per event type and enumeration case.
///
/// An event's topic is its type's topic and, for an enumeration, the case's name. Finding the
/// case's name costs about a microsecond (`swift_EnumCaseName`), and `Mirror` more; both were
/// a large part of saving an event. So topics are kept per type and case, looked up by the
/// case's index (``EnumCaseIndex``), which costs a few instructions.
///
/// The index is trusted only after it has agreed with the case's name: the first
/// ``checkedLookups`` lookups of each case also ask for the name, and a type whose index and
/// name ever disagree is looked up by name from then on.
enum EventTopics {
  private struct CaseKey: Hashable {
    let type: ObjectIdentifier
    let index: UInt32
  }

  private struct NameKey: Hashable {
    let type: ObjectIdentifier
    /// The address of the case's name in the type's metadata, which identifies the case.
    let caseName: UInt
  }

  /// A topic found by case index, and how often the index has been checked against the name.
  private struct IndexedTopic {
    let topic: String
    let caseName: UInt
    var checks: Int
  }

  private struct Cache {
    var byIndex: [CaseKey: IndexedTopic] = [:]
    var byName: [NameKey: String] = [:]
    /// Enumerations whose case index did not agree with the case's name.
    var unindexedTypes: Set<ObjectIdentifier> = []
    /// Event types known not to be enumerations.
    var otherTypes: Set<ObjectIdentifier> = []
  }

  /// How many lookups of each case also check the index against the case's name.
  static var checkedLookups: Int { 8 }

  private static let cache = Mutex(Cache())

  /// The topic of `event`, such as `DogSchool.Dog.Event.trickAdded`.
  static func topic<Event: DomainEvent>(of event: Event) -> String {
    let type = ObjectIdentifier(Event.self)
    if let index = EnumCaseIndex.of(event) {
      let key = CaseKey(type: type, index: index)
      let known = cache.withLock { cache -> IndexedTopic? in
        guard let indexed = cache.byIndex[key], indexed.checks >= checkedLookups else {
          return nil
        }
        return indexed
      }
      if let known { return known.topic }
      return checkedTopic(of: event, key: key)
    }
    return topicByName(of: event)
  }

  /// The topic of `event` by its case's name, which also checks and records its case index.
  private static func checkedTopic<Event: DomainEvent>(of event: Event, key: CaseKey) -> String {
    guard let name = enumCaseName(of: event) else { return topicByName(of: event) }
    let topic = topic(of: Event.self, caseNamed: name)
    let caseName = UInt(bitPattern: name)
    cache.withLock { cache in
      guard !cache.unindexedTypes.contains(key.type) else { return }
      guard var indexed = cache.byIndex[key] else {
        cache.byIndex[key] = IndexedTopic(topic: topic, caseName: caseName, checks: 1)
        return
      }
      guard indexed.caseName == caseName else {
        // The index does not tell this type's cases apart: forget it for the whole type.
        cache.unindexedTypes.insert(key.type)
        cache.byIndex = cache.byIndex.filter { $0.key.type != key.type }
        return
      }
      indexed.checks += 1
      cache.byIndex[key] = indexed
    }
    return topic
  }

  /// The topic of `event`, by its case's name.
  private static func topicByName<Event: DomainEvent>(of event: Event) -> String {
    if let name = enumCaseName(of: event) { return topic(of: Event.self, caseNamed: name) }
    // Not an enumeration, or one whose metadata has no case names (built without reflection
    // metadata): ask `Mirror`, and remember a type that is no enumeration.
    let type = ObjectIdentifier(Event.self)
    if cache.withLock({ $0.otherTypes.contains(type) }) { return Event.typeTopic }
    guard let caseName = mirroredCaseName(of: event) else {
      cache.withLock { _ = $0.otherTypes.insert(type) }
      return Event.typeTopic
    }
    return Event.typeTopic + "." + caseName
  }

  /// The topic of the case of `Event` whose name the runtime keeps at `name`.
  private static func topic<Event: DomainEvent>(
    of type: Event.Type, caseNamed name: UnsafePointer<CChar>
  ) -> String {
    let key = NameKey(type: ObjectIdentifier(type), caseName: UInt(bitPattern: name))
    if let topic = cache.withLock({ $0.byName[key] }) { return topic }
    let topic = Event.typeTopic + "." + String(cString: name)
    cache.withLock { $0.byName[key] = topic }
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
