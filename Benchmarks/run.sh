#!/usr/bin/env bash
# Runs every runtime benchmark and prints the figures with their ratios to the baselines.
#   Benchmarks/run.sh            (from the repository root; needs lua5.4 and hyperfine)
# Builds release binaries first. Run it on an otherwise idle machine, once, not in a loop.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

echo "== building (release; hostrun statically linked, as \`make build\` ships it)"
swift build -c release --static-swift-stdlib --package-path "$root" --product hostrun >/dev/null
swift build -c release --package-path "$here" --product bridge-benchmark >/dev/null

echo "== Swift host function vs C lua_CFunction"
"$here/.build/release/bridge-benchmark"

"$here/run-script-benchmarks.sh"   # measures $root/.build/release/hostrun, built above
