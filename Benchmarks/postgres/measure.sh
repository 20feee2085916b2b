# Helpers shared by run.sh and scale.sh (sourced): each measured command runs under
# /usr/bin/time -v with its output in $work; $server is the PostgreSQL server's URL.

# url NAME: the URL of database NAME on the server.
url() { python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$server" "$1"; }
# seconds NAME, cpu NAME, mib NAME: wall time, CPU time (user + system), peak resident memory.
seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$work/$1.time"
}
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/$1.time"; }
mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$1.time"; }
# measure NAME COMMAND…: runs COMMAND under /usr/bin/time, stdout to $work/NAME.out.
measure() { local name=$1; shift; /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out"; }
now() { date +%s.%N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# same A B: stops the benchmark unless the two outputs are byte-identical.
same() { cmp -s "$work/$1" "$work/$2" || { echo "MISMATCH: $1 and $2 differ" >&2; diff "$work/$1" "$work/$2" | head >&2; exit 1; }; }
# note_peak NAME: keeps the largest peak memory seen in $peak.
peak=0
note_peak() { local m; m=$(mib "$1"); [ "$m" -gt "$peak" ] && peak=$m; return 0; }
# best NAME: the smallest wall time of NAME.1…3.
best() { for i in 1 2 3; do seconds "$1.$i"; echo; done | sort -n | head -n 1; }
