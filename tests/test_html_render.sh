#!/bin/bash
# test_html_render.sh — plandiff's HTML report as a browser lays it out,
# on a phone (390 px wide) and on a desktop (1280 px): headless Chromium
# opens a copy of the corpus pair's page, framed at that width (headless
# Chromium keeps its window at least 500 px wide), with a script added that,
# once the page has loaded, measures it — the page must not be wider than
# the window, no element outside a table's own horizontal scroller may
# stick out on the right, and no text may be set smaller than 11 px (the
# old SVG chart, scaled down, had 4 px text) — and writes its findings into
# a <pre id="result"> read back from the dumped DOM.  The screenshots are
# kept in the build tree (html-390.png, html-1280.png).  Skipped only when
# Chromium is not installed (scripts/setup.sh installs it).
. "$top_srcdir/tests/env.sh"

PLANDIFF=$top_builddir/tools/plandiff
CHROMIUM=
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null && { CHROMIUM=$(command -v "$c"); break; }
done
if [ -z "$CHROMIUM" ]; then
    echo "ok 1 # SKIP chromium is not installed"
    echo "1..1"
    exit 0
fi

chrome() {
    timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --hide-scrollbars --user-data-dir="$TMP/chrome" "$@" \
        2>>"$TMP/chrome.log"
}

PAGE=$TMP/report.html
# The format follows the extension of the -o file.
ok "plandiff -o report.html exits 1 (the plans differ)" eval '
    "$PLANDIFF" -o "$PAGE" "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt"; test $? -eq 1'
ok "the report is an HTML page" grep -q "^<!DOCTYPE html>" "$PAGE"
ok "it has a viewport meta tag" grep -q '<meta name="viewport" content="width=device-width' "$PAGE"

# The measuring copy: the script goes before </body>.
MEASURE='<script>
addEventListener("load", function () {
  var w = document.documentElement.clientWidth, bad = [], small = [], scrollers = 0;
  if (document.documentElement.scrollWidth > w)
    bad.push("page " + document.documentElement.scrollWidth + " px wide");
  var all = document.body.getElementsByTagName("*");
  for (var i = 0; i < all.length; i++) {
    var e = all[i], inside = false;
    for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      var ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll" || ox === "hidden") { inside = true; break; }
    }
    var r = e.getBoundingClientRect();
    if (!inside && r.width > 0 && r.right > w + 0.5)
      bad.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") +
               " ends at " + Math.round(r.right) + " px");
    var own = "";
    for (var k = 0; k < e.childNodes.length; k++)
      if (e.childNodes[k].nodeType === 3) own += e.childNodes[k].nodeValue;
    var fs = parseFloat(getComputedStyle(e).fontSize);
    if (e instanceof SVGElement && r.height > 0)   /* scaled by a viewBox */
      fs = Math.min(fs, r.height / 1.2);
    if (own.trim() && r.width > 0 && fs < 11)
      small.push(e.tagName.toLowerCase() + " " + fs + " px: " + own.trim().slice(0, 30));
    if (getComputedStyle(e).overflowX === "auto" && e.scrollWidth > e.clientWidth + 1)
      scrollers++;
  }
  var top = parent !== window ? parent.document : document;
  var pre = top.createElement("pre");
  pre.id = "result";
  pre.textContent = "WIDTH " + w + "\nOVERFLOW " + bad.length + "\n" + bad.slice(0, 10).join("\n") +
    "\nSMALL " + small.length + "\n" + small.slice(0, 10).join("\n") +
    "\nSCROLLERS " + scrollers + "\nEND";
  top.body.appendChild(pre);
});
</script>'
# frame WIDTH SCRIPT: a page holding the report (with SCRIPT added) in a
# frame WIDTH px wide, in $TMP/frame-WIDTH.html; srcdoc keeps the frame in
# the page's origin, so that the script can write its findings there.
frame() {
    "${PYTHON3:-python3}" -c '
import html, sys
page = open(sys.argv[1], encoding="utf-8").read().replace("</body>", sys.argv[3] + "\n</body>", 1)
open(sys.argv[2], "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
    "<body style=\"margin:0;background:#888\"><iframe style=\"display:block;border:0;"
    "width:%spx;height:2000px;background:#fff\" srcdoc=\"%s\"></iframe></body></html>\n"
    % (sys.argv[4], html.escape(page, quote=True)))
' "$PAGE" "$TMP/frame-$1.html" "$2" "$1"
}

# measure WIDTH: the findings at that window width in $TMP/result-WIDTH.
measure() {
    frame "$1" "$MEASURE"
    chrome --window-size="$(($1 < 500 ? 500 : $1)),2000" --virtual-time-budget=5000 \
        --dump-dom "file://$TMP/frame-$1.html" >"$TMP/dom-$1.html"
    "${PYTHON3:-python3}" -c '
import html, re, sys
m = re.search(r"<pre id=\"result\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m.group(1)) if m else "NO RESULT")' "$TMP/dom-$1.html" >"$TMP/result-$1"
}
# value WIDTH KEY: the number after KEY in the findings.
value() { sed -n "s/^$2 \\([0-9]*\\)\$/\\1/p" "$TMP/result-$1"; }
show() { sed 's/^/#   /' "$TMP/result-$1" | head -n 25; }

for width in 390 1280; do
    measure $width
    ok "$width px: the page was measured" grep -q "^END" "$TMP/result-$width"
    ok "$width px: the window is $width px wide" eval '[ "$(value $width WIDTH)" -le $width ] &&
        [ "$(value $width WIDTH)" -ge $((width - 20)) ] || { show $width; false; }'
    ok "$width px: nothing sticks out on the right" eval '
        [ "$(value $width OVERFLOW)" = 0 ] || { show $width; false; }'
    ok "$width px: no text under 11 px" eval '
        [ "$(value $width SMALL)" = 0 ] || { show $width; false; }'
    echo "# $width px: $(value $width SCROLLERS) table(s) scroll inside their own frame"
    rm -f "$TMP/shot.png"
    frame $width ""
    chrome --window-size="$((width < 500 ? 500 : width)),2000" --screenshot="$TMP/shot.png" \
        "file://$TMP/frame-$width.html" >/dev/null
    ok "$width px: a screenshot is saved (html-$width.png)" eval '[ -s "$TMP/shot.png" ] &&
        [ "$(head -c 4 "$TMP/shot.png" | tail -c 3)" = PNG ] &&
        cp "$TMP/shot.png" "$top_builddir/html-$width.png"'
done
# On a desktop the tables fit: none needs its scroller.
ok "1280 px: no table needs scrolling" eval '[ "$(value 1280 SCROLLERS)" = 0 ] || { show 1280; false; }'
# The chart: the pillars, then the other parts under their own heading.
ok "the chart shows the pillars, then the other parts apart" "${PYTHON3:-python3}" -c '
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
chart = s.split("<div class=\"chart\"", 1)[1].split("<table", 1)[0]
groups = re.findall(r"<div class=\"group\">([^<]*)</div>", chart)
ok = groups == ["Pillars", "Other parts (not pillars)"]
ok = ok and chart.index("Xây dựng cộng đồng năng động") < chart.index("Other parts") < \
    chart.index("Tuyên truyền, nâng cao nhận thức")
if not ok:
    print("#   groups %r" % groups)
sys.exit(0 if ok else 1)' "$PAGE"
[ "$tap_failed" -eq 0 ] || sed 's/^/# chromium: /' "$TMP/chrome.log" | tail -n 5

done_testing
