/// The index of an enumeration value's case, read through its type's value witness table: a
/// few instructions, where the case's name (`swift_EnumCaseName`) costs about a microsecond,
/// most of it spent demangling the type of the case's associated values.
///
/// Every type's metadata is preceded by a pointer to its value witness table, and an
/// enumeration's table ends with `getEnumTag`, which returns the index of a value's case. Both
/// layouts are part of Swift's stable ABI (`docs/ABI/TypeMetadata.rst` in the Swift
/// repository), the same on Linux and on Apple platforms. The index is read only on 64-bit
/// Linux and macOS on x86-64 and arm64, where `getEnumTag`'s Swift calling convention passes
/// two pointers and returns a 32-bit integer in the same registers as C's does, and where the
/// table's function pointers are not signed (they are under arm64e, which is excluded). The
/// table is read only when the metadata says it is an enumeration's and the table's flags say
/// it has the enumeration witnesses; elsewhere this returns `nil` and callers use the name.
///
/// ``EventTopics`` checks the index against the case's name for the first values of each
/// case, and stops using it for a type whose index and name ever disagree.
enum EnumCaseIndex {
  /// The index of `value`'s case, or `nil` when it is not an enumeration or cannot be read.
  static func of<T>(_ value: T) -> UInt32? {
    #if (os(Linux) || os(macOS)) && (arch(x86_64) || arch(arm64)) && !arch(arm64e)
      let metadata = unsafeBitCast(T.self as any Any.Type, to: UnsafeRawPointer.self)
      // The metadata's first word is its kind; 0x201 is an enumeration other than Optional.
      guard metadata.load(as: UInt.self) == 0x201 else { return nil }
      let table = metadata.load(
        fromByteOffset: -MemoryLayout<UnsafeRawPointer>.size, as: UnsafeRawPointer.self)
      let flags = table.load(fromByteOffset: flagsOffset, as: UInt32.self)
      guard flags & hasEnumWitnesses != 0 else { return nil }
      let getEnumTag = table.load(fromByteOffset: getEnumTagOffset, as: GetEnumTag.self)
      return withUnsafePointer(to: value) { getEnumTag(UnsafeRawPointer($0), metadata) }
    #else
      return nil
    #endif
  }

  /// `unsigned getEnumTag(const OpaqueValue *value, const Metadata *self)`.
  private typealias GetEnumTag = @convention(c) (UnsafeRawPointer, UnsafeRawPointer) -> UInt32

  /// The table starts with eight function pointers, then its size and stride (a word each),
  /// then its flags and its count of extra inhabitants (32 bits each).
  private static var flagsOffset: Int { 10 * MemoryLayout<UnsafeRawPointer>.size }
  /// `getEnumTag` is the first of the enumeration witnesses, which follow the flags and the
  /// count of extra inhabitants.
  private static var getEnumTagOffset: Int { flagsOffset + 8 }
  /// The flag that says the table has the enumeration witnesses.
  private static var hasEnumWitnesses: UInt32 { 0x0020_0000 }
}
