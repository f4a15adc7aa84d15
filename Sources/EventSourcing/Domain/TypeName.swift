import Synchronization

/// Fully qualified type names, as `String(reflecting:)` writes them, worked out once per type.
///
/// Every event saved or read one at a time, and every snapshot, names its type in its topic.
/// `String(reflecting:)` walks the type's metadata and prints through the standard library's
/// debug printing each time, which took about a sixth of the time of decoding one event;
/// a name kept once costs a dictionary lookup under a lock.
enum TypeName {
  private static let names = Mutex<[ObjectIdentifier: String]>([:])

  /// The name of `type`, such as `DogSchool.Dog.Event`.
  static func reflecting(_ type: Any.Type) -> String {
    let key = ObjectIdentifier(type)
    if let name = names.withLock({ $0[key] }) { return name }
    let name = String(reflecting: type)
    names.withLock { $0[key] = name }
    return name
  }
}
