import EventSourcing
import Foundation

/// A recorder alone, given ready-made stored events: the recorder's share of the work.
final class RecorderContender: Contender {
  let recorder: any ApplicationRecorder
  private let templates: EventTemplates
  private var stream: (id: UUID, version: Int)?

  /// Creates the contender; it stores copies of `templates`.
  init(recorder: any ApplicationRecorder, templates: EventTemplates) {
    self.recorder = recorder
    self.templates = templates
  }

  func createAggregates(_ count: Int) async throws {
    for _ in 0..<count { try await recorder.insert(templates.events(UUID(), 1...1)) }
  }

  func saveTenEventAggregates(_ count: Int) async throws {
    for _ in 0..<count { try await recorder.insert(templates.events(UUID(), 1...10)) }
  }

  func saveToStream(tricks: Int) async throws {
    var (id, version) = stream ?? (UUID(), 0)
    if version == 0 {
      try await recorder.insert(templates.events(id, 1...1))
      version = 1
    }
    for _ in 0..<tricks {
      version += 1
      try await recorder.insert(templates.events(id, version...version))
    }
    stream = (id, version)
  }

  func streamLoader() throws -> Loader {
    guard let id = stream?.id else { throw BenchmarkError.noStream }
    let recorder = recorder
    return Loader(load: { try await recorder.events(for: id).last?.originatorVersion ?? 0 })
  }

  func readLog() async throws -> Int {
    try await Self.readLog(recorder) { _ in }
  }

  /// Reads the whole log in pages of 1,000, handing each page to `process`.
  static func readLog(
    _ recorder: any ApplicationRecorder, _ process: ([EventSourcing.EventNotification]) throws -> Void
  ) async throws -> Int {
    var next = 1
    var read = 0
    while true {
      let page = try await recorder.notifications(start: next, limit: 1_000)
      guard let last = page.last else { return read }
      try process(page)
      read += page.count
      next = last.id + 1
    }
  }
}
