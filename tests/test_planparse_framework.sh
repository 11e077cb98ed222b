#!/bin/bash
# test_planparse_framework.sh — planparse --framework=NAME|FILE: the
# tasks' categories (the "pillar" objects of the JSON) come from the
# framework asked for; without it, from the one the plan cites (qd161 for
# the corpus).
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
K=$CORPUS/khanhhoa.txt
FW=$VNPLAN_DATADIR/frameworks

# run NAME ARGS...: planparse's JSON into $TMP/NAME; fails on a non-zero
# exit or anything on stderr.
run() {
    local name=$1; shift
    timeout 20 "$PLANPARSE" "$@" >"$TMP/$name" 2>"$TMP/$name.err" &&
        [ ! -s "$TMP/$name.err" ] || { sed 's/^/#   /' "$TMP/$name.err"; false; }
}
# ids_from JSON FRAMEWORK_FILE: every task's and duty's category is one of
# the file's "[category ID]" ids, the document's "framework" is its id,
# and at least one task is classified.
ids_from() {
    "$PY" - "$TMP/$1" "$2" <<'EOF'
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
want = set(re.findall(r"^\[category (\S+)\]", text, re.M))
fid = re.search(r"^id = (\S+)", text, re.M).group(1)
errors, seen = [], set()
for doc in d["documents"]:
    if doc.get("framework") != fid:
        errors.append("framework %r, not %r" % (doc.get("framework"), fid))
    for part in ("tasks", "duties"):
        for t in doc.get(part, []):
            p = t.get("pillar")
            if p is None:
                continue
            seen.add(p["id"])
            if p["id"] not in want:
                errors.append("%s: %r is not a category of %s" % (t.get("id"), p["id"], fid))
if not seen:
    errors.append("no task classified")
for e in errors[:10]:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
}
# has_pillar JSON ID: some task is placed in category ID.
has_pillar() {
    "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if any((t.get("pillar") or {}).get("id") == sys.argv[2]
                  for doc in d["documents"] for t in doc["tasks"]) else 1)' "$TMP/$1" "$2"
}

ok "default: planparse runs" run default.json "$K"
ok "default: the categories are Decision 161's" ids_from default.json "$FW/qd161.txt"
ok "default: a task in the pillar hoa_nhap" has_pillar default.json hoa_nhap

ok "--framework=qd155: planparse runs" run qd155.json --framework=qd155 "$K"
ok "--framework=qd155: the categories are Decision 155's" ids_from qd155.json "$FW/qd155.txt"
ok "--framework=qd155: a task in an objective (obj02)" has_pillar qd155.json obj02
ok "--framework=qd155: no Decision 161 pillar left" bash -c '! grep -q "\"id\": \"hoa_nhap\"" "$1"' _ "$TMP/qd155.json"

ok "--framework=FILE: a framework file by path" run file.json --framework="$FW/qd155.txt" "$K"
ok "--framework=FILE: its categories" ids_from file.json "$FW/qd155.txt"

ok "--framework=qd161: the default's output" run qd161.json --framework=qd161 "$K"
ok "--framework=qd161: the same bytes as the default" cmp -s "$TMP/qd161.json" "$TMP/default.json"

timeout 20 "$PLANPARSE" --framework=nosuch "$K" >"$TMP/bad.out" 2>"$TMP/bad.err"
rc=$?
ok "--framework=nosuch: usage error (2), naming it, then the --help hint; nothing on stdout" \
    eval '[ "$rc" -eq 2 ] && [ ! -s "$TMP/bad.out" ] &&
          head -n 1 "$TMP/bad.err" | grep -q "^planparse: unknown framework .nosuch." &&
          [ "$(sed 1d "$TMP/bad.err")" = "Try '"'"'planparse --help'"'"'." ]'
ok "--help names --framework" bash -c '"$1" --help | grep -q -- "--framework=NAME"' _ "$PLANPARSE"

done_testing
