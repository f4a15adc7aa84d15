// swift-tools-version: 6.1
import PackageDescription

// MARK: - Workshop chapters

// One entry per chapter: its folder under Exercises/ and Solutions/. The target is named
// `ChapterNN` (NN = the folder's first two characters) and its tests `ChapterNNTests`.
// A new chapter adds one entry here and one in Sources/WorkshopKit/Chapters.swift.
// (`dependencies` lists targets a chapter builds on, e.g. "EventSourcing".)
let workshopChapters: [(folder: String, dependencies: [Target.Dependency])] = [
  ("01-PlainDog", []),
  ("02-EventSourcedDog", []),
  ("03-EventStore", []),
]

// `WORKSHOP_SOLUTIONS=1` builds the chapter modules from Solutions/ instead of Exercises/, so
// the same tests check the reference solutions. Use a separate build folder for that mode:
//   WORKSHOP_SOLUTIONS=1 swift test --scratch-path .build-solutions
let workshopSolutions = (Context.environment["WORKSHOP_SOLUTIONS"] ?? "").isEmpty == false

// `WORKSHOP_CHAPTERS=01,03` (or `none`) keeps only those chapters in the package graph. On
// Linux all test targets link into one test executable, so one chapter that does not compile
// would stop every other from running; the `workshop` command builds one chapter at a time.
// Without it every chapter is in the graph (so editors see them all), and a plain `swift test`
// also runs the chapter tests, which fail on the starter code by design. CI runs
//   WORKSHOP_SOLUTIONS=1 swift test --scratch-path .build-solutions   (everything passes)
//   swift run workshop verify                                          (the chapters' checks)
let selectedChapters: Set<String>? = Context.environment["WORKSHOP_CHAPTERS"].map {
  Set($0.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) })
}

func chapterTargets() -> [Target] {
  workshopChapters.flatMap { chapter -> [Target] in
    let number = String(chapter.folder.prefix(2))
    guard selectedChapters?.contains(number) ?? true else { return [] }
    let root = workshopSolutions ? "Solutions" : "Exercises"
    let define: [SwiftSetting] = workshopSolutions ? [.define("WORKSHOP_SOLUTIONS")] : []
    return [
      .target(
        name: "Chapter\(number)",
        dependencies: chapter.dependencies,
        path: "\(root)/\(chapter.folder)",
        // The chapter text sits beside the starter code; solutions have none.
        exclude: workshopSolutions ? [] : ["README.md"]
      ),
      .testTarget(
        name: "Chapter\(number)Tests",
        dependencies: [.target(name: "Chapter\(number)")],
        path: "Tests/Chapter\(number)Tests",
        swiftSettings: define
      ),
    ]
  }
}

// MARK: - Package

let package = Package(
  name: "EventSourcingWorkshop",
  // `Mutex` from the Synchronization module needs macOS 15 on Apple platforms.
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EventSourcing", targets: ["EventSourcing"]),
    .library(name: "EventSourcingTesting", targets: ["EventSourcingTesting"]),
    .executable(name: "workshop", targets: ["workshop"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "EventSourcing"),
    // The tutorial's dog school on the library: used by the tests, demos and benchmarks.
    .target(name: "DogSchool", dependencies: ["EventSourcing"]),
    .target(
      name: "EventSourcingTesting",
      dependencies: ["EventSourcing"]
    ),
    .testTarget(
      name: "EventSourcingTests",
      dependencies: ["EventSourcing", "EventSourcingTesting", "DogSchool"]
    ),
    // The workshop command: the chapter table, test-result parsing and progress (WorkshopKit),
    // and the thin command-line front end (workshop).
    .target(name: "WorkshopKit"),
    .executableTarget(
      name: "workshop",
      dependencies: [
        "WorkshopKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "WorkshopTests", dependencies: ["WorkshopKit", "workshop"]),
  ] + chapterTargets()
)

// Swift 6 language mode is the default for tools version 6; these upcoming features keep
// imports honest across the library's layers.
for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
  ]
}
