#!/bin/bash
# test_diff_formats.sh — plandiff's four formats give the same numbers.
# The corpus pair, and Khánh Hòa's plan (Decision 161) against a plan of
# Decision 155 (tests/fixtures/plan155.txt, so one side is mapped through
# the crosswalk), are compared in text, JSON, Markdown and HTML; from each
# output the counts are read back as a reader would read them (the
# coverage table, each category's heading, the summary) and must agree
# with the JSON's own lists: pairs, only in A / B, moved, same wording,
# the counts of each pillar, agencies and references by side, reporting
# duties and targets.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
PLANDIFF=$top_builddir/tools/plandiff
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt
Q=$top_srcdir/tests/fixtures/plan155.txt

# read FORMAT: the numbers the output of FORMAT shows, as JSON in
# $TMP/FORMAT.counts:
#   {"summary": {pairs, only_a, only_b, moved, verbatim},
#    "pillars": {label: [A, B, pairs, only A, only B]}  (categories with tasks),
#    "sections": the same, from each category's own heading,
#    "agencies": [both, only A, only B], "sectors": n,
#    "references": [both, only A, only B],
#    "reporting": [A, B], "targets": [A, B]}
cat >"$TMP/read.py" <<'EOF'
import html, json, re, sys

fmt, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(path, encoding="utf-8").read()
c = {}

def need(pattern, text=s, flags=0):
    m = re.search(pattern, text, flags)
    if not m:
        sys.exit("%s: no match for %r" % (fmt, pattern))
    return [int(g) for g in m.groups()]

def summary_lines(text):
    p, v, mv, oa, ob = need(r"(\d+) pairs:? \(?(\d+) (?:with the )?same wording, (\d+) "
                            r"(?:across pillars|filed under different pillars)", text)[0:3] + \
        need(r"(\d+) (?:tasks )?only in A, (\d+) only in B", text)
    c["summary"] = {"pairs": p, "verbatim": v, "moved": mv, "only_a": oa, "only_b": ob}
    a = need(r"[Aa]gencies: (\d+) named by both, (\d+) only by A, (\d+) only by B; (\d+) sectors",
             text)
    c["agencies"], c["sectors"] = a[:3], a[3]
    c["references"] = need(r"[Rr]eferences: (\d+) cited by both, (\d+) only by A, (\d+) only by B",
                           text)
    r = need(r"[Rr]eporting duties: A (\d+), B (\d+); targets: A (\d+), B (\d+)", text)
    c["reporting"], c["targets"] = r[:2], r[2:]

if fmt == "json":
    d = json.loads(s)
    pillars, sections = {}, {}
    pairs = [p for x in d["pillars"] for p in x["pairs"]]
    for x in d["pillars"]:
        n = [len(x["a_tasks"]), len(x["b_tasks"]), len(x["pairs"]), len(x["only_a"]),
             len(x["only_b"])]
        if n[0] or n[1]:
            pillars[x["label"]] = sections[x["label"]] = n
    c["summary"] = {"pairs": len(pairs),
                    "moved": sum(1 for p in pairs if "moved_from" in p),
                    "verbatim": sum(1 for p in pairs if p.get("verbatim")),
                    "only_a": sum(len(x["only_a"]) for x in d["pillars"]),
                    "only_b": sum(len(x["only_b"]) for x in d["pillars"])}
    c["pillars"], c["sections"] = pillars, sections
    c["agencies"] = [len(d["agencies"][k]) for k in ("both", "only_a", "only_b")]
    c["sectors"] = len(d["agencies"]["by_sector"])
    c["references"] = [len(d["references"][k]) for k in ("both", "only_a", "only_b")]
    c["reporting"] = [len(d["reporting"][k]) for k in ("a", "b")]
    c["targets"] = [len(d["targets"][k]) for k in ("a", "b")]
    # The report's summary object, to be checked against its lists.
    sm = d["summary"]
    c["own_summary"] = {
        "summary": {k: sm[k] for k in ("pairs", "moved", "verbatim", "only_a", "only_b")},
        "agencies": [sm["agencies"][k] for k in ("both", "only_a", "only_b")],
        "sectors": sm["agencies"]["by_sector"],
        "references": [sm["references"][k] for k in ("both", "only_a", "only_b")],
        "reporting": [sm["reporting"]["a"], sm["reporting"]["b"]],
        "targets": [sm["targets"]["a"], sm["targets"]["b"]]}
elif fmt == "text":
    cov = s.split("\nCoverage", 1)[1].split("\n\n", 1)[0].split("\n")[1:]
    c["pillars"] = {}
    for line in cov:
        if not line.startswith("  "):   # the sub-heading of the other parts
            continue
        m = re.match(r"^  (.+?) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$", line)
        if not m:
            sys.exit("text: coverage row %r" % line)
        c["pillars"][m.group(1)] = [int(g) for g in m.groups()[1:]]
    c["sections"] = {}
    for part in re.split(r"\n(?=== )", s)[1:]:
        m = re.match(r"== (.+) \(\S+\)  A (\d+), B (\d+), (\d+) paired", part)
        only = [re.search(r"only in %s \((\d+)\)" % x, part) for x in "AB"]
        n = [int(g) for g in m.groups()[1:]] + [int(o.group(1)) if o else 0 for o in only]
        c["sections"][m.group(1)] = n
    summary_lines(s.split("\nSummary\n", 1)[1])
elif fmt == "markdown":
    # The pillars' table, then the other parts' (under a "###" heading).
    part = s.split("## Coverage\n", 1)[1].split("\n## ", 1)[0]
    cov = [l for l in part.split("\n")
           if l.startswith("| ") and not l.startswith("| Category |")]
    c["pillars"] = {}
    for line in cov:
        cells = [x.strip() for x in line.strip("|").split("|")]
        label = re.sub(r" \(`[^`]*`\)$", "", cells[0])
        n = [int(x) for x in cells[1:]]
        if n[0] or n[1]:
            c["pillars"][label.replace("\\", "")] = n
    c["sections"] = {}
    for part in re.split(r"\n(?=## )", s)[1:]:
        m = re.match(r"## (.+?)(?: \(`[^`]*`\))?\n\nA (\d+) tasks, B (\d+) tasks, (\d+) paired\.",
                     part)
        if not m:
            continue
        only = [re.search(r"### Only in %s \((\d+)\)" % x, part) for x in "AB"]
        c["sections"][m.group(1)] = [int(g) for g in m.groups()[1:]] + \
            [int(o.group(1)) if o else 0 for o in only]
    summary_lines(s.split("\n## Summary\n", 1)[1])
    # The agency and reference lists' own headings.
    ag = s.split("\n## Agencies\n", 1)[1].split("\n## References\n", 1)
    c["agency_heads"] = need(r"### Named by both \((\d+)\).*### Only in A \((\d+)\).*"
                             r"### Only in B \((\d+)\)", ag[0], re.S)
    c["reference_heads"] = need(r"### Cited by both \((\d+)\).*### Only in A \((\d+)\).*"
                                r"### Only in B \((\d+)\)", ag[1], re.S)
elif fmt == "html":
    text = lambda frag: html.unescape(re.sub(r"<[^>]+>", "", frag))
    table = s.split('<h2 id="coverage">', 1)[1].split("<table", 1)[1].split("</table>", 1)[0]
    c["pillars"] = {}
    for row in re.findall(r"<tr><td>(.*?)</tr>", table):
        cells = re.split(r"</td><td[^>]*>", row)
        label = text(re.sub(r' <span class="code">.*?</span>', "", cells[0]))
        n = [int(text(x)) for x in cells[1:]]
        if n[0] or n[1]:
            c["pillars"][label] = n
    c["sections"] = {}
    for part in s.split('<div class="cat">')[1:]:
        m = re.search(r"<h2 [^>]*>(.*?)</h2>", part)
        label = text(re.sub(r' <span class="code">.*?</span>', "", m.group(1)))
        c["sections"][label] = need(r"A (\d+) tasks · B (\d+) tasks · (\d+) paired · (\d+) only "
                                    r"in A · (\d+) only in B", part)
    summary_lines(text(s.split('<h2 id="summary">', 1)[1]))
json.dump(c, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF

# same FORMAT KEY: FORMAT shows the numbers of KEY as the JSON's lists do.
cat >"$TMP/same.py" <<'EOF'
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
key = sys.argv[3]
# the headings of the Markdown lists count what the JSON lists hold
w = want[{"agency_heads": "agencies", "reference_heads": "references"}.get(key, key)]
g = got.get(key)
if w != g:
    print("#   %s: %s" % (key, json.dumps(g, ensure_ascii=False)))
    print("#   the JSON's lists: %s" % json.dumps(w, ensure_ascii=False))
    sys.exit(1)
EOF

same() { "$PY" "$TMP/same.py" "$TMP/json.counts" "$TMP/$1.counts" "$2"; }

# compare NAME A B: the four formats of plandiff A B agree.
compare() {
    local name=$1 a=$2 b=$3 f
    # Each format, wide enough that no label is clipped.
    for f in text json markdown html; do
        timeout 60 "$PLANDIFF" --format=$f --width=400 --color=never "$a" "$b" >"$TMP/out.$f" \
            2>"$TMP/err.$f"
        ok "$name, $f: plandiff exits 1 (the plans differ)" test $? -eq 1
    done
    for f in json text markdown html; do
        rm -f "$TMP/$f.counts"
        ok "$name, $f: the counts can be read back" \
            "$PY" "$TMP/read.py" $f "$TMP/out.$f" "$TMP/$f.counts"
    done
    for f in text markdown html; do
        ok "$name, $f: pairs, only in A/B, moved, same wording as the JSON" same $f summary
        ok "$name, $f: each pillar's tasks, pairs and only A/B (coverage table)" same $f pillars
        ok "$name, $f: each category's heading gives the same counts" same $f sections
        ok "$name, $f: agencies both/only A/only B and sectors" \
            eval 'same $f agencies && same $f sectors'
        ok "$name, $f: references both/only A/only B" same $f references
        ok "$name, $f: reporting duties and targets" eval 'same $f reporting && same $f targets'
    done
    ok "$name, markdown: the agency and reference lists' headings" \
        eval 'same markdown agency_heads && same markdown reference_heads'
    ok "$name, json: the summary object agrees with the report's lists" "$PY" -c '
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
bad = [k for k, v in c["own_summary"].items() if c[k] != v]
for k in bad:
    print("#   summary.%s %r, lists %r" % (k, c["own_summary"][k], c[k]))
sys.exit(1 if bad else 0)' "$TMP/json.counts"
}

compare "corpus pair" "$K" "$T"
compare "qd161 against qd155" "$K" "$Q"
ok "qd161 against qd155: A is mapped from qd161 under qd155" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if (d["framework"], d["a"]["mapped_from"], d["b"]["mapped_from"]) ==
         ("qd155", "qd161", None) else 1)' "$TMP/out.json"
ok "qd161 against qd155: the text report says so" \
    grep -q "^A's categories (qd161) mapped to qd155" "$TMP/out.text"
ok "qd161 against qd155: the Markdown report says so" \
    grep -q "^Framework: \`qd155\`.*A's categories (\`qd161\`) mapped through its crosswalk" \
    "$TMP/out.markdown"
ok "qd161 against qd155: the HTML report says so" \
    grep -q "Framework: <span class=\"code\">qd155</span>.*A's categories (<span class=\"code\">qd161</span>) mapped through its crosswalk" \
    "$TMP/out.html"

done_testing
