#!/usr/bin/env bash
# `hostrun test` against Debian's busted on the same spec files: 40 copies of the harness's
# own assertion and spy specs (about 1,400 tests), whole-command timings with hyperfine.
# Target: hostrun test (one sandbox per file, in parallel) no slower than busted.
#   Benchmarks/test-harness.sh   (from anywhere; needs lua-busted and hyperfine)
# HOSTRUN points at the binary to measure (default: the release build). Run it once, on an
# otherwise idle machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
hostrun="${HOSTRUN:-$root/.build/release/hostrun}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/spec"
for i in $(seq 1 20); do
    cp "$root/Tests/TestHarness/specs/assert_spec.lua" "$work/spec/assert${i}_spec.lua"
    cp "$root/Tests/TestHarness/specs/spies_spec.lua" "$work/spec/spies${i}_spec.lua"
done

cd "$work"
echo "== 40 spec files, $(nproc) cores: busted vs hostrun test (TAP output)"
hyperfine --warmup 1 --runs 10 -N --export-json "$work/times.json" \
    "lua5.4 /usr/bin/busted -o TAP spec" "$hostrun test -o tap spec" >/dev/null
python3 - "$work/times.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
busted, host = runs[0]["mean"], runs[1]["mean"]
print(f"busted {busted*1000:.0f} ms, hostrun test {host*1000:.0f} ms, ratio hostrun/busted = {host/busted:.2f}")
PY
