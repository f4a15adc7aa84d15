import Foundation
import WorkshopKit

/// The Swift sources that make up a chapter, read from the kit: the learner's files, the
/// reference solution, and the given modules they import.
///
/// Each piece of code is kept once. Code that learners never edit (the given `Dog`, its
/// events, the error types, the SQLite wrapper) lives in modules under `Exercises/Given/`,
/// and a folder under `Solutions/` holds only the files that differ from the exercise: the
/// reference solution is the exercise with those files laid over it.
struct ChapterSources {
  /// A module of given code, from a folder `Exercises/Given/NAME/`; its module is `GivenNAME`.
  struct GivenModule: Equatable {
    /// The module's name, such as `GivenDog`.
    let name: String
    /// Its folder, relative to the kit's root, such as `Exercises/Given/Dog`.
    let path: String
    /// Its Swift files, by name.
    let files: [String: String]

    /// The modules its files import.
    var imports: Set<String> { VariantPackage.imports(in: files.values) }
  }

  /// The folder of the given modules, relative to the kit's root.
  static let givenFolder = "Exercises/Given"

  /// The kit's root.
  let root: URL

  /// The learner's files of a chapter, by name.
  func exercise(_ chapter: Chapter) throws -> [String: String] {
    try Self.swiftSources(in: root.appendingPathComponent(chapter.exercisePath))
  }

  /// The reference solution of a chapter, by name: the exercise's files with the solution
  /// folder's files laid over them.
  func solution(_ chapter: Chapter) throws -> [String: String] {
    let overlay = try Self.swiftSources(in: root.appendingPathComponent(chapter.solutionPath))
    return try exercise(chapter).merging(overlay) { _, solution in solution }
  }

  /// The given modules that sources importing `imports` need, their own imports included,
  /// sorted by name.
  func givenModules(importedBy imports: Set<String>) throws -> [GivenModule] {
    let available = try allGivenModules()
    var wanted = imports
    var result: [GivenModule] = []
    var changed = true
    while changed {
      changed = false
      for module in available where wanted.contains(module.name) && !result.contains(module) {
        result.append(module)
        wanted.formUnion(module.imports)
        changed = true
      }
    }
    return result.sorted { $0.name < $1.name }
  }

  /// Every given module of the kit.
  func allGivenModules() throws -> [GivenModule] {
    let folder = root.appendingPathComponent(Self.givenFolder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return try names.sorted().compactMap { name in
      var isFolder: ObjCBool = false
      let url = folder.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        isFolder.boolValue
      else { return nil }
      let path = "\(Self.givenFolder)/\(name)"
      let files = try Self.swiftSources(in: root.appendingPathComponent(path))
      return files.isEmpty ? nil : GivenModule(name: "Given\(name)", path: path, files: files)
    }
  }

  /// The manifest entries of given modules in a generated package that keeps the kit's
  /// layout, so that their files sit at `module.path`.
  ///
  /// - Parameter kit: The kit's package identity: a path dependency's folder name, lowercased.
  static func targets(for modules: [GivenModule], kit: String) -> [String] {
    let names = Set(modules.map(\.name))
    return modules.map { module in
      let imports = module.imports
      let given = imports.intersection(names).sorted().map { "\"\($0)\"" }
      let dependencies = given + KitDependencies.ofModule(importing: imports, kit: kit)
      return """
            .target(
              name: "\(module.name)", dependencies: [\(dependencies.joined(separator: ", "))],
              path: "\(module.path)"),
        """
    }
  }

  /// The given modules among `imports`, as dependencies in a manifest.
  static func givenDependencies(_ imports: Set<String>, among modules: [GivenModule]) -> [String] {
    modules.map(\.name).filter(imports.contains).map { "\"\($0)\"" }
  }

  /// The Swift files directly in a folder, by name; none when the folder is missing.
  static func swiftSources(in folder: URL) throws -> [String: String] {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
    var result: [String: String] = [:]
    for name in try VariantPackage.swiftFiles(in: folder) {
      result[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    return result
  }
}
