import Chapter01
import Testing

@Suite("Chapter 1: a plain Dog")
struct Chapter01Tests {
  // MARK: - Task 1

  @Test("Task 1: a new dog keeps the name it is given, exactly, and knows no tricks")
  func newDogKeepsItsName() {
    // Names that a "tidied" copy would change: lower and upper case, spaces inside and around,
    // punctuation, letters outside ASCII.
    for name in ["Fido", "rex", "Sir Barks-a-Lot", " Bello ", "Émile", "LUNA"] {
      let dog = Dog(name: name)
      #expect(
        dog.name == name,
        "Task 1: Dog(name: \"\(name)\") should keep the name exactly as given, not \"\(dog.name)\".")
      #expect(
        dog.tricks.isEmpty,
        "Task 1: a new dog should know no tricks yet, but it knows \(dog.tricks).")
    }
  }

  // MARK: - Task 2

  @Test("Task 2: addTrick teaches the dog a trick")
  func addTrickAddsTheTrick() {
    var dog = Dog(name: "Fido")
    dog.addTrick("roll over")
    #expect(
      dog.tricks == ["roll over"],
      "Task 2: after addTrick(\"roll over\") the dog should know [\"roll over\"] (once), not \(dog.tricks).")
    #expect(dog.name == "Fido", "Task 2: teaching a trick should leave the dog's name as it was.")
  }

  @Test("Task 2: tricks stay in the order they were learnt")
  func tricksKeepTheirOrder() {
    var dog = Dog(name: "Fido")
    // Not in alphabetical order, so that sorting shows.
    let lessons = ["roll over", "fetch ball", "play dead", "beg"]
    for trick in lessons { dog.addTrick(trick) }
    #expect(
      dog.tricks == lessons,
      "Task 2: addTrick should append each trick at the end, keeping the earlier ones in the order learnt: expected \(lessons), got \(dog.tricks).")
  }

  @Test("Task 2: a trick taught twice is listed twice")
  func aTrickTaughtTwiceIsListedTwice() {
    var dog = Dog(name: "Fido")
    dog.addTrick("sit")
    dog.addTrick("stay")
    dog.addTrick("sit")
    #expect(
      dog.tricks == ["sit", "stay", "sit"],
      "Task 2: addTrick should append every trick it is taught, even one the dog knows already: expected [\"sit\", \"stay\", \"sit\"], got \(dog.tricks).")
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

  // MARK: - Setup

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
