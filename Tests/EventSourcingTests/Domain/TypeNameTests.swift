import DogSchool
import Testing

@testable import EventSourcing

@Suite("Type names kept once per type")
struct TypeNameTests {
  private struct Box<Content> {}

  @Test("Each type keeps the name String(reflecting:) gives it, generic types included")
  func namesMatchReflection() async {
    let types: [Any.Type] = [
      Dog.Event.self, Dog.self, Box<Int>.self, Box<String>.self, Box<Box<Int>>.self, Int.self,
    ]
    // From several tasks at once, twice over: the first call for a type keeps its name.
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<4 {
        group.addTask {
          for _ in 0..<2 {
            for type in types {
              #expect(TypeName.reflecting(type) == String(reflecting: type))
            }
          }
        }
      }
    }
    #expect(Dog.Event.typeTopic == "DogSchool.Dog.Event")
    #expect(Mapper.snapshotTopic(of: Dog.self) == "DogSchool.Dog")
  }
}
