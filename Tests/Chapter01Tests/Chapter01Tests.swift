import Chapter01
import Testing

@Suite("Chapter 1: a plain Dog")
struct Chapter01Tests {
  @Test("Task 1: a new dog has its name and no tricks")
  func newDogHasItsName() {
    let dog = Dog(name: "Fido")
    #expect(dog.name == "Fido", "Task 1: init(name:) should keep the name it is given.")
    #expect(dog.tricks.isEmpty, "Task 1: a new dog should know no tricks yet.")
  }

  @Test("Task 2: addTrick teaches the dog a trick")
  func addTrickAddsTheTrick() {
    var dog = Dog(name: "Fido")
    dog.addTrick("roll over")
    #expect(
      dog.tricks == ["roll over"],
      "Task 2: addTrick should append the trick to `tricks` (once).")
  }

  @Test("Task 2: tricks stay in the order they were learnt")
  func tricksKeepTheirOrder() {
    var dog = Dog(name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    dog.addTrick("play dead")
    #expect(
      dog.tricks == ["roll over", "fetch ball", "play dead"],
      "Task 2: addTrick should append each trick at the end, keeping the earlier ones.")
  }

  @Test("Task 2: a copy of a dog learns on its own")
  func copiesAreIndependent() {
    let dog = Dog(name: "Fido")
    var copy = dog
    copy.addTrick("sit")
    #expect(copy.tricks == ["sit"], "Task 2: addTrick should append the trick to `tricks`.")
    #expect(dog.tricks.isEmpty, "Task 2: teaching a copy should leave the original unchanged.")
    #expect(copy != dog, "Task 2: a dog with another trick should not equal the original.")
  }

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}
