#!/bin/bash
# test_plantasks.sh — plantasks on the corpus in every format, the SQLite
# database, CSV quoting of Vietnamese text, and errors.  What counts as a
# task is scored by test_tasks.sh; here the driver is checked: that every
# format carries the same rows and that nothing is lost on the way.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
PLANTASKS=$top_builddir/tools/plantasks
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt
LIMIT=30
COLUMNS="file,document,province,part,section,heading,task_id,text,lead,lead_printed,lead_ids,lead_today,coordinate,coordinate_printed,coordinate_ids,requested,requested_printed,requested_ids,deadline,deadline_date,line,category,framework"
# The README query (docs/sqlite.md): the tasks Sở Y tế leads, by plan.
QUERY="SELECT d.number, t.task_id, substr(t.text, 1, 80) FROM tasks t JOIN documents d ON d.id = t.document_id JOIN task_agencies ta ON ta.task_id = t.id WHERE ta.role = 'lead' AND ta.agency_id = 'so-y-te' ORDER BY d.number, t.id;"

# pt NAME ARGS...: run plantasks; stdout in $TMP/NAME, stderr in
# $TMP/NAME.err, exit status in $rc.
pt() {
    local name=$1; shift
    timeout "$LIMIT" "$PLANTASKS" "$@" >"$TMP/$name" 2>"$TMP/$name.err"
    rc=$?
}
show_err() { sed 's/^/#   stderr: /' "$TMP/$1.err" | head -5; }
# silent NAME ARGS...: succeeds with nothing on stderr.
silent() {
    local name=$1
    pt "$@"
    [ "$rc" -eq 0 ] && [ ! -s "$TMP/$name.err" ] ||
        { echo "#   exit status $rc"; show_err "$name"; false; }
}
status_is() { [ "$rc" -eq "$1" ] || { echo "#   exit status $rc, want $1"; show_err "$2"; false; }; }
# one_error NAME REGEX: stderr is one line "plantasks: ..." matching REGEX.
one_error() {
    local n
    n=$(wc -l <"$TMP/$1.err")
    [ "$n" -eq 1 ] || { echo "#   $n lines on stderr, want 1"; show_err "$1"; return 1; }
    grep -Eq "^plantasks: $2" "$TMP/$1.err" || { echo "#   stderr does not match /$2/"; show_err "$1"; return 1; }
}

# ------------------------------------------------------------ every format
for f in khanhhoa thanhhoa; do
    for fmt in csv tsv jsonl markdown; do
        ok "$f: --format=$fmt succeeds silently" silent "$f.$fmt" --format="$fmt" "$CORPUS/$f.txt"
    done
done

# same_rows NAME: the CSV parses, has the header, and holds exactly the
# rows of the JSONL, field for field (absent values empty in CSV, null in
# JSON); the TSV and the Markdown table have the same number of rows.
same_rows() {
    "$PY" - "$TMP/$1" "$COLUMNS" <<'EOF'
import csv, json, sys
base, columns = sys.argv[1], sys.argv[2].split(",")
errors = []
with open(base + ".csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f, strict=True))
if not rows or rows[0] != columns:
    errors.append("CSV header %r" % (rows[0] if rows else None))
rows = rows[1:]
jl = [json.loads(l) for l in open(base + ".jsonl", encoding="utf-8")]
if not jl:
    errors.append("no rows at all")
if len(rows) != len(jl):
    errors.append("%d CSV rows, %d JSONL rows" % (len(rows), len(jl)))
for n, (r, o) in enumerate(zip(rows, jl), 1):
    if list(o) != columns:
        errors.append("JSONL row %d keys %r" % (n, list(o)))
        break
    want = ["" if v is None else str(v) for v in o.values()]
    if r != want:
        errors.append("row %d differs: %r / %r" % (n, r, want))
        break
if not all(o["part"] == "task" for o in jl):
    errors.append("a duty without --duties")
tsv = open(base + ".tsv", encoding="utf-8", newline="").read().split("\n")
if tsv[-1] != "" or len(tsv) - 2 != len(jl):
    errors.append("%d TSV lines for %d rows" % (len(tsv) - 1, len(jl)))
md = open(base + ".markdown", encoding="utf-8").read().splitlines()
if len(md) - 2 != len(jl):
    errors.append("%d Markdown lines for %d rows" % (len(md), len(jl)))
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
}
ok "khanhhoa: CSV, JSONL, TSV and Markdown hold the same rows" same_rows khanhhoa
ok "thanhhoa: CSV, JSONL, TSV and Markdown hold the same rows" same_rows thanhhoa

# tsv_clean NAME: every line has exactly one field per column.
tsv_clean() {
    awk -F'\t' -v n=23 'NF != n { print "#   line " NR ": " NF " fields"; bad = 1 }
        END { exit bad }' "$TMP/$1"
}
ok "khanhhoa TSV: no tab or newline inside a field" tsv_clean khanhhoa.tsv
ok "thanhhoa TSV: no tab or newline inside a field" tsv_clean thanhhoa.tsv

# md_table NAME: a header row, the separator row, then rows of 23 cells
# (escaped "\|" does not split a cell).
md_table() {
    "$PY" - "$TMP/$1" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
errors = []
if len(lines) < 2 or not re.fullmatch(r"(\| -{3,}:? )+\|", lines[1]):
    errors.append("no separator row: %r" % (lines[1:2],))
for n, l in enumerate(lines, 1):
    cells = re.split(r"(?<!\\)\|", l)
    if len(cells) != 25 or cells[0] or cells[-1]:
        errors.append("line %d: %d cells" % (n, len(cells) - 2))
        break
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
}
ok "khanhhoa Markdown: header separator row, 23 cells a row" md_table khanhhoa.markdown
ok "thanhhoa Markdown: header separator row, 23 cells a row" md_table thanhhoa.markdown

# ------------------------------------------------------------ BOM, -o
bytes3() { [ "$(head -c 3 "$TMP/$1" | od -An -tx1 | tr -d ' \n')" = "$2" ]; }
pt bom.csv --bom "$K"
ok "--bom: CSV starts with EF BB BF" bytes3 bom.csv efbbbf
ok "without --bom: CSV starts with the header" bytes3 khanhhoa.csv 66696c
pt bom.tsv --bom -f tsv "$K"
ok "--bom: TSV starts with EF BB BF" bytes3 bom.tsv efbbbf
ok "--bom, rest of the CSV unchanged" eval \
    'cmp -s <(tail -c +4 "$TMP/bom.csv") "$TMP/khanhhoa.csv"'

pt o.out -o "$TMP/o.csv" "$K"
ok "-o FILE: nothing on stdout, the file equals stdout output" eval \
    '[ "$rc" -eq 0 ] && [ ! -s "$TMP/o.out" ] && cmp -s "$TMP/o.csv" "$TMP/khanhhoa.csv"'

# ------------------------------------------------------------ duties
pt all.jsonl -f jsonl "$K" "$T"
pt duties.jsonl -f jsonl --duties "$K" "$T"
pt only.jsonl -f jsonl --only-duties "$K" "$T"
ok "--duties = tasks + --only-duties; parts labelled" "$PY" - "$TMP" <<'EOF'
import json, sys
load = lambda n: [json.loads(l) for l in open(sys.argv[1] + "/" + n, encoding="utf-8")]
a, d, o = load("all.jsonl"), load("duties.jsonl"), load("only.jsonl")
ok = (o and all(r["part"] == "duty" for r in o) and all(r["part"] == "task" for r in a)
      and sorted(map(json.dumps, d)) == sorted(map(json.dumps, a + o)))
if not ok:
    print("#   %d tasks, %d duties, %d with --duties" % (len(a), len(o), len(d)))
sys.exit(0 if ok else 1)
EOF

# ------------------------------------------------------------ quoting
# A task whose text holds quotes, commas and a continuation paragraph
# (joined to it by "\n") must come back from Python's csv module exactly
# as the JSONL has it.
cat >"$TMP/quote.txt" <<'EOF'
ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
Số: 77/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Khánh Hòa, ngày 02 tháng 3 năm 2024

KẾ HOẠCH
Thử nghiệm danh sách nhiệm vụ

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm các nhiệm vụ được giao rõ ràng.

II. NHIỆM VỤ, GIẢI PHÁP

1. Chăm sóc sức khỏe

- Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức "Ngày hội sức khỏe", khám bệnh, tư vấn "miễn phí" cho người cao tuổi, trẻ em.

Đồng thời, kiểm tra, đánh giá "chất lượng" dịch vụ; báo cáo kết quả.

III. TỔ CHỨC THỰC HIỆN

Sở Y tế theo dõi, đôn đốc thực hiện Kế hoạch này.
EOF
pt quote.csv "$TMP/quote.txt"
pt quote.jsonl -f jsonl "$TMP/quote.txt"
ok "quoting: text with quotes, commas and a newline round-trips exactly" "$PY" - "$TMP" <<'EOF'
import csv, io, json, sys
d = sys.argv[1]
rows = list(csv.DictReader(io.open(d + "/quote.csv", encoding="utf-8", newline="")))
jl = [json.loads(l) for l in open(d + "/quote.jsonl", encoding="utf-8")]
hits = [(r["text"], o["text"]) for r, o in zip(rows, jl) if "Ngày hội" in o["text"]]
errors = []
if len(rows) != len(jl) or len(hits) != 1:
    errors.append("%d CSV rows, %d JSONL rows, %d matching" % (len(rows), len(jl), len(hits)))
else:
    c, j = hits[0]
    if c != j:
        errors.append("CSV %r != JSONL %r" % (c, j))
    for needle in ['"Ngày hội sức khỏe",', "\n", '"chất lượng"', ", "]:
        if needle not in j:
            errors.append("%r not in the text %r" % (needle, j))
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
ok "quoting: CSV records end in CRLF, the field's newline is quoted" eval \
    'grep -q $'"'"'\r$'"'"' "$TMP/quote.csv" && grep -q "\"Sở Y tế" "$TMP/quote.csv"'

# ------------------------------------------------------------ SQLite
pt db.out --sqlite="$TMP/plans.db" "$K" "$T"
ok "--sqlite: exit 0, nothing on stdout or stderr" eval \
    '[ "$rc" -eq 0 ] && [ ! -s "$TMP/db.out" ] && [ ! -s "$TMP/db.out.err" ]'
ok "--sqlite: the sqlite3 CLI opens it; integrity and foreign keys hold" eval \
    '[ "$(sqlite3 "$TMP/plans.db" "PRAGMA integrity_check; PRAGMA foreign_key_check;")" = ok ]'
ok "--sqlite: no temporary file left beside it" eval \
    '[ -z "$(ls "$TMP" | grep "plans.db.tmp")" ]'

sqlite3 "$TMP/plans.db" "$QUERY" >"$TMP/query.out" 2>&1
ok "README query: rows for 12127/KH-UBND (khanhhoa)" grep -q '^12127/KH-UBND|' "$TMP/query.out"
ok "README query: rows for 115/KH-UBND (thanhhoa)" grep -q '^115/KH-UBND|' "$TMP/query.out"

ok "--sqlite: schema, counts and links (python3 sqlite3)" "$PY" - "$TMP" <<'EOF'
import json, sqlite3, sys
d = sys.argv[1]
db = sqlite3.connect(d + "/plans.db")
q = lambda s: db.execute(s).fetchall()
errors = []
want = {
    "documents": ["id", "file", "number", "kind", "issuer", "province", "place", "date", "title",
                  "framework"],
    "sections": ["document_id", "path", "number", "heading", "level", "line"],
    "tasks": ["id", "document_id", "part", "task_id", "section", "text", "deadline",
              "deadline_date", "line", "category", "framework"],
    "categories": ["framework", "id", "label_vi", "label_en", "is_pillar", "position"],
    "agencies": ["id", "label", "known", "sector", "match_key"],
    "task_agencies": ["task_id", "role", "agency_id", "printed", "today_id", "today_label"],
    "refs": ["document_id", "type", "number", "number_raw", "title", "date", "issuer",
             "mentions", "line"],
    "deadlines": ["document_id", "task_id", "text", "date", "line"],
}
for t, cols in want.items():
    got = [r[1] for r in q("PRAGMA table_info(%s)" % t)]
    if got != cols:
        errors.append("%s columns %r" % (t, got))
idx = {r[0] for r in q("SELECT tbl_name || '(' || sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")}
for t, c in [("task_agencies", "agency_id"), ("tasks", "document_id")]:
    if not any(i.startswith(t + "(") and "(%s)" % c in i for i in idx):
        errors.append("no index on %s(%s)" % (t, c))
jl = [json.loads(l) for l in open(d + "/all.jsonl", encoding="utf-8")]
n = q("SELECT count(*) FROM tasks")[0][0]
if n != len(jl):
    errors.append("%d tasks in the database, %d rows in JSONL" % (n, len(jl)))
nums = sorted(r[0] for r in q("SELECT number FROM documents"))
if nums != ["115/KH-UBND", "12127/KH-UBND", "1884/SYT-VP"]:
    errors.append("documents %r" % nums)
# Every lead in the rows is in task_agencies, by printed name.
db_leads = sorted(q("SELECT t.task_id, ta.printed FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id WHERE ta.role = 'lead'"))
row_leads = sorted((o["task_id"], p) for o in jl for p in o["lead_printed"].split("; ") if p)
if db_leads != row_leads:
    errors.append("%d leads in the database, %d in the rows" % (len(db_leads), len(row_leads)))
bad = q("SELECT count(*) FROM agencies WHERE (known = 1) = (id LIKE 'printed:%')")[0][0]
if bad:
    errors.append("%d agencies whose id does not match known" % bad)
if q("SELECT count(*) FROM sections")[0][0] == 0:
    errors.append("no sections")
if q("SELECT count(*) FROM refs")[0][0] == 0:
    errors.append("no references")
if q("SELECT count(*) FROM deadlines")[0][0] == 0:
    errors.append("no deadlines")
bad = q("SELECT count(*) FROM deadlines dl JOIN tasks t ON t.id = dl.task_id WHERE t.document_id != dl.document_id")[0][0]
if bad:
    errors.append("%d deadlines linked to a task of another document" % bad)
if q("SELECT count(*) FROM task_agencies WHERE today_id IS NOT NULL OR today_label IS NOT NULL")[0][0]:
    errors.append("today_id or today_label set without --as-of")
if any(o["lead_today"] for o in jl):
    errors.append("lead_today set without --as-of")
# Every row's category and framework are the task's in the database.
rows_cat = sorted((o["document"], o["task_id"], o["category"], o["framework"]) for o in jl)
db_cat = sorted(q("SELECT d.number, t.task_id, t.category, t.framework FROM tasks t JOIN documents d ON d.id = t.document_id"))
if rows_cat != db_cat:
    errors.append("categories of the rows and the database differ")
if not all(o["category"] and o["framework"] == "qd161" for o in jl):
    errors.append("a corpus task without category or framework qd161")
pillars = [r[0] for r in q("SELECT id FROM categories WHERE framework = 'qd161' AND is_pillar ORDER BY position")]
if pillars != ["gan_ket", "hoa_nhap", "ben_vung", "tu_cuong", "nang_dong"]:
    errors.append("qd161 pillars %r" % pillars)
# The coverage view: every plan x category of its framework, zeros included.
cov = q("SELECT number, category, tasks FROM coverage")
ncat = q("SELECT count(*) FROM categories WHERE framework = 'qd161'")[0][0]
plans = q("SELECT count(DISTINCT document_id) FROM tasks WHERE part = 'task'")[0][0]
if len(cov) != ncat * plans or not any(n == 0 for _, _, n in cov):
    errors.append("coverage: %d rows for %d plans x %d categories" % (len(cov), plans, ncat))
if sum(n for _, _, n in cov) != q("SELECT count(*) FROM tasks WHERE part = 'task'")[0][0]:
    errors.append("coverage counts do not add up to the tasks")
sector = q("SELECT sector FROM agencies WHERE id = 'so-y-te'")
if sector != [("health",)]:
    errors.append("sector of so-y-te %r" % sector)
if q("SELECT count(*) FROM agencies WHERE known = 0 AND sector IS NOT NULL")[0][0]:
    errors.append("a sector for an unknown agency")
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF

printf 'not a database\n' >"$TMP/old.db"
pt replace.out --sqlite="$TMP/old.db" "$K"
ok "--sqlite: an existing file is replaced" eval \
    '[ "$rc" -eq 0 ] && [ "$(sqlite3 "$TMP/old.db" "SELECT count(*) FROM documents")" = 1 ]'
pt both.csv --sqlite="$TMP/both.db" -o - "$K"
ok "--sqlite with -o -: the table on stdout as well" eval \
    '[ "$rc" -eq 0 ] && cmp -s "$TMP/both.csv" "$TMP/khanhhoa.csv" && [ -s "$TMP/both.db" ]'
pt nodir.out --sqlite="$TMP/no/such/dir/x.db" "$K"
ok "--sqlite into a missing directory: exit 1" status_is 1 nodir.out
ok "--sqlite into a missing directory: one error line" one_error nodir.out "$TMP/no/such/dir/x.db: cannot create"

# ------------------------------------------------------------ --as-of
# Khánh Hòa's Sở Kế hoạch và Đầu tư (duties of V.4) was merged into Sở Tài
# chính on 2025-03-01: on 2026-01-01 its tasks are led by Sở Tài chính.
pt asof.jsonl -f jsonl --duties --as-of=2026-01-01 "$K"
ok "--as-of=2026-01-01: exit 0, nothing on stderr" eval '[ "$rc" -eq 0 ] && [ ! -s "$TMP/asof.jsonl.err" ]'
ok "--as-of=2026-01-01: Sở Kế hoạch và Đầu tư's tasks have lead_today Sở Tài chính" "$PY" - "$TMP" <<'EOF2'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1] + "/asof.jsonl", encoding="utf-8")]
khdt = [r for r in rows if "so-khdt" in r["lead_ids"].split("; ")]
errors = []
if not any(r["section"].startswith("V.4") for r in khdt):
    errors.append("no V.4 duty led by so-khdt: %r" % [(r["task_id"], r["section"]) for r in khdt])
for r in khdt:
    if "Sở Tài chính" not in r["lead_today"].split("; "):
        errors.append("%s: lead_today %r" % (r["task_id"], r["lead_today"]))
    if "Sở Kế hoạch và Đầu tư" in r["lead_today"]:
        errors.append("%s: the merged department still in lead_today" % r["task_id"])
# An agency that was not reorganised is its own successor.
yte = [r for r in rows if r["lead_ids"] == "so-y-te"]
if not yte or any(r["lead_today"] != "Sở Y tế" for r in yte):
    errors.append("Sở Y tế rows: %r" % [r["lead_today"] for r in yte])
if any(r["lead"] and not r["lead_today"] for r in rows):
    errors.append("a task with a lead but no lead_today")
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF2
pt asof.csv -f csv --as-of=2026-01-01 "$K"
ok "--as-of: the CSV has the lead_today column filled" eval \
    'head -1 "$TMP/asof.csv" | grep -q ",lead_ids,lead_today," && grep -q "Sở Tài chính" "$TMP/asof.csv"'

pt asof.db.out --duties --as-of=2026-01-01 --sqlite="$TMP/asof.db" "$K" "$T"
ok "--as-of --sqlite: exit 0" status_is 0 asof.db.out
ok "--as-of --sqlite: so-khdt resolves to so-tai-chinh; no NULL for known agencies" "$PY" - "$TMP" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + "/asof.db")
q = lambda s: db.execute(s).fetchall()
errors = []
got = set(q("SELECT today_id, today_label FROM task_agencies WHERE agency_id = 'so-khdt'"))
if got != {("so-tai-chinh", "Sở Tài chính")}:
    errors.append("so-khdt today %r" % got)
n = q("SELECT count(*) FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE a.known = 1 AND ta.today_id IS NULL")[0][0]
if n:
    errors.append("%d known agencies without today_id" % n)
n = q("SELECT count(*) FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE a.known = 0 AND ta.today_id IS NOT NULL")[0][0]
if n:
    errors.append("%d unknown agencies with a today_id" % n)
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF2
ok "--sqlite --duties: the two 2021-12-20 deadlines of khanhhoa, each on its duty" "$PY" - "$TMP" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + "/asof.db")
rows = db.execute("""SELECT dl.text, t.part, t.task_id, dl.line, t.line
    FROM deadlines dl JOIN documents d ON d.id = dl.document_id
    LEFT JOIN tasks t ON t.id = dl.task_id
    WHERE d.number = '12127/KH-UBND' AND dl.date = '2021-12-20'""").fetchall()
errors = []
if len(rows) != 2:
    errors.append("%d rows: %r" % (len(rows), rows))
for text, part, tid, line, tline in rows:
    if "20/12/2021" not in text or part != "duty" or not line or line < tline:
        errors.append("row %r" % ((text, part, tid, line, tline),))
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF2
ok "--sqlite without --duties: the same two deadlines, task_id NULL" eval \
    '[ "$(sqlite3 "$TMP/plans.db" "SELECT count(*) FROM deadlines dl JOIN documents d ON d.id = dl.document_id WHERE d.number = '"'"'12127/KH-UBND'"'"' AND dl.date = '"'"'2021-12-20'"'"' AND dl.task_id IS NULL")" = 2 ]'

# ------------------------------------------------------------ errors
pt missing.csv "$K" "$TMP/missing.txt" "$T"
ok "missing file: exit 1" status_is 1 missing.csv
ok "missing file: one error line naming it" one_error missing.csv "$TMP/missing.txt: "
ok "missing file: the other files are still listed" eval \
    '[ "$(grep -c "khanhhoa.txt" "$TMP/missing.csv")" -gt 0 ] &&
     [ "$(grep -c "thanhhoa.txt" "$TMP/missing.csv")" -gt 0 ]'

for args in "--format=xml $K" "--as-of=2025-02-30 $K" "--as-of=2025-6-1 $K" "--bogus $K" \
    "--duties --only-duties $K" "--bom -f jsonl $K" "--sqlite=- $K" "-o" ""; do
    # shellcheck disable=SC2086
    pt usage.out $args
    ok "bad usage '${args/$K/FILE}': exit 2" status_is 2 usage.out
done
pt stdin.csv - <"$K"
ok "FILE - reads standard input (file column \"-\")" "$PY" - "$TMP" <<'EOF'
import csv, sys
rows = lambda n: list(csv.reader(open(sys.argv[1] + "/" + n, encoding="utf-8", newline="")))
a, b = rows("khanhhoa.csv"), rows("stdin.csv")
sys.exit(0 if len(a) > 1 and b == a[:1] + [["-"] + r[1:] for r in a[1:]] else 1)
EOF
pt nodata.csv --agencies="$TMP/none.tsv" "$K" "$T"
ok "--agencies with a missing file: exit 3" status_is 3 nodata.csv
ok "--agencies with a missing file: one error line, then stop" one_error nodata.csv "$TMP/none.tsv: "

pt asof.csv --as-of=2024-02-29 "$K"
ok "--as-of=2024-02-29 (a leap day) is accepted" status_is 0 asof.csv

pt help.out --help
ok "--help: exit 0 on stdout, says what tsv does with tabs" eval \
    '[ "$rc" -eq 0 ] && [ ! -s "$TMP/help.out.err" ] && grep -q "tabs and newlines" "$TMP/help.out"'
pt version.out --version
ok "--version: exit 0, names vnplan" eval '[ "$rc" -eq 0 ] && grep -q "^plantasks: vnplan" "$TMP/version.out"'

# An agency the gazetteer does not know, printed in two casings: one row of
# agencies (as planparse and plandiff group it), both spellings kept.
cat >"$TMP/unknown.txt" <<'PLAN'
ỦY BAN NHÂN DÂN
TỈNH AN HÒA

Số: 9/KH-UBND

An Hòa, ngày 2 tháng 3 năm 2026

KẾ HOẠCH
Phát triển kinh tế vườn

I. NHIỆM VỤ, GIẢI PHÁP

1. Hội Làm vườn tỉnh chủ trì hướng dẫn hội viên cải tạo vườn tạp.

2. Hội Làm Vườn tỉnh chủ trì tổ chức hội thi vườn mẫu.
PLAN
pt unknown.out --sqlite="$TMP/unknown.db" "$TMP/unknown.txt"
ok "an unknown agency in two casings is one agency in SQLite" "$PY" - "$TMP/unknown.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT id FROM agencies WHERE known = 0").fetchall()
printed = sorted(r[0] for r in db.execute(
    "SELECT printed FROM task_agencies WHERE agency_id = ?", (rows[0][0] if rows else "",)))
ok = len(rows) == 1 and printed == ["Hội Làm Vườn tỉnh", "Hội Làm vườn tỉnh"]
if not ok:
    print("#   agencies %r, printed %r" % (rows, printed))
sys.exit(0 if ok else 1)
EOF

done_testing
