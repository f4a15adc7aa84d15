public import Foundation

/// A dog's state at one version, with its times: enough to rebuild the dog without
/// replaying the events up to that version.
///
/// A snapshot is stored apart from the events and never replaces them: the events stay the
/// truth, and a snapshot can always be thrown away and taken again.
public struct DogSnapshot: Codable, Equatable, Sendable {
  /// The dog.
  public let originatorID: UUID
  /// The version of the dog's history the snapshot was taken at.
  public let originatorVersion: Int
  /// When the dog was registered.
  public let createdOn: Date
  /// When the dog's last event (at `originatorVersion`) was recorded.
  public let modifiedOn: Date
  /// The dog's name.
  public let name: String
  /// The tricks the dog knew, in the order it learnt them.
  public let tricks: [String]

  /// Creates a snapshot.
  public init(
    originatorID: UUID, originatorVersion: Int, createdOn: Date, modifiedOn: Date,
    name: String, tricks: [String]
  ) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.createdOn = createdOn
    self.modifiedOn = modifiedOn
    self.name = name
    self.tricks = tricks
  }
}
