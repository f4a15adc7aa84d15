import Foundation

/// The environment the workshop command gives the `swift` commands that build and test
/// chapters: the variables a build needs, and nothing that changes from one shell command to
/// the next.
///
/// SwiftPM keys its cache of evaluated manifests, and its build plan, on the whole
/// environment. Variables such as `_` (the last command), `OLDPWD` or `SHLVL` differ between a
/// `swift run workshop run 1` and the next command a learner types, and each difference would
/// make SwiftPM evaluate every manifest and plan the build again: seconds of every run. The
/// same variables also keep a learner's own settings (such as `PERSISTENCE_MODULE`) out of
/// the chapters' tests.
enum StableEnvironment {
  /// Variables passed on as they are, when set: where programs and caches are, the locale,
  /// the terminal, Apple's SDK selection, and the network settings that resolving packages
  /// may need.
  static let passedOn: Set<String> = [
    "PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE", "TERM",
    "SDKROOT", "DEVELOPER_DIR", "TOOLCHAINS", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
    "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    "SSH_AUTH_SOCK",
  ]

  /// This process's environment cut down to ``passedOn``, with `extra` added.
  static func variables(adding extra: [String: String] = [:]) -> [String: String] {
    ProcessInfo.processInfo.environment.filter { passedOn.contains($0.key) }
      .merging(extra) { _, new in new }
  }
}
