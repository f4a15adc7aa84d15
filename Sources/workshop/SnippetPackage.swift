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

  init(root: URL) {
    self.root = root
    folder = root.appendingPathComponent(".build-snippets/package")
  }

  /// Writes the package for the given chapters; returns each chapter's blocks.
  func write(_ chapters: [Chapter]) throws -> [Int: [SnippetExtractor.Snippet]] {
    let files = FileManager.default
    let sources = folder.appendingPathComponent("Sources")
    // Start from empty sources each time, but keep the build folder warm.
    try? files.removeItem(at: sources)
    var snippets: [Int: [SnippetExtractor.Snippet]] = [:]
    for chapter in chapters {
      let text = try String(
        contentsOf: root.appendingPathComponent(chapter.textPath), encoding: .utf8)
      let blocks = SnippetExtractor.snippets(in: text)
      snippets[chapter.number] = blocks
      let module = sources.appendingPathComponent("Chapter\(chapter.paddedNumber)")
      try files.createDirectory(at: module, withIntermediateDirectories: true)
      let solution = root.appendingPathComponent(chapter.solutionPath)
      for name in try files.contentsOfDirectory(atPath: solution.path) where name.hasSuffix(".swift") {
        try files.copyItem(
          at: solution.appendingPathComponent(name), to: module.appendingPathComponent(name))
      }
      let snippetFolder = sources.appendingPathComponent("Snippets\(chapter.paddedNumber)")
      try files.createDirectory(at: snippetFolder, withIntermediateDirectories: true)
      // A target needs at least one file, even when the text has no code.
      var contents = ["Anchor.swift": "import Chapter\(chapter.paddedNumber)\n"]
      for block in blocks {
        // Keep this header `headerLines` long, so errors map back to the text's lines.
        contents["Line\(block.line).swift"] =
          "// \(chapter.textPath), line \(block.line)\nimport Chapter\(chapter.paddedNumber)\n\n"
          + block.code
      }
      for (name, code) in contents {
        try code.write(
          to: snippetFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }
    let usingLibrary = try chapters.filter { try usesLibrary($0) }.map(\.number)
    try manifest(for: chapters, usingLibrary: Set(usingLibrary)).write(
      to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    return snippets
  }

  /// Builds one chapter's blocks; returns the errors, located in the chapter text.
  func errors(building chapter: Chapter) throws -> [String] {
    let build = try Shell.run(
      ["swift", "build", "--package-path", folder.path, "--target", "Snippets\(chapter.paddedNumber)"],
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

  /// The lines written before each block: a comment, an import and a blank line.
  private static let headerLines = 3

  /// Whether a chapter's solution builds on the kit's library (`import EventSourcing`); then
  /// its module, and its blocks, get the library as a dependency.
  private func usesLibrary(_ chapter: Chapter) throws -> Bool {
    let solution = root.appendingPathComponent(chapter.solutionPath)
    return try FileManager.default.contentsOfDirectory(atPath: solution.path).contains { name in
      guard name.hasSuffix(".swift"),
        let code = try? String(
          contentsOf: solution.appendingPathComponent(name), encoding: .utf8)
      else { return false }
      return code.contains("import EventSourcing\n")
    }
  }

  private func manifest(for chapters: [Chapter], usingLibrary: Set<Int>) -> String {
    // The kit itself, by path: its identity is its folder's name.
    let kit = root.lastPathComponent
    let library = """
      .product(name: "EventSourcing", package: "\(kit)"), \
      .product(name: "EventSourcingTesting", package: "\(kit)")
      """
    let targets = chapters.map { chapter in
      let number = chapter.paddedNumber
      let extra = usingLibrary.contains(chapter.number) ? ", " + library : ""
      return """
            .target(name: "Chapter\(number)", dependencies: [\(extra.dropFirst(2))]),
            .target(
              name: "Snippets\(number)", dependencies: ["Chapter\(number)"\(extra)],
              swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]),
        """
    }
    let dependencies = usingLibrary.isEmpty ? "" : ".package(path: \"\(root.path)\")"
    return """
      // swift-tools-version: 6.1
      // Generated by `workshop verify`: compiles the code blocks of the chapter texts.
      import PackageDescription

      let package = Package(
        name: "WorkshopSnippets",
        platforms: [.macOS(.v15)],
        dependencies: [\(dependencies)],
        targets: [
      \(targets.joined(separator: "\n"))
        ]
      )

      """
  }
}
