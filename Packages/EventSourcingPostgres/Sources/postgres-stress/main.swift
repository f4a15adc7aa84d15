// The child process of the cross-process tests, killed with SIGKILL at random moments; not a
// product. Configured by the POSTGRES_* variables.
//
//   postgres-stress write LEADER_TABLE [PAUSE_MS]
//     inserts batches of one to three new aggregates' events until killed, pausing PAUSE_MS
//     milliseconds after each (default 0), and prints "ok ID ORIGINATOR VERSION" for each
//     event once its insert has committed;
//   postgres-stress follow LEADER_TABLE FOLLOWER_TABLE TRACKING_TABLE [--until-caught-up]
//     records, for each notification of the leader, an event of the same aggregate and
//     version together with the notification's tracking position; waits for news by
//     LISTEN/NOTIFY, and with --until-caught-up exits once it has processed the whole log.
import EventSourcing
import EventSourcingPostgres
import Foundation

/// Writes a line to standard output at once, so that a kill right after loses nothing printed.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func write(leader: String, pause: Duration, settings: PostgresSettings) async throws {
  let recorder = try PostgresApplicationRecorder(settings: settings, table: leader)
  while true {
    let events = (0..<Int.random(in: 1...3)).flatMap { _ in
      let id = UUID()
      return (1...Int.random(in: 1...2)).map { version in
        StoredEvent(
          originatorID: id, originatorVersion: version, topic: "Stress.Written",
          state: Data("{\"version\":\(version)}".utf8))
      }
    }
    let ids = try await recorder.insert(events)
    for (id, event) in zip(ids, events) {
      say("ok \(id) \(event.originatorID) \(event.originatorVersion)")
    }
    if pause > .zero { try await Task.sleep(for: pause) }
  }
}

func follow(
  leader: String, follower: String, tracking: String, untilCaughtUp: Bool,
  settings: PostgresSettings
) async throws {
  let datastore = try PostgresDatastore(settings: settings)
  let log = try PostgresApplicationRecorder(datastore: datastore, table: leader)
  let recorder = try PostgresProcessRecorder(
    datastore: datastore, eventsTable: follower, trackingTable: tracking)
  for try await newest in log.newNotificationIDs() {
    var position = try await recorder.maxTrackingID(for: leader)
    while position < newest {
      let page = try await log.notifications(start: position + 1, limit: 20)
      guard !page.isEmpty else { break }
      for notification in page {
        let event = StoredEvent(
          originatorID: notification.originatorID,
          originatorVersion: notification.originatorVersion, topic: "Stress.Processed",
          state: Data("\(notification.id)".utf8))
        try await recorder.insert(
          [event], tracking: Tracking(applicationName: leader, notificationID: notification.id))
        position = notification.id
      }
    }
    if untilCaughtUp, try await recorder.maxTrackingID(for: leader) >= log.maxNotificationID() {
      return
    }
  }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
  let settings = try PostgresSettings(ApplicationEnvironment())
  switch arguments.first {
  case "write" where arguments.count == 2 || arguments.count == 3:
    let pause = arguments.count == 3 ? Int(arguments[2]) ?? 0 : 0
    try await write(leader: arguments[1], pause: .milliseconds(pause), settings: settings)
  case "follow" where arguments.count >= 4:
    try await follow(
      leader: arguments[1], follower: arguments[2], tracking: arguments[3],
      untilCaughtUp: arguments.contains("--until-caught-up"), settings: settings)
  default:
    FileHandle.standardError.write(
      Data("usage: postgres-stress write LEADER [PAUSE_MS] | follow LEADER FOLLOWER TRACKING\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("postgres-stress: \(error)\n".utf8))
  exit(1)
}
