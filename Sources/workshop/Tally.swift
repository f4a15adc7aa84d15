import WorkshopKit

/// Counts checks and prints each one as it is made.
struct Tally {
  let palette: Palette
  private(set) var passed = 0
  private(set) var failed = 0

  init(palette: Palette) {
    self.palette = palette
  }

  /// Records a check that passes when it has no problems.
  mutating func check(_ name: String, _ problems: [String]) {
    if problems.isEmpty {
      passed += 1
      print(palette.green("  ✔ ") + name)
    } else {
      failed += 1
      print(palette.red("  ✘ ") + name)
      for problem in problems { print("      " + problem) }
    }
  }
}
