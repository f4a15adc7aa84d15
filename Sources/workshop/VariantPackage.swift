import Foundation
import WorkshopKit

/// A throwaway package in which each chapter's reference solution is built several times
/// over: unchanged, as each alternative solution, and with each mutant applied; each copy
/// gets a copy of the chapter's tests.
///
/// All copies build together, so the library and its dependencies build once and the tests
/// link once; each copy's tests then run in a process of their own, so that a crash stops
/// only that copy's run. A copy of chapter 3 is the module `Chapter03_m04` (the fourth
/// mutant), tested by `Chapter03_m04Tests`, whose files are the chapter's tests with
/// `import Chapter03` turned into `import Chapter03_m04`.
struct VariantPackage {
  /// One copy of a chapter's solution.
  struct Variant {
    /// What a copy stands for.
    enum Kind {
      /// The reference solution, unchanged: it must pass, or no verdict on the others holds.
      case reference
      /// A correct solution written differently, from `Tests/Alternatives/NN-Name/NAME/`.
      case alternative(name: String)
      /// The reference with one mistake.
      case mutant(Mutant)
    }

    /// The chapter.
    let chapter: Chapter
    /// What the copy stands for.
    let kind: Kind
    /// The module's name, such as `Chapter03_m04`.
    let module: String
    /// The copy's source files, by name.
    let files: [String: String]

    /// The test target's name.
    var testTarget: String { module + "Tests" }

    /// Whether the copy holds a mistake.
    var isMutant: Bool {
      if case .mutant = kind { return true }
      return false
    }
  }

  /// The package's folder, inside the git-ignored `.build-mutants`.
  let folder: URL
  /// The kit's root.
  let root: URL

  init(root: URL) {
    self.root = root
    folder = root.appendingPathComponent(".build-mutants/package")
  }

  // MARK: - Writing

  /// Writes the package for the given copies.
  ///
  /// A file is written only when its contents change, so that files left from an earlier run
  /// keep their times and the build stays incremental.
  func write(_ variants: [Variant]) throws {
    let files = FileManager.default
    var wanted: Set<String> = []
    // Read once here; the manifest needs each copy's test imports too.
    var testImports: [String: Set<String>] = [:]
    for variant in variants {
      let module = "Solutions/\(variant.module)"
      let tests = "Tests/\(variant.testTarget)"
      wanted.formUnion([module, tests])
      let copiedTests = try testFiles(for: variant)
      testImports[variant.module] = Self.imports(in: copiedTests.values)
      try sync(variant.files, into: module)
      try sync(copiedTests, into: tests)
    }
    // Folders of the written chapters' copies that are gone (a mutant removed) would be
    // clutter. Other chapters' folders stay, unlisted in the manifest, so that checking one
    // chapter after another does not build the first one's copies anew.
    let prefixes = Set(variants.map { "Chapter\($0.chapter.paddedNumber)_" })
    for parent in ["Solutions", "Tests"] {
      let url = folder.appendingPathComponent(parent)
      for name in (try? files.contentsOfDirectory(atPath: url.path)) ?? []
      where !wanted.contains("\(parent)/\(name)") && prefixes.contains(where: name.hasPrefix) {
        try files.removeItem(at: url.appendingPathComponent(name))
      }
    }
    // The given modules that the copies and their tests import, in the kit's layout.
    let imports = variants.reduce(into: Set<String>()) { $0.formUnion(Self.imports(in: $1.files.values)) }
      .union(testImports.values.reduce(into: Set<String>()) { $0.formUnion($1) })
    let given = try ChapterSources(root: root).givenModules(importedBy: imports)
    for module in given {
      try sync(module.files, into: module.path)
    }
    try writeIfChanged(
      manifest(for: variants, testImports: testImports, given: given),
      to: folder.appendingPathComponent("Package.swift"))
  }

  /// The chapter's tests, importing the copy's module instead of the chapter's.
  private func testFiles(for variant: Variant) throws -> [String: String] {
    let source = root.appendingPathComponent("Tests/\(variant.chapter.testTarget)")
    let module = "Chapter\(variant.chapter.paddedNumber)"
    var result: [String: String] = [:]
    for file in try Self.swiftFiles(in: source) {
      let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
      result[file] = Self.replacingName(module, with: variant.module, in: text)
    }
    return result
  }

  /// Replaces `name` where it stands as a whole name: `Chapter03` in `import Chapter03` and
  /// `Chapter03.Dog`, not in `Chapter03Tests`.
  static func replacingName(_ name: String, with replacement: String, in text: String) -> String {
    func isNamePart(_ character: Character?) -> Bool {
      character.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
    }
    var result = ""
    var rest = text[...]
    while let range = rest.range(of: name) {
      let before = range.lowerBound == rest.startIndex
        ? result.last : rest[rest.index(before: range.lowerBound)]
      let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
      result += rest[..<range.lowerBound]
      result += isNamePart(before) || isNamePart(after) ? name : replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  private func sync(_ contents: [String: String], into relativePath: String) throws {
    try GeneratedFiles(folder: folder).sync(contents, into: relativePath)
  }

  private func writeIfChanged(_ text: String, to url: URL) throws {
    try GeneratedFiles(folder: folder).writeIfChanged(text, to: url)
  }

  private func manifest(
    for variants: [Variant], testImports: [String: Set<String>],
    given: [ChapterSources.GivenModule]
  ) -> String {
    // A path dependency's identity is its folder's name, lowercased.
    let kit = root.lastPathComponent.lowercased()
    var targets = ChapterSources.targets(for: given, kit: kit)
    var usesKit = targets.contains { $0.contains(".product(") }
    for variant in variants {
      let codeImports = Self.imports(in: variant.files.values)
      let moduleDependencies = KitDependencies.ofModule(importing: codeImports, kit: kit)
      let kitTestDependencies = KitDependencies.ofTests(
        of: variant.module, importing: testImports[variant.module] ?? [], kit: kit)
      usesKit = usesKit || moduleDependencies.count + kitTestDependencies.count > 1
      let givenModuleDependencies = ChapterSources.givenDependencies(codeImports, among: given)
      let allModuleDependencies = givenModuleDependencies + moduleDependencies
      let testDependencies =
        kitTestDependencies
        + ChapterSources.givenDependencies(testImports[variant.module] ?? [], among: given)
      targets.append(
        """
            .target(
              name: "\(variant.module)", dependencies: [\(allModuleDependencies.joined(separator: ", "))],
              path: "Solutions/\(variant.module)"),
            .testTarget(
              name: "\(variant.testTarget)", dependencies: [\(testDependencies.joined(separator: ", "))],
              path: "Tests/\(variant.testTarget)",
              swiftSettings: [.define("WORKSHOP_SOLUTIONS")]),
        """)
    }
    return """
      // swift-tools-version: 6.1
      // Generated by `workshop mutants` and `workshop verify`: each chapter's reference
      // solution, its alternatives and its mutants, each with a copy of the chapter's tests.
      import PackageDescription

      let package = Package(
        name: "WorkshopVariants",
        platforms: [.macOS(.v15)],
        dependencies: [\(usesKit ? ".package(path: \"\(root.path)\")" : "")],
        targets: [
      \(targets.joined(separator: "\n"))
        ]
      )

      """
  }

  /// The modules imported by the given sources (`import X`, `public import X`,
  /// `import struct X.Y`, …).
  static func imports(in sources: some Sequence<String>) -> Set<String> {
    var modules: Set<String> = []
    for source in sources {
      for line in source.split(separator: "\n") {
        var words = line.split(separator: " ")
        if let first = words.first, ["public", "package", "internal", "@testable"].contains(first) {
          words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { continue }
        let kinds: Set<Substring> = [
          "struct", "class", "enum", "protocol", "func", "var", "let", "typealias",
        ]
        let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        if let module = path.split(separator: ".").first { modules.insert(String(module)) }
      }
    }
    return modules
  }

  /// The names of the Swift files directly in a folder, sorted.
  static func swiftFiles(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
  }
}
