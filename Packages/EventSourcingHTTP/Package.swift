// swift-tools-version: 6.1
import PackageDescription

// The notification log over HTTP, as a package of its own: like the PostgreSQL package, it
// keeps Hummingbird, SwiftNIO and async-http-client out of the workshop's root package, which
// every attendee resolves and builds, so `swift run workshop doctor` on a fresh clone neither
// fetches nor compiles them. This package depends on the root by path; build and test it from
// this folder:
//
//     cd Packages/EventSourcingHTTP && swift test
let package = Package(
  name: "EventSourcingHTTP",
  // `Mutex` from the Synchronization module needs macOS 15 on Apple platforms.
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EventSourcingHTTP", targets: ["EventSourcingHTTP"]),
    .executable(name: "dog-school-server", targets: ["dog-school-server"]),
  ],
  dependencies: [
    .package(name: "EventSourcingWorkshop", path: "../.."),
    // The server. Its swift-configuration support is left out: nothing here reads it.
    .package(
      url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1",
      traits: ["FullFoundation"]),
    // The remote log's client (Hummingbird's own tests use it too, so it costs no extra build).
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    // ByteBuffer and its Foundation bridge, which both of the above already build.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    // A logger for the server that the tests and programs can quieten.
    .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    // Graceful shutdown: long polls end with it. Hummingbird is built on it already.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
  ],
  targets: [
    .target(
      name: "EventSourcingHTTP",
      dependencies: [
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // The dog school's routes.
    .target(
      name: "DogSchoolService",
      dependencies: [
        "EventSourcingHTTP", .product(name: "DogSchool", package: "EventSourcingWorkshop"),
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
      ]
    ),
    // The dog school as a service, and a projection that follows it over HTTP: the programs
    // of scripts/http-demo.sh and scripts/load-test-http.sh.
    .executableTarget(
      name: "dog-school-server",
      dependencies: [
        "EventSourcingHTTP", "DogSchoolService",
        .product(name: "DogSchool", package: "EventSourcingWorkshop"),
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "EventSourcingHTTPTests",
      dependencies: [
        "EventSourcingHTTP", "DogSchoolService",
        .product(name: "DogSchool", package: "EventSourcingWorkshop"),
        .product(name: "EventSourcing", package: "EventSourcingWorkshop"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
