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
      ?? Self.temporaryFolder
      .appendingPathComponent(
        "workshop-demo-\(demo)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Where temporary folders go: the system's temporary folder when its path is short, else
  /// `/tmp`, so that a database's path fits on one 80-column line (macOS's is
  /// `/var/folders/…/T/`, some 50 characters).
  static var temporaryFolder: URL {
    let system = FileManager.default.temporaryDirectory
    var isFolder: ObjCBool = false
    guard system.path.count > 16, FileManager.default.fileExists(atPath: "/tmp", isDirectory: &isFolder),
      isFolder.boolValue, FileManager.default.isWritableFile(atPath: "/tmp")
    else { return system }
    return URL(fileURLWithPath: "/tmp", isDirectory: true)
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
