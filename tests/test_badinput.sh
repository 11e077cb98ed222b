#!/bin/bash
# test_badinput.sh — planparse against hostile and broken input.
#
# Every case runs under a hang guard and checks three things: the exit
# status is the documented one (1 bad input, 2 bad usage, or 0 with valid
# JSON), a failure says so in exactly one line on stderr naming the file,
# and nothing crashed (no signal, no sanitizer report).  Inputs are made
# here, deterministically, in $TMP.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
# A guard against hangs, not a speed check (that is bench/bench.sh): far
# above any run, even under the sanitizers.
LIMIT=60
OUT=$TMP/out
ERR=$TMP/err

# pp ARGS...: run planparse; leaves $rc, $OUT and $ERR.
pp() {
    timeout "$LIMIT" "$PLANPARSE" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# Checks on the last run.
status_is() { [ "$rc" -eq "$1" ] || { echo "#   exit status $rc, want $1"; show_err; false; }; }
show_err() { sed 's/^/#   stderr: /' "$ERR" | head -5; }
no_crash() {
    if [ "$rc" -eq 124 ]; then echo "#   timed out after ${LIMIT}s"; return 1; fi
    if [ "$rc" -ge 128 ]; then echo "#   killed by signal $((rc - 128))"; return 1; fi
    if grep -Eq 'ERROR: [A-Za-z]*Sanitizer|runtime error:' "$ERR"; then
        echo "#   sanitizer report:"; show_err; return 1
    fi
}
# one_line FILE REGEX: stderr is a single line "planparse: FILE: ..." that
# matches REGEX (case-insensitive).
one_line() {
    local n
    n=$(wc -l <"$ERR")
    [ "$n" -eq 1 ] || { echo "#   $n lines on stderr, want 1"; show_err; return 1; }
    grep -Fq "planparse: $1: " "$ERR" || { echo "#   stderr does not name $1"; show_err; return 1; }
    grep -Eiq "$2" "$ERR" || { echo "#   stderr does not match /$2/"; show_err; return 1; }
}
# usage_line REGEX: a usage error is one diagnostic line, optionally
# followed by "Try 'planparse --help'.".
usage_line() {
    head -n 1 "$ERR" | grep -Eiq "$1" || { echo "#   first line does not match /$1/"; show_err; return 1; }
    [ "$(sed 1d "$ERR" | grep -cv "^Try 'planparse --help'\.\$")" -eq 0 ] ||
        { echo "#   more than a diagnostic on stderr"; show_err; return 1; }
}
json_ok() { "$PY" -c 'import json,sys; json.load(sys.stdin)' <"${1:-$OUT}"; }
stdout_empty() { [ ! -s "$OUT" ] || { echo "#   output on stdout"; false; }; }

# fails NAME STATUS FILE REGEX ARGS...: the run fails with STATUS and one
# line on stderr about FILE matching REGEX.
fails() {
    local name=$1 want=$2 file=$3 re=$4
    shift 4
    pp "$@"
    ok "$name: exit status $want" status_is "$want"
    ok "$name: one line on stderr naming the file" one_line "$file" "$re"
    ok "$name: nothing on stdout" stdout_empty
    ok "$name: no crash" no_crash
}
# parses NAME ARGS...: the run succeeds with valid JSON.
parses() {
    local name=$1
    shift
    pp "$@"
    ok "$name: exit status 0" status_is 0
    ok "$name: valid JSON" json_ok
    ok "$name: no crash" no_crash
}
# usage NAME REGEX ARGS...: bad usage, exit 2.
usage() {
    local name=$1 re=$2
    shift 2
    pp "$@"
    ok "$name: exit status 2" status_is 2
    ok "$name: diagnostic on stderr" usage_line "$re"
    ok "$name: no crash" no_crash
}

# ------------------------------------------------------------ unreadable
fails "missing file" 1 "$TMP/missing.txt" 'no such file|cannot open' "$TMP/missing.txt"
mkdir "$TMP/dir"
fails "directory" 1 "$TMP/dir" 'directory' "$TMP/dir"

# ------------------------------------------------------------ no text
: >"$TMP/empty.txt"
fails "empty file" 1 "$TMP/empty.txt" 'empty|blank' "$TMP/empty.txt"
printf '\n\n   \n\t\n\r\n\n' >"$TMP/blank.txt"
fails "blank lines only" 1 "$TMP/blank.txt" 'empty|blank|no text' "$TMP/blank.txt"
printf '\357\273\277' >"$TMP/bom.txt"
fails "a UTF-8 BOM only" 1 "$TMP/bom.txt" 'empty|blank|no text' "$TMP/bom.txt"

# ------------------------------------------------------------ not text
# Deterministic binary: a header, NUL bytes and every byte value.
"$PY" -c '
import sys
sys.stdout.buffer.write(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16 + b"\x00" * 512)
' >"$TMP/binary.bin"
fails "binary data" 1 "$TMP/binary.bin" 'binary|not (a )?text' "$TMP/binary.bin"

# Vietnamese UTF-8 text with one stray byte; the message gives its offset.
"$PY" -c '
import sys
good = "Kế hoạch thực hiện Đề án, giai đoạn 2021–2025.\n".encode() * 40
before = "Tổ ch".encode()
sys.stdout.buffer.write(good + before + b"\xff\xfe" + "ức thực hiện\n".encode() + good)
print(len(good) + len(before), file=sys.stderr)
' >"$TMP/badutf8.txt" 2>"$TMP/badutf8.offset"
fails "invalid UTF-8" 1 "$TMP/badutf8.txt" "byte $(cat "$TMP/badutf8.offset")" "$TMP/badutf8.txt"

# UTF-16 with a BOM but an odd number of bytes.
printf '\377\376K\000H\000\n' >"$TMP/odd16.txt"
fails "truncated UTF-16" 1 "$TMP/odd16.txt" 'UTF-16' "$TMP/odd16.txt"

# ------------------------------------------------------------ pathological
# A 20 MB single line: over the default line-bytes limit (1 MiB), an
# error that names the limit and the option; read whole when raised.
"$PY" -c '
import sys
sys.stdout.write("Số lượng cán bộ " * (20 * 1024 * 1024 // 20) + "\n")
' >"$TMP/long.txt"
fails "20 MB line" 1 "$TMP/long.txt" 'line-bytes limit of 1048576 \(see --limit\)' "$TMP/long.txt"
parses "20 MB line, --limit=line-bytes=32M" --limit=line-bytes=32M "$TMP/long.txt"

# 10,000 bullets, each indented further and with more markers.
"$PY" -c '
import sys
sys.stdout.write("".join(" " * (i % 1000) + "- " * (1 + i % 20) + "x\n" for i in range(10000)))
' >"$TMP/bullets.txt"
parses "10,000 nested bullets" "$TMP/bullets.txt"

# 10,000 numbered headings 1.1.1... nesting ever deeper (to 1,000 levels),
# then one 10,000 levels deep.
"$PY" -c '
import sys
w = sys.stdout.write
for i in range(10000):
    w(".".join(["1"] * (1 + i % 1000)) + ". Mục\n")
w(".".join(["1"] * 10000) + ". Cuối\n")
' >"$TMP/deep.txt"
parses "10,000 deep numbered headings" "$TMP/deep.txt"
pp --format=tree "$TMP/deep.txt"
ok "deep numbered headings: tree renders" status_is 0
ok "deep numbered headings: tree, no crash" no_crash

# 60,000 page breaks (form feeds) in 1.5 MB: running header and footer
# detection must not compare every pair of pages.  The limit only guards
# against a hang; timings are measured in bench/.
"$PY" -c '
import sys
sys.stdout.write("".join("Dòng %d của trang\n\f" % i for i in range(60000)))
' >"$TMP/pages.txt"
pp "$TMP/pages.txt"
ok "60,000 page breaks: parsed, valid JSON" eval '[ "$rc" -eq 0 ] && json_ok'

# Markdown markup and nothing else.
printf '**\n#\n## **\n***\n---\n|  |  |\n> \n' >"$TMP/markup.txt"
pp "$TMP/markup.txt"
markup_ok() {
    if [ "$rc" -eq 0 ]; then json_ok; else status_is 1 && one_line "$TMP/markup.txt" '.'; fi
}
ok "markup only: valid JSON or a one-line error" markup_ok
ok "markup only: no crash" no_crash

# ------------------------------------------------------------ usage
usage "unknown --format" 'format' --format=yaml "$CORPUS/khanhhoa.txt"
usage "unknown --encoding" 'encoding' --encoding=no-such-charset "$CORPUS/khanhhoa.txt"
usage "no arguments" 'no input file'
usage "unknown option" 'unrecognized|unknown|invalid' --no-such-option "$CORPUS/khanhhoa.txt"

pp --help
ok "--help: exit status 0" status_is 0
ok "--help: Usage on stdout" grep -q '^Usage' "$OUT"
ok "--help: nothing on stderr" test ! -s "$ERR"

pp --version
ok "--version: exit status 0" status_is 0
ok "--version: names ICU and PCRE2" eval 'grep -q ICU "$OUT" && grep -q PCRE2 "$OUT"'

# ------------------------------------------------------------ files and streams
K=$CORPUS/khanhhoa.txt
# Same JSON from "-" as from the file, apart from source.path.
same_json_but_path() {
    "$PY" - "$1" "$2" <<'EOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for d in (a, b):
    d["source"].pop("path", None)
sys.exit(0 if a == b else 1)
EOF
}
timeout "$LIMIT" "$PLANPARSE" "$K" >"$TMP/file.json" 2>/dev/null
timeout "$LIMIT" "$PLANPARSE" - <"$K" >"$TMP/stdin.json" 2>/dev/null
ok "stdin: same JSON as the file apart from source.path" \
    same_json_but_path "$TMP/file.json" "$TMP/stdin.json"

pp -o "$TMP/o.json" "$K"
ok "-o FILE: exit status 0" status_is 0
ok "-o FILE: nothing on stdout" stdout_empty
ok "-o FILE: the file holds the JSON" cmp -s "$TMP/o.json" "$TMP/file.json"
fails "-o into a missing directory" 1 "$TMP/nodir/o.json" 'cannot write|no such' \
    -o "$TMP/nodir/o.json" "$K"

array_of() { "$PY" -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(0 if isinstance(d, list) and len(d) == int(sys.argv[1]) else 1)' "$1" <"$OUT"; }
pp "$K" "$K"
ok "a file given twice: exit status 0" status_is 0
ok "a file given twice: a JSON array of 2" array_of 2

pp "$K" "$TMP/missing.txt"
ok "a good file and a missing one: exit status 1" status_is 1
ok "a good file and a missing one: one line naming the missing file" \
    one_line "$TMP/missing.txt" 'no such file|cannot open'
ok "a good file and a missing one: the good one still in a JSON array" array_of 1

# Scaling, measured as a ratio in this run (never wall-clock): a line of
# many unclosed "<sub>" tags, and a header cut into many fragments, each at
# twice the size, must take about twice the time, not four times.
scaling_ok() {   # scaling_ok PYTHON-EXPRESSION-MAKING-A-TEXT-OF-n
    "$PY" - "$PLANPARSE" "$1" <<'EOF'
import os, subprocess, sys, time
exe, make = sys.argv[1], sys.argv[2]
def cost(n):
    path = os.environ.get("TMPDIR", "/tmp") + "/vnplan-scaling.txt"
    with open(path, "w", encoding="utf-8") as f:
        f.write(eval(make, {"n": n}))
    best = None
    for _ in range(3):
        t0 = time.process_time()
        t1 = time.perf_counter()
        subprocess.run([exe, "--format=tree", path], capture_output=True)
        took = time.perf_counter() - t1
        best = took if best is None else min(best, took)
    os.remove(path)
    return best
small, large = cost(100000), cost(200000)
ratio = large / small
print("#   %.3fs, then %.3fs: ratio %.2f" % (small, large, ratio))
sys.exit(0 if ratio < 3.0 else 1)
EOF
}
ok "a line of unclosed <sub> tags: linear" scaling_ok '"<sub>x " * n + "\n"'
ok "a header cut into fragments: linear" \
    scaling_ok '"CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CỘNG\n" * (n // 20)'

done_testing
