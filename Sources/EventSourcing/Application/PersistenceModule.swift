import Synchronization

/// A way of storing an application's events, selected by name with `PERSISTENCE_MODULE`.
///
/// The library registers ``memory`` and ``sqlite``. Another package adds its own persistence
/// by registering a module once, before applications start; settings then select it by name:
///
/// ```swift
/// PersistenceModule.register(
///   PersistenceModule(
///     name: "postgres", aliases: ["eventsourcing.postgres"],
///     makeRecorder: { settings in try PostgresRecorder(settings: settings) },
///     makeSnapshotRecorder: { settings in try PostgresRecorder(settings: settings, table: "snapshots") }))
/// let app = try Application(environment: ["PERSISTENCE_MODULE": "postgres"])
/// ```
public struct PersistenceModule: Sendable {
  /// The name that selects the module, such as `sqlite`.
  public let name: String
  /// Other names that select it, such as the Python library's `eventsourcing.sqlite`.
  public let aliases: [String]
  private let recorderMaker: @Sendable (ApplicationEnvironment) throws -> any ApplicationRecorder
  private let snapshotRecorderMaker:
    @Sendable (ApplicationEnvironment) throws -> any AggregateRecorder

  /// Creates a module.
  ///
  /// - Parameters:
  ///   - name: The name that selects it; compared without regard to case.
  ///   - aliases: Other names that select it.
  ///   - makeRecorder: Creates the recorder of an application's events from its settings;
  ///     throws ``ConfigurationError`` naming a setting that is missing or wrong.
  ///   - makeSnapshotRecorder: Creates the store of its snapshots, apart from the events.
  public init(
    name: String, aliases: [String] = [],
    makeRecorder: @escaping @Sendable (ApplicationEnvironment) throws -> any ApplicationRecorder,
    makeSnapshotRecorder:
      @escaping @Sendable (ApplicationEnvironment) throws -> any AggregateRecorder
  ) {
    self.name = name
    self.aliases = aliases
    recorderMaker = makeRecorder
    snapshotRecorderMaker = makeSnapshotRecorder
  }

  /// Creates the recorder of an application's events from its settings.
  public func makeRecorder(_ settings: ApplicationEnvironment) throws -> any ApplicationRecorder {
    try recorderMaker(settings)
  }

  /// Creates the store of an application's snapshots from its settings.
  public func makeSnapshotRecorder(_ settings: ApplicationEnvironment) throws
    -> any AggregateRecorder
  {
    try snapshotRecorderMaker(settings)
  }

  // MARK: - The modules the library brings

  /// In memory, for tests and demonstrations: ``InMemoryRecorder``. Also `popo`.
  public static let memory = PersistenceModule(
    name: "memory", aliases: ["popo", "eventsourcing.popo"],
    makeRecorder: { _ in InMemoryRecorder() },
    makeSnapshotRecorder: { _ in InMemoryRecorder() })

  /// In an SQLite database, a file or memory, as the `SQLITE_*` settings say:
  /// ``SQLiteRecorder``.
  public static let sqlite = PersistenceModule(
    name: "sqlite", aliases: ["eventsourcing.sqlite"],
    makeRecorder: { try $0.makeSQLiteRecorder(table: "stored_events") },
    makeSnapshotRecorder: { try $0.makeSQLiteRecorder(table: "snapshots") })

  // MARK: - Registry

  private static let registry = Mutex<[PersistenceModule]>([.memory, .sqlite])

  /// Adds a module, so that settings can select it by its name or an alias; one registered
  /// earlier under the same name is replaced.
  public static func register(_ module: PersistenceModule) {
    registry.withLock { modules in
      modules.removeAll { $0.name.lowercased() == module.name.lowercased() }
      modules.append(module)
    }
  }

  /// Every module settings can select, in the order registered.
  public static var registered: [PersistenceModule] {
    registry.withLock { $0 }
  }

  /// The module with a name or alias, compared without regard to case.
  public static func named(_ name: String) -> PersistenceModule? {
    let wanted = name.lowercased()
    return registered.last { module in
      module.name.lowercased() == wanted || module.aliases.contains { $0.lowercased() == wanted }
    }
  }
}

/// Two modules are the same when they have the same name, compared without regard to case:
/// the registry holds one module per name.
extension PersistenceModule: Equatable {
  public static func == (lhs: PersistenceModule, rhs: PersistenceModule) -> Bool {
    lhs.name.lowercased() == rhs.name.lowercased()
  }
}
