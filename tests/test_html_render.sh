#!/bin/bash
# test_html_render.sh — plandiff's HTML report as a browser lays it out,
# on a phone (390 px wide) and on a desktop (1280 px), measured as
# tests/html_layout.sh does: nothing wider than the window, nothing
# sticking out on the right, no text under 11 px (the old SVG chart, scaled
# down, had 4 px text).  The screenshots are
# kept in the build tree (html-390.png, html-1280.png).  Skipped only when
# Chromium is not installed (scripts/setup.sh installs it).
. "$top_srcdir/tests/env.sh"
. "$top_srcdir/tests/html_layout.sh"

PLANDIFF=$top_builddir/tools/plandiff
if [ -z "$CHROMIUM" ]; then
    echo "ok 1 # SKIP chromium is not installed"
    echo "1..1"
    exit 0
fi

PAGE=$TMP/report.html
# The format follows the extension of the -o file.
ok "plandiff -o report.html exits 1 (the plans differ)" eval '
    "$PLANDIFF" -o "$PAGE" "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt"; test $? -eq 1'
ok "the report is an HTML page" grep -q "^<!DOCTYPE html>" "$PAGE"
ok "it has a viewport meta tag" grep -q '<meta name="viewport" content="width=device-width' "$PAGE"

for width in 390 1280; do
    measure "$PAGE" $width
    ok "$width px: the page was measured" grep -q "^END" "$TMP/result-$width"
    ok "$width px: the window is $width px wide" eval '[ "$(value $width WIDTH)" -le $width ] &&
        [ "$(value $width WIDTH)" -ge $((width - 20)) ] || { show $width; false; }'
    ok "$width px: nothing sticks out on the right" eval '
        [ "$(value $width OVERFLOW)" = 0 ] || { show $width; false; }'
    ok "$width px: no text under 11 px" eval '
        [ "$(value $width SMALL)" = 0 ] || { show $width; false; }'
    echo "# $width px: $(value $width SCROLLERS) table(s) scroll inside their own frame"
    rm -f "$TMP/shot.png"
    frame "$PAGE" $width ""
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
