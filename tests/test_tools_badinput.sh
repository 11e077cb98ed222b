#!/bin/bash
# test_tools_badinput.sh — every tool against the same bad inputs.
#
# planparse, plantasks and plandiff each get: a missing file, a directory,
# an empty file, binary data, invalid UTF-8, a Word 97 file, a PDF, a
# hostile Word file (XXE), a truncated one, a 20 MB line, a FIFO, and a
# bad file among good ones.  Each must end with its documented status, one
# line on stderr naming the file and the problem, no crash, and whatever
# the good inputs give (planparse and plantasks go on with the next file;
# plandiff, which needs both plans, stops with 2).  Inputs are made here.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
PLANTASKS=$top_builddir/tools/plantasks
PLANDIFF=$top_builddir/tools/plandiff
MK=$top_srcdir/tests/make_docx.py
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt
LIMIT=60        # a guard against hangs, not a speed check

# ------------------------------------------------------------ the inputs
B=$TMP/bad
mkdir -p "$B/dir"
: >"$B/empty.txt"
"$PY" -c 'import sys; sys.stdout.buffer.write(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)' \
    >"$B/binary.bin"
"$PY" -c 'import sys
good = "Kế hoạch thực hiện nhiệm vụ năm 2026.\n".encode() * 30
sys.stdout.buffer.write(good + b"T\xc3\xa1 \xff ch\n" + good)' >"$B/badutf8.txt"
"$PY" "$MK" hostile doc "$B/word97.doc"
"$PY" "$MK" hostile pdf "$B/scan.pdf"
"$PY" "$MK" hostile xxe "$B/xxe.docx"
"$PY" "$MK" hostile truncated "$B/cut.docx"
"$PY" -c 'import sys; sys.stdout.write("Tổ chức thực hiện " * (20 * 1024 * 1024 // 24) + "\n")' \
    >"$B/long.txt"

# NAME|FILE|REGEX of the message
CASES="missing|$B/missing.txt|no such file
directory|$B/dir|directory
empty|$B/empty.txt|empty|blank
binary|$B/binary.bin|binary|not (a )?text
invalid UTF-8|$B/badutf8.txt|UTF-8.*byte|byte.*UTF-8
Word 97|$B/word97.doc|Word 97.*soffice
PDF|$B/scan.pdf|PDF.*pdftotext
XXE in a Word file|$B/xxe.docx|DOCTYPE
truncated Word file|$B/cut.docx|damaged|cut short|cannot be opened
20 MB line|$B/long.txt|line-bytes limit.*--limit"

# run TOOL ARGS...: leaves $rc, $TMP/out, $TMP/err
run() {
    timeout "$LIMIT" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}
show() { sed 's/^/#   stderr: /' "$TMP/err" | head -4; }
verdict() {     # verdict WANT-STATUS FILE REGEX PROG
    if [ "$rc" -eq 124 ] || [ "$rc" -ge 128 ]; then echo "#   hang or signal ($rc)"; return 1; fi
    if grep -Eq 'Sanitizer|runtime error:' "$TMP/err"; then show; return 1; fi
    [ "$rc" -eq "$1" ] || { echo "#   exit $rc, want $1"; show; return 1; }
    [ "$(wc -l <"$TMP/err")" -eq 1 ] || { echo "#   not one line on stderr"; show; return 1; }
    grep -Fq "$4: $2: " "$TMP/err" || { echo "#   the line does not name $2"; show; return 1; }
    grep -Eiq "$3" "$TMP/err" || { echo "#   the line does not match /$3/"; show; return 1; }
}
# the good file's output is still there
tasks_of_k() { grep -q '12127/KH-UBND' "$TMP/out" || { echo "#   good file lost"; false; }; }
json_of_k() { "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if isinstance(d, list) and len(d) == 1 and d[0]["documents"] else 1)' "$TMP/out" ||
    { echo "#   good file lost"; false; }; }

while IFS='|' read -r name file re; do
    run "$PLANPARSE" "$K" "$file"
    ok "planparse, $name: status 1, one line, the good file still parsed" \
        eval 'verdict 1 "$file" "$re" planparse && json_of_k'
    run "$PLANTASKS" "$file" "$K"
    ok "plantasks, $name: status 1, one line, the good file's tasks still out" \
        eval 'verdict 1 "$file" "$re" plantasks && tasks_of_k'
    run "$PLANDIFF" "$K" "$file"
    ok "plandiff, $name: status 2, one line" verdict 2 "$file" "$re" plandiff
    run "$PLANDIFF" "$file" "$T"
    ok "plandiff, $name as the first plan: status 2, one line" verdict 2 "$file" "$re" plandiff
done <<EOF_CASES
$CASES
EOF_CASES

# The 20 MB line is read whole when the limit allows it.
run "$PLANPARSE" --limit=line-bytes=32M --format=tree "$B/long.txt"
ok "planparse --limit=line-bytes=32M reads the 20 MB line" \
    eval '[ "$rc" -eq 0 ] && grep -q "^plan " "$TMP/out"'
run "$PLANTASKS" --limit=line-bytes=1 "$K"
ok "a limit of one byte is a limit: plantasks says which" \
    eval '[ "$rc" -eq 1 ] && grep -q "line-bytes limit of 1 " "$TMP/err"'
# A limit that changes the result says so: 40 decisions cited, 10 kept.
{
    printf 'ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 5/KH-UBND\nKẾ HOẠCH\nThực hiện các quyết định\n'
    printf 'I. CĂN CỨ\n'
    for i in $(seq 1 40); do printf -- '- Quyết định số %d/QĐ-UBND ngày 2/3/2024 của UBND tỉnh;\n' "$i"; done
} >"$B/refs.txt"
run "$PLANPARSE" --limit=references=10 "$B/refs.txt"
refs_capped() { "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
refs = d["documents"][0]["references"]
warn = [w for w in d["warnings"] if w["code"] == "references-limit"]
ok = len(refs) == 10 and len(warn) == 1 and "30 mentions" in warn[0]["message"]
print("#   %d references, warnings %s" % (len(refs), warn))
sys.exit(0 if ok else 1)' "$TMP/out"; }
ok "references over the limit: 10 kept, the other 30 counted in a warning" refs_capped
run "$PLANPARSE" "$B/refs.txt"
ok "references under the default limit: all 40, no warning" eval '"$PY" -c "
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if len(d[\"documents\"][0][\"references\"]) == 40 else 1)" "$TMP/out"'

for tool in "$PLANPARSE" "$PLANTASKS" "$PLANDIFF"; do
    run "$tool" --limit=pages=3 "$K" "$T"
    ok "$(basename "$tool"): an unknown limit is bad usage" \
        eval '[ "$rc" -eq 2 ] && grep -q "unknown limit .pages." "$TMP/err"'
    run "$tool" --limit=depth=many "$K" "$T"
    ok "$(basename "$tool"): a limit that is not a number is bad usage" \
        eval '[ "$rc" -eq 2 ] && grep -q "invalid value" "$TMP/err"'
done

# FIFOs: read as a stream, like standard input.
mkfifo "$B/fifo1" "$B/fifo2"
cat "$K" >"$B/fifo1" &
run "$PLANPARSE" --format=tree "$B/fifo1"
ok "planparse reads a FIFO" eval '[ "$rc" -eq 0 ] && grep -q "12127/KH-UBND" "$TMP/out"'
wait
cat "$K" >"$B/fifo1" &
run "$PLANTASKS" "$B/fifo1"
ok "plantasks reads a FIFO" eval '[ "$rc" -eq 0 ] && tasks_of_k'
wait
cat "$K" >"$B/fifo1" &
cat "$T" >"$B/fifo2" &
run "$PLANDIFF" --format=json "$B/fifo1" "$B/fifo2"
ok "plandiff reads two FIFOs" eval '[ "$rc" -eq 1 ] && grep -q "\"pillars\"" "$TMP/out"'
wait

# A file removed between the start of the run and its turn: plantasks
# reads its inputs one after another, so a FIFO holds it back while the
# next file is removed.
cp "$T" "$B/going.txt"
( sleep 1; rm -f "$B/going.txt"; cat "$K" >"$B/fifo1" ) &
run "$PLANTASKS" "$B/fifo1" "$B/going.txt"
ok "plantasks: a file removed mid-run is reported, the rest kept" \
    eval 'verdict 1 "$B/going.txt" "no such file" plantasks && tasks_of_k'
wait

done_testing
