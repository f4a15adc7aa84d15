/// ANSI colours for terminal output, or none.
///
/// Colour is on only for a terminal and when `NO_COLOR` is not set (https://no-color.org).
public struct Palette: Sendable {
  /// Whether escape codes are written.
  public let isEnabled: Bool

  /// Creates a palette that colours or not.
  public init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  /// Decides from the environment and whether standard output is a terminal.
  public init(environment: [String: String], isTerminal: Bool) {
    isEnabled = isTerminal && environment["NO_COLOR"] == nil
  }

  /// Text for success.
  public func green(_ text: String) -> String { paint(text, "32") }
  /// Text for failure.
  public func red(_ text: String) -> String { paint(text, "31") }
  /// Text for what is next or needs attention.
  public func yellow(_ text: String) -> String { paint(text, "33") }
  /// Headings.
  public func bold(_ text: String) -> String { paint(text, "1") }
  /// Details.
  public func dim(_ text: String) -> String { paint(text, "2") }

  private func paint(_ text: String, _ code: String) -> String {
    isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
