import Chapter07
import Foundation
import GivenBasics

/// What differs between a dog and the one expected, as words for a test's message: "version 0
/// instead of 3, createdOn … instead of …". Empty when they are equal.
func differences(of found: Dog, from expected: Dog) -> String {
  var parts: [String] = []
  if found.id != expected.id { parts.append("the ID \(found.id) instead of \(expected.id)") }
  if found.version != expected.version {
    parts.append("version \(found.version) instead of \(expected.version)")
  }
  if found.createdOn != expected.createdOn {
    parts.append("createdOn \(found.createdOn) instead of \(expected.createdOn)")
  }
  if found.modifiedOn != expected.modifiedOn {
    parts.append("modifiedOn \(found.modifiedOn) instead of \(expected.modifiedOn)")
  }
  if found.name != expected.name { parts.append("the name \(found.name) instead of \(expected.name)") }
  if found.tricks != expected.tricks {
    parts.append("\(found.tricks.count) tricks instead of \(expected.tricks.count)")
  }
  return parts.joined(separator: ", ")
}
