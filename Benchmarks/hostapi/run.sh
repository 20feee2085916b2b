#!/bin/sh
# The host API benchmarks, run once in release mode (see README.md):
#   sh Benchmarks/hostapi/run.sh [COUNT]        (default 1000000 dossiers)
# Data is generated once into .build/benchmarks/hostapi-COUNT and reused.
set -eu
COUNT=${1:-1000000}
DATA=.build/benchmarks/hostapi-$COUNT
HERE=Benchmarks/hostapi
swift build -c release --static-swift-stdlib --product hostrun >/dev/null  # static, as make build ships it
swift build -c release --static-swift-stdlib --product hostapi-benchmark-data >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
if [ ! -f "$DATA/bench.db" ]; then
  "$BIN/hostapi-benchmark-data" "$COUNT" "$DATA"
  # Fold the write-ahead log into the file, so both sides read the same plain database.
  sqlite3 "$DATA/bench.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi

# Wall seconds and peak resident memory (MiB) of one command, from GNU time.
measure() {
  name=$1; shift
  /usr/bin/time -f "%e %M" -o "$DATA/$name.time" "$@" > "$DATA/$name.out" 2> "$DATA/$name.err"
  read -r seconds kib < "$DATA/$name.time"
  echo "$name: $seconds s, $((kib / 1024)) MiB peak  ($(head -c 120 "$DATA/$name.out" | tr '\n' ' '))"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
seconds() { cut -d' ' -f1 "$DATA/$1.time"; }

echo "== $COUNT dossiers in $DATA/bench.db"
measure figures-sqlite3 sqlite3 "$DATA/bench.db" ".read $DATA/figures.sql"
measure figures-hostrun "$BIN/hostrun" --db "$DATA/bench.db" --now "01/01/2026 08:00" "$HERE/figures.lua"
echo "(a) stats.figures / sqlite3 shell: $(ratio "$(seconds figures-hostrun)" "$(seconds figures-sqlite3)")  (target <= 1.5)"
measure iterate-lua lua5.4 "$HERE/iterate-baseline.lua" "$DATA/dossiers-table.lua"
cat "$DATA/iterate-lua.err"
measure iterate-hostrun "$BIN/hostrun" --db "$DATA/bench.db" "$HERE/iterate.lua"
echo "(b) dossiers.query loop / lua5.4 load + loop: $(ratio "$(seconds iterate-hostrun)" "$(seconds iterate-lua)")  (aim <= 3)"
measure hello "$BIN/hostrun" Scripts/hello.lua
