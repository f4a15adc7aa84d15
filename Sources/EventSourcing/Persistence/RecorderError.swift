public import Foundation

/// An error thrown by a recorder.
public enum RecorderError: Error, Equatable, CustomStringConvertible {
  /// Another writer already recorded this version of the aggregate; nothing of the insert was
  /// stored. Load the aggregate again and retry the command.
  case versionConflict(originatorID: UUID, version: Int)
  /// The database reported a failure.
  ///
  /// - Parameters:
  ///   - code: The database's result code.
  ///   - message: The database's explanation.
  ///   - operation: What the recorder was doing, such as `insert events` or `open database`.
  case database(code: Int32, message: String, operation: String)
  /// The recorder could not be set up, for example because its database cannot be opened.
  case configuration(String)

  public var description: String {
    switch self {
    case .versionConflict(let originatorID, let version):
      "Version \(version) of aggregate \(originatorID) is already recorded: "
        + "another writer got there first. Load the aggregate again and retry."
    case .database(let code, let message, let operation):
      "Database error \(code) while trying to \(operation): \(message)"
    case .configuration(let message):
      message
    }
  }
}
