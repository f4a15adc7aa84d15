/// Where this chapter's code lives, so the tests can check they test the intended folder
/// (Exercises/ by default, Solutions/ with `WORKSHOP_SOLUTIONS=1`). Leave this file as it is.
package enum CodeLocation {
  /// The path of this source file when it was compiled.
  package static let filePath: String = #filePath
}
