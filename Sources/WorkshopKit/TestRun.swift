/// The results of one test run, as read from Swift Testing's event stream.
public struct TestRun: Sendable, Equatable {
  /// Every test function of the run, in the order the stream declared them.
  public var tests: [TestOutcome]
  /// Whether the run started.
  public var didStart: Bool
  /// Whether the run reached its end: false when the test process died on the way.
  public var didFinish: Bool

  /// Creates a run.
  public init(tests: [TestOutcome] = [], didStart: Bool = false, didFinish: Bool = false) {
    self.tests = tests
    self.didStart = didStart
    self.didFinish = didFinish
  }

  /// Whether every test ran to its end and the run finished: no crash.
  public var isComplete: Bool {
    didFinish && tests.allSatisfy { $0.status != .didNotFinish }
  }

  /// Whether the run is complete and every test passed.
  public var allPassed: Bool {
    isComplete && !tests.isEmpty && tests.allSatisfy { $0.status == .passed }
  }

  /// The tests whose identity starts with a test target's name, such as `Chapter01Tests`.
  public func tests(inTarget target: String) -> [TestOutcome] {
    tests.filter { $0.id.hasPrefix(target + ".") }
  }

  /// The part of the run that belongs to one test target.
  public func restricted(toTarget target: String) -> TestRun {
    TestRun(tests: tests(inTarget: target), didStart: didStart, didFinish: didFinish)
  }
}
