// swift-tools-version: 6.1
import PackageDescription

// PostgreSQL persistence for the event-sourcing library, as a package of its own: the workshop's
// root package, which every attendee resolves and builds, gains no dependency, so
// `swift run workshop doctor` on a fresh clone neither fetches nor compiles postgres-nio. This
// package depends on the root by path; build and test it from this folder:
//
//     cd Packages/EventSourcingPostgres && swift test
//
// A package trait on the root would also keep postgres-nio out of attendees' builds, but only
// recent SwiftPM versions leave a trait-guarded dependency out of resolution (SwiftPM 6.1 still
// resolves it), that pruning has had several bugs since, and the root's manifest would then name
// postgres-nio for everyone. A package of its own cannot touch the root's resolution at all.
let package = Package(
  name: "EventSourcingPostgres",
  // `Mutex` from the Synchronization module needs macOS 15 on Apple platforms.
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EventSourcingPostgres", targets: ["EventSourcingPostgres"])
  ],
  dependencies: [
    .package(name: "EventSourcingWorkshop", path: "../.."),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // postgres-nio's own logging, for a logger that discards what the pool logs.
    .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
  ],
  targets: [
    .target(
      name: "EventSourcingPostgres",
      dependencies: [
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The child process of the cross-process tests, killed at random moments; not a product.
    .executableTarget(
      name: "postgres-stress",
      dependencies: [
        "EventSourcingPostgres",
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
      ]
    ),
    // Events per second beside plain SQL: scripts/benchmark-postgres.sh runs it beside the
    // Python library's recorder.
    .executableTarget(
      name: "postgres-benchmark",
      dependencies: [
        "EventSourcingPostgres",
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .testTarget(
      name: "EventSourcingPostgresTests",
      // postgres-stress is listed so that `swift test` builds it: tests run it as a child.
      dependencies: [
        "EventSourcingPostgres", "postgres-stress",
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "EventSourcingTesting", package: "EventSourcingWorkshop"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
  ]
)

// The same upcoming features as the root package, so that imports stay honest.
for target in package.targets {
  target.swiftSettings = (target.swiftSettings ?? []) + [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
  ]
}
