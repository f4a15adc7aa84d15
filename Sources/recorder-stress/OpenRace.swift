import EventSourcing
import Foundation

/// Opens a new database in each round at the same moment as the other processes, saves one
/// event in it and reads it back, and prints every failure.
///
/// Arguments: `open <folder> <rounds> <process index> <processes>`. Round N uses the database
/// `<folder>/round-N.sqlite`, which no process has created yet. The processes meet before each
/// round: each creates the file `<folder>/round-N.ready-<process index>` and waits until all
/// `<processes>` such files exist, so that they all create, switch to WAL mode and set up the
/// same new database together. One line per failed round, then a summary:
///
///     failed <round> <error>
///     rounds <rounds> failures <failures>
///
/// - Returns: 0 when every round succeeded, 1 when one failed, 2 for wrong arguments.
func runOpenRace(_ arguments: [String]) async -> Int32 {
  guard arguments.count == 4, let rounds = Int(arguments[1]), let index = Int(arguments[2]),
    let processes = Int(arguments[3]), rounds > 0, processes > 0
  else {
    FileHandle.standardError.write(
      Data("usage: recorder-stress open <folder> <rounds> <process index> <processes>\n".utf8))
    return 2
  }
  let folder = URL(fileURLWithPath: arguments[0], isDirectory: true)
  var failures = 0
  for round in 0..<rounds {
    do {
      try meet(in: folder, round: round, index: index, processes: processes)
      let path = folder.appendingPathComponent("round-\(round).sqlite").path
      let recorder = try SQLiteRecorder(path: path)
      let event = StoredEvent(
        originatorID: UUID(), originatorVersion: 1, topic: "OpenRace.\(index)",
        state: Data("round \(round)".utf8))
      try await recorder.insert([event])
      let read = try await recorder.events(for: event.originatorID)
      guard read == [event] else { throw OpenRaceError.readBack(read.count) }
    } catch {
      failures += 1
      print("failed \(round) \(error)")
    }
  }
  print("rounds \(rounds) failures \(failures)")
  return failures == 0 ? 0 : 1
}

/// Waits until all processes have reached this round.
///
/// Polling the files is crude but needs nothing beyond the file system, and a round's setup
/// takes milliseconds, so the processes leave the barrier well within one setup of each other.
private func meet(in folder: URL, round: Int, index: Int, processes: Int) throws {
  func marker(_ process: Int) -> String {
    folder.appendingPathComponent("round-\(round).ready-\(process)").path
  }
  guard FileManager.default.createFile(atPath: marker(index), contents: nil) else {
    throw OpenRaceError.barrier("cannot create \(marker(index))")
  }
  let giveUp = ContinuousClock.now + .seconds(60)
  while !(0..<processes).allSatisfy({ FileManager.default.fileExists(atPath: marker($0)) }) {
    guard ContinuousClock.now < giveUp else {
      throw OpenRaceError.barrier("the other processes did not reach round \(round)")
    }
    Thread.sleep(forTimeInterval: 0.000_2)
  }
}

/// A round that failed without an error from the recorder.
private enum OpenRaceError: Error, CustomStringConvertible {
  case readBack(Int)
  case barrier(String)

  var description: String {
    switch self {
    case .readBack(let count): "read \(count) events back instead of the one saved"
    case .barrier(let reason): "barrier: \(reason)"
    }
  }
}
