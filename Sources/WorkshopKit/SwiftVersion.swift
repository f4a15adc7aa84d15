import Foundation

/// A Swift compiler version, read from `swift --version`.
public struct SwiftVersion: Comparable, Sendable, CustomStringConvertible {
  /// The major version, such as 6.
  public let major: Int
  /// The minor version, such as 3.
  public let minor: Int
  /// The patch version, such as 1.
  public let patch: Int

  /// Creates a version.
  public init(major: Int, minor: Int, patch: Int = 0) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// Reads the version from the output of `swift --version`, such as
  /// "Swift version 6.3.1 (swift-6.3.1-RELEASE)" or "Apple Swift version 6.3 (…)".
  public init?(output: String) {
    guard let range = output.range(of: "Swift version ") else { return nil }
    let numbers = output[range.upperBound...].prefix { $0.isNumber || $0 == "." }
      .split(separator: ".").compactMap { Int($0) }
    guard numbers.count >= 2 else { return nil }
    self.init(major: numbers[0], minor: numbers[1], patch: numbers.count > 2 ? numbers[2] : 0)
  }

  /// "6.3.1".
  public var description: String { "\(major).\(minor).\(patch)" }

  /// Orders versions by major, then minor, then patch number.
  public static func < (lhs: SwiftVersion, rhs: SwiftVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }
}
