#!/bin/bash
# test_plandiff.sh — plandiff on the corpus pair and on a plan against
# itself: exit statuses, each output format, and the HTML page as a browser
# renders it.  The acceptance check opens the page in headless Chromium,
# dumps the rendered DOM and takes a screenshot (kept as
# tests/plandiff-report.png in the build tree); Chromium is a test
# dependency (scripts/setup.sh installs it), so its absence is a failure.
. "$top_srcdir/tests/env.sh"

PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
PLANDIFF=$top_builddir/tools/plandiff
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt
NUM_A=12127/KH-UBND
NUM_B=115/KH-UBND

# run NAME EXPECTED_STATUS ARGS...: plandiff's stdout in $TMP/NAME, stderr
# in $TMP/NAME.err; true when it exits with EXPECTED_STATUS.
run() {
    local name=$1 want=$2 got
    shift 2
    timeout 60 "$PLANDIFF" "$@" >"$TMP/$name" 2>"$TMP/$name.err"
    got=$?
    [ "$got" -eq "$want" ] || {
        echo "#   plandiff $*: exit $got, want $want"
        sed 's/^/#   /' "$TMP/$name.err" | head -n 5
        false
    }
}
has() { grep -Fq -- "$2" "$TMP/$1" || { echo "#   '$2' not in $1"; false; }; }
silent() { [ ! -s "$TMP/$1.err" ] || { sed 's/^/#   /' "$TMP/$1.err" | head -n 5; false; }; }
# one_error NAME: stderr is one "plandiff: ..." line, optionally followed by
# the "Try 'plandiff --help'." hint that usage errors add.
one_error() {
    local f=$TMP/$1.err n
    n=$(grep -c '^plandiff: ' "$f")
    [ "$n" -eq 1 ] && [ -z "$(grep -v -e '^plandiff: ' -e "^Try 'plandiff --help'.\$" "$f")" ] ||
        { echo "#   stderr of $1:"; sed 's/^/#   /' "$f" | head -n 5; false; }
}

# ------------------------------------------------------------ exit status
ok "corpus pair: exit 1 (the plans differ)" run pair.txt 1 "$K" "$T"
ok "corpus pair: nothing on stderr" silent pair.txt
ok "a plan against itself: exit 0" run self.txt 0 "$K" "$K"
ok "a plan against itself (JSON): exit 0" run self.json 0 --format=json "$K" "$K"
ok "a plan against itself: every task paired, score 1" "$PY" - "$TMP/self.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["summary"]
pairs = [p for c in d["pillars"] for p in c["pairs"]]
bad = [p for p in pairs if abs(p["score"] - 1.0) > 1e-9 or p["a"] != p["b"]]
errors = []
if s["only_a"] != 0 or s["only_b"] != 0:
    errors.append("only_a %d, only_b %d" % (s["only_a"], s["only_b"]))
if len(pairs) != d["a"]["tasks"] or s["pairs"] != len(pairs) or not pairs:
    errors.append("%d pairs for %d tasks" % (len(pairs), d["a"]["tasks"]))
if bad:
    errors.append("pairs not identical: %r" % bad[:3])
if s["differ"]:
    errors.append("summary.differ is true")
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF

printf 'Xin chào.\nĐây không phải là một kế hoạch.\n' >"$TMP/note.txt"
ok "not a plan: exit 2" run notplan 2 "$K" "$TMP/note.txt"
ok "not a plan: one error line" one_error notplan
ok "not a plan: the error names the file" has notplan.err "note.txt"
ok "missing file: exit 2" run missing 2 "$K" "$TMP/no-such-plan.txt"
ok "missing file: one error line" one_error missing
ok "missing file: the error names the file" has missing.err "no-such-plan.txt"
ok "one plan only: exit 2" run usage1 2 "$K"
ok "one plan only: one error line" one_error usage1
ok "unknown option: exit 2" run usage2 2 --no-such-option "$K" "$T"
ok "unknown option: one error line" one_error usage2
ok "unknown format: exit 2" run usage3 2 --format=pdf "$K" "$T"
ok "unknown format: one error line" one_error usage3
ok "--help: exit 0, on stdout" run help 0 --help
ok "--help mentions --format" has help "--format"

# --------------------------------------------------------------- JSON
ok "JSON: exit 1" run pair.json 1 --format=json "$K" "$T"
ok "JSON: parses, five pillars, agencies met by sector" "$PY" - "$TMP/pair.json" \
    "$TMP/labels" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
errors = []
want = ["gan_ket", "hoa_nhap", "ben_vung", "tu_cuong", "nang_dong"]
pillars = {p["id"]: p for p in d["pillars"] if p["id"]}
for pid in want:
    if pid not in pillars or not pillars[pid]["pillar"]:
        errors.append("pillar %s missing" % pid)
if d["a"]["number"] != "12127/KH-UBND" or d["b"]["number"] != "115/KH-UBND":
    errors.append("numbers %r, %r" % (d["a"]["number"], d["b"]["number"]))
sector = [s for s in d["agencies"]["by_sector"] if s["sector"] == "culture-sport-tourism"]
if not sector:
    errors.append("no culture-sport-tourism in agencies.by_sector")
else:
    s = sector[0]
    for name in ("Sở Du lịch", "Sở Văn hóa và Thể thao"):
        if name not in s["a"]:
            errors.append("%s not on side A: %r" % (name, s["a"]))
    if "Sở Văn hóa, Thể thao và Du lịch" not in s["b"]:
        errors.append("Sở Văn hóa, Thể thao và Du lịch not on side B: %r" % s["b"])
# The pillar labels, one a line, for the checks of the other formats.
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for pid in want:
        if pid in pillars:
            f.write(pillars[pid]["label"] + "\n")
for e in errors:
    print("#   " + e)
sys.exit(1 if errors else 0)
EOF
# has_labels NAME: every pillar label is in $TMP/NAME.
has_labels() {
    local label missing=0
    [ -s "$TMP/labels" ] || { echo "#   no pillar labels"; return 1; }
    while IFS= read -r label; do
        grep -Fq -- "$label" "$TMP/$1" || { echo "#   '$label' not in $1"; missing=1; }
    done <"$TMP/labels"
    [ "$missing" -eq 0 ]
}

# --------------------------------------------------------------- text
ok "text: both plan numbers" eval 'has pair.txt "$NUM_A" && has pair.txt "$NUM_B"'
ok "text: the five pillar labels" has_labels pair.txt
esc=$(printf '\033')
no_ansi() { ! grep -q "$esc" "$TMP/$1" || { echo "#   ANSI escapes in $1"; false; }; }
ok "text piped: no ANSI escapes" no_ansi pair.txt
NO_COLOR=1 timeout 60 "$PLANDIFF" "$K" "$T" >"$TMP/nocolor.txt" 2>/dev/null
ok "text with NO_COLOR=1: no ANSI escapes" no_ansi nocolor.txt
ok "text --color=always: exit 1" run color.txt 1 --color=always "$K" "$T"
ok "text --color=always: ANSI escapes" grep -q "$esc\\[" "$TMP/color.txt"
ok "text --width=80: exit 1" run w80.txt 1 --width=80 "$K" "$T"
ok "text --width=80: no line over 80 characters" "$PY" -c '
import sys
bad = [(n, len(l)) for n, l in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n"), 1)
       if len(l) > 80]
for n, w in bad[:5]:
    print("#   line %d: %d characters" % (n, w))
sys.exit(1 if bad else 0)' "$TMP/w80.txt"

# ----------------------------------------------------------- markdown
ok "markdown: exit 1" run pair.md 1 --format=markdown "$K" "$T"
ok "markdown: coverage table header" eval 'grep -q "^| Category | A | B | Pairs |" "$TMP/pair.md" &&
    grep -q "^|---|--:|--:|--:|" "$TMP/pair.md"'
ok "markdown: a table of pairs" grep -q "^| Score | A | B | Text in A | Text in B |" "$TMP/pair.md"
ok "markdown: both plan numbers in the title" eval 'head -n 1 "$TMP/pair.md" | grep -Fq "$NUM_A" &&
    head -n 1 "$TMP/pair.md" | grep -Fq "$NUM_B"'
ok "markdown: the five pillar labels" has_labels pair.md
ok "markdown: table rows have the columns of their header" "$PY" - "$TMP/pair.md" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def cells(l):   # split on "|" not escaped by a backslash
    return len(re.findall(r"(?<!\\)\|", l)) - 1
bad, i = [], 0
while i < len(lines):
    if lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-"):
        n = cells(lines[i])
        j = i + 2
        while j < len(lines) and lines[j].startswith("|"):
            if cells(lines[j]) != n:
                bad.append(j + 1)
            j += 1
        i = j
    else:
        i += 1
for n in bad[:5]:
    print("#   line %d: wrong number of cells" % n)
sys.exit(1 if bad else 0)
EOF

# ------------------------------------------------------------ options
# Without --format, the format follows the extension of the -o file.
for ext in html:'<!DOCTYPE html>' htm:'<!DOCTYPE html>' md:'# Plan comparison' \
           markdown:'# Plan comparison' json:'"schema"' txt:'Coverage'; do
    e=${ext%%:*} want=${ext#*:}
    timeout 60 "$PLANDIFF" -o "$TMP/out.$e" "$K" "$T" 2>/dev/null
    rc=$?
    ok "-o FILE.$e: exit 1, written in its format" eval '[ $rc -eq 1 ] &&
        grep -Fq -- "$want" "$TMP/out.$e"'
done
timeout 60 "$PLANDIFF" --format=text -o "$TMP/forced.html" "$K" "$T" 2>/dev/null
ok "--format wins over the -o extension" eval '! grep -q "<html" "$TMP/forced.html" &&
    grep -q "^Coverage" "$TMP/forced.html"'
# A pipe without --width or COLUMNS gets 80 columns.
env -u COLUMNS timeout 60 "$PLANDIFF" "$K" "$T" >"$TMP/w-default.txt" 2>/dev/null
COLUMNS=60 timeout 60 "$PLANDIFF" "$K" "$T" >"$TMP/w-columns.txt" 2>/dev/null
# widest FILE: its widest line, in characters.
widest() { "$PY" -c 'import sys; print(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")))' "$1"; }
ok "text to a pipe: 80 columns by default" eval '[ "$(widest "$TMP/w-default.txt")" -eq 80 ]'
ok "text to a pipe: \$COLUMNS when set" eval '[ "$(widest "$TMP/w-columns.txt")" -eq 60 ]'
# Each task's whole text, wrapped: the longest task of B is in the report
# word for word, once its lines are joined.
ok "text: every task's whole text, wrapped" "$PY" - "$TMP/w80.txt" "$TMP/pair.json" <<'PYEOF'
import json, re, sys
report = open(sys.argv[1], encoding="utf-8").read()
tasks = json.load(open(sys.argv[2], encoding="utf-8"))["tasks"]
# a task block: its labelled line, then the text indented by 6 columns
texts = [" ".join(l.strip() for l in block.split("\n"))
         for block in re.findall(r"\n((?:      \S.*\n)+)", report)]
joined = "\n".join(texts)
missing = [t["id"] for side in ("a", "b") for t in tasks[side]
           if " ".join(t["text"].split()) not in joined]
for m in missing[:5]:
    print("#   not in the report in full: %s" % m)
sys.exit(1 if missing else 0)
PYEOF
ok "text: the agencies met by sector" eval 'has pair.txt "met by sector" &&
    grep -A2 "^    culture-sport-tourism" "$TMP/pair.txt" | grep -q "Sở Du lịch"'
ok "text: the other parts apart from the pillars in the coverage table" "$PY" -c '
import sys
cov = open(sys.argv[1], encoding="utf-8").read().split("\nCoverage", 1)[1].split("\n\n", 1)[0]
i, j = cov.find("Other parts (not pillars)"), cov.find("Tuyên truyền")
sys.exit(0 if 0 < cov.find("năng động") < i < j else 1)' "$TMP/pair.txt"
ok "markdown: the other parts in a table of their own" eval '
    grep -A4 "^### Other parts (not pillars)" "$TMP/pair.md" | grep -q "^| Tuyên truyền"'
printf 'so-ldtbxh\t\t\t\tSở LĐTBXH\t-\t-\t\n' >"$TMP/kept.tsv"
ok "--agencies with a missing file: exit 2" run noag 2 --agencies="$TMP/none.tsv" "$K" "$T"
ok "--agencies with a missing file: one error line" one_error noag

# ------------------------------------------------------------ --as-of
# The Sở Lao động - Thương binh và Xã hội, which leads most of A's tasks,
# handed its duties to the Sở Nội vụ on 2025-03-01 (data/agencies.tsv):
# --as-of=2026-01-01 shows the Sở Nội vụ in the agency columns of every
# format, and the formats still agree on the counts.
cat >"$TMP/leads.py" <<'PYEOF'
import html, json, re, sys
fmt, path = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
if fmt == "json":
    d = json.loads(s)
    leads = [t.get("lead") or "" for side in ("a", "b") for t in d["tasks"][side]]
    names = [a["label"] for k in ("both", "only_a", "only_b") for a in d["agencies"][k]]
    a = d["summary"]["agencies"]
    counts = [a["both"], a["only_a"], a["only_b"], a["by_sector"]]
else:
    if fmt == "text":
        leads = re.findall(r"^    [AB] T\d+  \S+ :\d+  (.*)$", s, re.M)
        names = sum((l.split("; ") for l in re.findall(r"^  (?:both|only A|only B): +(.*)$",
                                                           s, re.M)), [])
    elif fmt == "markdown":
        leads = [x.rstrip() for x in re.findall(r" — lead: (.*)$", s, re.M)]
        part = s.split("\n## Agencies\n", 1)[1].split("\n### Met by sector", 1)[0]
        names = [r.split(" | ")[0][2:] for r in re.findall(r"^\| .*$", part, re.M)
                 if not r.startswith("| Agency |")]
    else:
        leads = [html.unescape(x) for x in re.findall(r'lead: <span class="lead">(.*?)</span>', s)]
        part = s.split('<h2 id="agencies">', 1)[1].split("<h3>", 1)[0]
        names = [html.unescape(x) for x in re.findall(r"<tr><td>(.*?)</td>", part)]
        s = html.unescape(re.sub(r"<[^>]+>", "", s))
    counts = [int(x) for x in re.search(r"[Aa]gencies: (\d+) named by both, (\d+) only by A, "
                                        r"(\d+) only by B; (\d+) sectors", s).groups()]
print(json.dumps({"leads": leads, "names": names, "counts": counts}, ensure_ascii=False))
PYEOF
LDTBXH="Sở Lao động - Thương binh và Xã hội"
for f in text json markdown html; do
    run plain.$f 1 --format=$f --width=400 "$K" "$T"
    ok "--as-of=2026-01-01, $f: exit 1" run asof.$f 1 --format=$f --width=400 \
        --as-of=2026-01-01 "$K" "$T"
    run kept.$f 1 --format=$f --width=400 --as-of=2026-01-01 --agencies="$TMP/kept.tsv" "$K" "$T"
    for v in plain asof kept; do
        "$PY" "$TMP/leads.py" $f "$TMP/$v.$f" >"$TMP/$v.$f.leads" || echo "#   $v.$f unread"
    done
    ok "$f: without --as-of, leads and agencies name the $LDTBXH" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if sys.argv[2] in d["leads"] and sys.argv[2] in d["names"] else 1)' \
        "$TMP/plain.$f.leads" "$LDTBXH"
    ok "$f: --as-of=2026-01-01 shows the Sở Nội vụ in its place" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
p = json.load(open(sys.argv[2], encoding="utf-8"))
bad = []
if sys.argv[3] in d["leads"] or sys.argv[3] in d["names"]:
    bad.append("still named")
if d["leads"].count("Sở Nội vụ") <= p["leads"].count("Sở Nội vụ") or "Sở Nội vụ" not in d["names"]:
    bad.append("Sở Nội vụ: %d leads, before %d" % (d["leads"].count("Sở Nội vụ"),
                                                   p["leads"].count("Sở Nội vụ")))
for b in bad:
    print("#   " + b)
sys.exit(1 if bad else 0)' "$TMP/asof.$f.leads" "$TMP/plain.$f.leads" "$LDTBXH"
    ok "$f: --agencies clearing the successor keeps the $LDTBXH" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if sys.argv[2] in d["leads"] else 1)' "$TMP/kept.$f.leads" "$LDTBXH"
done
ok "--as-of: the four formats agree on the agency counts" "$PY" -c '
import json, sys
c = [json.load(open(f, encoding="utf-8"))["counts"] for f in sys.argv[1:]]
p = json.load(open(sys.argv[1].replace("asof.", "plain."), encoding="utf-8"))["counts"]
if any(x != c[0] for x in c) or c[0] == p:
    print("#   counts %r (without --as-of %r)" % (c, p))
    sys.exit(1)' "$TMP"/asof.{json,text,markdown,html}.leads

# --------------------------------------------------------------- HTML
HTML=$TMP/report.html
ok "html: exit 1" run report.html 1 --format=html "$K" "$T"
ok "html: nothing on stderr" silent report.html
ok "html: a bar chart" grep -q '<div class="chart"' "$HTML"
ok "html: no network address but the SVG namespace" eval '
    ! grep -o "https\?://[^\"<> ]*" "$HTML" | grep -vqx "http://www.w3.org/2000/svg"'
ok "html: no script, no external stylesheet or image" eval '
    ! grep -Eiq "<script|<link|<img|<iframe|@import|url\(" "$HTML"'
ok "html: parses with html.parser, every element closed" "$PY" - "$HTML" <<'EOF'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))
    def handle_startendtag(self, tag, attrs):
        pass
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("line %d: </%s> closes %r" % (self.getpos()[0], tag,
                               self.stack[-1] if self.stack else None))
        else:
            self.stack.pop()
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if p.stack:
    p.errors.append("unclosed: %r" % p.stack[-3:])
for e in p.errors[:5]:
    print("#   " + e)
sys.exit(1 if p.errors else 0)
EOF
# libxml2's HTML parser (xmllint --html) knows HTML 4 only: the HTML5 and
# SVG elements the page uses are "invalid" tags to it.  Those, and only
# those, are allowed; any other error (a stray end tag, a bad entity, bad
# UTF-8) fails.
xmllint_clean() {
    command -v xmllint >/dev/null || { echo "#   xmllint not installed (libxml2-utils)"; return 1; }
    xmllint --html --noout "$1" 2>"$TMP/xmllint.err"
    grep 'parser error' "$TMP/xmllint.err" |
        grep -Ev ': Tag (svg|g|rect|text|details|summary) invalid$' >"$TMP/xmllint.bad"
    [ ! -s "$TMP/xmllint.bad" ] || { sed 's/^/#   /' "$TMP/xmllint.bad" | head -n 5; false; }
}
ok "html: libxml2's HTML parser reports no error" xmllint_clean "$HTML"

# And an HTML5 parser in strict mode (html5lib, Debian's python3-html5lib):
# any parse error of the HTML5 algorithm — misnested or unclosed elements,
# bad character references, stray end tags — fails.
html5_strict() {
    local py
    for py in "$PY" /usr/bin/python3; do
        if "$py" -c 'import html5lib' 2>/dev/null; then
            "$py" -c '
import sys, html5lib
try:
    html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read())
except html5lib.html5parser.ParseError as e:
    print("#   HTML5 parse error:", e)
    sys.exit(1)' "$1"
            return
        fi
    done
    echo "#   no python3 with html5lib (python3-html5lib)"
    return 1
}
ok "html: a strict HTML5 parser reports no error" html5_strict "$HTML"

# Same page for a plan against itself (no only-A/B lists, all verbatim).
ok "html of a plan against itself: exit 0" run self.html 0 --format=html "$K" "$K"
ok "html of a plan against itself: libxml2 reports no error" xmllint_clean "$TMP/self.html"

# The acceptance test: the page as a browser renders it.
CHROMIUM=
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null && { CHROMIUM=$(command -v "$c"); break; }
done
chrome() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$TMP/chrome" "$@" 2>>"$TMP/chrome.log"
}
ok "chromium is installed (scripts/setup.sh installs it)" test -n "$CHROMIUM"
if [ -n "$CHROMIUM" ]; then
    failed_before=$tap_failed
    chrome --dump-dom "file://$HTML" >"$TMP/dom.html"
    ok "chromium renders the page" grep -q "</html>" "$TMP/dom.html"
    # The DOM's text, tags dropped and entities decoded.
    "$PY" -c '
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"<style.*?</style>", " ", s, flags=re.S)
print(html.unescape(re.sub(r"<[^>]+>", " ", s)))' "$TMP/dom.html" >"$TMP/dom.txt"
    ok "rendered page: the five pillar labels" has_labels dom.txt
    ok "rendered page: both plan numbers" eval 'has dom.txt "$NUM_A" && has dom.txt "$NUM_B"'
    ok "rendered page: the bar chart" grep -q '<div class="chart"' "$TMP/dom.html"
    rm -f "$TMP/report.png"
    chrome --screenshot="$TMP/report.png" --window-size=1280,2000 "file://$HTML" >/dev/null
    ok "chromium saves a screenshot" eval '[ -s "$TMP/report.png" ] &&
        [ "$(head -c 4 "$TMP/report.png" | tail -c 3)" = PNG ]'
    [ -s "$TMP/report.png" ] && mkdir -p "$top_builddir/tests" &&
        cp "$TMP/report.png" "$top_builddir/tests/plandiff-report.png"
    [ "$tap_failed" -eq "$failed_before" ] || sed 's/^/# chromium: /' "$TMP/chrome.log" | tail -n 5
fi

done_testing
