import Synchronization

/// An array that many tasks can append to, for collecting results in tests.
final class LockedArray<Element: Sendable>: Sendable {
  private let storage = Mutex<[Element]>([])

  init() {}

  var values: [Element] { storage.withLock { $0 } }

  func append(_ value: Element) { storage.withLock { $0.append(value) } }
}
