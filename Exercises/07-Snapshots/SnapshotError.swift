/// Why a snapshot could not be taken.
public enum SnapshotError: Error, Equatable, CustomStringConvertible {
  /// The school was created without a recorder for snapshots.
  case noSnapshotStore

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .noSnapshotStore:
      "The school has no snapshot recorder: pass one as DogSchool(recorder:snapshots:)."
    }
  }
}
