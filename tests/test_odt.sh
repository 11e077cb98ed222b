#!/bin/bash
# test_odt.sh — OpenDocument text: the same plan as text, as our ODT and as
# ODT written by LibreOffice and pandoc gives the same tree; the reader's
# details (list numbering from list styles, notes, revisions, merged cells,
# legacy fonts); and hostile files each end in one clear line, quickly.
# Our ODTs are made here by tests/make_odt.py; the writers' ones are
# tests/fixtures/docx/*.odt (tests/fixtures/make_real_docx.sh).
. "$top_srcdir/tests/env.sh"
MK=$top_srcdir/tests/make_odt.py
EXT=odt
. "$top_srcdir/tests/office.sh"
FX=$top_srcdir/tests/fixtures

# 1. The corpus plan: labels only in a list style, headings as text:h.
"$PY" "$MK" plan "$CORPUS/khanhhoa.txt" "$TMP/khanhhoa.odt"
ok "khanhhoa as ODT parses" "$PLANPARSE" --format=tree "$TMP/khanhhoa.odt" -o "$TMP/kh.tree"
ok "format is odt" grep -q '^plan format=odt ' "$TMP/kh.tree"
ok "khanhhoa: ODT tree equals text tree" same_tree "$CORPUS/khanhhoa.txt" "$TMP/khanhhoa.odt"
ok "khanhhoa: same task count" [ "$(tasks "$CORPUS/khanhhoa.txt")" = "$(tasks "$TMP/khanhhoa.odt")" ]
ok "labels only in the list style" "$PY" -c '
import sys, zipfile
d = zipfile.ZipFile(sys.argv[1]).read("content.xml").decode()
sys.exit(0 if "I. MỤC ĐÍCH" not in d and d.count("<text:list ") > 20 else 1)' "$TMP/khanhhoa.odt"
stdin_odt() { "$PLANPARSE" --format=tree - <"$TMP/khanhhoa.odt" | grep -q '^plan format=odt '; }
ok "an ODT on standard input is told by its content" stdin_odt
ok "JSON source.format is odt" sh -c '"$1" "$2" | grep -q "\"format\": \"odt\""' _ "$PLANPARSE" "$TMP/khanhhoa.odt"

# 2. A letterhead as a borderless table (issuer and number left, motto
# and date right) and a task table, against the plan printed as text.
TASKS='| STT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Tổ chức hội nghị phổ biến Chương trình hành động | Sở Ngoại vụ | Năm 2026 |\n| 2 | Báo cáo kết quả thực hiện | Sở Nội vụ | Hằng năm |\n'
sed "/^II. NHIỆM VỤ/i $TASKS" "$FX/plan155.txt" >"$TMP/plan.txt"
{ printf '| ỦY BAN NHÂN DÂN<br>TỈNH AN HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n'
  printf '| Số: 214/KH-UBND | An Hòa, ngày 16 tháng 3 năm 2026 |\n\n'
  sed -n '/^KẾ HOẠCH$/,$p' "$TMP/plan.txt"; } >"$TMP/letterhead.txt"
"$PY" "$MK" plan "$TMP/letterhead.txt" "$TMP/letterhead.odt"
ok "letterhead table: same tree as the printed plan" same_tree "$TMP/plan.txt" "$TMP/letterhead.odt"
ok "task table rows kept as rows" grep -q '^ *row "1 | Tổ chức hội nghị' "$TMP/b"
ok "letterhead: number and date" grep -q '^  date "2026-03-16"' "$TMP/b"

# 3. Written by LibreOffice (from the text: labels literal) and pandoc
# (from Markdown: labels only in its list styles): what the text gives.
CMP=$top_srcdir/tests/docx_compare.py
same() {
    "$PLANPARSE" "$1" >"$TMP/t.json" && "$PLANPARSE" "$2" >"$TMP/d.json" &&
        "$PY" "$CMP" "$TMP/t.json" "$TMP/d.json"
}
for w in pandoc lo; do
    ok "$w: khanhhoa as ODT gives what the text gives" \
        same "$CORPUS/khanhhoa.txt" "$FX/docx/$w-khanhhoa.odt"
done
zipgrep() { "$PY" -c '
import sys, zipfile
d = zipfile.ZipFile(sys.argv[1]).read("content.xml").decode()
sys.exit(0 if eval(sys.argv[2]) else 1)' "$@"; }
ok "pandoc: list labels only in list styles" \
    zipgrep "$FX/docx/pandoc-khanhhoa.odt" '"a) Tiếp tục" not in d and d.count("<text:list-item") > 50'
ok "LibreOffice: labels literal" zipgrep "$FX/docx/lo-khanhhoa.odt" '"I. MỤC ĐÍCH" in d'
# pandoc's ODT and its DOCX of the same Markdown read alike
ok "pandoc: ODT tree equals its DOCX tree" \
    same_tree "$FX/docx/pandoc-khanhhoa.docx" "$FX/docx/pandoc-khanhhoa.odt"
# pandoc's DOCX saved as ODT by LibreOffice: Word's numbering as list
# styles and lists continuing others by id; a task table
ok "LibreOffice from DOCX: lists continued by id" \
    zipgrep "$FX/docx/lo-pandoc-khanhhoa.odt" '"a) Tiếp tục" not in d and d.count("text:continue-list=") > 20'
ok "LibreOffice from DOCX: khanhhoa gives what the text gives" \
    same "$CORPUS/khanhhoa.txt" "$FX/docx/lo-pandoc-khanhhoa.odt"
ok "LibreOffice from DOCX: the same tree as the DOCX" \
    same_tree "$FX/docx/pandoc-khanhhoa.docx" "$FX/docx/lo-pandoc-khanhhoa.odt"
ok "LibreOffice from DOCX: task table gives what the text gives" \
    same "$FX/docx/table.txt" "$FX/docx/lo-pandoc-table.odt"
"$PLANPARSE" --format=text "$FX/docx/pandoc-table.docx" >"$TMP/tdocx.txt"
ok "LibreOffice from DOCX: the table's text as the DOCX's" \
    sh -c '"$1" --format=text "$2" | diff "$3" -' _ "$PLANPARSE" "$FX/docx/lo-pandoc-table.odt" "$TMP/tdocx.txt"

# 4. The reader's details.
"$PY" "$MK" lists "$TMP/lists.odt"
ok "lists parse" "$PLANPARSE" --format=tree "$TMP/lists.odt" -o "$TMP/lists.tree"
sed -i 's/ line=[0-9]*//' "$TMP/lists.tree"
ok "display-levels 2 and lower levels restart" has 'section 1.2 "Một hai"'
ok "lower roman with prefix and suffix" has '"(i) Ý"'
ok "continue-numbering goes on" has 'section 2.1 "Hai một"'
ok "upper letter from start-value 3" has '"C. Chữ"'
ok "symbol-font bullet read as a bullet" has 'dash "Chấm"'
ok "dash bullet read as a bullet" has 'dash "Gạch"'
ok "level 1 goes on after the bullets" has '"D. Chữ sau"'
ok "a list header has no number" has 'text "Đầu không số"'
ok "start-value on an item" has 'section 7 "Bảy"'
ok "upper roman, lower letters" has 'section I "La mã"'
ok "continue-list by id, lower level restarted" has 'item a "Chữ lại"'
ok "continue-list goes on" has 'section II "La mã hai"'
ok "spaces, tab, break, link; inserted text kept" has '"Giữ thêm kết quảx y dòng liên kết"'
ok "tracked deletion dropped" lacks 'XOÁ'
ok "footnote kept out of the paragraph" has 'text "Có chú thích và nhận xét ở đây"'
ok "footnote as residue" has 'residue footnote "Ghi chú cuối trang"'
ok "comment as residue, without its author" has 'residue comment "Lời bình"'
ok "columns spanned: an empty cell for each column after the first" has 'row "Gộp | | Dọc hai dòng"'
ok "covered cell below: empty" has 'row "A | B |"'
ok "covered cell's own text hidden" lacks 'ẩn'
ok "decomposed Vietnamese read as NFC" has '"Việt"'
ok "TCVN3 font (font face) converted" has 'text "Kế hoạch"'
ok "TCVN3 and VNI paragraphs" [ "$(grep -c '^ *text "Kế hoạch"$' "$TMP/lists.tree")" = 2 ]
ok "capitals font shows capitals" has 'text "ỦY BAN"'
ok "a syllable over two spans" has 'text "nước"'
ok "Unicode in a legacy font left as it is" has 'text "Kế hoạch Unicode"'
ok "source.encoding names the legacy encoding" grep -q '^plan format=odt encoding=TCVN3' "$TMP/lists.tree"
"$PLANPARSE" --format=text "$TMP/lists.odt" >"$TMP/lists.txt"
ok "text: list labels written out" grep -qx '1.2. Một hai' "$TMP/lists.txt"
ok "text: a table row as its cells" grep -qx 'Gộp |  | Dọc hai dòng' "$TMP/lists.txt"
ok "text: headings by outline level" grep -qx 'Mức ba' "$TMP/lists.txt"
ok "text: no footnote in the body" sh -c '! grep -q "Ghi chú" "$1"' _ "$TMP/lists.txt"
ok "text: nothing of the structure" sh -c '! grep -q "^plan \|section " "$1"' _ "$TMP/lists.txt"

# 5. Hostile files: one line, the documented status, quickly.
ok "XXE refused" hostile xxe 1 'content.xml declares a DOCTYPE'
ok "nothing of /etc/passwd read" no_passwd
ok "billion laughs in UTF-16 refused" hostile laughs16 1 'DOCTYPE|entit'
ok "deep nesting refused" hostile deep 1 'deeper than the xml-depth limit of 128'
ok "a ZIP of only a mimetype" hostile mimetype 1 'damaged OpenDocument file: no content.xml'
ok "truncated ODT" hostile truncated 1 'cannot be opened'
ok "broken XML" hostile notxml 1 'damaged OpenDocument file: content.xml is not well-formed'
ok "a ZIP neither DOCX nor ODT" hostile zip 1 'neither a Word \(\.docx\) nor an OpenDocument \(\.odt\)'

done_testing
