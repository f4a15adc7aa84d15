// The child process of the cross-process tests of SQLiteRecorder. Two modes:
//
//     recorder-stress <database> <writer name> <attempts> <aggregate ID>...
//     recorder-stress open <folder> <rounds> <process index> <processes>
//
// The first appends to a shared SQLite file while other processes do the same (see
// AppendStress.swift); the second opens new databases at the same moment as other processes
// (see OpenRace.swift). Both report every outcome on standard output.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32 =
  if arguments.first == "open" {
    await runOpenRace(Array(arguments.dropFirst()))
  } else {
    await runAppendStress(arguments)
  }
exit(status)
