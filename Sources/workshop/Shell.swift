import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program and collects what it prints.
enum Shell {
  /// The outcome of a finished program.
  struct Result: Sendable {
    /// The exit status, or the signal number when `wasSignalled` is true.
    let status: Int32
    /// Whether a signal ended the program.
    let wasSignalled: Bool
    /// Standard output and standard error, interleaved.
    let output: String
    /// Whether the program was stopped because it made no progress (see ``Watchdog``).
    var wasStalled = false

    /// Whether the program exited normally with status 0.
    var succeeded: Bool { !wasSignalled && status == 0 && !wasStalled }
  }

  /// Stops a program that no longer makes progress, such as tests caught in an endless loop.
  ///
  /// Progress is read from a file the program appends to as it goes (a test event stream),
  /// not from its output, which a child process may buffer until it ends. The watch starts when
  /// the file appears, so the time a build takes never counts.
  struct Watchdog {
    /// The file whose growth shows progress.
    let progressFile: URL
    /// How long the file may stay the same size before the program is stopped.
    let limit: Duration
  }

  /// Runs `arguments` (the program first, looked up on PATH) in `directory`.
  ///
  /// A program the watchdog stops is interrupted as Ctrl-C would, so that `swift test` ends
  /// the test process it started, and killed if it is still running ten seconds later.
  ///
  /// - Parameters:
  ///   - environment: Changes to this process's environment; a nil value removes a variable.
  ///   - baseEnvironment: The environment the changes apply to; this process's unless given.
  ///   - watchdog: Stops the program when it no longer makes progress; none when nil.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String?] = [:],
    baseEnvironment: [String: String] = ProcessInfo.processInfo.environment,
    watchdog: Watchdog? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var variables = baseEnvironment
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try withInterruptsDeliverable { try process.run() }
    // Read on another thread while this one watches: a full pipe would otherwise block the
    // child forever.
    let output = Mutex(Data())
    let finishedReading = DispatchSemaphore(value: 0)
    let reader = pipe.fileHandleForReading
    DispatchQueue.global().async {
      let data = reader.readDataToEndOfFile()
      output.withLock { $0 = data }
      finishedReading.signal()
    }
    var wasStalled = false
    if let watchdog {
      wasStalled = watch(process, with: watchdog)
    }
    process.waitUntilExit()
    // A grandchild that outlived the program may still hold the pipe open; what it has not
    // written by now is not worth waiting for.
    _ = finishedReading.wait(timeout: .now() + (wasStalled ? 5 : 3_600))
    return Result(
      status: process.terminationStatus,
      wasSignalled: process.terminationReason == .uncaughtSignal,
      output: String(decoding: output.withLock { $0 }, as: UTF8.self),
      wasStalled: wasStalled)
  }

  /// Runs `body` with SIGINT and SIGTERM unblocked on this thread, so that a program it starts
  /// can be interrupted: a child inherits its parent thread's signal mask, and Dispatch's
  /// worker threads, which async code runs on, block both.
  private static func withInterruptsDeliverable<T>(_ body: () throws -> T) rethrows -> T {
    var interrupts = sigset_t()
    sigemptyset(&interrupts)
    sigaddset(&interrupts, SIGINT)
    sigaddset(&interrupts, SIGTERM)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &interrupts, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  /// Watches a running program until it ends, and stops it when its progress file stops
  /// growing for longer than the watchdog's limit. Returns whether it was stopped.
  private static func watch(_ process: Process, with watchdog: Watchdog) -> Bool {
    let clock = ContinuousClock()
    var lastSize: Int?
    var lastChange = clock.now
    while process.isRunning {
      Thread.sleep(forTimeInterval: 0.25)
      let size = (try? FileManager.default.attributesOfItem(atPath: watchdog.progressFile.path))?[
        .size] as? Int
      if size != lastSize {
        lastSize = size
        lastChange = clock.now
      } else if size != nil, clock.now - lastChange > watchdog.limit {
        process.interrupt()
        let deadline = clock.now + .seconds(10)
        while process.isRunning, clock.now < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        return true
      }
    }
    return false
  }
}
