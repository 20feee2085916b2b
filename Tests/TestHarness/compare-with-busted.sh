#!/usr/bin/env bash
# Runs the same spec files under Debian's busted (lua-busted, `lua5.4 /usr/bin/busted`) and
# under hostrun's harness (through the lua5.4 bootstrap), and compares the per-test outcomes:
# every "ok N - name", "not ok N - name", "ok N - # SKIP ..." line and the plan "1..N" of
# the TAP output, in order; and the whole output of --list. Exits non-zero on any mismatch.
#
# Diagnostics ("# ..." lines: messages holding table addresses) and the final summary line
# (busted has none) are not compared; what specs print is not compared either, since the
# harness renders its report after a file has run.
#
# Usage: Tests/TestHarness/compare-with-busted.sh [--hostrun BINARY] [PROJECT_DIR...]
#   Without directories: the harness's own specs and failing fixture, with tags, filters, sort,
#   shuffle seeds and --list. With directories: each is a third-party project whose spec/
#   folder is run in that directory by both (the bootstrap with --trusted: specs get the
#   whole standard library, as under busted).
#   --hostrun runs the harness through `BINARY test` (one sandbox per file, in parallel)
#   instead of the lua5.4 bootstrap.
set -u
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

BUSTED=(lua5.4 /usr/bin/busted)
HARNESS=(lua5.4 "$ROOT/Sources/TestHarness/bootstrap-lua5.4.lua")
USING_HOSTRUN=0
if [ "${1:-}" == "--hostrun" ]; then
  HARNESS=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" test)
  USING_HOSTRUN=1
  shift 2
fi
SPECS=Tests/TestHarness/specs
FAILING=Tests/TestHarness/failing

if ! [ -f /usr/bin/busted ]; then
  echo "compare-with-busted: Debian's busted is missing (apt-get install lua-busted)" >&2
  exit 2
fi

outcomes() { grep -E '^(not )?ok [0-9]+ |^1\.\.[0-9]+$' || true; }

status=0
compare() {
  local label=$1; shift
  local ours theirs
  theirs=$("${BUSTED[@]}" -o TAP "$@" 2>&1 | outcomes)
  ours=$("${HARNESS[@]}" -o tap "$@" 2>&1 | outcomes)
  if [ -z "$theirs" ]; then
    echo "FAIL  $label: busted produced no outcomes"
    status=1
  elif [ "$theirs" == "$ours" ]; then
    echo "same  $label ($(echo "$theirs" | grep -c 'ok [0-9]') outcomes)"
  else
    echo "FAIL  $label: outcomes differ (< busted, > harness)"
    diff <(echo "$theirs") <(echo "$ours")
    status=1
  fi
}

compare_list() {
  local label=$1; shift
  local ours theirs
  theirs=$("${BUSTED[@]}" --list "$@" 2>&1)
  ours=$("${HARNESS[@]}" --list "$@" 2>&1)
  if [ "$theirs" == "$ours" ]; then
    echo "same  $label ($(echo "$theirs" | wc -l) tests listed)"
  else
    echo "FAIL  $label: lists differ (< busted, > harness)"
    diff <(echo "$theirs") <(echo "$ours")
    status=1
  fi
}

if [ $# -gt 0 ]; then
  [ $USING_HOSTRUN -eq 0 ] && HARNESS+=(--trusted)
  BUSTED+=(--no-coverage)
  for project in "$@"; do
    cd "$project" && compare "$(basename "$project")" spec
    cd "$ROOT"
  done
  if [ $status -eq 0 ]; then echo "harness and busted agree"; else echo "harness and busted DISAGREE"; fi
  exit $status
fi

compare "green specs" "$SPECS"
compare "failing fixture" "$FAILING"
compare "--tags=fast" --tags=fast "$SPECS"
compare "--exclude-tags=slow,db" --exclude-tags=slow,db "$SPECS"
compare "--filter=spy --filter=stub" --filter=spy --filter=stub "$SPECS"
compare "--filter-out=match" --filter-out=match "$SPECS"
compare "--shuffle --seed=12345" --shuffle --seed=12345 "$SPECS"
compare "--shuffle --seed=7 (failing)" --shuffle --seed=7 "$FAILING"
compare "--sort" --sort "$SPECS"
compare_list "--list" "$SPECS"
compare_list "--list --tags=fast" --tags=fast "$SPECS"

if [ $status -eq 0 ]; then echo "harness and busted agree"; else echo "harness and busted DISAGREE"; fi
exit $status
