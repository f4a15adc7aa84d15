import Testing

@testable import workshop

@Suite("The package of solution copies")
struct VariantPackageTests {
  @Test("A chapter's module name is replaced where it stands as a whole name only")
  func replacesWholeNames() {
    let tests = """
      import Chapter07
      @Suite("Chapter 7") struct Chapter07Tests {
        let error = Chapter07.RepositoryError.self  // Chapter07
        let other = MyChapter07 + Chapter071
      }
      """
    #expect(
      VariantPackage.replacingName("Chapter07", with: "Chapter07_m03", in: tests) == """
        import Chapter07_m03
        @Suite("Chapter 7") struct Chapter07Tests {
          let error = Chapter07_m03.RepositoryError.self  // Chapter07_m03
          let other = MyChapter07 + Chapter071
        }
        """)
  }

  @Test("Imports are read with their access level and kind")
  func readsImports() {
    let sources = [
      "import Foundation\npublic import EventSourcing\n",
      "import struct EventSourcingTesting.ApplicationRecorderConformance\n@testable import Chapter04\n",
      "import Crypto // for SHA-256\nlet imported = 1\n",
    ]
    #expect(
      VariantPackage.imports(in: sources)
        == ["Foundation", "EventSourcing", "EventSourcingTesting", "Chapter04", "Crypto"])
  }
}
