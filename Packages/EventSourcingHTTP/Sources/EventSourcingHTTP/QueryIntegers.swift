internal import Hummingbird

/// Reads whole-number query parameters, refusing anything else with a 400 that says which.
struct QueryIntegers {
  private let request: Request

  init(_ request: Request) {
    self.request = request
  }

  /// The parameter's value, or `default` when absent.
  func value(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
    try optionalValue(name, in: range) ?? defaultValue
  }

  /// The parameter's value, or `nil` when absent.
  func optionalValue(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
    guard let text = request.uri.queryParameters[name[...]] else { return nil }
    // 20 characters hold any Int; longer text is refused before it is read.
    guard text.utf8.count <= 20, let value = Int(text), range.contains(value) else {
      throw HTTPError(
        .badRequest,
        message: "Query parameter '\(name)' must be a whole number from \(range.lowerBound) "
          + "to \(range.upperBound).")
    }
    return value
  }
}
