#!/bin/bash
# test_related.sh — what each plan lacks: pairs one to one, related tasks
# many to many, gaps only where nothing on the other side is related.
#
# tests/fixtures/related-a.txt and related-b.txt reproduce the cases that
# one-to-one pairing gets wrong: one task of B covers what two of A plan
# (drugs and prostitution), a subject said in other words ("người cao
# tuổi" / "NCT"), a national sentence copied into a longer task, and one
# real gap on each side.  Then the corpus pair: the links agree between
# the sides and with the gaps, and the figures against the hand alignment
# of tests/alignment/ (a regression floor, printed in full; the targets
# are in docs/plandiff.md).
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
PLANDIFF=$top_builddir/tools/plandiff
FX=$top_srcdir/tests/fixtures

"$PLANDIFF" --format=json "$FX/related-a.txt" "$FX/related-b.txt" >"$TMP/f.json"
ok "fixture pair compares (exit 1: the plans differ)" [ $? -eq 1 ]
q() { "$PY" - "$TMP/f.json" "$@" <<'EOF_PY'
import json, sys
d = json.load(open(sys.argv[1]))
tasks = {s: {t["id"]: t for t in d["tasks"][s]} for s in "ab"}
def rel(s, i):
    return {r["id"]: r for r in tasks[s][i]["related"]}
checks = {
    "elderly": lambda: "T1" in rel("a", "T1") and
        "người cao tuổi" in (rel("a", "T1")["T1"]["subjects"] or ""),
    "many-to-one": lambda: set(rel("b", "T2")) >= {"T2", "T3"},
    "copied-sentence": lambda: tasks["a"]["T4"]["pair"] == "T3",
    "gaps": lambda: d["gaps"] == {"a": ["T5"], "b": ["T4"]},
    "texts": lambda: tasks["b"]["T4"]["text"].startswith("Sở Nông nghiệp") and
        tasks["a"]["T5"]["gap"] and not tasks["a"]["T1"]["gap"],
    "reason-terms": lambda: "chăm sóc" in (rel("a", "T1")["T1"]["terms"] or ""),
    "subjects": lambda: any("người cao tuổi" in p["subjects"]["a"] and
                            "người cao tuổi" in p["subjects"]["b"] and
                            "khoa học, công nghệ" not in p["subjects"]["b"]
                            for p in d["pillars"]),
}
ok = checks[sys.argv[2]]()
if not ok:
    print("#   " + json.dumps({s: [(t["id"], t["pair"], [r["id"] for r in t["related"]])
                                 for t in d["tasks"][s]] for s in "ab"}, ensure_ascii=False))
sys.exit(0 if ok else 1)
EOF_PY
}
ok "a subject said in other words relates two tasks (NCT)" q elderly
ok "one task of B related to two of A" q many-to-one
ok "a national sentence inside a longer task: the pair" q copied-sentence
ok "the gaps are the tasks nothing is related to" q gaps
ok "task texts in the JSON, gap flags" q texts
ok "the reason names the shared wording as printed" q reason-terms
ok "coverage by subject: each category's subjects on each side" q subjects
"$PLANDIFF" --format=html "$FX/related-a.txt" "$FX/related-b.txt" >"$TMP/f.html"
ok "the chart draws subjects, the tasks counted beside them" \
    grep -q '<b>A [0-9]* subjects, [0-9]* tasks</b>' "$TMP/f.html"

# The corpus pair: consistency.
"$PLANDIFF" --format=json "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt" >"$TMP/c.json"
consistent() { "$PY" - "$TMP/c.json" <<'EOF_PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = {s: {x["id"]: x for x in d["tasks"][s]} for s in "ab"}
bad = []
for s, o in (("a", "b"), ("b", "a")):
    for x in t[s].values():
        for r in x["related"]:
            if x["id"] not in {y["id"] for y in t[o][r["id"]]["related"]}:
                bad.append(("asymmetric", s, x["id"], r["id"]))
        gap = x["pair"] is None and not x["related"]
        if gap != x["gap"] or gap != (x["id"] in d["gaps"][s]):
            bad.append(("gap", s, x["id"]))
per_pillar = {s: sorted(i for p in d["pillars"] for i in p["gaps"][s]) for s in "ab"}
if per_pillar != {s: sorted(d["gaps"][s]) for s in "ab"}:
    bad.append("pillar gaps differ from the total")
if d["summary"]["gaps_a"] != len(d["gaps"]["a"]) or d["summary"]["gaps_b"] != len(d["gaps"]["b"]):
    bad.append("summary counts")
print("#   %d gaps in A, %d in B, %d related links" %
      (len(d["gaps"]["a"]), len(d["gaps"]["b"]), d["summary"]["related"]))
for b in bad[:5]:
    print("#   ", b)
sys.exit(1 if bad else 0)
EOF_PY
}
ok "corpus pair: links on both sides, gaps where nothing is related" consistent
ok "corpus pair: fewer gaps than tasks without a pair" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
sys.exit(0 if s["gaps_a"] + s["gaps_b"] < (s["only_a"] + s["only_b"]) / 2 else 1)' "$TMP/c.json"

# Against the hand alignment: printed, and a floor under today's figures.
"$PY" "$top_srcdir/tests/score_alignment.py" "$TMP/c.json" \
    "$top_srcdir/tests/alignment/khanhhoa-thanhhoa.tsv" | sed 's/^/#   /'
ok "hand alignment: no worse than the figures of docs/plandiff.md" \
    "$PY" "$top_srcdir/tests/score_alignment.py" "$TMP/c.json" \
    "$top_srcdir/tests/alignment/khanhhoa-thanhhoa.tsv" --check 0.60 0.80 0.30 0.65

done_testing
