#!/bin/bash
# test_docx.sh — Word files: the same plan as text and as DOCX gives the
# same tree; the reader's details (numbering, revisions, fields, merged
# cells); and hostile files each end in one clear line, quickly.  Every
# DOCX is made here by tests/make_docx.py, so no binary fixture is kept.
. "$top_srcdir/tests/env.sh"
MK=$top_srcdir/tests/make_docx.py
EXT=docx
. "$top_srcdir/tests/office.sh"

# 1. The corpus plan: labels only in numbering.xml, headings as styles.
"$PY" "$MK" plan "$CORPUS/khanhhoa.txt" "$TMP/khanhhoa.docx"
ok "khanhhoa as DOCX parses" "$PLANPARSE" --format=tree "$TMP/khanhhoa.docx" -o "$TMP/kh.tree"
ok "format is docx" grep -q '^plan format=docx ' "$TMP/kh.tree"
ok "khanhhoa: DOCX tree equals text tree" same_tree "$CORPUS/khanhhoa.txt" "$TMP/khanhhoa.docx"
ok "khanhhoa: same task count" [ "$(tasks "$CORPUS/khanhhoa.txt")" = "$(tasks "$TMP/khanhhoa.docx")" ]
# numbering really is in numbering.xml: the body has no "I." of its own
ok "labels only in numbering.xml" "$PY" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); d = z.read("word/document.xml").decode()
sys.exit(0 if "I. MỤC ĐÍCH" not in d and d.count("<w:numPr>") > 20 else 1)' "$TMP/khanhhoa.docx"

stdin_docx() { "$PLANPARSE" --format=tree - <"$TMP/khanhhoa.docx" | grep -q '^plan format=docx '; }
ok "a DOCX on standard input is told by its content" stdin_docx
# plandiff and plantasks read it too: the same tasks, only lines differ
ok "plantasks: same number of rows" [ "$("$top_builddir/tools/plantasks" "$TMP/khanhhoa.docx" | wc -l)" = \
    "$("$top_builddir/tools/plantasks" "$CORPUS/khanhhoa.txt" | wc -l)" ]

# 2. Thanh Hóa: its title is cut by stamps in the PDF text, so compare
# what the issue asks: documents, numbers, dates, sections, tasks.
"$PY" "$MK" plan "$CORPUS/thanhhoa.txt" "$TMP/thanhhoa.docx"
key() { tree "$1" | grep -E '^(document|  (number|date|kind|issuer) |\s*section )'; }
ok "thanhhoa: same documents, numbers, dates, sections" \
    diff <(key "$CORPUS/thanhhoa.txt") <(key "$TMP/thanhhoa.docx")
ok "thanhhoa: same task count" [ "$(tasks "$CORPUS/thanhhoa.txt")" = "$(tasks "$TMP/thanhhoa.docx")" ]

# 3. A letterhead table (issuer and number left, motto and date right,
# lines as paragraphs of a cell) and a task table with four columns,
# against the same plan printed as text.
FX=$top_srcdir/tests/fixtures/plan155.txt
TASKS='| STT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Tổ chức hội nghị phổ biến Chương trình hành động | Sở Ngoại vụ | Năm 2026 |\n| 2 | Báo cáo kết quả thực hiện | Sở Nội vụ | Hằng năm |\n'
sed "/^II. NHIỆM VỤ/i $TASKS" "$FX" >"$TMP/plan.txt"
{ printf '| ỦY BAN NHÂN DÂN<br>TỈNH AN HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n'
  printf '| Số: 214/KH-UBND | An Hòa, ngày 16 tháng 3 năm 2026 |\n\n'
  sed -n '/^KẾ HOẠCH$/,$p' "$TMP/plan.txt"; } >"$TMP/letterhead.txt"
"$PY" "$MK" plan "$TMP/letterhead.txt" "$TMP/letterhead.docx"
ok "letterhead table: same tree as the printed plan" same_tree "$TMP/plan.txt" "$TMP/letterhead.docx"
ok "task table rows kept as rows" grep -q '^ *row "1 | Tổ chức hội nghị' "$TMP/b"
ok "letterhead: number and date" grep -q '^  date "2026-03-16"' "$TMP/b"

# 4. The reader's details.
"$PY" "$MK" lists "$TMP/lists.docx"
ok "lists parse" "$PLANPARSE" --format=tree "$TMP/lists.docx" -o "$TMP/lists.tree"
sed -i 's/ line=[0-9]*//' "$TMP/lists.tree"
ok "%1.%2. and lower levels restart" has 'section 1.2 "Một hai"'
ok "lowerRoman in lvlText (%3)" has '"(i) Ý"'
ok "second top-level item" has 'section 2.1 "Hai một"'
ok "upperLetter from start 3" has '"C. Chữ"'
ok "Symbol-font bullet read as a bullet" has 'dash "Chấm"'
ok "dash bullet read as a bullet" has 'dash "Gạch"'
ok "level 0 goes on after the bullets" has '"D. Chữ sau"'
ok "startOverride" has 'section 7 "Bảy"'
ok "revisions, fields, hyphens, breaks, links" has '"Giữ thêm kết quảx-y z dòng liên kết"'
ok "deleted text and field codes dropped" lacks 'XOÁ'
ok "PAGE field code dropped" lacks 'PAGE'
ok "gridSpan: the spanned column an empty cell; vMerge: empty cell" has '"Gộp | | Dọc hai dòng"'
ok "vMerge continue hides the text" has 'row "A | B |"'
ok "decomposed Vietnamese read as NFC" has '"Việt"'
ok "TCVN3 font converted" has 'text "Kế hoạch"'
ok "two legacy paragraphs" [ "$(grep -c '^ *text "Kế hoạch"$' "$TMP/lists.tree")" = 2 ]
ok "capitals font shows capitals" has 'text "ỦY BAN"'
ok "a syllable over runs and a soft hyphen" has 'text "nước"'
ok "Unicode in a legacy font left as it is" has 'text "Kế hoạch Unicode"'
ok "source.encoding names the legacy encoding" grep -q '^plan format=docx encoding=TCVN3' "$TMP/lists.tree"
ok "a doubled soft hyphen is one ư" has 'text "Thưởng"'
ok "a footnote is not in the body" has 'text "Có chú thích"'
"$PLANPARSE" "$TMP/lists.docx" >"$TMP/lists.json"
notes() { "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
res = [(r["why"], r["text"]) for doc in d["documents"] for r in doc["residue"]]
want = [("footnote", "Ghi chú cuối trang dòng hai"), ("comment", "Ý kiến góp ý")]
print("#   residue:", res)
sys.exit(0 if all(w in res for w in want) and not any("separator" in t for _, t in res) else 1)' "$TMP/lists.json"; }
ok "footnote and comment reported as residue, separators not" notes
# --format=text: the text as read, before any structure.
"$PLANPARSE" --format=text "$TMP/lists.docx" >"$TMP/lists.txt"
ok "text: list labels written out" grep -qx '1.2. Một hai' "$TMP/lists.txt"
ok "text: a table row as its cells" grep -qx 'Gộp |  | Dọc hai dòng' "$TMP/lists.txt"
ok "text: legacy fonts converted" grep -qx 'Kế hoạch' "$TMP/lists.txt"
ok "text: a drawn rule kept whole" grep -qx '________________' "$TMP/lists.txt"
ok "text: nothing of the structure" sh -c '! grep -q "^plan \|section " "$1"' _ "$TMP/lists.txt"

# 5. Hostile and foreign files: one line, the documented status, quickly.
ok "zip bomb stopped at the limit" hostile bomb 1 'decompresses to more than'
ok "sizes that lie stopped at the limit" hostile lying 1 'decompresses to more than|damaged'
ok "XXE refused" hostile xxe 1 'DOCTYPE'
ok "billion laughs refused" hostile laughs 1 'DOCTYPE'
ok "billion laughs in UTF-16 refused" hostile laughs16 1 'DOCTYPE|entit'
ok "deep nesting refused" hostile deep 1 'deeper than the xml-depth limit of 128'
"$PLANPARSE" --limit=xml-depth=5 "$TMP/lists.docx" >/dev/null 2>"$TMP/err"
ok "a lower xml-depth limit is the one applied" grep -q 'deeper than the xml-depth limit of 5' "$TMP/err"
"$PLANPARSE" --limit=zip-entries=2 "$TMP/lists.docx" >/dev/null 2>"$TMP/err"
ok "a lower zip-entries limit is the one applied" grep -q 'over the zip-entries limit of 2 ' "$TMP/err"
ok "truncated ZIP" hostile truncated 1 'cannot be opened'
ok "ZIP without word/document.xml" hostile nodocument 1 'neither a Word'
ok "plain ZIP" hostile zip 1 'neither a Word'
ok "broken XML" hostile notxml 1 'not well-formed'
ok "too many entries" hostile entries 1 'entries'
ok ".doc named" hostile doc 1 'Word 97-2003.*soffice'
ok "PDF named" hostile pdf 1 'PDF.*pdftotext'
ok "nothing of /etc/passwd read" no_passwd

done_testing
