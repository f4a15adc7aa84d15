import Foundation

/// Turns domain events into stored events and back.
///
/// On the way to a recorder an event's state goes through a fixed pipeline, the same as the
/// Python `eventsourcing` library's:
///
/// 1. **transcode**: the event and its timestamp become JSON (`Codable`);
/// 2. **compress**, when a ``Compressor`` is set;
/// 3. **encrypt**, when a ``Cipher`` is set.
///
/// Reading runs the steps in reverse. The topic names the event type, so a record of another
/// type is refused with ``MapperError/unknownTopic(topic:expected:originatorID:version:)``
/// instead of being decoded into nonsense.
public struct Mapper: Sendable {
  /// Compresses state before encryption, when set.
  public let compressor: (any Compressor)?
  /// Encrypts state before it is stored, when set.
  public let cipher: (any Cipher)?
  /// Old topics mapped to current ones, for event types that were renamed or moved.
  public let topicAliases: [String: String]

  /// Creates a mapper.
  ///
  /// - Parameters:
  ///   - compressor: Compresses state, when given.
  ///   - cipher: Encrypts state, when given.
  ///   - topicAliases: Old topics (of a type, or of one enumeration case) mapped to the current
  ///     ones, such as `["OldModule.Dog.Event": "DogSchool.Dog.Event"]`.
  public init(
    compressor: (any Compressor)? = nil, cipher: (any Cipher)? = nil,
    topicAliases: [String: String] = [:]
  ) {
    self.compressor = compressor
    self.cipher = cipher
    self.topicAliases = topicAliases
  }

  /// Returns the stored form of a recorded event.
  public func storedEvent<Event>(_ recorded: RecordedEvent<Event>) throws -> StoredEvent {
    let plaintext: Data
    do {
      plaintext = try JSONEncoder().encode(
        StoredState(timestamp: recorded.timestamp, event: recorded.event))
    } catch {
      throw MapperError.damagedRecord(
        originatorID: recorded.originatorID, version: recorded.originatorVersion,
        reason: "the event cannot be encoded as JSON (\(error))")
    }
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: recorded.event.topic,
      state: try protect(plaintext, originatorID: recorded.originatorID,
        version: recorded.originatorVersion))
  }

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``MapperError`` naming the record when its topic is not of `Event`, or its
  ///   state does not authenticate, decompress or decode.
  public func recordedEvent<Event>(
    _ type: Event.Type = Event.self, from stored: StoredEvent
  ) throws -> RecordedEvent<Event> {
    let plaintext = try plaintextState(of: stored, as: type)
    do {
      let state = try JSONDecoder().decode(StoredState<Event>.self, from: plaintext)
      return RecordedEvent(
        originatorID: stored.originatorID, originatorVersion: stored.originatorVersion,
        timestamp: state.timestamp, event: state.event)
    } catch {
      throw MapperError.damagedRecord(
        originatorID: stored.originatorID, version: stored.originatorVersion,
        reason: "its state does not decode as \(Event.self) (\(error))")
    }
  }

  /// Returns the recorded events that stored events hold, in the same order.
  ///
  /// Decoding many events at once is much faster than one at a time: the states are decoded
  /// as one JSON array. When that fails, each record is decoded alone to name the damaged one.
  public func recordedEvents<Event>(
    _ type: Event.Type = Event.self, from stored: [StoredEvent]
  ) throws -> [RecordedEvent<Event>] {
    guard stored.count > 1 else {
      return try stored.map { try recordedEvent(type, from: $0) }
    }
    var array = Data("[".utf8)
    array.reserveCapacity(stored.reduce(2) { $0 + $1.state.count + 1 })
    for (index, event) in stored.enumerated() {
      if index > 0 { array.append(UInt8(ascii: ",")) }
      array.append(try plaintextState(of: event, as: type))
    }
    array.append(UInt8(ascii: "]"))
    guard let states = try? JSONDecoder().decode([StoredState<Event>].self, from: array) else {
      // One of them is damaged: decoding them one by one throws the error that names it.
      return try stored.map { try recordedEvent(type, from: $0) }
    }
    return zip(stored, states).map { event, state in
      RecordedEvent(
        originatorID: event.originatorID, originatorVersion: event.originatorVersion,
        timestamp: state.timestamp, event: state.event)
    }
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
    let current = currentTopic(of: topic)
    return current == Event.typeTopic || current.hasPrefix(Event.typeTopic + ".")
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

  // MARK: - Pipeline steps

  /// Compresses, then encrypts, as configured.
  func protect(_ plaintext: Data, originatorID: UUID, version: Int) throws -> Data {
    var data = plaintext
    do {
      if let compressor { data = try compressor.compress(data) }
    } catch {
      throw MapperError.damagedRecord(
        originatorID: originatorID, version: version, reason: "compression failed (\(error))")
    }
    if let cipher { data = try cipher.encrypt(data) }
    return data
  }

  /// Decrypts, then decompresses, as configured.
  func unprotect(_ data: Data, originatorID: UUID, version: Int) throws -> Data {
    var plaintext = data
    if let cipher {
      do {
        plaintext = try cipher.decrypt(plaintext)
      } catch {
        throw MapperError.unauthenticated(originatorID: originatorID, version: version)
      }
    }
    if let compressor {
      do {
        plaintext = try compressor.decompress(plaintext)
      } catch {
        throw MapperError.damagedRecord(
          originatorID: originatorID, version: version,
          reason: "its state does not decompress (\(error))")
      }
    }
    return plaintext
  }

  private func plaintextState<Event: DomainEvent>(
    of stored: StoredEvent, as type: Event.Type
  ) throws -> Data {
    guard isTopic(stored.topic, of: type) else {
      throw MapperError.unknownTopic(
        topic: stored.topic, expected: Event.typeTopic, originatorID: stored.originatorID,
        version: stored.originatorVersion)
    }
    return try unprotect(
      stored.state, originatorID: stored.originatorID, version: stored.originatorVersion)
  }
}

/// What a stored event's state holds before compression and encryption.
struct StoredState<Event: DomainEvent>: Codable {
  let timestamp: Date
  let event: Event
}
