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

done_testing
