/// The workshop's chapters, in order: the one table to extend when a chapter is added.
///
/// A new chapter also needs one entry in `workshopChapters` in Package.swift, its folders
/// `Exercises/NN-Name/` (with README.md) and `Solutions/NN-Name/`, and `Tests/ChapterNNTests/`.
/// `workshop verify` checks that they all exist and that the tests fail and pass as they should.
public enum Chapters {
  /// Every chapter, in order.
  public static let all: [Chapter] = [
    Chapter(
      number: 1, folder: "01-PlainDog", title: "A plain Dog",
      hints: [
        1: [
          "The placeholder in init(name:) assigns \"\" to self.name. Assign the parameter instead.",
          "Write `self.name = name`. `tricks` already starts empty.",
        ],
        2: [
          "`tricks` is an array: Array.append(_:) adds an element at the end.",
          "Write `tricks.append(trick)` in addTrick(_:).",
        ],
      ]),
    Chapter(
      number: 2, folder: "02-EventSourcedDog", title: "An event-sourced Dog",
      hints: [
        1: [
          "Switch over the event: `switch event { case .registered(let name): ... }`.",
          "`.registered` sets `self.name = name`; `.trickAdded` does `tricks.append(trick)`.",
        ],
        2: [
          "In record(_:), the next version is `version + 1` (not `pendingEvents.count + 1`, which restarts after collectEvents()). Build a RecordedEvent with `id`.",
          "record(_:) does four things: make the RecordedEvent, apply(event), set `version`, append to pendingEvents.",
          "addTrick(_:) should only call `record(.trickAdded(trick: trick))`. Appending to `tricks` there too applies the trick twice.",
        ],
        3: [
          "Keep the pending events in a constant, clear `pendingEvents`, return the constant.",
          "`defer { pendingEvents = [] }` followed by `return pendingEvents` does it in two lines.",
        ],
        4: [
          "Take `events.first` (throw HistoryError.noEvents if there is none) and call `self.init(id: first.originatorID)`.",
          "Then loop over all events: check `originatorID == id` and `originatorVersion == version + 1`, apply the event, set `version`.",
          "Do not call record(_:) while replaying: the events are already recorded, so they must not become pending again.",
        ],
      ]),
    Chapter(
      number: 3, folder: "03-EventStore", title: "An in-memory event store and an application",
      hints: [
        1: [
          "Everything happens inside `try histories.withLock { histories in ... }`.",
          "An event fits only if it carries its dog's next version: `event.originatorVersion == history.count + 1`. Anything else is a conflict: a version already taken, or a gap (3 right after 1).",
          "Throw `EventStoreError.versionConflict(originatorID: event.originatorID, version: event.originatorVersion)`.",
        ],
        2: [
          "Copy the dictionary (`var updated = histories`), check and append every event to the copy, and assign it back only at the end.",
          "Checking against the copy also catches a version repeated within one call.",
          "Use one withLock for the check and the write: two separate locks let another append slip in between.",
          "Do not commit dog by dog: if any dog's event does not fit, no dog's events are stored.",
        ],
        3: [
          "Read the dog's array inside withLock: `histories.withLock { $0[originatorID] ?? [] }`.",
          "Limit the versions with `filter { $0.originatorVersion <= version }` when `version` is not nil.",
        ],
        4: [
          "Call `store.events(for: id, through: version)`; the store already does the time travel.",
          "Throw `RepositoryError.aggregateNotFound(id: id)` when the events are empty, else return `try Dog(replaying: events)`.",
        ],
        5: [
          "save(_:) is one line: `try await store.append(dog.pendingEvents)`.",
          "registerDog: `let dog = Dog.register(name: name)`, save it, return `dog.id`.",
          "addTrick: `var dog = try await repository.get(dogID)`, `dog.addTrick(trick)`, save it. getDog returns `DogDetails(name:tricks:)`.",
        ],
      ]),
    Chapter(
      number: 4, folder: "04-SQLitePersistence", title: "SQLite persistence",
      hints: [
        1: [
          "Switch over `recorded.event`; give each case a topic constant such as \"DogEvent.registered\".",
          "Encode a small Codable struct per case with JSONEncoder: `struct Registered: Codable { let name: String }`.",
          "Return `StoredEvent(originatorID:originatorVersion:topic:state:)` with the recorded event's ID and version.",
        ],
        2: [
          "Switch over `stored.topic` with the same constants, and decode the case's struct with JSONDecoder.",
          "Compare whole topics, never prefixes; the `default:` case throws `MappingError.unknownTopic(stored.topic, originatorID:version:)`.",
          "Wrap the decoding in do/catch: `catch is DecodingError` throws `MappingError.damagedState(topic:originatorID:version:)`.",
        ],
        3: [
          "createTable: `CREATE TABLE IF NOT EXISTS stored_events (notification_id INTEGER PRIMARY KEY AUTOINCREMENT, originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, topic TEXT NOT NULL, state BLOB NOT NULL, UNIQUE (originator_id, originator_version))`.",
          "insert: `try database.withLock { database in try database.transaction { try events.map { ... } } }`; after each INSERT, `database.lastInsertedRowID` is its notification ID.",
          "Catch `let error as DatabaseError where error.isUniqueConstraintViolation` around the INSERT and throw `RecorderError.versionConflict(originatorID:version:)`. A plain INSERT, not INSERT OR IGNORE.",
        ],
        4: [
          "Start from `SELECT originator_version, topic, state FROM stored_events WHERE originator_id = ?` with `[.text(originatorID.uuidString)]`.",
          "Append ` AND originator_version > ?` for `after`, ` AND originator_version <= ?` for `through`, each with its value.",
          "Then ` ORDER BY originator_version` (plus ` DESC`), then ` LIMIT ?` with `max(0, limit)` when a limit is given.",
        ],
        5: [
          "`SELECT * FROM stored_events WHERE notification_id >= ? AND notification_id <= ? ORDER BY notification_id LIMIT ?` with start, `stop ?? Int.max`, limit.",
          "Build `EventNotification(id:originatorID:originatorVersion:topic:state:)`; `row.uuid(\"originator_id\")` reads the ID.",
          "maxNotificationID: `SELECT COALESCE(MAX(notification_id), 0) AS max_id FROM stored_events`, then `row.integer(\"max_id\")`.",
        ],
        6: [
          "init(path:) is one line: `self.init(recorder: try SQLiteRecorder(path: path))`.",
          "save: `let stored = try dog.pendingEvents.map(mapper.storedEvent(from:))`, then `try await recorder.insert(stored)` once.",
        ],
      ]),
    Chapter(
      number: 5, folder: "05-HashChains", title: "Hash chains",
      hints: [
        1: [
          "In hash(of:previous:): `var input = Data()`, then `input.appendField(Data(event.topic.utf8))` and the same for the ID, version, state and previous; return `Data(SHA256.hash(data: input))`.",
          "The version as bytes: `Data(String(event.originatorVersion).utf8)`; the ID: `Data(event.originatorID.uuidString.utf8)`. Leave no field out, least of all `previous`.",
          "appendField writes the length first: `Swift.withUnsafeBytes(of: UInt64(field.count).bigEndian) { append(contentsOf: $0) }`, then `append(field)`.",
        ],
        2: [
          "`var previous = genesis`, then `events.map { event in ... }`: hash the event over `previous`, make the ChainedEvent, set `previous` to its hash.",
        ],
        3: [
          "`events.reduce(genesis) { previous, event in hash(of: event, previous: previous) }`.",
        ],
        4: [
          "Loop with `var previous = genesis`: require `linked.previousHash == previous` and `hash(of: linked.event, previous: previous) == linked.hash`, else throw `HashChainError.doesNotVerify(originatorID:version:)` for that event.",
          "Set `previous = linked.hash` after each event. Both checks are needed: links catch removed, moved and inserted events; hashes catch changed ones.",
          "After the loop: `if let head, head != previous { throw HashChainError.headMismatch(expected: head, found: previous) }`.",
        ],
      ]
    ),
    Chapter(
      number: 6, folder: "06-Encryption", title: "Encryption",
      hints: [
        1: [
          "`let box = try AES.GCM.seal(plaintext, using: key)` makes a fresh random nonce itself.",
          "`box.combined` is `Data?`: `guard let combined = box.combined else { throw EncryptionError.sealFailed }`.",
          "Never pass a nonce you keep in a property or make from fixed bytes: every call needs a new one.",
        ],
        2: [
          "`try AES.GCM.open(AES.GCM.SealedBox(combined: ciphertext), using: key)` checks the tag and returns the plaintext.",
          "Wrap both calls in `do { ... } catch { throw EncryptionError.unauthenticated }`: a cut-off box fails in SealedBox(combined:), a changed one in open.",
        ],
        3: [
          "`Data(base64Encoded: text)` returns nil for text that is not base64; trim whitespace and newlines first.",
          "Then `try self.init(key: SymmetricKey(data: bytes))`: that init already checks the length.",
          "makeKey: `SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()`.",
        ],
        4: [
          "In storedEvent(_:), make `state` a `var` and add `if let cipher { state = try cipher.encrypt(state) }` after encoding.",
          "In recordedEvent(from:), decrypt before decoding: `if let cipher { state = try cipher.decrypt(state) }`.",
          "Catch the cipher's error and throw `RecordError.unauthenticated(originatorID: id, version: version)`: the cipher cannot know which record it read.",
          "With a cipher set, never fall back to plain JSON when decryption fails: a record written without the key must be refused too.",
        ],
      ]),
    Chapter(
      number: 7, folder: "07-Snapshots", title: "Snapshots",
      hints: [
        1: [
          "`snapshot` builds `DogSnapshot(originatorID: id, originatorVersion: version, createdOn: createdOn, modifiedOn: modifiedOn, name: name, tricks: tricks)`.",
          "`init(snapshot:)` calls `self.init(id: snapshot.originatorID)`, then sets version, createdOn, modifiedOn, name and tricks.",
        ],
        2: [
          "The newest snapshot at or below the version: `snapshots?.events(for: id, after: nil, through: version, descending: true, limit: 1).first`.",
          "Then `recorder.events(for: id, after: snapshot?.originatorVersion, through: version)`, mapped with `mapper.recordedEvent(from:)`.",
          "With a snapshot: `var dog = Dog(snapshot: snapshot)`, `try dog.replay(events)`. Without one: `replayed(id, from: events)`.",
        ],
        3: [
          "`guard let snapshots else { throw SnapshotError.noSnapshotStore }`, then `let dog = try await repository.get(id, version: version)`.",
          "Insert `mapper.storedSnapshot(dog.snapshot)` into `snapshots`, never into `recorder`.",
        ],
        4: [
          "`guard let snapshotInterval, let snapshots else { return }` after inserting the events.",
          "The version before the save is `dog.version - dog.pendingEvents.count`; a multiple was passed when `dog.version / snapshotInterval > before / snapshotInterval`.",
          "Snapshot the dog in hand: `snapshots.insert([mapper.storedSnapshot(dog.snapshot)])`.",
          "Insert the events before the snapshot: a save refused with a version conflict must leave no snapshot of a dog that never existed.",
        ],
      ]
    ),
    Chapter(
      number: 8, folder: "08-NotificationLog", title: "Notification logs and projections",
      hints: [
        1: [
          "The log is an array: notification ID n is the event at index n - 1 of `storage.log`.",
          "Start at index `max(start, 1) - 1`; return nothing when that is past the end; take at most `limit` events.",
          "Build each one as `NumberedEvent(id: index + 1, event: storage.log[index])`, all inside one `withLock`.",
        ],
        2: [
          "First the range asked for: `try Self.parse(sectionID)`, or for \"current\" the section of the newest ID: first = (newest - 1) / sectionSize * sectionSize + 1, and 1 when the log is empty.",
          "Select `min(sectionSize, range.count)` notifications from the range's first ID. The id is \"first,lastIDFound\", nil when nothing was found.",
          "previousID is nil for a section starting at 1, else \"\\(max(1, first - sectionSize)),\\(first - 1)\".",
          "nextID only when the section is full (as many items as asked for): it starts right after this one. A partly filled section has no next yet.",
        ],
        3: [
          "The next ID to read is `position + 1`: starting at `position` delivers the last one again.",
          "Loop: select a page, append it, set `position` to the page's last ID, and stop when the page has fewer than `pageSize` items.",
        ],
        4: [
          "Storage needs `dogsByTrick: [String: Set<UUID>]` (a Set counts each dog once) and `positions: [String: Int]`.",
          "A position is new when `tracking.notificationID > (positions[tracking.applicationName] ?? 0)`; otherwise throw `TrackingError.alreadyProcessed(tracking)`.",
          "In addDog, check and record the position and insert the dog inside the SAME withLock, check first: a refused position must leave the counts as they were.",
        ],
        5: [
          "Start from the view, not from zero: `var reader = LogReader(log: log, position: try await view.maxTrackingID(for: Self.applicationName))`.",
          "For each notification: `let tracking = Tracking(applicationName: Self.applicationName, notificationID: notification.id)`.",
          "`if case .trickAdded(let trick) = notification.event.event` call `view.addDog(notification.event.originatorID, toTrick: trick, tracking: tracking)`, else `view.insertTracking(tracking)`. Let errors pass: do not catch them.",
        ],
      ]),
    Chapter(
      number: 9, folder: "09-TheRealThing", title: "The real thing",
      hints: [
        1: [
          "apply(_:) is the same switch as in chapter 2: `case .registered(let name): self.name = name` and `case .trickAdded(let trick): tricks.append(trick)`.",
          "addTrick(_:) only calls `record(.trickAdded(trick: trick))`: the library's record(_:) applies the event, bumps the version and keeps it pending.",
        ],
        2: [
          "registerDog: `var dog = EventSourced<Dog>.register(name: name)`, `try await save(&dog)`, `return dog.id`.",
          "addTrick: `var dog = try await repository.get(dogID, as: Dog.self)`, `dog.addTrick(trick)`, `try await save(&dog)`.",
          "getDog: pass the version on: `repository.get(dogID, as: Dog.self, version: version)`, then `DogDetails(name: dog.name, tricks: dog.tricks)`.",
        ],
        3: [
          "Two settings: \"PERSISTENCE_MODULE\" and \"SQLITE_DBNAME\".",
          "Return `[\"PERSISTENCE_MODULE\": \"sqlite\", \"SQLITE_DBNAME\": file]`.",
        ],
        4: [
          "Start from `sqlite(file: file)` and merge three more settings: \"COMPRESSOR_TOPIC\", \"CIPHER_KEY\" and \"ENABLE_HASH_CHAIN\".",
          "`sqlite(file: file).merging([\"COMPRESSOR_TOPIC\": \"zlib\", \"CIPHER_KEY\": key, \"ENABLE_HASH_CHAIN\": \"true\"]) { $1 }`.",
        ],
        5: [
          "The library takes snapshot intervals as an argument: `Application(environment:snapshotIntervals:)`.",
          "`let intervals = snapshotEvery.map { [SnapshotInterval(Dog.self, every: $0)] } ?? []`, then pass `snapshotIntervals: intervals`.",
        ],
      ]),
  ]

  /// The chapter with the given number, if there is one.
  public static func chapter(_ number: Int) -> Chapter? {
    all.first { $0.number == number }
  }
}
