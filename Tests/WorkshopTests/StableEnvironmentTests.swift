import Foundation
import Testing

@testable import workshop

/// The environment of the `swift` commands that test chapters stays the same from one shell
/// command to the next, so that SwiftPM's manifest cache and build plan hold.
@Suite("The environment of chapter builds")
struct StableEnvironmentTests {
  @Test("Variables that change between shell commands are left out")
  func leavesOutWhatChanges() {
    for name in ["_", "OLDPWD", "PWD", "SHLVL", "COLUMNS", "LINES", "PERSISTENCE_MODULE", "CIPHER_KEY"] {
      #expect(!StableEnvironment.passedOn.contains(name), "\(name) would make every run plan anew")
    }
    let variables = StableEnvironment.variables(adding: ["EXTRA": "1"])
    #expect(Set(variables.keys).isSubset(of: StableEnvironment.passedOn.union(["EXTRA"])))
    #expect(variables["EXTRA"] == "1")
  }

  @Test("What a build needs is passed on")
  func passesOnWhatBuildsNeed() {
    #expect(StableEnvironment.passedOn.isSuperset(of: ["PATH", "HOME", "TMPDIR", "SDKROOT", "DEVELOPER_DIR"]))
    if let path = ProcessInfo.processInfo.environment["PATH"] {
      #expect(StableEnvironment.variables()["PATH"] == path)
    }
  }
}
