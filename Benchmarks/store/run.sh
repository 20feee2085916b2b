#!/usr/bin/env bash
# The store benchmarks, hostrun's SQLite store against the sqlite3 shell on the same rows:
#
#   Benchmarks/store/run.sh [COUNT]
#
# COUNT dossiers (default 1,000,000) are generated deterministically (seed STORE_BENCH_SEED)
# and timed three ways, each side under /usr/bin/time -v for wall time and peak memory:
#   insert   store-bench upserting them as one batch into a new store, vs the sqlite3 shell's
#            .import of exactly the rows the store wrote (exported to CSV beforehand) into a
#            file with the same schema, indexes and triggers (.import into a staging table, then
#            INSERT … SELECT, since .import reads empty fields as '' not NULL); also, for
#            reference, .import alone into plain tables without constraints or indexes;
#   figures  the full figures of 01/01–30/06/2026, total and by field, vs figures.sql;
#   overdue  the overdue list as of 30/06/2026, vs overdue.sql.
# Both sides' outputs are compared, so the ratios compare equal work. Targets: figures ≤ 1.5×,
# insert ≤ 2×, peak memory < 300 MiB. Wall and CPU (user + system) times are both reported:
# on a shared machine the CPU ratio is the steadier one. Work files go to STORE_BENCH_DIR (default: a new
# temporary folder, about 3 GB at a million dossiers), removed unless STORE_BENCH_KEEP=1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
count=${1:-1000000}
seed=${STORE_BENCH_SEED:-20260525}
work=${STORE_BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hostrun-store-bench.XXXXXX")}
from=2026-01-01 to=2026-06-30 asof=2026-06-30
mkdir -p "$work"
[ "${STORE_BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

echo "building store-bench (release)…" >&2
swift build -c release --package-path "$here" >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/store-bench"

# measure NAME COMMAND…: runs COMMAND in $work under /usr/bin/time, stdout to $work/NAME.out.
measure() {
    local name=$1; shift
    (cd "$work" && /usr/bin/time -v -o "$name.time" "$@" > "$name.out")
}
seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$work/$1.time"
}
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/$1.time"; }
mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$1.time"; }
same() { cmp -s "$work/$1" "$work/$2" || { echo "MISMATCH: $1 and $2 differ" >&2; exit 1; }; }

cd "$work"
rm -f ours.db* baseline.db* plain.db*

echo "insert: store-bench, $count dossiers…" >&2
measure insert_store "$bench" insert ours.db "$count" "$seed"
cat "$work/insert_store.out" >&2

echo "insert: exporting the stored rows for sqlite3 (not timed)…" >&2
sqlite3 -csv ours.db "SELECT * FROM dossiers ORDER BY id" > dossiers.csv
sqlite3 -csv ours.db "SELECT * FROM status_history ORDER BY id" > history.csv
sqlite3 ours.db .schema | sqlite3 baseline.db
sqlite3 baseline.db > /dev/null <<SQL
PRAGMA journal_mode = WAL;
ATTACH 'ours.db' AS o;
INSERT INTO grdb_migrations SELECT * FROM o.grdb_migrations;
INSERT INTO store_meta SELECT * FROM o.store_meta;
INSERT INTO imports SELECT * FROM o.imports;
INSERT INTO sources SELECT * FROM o.sources;
INSERT INTO procedures SELECT * FROM o.procedures;
SQL
nullable() { sqlite3 ours.db "SELECT group_concat('NULLIF(' || name || ', '''')', ', ') FROM pragma_table_info('$1')"; }
cat > import.sql <<SQL
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE staging_dossiers AS SELECT * FROM dossiers WHERE 0;
CREATE TEMP TABLE staging_history AS SELECT * FROM status_history WHERE 0;
.import --csv --schema temp dossiers.csv staging_dossiers
.import --csv --schema temp history.csv staging_history
INSERT INTO dossiers SELECT $(nullable dossiers) FROM staging_dossiers;
INSERT INTO status_history SELECT $(nullable status_history) FROM staging_history;
COMMIT;
SQL
sqlite3 plain.db > /dev/null <<SQL
PRAGMA journal_mode = WAL;
ATTACH 'ours.db' AS o;
CREATE TABLE dossiers AS SELECT * FROM o.dossiers WHERE 0;
CREATE TABLE status_history AS SELECT * FROM o.status_history WHERE 0;
SQL
cat > import-plain.sql <<SQL
PRAGMA synchronous = NORMAL;
BEGIN;
.import --csv dossiers.csv dossiers
.import --csv history.csv status_history
COMMIT;
SQL

echo "insert: sqlite3 .import into the same schema…" >&2
measure insert_sqlite3 sqlite3 baseline.db ".read import.sql"
echo "insert: sqlite3 .import into plain tables…" >&2
measure insert_plain sqlite3 plain.db ".read import-plain.sql"
for table in dossiers status_history; do
    sqlite3 ours.db "SELECT * FROM $table ORDER BY id" > ours.$table.txt
    sqlite3 baseline.db "SELECT * FROM $table ORDER BY id" > baseline.$table.txt
    same ours.$table.txt baseline.$table.txt
done

echo "figures: $from–$to…" >&2
"$bench" figures ours.db "$from" "$to" > /dev/null   # warm the page cache for both sides
measure figures_store "$bench" figures ours.db "$from" "$to"
# The shell unquotes its arguments once, so a text value needs a second pair of quotes.
measure figures_sqlite3 sqlite3 -cmd ".parameter set :from \"'$from'\"" -cmd ".parameter set :to \"'$to'\"" \
    ours.db ".read $here/figures.sql"
same figures_store.out figures_sqlite3.out

echo "overdue: as of $asof…" >&2
measure overdue_store "$bench" overdue ours.db "$asof"
measure overdue_sqlite3 sqlite3 -cmd ".parameter set :day \"'$asof'\"" ours.db ".read $here/overdue.sql"
same overdue_store.out overdue_sqlite3.out

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
row() { # NAME STORE SQLITE3 TARGET
    printf '| %s | %ss | %ss | %s | %ss | %ss | %s | %s | %s MiB | %s MiB |\n' "$1" \
        "$(seconds "$2")" "$(seconds "$3")" "$(ratio "$(seconds "$2")" "$(seconds "$3")")" \
        "$(cpu "$2")" "$(cpu "$3")" "$(ratio "$(cpu "$2")" "$(cpu "$3")")" "$4" "$(mib "$2")" "$(mib "$3")"
}
echo
echo "$count dossiers ($(wc -l < "$work/history.csv") history entries), seed $seed," \
    "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "| benchmark | hostrun wall | sqlite3 wall | ratio | hostrun CPU | sqlite3 CPU | ratio | target | hostrun peak | sqlite3 peak |"
echo "|---|---|---|---|---|---|---|---|---|---|"
row "insert, same schema" insert_store insert_sqlite3 "≤ 2×"
row "insert, vs .import into plain tables (reference)" insert_store insert_plain "–"
row "figures $from–$to, total and by field" figures_store figures_sqlite3 "≤ 1.5×"
row "overdue list as of $asof ($(wc -l < "$work/overdue_store.out") rows)" overdue_store overdue_sqlite3 "–"
