import Foundation

extension Repository {
  /// How many events are read from the recorder at a time when an aggregate's history is
  /// long; shorter histories are read and decoded in one go.
  static let replayPageSize = 1_024

  /// Reads and decodes one aggregate's events in version order, and returns them with the
  /// hash of the last one when they are hash-chained.
  ///
  /// Decoding is most of the cost of loading a long history, and each record decodes on its
  /// own. So a history longer than a page is read page by page, and each page is decoded in a
  /// task of its own while the next is read: reading overlaps decoding, and decoding uses
  /// every processor. Every page checks the hash-chain links inside it; the link from each
  /// page to the one before it is checked afterwards, in order. The events, the head hash and
  /// the first error reported are the same as when reading one record after another.
  ///
  /// - Parameters:
  ///   - version: The version after which to start; from the first event when `nil`.
  ///   - throughVersion: The last version to read; the latest when `nil`.
  ///   - verifier: The hash-chain verifier for the first event read.
  func replay<Event: DomainEvent>(
    _ type: Event.Type, of id: UUID, after version: Int?, through throughVersion: Int?,
    verifier: HashChainVerifier
  ) async throws -> (events: [RecordedEvent<Event>], headHash: Data?) {
    let pageSize = Self.replayPageSize
    var page = try await recorder.events(
      for: id, after: version, through: throughVersion, limit: pageSize)
    var verifier = verifier
    guard page.count == pageSize else {
      let events = try mapper.replay(type, from: page[...], verifier: &verifier)
      return (events, verifier.headHash)
    }
    let (mapper, start) = (mapper, verifier)
    let (pages, firstRecords) = try await withThrowingTaskGroup(
      of: (Int, Result<ReplayedPage<Event>, any Error>).self
    ) { group in
      var firstRecords: [StoredEvent] = []
      while let first = page.first, let last = page.last {
        // Only the first page knows what comes before it; the others start as if their first
        // event's predecessor were unknown, and that link is checked below.
        let number = firstRecords.count
        let pageVerifier = number == 0 ? start : HashChainVerifier(chain: mapper.hashChain)
        let records = page
        group.addTask {
          var verifier = pageVerifier
          let result = Result {
            let events = try mapper.replay(type, from: records[...], verifier: &verifier)
            return ReplayedPage(events: events, verifier: verifier)
          }
          return (number, result)
        }
        firstRecords.append(first)
        guard page.count == pageSize else { break }
        page = try await recorder.events(
          for: id, after: last.originatorVersion, through: throughVersion, limit: pageSize)
      }
      var pages = [Result<ReplayedPage<Event>, any Error>?](
        repeating: nil, count: firstRecords.count)
      for try await (number, result) in group { pages[number] = result }
      return (pages, firstRecords)
    }
    var events: [RecordedEvent<Event>] = []
    events.reserveCapacity(pages.count * pageSize)
    for (number, result) in pages.enumerated() {
      if number > 0 {
        // The link from the previous page's last event to this page's first.
        let first = firstRecords[number]
        _ = try verifier.payload(
          of: mapper.unprotect(first.state, originatorID: first.originatorID,
            version: first.originatorVersion),
          in: first)
      }
      // Every task has reported, so every slot is filled.
      guard let page = try result?.get() else { continue }
      events.append(contentsOf: page.events)
      verifier = page.verifier
    }
    return (events, verifier.headHash)
  }
}

/// The events one task of a paged replay decoded, and its verifier's state at the end.
private struct ReplayedPage<Event: DomainEvent>: Sendable {
  let events: [RecordedEvent<Event>]
  let verifier: HashChainVerifier
}
