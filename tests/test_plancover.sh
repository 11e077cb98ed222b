#!/bin/bash
# test_plancover.sh — plancover, the coverage matrix of many plans: its
# counts against planparse's own classification, the same output whatever
# -j, every format well-formed (the xlsx read back with openpyxl), bad
# files reported in one line each and skipped, grouping by province as of
# a date, and the HTML page laid out without horizontal overflow on a
# phone and a desktop (when Chromium is installed).
. "$top_srcdir/tests/env.sh"

PLANCOVER=$top_builddir/tools/plancover
PY=${PYTHON3:-python3}
# openpyxl may be installed for the system's python only (python3-openpyxl).
PYX=
for p in "$PY" python3 /usr/bin/python3; do
    command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null && { PYX=$p; break; }
done

# ---------------------------------------------------------------- counts
ok "plancover corpus/*.txt exits 0" "$PLANCOVER" -f json -o "$TMP/corpus.json" \
    "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt"
"$PLANPARSE" "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt" >"$TMP/parse.json"
ok "per plan and category, the counts are planparse's pillar ids" "$PY" -c '
import json, sys, collections
parsed = json.load(open(sys.argv[1], encoding="utf-8"))
cover = json.load(open(sys.argv[2], encoding="utf-8"))
want = {}
for f in parsed:
    docs = f["documents"]
    plan = max(docs, key=lambda d: len(d.get("tasks") or []))
    n = collections.Counter((t.get("pillar") or {}).get("id") for t in plan["tasks"])
    want[f["source"]["path"]] = n
bad = 0
assert len(cover["plans"]) == 2, "two plans"
for p in cover["plans"]:
    n = want[p["file"]]
    for c in p["cells"]:
        if c["tasks"] != n.get(c["category"], 0):
            print("#   %s %s: %d, planparse %d" % (p["file"], c["category"], c["tasks"],
                                                 n.get(c["category"], 0)))
            bad += 1
    if p["unclassified"] != n.get(None, 0):
        print("#   %s unclassified %d, planparse %d" % (p["file"], p["unclassified"], n.get(None, 0)))
        bad += 1
    if p["tasks"] != sum(n.values()):
        bad += 1
sys.exit(1 if bad else 0)' "$TMP/parse.json" "$TMP/corpus.json"
ok "columns: the five pillars first, then the other parts" "$PY" -c '
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))["categories"]
ids = [x["id"] for x in c]
sys.exit(0 if ids[:5] == ["gan_ket", "hoa_nhap", "ben_vung", "tu_cuong", "nang_dong"] and
         all(x["pillar"] for x in c[:5]) and not any(x["pillar"] for x in c[5:]) and
         c[0]["label"] == c[0]["label_vi"] else 1)' "$TMP/corpus.json"
ok "gaps are the empty cells, and summaries add up" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
empty = sorted((p["file"], c["category"]) for p in j["plans"] for c in p["cells"] if not c["tasks"])
gaps = sorted((g["file"], g["category"]) for g in j["gaps"])
ok = empty == gaps
for s in j["summary"]:
    ok = ok and s["tasks"] == sum(c["tasks"] for p in j["plans"] for c in p["cells"]
                                  if c["category"] == s["category"])
    ok = ok and s["plans"] == sum(1 for p in j["plans"] for c in p["cells"]
                                  if c["category"] == s["category"] and c["tasks"])
ok = ok and sum(p["tasks"] for p in j["provinces"]) == sum(p["tasks"] for p in j["plans"])
sys.exit(0 if ok else 1)' "$TMP/corpus.json"
ok "each filled cell names its tasks and lines, and its leads" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
ok = all(len(c["evidence"]) == c["tasks"] and all(e["line"] > 0 for e in c["evidence"])
         for p in j["plans"] for c in p["cells"])
ok = ok and any(c["leads"] for p in j["plans"] for c in p["cells"])
ok = ok and all(len(c["leads"]) == len(set(c["leads"])) for p in j["plans"] for c in p["cells"])
sys.exit(0 if ok else 1)' "$TMP/corpus.json"

# ---------------------------------------------------------------- -j
# A directory of plans under both frameworks, some in subdirectories.
mkdir -p "$TMP/plans/b/c"
cp "$CORPUS/khanhhoa.txt" "$TMP/plans/kh.txt"
cp "$CORPUS/thanhhoa.txt" "$TMP/plans/b/th.txt"
cp "$top_srcdir/tests/fixtures/plan155.txt" "$TMP/plans/b/c/p155.txt"
cp "$CORPUS/thanhhoa.txt" "$TMP/plans/b/c/th2.txt"
for f in text csv json markdown html; do
    ok "-f $f: -j 1 and -j 2 give the same bytes" eval '
        "$PLANCOVER" -j 1 -f $f "$TMP/plans" >"$TMP/j1.$f" 2>"$TMP/j1.err" &&
        "$PLANCOVER" -j 2 -f $f "$TMP/plans" >"$TMP/j2.$f" 2>"$TMP/j2.err" &&
        test -s "$TMP/j1.$f" && cmp -s "$TMP/j1.$f" "$TMP/j2.$f"'
done
ok "in a pipe, no progress on stderr" eval '! test -s "$TMP/j1.err" && ! test -s "$TMP/j2.err"'
ok "plans of different frameworks: the newer (qd155), the others mapped" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
ok = j["framework"]["id"] == "qd155" and j["framework"]["why"] == "newer"
ok = ok and len(j["plans"]) == 4 and sum(p["mapped"] for p in j["plans"]) == 3
sys.exit(0 if ok else 1)' "$TMP/j1.json"
ok "--framework=qd161 classifies every plan by Decision 161" "$PY" -c '
import json, subprocess, sys
j = json.loads(subprocess.run([sys.argv[1], "--framework=qd161", "-f", "json", sys.argv[2]],
                              capture_output=True, check=True).stdout)
sys.exit(0 if j["framework"]["id"] == "qd161" and j["framework"]["why"] == "option" and
         not any(p["mapped"] for p in j["plans"]) else 1)' "$PLANCOVER" "$TMP/plans"
ok "the directory is walked in name order, plans grouped by province" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
names = [g["name"] for g in j["provinces"]]
th = [p for p in j["plans"] if p["province"] == "Thanh Hóa"]
sys.exit(0 if names == sorted(names) and len(th) == 2 and
         [g["plans"] for g in j["provinces"] if g["name"] == "Thanh Hóa"] == [2] else 1)' "$TMP/j1.json"

# ---------------------------------------------------------------- formats
ok "CSV: well-formed, one row per plan and category, counts as in JSON" "$PY" -c '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
j = json.load(open(sys.argv[2], encoding="utf-8"))
head = rows[0]
ok = head[:3] == ["group", "province", "number"] and all(len(r) == len(head) for r in rows)
ok = ok and len(rows) - 1 == len(j["plans"]) * len(j["categories"])
want = [c["tasks"] for p in j["plans"] for c in p["cells"]]
ok = ok and [int(r[head.index("tasks")]) for r in rows[1:]] == want
sys.exit(0 if ok else 1)' "$TMP/j1.csv" "$TMP/j1.json"
ok "JSON: well-formed, schema 1" "$PY" -c '
import json, sys
sys.exit(0 if json.load(open(sys.argv[1], encoding="utf-8"))["schema"] == 1 else 1)' "$TMP/j1.json"
ok "Markdown: a table row per plan" eval '[ "$(grep -c "^| .*KH-UBND" "$TMP/j1.markdown")" -ge 4 ]'
ok "text: no line wider than 80 columns in a pipe" "$PY" -c '
import sys
sys.exit(0 if max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) <= 80 else 1)' "$TMP/j1.text"
ok "text: COLUMNS=60 is obeyed" eval 'COLUMNS=60 "$PLANCOVER" "$TMP/plans" >"$TMP/c60.txt" &&
    "$PY" -c "import sys; sys.exit(0 if max(len(l.rstrip(chr(10))) for l in open(sys.argv[1], encoding=\"utf-8\")) <= 60 else 1)" "$TMP/c60.txt"'
ok "-o FILE.html: the format from the extension" eval '"$PLANCOVER" -o "$TMP/cover.html" "$TMP/plans" &&
    grep -q "^<!DOCTYPE html>" "$TMP/cover.html"'
for ext in csv json md txt; do
    ok "-o FILE.$ext: the format from the extension" eval '
        "$PLANCOVER" -o "$TMP/by-ext.$ext" "$TMP/plans" && case $ext in
        csv) head -c 6 "$TMP/by-ext.csv" | grep -q "^group," ;;
        json) "$PY" -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/by-ext.json" ;;
        md) grep -q "^# " "$TMP/by-ext.md" && grep -q "^| --- |" "$TMP/by-ext.md" ;;
        txt) cmp -s "$TMP/by-ext.txt" "$TMP/j1.text" ;;
        esac'
done
ok "category labels in Vietnamese by default, in English with --lang=en" "$PY" -c '
import json, subprocess, sys
def cats(*args):
    out = subprocess.run([sys.argv[1], "-f", "json", *args, sys.argv[2]], capture_output=True,
                         check=True).stdout
    return json.loads(out)["categories"]
vi, en = cats(), cats("--lang=en")
ok = all(c["label"] == c["label_vi"] for c in vi)
ok = ok and all(c["label"] == (c["label_en"] or c["label_vi"]) for c in en)
ok = ok and vi[0]["label"] != en[0]["label"]
sys.exit(0 if ok else 1)' "$PLANCOVER" "$CORPUS/khanhhoa.txt"
ok "the text table has the legend of its codes" eval 'grep -q "^  P1  Xây dựng cộng đồng" "$TMP/j1.text" ||
    grep -q "^  P1  Cộng đồng" "$TMP/j1.text"'
ok "xlsx without -o is a usage error (2)" eval '"$PLANCOVER" -f xlsx "$TMP/plans" >/dev/null 2>&1; test $? -eq 2'
ok "-o FILE.xlsx writes a workbook" "$PLANCOVER" -o "$TMP/cover.xlsx" "$TMP/plans"
if [ -n "$PYX" ]; then
    ok "xlsx read back: the same numbers, tasks and gaps as JSON" "$PYX" -c '
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
j = json.load(open(sys.argv[2], encoding="utf-8"))
ok = wb.sheetnames == ["Ma trận", "Nhiệm vụ", "Thiếu"]
m = list(wb["Ma trận"].iter_rows(values_only=True))
ncat = len(j["categories"])
ok = ok and len(m) - 1 == len(j["plans"])
for row, p in zip(m[1:], j["plans"]):
    ok = ok and list(row[4:4 + ncat]) == [c["tasks"] for c in p["cells"]]
    ok = ok and row[3] == p["file"]
tasks = list(wb["Nhiệm vụ"].iter_rows(values_only=True))
ok = ok and len(tasks) - 1 == sum(p["tasks"] for p in j["plans"])
gaps = list(wb["Thiếu"].iter_rows(values_only=True))
ok = ok and len(gaps) - 1 == len(j["gaps"])
ok = ok and len(wb["Ma trận"].conditional_formatting) >= 1
sys.exit(0 if ok else 1)' "$TMP/cover.xlsx" "$TMP/j1.json"
else
    ok "xlsx read back # SKIP python3-openpyxl is not installed" true
fi

# ---------------------------------------------------------------- bad files
mkdir -p "$TMP/mixed"
cp "$CORPUS/khanhhoa.txt" "$TMP/mixed/a.txt"
cp "$CORPUS/thanhhoa.txt" "$TMP/mixed/b.txt"
head -c 3000 /dev/urandom >"$TMP/mixed/binary.bin"
printf '\0\0\0\0' >>"$TMP/mixed/binary.bin"
: >"$TMP/mixed/empty.txt"
ln -s "$TMP/mixed/missing-target" "$TMP/mixed/dangling.txt"
printf 'Ghi chú\n\nMột đoạn văn bản không phải là kế hoạch.\n' >"$TMP/mixed/note.txt"
# Hostile and foreign files, as test_tools_badinput.sh makes them.
MK=$top_srcdir/tests/make_docx.py
"$PY" "$MK" hostile doc "$TMP/mixed/word.doc"
"$PY" "$MK" hostile pdf "$TMP/mixed/scan.pdf"
"$PY" "$MK" hostile xxe "$TMP/mixed/xxe.docx"
"$PY" "$MK" hostile truncated "$TMP/mixed/cut.docx"
bad=8
if [ "$(id -u)" != 0 ]; then
    # As root chmod does not stop reading: only then is this unreadable.
    cp "$CORPUS/thanhhoa.txt" "$TMP/mixed/locked.txt"
    chmod 000 "$TMP/mixed/locked.txt"
    bad=9
fi
"$PLANCOVER" -j 2 -f json "$TMP/mixed" >"$TMP/mixed.json" 2>"$TMP/mixed.err"
rc=$?
ok "a directory with bad files: exit 1" test $rc -eq 1
ok "each bad file reported in one line" eval '[ "$(wc -l <"$TMP/mixed.err")" -eq $bad ] &&
    [ "$(grep -c "^plancover: $TMP/mixed/[a-z]*\.[a-z]*: " "$TMP/mixed.err")" -eq $bad ] &&
    grep -q "binary.bin" "$TMP/mixed.err" && grep -q "empty.txt" "$TMP/mixed.err" &&
    grep -q "dangling.txt" "$TMP/mixed.err" && grep -q "note.txt: no plan" "$TMP/mixed.err" &&
    grep -q "word.doc: .*Word 97" "$TMP/mixed.err" && grep -q "scan.pdf: .*PDF" "$TMP/mixed.err" &&
    grep -q "xxe.docx: .*DOCTYPE" "$TMP/mixed.err" && grep -q "cut.docx: " "$TMP/mixed.err" ||
    { sed "s/^/#   /" "$TMP/mixed.err"; false; }'
ok "the good plans are still covered" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if len(j["plans"]) == 2 and j["skipped"] == int(sys.argv[2]) else 1)' "$TMP/mixed.json" "$bad"
[ "$(id -u)" != 0 ] && chmod 600 "$TMP/mixed/locked.txt"
ok "a missing file: exit 1, one line" eval '"$PLANCOVER" "$TMP/nothing-here.txt" "$CORPUS/khanhhoa.txt" \
    >/dev/null 2>"$TMP/missing.err"; test $? -eq 1 && [ "$(wc -l <"$TMP/missing.err")" -eq 1 ]'
ok "--help: exit 0, and every option it lists is in the manual page" eval '
    "$PLANCOVER" --help >"$TMP/help" && "$PY" -c "
import re, sys
man = open(sys.argv[2], encoding=\"utf-8\").read().replace(chr(92) + \"-\", \"-\")
opts = set(re.findall(r\"--[a-z][a-z-]*\", open(sys.argv[1], encoding=\"utf-8\").read()))
missing = sorted(o for o in opts if o not in man)
print(\"\".join(\"#   not in the manual: \" + o + chr(10) for o in missing), end=\"\")
sys.exit(1 if missing else 0)" "$TMP/help" "$top_builddir/docs/plancover.1"'
ok "--version: the library version" eval '"$PLANCOVER" --version | grep -q "^plancover: vnplan "'
ok "bad -j: usage error (2)" eval '"$PLANCOVER" -j 0 "$CORPUS/khanhhoa.txt" >/dev/null 2>&1; test $? -eq 2'
ok "no input: usage error (2)" eval '"$PLANCOVER" >/dev/null 2>&1; test $? -eq 2'
ok "bad --as-of: usage error (2)" eval '"$PLANCOVER" --as-of=2025-02-30 "$CORPUS/khanhhoa.txt" >/dev/null 2>&1; test $? -eq 2'
ok "--as-of without provinces.tsv: data missing (3)" eval '
    mkdir -p "$TMP/nodata" && cp -r "$VNPLAN_DATADIR"/. "$TMP/nodata/" && rm "$TMP/nodata/provinces.tsv" &&
    "$PLANCOVER" --datadir="$TMP/nodata" --as-of=2025-07-01 "$CORPUS/khanhhoa.txt" >/dev/null 2>&1
    test $? -eq 3'

# ---------------------------------------------------------------- --as-of
# A plan of Ninh Thuận (a copy of the Khánh Hòa plan under that name):
# merged into Khánh Hòa on 2025-07-01.
mkdir -p "$TMP/merge"
cp "$CORPUS/khanhhoa.txt" "$TMP/merge/kh.txt"
sed 's/Khánh Hòa/Ninh Thuận/g; s/KHÁNH HÒA/NINH THUẬN/g' "$CORPUS/khanhhoa.txt" >"$TMP/merge/nt.txt"
cp "$CORPUS/thanhhoa.txt" "$TMP/merge/th.txt"
ok "without --as-of: three provinces" "$PY" -c '
import json, subprocess, sys
j = json.loads(subprocess.run([sys.argv[1], "-f", "json", sys.argv[2]], capture_output=True,
                              check=True).stdout)
sys.exit(0 if sorted(g["name"] for g in j["provinces"]) == ["Khánh Hòa", "Ninh Thuận", "Thanh Hóa"]
         else 1)' "$PLANCOVER" "$TMP/merge"
ok "--as-of=2025-07-01: Ninh Thuận grouped with Khánh Hòa, Thanh Hóa alone" "$PY" -c '
import json, subprocess, sys
j = json.loads(subprocess.run([sys.argv[1], "--as-of=2025-07-01", "-f", "json", sys.argv[2]],
                              capture_output=True, check=True).stdout)
g = {x["name"]: x["plans"] for x in j["provinces"]}
sys.exit(0 if g == {"Khánh Hòa": 2, "Thanh Hóa": 1} and j["as_of"] == "2025-07-01" else 1)' \
    "$PLANCOVER" "$TMP/merge"
ok "--as-of=2025-06-30: not yet merged" "$PY" -c '
import json, subprocess, sys
j = json.loads(subprocess.run([sys.argv[1], "--as-of=2025-06-30", "-f", "json", sys.argv[2]],
                              capture_output=True, check=True).stdout)
sys.exit(0 if len(j["provinces"]) == 3 else 1)' "$PLANCOVER" "$TMP/merge"
ok "provinces.tsv: 63 provinces become 34" "$PY" -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")
        if l.strip() and not l.startswith("#")]
reorg = [r for r in rows if r[2] == "2025-07-01"]
sys.exit(0 if all(len(r) == 3 for r in rows) and len(reorg) == 63 and
         len({r[1] for r in reorg}) == 34 else 1)' "$VNPLAN_DATADIR/provinces.tsv"

# ---------------------------------------------------------------- HTML layout
. "$top_srcdir/tests/html_layout.sh"
if [ -z "$CHROMIUM" ]; then
    ok "HTML layout # SKIP chromium is not installed" true
    done_testing
    exit
fi
# A wide matrix (qd155: 17 columns) and long names: no horizontal overflow.
PAGE=$TMP/cover.html
for width in 390 1280; do
    measure "$PAGE" $width
    ok "HTML at $width px: measured, no horizontal overflow" eval '
        grep -q "^END" "$TMP/result-$width" && grep -q "^OVERFLOW 0\$" "$TMP/result-$width" &&
        w=$(sed -n "s/^WIDTH //p" "$TMP/result-$width") && [ "$w" -le $width ] &&
        [ "$w" -ge $((width - 20)) ] || { sed "s/^/#   /" "$TMP/result-$width"; false; }'
done

done_testing
