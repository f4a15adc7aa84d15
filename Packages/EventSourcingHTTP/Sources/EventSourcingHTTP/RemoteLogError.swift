/// An error reading a notification log over HTTP.
public enum RemoteLogError: Error, Equatable, CustomStringConvertible {
  /// The remote recorder only reads the log; it cannot record events.
  case readOnly(operation: String)
  /// The server answered with a status other than success.
  case unexpectedStatus(url: String, status: Int, message: String)
  /// The server's answer is not the JSON expected.
  case invalidResponse(url: String)

  public var description: String {
    switch self {
    case .readOnly(let operation):
      "A remote notification log is read-only: '\(operation)' is not available over HTTP. "
        + "Record events in the application that serves the log."
    case .unexpectedStatus(let url, let status, let message):
      "GET \(url) answered \(status)" + (message.isEmpty ? "." : ": \(message)")
    case .invalidResponse(let url):
      "GET \(url) did not answer with the notification log's JSON."
    }
  }
}
