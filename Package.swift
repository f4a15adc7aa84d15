// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "EventSourcingWorkshop",
  // `Mutex` from the Synchronization module needs macOS 15 on Apple platforms.
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EventSourcing", targets: ["EventSourcing"]),
    .library(name: "EventSourcingTesting", targets: ["EventSourcingTesting"]),
  ],
  dependencies: [
    // AES-GCM for encrypting stored state, SHA-256 and HMAC for hash-chained events.
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2")
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
  ]
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
