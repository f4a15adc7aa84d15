// MARK: - Task 1: take a snapshot, and start a dog from one

extension Dog {
  /// The dog's state now, with its version and times.
  // slide: take
  public var snapshot: DogSnapshot {
    DogSnapshot(
      originatorID: id, originatorVersion: version,
      createdOn: createdOn, modifiedOn: modifiedOn,
      name: name, tricks: tricks)
  }
  // slide end

  /// Creates the dog as it was when the snapshot was taken, with no pending events.
  // slide: restore
  public init(snapshot: DogSnapshot) {
    self.init(id: snapshot.originatorID)
    // Everything the events had built up, version and times included:
    // the events after the snapshot continue from exactly here.
    version = snapshot.originatorVersion
    createdOn = snapshot.createdOn
    modifiedOn = snapshot.modifiedOn
    name = snapshot.name
    tricks = snapshot.tricks
  }
  // slide end
}
