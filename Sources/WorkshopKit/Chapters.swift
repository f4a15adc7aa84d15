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
          "In record(_:), the next version is `version + 1`. Build a RecordedEvent with `id`.",
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
          "An event conflicts when its dog's history already has its version: `history.count >= event.originatorVersion` if histories have no gaps.",
          "Throw `EventStoreError.versionConflict(originatorID: event.originatorID, version: event.originatorVersion)`.",
        ],
        2: [
          "Copy the dictionary (`var updated = histories`), check and append every event to the copy, and assign it back only at the end.",
          "Checking against the copy also catches a version repeated within one call.",
          "Use one withLock for the check and the write: two separate locks let another append slip in between.",
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
          "registerDog: `let dog = EventSourced<Dog>.register(name: name)`, `try await save(dog)`, `return dog.id`.",
          "addTrick: `var dog = try await repository.get(dogID, as: Dog.self)`, `dog.addTrick(trick)`, `try await save(dog)`.",
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
