// swift-tools-version: 6.1
import PackageDescription

// MARK: - Workshop chapters

// One entry per chapter: its folder under Exercises/ and Solutions/. The target is named
// `ChapterNN` (NN = the folder's first two characters) and its tests `ChapterNNTests`.
// A new chapter adds one entry here and one in Sources/WorkshopKit/Chapters.swift.
// (`dependencies` lists targets a chapter builds on, e.g. "EventSourcing"; `testDependencies`
// what its tests need besides the chapter, e.g. "EventSourcingTesting" for conformance suites.)
let workshopChapters:
  [(folder: String, dependencies: [Target.Dependency], testDependencies: [Target.Dependency])] = [
    ("01-PlainDog", [], []),
    ("02-EventSourcedDog", ["GivenEvents", "GivenBasics"], ["GivenEvents", "GivenBasics"]),
    (
      "03-EventStore", ["GivenDog", "GivenEvents", "GivenBasics"],
      ["GivenDog", "GivenEvents", "GivenBasics"]
    ),
    (
      "04-SQLitePersistence",
      ["EventSourcing", "CSQLite", "GivenDatabase", "GivenDog", "GivenEvents", "GivenBasics"],
      ["EventSourcing", "EventSourcingTesting", "GivenDog", "GivenEvents", "GivenBasics"]
    ),
    (
      "05-HashChains",
      [
        "EventSourcing", .product(name: "Crypto", package: "swift-crypto"), "GivenBasics",
      ],
      ["EventSourcing", "GivenDatabase", "GivenDog", "GivenRecorder"]
    ),
    (
      "06-Encryption",
      [
        "EventSourcing", .product(name: "Crypto", package: "swift-crypto"), "GivenDog",
        "GivenEvents", "GivenBasics",
      ],
      [
        "EventSourcing", "EventSourcingTesting", .product(name: "Crypto", package: "swift-crypto"),
        "GivenEvents", "GivenBasics",
      ]
    ),
    ("07-Snapshots", ["EventSourcing", "GivenBasics"], ["EventSourcing", "GivenBasics"]),
    (
      "08-NotificationLog", ["EventSourcing", "GivenDog", "GivenEvents", "GivenBasics"],
      ["EventSourcing", "EventSourcingTesting", "GivenDog", "GivenEvents", "GivenBasics"]
    ),
    ("09-TheRealThing", ["EventSourcing", "GivenBasics"], ["EventSourcing", "GivenBasics"]),
  ]

/// The given code that the chapters import and learners never edit, kept once in
/// `Exercises/Given/`: module name, folder and dependencies.
let givenModules: [(name: String, folder: String, dependencies: [Target.Dependency])] = [
  ("GivenBasics", "Basics", []),
  ("GivenEvents", "Events", []),
  ("GivenDog", "Dog", ["GivenEvents", "GivenBasics"]),
  ("GivenDatabase", "Database", ["CSQLite"]),
  (
    "GivenRecorder", "Recorder",
    ["EventSourcing", "GivenDatabase", "GivenEvents", "GivenBasics"]
  ),
]

func givenTargets() -> [Target] {
  givenModules.map { module in
    .target(
      name: module.name, dependencies: module.dependencies,
      path: "Exercises/Given/\(module.folder)")
  }
}

// The package is the same whatever the environment: the chapter modules are built from
// Exercises/, so that editors and `swift build` see the learner's code. The workshop command
// tests chapters in a generated package of its own (`.build-chapters/package`), one chapter
// at a time so that another chapter that does not compile cannot stop it, and the reference
// solutions in `.build-chapters-solutions/package`, with the same tests.
func chapterTargets() -> [Target] {
  workshopChapters.flatMap { chapter -> [Target] in
    let number = String(chapter.folder.prefix(2))
    return [
      .target(
        name: "Chapter\(number)",
        dependencies: chapter.dependencies,
        path: "Exercises/\(chapter.folder)",
        // The chapter text sits beside the starter code.
        exclude: ["README.md"]
      ),
      .testTarget(
        name: "Chapter\(number)Tests",
        dependencies: [.target(name: "Chapter\(number)")] + chapter.testDependencies,
        path: "Tests/Chapter\(number)Tests"
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
    // The tutorial's dog school, so that other packages (the HTTP service, a follower of it)
    // use the same types and topics.
    .library(name: "DogSchool", targets: ["DogSchool"]),
    .executable(name: "workshop", targets: ["workshop"]),
    .executable(name: "workshop-demo", targets: ["workshop-demo"]),
  ],
  dependencies: [
    // AES-GCM for encrypting stored state, SHA-256 and HMAC for hash-chained events.
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    // The workshop command's subcommands and options.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // The system SQLite (macOS ships it; on Linux install libsqlite3-dev).
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    // The system's zlib, for compressing stored state.
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    .target(
      name: "EventSourcing",
      dependencies: ["CSQLite", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // The tutorial's dog school on the library: used by the tests, demos and benchmarks.
    .target(name: "DogSchool", dependencies: ["EventSourcing"]),
    // The README's Swift blocks, compiled and run by CI so that the README cannot lie.
    .executableTarget(
      name: "readme-examples",
      dependencies: ["EventSourcing"]
    ),
    // The instructor's demos: short narrated stories on the real library.
    .target(name: "Demos", dependencies: ["EventSourcing", "DogSchool", "CSQLite"]),
    // Slides: Markdown decks rendered to self-contained HTML, with code taken from the solutions.
    .target(name: "SlidesKit"),
    // Conformance suites for the library's seams, for authors of recorders, ciphers and
    // compressors, and for the workshop's chapters.
    .target(
      name: "EventSourcingTesting",
      dependencies: ["EventSourcing"]
    ),
    .testTarget(
      name: "EventSourcingTests",
      // The stress executables are listed so that `swift test` builds them: tests run them as
      // child processes.
      dependencies: [
        "EventSourcing", "EventSourcingTesting", "DogSchool", "recorder-stress", "follower-stress",
        "CSQLite", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The child process of the cross-process concurrency test; not a product.
    .executableTarget(name: "recorder-stress", dependencies: ["EventSourcing"]),
    // The child process of the follower crash test, killed at random moments; not a product.
    .executableTarget(name: "follower-stress", dependencies: ["EventSourcing", "DogSchool"]),
    // Prints events per second of the recorders next to raw SQLite: `swift run -c release
    // es-benchmark` (add `--quick` for a short run).
    .executableTarget(
      name: "es-benchmark", dependencies: ["EventSourcing", "DogSchool", "CSQLite"]),
    .testTarget(name: "SlidesKitTests", dependencies: ["SlidesKit"]),
    .testTarget(name: "DemosTests", dependencies: ["Demos"]),
    // The workshop command: the chapter table, test-result parsing and progress (WorkshopKit),
    // and the thin command-line front end (workshop).
    .target(name: "WorkshopKit"),
    .executableTarget(
      name: "workshop",
      dependencies: [
        "WorkshopKit", "SlidesKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The demos are a program of their own, so that the learner's `workshop` command does
    // not link the library and its cryptography: `workshop doctor` builds less.
    .executableTarget(
      name: "workshop-demo",
      dependencies: [
        "Demos", "WorkshopKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "WorkshopTests", dependencies: ["WorkshopKit", "workshop"]),
  ] + givenTargets() + chapterTargets()
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
