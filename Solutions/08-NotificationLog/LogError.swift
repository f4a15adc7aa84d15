/// An error reading the notification log.
public enum LogError: Error, Equatable, CustomStringConvertible {
  /// A section ID is neither `"first,last"` with 1 ≤ first ≤ last, nor `"current"`.
  case invalidSectionID(String)

  public var description: String {
    switch self {
    case .invalidSectionID(let id):
      "Invalid section ID '\(id)': use \"first,last\" such as \"1,10\", or \"current\"."
    }
  }
}
