#!/usr/bin/env bash
# Instruction counts (valgrind callgrind): repeatable whatever else the machine is doing, where
# the timings of run.sh are not. Prints per-call instructions of the Swift host function and
# the C baseline, and whole-script instructions of hostrun and lua5.4 on cpu_bound.lua.
# Run after Benchmarks/run.sh has built the binaries.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# valgrind cannot read Swift's debug information: count a copy without it.
strip --strip-debug -o "$work/bridge" "$here/.build/release/bridge-benchmark"
strip --strip-debug -o "$work/hostrun" "$root/.build/release/hostrun"

count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,; }

calls=1000000
for case in 1 2; do
    with=$(count "$work/bridge" $calls 1 $case)
    without=$(count "$work/bridge" 0 1 $case)
    echo "$case $(( (with - without) / calls ))"
done | python3 -c '
import sys
per = dict(line.split() for line in sys.stdin)
c, s = int(per["1"]), int(per["2"])
print(f"per call, loop included: C lua_CFunction {c} instructions, Swift host function {s}, ratio {s/c:.3f}")'

lua=$(count lua5.4 "$here/Scripts/cpu_bound.lua")
host=$(count "$work/hostrun" "$here/Scripts/cpu_bound.lua")
counted=$(count "$work/hostrun" --max-instructions 100000000000 "$here/Scripts/cpu_bound.lua")
python3 -c "print(f'cpu_bound.lua: lua5.4 {$lua/1e9:.3f} G instructions, hostrun (default limits) {$host/1e9:.3f} G, ratio {$host/$lua:.3f}')"
python3 -c "print(f'cpu_bound.lua with --max-instructions: hostrun {$counted/1e9:.3f} G, ratio {$counted/$lua:.3f}')"
