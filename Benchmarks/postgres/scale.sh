#!/usr/bin/env bash
# Issue #9's scale: 10 million dossiers across 100 centres in PostgreSQL, hostrun against psql on
# the same database in the same run:
#
#   Benchmarks/postgres/scale.sh [BASE [COPIES]]
#
# Load (set-up, timed for the record only): `hostrun demo --dossiers BASE` (default 100,000)
# into a fresh database, then load-copies.sql makes COPIES centres (default 100) of it with SQL.
# Measured, each under /usr/bin/time -v (wall time, CPU time, peak memory):
#   figures  the figures of 01/01–30/06/2026 for one centre: pg-bench (the store's
#            periodFigures(_:centre:), what hostrun runs) vs figures.sql in psql;
#   rollup   the same period, one line per centre and the total: rollup.lua through
#            `hostrun run` (stats.figures by centre) and pg-bench rollup, vs figures.sql;
#   import   `hostrun import canonical` of 4 files of 1,000,000 rows at once into one
#            database, vs one import of the same 4,000,000 rows into another: the speed-up.
#            Both databases first get the procedure catalogue (one row per procedure), as a
#            store in use has it.
# Outputs of both sides are compared; each query runs three times alternately, best kept.
# SCALE_STAGES (default "load figures import") picks stages: "figures import" reuses the
# databases a previous run loaded (SCALE_KEEP_DATABASES=1 keeps them at the end); SCALE_PART_COPIES
# (default 10: 1,000,000 rows) is how many copies of the ward each of the four import files holds.
# Targets: figures and roll-up ≤ 1.5× psql, peak memory < 300 MiB for every hostrun process.
# Needs HOSTRUN_TEST_POSTGRES_URL (a role that may create databases; .ci/postgres.sh start),
# about 25 GB of disk on the server and 3 GB in TMPDIR. Results go to standard output as they
# come, and to $SCALE_LOG (default: scale.log in the work folder).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
base=${1:-100000}
copies=${2:-100}
seed=${PG_BENCH_SEED:-20260525}
from=2026-01-01 to=2026-06-30
centre="Phường 007"
stages=${SCALE_STAGES:-load figures import}
part_copies=${SCALE_PART_COPIES:-10}
stage() { [[ " $stages " == *" $1 "* ]]; }
server=${HOSTRUN_TEST_POSTGRES_URL:?set HOSTRUN_TEST_POSTGRES_URL (.ci/postgres.sh start)}
. "$here/measure.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/hostrun-pg-scale.XXXXXX")
log=${SCALE_LOG:-$work/scale.log}
[ "${SCALE_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
big=$(url hostrun_scale) one=$(url hostrun_scale_one) four=$(url hostrun_scale_four)
say() { echo "$*" | tee -a "$log"; }

echo "building hostrun and pg-bench (release)…" >&2
swift build -c release --package-path "$root" --product hostrun >&2
hostrun="$(swift build -c release --package-path "$root" --show-bin-path)/hostrun"
swift build -c release --package-path "$here" >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/pg-bench"

psql_figures=(env PGOPTIONS="-c jit=off" psql "$big" -X -q -A -t -F '|' -v from="$from" -v to="$to")

say "PostgreSQL scale benchmark, $(date -u '+%d/%m/%Y %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if stage load; then
    psql "$server" -X -q -c "DROP DATABASE IF EXISTS hostrun_scale WITH (FORCE)" -c "CREATE DATABASE hostrun_scale"
    "$hostrun" db migrate --db "$big" > /dev/null
    start=$(now)
    "$hostrun" demo --dossiers "$base" --seed "$seed" --db "$big" >&2
    psql "$big" -X -q -v copies="$copies" -f "$here/load-copies.sql" >&2
    say "load: $(awk -v a="$(now)" -v b="$start" 'BEGIN { printf "%.0f", a - b }') s (set-up, not measured)"
fi
count=$(psql "$big" -X -A -t -c "SELECT count(*) FROM dossiers")
centres=$(psql "$big" -X -A -t -c "SELECT count(DISTINCT centre) FROM dossiers")
say "store: $count dossiers in $centres centres"

if stage figures; then
for i in 1 2 3; do
    measure "figures_ours.$i" "$bench" figures "$big" "$from" "$to" "$centre"
    measure "figures_psql.$i" "${psql_figures[@]}" -v centre="$centre" -f "$here/figures.sql"
    measure "rollup_lua.$i" "$hostrun" run --db "$big" --now "01/07/2026 00:00" "$here/rollup.lua" 01/01/2026 30/06/2026
    measure "rollup_ours.$i" "$bench" rollup "$big" "$from" "$to"
    measure "rollup_psql.$i" "${psql_figures[@]}" -f "$here/figures.sql"
    same "figures_ours.$i.out" "figures_psql.$i.out"
    same "rollup_ours.$i.out" "rollup_psql.$i.out"
    same "rollup_lua.$i.out" "rollup_psql.$i.out"
    note_peak "figures_ours.$i"; note_peak "rollup_lua.$i"; note_peak "rollup_ours.$i"
done
fo=$(best figures_ours) fp=$(best figures_psql) rl=$(best rollup_lua) ro=$(best rollup_ours) rp=$(best rollup_psql)
say "figures of $centre, 01/01–30/06/2026: store (pg-bench) ${fo} s, psql ${fp} s, ratio $(ratio "$fo" "$fp")×"
say "roll-up of $centres centres + total: hostrun run rollup.lua ${rl} s ($(cpu rollup_lua.1) s CPU), store (pg-bench) ${ro} s, psql ${rp} s; ratios $(ratio "$rl" "$rp")× and $(ratio "$ro" "$rp")×"
say "peak memory so far: ${peak} MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if stage import; then
for db in hostrun_scale_one hostrun_scale_four; do
    psql "$server" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done
for db in "$one" "$four"; do "$hostrun" db migrate --db "$db" > /dev/null; done

echo "exporting 4 × $part_copies copies of the ward as canonical CSV (not measured)…" >&2
export_csv() { psql "$big" -X -q -v where="$1" -f "$here/canonical-export.sql" > "$work/$2"; }
# One row per procedure and per source: a parallel import that adds a source or a procedure
# holds its new row until it commits, and the others adding it too wait for that.
export_csv "id IN (SELECT min(id) FROM dossiers WHERE id < 100000000 GROUP BY procedure_code
               UNION SELECT min(id) FROM dossiers WHERE id < 100000000 GROUP BY source)" catalogue.csv
per=$part_copies
for j in 0 1 2 3; do
    export_csv "id >= $(( (j * per + 1) * 100000000 )) AND id < $(( ((j + 1) * per + 1) * 100000000 ))" "part$j.csv"
done
{ cat "$work/part0.csv"; for j in 1 2 3; do tail -n +2 "$work/part$j.csv"; done; } > "$work/all.csv"
rows=$(( $(wc -l < "$work/all.csv") - 1 ))
for db in "$one" "$four"; do
    "$hostrun" import canonical "$work/catalogue.csv" --db "$db" --plugin-path "$root/Plugins/connectors" > /dev/null
done

say "import: one process, $rows rows…"
measure import_one "$hostrun" import canonical "$work/all.csv" --db "$one" --plugin-path "$root/Plugins/connectors"
note_peak import_one
say "import: one process ${one_wall:=$(seconds import_one)} s ($(cpu import_one) s CPU, $(mib import_one) MiB), load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(now)
for j in 0 1 2 3; do
    measure "import_four_$j" "$hostrun" import canonical "$work/part$j.csv" --db "$four" --plugin-path "$root/Plugins/connectors" &
done
wait
four_wall=$(awk -v a="$(now)" -v b="$start" 'BEGIN { printf "%.2f", a - b }')
for j in 0 1 2 3; do note_peak "import_four_$j"; done
rows_one=$(psql "$one" -X -A -t -c "SELECT count(*) FROM dossiers")
rows_four=$(psql "$four" -X -A -t -c "SELECT count(*) FROM dossiers")
[ "$rows_one" = "$rows_four" ] || { echo "MISMATCH: $rows_one dossiers against $rows_four" >&2; exit 1; }
say "import: four processes at once ${four_wall} s (each: $(for j in 0 1 2 3; do printf '%s s ' "$(seconds import_four_$j)"; done)); speed-up $(ratio "$one_wall" "$four_wall")×; $rows_one dossiers in each"
fi
say "peak memory of any hostrun process: ${peak} MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${SCALE_KEEP_DATABASES:-0}" != 1 ]; then
    for db in hostrun_scale hostrun_scale_one hostrun_scale_four; do
        psql "$server" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    done
fi
