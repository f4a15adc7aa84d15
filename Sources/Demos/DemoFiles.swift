public import Foundation

/// Where a demo's SQLite files go: a temporary folder removed when the demo ends, or the
/// folder given with `--keep`, whose files stay for a second look with `sqlite3`.
public struct DemoFiles: Sendable {
  /// The folder given with `--keep`; `nil` for a temporary folder.
  public let keptFolder: URL?

  /// Creates the choice of folder; `nil` keeps nothing.
  public init(keptFolder: URL? = nil) {
    self.keptFolder = keptFolder
  }

  /// Whether the files stay after the demo.
  public var isKept: Bool { keptFolder != nil }

  /// Makes the demo's folder: the kept folder's subfolder named after the demo, emptied first,
  /// or a new temporary folder.
  func makeFolder(for demo: String) throws -> URL {
    let folder =
      keptFolder?.appendingPathComponent(demo, isDirectory: true)
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "workshop-demo-\(demo)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Ends the demo's use of the folder: removes a temporary one, or says how to open the kept
  /// databases.
  func finish(_ folder: URL, databases: [String], narrator: Narrator) {
    guard isKept else {
      try? FileManager.default.removeItem(at: folder)
      return
    }
    narrator.say("The databases are kept. Open them with:")
    for database in databases {
      narrator.show("sqlite3 \(database)")
    }
  }

  /// Tells where a database is, and whether it will stay.
  func announce(_ path: String, narrator: Narrator) {
    narrator.say("database:")
    narrator.show(path)
    if !isKept {
      narrator.say("(removed when the demo ends; run the demo with --keep DIR to keep it)")
    }
  }
}
