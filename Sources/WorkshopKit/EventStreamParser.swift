import Foundation

/// Reads the JSON lines that `swift test --experimental-event-stream-output` writes
/// (stream version 0) into a ``TestRun``.
///
/// The stream is experimental, so the parser reads only a few stable fields and skips any
/// line it does not understand instead of failing.
public enum EventStreamParser {
  /// Parses a whole stream.
  public static func parse(_ text: String) -> TestRun {
    var run = TestRun()
    var index: [String: Int] = [:]
    let decoder = JSONDecoder()
    for line in text.split(whereSeparator: \.isNewline) {
      guard let record = try? decoder.decode(Record.self, from: Data(line.utf8)) else { continue }
      let payload = record.payload
      switch (record.kind, payload.kind) {
      case ("test", "function"):
        guard let id = payload.id, index[id] == nil else { continue }
        index[id] = run.tests.count
        run.tests.append(
          TestOutcome(
            id: id, displayName: payload.displayName ?? payload.name ?? id,
            status: .didNotFinish))
      case ("event", "runStarted"):
        run.didStart = true
      case ("event", "runEnded"):
        run.didFinish = true
      case ("event", "testStarted"):
        guard let id = payload.testID, let position = index[id] else { continue }
        run.tests[position].didStart = true
      case ("event", "issueRecorded"):
        guard let id = payload.testID, let position = index[id] else { continue }
        if payload.issue?.isKnown == true { continue }
        run.tests[position].issues.append(issue(from: payload))
      case ("event", "testSkipped"):
        guard let id = payload.testID, let position = index[id] else { continue }
        run.tests[position].status = .skipped
      case ("event", "testEnded"):
        guard let id = payload.testID, let position = index[id] else { continue }
        let failed =
          !run.tests[position].issues.isEmpty
          || (payload.messages ?? []).contains { $0.symbol == "fail" }
        run.tests[position].status = failed ? .failed : .passed
      default:
        continue
      }
    }
    return run
  }

  private static func issue(from payload: Record.Payload) -> TestIssue {
    let messages = payload.messages ?? []
    let failure = messages.first { $0.symbol == "fail" }?.text
    if let comment = payload.comments?.first {
      let expectation = "Expectation failed: "
      let detail = failure.map {
        $0.hasPrefix(expectation) ? String($0.dropFirst(expectation.count)) : $0
      }
      return TestIssue(message: comment, detail: detail)
    }
    let caught = "Caught error: "
    if let failure, failure.hasPrefix(caught) {
      return TestIssue(message: String(failure.dropFirst(caught.count)))
    }
    return TestIssue(message: failure ?? messages.first?.text ?? "The test recorded an issue.")
  }

  // The few fields of a stream record the parser needs.
  private struct Record: Decodable {
    struct Message: Decodable {
      let symbol: String?
      let text: String
    }
    struct IssueInfo: Decodable {
      let isKnown: Bool?
    }
    struct Payload: Decodable {
      let kind: String?
      let id: String?
      let name: String?
      let displayName: String?
      let testID: String?
      let messages: [Message]?
      let comments: [String]?
      let issue: IssueInfo?

      enum CodingKeys: String, CodingKey {
        case kind, id, name, displayName, testID, messages, issue
        case comments = "_comments"
      }
    }
    let kind: String
    let payload: Payload
  }
}
