import Foundation

/// Runs an executable to its end, with its standard output in a file, and returns its exit
/// status and that output (and its standard error after it).
///
/// The output goes to a file rather than a pipe so that a child that prints much cannot block
/// on a full pipe while the test waits for it to end.
func runChildProcess(
  _ executable: URL, _ arguments: [String], output: URL
) async throws -> (status: Int32, output: String) {
  guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
  }
  let handle = try FileHandle(forWritingTo: output)
  let errors = Pipe()
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.standardOutput = handle
  process.standardError = errors
  let status: Int32 = try await withCheckedThrowingContinuation { continuation in
    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
    do { try process.run() } catch { continuation.resume(throwing: error) }
  }
  try handle.close()
  let text = try String(contentsOf: output, encoding: .utf8)
  let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  return (status, text + errorText)
}
