/// A short narrated story on the real library, for an instructor to run in front of the room.
public protocol Demo: Sendable {
  /// The name the demo is run by, such as `time-travel`.
  var name: String { get }
  /// What the demo shows, in one line.
  var summary: String { get }
  /// Runs the demo, telling its story through the narrator; demos that use SQLite put their
  /// files where `files` says.
  func run(narrator: Narrator, files: DemoFiles) async throws
}

/// Every demo, in the order of the chapters they illustrate.
public enum Demos {
  /// All demos.
  public static let all: [any Demo] = [
    TimeTravelDemo(), ConcurrencyDemo(), TamperDemo(), EncryptionDemo(), SnapshotsDemo(),
    NotificationsDemo(),
  ]

  /// The demo with the given name, or `nil`.
  public static func named(_ name: String) -> (any Demo)? {
    all.first { $0.name == name }
  }
}
