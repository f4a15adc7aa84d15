// Differs from the reference: restores into a local dog and assigns it to self, and takes the snapshot through a helper that names every field.

extension Dog {
  /// The dog's state now, with its version and times.
  public var snapshot: DogSnapshot { makeSnapshot() }

  private func makeSnapshot() -> DogSnapshot {
    DogSnapshot(
      originatorID: id,
      originatorVersion: version,
      createdOn: createdOn,
      modifiedOn: modifiedOn,
      name: name,
      tricks: tricks)
  }

  /// Creates the dog as it was when the snapshot was taken, with no pending events.
  public init(snapshot: DogSnapshot) {
    var dog = Dog(id: snapshot.originatorID)
    dog.name = snapshot.name
    dog.tricks = snapshot.tricks
    dog.createdOn = snapshot.createdOn
    dog.modifiedOn = snapshot.modifiedOn
    dog.version = snapshot.originatorVersion
    self = dog
  }
}
