#!/bin/bash
# test_cli.sh — planparse on the two corpus plans in each output format.
# A smoke test of the driver; the exact trees are checked by test_golden.sh.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt

# render FORMAT FILE NAME: planparse output into $TMP/NAME; fails on a
# non-zero exit or anything on stderr.
render() {
    timeout 20 "$PLANPARSE" --format="$1" "$2" >"$TMP/$3" 2>"$TMP/$3.err" &&
        [ ! -s "$TMP/$3.err" ] || { sed 's/^/#   /' "$TMP/$3.err"; false; }
}
has() { grep -Fq -- "$2" "$TMP/$1" || { echo "#   '$2' not in $1"; false; }; }
# json_docs NAME N: schema 1, source as documented, N documents.
json_docs() {
    "$PY" - "$TMP/$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want = int(sys.argv[2])
errors = []
if d.get("schema") != 1:
    errors.append("schema %r" % d.get("schema"))
src = d.get("source", {})
if src.get("format") != "text" or src.get("encoding") != "UTF-8":
    errors.append("source %r" % src)
if len(d.get("documents", [])) != want:
    errors.append("%d documents, want %d" % (len(d.get("documents", [])), want))
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
}
starts() { [ "$(head -c ${#2} "$TMP/$1")" = "$2" ] || { echo "#   $1 starts: $(head -n 1 "$TMP/$1")"; false; }; }

for f in khanhhoa thanhhoa; do
    for fmt in json tree outline; do
        ok "$f: --format=$fmt succeeds silently" render "$fmt" "$CORPUS/$f.txt" "$f.$fmt"
    done
done

ok "khanhhoa outline: 12127/KH-UBND" has khanhhoa.outline "12127/KH-UBND"
ok "thanhhoa outline: 1884/SYT-VP" has thanhhoa.outline "1884/SYT-VP"
ok "thanhhoa outline: 115/KH-UBND" has thanhhoa.outline "115/KH-UBND"

ok "khanhhoa JSON: schema 1, one document" json_docs khanhhoa.json 1
ok "thanhhoa JSON: schema 1, two documents" json_docs thanhhoa.json 2

ok "khanhhoa tree starts with the plan line" starts khanhhoa.tree "plan format=text"
ok "thanhhoa tree starts with the plan line" starts thanhhoa.tree "plan format=text"

# Both files at once: JSON is one array; outline holds all three numbers.
timeout 20 "$PLANPARSE" "$K" "$T" >"$TMP/both.json"
ok "two files: JSON array of two plans" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if isinstance(d, list) and len(d) == 2 else 1)' "$TMP/both.json"
timeout 20 "$PLANPARSE" -f outline "$K" "$T" >"$TMP/both.outline"
ok "two files: outline names all three documents" eval \
    'has both.outline 12127/KH-UBND && has both.outline 1884/SYT-VP && has both.outline 115/KH-UBND'

# --as-of: agencies carry "today", the body holding their duties on that
# date; Sở Kế hoạch và Đầu tư was merged into Sở Tài chính on 2025-03-01.
timeout 20 "$PLANPARSE" --as-of=2026-01-01 "$K" >"$TMP/asof.json" 2>"$TMP/asof.err"
rc=$?
ok "--as-of=2026-01-01: exit 0, nothing on stderr" eval \
    '[ "$rc" -eq 0 ] && [ ! -s "$TMP/asof.err" ]'
ok "--as-of=2026-01-01: a task led by Sở Kế hoạch và Đầu tư has today.label Sở Tài chính" \
    "$PY" - "$TMP/asof.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))["documents"][0]
led = [t for part in ("tasks", "duties") for t in doc[part]
       if any(a["id"] == "so-khdt" for a in t["lead"])]
errors = []
if not led:
    errors.append("no task or duty led by so-khdt")
for t in led:
    for a in t["lead"]:
        if a["id"] == "so-khdt" and a.get("today") != {"id": "so-tai-chinh", "label": "Sở Tài chính"}:
            errors.append("%s: today %r" % (t["id"], a.get("today")))
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
ok "without --as-of: no agency has today" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))["documents"][0]
sys.exit(1 if any("today" in a for part in ("tasks", "duties") for t in d[part]
                  for r in ("lead", "coordinate", "requested") for a in t[r]) else 0)' \
    "$TMP/khanhhoa.json"
for bad in 2025-02-30 2025-6-1 tomorrow ""; do
    timeout 20 "$PLANPARSE" --as-of="$bad" "$K" >"$TMP/bad.out" 2>"$TMP/bad.err"
    rc=$?
    ok "--as-of='$bad': exit 2, an error line, nothing on stdout" eval \
        '[ "$rc" -eq 2 ] && [ ! -s "$TMP/bad.out" ] && grep -q "^planparse: invalid date" "$TMP/bad.err"'
done
timeout 20 "$PLANPARSE" --agencies="$TMP/none.tsv" "$K" "$T" >"$TMP/noag.out" 2>"$TMP/noag.err"
rc=$?
ok "--agencies with a missing file: exit 3, one error line naming it" eval \
    '[ "$rc" -eq 3 ] && [ "$(wc -l <"$TMP/noag.err")" -eq 1 ] && grep -q "none.tsv" "$TMP/noag.err"'
# --agencies=FILE: a province that kept its Sở Kế hoạch và Đầu tư clears
# the successor; the department then still holds its duties.
printf 'so-khdt\t\t\t\tSở KHĐT\t-\t-\t\n' >"$TMP/kept.tsv"
timeout 20 "$PLANPARSE" --as-of=2026-01-01 --agencies="$TMP/kept.tsv" "$K" >"$TMP/kept.json" 2>"$TMP/kept.err"
rc=$?
ok "--agencies=FILE with --as-of: a cleared successor keeps the agency itself" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))["documents"][0]
today = [a.get("today") for part in ("tasks", "duties") for t in d[part]
         for a in t["lead"] if a["id"] == "so-khdt"]
sys.exit(0 if today and all(x == {"id": "so-khdt", "label": "Sở Kế hoạch và Đầu tư"}
                            for x in today) else 1)' "$TMP/kept.json"

# Run from the build tree with no VNPLAN_DATADIR, a tool reads this tree's
# data/, never an older installed copy (or none at all).
ok "no VNPLAN_DATADIR: the build tree's data is used" \
    env -u VNPLAN_DATADIR "$PLANPARSE" --format=tree "$CORPUS/khanhhoa.txt" -o /dev/null

done_testing
