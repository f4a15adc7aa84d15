import Foundation

/// Finds an executable product of this package next to the test bundle, where SwiftPM puts
/// every built product; the environment variable `overrideVariable` may name another path.
func builtExecutable(named name: String, overrideVariable: String) throws -> URL {
  if let path = ProcessInfo.processInfo.environment[overrideVariable] {
    return URL(fileURLWithPath: path)
  }
  var folders = Bundle.allBundles.map(\.bundleURL)
    .filter { $0.pathExtension == "xctest" }
    .map { $0.deletingLastPathComponent() }
  folders.append(Bundle.main.bundleURL)
  if let executable = Bundle.main.executableURL {
    folders.append(executable.deletingLastPathComponent())
  }
  for folder in folders {
    let candidate = folder.appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw ExecutableMissing(name: name, overrideVariable: overrideVariable, searched: folders.map(\.path))
}

/// A test's helper executable was not built.
struct ExecutableMissing: Error, CustomStringConvertible {
  let name: String
  let overrideVariable: String
  let searched: [String]

  var description: String {
    "The \(name) executable was not found in \(searched.joined(separator: ", ")). "
      + "Run `swift build` first, or set \(overrideVariable) to its path."
  }
}
