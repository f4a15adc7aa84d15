import Foundation

extension Repository {
  /// How many events are read from the recorder at a time when an aggregate's history is
  /// long; shorter histories are read and decoded in one go.
  static let replayPageSize = 1_024

  /// Reads and decodes one aggregate's events in version order and gives them to `fold`, in
  /// order, a page at a time; returns the hash of the last one when they are hash-chained.
  ///
  /// Decoding is most of the cost of loading a long history, and each record decodes on its
  /// own. So a history longer than a page is read page by page, and each page is decoded in a
  /// task of its own while the next is read: reading overlaps decoding, and decoding uses
  /// every processor. A page is folded as soon as it and every page before it are decoded, so
  /// that folding overlaps decoding too. Every page checks the hash-chain links inside it; the
  /// link from each page to the one before it is checked just before the page is folded.
  ///
  /// The events and the head hash are the same as when reading one record after another, and
  /// of two faults in different pages the earlier is reported. A recorder's failure ends the
  /// load at once.
  ///
  /// - Parameters:
  ///   - version: The version after which to start; from the first event when `nil`.
  ///   - throughVersion: The last version to read; the latest when `nil`.
  ///   - verifier: The hash-chain verifier for the first event read.
  ///   - fold: Takes each page of events, never an empty one.
  @discardableResult
  func replay<Event: DomainEvent>(
    _ type: Event.Type, of id: UUID, after version: Int?, through throughVersion: Int?,
    verifier: HashChainVerifier, into fold: ([RecordedEvent<Event>]) throws -> Void
  ) async throws -> Data? {
    let pageSize = Self.replayPageSize
    let firstPage = try await recorder.events(
      for: id, after: version, through: throughVersion, limit: pageSize)
    var verifier = verifier
    guard firstPage.count == pageSize else {
      let events = try mapper.replay(type, from: firstPage[...], verifier: &verifier)
      if !events.isEmpty { try fold(events) }
      return verifier.headHash
    }
    let (recorder, mapper, start) = (recorder, mapper, verifier)
    return try await withThrowingTaskGroup(of: ReplayStep<Event>.self) { group in
      var pages = PagesInFlight<Event>()
      var read: [StoredEvent]? = firstPage
      while true {
        if let records = read, let first = records.first, let last = records.last {
          // A page just read: decode it, and read the next one while it decodes.
          let number = pages.firstRecords.count
          // Only the first page knows what comes before it; the others start as if their
          // first event's predecessor were unknown, and that link is checked when folding.
          let pageVerifier = number == 0 ? start : HashChainVerifier(chain: mapper.hashChain)
          group.addTask {
            var verifier = pageVerifier
            return .decoded(number, Result {
              let events = try mapper.replay(type, from: records[...], verifier: &verifier)
              return ReplayedPage(events: events, verifier: verifier)
            })
          }
          pages.firstRecords.append(first)
          if records.count == pageSize {
            group.addTask {
              .read(try await recorder.events(
                for: id, after: last.originatorVersion, through: throughVersion,
                limit: pageSize))
            }
          } else {
            pages.isComplete = true
          }
        } else if read != nil {
          // The page before was full, and nothing follows it.
          pages.isComplete = true
        }
        read = nil
        // Fold every decoded page that follows on from the folded ones, in order.
        while let result = pages.decoded.removeValue(forKey: pages.folded) {
          if pages.folded > 0 {
            // The link from the previous page's last event to this page's first.
            _ = try mapper.verifiedPayload(
              of: pages.firstRecords[pages.folded], verifier: &verifier)
          }
          let page = try result.get()
          try fold(page.events)
          verifier = page.verifier
          pages.folded += 1
        }
        if pages.isComplete, pages.folded == pages.firstRecords.count { break }
        // Until the last page is folded, a page is being read or decoded, so there is a step
        // to wait for.
        guard let step = try await group.next() else { break }
        switch step {
        case .read(let records): read = records
        case .decoded(let number, let result): pages.decoded[number] = result
        }
      }
      return verifier.headHash
    }
  }
}

/// What one child task of a paged replay reports.
private enum ReplayStep<Event: DomainEvent>: Sendable {
  /// The next page of stored events; empty after the last.
  case read([StoredEvent])
  /// A page's events decoded, or why they could not be.
  case decoded(Int, Result<ReplayedPage<Event>, any Error>)
}

/// The events one task of a paged replay decoded, and its verifier's state at the end.
private struct ReplayedPage<Event: DomainEvent>: Sendable {
  let events: [RecordedEvent<Event>]
  let verifier: HashChainVerifier
}

/// The pages of a paged replay that are read but not yet folded.
private struct PagesInFlight<Event: DomainEvent> {
  /// The first stored event of every page read so far, to check the links between pages.
  var firstRecords: [StoredEvent] = []
  /// Decoded pages that wait for an earlier page, by number.
  var decoded: [Int: Result<ReplayedPage<Event>, any Error>] = [:]
  /// How many pages are folded.
  var folded = 0
  /// Whether the last page has been read.
  var isComplete = false
}
