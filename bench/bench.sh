#!/bin/sh
# bench.sh — how fast is planparse, against the floor set by NFC alone?
#
# Builds a large input (the corpus plans concatenated until it is about
# BENCH_MB megabytes), times planparse --format=json and --format=tree on
# it (best of BENCH_ROUNDS runs), times utf8proc NFC normalization of the
# same bytes (bench/nfc_floor), and prints MB/s for each and the ratio
# parse time / NFC time.  The target is a parse within 5x of the floor.
# A measurement, not a test: it always exits 0 unless something is missing.
#
# Run by `make bench` from the build directory.  Environment:
#   top_srcdir     the source tree (default: this script's parent directory)
#   top_builddir   the build tree (default: the current directory)
#   BENCH_MB       input size in MB (default 20)
#   BENCH_ROUNDS   runs per measurement, the best is kept (default 3)
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
: "${BENCH_MB:=20}"
: "${BENCH_ROUNDS:=3}"
VNPLAN_DATADIR=$top_srcdir/data
export VNPLAN_DATADIR

planparse=$top_builddir/tools/planparse
nfc_floor=$top_builddir/bench/nfc_floor
for p in "$planparse" "$nfc_floor"; do
    if [ ! -x "$p" ]; then
        echo "bench.sh: $p not built (run 'make bench' in the build directory)" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vnplan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The input: whole corpus files, repeated, so every document stays intact.
input=$tmp/input.txt
want=$((BENCH_MB * 1000 * 1000))
: >"$input"
size=0
while [ "$size" -lt "$want" ]; do
    cat "$top_srcdir"/corpus/*.txt >>"$input"
    size=$(wc -c <"$input")
done
size=$(wc -c <"$input")

now() { date +%s.%N; }
# best_of CMD...: the shortest wall time of BENCH_ROUNDS runs, in seconds.
best_of() {
    best=""
    i=0
    while [ "$i" -lt "$BENCH_ROUNDS" ]; do
        t0=$(now)
        if ! "$@" >/dev/null 2>"$tmp/err"; then
            echo "bench.sh: failed: $*" >&2
            sed 's/^/bench.sh:   /' "$tmp/err" >&2
            exit 1
        fi
        t1=$(now)
        best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
            'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.4f", best }')
        i=$((i + 1))
    done
    echo "$best"
}

t_json=$(best_of "$planparse" --format=json "$input")
t_tree=$(best_of "$planparse" --format=tree "$input")
t_text=$(best_of "$planparse" --format=text "$input")
# nfc_floor times the normalization alone (no process start, no reading).
floor_line=$("$nfc_floor" "$input" "$BENCH_ROUNDS")
t_nfc=$(echo "$floor_line" | sed -n 's/.*best \([0-9.]*\) s.*/\1/p')
# The same floor with ICU (u_strFromUTF8 + unorm2_normalize), when built.
t_icu=""
if [ -x "$top_builddir/bench/icu_floor" ]; then
    icu_line=$("$top_builddir/bench/icu_floor" "$input" "$BENCH_ROUNDS")
    t_icu=$(echo "$icu_line" | sed -n 's/.*best \([0-9.]*\) s.*/\1/p')
fi

awk -v bytes="$size" -v json="$t_json" -v tree="$t_tree" -v text="$t_text" -v nfc="$t_nfc" \
    -v icu="$t_icu" -v rounds="$BENCH_ROUNDS" 'BEGIN {
    mb = bytes / 1e6
    printf "input: %.1f MB (corpus plans concatenated), best of %d runs\n\n", mb, rounds
    printf "%-24s %10s %10s %14s %14s\n", "", "seconds", "MB/s", "time / NFC", "time / ICU"
    row("planparse --format=json", json); row("planparse --format=tree", tree)
    row("planparse --format=text", text)
    row("NFC floor (utf8proc)", nfc)
    if (icu != "") row("NFC floor (ICU)", icu)
    printf "\ntarget: parse within 5x of the NFC floor (utf8proc): json %s, tree %s\n",
        json / nfc <= 5 ? "met" : "NOT met", tree / nfc <= 5 ? "met" : "NOT met"
}
function row(name, t) {
    printf "%-24s %10.3f %10.1f %13.1fx %14s\n", name, t, mb / t, t / nfc,
        (icu == "") ? "-" : sprintf("%.1fx", t / icu)
}'

# Peak memory of planparse --format=json on the same input: it writes each
# document's JSON as it is read, so the peak is the input, its text and
# blocks, and one document, not every document's tree.
if [ -x /usr/bin/time ]; then
    rss=$(/usr/bin/time -f %M "$planparse" --format=json "$input" 2>&1 >/dev/null | tail -1)
    awk -v kb="$rss" -v bytes="$size" 'BEGIN {
        printf "\nplanparse --format=json peak RSS: %.1f MB for %.1f MB of input (%.1fx)\n",
            kb / 1024, bytes / 1e6, kb * 1024 / bytes }'
    # Issue 11's target: input + 3x the largest document + a constant.  The
    # constant: planparse on a one-line plan (libraries and data loaded);
    # the largest document: at most the largest corpus file.
    echo "Số: 1/KH-UBND" >"$tmp/tiny.txt"
    base=$(/usr/bin/time -f %M "$planparse" --format=json "$tmp/tiny.txt" 2>&1 >/dev/null | tail -1)
    largest=$(for f in "$top_srcdir"/corpus/*.txt; do wc -c <"$f"; done | sort -n | tail -1)
    awk -v kb="$rss" -v bytes="$size" -v base="$base" -v doc="$largest" 'BEGIN {
        want = bytes + 3 * doc + base * 1024
        printf "target: at most input + 3x largest document (%.2f MB) + constant (%.1f MB) = %.1f MB: %s\n",
            doc / 1e6, base / 1024, want / 1048576, (kb * 1024 <= want) ? "met" : "NOT met" }'
fi

# plandiff: the corpus pair end to end (target: under 50 ms), and two plans
# 20 times the corpus size — each plan's task part repeated 20 times inside
# one document — to show that pairing does not grow quadratically.
plandiff=$top_builddir/tools/plandiff
if [ -x "$plandiff" ]; then
    scale() {   # scale IN OUT N: repeat the task part (III. up to IV.) N times
        awk -v n="$3" '
            /^[#* ]*III\. /            { inpart = 1 }
            /^[#* ]*IV\. / && inpart    { for (k = 1; k < n; k++) printf "%s", part; inpart = 0 }
            { print; if (inpart) part = part $0 "\n" }' "$1" >"$2"
    }
    scale "$top_srcdir/corpus/khanhhoa.txt" "$tmp/a20.txt" 20
    scale "$top_srcdir/corpus/thanhhoa.txt" "$tmp/b20.txt" 20
    # plandiff exits 1 when the plans differ: that is success here.
    diff_run() { "$plandiff" --format=json "$@" || [ $? -eq 1 ]; }
    t_pair=$(best_of diff_run "$top_srcdir/corpus/khanhhoa.txt" "$top_srcdir/corpus/thanhhoa.txt")
    t_20=$(best_of diff_run "$tmp/a20.txt" "$tmp/b20.txt")
    awk -v p="$t_pair" -v t="$t_20" -v ka="$(wc -c <"$tmp/a20.txt")" \
        -v kb="$(wc -c <"$tmp/b20.txt")" 'BEGIN {
        printf "\n%-34s %10s\n", "plandiff --format=json", "ms"
        printf "%-34s %10.1f   (target: under 50 ms: %s)\n", "corpus pair, end to end", p * 1000,
            p <= 0.05 ? "met" : "NOT met"
        printf "%-34s %10.1f   (%.1f + %.1f MB; %.1fx the pair)\n", "plans 20x the corpus",
            t * 1000, ka / 1e6, kb / 1e6, t / p
    }'
fi

# DOCX: a Word file whose document.xml is about BENCH_DOCX_MB megabytes
# (the corpus plans written by tests/make_docx.py: numbered lists, bold
# runs, tables), read to text and parsed whole, beside pandoc reading the
# same file to plain text when pandoc is installed.  Throughput is counted
# in MB of document.xml per second.
: "${BENCH_DOCX_MB:=5}"
PY=${PYTHON3:-python3}
if command -v "$PY" >/dev/null 2>&1; then
    docx_text=$tmp/docx-input.txt
    : >"$docx_text"
    # the XML is about 1.3 times the text: stop a little past the target
    want=$((BENCH_DOCX_MB * 1000 * 1000 * 10 / 13))
    while [ "$(wc -c <"$docx_text")" -lt "$want" ]; do
        cat "$top_srcdir"/corpus/*.txt >>"$docx_text"
    done
    "$PY" "$top_srcdir/tests/make_docx.py" plan "$docx_text" "$tmp/big.docx"
    xml_bytes=$("$PY" -c 'import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).getinfo("word/document.xml").file_size)' "$tmp/big.docx")
    t_dtext=$(best_of "$planparse" --format=text "$tmp/big.docx")
    t_djson=$(best_of "$planparse" --format=json "$tmp/big.docx")
    t_pandoc=""
    if command -v pandoc >/dev/null 2>&1; then
        # pandoc is slow: one run is enough to know its speed
        t_pandoc=$(BENCH_ROUNDS=1 best_of pandoc -f docx -t plain "$tmp/big.docx")
    fi
    awk -v x="$xml_bytes" -v zip="$(wc -c <"$tmp/big.docx")" -v text="$t_dtext" \
        -v json="$t_djson" -v pandoc="$t_pandoc" 'BEGIN {
        mb = x / 1e6
        printf "\nDOCX: document.xml %.1f MB (file %.1f MB)\n", mb, zip / 1e6
        printf "%-30s %10s %10s %14s\n", "", "seconds", "MB/s", "vs pandoc"
        if (pandoc != "") {
            printf "%-30s %10.3f %10.1f %13.0fx\n", "planparse --format=text", text, mb / text, pandoc / text
            printf "%-30s %10.3f %10.1f %13.0fx\n", "planparse --format=json", json, mb / json, pandoc / json
            printf "%-30s %10.3f %10.2f %14s\n", "pandoc -f docx -t plain", pandoc, mb / pandoc, "1x"
            printf "\ntarget: at least 100x pandoc: text %s, json %s\n",
                (pandoc / text >= 100) ? "met" : "NOT met", (pandoc / json >= 100) ? "met" : "NOT met"
        } else {
            printf "%-30s %10.3f %10.1f %14s\n", "planparse --format=text", text, mb / text, "-"
            printf "%-30s %10.3f %10.1f %14s\n", "planparse --format=json", json, mb / json, "-"
            printf "(pandoc is not installed: no comparison)\n"
        }
    }'
fi

# Pathological input: one line of 1 MiB (the line-bytes limit) holding
# many unclosed "<sub>" tags, which once cost a rescan of the rest of the
# line per tag (minutes); now one pass.  Target: under a second.
PY=${PYTHON3:-python3}
if command -v "$PY" >/dev/null 2>&1; then
    "$PY" -c 'import sys; s = "<sub>x " * (1048000 // 7); sys.stdout.write(s + "\n")' \
        >"$tmp/sub.txt"
    t_sub=$(best_of "$planparse" --format=tree "$tmp/sub.txt")
    awk -v t="$t_sub" -v b="$(wc -c <"$tmp/sub.txt")" 'BEGIN {
        printf "\na line of %.2f MB of unclosed <sub> tags: %.3f s (target: under 1 s: %s)\n",
            b / 1048576, t, (t < 1) ? "met" : "NOT met" }'
fi
