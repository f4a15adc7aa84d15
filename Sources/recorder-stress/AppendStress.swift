import EventSourcing
import Foundation

/// Appends to a shared SQLite file, reading each aggregate's current version and inserting
/// the next one, and prints the outcome of every attempt.
///
/// Arguments: `<database> <writer name> <attempts> <aggregate ID>...`. Each attempt reads the
/// current version of one of the shared aggregates and inserts the next one (every third
/// attempt also the version after it and a new aggregate's first event, in one insert). One
/// line per attempt:
///
///     ok <notification IDs> <aggregate>:<version>:<topic> ...
///     conflict <aggregate> <version> <topic>
///
/// Any other failure is printed on standard error and ends the process with status 1.
///
/// - Returns: The process's exit status.
func runAppendStress(_ arguments: [String]) async -> Int32 {
  guard arguments.count >= 4, let attempts = Int(arguments[2]) else {
    FileHandle.standardError.write(
      Data("usage: recorder-stress <database> <writer name> <attempts> <aggregate ID>...\n".utf8))
    return 2
  }
  let path = arguments[0]
  let writer = arguments[1]
  let aggregates = arguments[3...].compactMap { UUID(uuidString: $0) }
  guard !aggregates.isEmpty else {
    FileHandle.standardError.write(Data("recorder-stress: no aggregate ID given\n".utf8))
    return 2
  }

  do {
    let recorder = try SQLiteRecorder(path: path, lockTimeout: .seconds(60))
    for attempt in 0..<attempts {
      let id = aggregates[attempt % aggregates.count]
      let current = try await recorder.events(
        for: id, after: nil, through: nil, descending: true, limit: 1
      ).first?.originatorVersion ?? 0
      let topic = "Stress.\(writer).\(attempt)"
      func event(_ originatorID: UUID, _ version: Int) -> StoredEvent {
        StoredEvent(
          originatorID: originatorID, originatorVersion: version, topic: topic,
          state: Data("\(writer) \(attempt)".utf8))
      }
      var events = [event(id, current + 1)]
      if attempt % 3 == 2 { events += [event(id, current + 2), event(UUID(), 1)] }
      do {
        let ids = try await recorder.insert(events)
        let described = events.map { "\($0.originatorID):\($0.originatorVersion):\(topic)" }
        print("ok \(ids.map(String.init).joined(separator: ",")) \(described.joined(separator: " "))")
      } catch RecorderError.versionConflict(let originatorID, let version) {
        print("conflict \(originatorID) \(version) \(topic)")
      }
    }
  } catch {
    FileHandle.standardError.write(Data("recorder-stress \(writer) failed: \(error)\n".utf8))
    return 1
  }
  return 0
}
