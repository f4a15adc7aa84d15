import Foundation
import WorkshopKit

/// A throwaway package that compiles the Swift blocks of the chapter texts against each
/// chapter's reference solution: target `ChapterNN` holds a copy of the solution, and target
/// `SnippetsNN` holds one file per code block, importing `ChapterNN`.
///
/// Blocks are compiled as files of a library, so they hold declarations (a function around
/// example statements); names must differ between the blocks of one chapter. Warnings count
/// as errors, as in the kit itself.
struct SnippetPackage {
  /// The package's folder, inside the git-ignored `.build-snippets`.
  let folder: URL
  /// The kit's root.
  let root: URL
  /// The chapters whose solution imports the EventSourcing library (set by `write(_:)`):
  /// their module then depends on the kit's package, which also makes the library's own
  /// dependencies (CSQLite, Crypto) importable.
  private var chaptersUsingLibrary: Set<Int> = []
  /// What each chapter's solution imports (set by `write(_:)`).
  private var chapterImports: [Int: Set<String>] = [:]
  /// The given modules the solutions import (set by `write(_:)`).
  private var given: [ChapterSources.GivenModule] = []

  init(root: URL) {
    self.root = root
    folder = root.appendingPathComponent(".build-snippets/package")
  }

  /// Writes the package for the given chapters; returns each chapter's blocks.
  mutating func write(_ chapters: [Chapter]) throws -> [Int: [SnippetExtractor.Snippet]] {
    let files = FileManager.default
    let sources = folder.appendingPathComponent("Sources")
    // Start from empty sources each time, but keep the build folder warm.
    try? files.removeItem(at: sources)
    var snippets: [Int: [SnippetExtractor.Snippet]] = [:]
    chaptersUsingLibrary = []
    chapterImports = [:]
    for chapter in chapters {
      let text = try String(
        contentsOf: root.appendingPathComponent(chapter.textPath), encoding: .utf8)
      let blocks = SnippetExtractor.snippets(in: text)
      snippets[chapter.number] = blocks
      let module = sources.appendingPathComponent("Chapter\(chapter.paddedNumber)")
      try files.createDirectory(at: module, withIntermediateDirectories: true)
      let solution = try ChapterSources(root: root).solution(chapter)
      for (name, code) in solution {
        try code.write(to: module.appendingPathComponent(name), atomically: true, encoding: .utf8)
        if Self.importsLibrary(code) { chaptersUsingLibrary.insert(chapter.number) }
      }
      // The blocks see what the chapter's tests see: its module and the given modules.
      let tests = try ChapterSources.swiftSources(
        in: root.appendingPathComponent("Tests/\(chapter.testTarget)"))
      chapterImports[chapter.number] = VariantPackage.imports(in: solution.values)
        .union(VariantPackage.imports(in: tests.values))
      let snippetFolder = sources.appendingPathComponent("Snippets\(chapter.paddedNumber)")
      try files.createDirectory(at: snippetFolder, withIntermediateDirectories: true)
      let given = (chapterImports[chapter.number] ?? []).filter { $0.hasPrefix("Given") }.sorted()
      let imports = (["Chapter\(chapter.paddedNumber)"] + given)
        .map { "import \($0)" }.joined(separator: "; ")
      // A target needs at least one file, even when the text has no code.
      var contents = ["Anchor.swift": imports + "\n"]
      for block in blocks {
        // Keep this header `headerLines` long, so errors map back to the text's lines.
        contents["Line\(block.line).swift"] =
          "// \(chapter.textPath), line \(block.line)\n\(imports)\n\n" + block.code
      }
      for (name, code) in contents {
        try code.write(
          to: snippetFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }
    given = try ChapterSources(root: root).givenModules(
      importedBy: chapterImports.values.reduce(into: Set<String>()) { $0.formUnion($1) })
    let givenFolder = folder.appendingPathComponent(ChapterSources.givenFolder)
    try? files.removeItem(at: givenFolder)
    for module in given {
      let moduleFolder = folder.appendingPathComponent(module.path)
      try files.createDirectory(at: moduleFolder, withIntermediateDirectories: true)
      for (name, code) in module.files {
        try code.write(
          to: moduleFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }
    try manifest(for: chapters).write(
      to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    return snippets
  }

  /// Builds one chapter's blocks; returns the errors, located in the chapter text.
  func errors(building chapter: Chapter) throws -> [String] {
    let build = try Shell.run(
      [
        "swift", "build", "--package-path", folder.path, "--target",
        "Snippets\(chapter.paddedNumber)",
      ],
      in: root)
    guard !build.succeeded else { return [] }
    return CompilerOutput.errors(in: build.output).map { locate($0, in: chapter) }
  }

  /// Turns "…/Snippets01/Line42.swift:5:3: error: …" into "Exercises/…/README.md:44:3: error: …".
  private func locate(_ error: String, in chapter: Chapter) -> String {
    let marker = "Snippets\(chapter.paddedNumber)/Line"
    guard let start = error.range(of: marker) else { return error }
    let parts = error[start.upperBound...].split(separator: ":", maxSplits: 2)
    guard parts.count == 3, let fence = Int(parts[0].dropLast(".swift".count)),
      let line = Int(parts[1])
    else { return error }
    // The generated file has `headerLines` lines before the block's first line.
    return "\(chapter.textPath):\(fence + line - Self.headerLines):\(parts[2])"
  }

  /// Whether a source file imports the EventSourcing library (`import` or `public import`).
  private static func importsLibrary(_ source: String) -> Bool {
    source.split(separator: "\n").contains { line in
      line.hasPrefix("import EventSourcing") || line.hasPrefix("public import EventSourcing")
    }
  }

  /// The lines written before each block: a comment, an import and a blank line.
  private static let headerLines = 3

  private func manifest(for chapters: [Chapter]) -> String {
    // A path dependency's identity is its folder's name, lowercased.
    let kit = root.lastPathComponent.lowercased()
    let usesKit =
      !chaptersUsingLibrary.isEmpty
      || ChapterSources.targets(for: given, kit: kit).contains { $0.contains(".product(") }
    let givenTargets = ChapterSources.targets(for: given, kit: kit)
    let targets = givenTargets + chapters.map { chapter in
      let number = chapter.paddedNumber
      var dependencies = ChapterSources.givenDependencies(
        chapterImports[chapter.number] ?? [], among: given)
      if chaptersUsingLibrary.contains(chapter.number) {
        dependencies.append(".product(name: \"EventSourcing\", package: \"\(kit)\")")
      }
      return """
            .target(name: "Chapter\(number)", dependencies: [\(dependencies.joined(separator: ", "))]),
            .target(
              name: "Snippets\(number)",
              dependencies: ["Chapter\(number)"] + [\(ChapterSources.givenDependencies(chapterImports[chapter.number] ?? [], among: given).joined(separator: ", "))],
              swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]),
        """
    }
    return """
      // swift-tools-version: 6.1
      // Generated by `workshop verify`: compiles the code blocks of the chapter texts.
      import PackageDescription

      let package = Package(
        name: "WorkshopSnippets",
        platforms: [.macOS(.v15)],
        dependencies: [\(usesKit ? ".package(path: \"\(root.path)\")" : "")],
        targets: [
      \(targets.joined(separator: "\n"))
        ]
      )

      """
  }
}
