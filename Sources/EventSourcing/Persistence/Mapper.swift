public import Foundation

/// Turns domain events into stored events and back.
///
/// On the way to a recorder an event's state goes through a fixed pipeline, the same as the
/// Python `eventsourcing` library's, with hash chaining added:
///
/// 1. **transcode**: the event and its timestamp become JSON (`Codable`);
/// 2. **chain**, when a ``HashChain`` is set: the JSON is framed with the hash of the
///    previous event and its own hash, so the hashes cover the plaintext and survive a change
///    of cipher key;
/// 3. **compress**, when a ``Compressor`` is set (encrypted bytes do not compress);
/// 4. **encrypt**, when a ``Cipher`` is set.
///
/// Reading runs the steps in reverse: decrypt (authenticating each record), decompress,
/// verify the chain link by link, decode. States are written and read by the library's own JSON
/// encoder and decoder, which write what `JSONEncoder` would mean and read it several times
/// faster than Foundation's. The topic
/// names the event type, so a record of another type is refused with
/// ``MapperError/unknownTopic(topic:expected:originatorID:version:)`` instead of being decoded
/// into nonsense.
public struct Mapper: Sendable {
  /// Compresses state before encryption, when set.
  public let compressor: (any Compressor)?
  /// Encrypts state before it is stored, when set.
  public let cipher: (any Cipher)?
  /// Links each aggregate's events by hashes, and verifies the links on reading, when set.
  public let hashChain: HashChain?
  /// Old topics mapped to current ones, for event types that were renamed or moved.
  public let topicAliases: [String: String]
  /// The largest state, in bytes before compression and encryption, that this mapper stores:
  /// a larger event or snapshot is refused before anything is stored, with
  /// ``MapperError/stateTooLarge(originatorID:version:size:limit:)``. A compressor's
  /// ``Compressor/maximumDecompressedSize`` lowers it, so that every stored record can be
  /// read back. 64 MiB unless given (`MAX_STATE_SIZE` for applications configured by
  /// environment).
  public let maximumStateSize: Int

  /// The default ``maximumStateSize``: 64 MiB, as ``ZlibCompressor`` decompresses.
  public static let defaultMaximumStateSize = 64 << 20

  /// Creates a mapper.
  ///
  /// - Parameters:
  ///   - compressor: Compresses state, when given.
  ///   - cipher: Encrypts state, when given.
  ///   - hashChain: Chains each aggregate's events by hashes, when given.
  ///   - topicAliases: Old topics (of a type, or of one enumeration case) mapped to the current
  ///     ones, such as `["OldModule.Dog.Event": "DogSchool.Dog.Event"]`.
  ///   - maximumStateSize: The largest state to store, in bytes before compression and
  ///     encryption.
  public init(
    compressor: (any Compressor)? = nil, cipher: (any Cipher)? = nil,
    hashChain: HashChain? = nil, topicAliases: [String: String] = [:],
    maximumStateSize: Int = Mapper.defaultMaximumStateSize
  ) {
    self.compressor = compressor
    self.cipher = cipher
    self.hashChain = hashChain
    self.topicAliases = topicAliases
    self.maximumStateSize = maximumStateSize
  }

  /// Returns the stored form of a recorded event.
  ///
  /// With a ``hashChain`` the event starts a new chain: use
  /// ``storedEvents(_:after:)`` for an aggregate's later events.
  public func storedEvent<Event>(_ recorded: RecordedEvent<Event>) throws -> StoredEvent {
    try storedEvent(recorded, previousHash: nil).event
  }

  /// Returns the stored forms of one aggregate's consecutive events, oldest first, each
  /// linked to the one before it when a ``hashChain`` is set.
  ///
  /// - Parameters:
  ///   - recorded: The events, oldest first.
  ///   - headHash: The hash of the aggregate's latest stored event, or `nil` when none is
  ///     stored or it is not chained.
  public func storedEvents<Event>(
    _ recorded: [RecordedEvent<Event>], after headHash: Data?
  ) throws -> [StoredEvent] {
    var previous = headHash
    return try recorded.map { event in
      let (stored, hash) = try storedEvent(event, previousHash: previous)
      previous = hash
      return stored
    }
  }

  private func storedEvent<Event>(
    _ recorded: RecordedEvent<Event>, previousHash: Data?
  ) throws -> (event: StoredEvent, hash: Data?) {
    var plaintext: Data
    do {
      plaintext = try StoredState.json(timestamp: recorded.timestamp, event: recorded.event)
    } catch {
      throw MapperError.unencodable(
        originatorID: recorded.originatorID, version: recorded.originatorVersion,
        reason: CodingErrorSummary.describe(error))
    }
    let topic = recorded.event.topic
    var ownHash: Data?
    if let hashChain {
      let previous = previousHash ?? HashChain.genesis
      let hash = hashChain.hash(
        topic: topic, originatorID: recorded.originatorID, version: recorded.originatorVersion,
        payload: plaintext, previous: previous)
      plaintext = HashChainEnvelope.frame(payload: plaintext, previousHash: previous, ownHash: hash)
      ownHash = hash
    }
    let place = RecordPlace(
      kind: .event, originatorID: recorded.originatorID, version: recorded.originatorVersion,
      topic: topic)
    let stored = StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: topic, state: try protect(plaintext, place: place))
    return (stored, ownHash)
  }

  /// Returns the recorded event that a stored event holds.
  ///
  /// With a ``hashChain`` the event's own hash is checked, but not its link to the event
  /// before it: use ``recordedEvents(_:from:)`` on the aggregate's events for that.
  ///
  /// - Throws: ``MapperError`` naming the record when its topic is not of `Event`, or its
  ///   state does not authenticate, decompress, verify or decode.
  public func recordedEvent<Event>(
    _ type: Event.Type = Event.self, from stored: StoredEvent
  ) throws -> RecordedEvent<Event> {
    var verifier = HashChainVerifier(chain: hashChain)
    var decoder = FastJSONDecoder()
    var timestamp = Date.distantPast
    let event = try event(
      type, from: stored, typeTopic: Event.typeTopic, verifier: &verifier, decoder: &decoder,
      timestamp: &timestamp)
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion,
      timestamp: timestamp, event: event)
  }

  /// Returns the recorded events that stored events hold, in the same order.
  ///
  /// With a ``hashChain`` the events must be one aggregate's consecutive events, oldest
  /// first, and every link between them is checked.
  ///
  /// Decoding many events at once is much faster than one at a time: the event type's topic
  /// is worked out once, a record with the same topic as the one before it is not checked
  /// again, and one decoder's token table serves every record.
  ///
  /// - Throws: ``MapperError`` naming the first record that fails.
  public func recordedEvents<Event>(
    _ type: Event.Type = Event.self, from stored: [StoredEvent]
  ) throws -> [RecordedEvent<Event>] {
    var verifier = HashChainVerifier(chain: hashChain)
    return try replay(type, from: stored[...], verifier: &verifier)
  }

  /// Returns the hash that one aggregate's stored events end with, after checking every
  /// link, or `nil` when no ``hashChain`` is set or the events are not chained.
  ///
  /// - Parameter stored: The aggregate's events from version 1, oldest first.
  /// - Throws: ``MapperError`` naming the first record that fails.
  public func headHash(of stored: [StoredEvent]) throws -> Data? {
    var verifier = HashChainVerifier(chain: hashChain, startsAtFirstVersion: true)
    for event in stored {
      _ = try verifier.payload(of: unprotect(event.state, place: .event(event)), in: event)
    }
    return verifier.headHash
  }

  /// The hash-chain hash a stored event carries, or `nil` when it is not chained. It is not
  /// verified: this is for the head hash of events this mapper has just made.
  func chainHash(of stored: StoredEvent) throws -> Data? {
    let plaintext = try unprotect(stored.state, place: .event(stored))
    return try? HashChainEnvelope(parsing: plaintext)?.ownHash
  }

  /// Returns the topic after following ``topicAliases``, for the topic of a type or of one of
  /// its enumeration cases.
  public func currentTopic(of topic: String) -> String {
    if let renamed = topicAliases[topic] { return renamed }
    if let dot = topic.lastIndex(of: "."), let renamed = topicAliases[String(topic[..<dot])] {
      return renamed + topic[dot...]
    }
    return topic
  }

  /// Whether a stored topic, after following ``topicAliases``, names events of `type`.
  public func isTopic<Event: DomainEvent>(_ topic: String, of type: Event.Type) -> Bool {
    isTopic(topic, typeTopic: Event.typeTopic)
  }

  /// Whether a stored topic names `typeTopic` or one of its cases; comparing bytes first, as
  /// topics are almost always written exactly as the type's.
  func isTopic(_ topic: String, typeTopic: String) -> Bool {
    if topicAliases.isEmpty, Self.hasTypeTopic(topic, typeTopic) { return true }
    let current = currentTopic(of: topic)
    return current == typeTopic || current.hasPrefix(typeTopic + ".")
  }

  /// Whether `topic` is `typeTopic`, or `typeTopic` followed by a dot, byte for byte.
  private static func hasTypeTopic(_ topic: String, _ typeTopic: String) -> Bool {
    let bytes = topic.utf8
    let prefix = typeTopic.utf8
    guard bytes.count >= prefix.count, bytes.starts(with: prefix) else { return false }
    return bytes.count == prefix.count
      || bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] == UInt8(ascii: ".")
  }

  /// Returns the recorded event a notification carries when it is of `type`, or `nil` when it
  /// is of another type: for followers that care about some of a log's events only.
  ///
  /// - Throws: ``MapperError`` naming the record when it is of `type` but cannot be read.
  public func recordedEvent<Event>(
    _ type: Event.Type = Event.self, ifTopicMatches notification: EventNotification
  ) throws -> RecordedEvent<Event>? {
    guard isTopic(notification.topic, of: type) else { return nil }
    return try recordedEvent(type, from: notification.storedEvent)
  }

  /// Reads one record's event and its timestamp: checks its topic against `typeTopic` unless
  /// that is `nil` (already checked), then decrypts, decompresses, verifies its hash-chain
  /// link and decodes its state.
  ///
  /// Returns the event alone, so that a caller reading many records makes their envelopes
  /// itself: making a value of a generic type costs a lookup of its metadata, which a loop
  /// does once and a function called in the loop does at every call.
  func event<Event: DomainEvent>(
    _ type: Event.Type, from stored: StoredEvent, typeTopic: String?,
    verifier: inout HashChainVerifier, decoder: inout FastJSONDecoder, timestamp: inout Date
  ) throws -> Event {
    if let typeTopic, !isTopic(stored.topic, typeTopic: typeTopic) {
      throw MapperError.unknownTopic(
        topic: stored.topic, expected: typeTopic, originatorID: stored.originatorID,
        version: stored.originatorVersion)
    }
    var payload = try verifiedPayload(of: stored, verifier: &verifier)
    do {
      let event: Event
      do {
        event = try decoder.decode(from: payload) {
          try StoredState<Event>.event(reading: $0, timestamp: &timestamp)
        }
      } catch let older as OlderEventShape {
        payload = try StoredJSON.upcast(
          payload, key: "event", versionKey: "version", from: older.version,
          to: Event.eventVersion, typeName: String(reflecting: Event.self),
          step: Event.upcastEvent)
        event = try decoder.decode(from: payload) {
          try StoredState<Event>.event(reading: $0, timestamp: &timestamp)
        }
      }
      return event
    } catch let error as UpcastError {
      throw error
    } catch {
      throw MapperError.damagedRecord(
        originatorID: stored.originatorID, version: stored.originatorVersion,
        reason: "its state does not decode as \(Event.self) (\(CodingErrorSummary.describe(error))). If the shape of "
          + "\(Event.self) changed, raise its eventVersion and implement upcastEvent(_:from:).")
    }
  }
}

/// What a stored event's state holds before compression and encryption.
///
/// The JSON holds the event's shape version under `version` only when it is above 1, so that
/// events of types that never changed shape stay as small as they were.
struct StoredState<Event: DomainEvent>: Codable {
  let timestamp: Date
  let event: Event

  private enum CodingKeys: String, CodingKey {
    case timestamp, event, version
  }

  init(timestamp: Date, event: Event) {
    self.timestamp = timestamp
    self.event = event
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    timestamp = try container.decode(Date.self, forKey: .timestamp)
    event = try container.decode(Event.self, forKey: .event)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(timestamp, forKey: .timestamp)
    try container.encode(event, forKey: .event)
    if Event.eventVersion > 1 { try container.encode(Event.eventVersion, forKey: .version) }
  }

  /// Writes the event and its timestamp as `encode(to:)` would, without a keyed container:
  /// the fast path of saving events, for the reason ``event(reading:timestamp:)`` gives.
  static func json(timestamp: Date, event: Event) throws -> Data {
    try FastJSONEncoder().encodeObject(
      fallback: StoredState(timestamp: timestamp, event: event)
    ) { object in
      try object.member("timestamp", timestamp)
      try object.member("event", event)
      if Event.eventVersion > 1 { try object.member("version", Event.eventVersion) }
    }
  }

  /// Reads the event and its timestamp as `init(from:)` would, without a keyed container:
  /// the fast path of loading events.
  ///
  /// A static function that returns the event alone, because making a value of this generic
  /// type costs a lookup of its metadata, once for every event loaded.
  ///
  /// - Throws: ``OlderEventShape`` when the event was stored in an older shape, so that the
  ///   mapper can upcast it first.
  static func event(reading value: JSONValueDecoder, timestamp: inout Date) throws -> Event {
    if Event.eventVersion > 1 {
      let stored = (try? value.member("version").decode(Int.self)) ?? 1
      if stored < Event.eventVersion { throw OlderEventShape(version: stored) }
    }
    timestamp = try value.member("timestamp").decode(Date.self)
    return try value.member("event").decode(Event.self)
  }
}

/// A stored event's shape is older than its type's ``DomainEvent/eventVersion``.
struct OlderEventShape: Error {
  let version: Int
}
