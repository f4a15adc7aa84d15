#!/usr/bin/env bash
# Renders every deck and opens each in headless Chromium with `?check`, which makes the deck
# report the slides whose content overflows the 1280 x 720 stage. Fails when any does, and
# keeps a screenshot of one slide for a person to look at.
#
# Usage: scripts/check-slides-in-browser.sh [output folder]    (needs chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-.build-slides}"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "check-slides: no Chromium found (on Debian: apt-get install chromium)" >&2
  exit 1
fi
swift run workshop slides --output "$output"
failed=0
for page in "$output"/[0-9]*.html; do
  # The output folder may be given relative or absolute; the browser needs an absolute URL.
  absolute="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  report=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1280,720 --dump-dom "file://$absolute?check" 2>/dev/null \
    | sed -n 's:.*<pre id="overflow-report">\([^<]*\)</pre>.*:\1:p')
  if [ -z "$report" ]; then
    echo "✘ $(basename "$page"): the deck did not report (script error?)"
    failed=1
  elif [[ "$report" == *'"overflowing":[]'* ]]; then
    echo "✔ $(basename "$page"): $report"
  else
    echo "✘ $(basename "$page"): content overflows on slides $report"
    failed=1
  fi
done
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1280,720 --screenshot="$output/screenshot-welcome-4.png" \
  "file://$(cd "$output" && pwd)/00-welcome.html#4" > /dev/null 2>&1
echo "screenshot of a slide: $output/screenshot-welcome-4.png"
exit "$failed"
