/// The kit's products that a generated copy of a chapter, and its tests, depend on, worked
/// out from what their files import.
enum KitDependencies {
  /// CSQLite and Crypto come with the library: its product makes their modules visible.
  private static let library: Set<String> = ["EventSourcing", "CSQLite", "Crypto"]

  /// The dependencies of a chapter module that imports `imports`, as manifest source.
  ///
  /// - Parameter kit: The kit's package identity: a path dependency's folder name, lowercased.
  static func ofModule(importing imports: Set<String>, kit: String) -> [String] {
    imports.isDisjoint(with: library) ? [] : [product("EventSourcing", kit)]
  }

  /// The dependencies of the tests of `module` that import `imports`, as manifest source.
  static func ofTests(of module: String, importing imports: Set<String>, kit: String) -> [String] {
    var dependencies = ["\"\(module)\""]
    if !imports.isDisjoint(with: library) { dependencies.append(product("EventSourcing", kit)) }
    if imports.contains("EventSourcingTesting") {
      dependencies.append(product("EventSourcingTesting", kit))
    }
    return dependencies
  }

  private static func product(_ name: String, _ kit: String) -> String {
    ".product(name: \"\(name)\", package: \"\(kit)\")"
  }
}
