#!/bin/bash
# test_docx_real.sh — Word files written by programs other than ours:
# tests/fixtures/docx/ holds the corpus plans and plan155 converted by
# pandoc (from Markdown: "1." and "a)" lines become Word lists, their
# labels only in numbering.xml, line breaks inside a paragraph) and by
# LibreOffice (from the text: one paragraph per line, labels literal),
# and a plan with a task-assignment table (pandoc, from a pipe table).
# tests/fixtures/make_real_docx.sh remakes them.  Each must give what its
# text gives: documents, number, date, kind, title, sections, task count.
# Then the tasks of the task-assignment table (lib/extract/tasks.c).
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
FX=$top_srcdir/tests/fixtures
CMP=$top_srcdir/tests/docx_compare.py

same() {        # same TEXT DOCX [--no-title]
    "$PLANPARSE" "$1" >"$TMP/t.json" && "$PLANPARSE" "$2" >"$TMP/d.json" &&
        "$PY" "$CMP" $3 "$TMP/t.json" "$TMP/d.json"
}
for w in pandoc lo; do
    ok "$w: khanhhoa as DOCX gives what the text gives" \
        same "$CORPUS/khanhhoa.txt" "$FX/docx/$w-khanhhoa.docx"
    # The title of the second Thanh Hóa document is cut by stamp text
    # ("ngày: 19/7/16") on lines with Markdown hard breaks: pandoc turns
    # "...." into an ellipsis the stamp reading does not know, LibreOffice
    # makes every line a paragraph; both come from the writer.
    ok "$w: thanhhoa as DOCX gives what the text gives (title aside)" \
        same "$CORPUS/thanhhoa.txt" "$FX/docx/$w-thanhhoa.docx" --no-title
    ok "$w: plan155 as DOCX gives what the text gives" \
        same "$FX/plan155.txt" "$FX/docx/$w-plan155.docx"
done
ok "task table (pandoc) gives what the text gives" \
    same "$FX/docx/table.txt" "$FX/docx/pandoc-table.docx"

# What makes the fixtures worth keeping.
zipgrep() { "$PY" -c '
import sys, zipfile
d = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
sys.exit(0 if eval(sys.argv[2]) else 1)' "$@"; }
ok "pandoc: list labels only in numbering.xml" \
    zipgrep "$FX/docx/pandoc-khanhhoa.docx" '"a) Tiếp tục" not in d and d.count("<w:numPr>") > 50'
ok "pandoc: line breaks inside paragraphs" \
    zipgrep "$FX/docx/pandoc-thanhhoa.docx" 'd.count("<w:br />") > 5'
ok "LibreOffice: labels literal" \
    zipgrep "$FX/docx/lo-khanhhoa.docx" '"I. MỤC ĐÍCH" in d'
ok "pandoc: a real table" zipgrep "$FX/docx/pandoc-table.docx" 'd.count("<w:tr>") >= 7'

# The letterhead's lines (Shift+Enter in Word) are lines, as in the text.
"$PLANPARSE" --format=tree "$FX/docx/pandoc-thanhhoa.docx" >"$TMP/th.tree"
ok "line breaks: the second document is found" grep -q '^plan format=docx .*documents=2' "$TMP/th.tree"
ok "line breaks: its number" grep -q '^  number "115/KH-UBND"' "$TMP/th.tree"
# The table's rows are rows with their cells.
"$PLANPARSE" --format=tree "$FX/docx/pandoc-table.docx" >"$TMP/tb.tree"
ok "task table rows kept as rows" \
    grep -q '^ *row line=[0-9]* "3 | Nâng cao tỷ lệ bao phủ bảo hiểm y tế | Sở Y tế | ' "$TMP/tb.tree"

# A task-assignment table gives one task a row, with the lead, the
# coordinating agencies and the deadline of its columns; the header, a row
# of column numbers and the group rows give none.  The same from the text,
# from pandoc's DOCX and from ours (group rows one merged cell there).
duties() { "$PLANPARSE" "$1" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)["documents"][0]
for t in d["duties"]:
    if t["section"] == "III.3":
        print(t["text"], "|", "; ".join(x["name"] for x in t["lead"]), "|",
              "; ".join(x["name"] for x in t["coordinate"]), "|",
              (t["deadline"] or {}).get("text"), (t["deadline"] or {}).get("date"))'; }
duties "$FX/docx/table.txt" >"$TMP/tt"
has() { grep -qxF -- "$1" "$TMP/tt" || { echo "#   missing: $1"; sed 's/^/#   /' "$TMP/tt"; false; }; }
ok "table: four tasks, no header or group row" [ "$(wc -l <"$TMP/tt")" = 4 ]
ok "table: lead, coordinating agencies, period" has \
    'Nâng cao tỷ lệ bao phủ bảo hiểm y tế | Sở Y tế | Bảo hiểm xã hội tỉnh; Ủy ban nhân dân các xã, phường | 2026-2030 None'
ok "table: a dated deadline" has \
    'Báo cáo kết quả thực hiện Kế hoạch | Sở Nội vụ | Các sở, ban, ngành | Trước ngày 15/12 2026-12-15'
ok "table: a deadline in words" has \
    'Tổ chức hội nghị phổ biến Chương trình hành động | Sở Ngoại vụ | Sở Văn hóa, Thể thao và Du lịch | Quý II năm 2026 None'
duties "$FX/docx/pandoc-table.docx" >"$TMP/pt"
ok "table: pandoc's DOCX gives the same tasks" diff "$TMP/tt" "$TMP/pt"
# column numbers and group rows spanning the table, in our DOCX
sed -e 's/^| I | \(.*\) | | | |$/| I. \1 |/' -e 's/^| II | \(.*\) | | | |$/| II. \1 |/' \
    -e '/^|----/a | (1) | (2) | (3) | (4) | (5) |' "$FX/docx/table.txt" >"$TMP/table2.txt"
"$PY" "$top_srcdir/tests/make_docx.py" plan "$TMP/table2.txt" "$TMP/table2.docx"
ok "table: group rows spanning it, a row of column numbers" \
    grep -q '^| I. Tuyên truyền' "$TMP/table2.txt"
duties "$TMP/table2.txt" >"$TMP/t2"
ok "table with column numbers and group rows (text)" diff "$TMP/tt" "$TMP/t2"
duties "$TMP/table2.docx" >"$TMP/d2"
ok "table with column numbers and group rows (DOCX)" diff "$TMP/tt" "$TMP/d2"
# a header in two rows: "Cơ quan thực hiện" over "Chủ trì | Phối hợp"
sed -e 's/^| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |$/| TT | Nội dung | Cơ quan thực hiện | | Thời gian thực hiện |\n| | | Chủ trì | Phối hợp | |/' \
    "$FX/docx/table.txt" >"$TMP/table3.txt"
ok "table: a header in two rows" grep -q '^| | | Chủ trì | Phối hợp | |$' "$TMP/table3.txt"
duties "$TMP/table3.txt" >"$TMP/t3"
ok "table with a header in two rows (text)" diff "$TMP/tt" "$TMP/t3"
"$PY" "$top_srcdir/tests/make_docx.py" plan "$TMP/table3.txt" "$TMP/table3.docx"
duties "$TMP/table3.docx" >"$TMP/d3"
ok "table with a header in two rows (DOCX)" diff "$TMP/tt" "$TMP/d3"

done_testing
