// The child process of the follower crash test: follows a dog school's log in an SQLite file
// and keeps the dogs-per-trick read model in another, one notification per transaction, so
// that the test can kill it with SIGKILL at any moment.
//
// Usage: follower-stress <leader database> <view database>
//
// Prints `caught up at <notification ID>` and exits 0 when it has processed the whole log.

import DogSchool
import EventSourcing
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: follower-stress <leader database> <view database>\n".utf8))
  exit(2)
}

do {
  let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": arguments[1]])
  let view = try SQLiteDogsPerTrickView(path: arguments[2])
  // One notification per page makes every notification its own point where a kill can land.
  let follower = Follower(
    following: "DogSchool", log: school.notificationLog,
    projection: DogsPerTrick(mapper: school.application.mapper), view: view, pageSize: 1)
  try await follower.catchUp()
  print("caught up at \(try await follower.position())")
} catch {
  FileHandle.standardError.write(Data("follower-stress failed: \(error)\n".utf8))
  exit(1)
}
