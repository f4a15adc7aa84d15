import Foundation

/// Runs a program and collects what it prints.
enum Shell {
  /// The outcome of a finished program.
  struct Result {
    /// The exit status, or the signal number when `wasSignalled` is true.
    let status: Int32
    /// Whether a signal ended the program.
    let wasSignalled: Bool
    /// Standard output and standard error, interleaved.
    let output: String

    /// Whether the program exited normally with status 0.
    var succeeded: Bool { !wasSignalled && status == 0 }
  }

  /// Runs `arguments` (the program first, looked up on PATH) in `directory`.
  ///
  /// - Parameters:
  ///   - environment: Changes to this process's environment; a nil value removes a variable.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String?] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var variables = ProcessInfo.processInfo.environment
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read before waiting: a full pipe would otherwise block the child forever.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      wasSignalled: process.terminationReason == .uncaughtSignal,
      output: String(decoding: data, as: UTF8.self))
  }
}
