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
    // The system's zlib, for compressing stored state.
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    .target(
      name: "EventSourcing",
      dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // The tutorial's dog school on the library: used by the tests, demos and benchmarks.
    .target(name: "DogSchool", dependencies: ["EventSourcing"]),
    .target(
      name: "EventSourcingTesting",
      dependencies: ["EventSourcing"]
    ),
    .testTarget(
      name: "EventSourcingTests",
      dependencies: [
        "EventSourcing", "EventSourcingTesting", "DogSchool",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
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
