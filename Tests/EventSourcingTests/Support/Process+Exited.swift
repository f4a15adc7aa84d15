import Foundation

extension Process {
  /// Waits until the process has ended, without holding a thread of Swift's cooperative pool:
  /// `waitUntilExit()` there would stall every other test's tasks while the child runs, and
  /// their waits with deadlines would time out.
  func exited() async {
    while isRunning {
      try? await Task.sleep(for: .milliseconds(2))
    }
    // Returns at once now; it makes sure the termination status has been read.
    waitUntilExit()
  }
}
