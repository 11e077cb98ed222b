# html_layout.sh — sourced by the tests that check how a browser lays out
# an HTML report (test_html_render.sh, test_plancover.sh): headless
# Chromium opens a copy of the page, framed at a width (headless Chromium
# keeps its window at least 500 px wide), with a script added that, once
# the page has loaded, measures it — the page must not be wider than the
# window, no element outside a table's own horizontal scroller may stick
# out on the right, and text should not be set under 11 px — and writes
# its findings into a <pre id="result"> read back from the dumped DOM.
#
#   CHROMIUM            the browser found, or empty (skip the checks)
#   chrome ARGS...      run it headless
#   frame PAGE WIDTH SCRIPT   $TMP/frame-WIDTH.html: PAGE (SCRIPT added) in
#                       a frame WIDTH px wide
#   measure PAGE WIDTH  the findings in $TMP/result-WIDTH: lines WIDTH N,
#                       OVERFLOW N (and what sticks out), SMALL N (and
#                       what), SCROLLERS N, END
#   value WIDTH KEY     the number after KEY in those findings
#   show WIDTH          the findings as TAP comments

CHROMIUM=
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null && { CHROMIUM=$(command -v "$c"); break; }
done

chrome() {
    timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --hide-scrollbars --user-data-dir="$TMP/chrome" "$@" \
        2>>"$TMP/chrome.log"
}

# The measuring script, added before </body>.
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
# srcdoc keeps the frame in the page's origin, so that the script can
# write its findings there.
frame() {
    "${PYTHON3:-python3}" -c '
import html, sys
page = open(sys.argv[1], encoding="utf-8").read().replace("</body>", sys.argv[3] + "\n</body>", 1)
open(sys.argv[2], "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
    "<body style=\"margin:0;background:#888\"><iframe style=\"display:block;border:0;"
    "width:%spx;height:2000px;background:#fff\" srcdoc=\"%s\"></iframe></body></html>\n"
    % (sys.argv[4], html.escape(page, quote=True)))
 ' "$1" "$TMP/frame-$2.html" "$3" "$2"
}

measure() {
    frame "$1" "$2" "$MEASURE"
    chrome --window-size="$(($2 < 500 ? 500 : $2)),2000" --virtual-time-budget=5000 \
        --dump-dom "file://$TMP/frame-$2.html" >"$TMP/dom-$2.html"
    "${PYTHON3:-python3}" -c '
import html, re, sys
m = re.search(r"<pre id=\"result\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m.group(1)) if m else "NO RESULT")' "$TMP/dom-$2.html" >"$TMP/result-$2"
}
# value WIDTH KEY: the number after KEY in the findings.
value() { sed -n "s/^$2 \\([0-9]*\\)\$/\\1/p" "$TMP/result-$1"; }
show() { sed 's/^/#   /' "$TMP/result-$1" | head -n 25; }
