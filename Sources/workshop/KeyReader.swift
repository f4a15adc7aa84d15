import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads keys from standard input on a thread of its own, so that watching files and waiting
/// for a key can happen at once.
///
/// It reads bytes with `read(2)`, not lines through the C library's buffered standard input,
/// whose lock a blocked reader would hold: any flush of all streams would wait for the next
/// key. On a terminal in single-key mode (``SingleKeyTerminal``) `q` quits at once; from a
/// pipe, `q` quits when it arrives. Enter re-runs either way.
final class KeyReader: Sendable {
  /// What the learner asked for.
  enum Request { case rerun, quit }

  private let pending = Mutex<Request?>(nil)

  /// Starts reading. At the end of the input (standard input from /dev/null, or a closed
  /// pipe) the reader stops, and asks to quit if `quitAtEnd` is set (in manual mode nothing
  /// else could trigger a run).
  func start(quitAtEnd: Bool) {
    let thread = Thread { [self] in
      var byte: UInt8 = 0
      while read(STDIN_FILENO, &byte, 1) == 1 {
        switch byte {
        case UInt8(ascii: "q"), UInt8(ascii: "Q"): pending.withLock { $0 = .quit }
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          // A quit already asked for is not undone by a later Enter.
          pending.withLock { if $0 != .quit { $0 = .rerun } }
        default: continue
        }
      }
      if quitAtEnd { pending.withLock { $0 = .quit } }
    }
    thread.start()
  }

  /// The latest request, if any, which is then forgotten.
  func take() -> Request? {
    pending.withLock { request in
      defer { request = nil }
      return request
    }
  }
}
