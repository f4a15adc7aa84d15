#!/usr/bin/env bash
# Fuzzes the library's JSON decoder with libFuzzer and AddressSanitizer, against JSONDecoder:
#   scripts/fuzz-json-decoder.sh [SECONDS]     (default 60)
# Compiles the decoder's sources with Tests/Fuzz/JSONDecoderFuzzTarget.swift into
# .build-fuzz/json-decoder, and runs it on the corpus folder .build-fuzz/json-corpus (kept
# between runs, started from a few JSON documents). A crash leaves its input as
# .build-fuzz/crash-*; run `.build-fuzz/json-decoder .build-fuzz/crash-…` to replay it.
# Linux: the Swift toolchain from swift.org brings libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/json-corpus"
json=Sources/EventSourcing/Persistence/JSON
swiftc -sanitize=fuzzer,address -parse-as-library -module-name JSONFuzz -O \
  "$json"/*.swift Sources/EventSourcing/Persistence/UInt8+HexDigit.swift \
  Tests/Fuzz/JSONDecoderFuzzTarget.swift -o "$out/json-decoder"
seed=0
for document in \
  '{"integer":1,"unsigned":255,"number":-2.5e3,"text":"\ud83d\udc36","flag":true}' \
  '{"list":[1,2,3],"words":["a","b"],"table":{"x":1},"kind":{"named":{"name":"n","count":2}}}' \
  '{"kind":{"pair":{"_0":"a","_1":1.5}},"nested":[{"integer":9007199254740993.0},{}]}' \
  '{"kind":{"empty":{}},"text":"a\"b\\c\u00e9"}'; do
  seed=$((seed + 1))
  printf '%s' "$document" > "$out/json-corpus/seed-$seed"
done
"$out/json-decoder" "$out/json-corpus" -max_total_time="$seconds" -artifact_prefix="$out/" \
  -print_final_stats=1
