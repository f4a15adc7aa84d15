import Foundation
import Testing
import WorkshopKit

@testable import workshop

@Suite("Chapter sources: solutions laid over exercises, and the given modules")
struct ChapterSourcesTests {
  /// A kit folder of its own, with one chapter and given modules.
  private func makeKit() throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter-sources-\(UUID().uuidString)")
    let files: [String: String] = [
      "Exercises/02-EventSourcedDog/Dog.swift": "import GivenEvents\n// starter\n",
      "Exercises/02-EventSourcedDog/CodeLocation.swift": "// location\n",
      "Exercises/02-EventSourcedDog/README.md": "# Chapter 2\n",
      "Solutions/02-EventSourcedDog/Dog.swift": "import GivenEvents\n// solution\n",
      "Exercises/Given/README.md": "# Given code\n",
      "Exercises/Given/Basics/HistoryError.swift": "// errors\n",
      "Exercises/Given/Events/DogEvent.swift": "import GivenBasics\n// events\n",
      "Exercises/Given/Dog/Dog.swift": "import GivenEvents\n// dog\n",
      "Exercises/Given/Database/Database.swift": "import CSQLite\n// database\n",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  private var chapter: Chapter {
    get throws { try #require(Chapters.all.first { $0.number == 2 }) }
  }

  @Test("The solution is the exercise with the solution folder's files laid over it")
  func solutionOverlay() throws {
    let root = try makeKit()
    defer { try? FileManager.default.removeItem(at: root) }
    let sources = ChapterSources(root: root)
    let solution = try sources.solution(try chapter)
    #expect(solution["Dog.swift"] == "import GivenEvents\n// solution\n")
    #expect(solution["CodeLocation.swift"] == "// location\n")
    #expect(solution["README.md"] == nil)
    #expect(try sources.exercise(try chapter)["Dog.swift"] == "import GivenEvents\n// starter\n")
  }

  @Test("Given modules come with the given modules they import, and files beside them are not modules")
  func givenClosure() throws {
    let root = try makeKit()
    defer { try? FileManager.default.removeItem(at: root) }
    let sources = ChapterSources(root: root)
    #expect(try sources.allGivenModules().map(\.name) == [
      "GivenBasics", "GivenDatabase", "GivenDog", "GivenEvents",
    ])
    let needed = try sources.givenModules(importedBy: ["GivenDog", "Foundation"])
    #expect(needed.map(\.name) == ["GivenBasics", "GivenDog", "GivenEvents"])
    #expect(needed.first { $0.name == "GivenDog" }?.path == "Exercises/Given/Dog")
  }

  @Test("A given module that imports SQLite depends on the kit's library, the others on each other")
  func manifestTargets() throws {
    let root = try makeKit()
    defer { try? FileManager.default.removeItem(at: root) }
    let modules = try ChapterSources(root: root).allGivenModules()
    let targets = ChapterSources.targets(for: modules, kit: "kit")
    let database = try #require(targets.first { $0.contains("\"GivenDatabase\"") })
    #expect(database.contains(".product(name: \"EventSourcing\", package: \"kit\")"))
    let dog = try #require(targets.first { $0.contains("name: \"GivenDog\"") })
    #expect(dog.contains("dependencies: [\"GivenEvents\"]"))
  }

  @Test("In the kit, every solution file differs from its exercise twin")
  func kitSolutionsHoldOnlyDifferences() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sources = ChapterSources(root: root)
    for chapter in Chapters.all {
      let exercise = try sources.exercise(chapter)
      let overlay = try ChapterSources.swiftSources(
        in: root.appendingPathComponent(chapter.solutionPath))
      #expect(!overlay.isEmpty, "\(chapter.solutionPath) holds no Swift file")
      for (name, text) in overlay {
        #expect(exercise[name] != text, "\(chapter.solutionPath)/\(name) equals its exercise")
      }
    }
  }
}
