import Foundation

/// Upcasting of stored JSON: the one place where a stored object's older shape is turned into
/// the current one, for events and snapshots alike.
enum StoredJSON {
  /// Returns `json` with the object under `key` upcast from `storedVersion` to
  /// `currentVersion` by `step`, called once per version, and the new version written under
  /// `versionKey`.
  ///
  /// - Throws: ``UpcastError/noUpcast(type:from:)`` naming `typeName` when the JSON has no
  ///   such object, and whatever `step` throws.
  static func upcast(
    _ json: Data, key: String, versionKey: String, from storedVersion: Int, to currentVersion: Int,
    typeName: String, step: (inout [String: Any], Int) throws -> Void
  ) throws -> Data {
    guard var object = try JSONSerialization.jsonObject(with: json) as? [String: Any],
      var value = object[key] as? [String: Any]
    else { throw UpcastError.noUpcast(type: typeName, from: storedVersion) }
    for version in storedVersion..<currentVersion {
      try step(&value, version)
    }
    object[key] = value
    object[versionKey] = currentVersion
    return try JSONSerialization.data(withJSONObject: object)
  }
}
