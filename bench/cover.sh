#!/bin/sh
# cover.sh — many plans at once (issue 11): plancover over BENCH_PLANS
# generated plans, against the ICU NFC floor of the same text, on one core
# and on two, and how the cost of plancover and planparse grows with the
# input.  A measurement, not a test: it always exits 0 unless something is
# missing.
#
# The plans: bench/gen_plans.py, variations of the two corpus plans (the
# province, numbers, dates changed; tasks dropped and shuffled), half of
# them Word files.  The floor: bench/icu_floor (u_strFromUTF8, then
# unorm2_normalize) over the text of all the plans one after another — for
# the Word half, the text they were written from, not their XML.
#
# Targets of the issue: plancover within 10x of the ICU NFC floor; peak
# RSS at most 200 MB for 1,000 plans; -j 2 at least 1.7x faster than -j 1.
#
# Run by `make bench` (after bench.sh) from the build directory.
# Environment:
#   top_srcdir     the source tree (default: this script's parent directory)
#   top_builddir   the build tree (default: the current directory)
#   BENCH_PLANS    plans generated (default 1000); the growth table runs
#                  on BENCH_PLANS/100, /10 and all of them
#   BENCH_ROUNDS   runs per measurement, the best is kept (default 3)
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
: "${BENCH_PLANS:=1000}"
: "${BENCH_ROUNDS:=3}"
VNPLAN_DATADIR=$top_srcdir/data
export VNPLAN_DATADIR
PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3

plancover=$top_builddir/tools/plancover
planparse=$top_builddir/tools/planparse
icu_floor=$top_builddir/bench/icu_floor
for p in "$plancover" "$planparse" "$icu_floor"; do
    if [ ! -x "$p" ]; then
        echo "cover.sh: $p not built (run 'make bench' in the build directory)" >&2
        exit 2
    fi
done
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "cover.sh: python3 is needed to generate the plans" >&2
    exit 2
fi
if [ "$BENCH_PLANS" -lt 100 ]; then
    echo "cover.sh: BENCH_PLANS must be at least 100" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vnplan-cover.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

now() { date +%s.%N; }
# measure CMD...: run CMD BENCH_ROUNDS times; prints "SECONDS RSS_KB CPU"
# — the wall time and CPU use (%, of one core) of the fastest run, the
# largest peak RSS of all runs; "-" for what there is no /usr/bin/time to
# give.  The wall time is taken around /usr/bin/time (whose %e counts in
# 10 ms steps).
if [ -x /usr/bin/time ]; then have_time=1; else have_time=0; fi
measure() {
    mi=0 best="" rss=0 cpu="-"
    while [ "$mi" -lt "$BENCH_ROUNDS" ]; do
        m0=$(now)
        if [ "$have_time" = 1 ]; then
            /usr/bin/time -o "$tmp/time" -f '%M %P' "$@" >/dev/null 2>"$tmp/err"
        else
            "$@" >/dev/null 2>"$tmp/err"
        fi || {
            echo "cover.sh: failed: $*" >&2
            sed 's/^/cover.sh:   /' "$tmp/err" | head -5 >&2
            exit 1
        }
        m1=$(now)
        mt=$(awk -v a="$m0" -v b="$m1" 'BEGIN { printf "%.4f", b - a }')
        mk=0 mp="-"
        [ "$have_time" = 1 ] && read -r mk mp <"$tmp/time"
        if [ -z "$best" ] || awk -v t="$mt" -v b="$best" 'BEGIN { exit !(t < b) }'; then
            best=$mt cpu=${mp%\%}
        fi
        [ "$mk" -gt "$rss" ] && rss=$mk
        mi=$((mi + 1))
    done
    [ "$have_time" = 1 ] || rss="-"
    echo "$best $rss $cpu"
}
# run_measure NAME CMD...: measure CMD into $tmp/NAME ("SECONDS RSS CPU"),
# stopping the script when CMD fails.
run_measure() { name=$1; shift; measure "$@" >"$tmp/$name" || exit 1; }
# bytes FILE...: their total size
bytes() { cat "$@" | wc -c; }

# ---------------------------------------------------------------- plans
N=$BENCH_PLANS
plans=$tmp/plans
"$PY" "$top_srcdir/bench/gen_plans.py" "$N" "$plans" --text-out "$tmp/all.txt"
ls "$plans" | sed "s|^|$plans/|" >"$tmp/list"
txt_bytes=$(bytes "$plans"/*.txt)
docx_bytes=$(bytes "$plans"/*.docx)
all_bytes=$(wc -c <"$tmp/all.txt")

# The ICU NFC floor over the text of every plan.
floor_line=$("$icu_floor" "$tmp/all.txt" "$BENCH_ROUNDS")
t_floor=$(echo "$floor_line" | sed -n 's/.*best \([0-9.]*\) s.*/\1/p')

# plancover on one core and on two (text report, to /dev/null).
run_measure j1 "$plancover" -j 1 "$plans"
read -r t1 rss1 cpu1 <"$tmp/j1"
run_measure j2 "$plancover" -j 2 "$plans"
read -r t2 rss2 cpu2 <"$tmp/j2"

awk -v n="$N" -v txt="$txt_bytes" -v docx="$docx_bytes" -v all="$all_bytes" \
    -v t1="$t1" -v r1="$rss1" -v c1="$cpu1" -v t2="$t2" -v r2="$rss2" -v c2="$cpu2" \
    -v fl="$t_floor" -v rounds="$BENCH_ROUNDS" 'BEGIN {
    mb = all / 1e6
    printf "\nplancover: %d generated plans, half text (%.1f MB), half DOCX (%.1f MB of\n", n, txt / 1e6, docx / 1e6
    printf "files); their text is %.1f MB (the NFC floor runs on it); best of %d runs\n\n", mb, rounds
    printf "%-18s %9s %9s %9s %12s %7s %12s\n", "", "seconds", "plans/s", "MB/s", "peak RSS MB", "CPU %", "time / NFC"
    printf "%-18s %9.3f %9.0f %9.1f %12s %7s %11.1fx\n", "plancover -j 1", t1, n / t1, mb / t1,
        (r1 == "-") ? "-" : sprintf("%.1f", r1 / 1024), c1, t1 / fl
    printf "%-18s %9.3f %9.0f %9.1f %12s %7s %11.1fx\n", "plancover -j 2", t2, n / t2, mb / t2,
        (r2 == "-") ? "-" : sprintf("%.1f", r2 / 1024), c2, t2 / fl
    printf "%-18s %9.3f %9s %9.1f %12s %7s %11.1fx\n", "ICU NFC floor", fl, "", mb / fl, "", "", 1
    sp = t1 / t2
    printf "\n-j 2 speedup over -j 1: %.2fx\n", sp
    printf "targets: within 10x of the ICU NFC floor: -j 1 %.1fx %s, -j 2 %.1fx %s\n",
        t1 / fl, (t1 / fl <= 10) ? "met" : "NOT met", t2 / fl, (t2 / fl <= 10) ? "met" : "NOT met"
    if (r1 != "-") {
        rr = (r1 > r2) ? r1 : r2
        printf "         peak RSS at most 200 MB for %d plans: %.1f MB %s%s\n", n, rr / 1024,
            (rr / 1024 <= 200) ? "met" : "NOT met", (n == 1000) ? "" : " (not 1,000 plans: BENCH_PLANS)"
    }
    printf "         -j 2 at least 1.7x faster than -j 1: %.2fx %s\n", sp, (sp >= 1.7) ? "met" : "NOT met"
}'

# ---------------------------------------------------------------- growth
# plancover -j 2 on the first N/100, N/10 and all N plans.
printf '\nplancover -j 2 as the input grows\n'
printf '%-6s %7s %10s %9s %9s %12s %9s %9s\n' "input" "plans" "files MB" "seconds" "ms/plan" \
    "peak RSS MB" "time/1x" "RSS/1x"
base_t="" base_r=""
for f in 1 10 100; do
    k=$((N * f / 100))
    if [ "$f" = 100 ]; then
        t=$t2 r=$rss2
    else
        run_measure g "$plancover" -j 2 $(head -n "$k" "$tmp/list")
        read -r t r _ <"$tmp/g"
    fi
    b=$(bytes $(head -n "$k" "$tmp/list"))
    [ -z "$base_t" ] && base_t=$t base_r=$r
    awk -v f="$f" -v k="$k" -v b="$b" -v t="$t" -v r="$r" -v bt="$base_t" -v br="$base_r" 'BEGIN {
        printf "%-6s %7d %10.2f %9.3f %9.2f %12s %8.1fx %8s\n", f "x", k, b / 1e6, t, t * 1000 / k,
            (r == "-") ? "-" : sprintf("%.1f", r / 1024), t / bt,
            (r == "-") ? "-" : sprintf("%.1fx", r / br) }'
done

# planparse --format=json on the two corpus plans, then 10 and 100 times
# them (whole files, concatenated).
printf '\nplanparse --format=json as the input grows (the corpus plans, repeated)\n'
printf '%-6s %10s %9s %9s %12s %9s %9s\n' "input" "MB" "seconds" "MB/s" "peak RSS MB" "time/1x" "RSS/1x"
cat "$top_srcdir"/corpus/khanhhoa.txt "$top_srcdir"/corpus/thanhhoa.txt >"$tmp/c1.txt"
: >"$tmp/c10.txt"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/c1.txt" >>"$tmp/c10.txt"; done
: >"$tmp/c100.txt"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/c10.txt" >>"$tmp/c100.txt"; done
base_t="" base_r=""
for f in 1 10 100; do
    run_measure g "$planparse" --format=json "$tmp/c$f.txt"
    read -r t r _ <"$tmp/g"
    [ -z "$base_t" ] && base_t=$t base_r=$r
    awk -v f="$f" -v b="$(wc -c <"$tmp/c$f.txt")" -v t="$t" -v r="$r" -v bt="$base_t" -v br="$base_r" 'BEGIN {
        printf "%-6s %10.2f %9.3f %9.1f %12s %8.1fx %8s\n", f "x", b / 1e6, t, b / 1e6 / t,
            (r == "-") ? "-" : sprintf("%.1f", r / 1024), t / bt,
            (r == "-") ? "-" : sprintf("%.1fx", r / br) }'
done
[ "$have_time" = 1 ] || echo "(no /usr/bin/time: no peak RSS or CPU use; Debian package 'time')"
exit 0
