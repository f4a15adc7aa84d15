/// An error turning a stored shape of a type into its current shape.
public enum UpcastError: Error, Equatable, CustomStringConvertible {
  /// The type's stored shape changed, and it has no upcast for this version.
  case noUpcast(type: String, from: Int)

  public var description: String {
    switch self {
    case .noUpcast(let type, let version):
      "\(type) has no upcast from shape version \(version): implement upcastState(_:from:)."
    }
  }
}
