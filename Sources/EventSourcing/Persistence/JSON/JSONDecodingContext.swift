/// What every value of a ``FastJSONDecoder``'s documents shares beyond the token table: the
/// bytes of the document being read, and a keyed-container maker for each key type met so far.
///
/// A class, so that a ``JSONDocument`` reaches it through one word and a decoder still fits in
/// an existential's inline buffer. It belongs to one decoder, which is used by one task at a
/// time, so it needs no lock; and its properties are never accessed in overlapping ways, so
/// they skip the run-time exclusivity checks that would cost more than the reads they guard.
///
/// Why makers: a `KeyedDecodingContainer<Key>` whose key type is known only at run time, as
/// in every synthesized `init(from:)`, costs three lookups in the Swift runtime's caches: the
/// metadata of `JSONKeyedContainer<Key>`, its conformance, and the standard library's box.
/// The first two were a quarter of the time it took to decode an enumeration's case. A maker,
/// made once per key type, holds the first two, so a container costs only the third.
final class JSONDecodingContext {
  /// The bytes of the document being decoded; set by the decoder before it reads a document.
  @exclusivity(unchecked) var bytes: UnsafePointer<UInt8>?

  /// Whether the decoder has read a document before this one. Makers are made from the
  /// second document on: they pay off when a decoder reads many documents, as the mapper's
  /// does when it replays events, and cost more than they save in a decoder that reads one
  /// small document, as when a follower decodes one event at a time.
  @exclusivity(unchecked) var isReused = false

  @exclusivity(unchecked) private var keyTypes: [ObjectIdentifier] = []
  @exclusivity(unchecked) private var makers: [AnyObject] = []

  /// A keyed container of the object at `index`.
  ///
  /// - Throws: `DecodingError.typeMismatch` when the value at `index` is not an object.
  func container<Key: CodingKey>(
    keyedBy type: Key.Type, document: JSONDocument, index: Int
  ) throws -> KeyedDecodingContainer<Key> {
    guard isReused else {
      return KeyedDecodingContainer(try JSONKeyedContainer<Key>(document: document, index: index))
    }
    return try maker(for: type).container(document, index)
  }

  /// The keys of the object at `index` that `Key` knows, in document order.
  func keys<Key: CodingKey>(
    ofObjectAt index: Int, in document: JSONDocument, as type: Key.Type
  ) -> [Key] {
    guard isReused else { return document.keys(ofObjectAt: index, as: type) }
    return maker(for: type).keys(ofObjectAt: index, in: document)
  }

  /// The maker for `Key`, made on first use.
  private func maker<Key: CodingKey>(for type: Key.Type) -> KeyedContainerMaker<Key> {
    let keyType = ObjectIdentifier(type)
    for position in keyTypes.indices where keyTypes[position] == keyType {
      // Only a maker for `Key` is stored under `Key`'s identifier. A checked cast would cost
      // the very lookup that the maker saves.
      return unsafeDowncast(makers[position], to: KeyedContainerMaker<Key>.self)
    }
    let maker = KeyedContainerMaker(making: JSONKeyedContainer<Key>.self)
    keyTypes.append(keyType)
    makers.append(maker)
    return maker
  }
}

/// Makes keyed containers of one key type, and keeps the key lists of objects with one member.
///
/// Used by one decoder's context only, so, like the context's, its properties skip the
/// run-time exclusivity checks.
private final class KeyedContainerMaker<Key: CodingKey> {
  /// Makes a container. A closure made in a context generic over the container type, so that
  /// it holds that type's metadata and conformance instead of looking them up at each call.
  let container: (JSONDocument, Int) throws -> KeyedDecodingContainer<Key>

  /// How many one-member objects' key lists are kept at most: enough for the cases of most
  /// enumerations of events (others make the rest anew each time), while a dictionary's keys
  /// (one list per distinct key) cannot make the cache grow without end.
  private static var keptKeyLists: Int { 32 }
  @exclusivity(unchecked) private var memberNames: [[UInt8]] = []
  /// The lists, each a ``KeyList`` of `Key`. Held as `AnyObject`s because reading an array
  /// of `[Key]` looks up the metadata of `[Key]` each time.
  @exclusivity(unchecked) private var keyLists: [AnyObject] = []

  init<Container: JSONObjectContainer>(making type: Container.Type) where Container.Key == Key {
    container = { document, index in
      KeyedDecodingContainer(try Container(document: document, index: index))
    }
  }

  /// The keys of the object at `index` that `Key` knows, in document order.
  ///
  /// An enumeration's synthesized `init(from:)` asks for the keys of an object whose one
  /// member names the case, once per value. The list for each case name is made once, as
  /// each new list costs an allocation and a metadata lookup.
  func keys(ofObjectAt index: Int, in document: JSONDocument) -> [Key] {
    guard let name = document.onlyMemberName(ofObjectAt: index) else {
      return document.keys(ofObjectAt: index, as: Key.self)
    }
    for position in memberNames.indices
    where memberNames[position].withUnsafeBufferPointer({ JSONDocument.equal($0, name) }) {
      // Every list kept by this maker is a list of `Key`s.
      return unsafeDowncast(keyLists[position], to: KeyList<Key>.self).keys
    }
    let keys = document.keys(ofObjectAt: index, as: Key.self)
    if memberNames.count < Self.keptKeyLists {
      memberNames.append(Array(name))
      keyLists.append(KeyList(keys: keys))
    }
    return keys
  }
}

/// A list of keys kept by a ``KeyedContainerMaker``.
private final class KeyList<Key: CodingKey> {
  let keys: [Key]

  init(keys: [Key]) {
    self.keys = keys
  }
}

/// A keyed container of one object of a ``JSONDocument``.
protocol JSONObjectContainer: KeyedDecodingContainerProtocol {
  /// A container of the object at `index`.
  ///
  /// - Throws: `DecodingError.typeMismatch` when the value at `index` is not an object.
  init(document: JSONDocument, index: Int) throws
}

extension JSONKeyedContainer: JSONObjectContainer {}
