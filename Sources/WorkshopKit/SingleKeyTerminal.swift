#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal's mode before ``SingleKeyTerminal`` changed it, for the signal handler that
/// gives it back.
///
/// `nonisolated(unsafe)`: written once, before the handler is installed, and only read after;
/// a C signal handler cannot capture a value, so it must be a global.
nonisolated(unsafe) private var terminalModeToRestore = termios()

/// Puts the terminal on standard input into single-key mode, so that `q` works without
/// Enter and typed keys are not echoed over the report, and gives the old mode back when
/// ``restore()`` is called or the program is interrupted (Ctrl-C) or terminated.
public struct SingleKeyTerminal {
  /// Changes the mode; nil when standard input is not a terminal (a pipe or /dev/null).
  public init?() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &terminalModeToRestore) == 0 else {
      return nil
    }
    var mode = terminalModeToRestore
    // Keys arrive one at a time and unechoed; Ctrl-C still sends SIGINT (ISIG stays on).
    mode.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &mode.c_cc) { characters in
      characters[Int(VMIN)] = 1
      characters[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSANOW, &mode) == 0 else { return nil }
    // A handler, not SIG_IGN: an ignored signal stays ignored in the test processes this
    // program starts, which then could not be interrupted; a handler resets on exec.
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, restoreAndDie)
    }
  }

  /// Gives the terminal its old mode back.
  public func restore() {
    tcsetattr(STDIN_FILENO, TCSANOW, &terminalModeToRestore)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_DFL)
    }
  }
}

/// Restores the terminal, then dies of the same signal, so that the shell sees an interrupted
/// program. tcsetattr, signal and raise are async-signal-safe.
private func restoreAndDie(_ signalNumber: Int32) {
  tcsetattr(STDIN_FILENO, TCSANOW, &terminalModeToRestore)
  signal(signalNumber, SIG_DFL)
  raise(signalNumber)
}
