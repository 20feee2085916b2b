#!/usr/bin/env bash
# Whole-command timings with hyperfine, hostrun against lua5.4 on the same script:
#   1. a CPU-bound pure-Lua script, hostrun with all its default limits on (ratio target ≤ 1.15);
#   2. start-up: Scripts/hello.lua (target under 20 ms).
# HOSTRUN points at the binary to measure (default: the release build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
hostrun="${HOSTRUN:-$root/.build/release/hostrun}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

ratio() {  # mean(hostrun) / mean(lua5.4) from a hyperfine JSON export
    python3 - "$1" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
lua, host = runs[0]["mean"], runs[1]["mean"]
print(f"lua5.4 {lua*1000:.1f} ms, hostrun {host*1000:.1f} ms, ratio hostrun/lua5.4 = {host/lua:.3f}")
PY
}

echo "== CPU-bound script (Benchmarks/Scripts/cpu_bound.lua), hostrun with default limits on"
hyperfine --warmup 2 --runs 10 -N --export-json "$results/cpu.json" \
    "lua5.4 $here/Scripts/cpu_bound.lua" "$hostrun $here/Scripts/cpu_bound.lua" >/dev/null
ratio "$results/cpu.json"

echo "== start-up (Scripts/hello.lua)"
hyperfine --warmup 5 --runs 100 -N --export-json "$results/hello.json" \
    "lua5.4 $root/Scripts/hello.lua" "$hostrun $root/Scripts/hello.lua" >/dev/null
ratio "$results/hello.json"
