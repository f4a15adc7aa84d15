/// A section ID as a client sends it, checked before the log is asked.
///
/// Only the log's own sections are served: `"current"`, or `"first,last"` where `first` is 1
/// more than a multiple of the section size and `last` ends that section (`"1,10"`,
/// `"11,20"` for sections of 10), the IDs that the log itself hands out as `next_id`. Any
/// other range, however well formed, is refused: a full section can then be cached for ever
/// under one URL, and a client cannot fill caches with ranges of its own choosing.
enum SectionRequest: Equatable {
  case current
  case range(first: Int, last: Int)

  /// The longest ID accepted: two 19-digit numbers and a comma.
  static let maximumLength = 39

  /// Reads a section ID, or returns `nil` for one that is not a section of this log.
  init?(_ id: String, sectionSize: Int) {
    if id == "current" {
      self = .current
      return
    }
    // Checked before splitting, so that a 10,000-character ID costs nothing.
    guard id.utf8.count <= Self.maximumLength else { return nil }
    let parts = id.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2,
      // Int("+5") is 5: only plain digits are accepted, so that each section has one URL.
      parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      let first = Int(parts[0]), let last = Int(parts[1]),
      first >= 1, (first - 1) % sectionSize == 0
    else { return nil }
    let (end, overflow) = first.addingReportingOverflow(sectionSize - 1)
    guard !overflow, last == end else { return nil }
    self = .range(first: first, last: last)
  }

  /// The ID to ask the log for.
  var logSectionID: String {
    switch self {
    case .current: "current"
    case .range(let first, let last): "\(first),\(last)"
    }
  }
}
