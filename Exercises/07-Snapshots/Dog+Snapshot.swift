import Foundation

// MARK: - Task 1: take a snapshot, and start a dog from one

extension Dog {
  /// The dog's state now, with its version and times.
  public var snapshot: DogSnapshot {
    // Task 1: return a DogSnapshot with the dog's ID, version, createdOn, modifiedOn, name
    // and tricks.
    DogSnapshot(
      originatorID: id, originatorVersion: 0, createdOn: .distantPast,
      modifiedOn: .distantPast, name: "", tricks: [])
  }

  /// Creates the dog as it was when the snapshot was taken, with no pending events.
  public init(snapshot: DogSnapshot) {
    self.init(id: snapshot.originatorID)
    // Task 1: set the version, the times, the name and the tricks from the snapshot, so
    // that the events after it continue from exactly there.
  }
}
