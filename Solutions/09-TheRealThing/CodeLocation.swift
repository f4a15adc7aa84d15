/// Where this chapter's code lives, so the tests can check they test the intended folder
/// (Exercises/ for your code, Solutions/ when `workshop verify` checks the reference solutions).
/// Leave this file as it is.
package enum CodeLocation {
  /// The path of this source file when it was compiled.
  package static let filePath: String = #filePath
}
