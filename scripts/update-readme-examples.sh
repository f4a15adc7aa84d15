#!/usr/bin/env bash
# Copies the Swift blocks of README.md, in order, into Sources/readme-examples/main.swift,
# which CI compiles and runs. The test suite "README examples" fails when the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  printf '%s\n' \
    "// The Swift blocks of README.md, in order, compiled and run by CI as \`readme-examples\`." \
    "// Generated: edit README.md, then run scripts/update-readme-examples.sh" \
    ""
  awk '
    /^```swift[[:space:]]*$/ { if (blocks++) print ""; inside = 1; next }
    inside && /^```[[:space:]]*$/ { inside = 0; next }
    inside { print }
  ' README.md
} > Sources/readme-examples/main.swift
