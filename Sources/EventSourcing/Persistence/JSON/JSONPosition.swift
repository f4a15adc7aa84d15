/// Where a value or a container of a ``JSONOutput`` sits, from which its coding path is put
/// together only when something asks for it (see ``JSONOutput/codingPath(to:)``).
///
/// Containers used to carry their coding path as an array, and every nested container and
/// every member that was not a string or a number made a new array: a sixth of the time it
/// took to encode an event. A position costs no allocation.
struct JSONPosition {
  /// How many of the output's open containers enclose it; for a container, counting its own.
  let depth: Int
  /// The member's key or the element's index of a value; `nil` for a container, whose key
  /// its output keeps, and for the root.
  let key: (any CodingKey)?

  /// The document's root value.
  static var root: JSONPosition { JSONPosition(depth: 0, key: nil) }
}
