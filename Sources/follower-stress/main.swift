// The child process of the follower crash test: follows a dog school's log in an SQLite file
// and keeps the dogs-per-trick read model in another, one notification per transaction, so
// that the test can kill it with SIGKILL at any moment.
//
// Usage: follower-stress <leader database> <view database> [pause in milliseconds]
//
// The pause, after each notification, stretches the run so that the test's kills land part-way
// through the log even on a fast disk.
//
// Prints `caught up at <notification ID>` and exits 0 when it has processed the whole log.

import DogSchool
import EventSourcing
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4,
  let pause = arguments.count == 4 ? Int(arguments[3]) : 0
else {
  FileHandle.standardError.write(
    Data("usage: follower-stress <leader database> <view database> [pause in milliseconds]\n".utf8))
  exit(2)
}

/// Pauses after every notification it hands on.
struct Pausing<Wrapped: Projection>: Projection {
  let wrapped: Wrapped
  let pause: Duration

  func process(_ notification: EventNotification, tracking: Tracking, in view: Wrapped.View) async throws {
    try await wrapped.process(notification, tracking: tracking, in: view)
    try await Task.sleep(for: pause)
  }
}

do {
  let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": arguments[1]])
  let view = try SQLiteDogsPerTrickView(path: arguments[2])
  // One notification per page makes every notification its own point where a kill can land.
  let follower = Follower(
    following: "DogSchool", log: school.notificationLog,
    projection: Pausing(wrapped: DogsPerTrick(mapper: school.application.mapper), pause: .milliseconds(pause)),
    view: view, pageSize: 1)
  try await follower.catchUp()
  print("caught up at \(try await follower.position())")
} catch {
  FileHandle.standardError.write(Data("follower-stress failed: \(error)\n".utf8))
  exit(1)
}
