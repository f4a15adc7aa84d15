// The dog school as a service, and a projection that follows it over HTTP: the two processes
// of scripts/http-demo.sh, and the server of scripts/load-test-http.sh.
//
//     dog-school-server serve PORT DATABASE       serves the school (SQLite file) on 127.0.0.1
//     dog-school-server follow URL VIEW_DATABASE  counts dogs per trick in a SQLite view,
//                                                 following the school's log at URL
//
// `serve` prints "listening on PORT" once it accepts requests (PORT 0 picks a free port) and
// runs until SIGINT or SIGTERM. `follow` prints each notification it processes, as
// "processed N", and runs until it is killed; its view records its position with its results,
// so a restarted follower goes on after the last notification it recorded.
import DogSchool
import DogSchoolService
import EventSourcing
import EventSourcingHTTP
import Foundation
import Hummingbird
import Logging

let arguments = CommandLine.arguments.dropFirst()
let usage = "usage: dog-school-server serve PORT DATABASE | follow URL VIEW_DATABASE"

// Written straight to the file, unbuffered, so that a process killed at once has said all
// that it did.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

switch (arguments.first, arguments.count) {
case ("serve", 3):
  guard let port = Int(arguments[arguments.startIndex + 1]), (0...65_535).contains(port) else {
    fail(usage)
  }
  let database = arguments[arguments.startIndex + 2]
  do {
    let school = try DogSchool(environment: [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": database,
    ])
    let router = Router()
    DogSchoolService(school: school).addRoutes(to: router)
    let application = Application(
      router: router,
      // Connections that send nothing for 30 seconds, including a head that never ends, are
      // closed; bodies have their own deadline in DogSchoolService.
      server: .http1(configuration: .init(idleTimeout: .seconds(30))),
      configuration: .init(address: .hostname("127.0.0.1", port: port)),
      onServerRunning: { channel in
        say("listening on \(channel.localAddress?.port ?? port)")
      },
      logger: Logger(label: "dog-school", factory: { _ in SwiftLogNoOpLogHandler() }))
    try await application.runService()
  } catch {
    fail("dog-school-server: \(error)")
  }

case ("follow", 3):
  let url = arguments[arguments.startIndex + 1]
  let viewPath = arguments[arguments.startIndex + 2]
  do {
    let remote = RemoteApplicationRecorder(url: url)
    let view = try SQLiteDogsPerTrickView(path: viewPath)
    let follower = Follower(
      following: "DogSchool", log: NotificationLog(recorder: remote),
      projection: PrintingProjection(
        inner: DogsPerTrick<SQLiteDogsPerTrickView>(mapper: Mapper())),
      view: view)
    say("following \(url) from notification \(try await follower.position() + 1)")
    // Each value says there may be news; a catch-up reads it all, from the view's position.
    for try await _ in remote.newNotificationIDs() {
      try await follower.catchUp()
    }
  } catch {
    fail("dog-school-server: \(error)")
  }

default:
  fail(usage)
}

/// Prints each notification as the projection processes it, so the demo can check that none
/// is missed or repeated.
struct PrintingProjection<Inner: Projection>: Projection {
  let inner: Inner

  func process(_ notification: EventNotification, tracking: Tracking, in view: Inner.View)
    async throws
  {
    try await inner.process(notification, tracking: tracking, in: view)
    say("processed \(notification.id)")
  }
}
