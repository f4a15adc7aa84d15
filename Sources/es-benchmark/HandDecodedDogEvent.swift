import EventSourcing

/// `Dog.Event` with a hand-written `init(from:)`, read from the same stored events (it takes
/// their topics): it shows what the synthesized conformance of an enumeration costs.
///
/// The synthesized `init(from:)` asks its keyed container for `allKeys`, which the standard
/// library's type-erasing box turns into an array of `any CodingKey` and back again, and
/// then opens a nested container for the case. This one asks whether one case's key is
/// there instead, which no JSON decoder needs to allocate for.
enum HandDecodedDogEvent: DomainEvent {
  case registered(name: String)
  case trickAdded(trick: String)

  static var typeTopic: String { "DogSchool.Dog.Event" }

  private enum CodingKeys: String, CodingKey { case registered, trickAdded }
  private enum RegisteredKeys: String, CodingKey { case name }
  private enum TrickAddedKeys: String, CodingKey { case trick }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.trickAdded) {
      let values = try container.nestedContainer(keyedBy: TrickAddedKeys.self, forKey: .trickAdded)
      self = .trickAdded(trick: try values.decode(String.self, forKey: .trick))
    } else {
      let values = try container.nestedContainer(keyedBy: RegisteredKeys.self, forKey: .registered)
      self = .registered(name: try values.decode(String.self, forKey: .name))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .registered(let name):
      var values = container.nestedContainer(keyedBy: RegisteredKeys.self, forKey: .registered)
      try values.encode(name, forKey: .name)
    case .trickAdded(let trick):
      var values = container.nestedContainer(keyedBy: TrickAddedKeys.self, forKey: .trickAdded)
      try values.encode(trick, forKey: .trick)
    }
  }
}
