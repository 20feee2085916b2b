#!/usr/bin/env bash
# The PostgreSQL store benchmarks, hostrun's PostgreSQL store against psql on the same database:
#
#   Benchmarks/postgres/run.sh [DOSSIERS [CENTRES]]
#
# DOSSIERS (default 1,000,000) DemoData dossiers across CENTRES wards (default 100), generated
# deterministically (seed PG_BENCH_SEED), received 01/07/2024–30/06/2026. Each hostrun side runs
# under /usr/bin/time -v for wall time and peak memory:
#   import   one pg-bench process importing every ward into a new database, vs four processes
#            importing a quarter of the wards each, at once, into another: the speed-up;
#   figures  the figures of 01/01–30/06/2026 for one centre, vs figures.sql in psql;
#   rollup   the same period rolled up (one line per centre, then the total), vs figures.sql.
# Both sides' outputs are compared, so the ratios compare equal work; each query is run three
# times alternately and the best time of each side kept. psql runs with jit=off, as the store's
# own connections do (JIT compiling these wide expressions costs seconds and saves less). Targets: figures and roll-up ≤ 1.5×
# psql, peak memory < 300 MiB for every hostrun process.
# The server is HOSTRUN_TEST_POSTGRES_URL's (a role allowed to create databases), else a
# throw-away one started by .ci/postgres.sh for the run. Work files go to a temporary folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${1:-1000000}
centres=${2:-100}
seed=${PG_BENCH_SEED:-20260525}
from=2026-01-01 to=2026-06-30
centre="Phường 007"
per=$((count / centres))
work=$(mktemp -d "${TMPDIR:-/tmp}/hostrun-pg-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -z "${HOSTRUN_TEST_POSTGRES_URL:-}" ]; then
    eval "$("$root/.ci/postgres.sh" start)"
    trap 'rm -rf "$work"; "$root/.ci/postgres.sh" stop' EXIT
fi
server=$HOSTRUN_TEST_POSTGRES_URL
. "$here/measure.sh"
one=$(url hostrun_bench_one) four=$(url hostrun_bench_four)

echo "building pg-bench (release)…" >&2
swift build -c release --package-path "$here" >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/pg-bench"


for db in hostrun_bench_one hostrun_bench_four; do
    psql "$server" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done
"$bench" migrate "$one" > /dev/null
"$bench" migrate "$four" > /dev/null

echo "import: one process, $count dossiers in $centres wards…" >&2
measure import_one "$bench" import "$one" "$per" "$centres" 0 1 "$seed"
note_peak import_one
echo "import: four processes at once, a quarter of the wards each…" >&2
start=$(now)
for k in 0 1 2 3; do measure "import_four_$k" "$bench" import "$four" "$per" "$centres" "$k" 4 "$seed" & done
wait
four_wall=$(awk -v a="$(now)" -v b="$start" 'BEGIN { printf "%.2f", a - b }')
for k in 0 1 2 3; do note_peak "import_four_$k"; done
rows_one=$(psql "$one" -X -A -t -c "SELECT count(*) FROM dossiers")
rows_four=$(psql "$four" -X -A -t -c "SELECT count(*) FROM dossiers")
[ "$rows_one" = "$rows_four" ] || { echo "MISMATCH: $rows_one dossiers against $rows_four" >&2; exit 1; }
psql "$four" -X -q -c "VACUUM ANALYZE dossiers, status_history"

for i in 1 2 3; do
    measure "figures_ours.$i" "$bench" figures "$four" "$from" "$to" "$centre"
    measure "figures_psql.$i" env PGOPTIONS="-c jit=off" psql "$four" -X -q -A -t -F '|' -v from="$from" -v to="$to" -v centre="$centre" -f "$here/figures.sql"
    measure "rollup_ours.$i" "$bench" rollup "$four" "$from" "$to"
    measure "rollup_psql.$i" env PGOPTIONS="-c jit=off" psql "$four" -X -q -A -t -F '|' -v from="$from" -v to="$to" -f "$here/figures.sql"
    same "figures_ours.$i.out" "figures_psql.$i.out"
    same "rollup_ours.$i.out" "rollup_psql.$i.out"
    note_peak "figures_ours.$i"; note_peak "rollup_ours.$i"
done

one_wall=$(seconds import_one)
fo=$(best figures_ours) fp=$(best figures_psql) ro=$(best rollup_ours) rp=$(best rollup_psql)
cat <<REPORT
PostgreSQL store, $rows_one dossiers in $centres centres ($(nproc) cores)
import, one process                 ${one_wall} s   ($(awk -v a="$rows_one" -v b="$one_wall" 'BEGIN { printf "%d", a / b }') dossiers/s)
import, four processes at once      ${four_wall} s   speed-up $(ratio "$one_wall" "$four_wall")×
figures of $centre, 01/01–30/06/2026  hostrun ${fo} s   psql ${fp} s   ratio $(ratio "$fo" "$fp")×
roll-up of $centres centres + total      hostrun ${ro} s   psql ${rp} s   ratio $(ratio "$ro" "$rp")×
peak memory of any hostrun process  ${peak} MiB
REPORT
for db in hostrun_bench_one hostrun_bench_four; do
    psql "$server" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
done
