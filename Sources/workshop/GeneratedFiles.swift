import Foundation

/// Writes the files of a generated package so that a build stays incremental: a file is
/// written only when its contents change, so files left from an earlier run keep their times.
struct GeneratedFiles {
  /// The generated package's folder.
  let folder: URL

  /// Makes the folder at `relativePath` hold exactly `contents`, by file name.
  func sync(_ contents: [String: String], into relativePath: String) throws {
    let files = FileManager.default
    let url = folder.appendingPathComponent(relativePath)
    try files.createDirectory(at: url, withIntermediateDirectories: true)
    for name in try files.contentsOfDirectory(atPath: url.path) where contents[name] == nil {
      try files.removeItem(at: url.appendingPathComponent(name))
    }
    for (name, text) in contents {
      try writeIfChanged(text, to: url.appendingPathComponent(name))
    }
  }

  /// Writes `text` to `url` unless the file already holds it.
  func writeIfChanged(_ text: String, to url: URL) throws {
    if let old = try? String(contentsOf: url, encoding: .utf8), old == text { return }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
}
