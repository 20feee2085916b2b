#!/usr/bin/env bash
# Whole-command timings with hyperfine, hostrun against lua5.4 on the same script:
#   1. a CPU-bound pure-Lua script, hostrun with all its default limits on (ratio target ≤ 1.15),
#      then with an instruction limit as well (--max-instructions, opt-in: reported, no target);
#   2. start-up: Scripts/hello.lua (target under 20 ms).
# HOSTRUN points at the binary to measure (default: the statically linked release build that
# Benchmarks/run.sh and `make build` make). The CPU-time ratio is the figure to trust on a busy
# machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
hostrun="${HOSTRUN:-$root/.build/release/hostrun}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

ratio() {  # hostrun against lua5.4 from a hyperfine JSON export: wall time and CPU time
    python3 - "$1" <<'PY'
import json, sys
lua, host = json.load(open(sys.argv[1]))["results"]
cpu = lambda r: r["user"] + r["system"]
print(f"  wall: lua5.4 {lua['mean']*1000:.1f} ms, hostrun {host['mean']*1000:.1f} ms, ratio {host['mean']/lua['mean']:.3f}"
      f" (best runs: {lua['min']*1000:.1f} / {host['min']*1000:.1f} ms, ratio {host['min']/lua['min']:.3f})")
print(f"  CPU (user+sys): lua5.4 {cpu(lua)*1000:.1f} ms, hostrun {cpu(host)*1000:.1f} ms, ratio {cpu(host)/cpu(lua):.3f}")
PY
}

echo "== CPU-bound script (Benchmarks/Scripts/cpu_bound.lua), hostrun with default limits on"
hyperfine --warmup 2 --runs 10 -N --export-json "$results/cpu.json" \
    "lua5.4 $here/Scripts/cpu_bound.lua" "$hostrun $here/Scripts/cpu_bound.lua" >/dev/null
ratio "$results/cpu.json"

echo "== the same, hostrun with --max-instructions 100000000000 as well (a count hook on every instruction)"
hyperfine --warmup 2 --runs 10 -N --export-json "$results/cpu-counted.json" \
    "lua5.4 $here/Scripts/cpu_bound.lua" "$hostrun --max-instructions 100000000000 $here/Scripts/cpu_bound.lua" >/dev/null
ratio "$results/cpu-counted.json"

echo "== start-up (Scripts/hello.lua)"
hyperfine --warmup 5 --runs 100 -N --export-json "$results/hello.json" \
    "lua5.4 $root/Scripts/hello.lua" "$hostrun $root/Scripts/hello.lua" >/dev/null
ratio "$results/hello.json"
