/// Builds event-stream lines in the shape `swift test --experimental-event-stream-output`
/// writes (version 0), trimmed to the fields the parser reads plus a few it must skip.
enum StreamFixture {
  static func test(_ id: String, _ name: String) -> String {
    #"{"kind":"test","payload":{"displayName":"\#(name)","id":"\#(id)","isParameterized":false,"kind":"function","name":"f()","sourceLocation":{"column":4,"fileID":"T.swift","line":6}},"version":0}"#
  }

  static func suite(_ id: String) -> String {
    #"{"kind":"test","payload":{"displayName":"Suite","id":"\#(id)","kind":"suite","name":"S"},"version":0}"#
  }

  static func event(_ kind: String, testID: String? = nil, symbol: String = "default") -> String {
    let test = testID.map { #","testID":"\#($0)""# } ?? ""
    return #"{"kind":"event","payload":{"instant":{"absolute":1,"since1970":2},"kind":"\#(kind)","messages":[{"symbol":"\#(symbol)","text":"x"}]\#(test)},"version":0}"#
  }

  static func issue(testID: String, comment: String?, failure: String, isKnown: Bool = false)
    -> String
  {
    let comments = comment.map { #""_comments":["\#($0)"],"# } ?? ""
    return #"{"kind":"event","payload":{\#(comments)"instant":{"absolute":1,"since1970":2},"issue":{"isKnown":\#(isKnown)},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"\#(failure)"},{"symbol":"details","text":"d"}],"testID":"\#(testID)"},"version":0}"#
  }
}
