#!/bin/bash
# test_i18n.sh — the Vietnamese interface (po/vi.po): plandiff's report and
# --help follow the locale, --lang overrides it both ways, the other tools
# speak Vietnamese too, and the catalog is complete.  The tools run from
# the build tree read its locale/ copy of the catalogs (tools/cli.c).
# Forcing Vietnamese needs the vi_VN.UTF-8 locale (scripts/setup.sh deps
# makes it); without it those checks are skipped, saying why.
. "$top_srcdir/tests/env.sh"

PLANDIFF=$top_builddir/tools/plandiff
PLANTASKS=$top_builddir/tools/plantasks
K=$CORPUS/khanhhoa.txt
T=$CORPUS/thanhhoa.txt
VI=vi_VN.UTF-8
have_vi=
locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8' && have_vi=1

# in_locale LOCALE COMMAND...: COMMAND with LANG=LOCALE and nothing else set.
in_locale() {
    local l=$1
    shift
    env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG="$l" "$@"
}
# skip REASON: a TAP test skipped.
skip() {
    tap_n=$((tap_n + 1))
    echo "ok $tap_n # SKIP $1"
}

vi_labels() {   # the Vietnamese labels of the text report, no English one
    grep -q 'Mức độ bao quát' "$1" && grep -q 'Chỉ có ở A\|chỉ có ở A' "$1" &&
        grep -q 'Văn bản viện dẫn' "$1" && grep -q 'Tổng hợp' "$1" &&
        grep -q 'các kế hoạch khác nhau' "$1" &&
        ! grep -q 'only in\|Coverage\|Summary\|References\|the plans differ' "$1"
}
en_labels() {
    grep -q 'Coverage' "$1" && grep -q 'only in A' "$1" && grep -q 'Summary' "$1" &&
        grep -q 'the plans differ' "$1" && ! grep -q 'Mức độ bao quát\|Tổng hợp' "$1"
}

if [ -n "$have_vi" ]; then
    in_locale $VI "$PLANDIFF" --color=never "$K" "$T" >"$TMP/vi.txt"
    ok "LANG=$VI: plandiff's report in Vietnamese" vi_labels "$TMP/vi.txt"
    in_locale $VI "$PLANDIFF" --lang=en --color=never "$K" "$T" >"$TMP/en.txt"
    ok "--lang=en under LANG=$VI: the report in English" en_labels "$TMP/en.txt"
    in_locale C.UTF-8 "$PLANDIFF" --lang=vi --color=never "$K" "$T" >"$TMP/vi2.txt"
    ok "--lang=vi under LANG=C.UTF-8: the report in Vietnamese" vi_labels "$TMP/vi2.txt"
    ok "the same Vietnamese report either way" cmp -s "$TMP/vi.txt" "$TMP/vi2.txt"
    in_locale $VI "$PLANDIFF" --help >"$TMP/help.vi"
    ok "plandiff --help in Vietnamese" grep -q '^Cách dùng: plandiff' "$TMP/help.vi"
    ok "plandiff --help lists --lang" grep -q -- '--lang=LANG' "$TMP/help.vi"
    in_locale $VI "$PLANDIFF" --format=markdown "$K" "$T" >"$TMP/vi.md"
    ok "the Markdown report in Vietnamese" \
        sh -c 'grep -q "^# So sánh kế hoạch" "$1" && ! grep -q "Only in A\|Summary" "$1"' _ "$TMP/vi.md"
    in_locale $VI "$PLANDIFF" --format=html "$K" "$T" >"$TMP/vi.html"
    ok "the HTML report in Vietnamese" \
        sh -c 'grep -q "So sánh kế hoạch" "$1" && grep -q "Cả hai cùng có" "$1" &&
               ! grep -q ">Summary<\|>Coverage<" "$1"' _ "$TMP/vi.html"
    in_locale $VI "$PLANDIFF" "$K" 2>"$TMP/usage.vi"
    ok "a usage error in Vietnamese, exit 2" \
        sh -c '[ $1 -eq 2 ] && grep -q "cần hai kế hoạch" "$2" && grep -q "Hãy chạy" "$2"' \
        _ $? "$TMP/usage.vi"
    in_locale $VI "$PLANTASKS" --help >"$TMP/tasks.vi"
    ok "plantasks --help in Vietnamese" grep -q '^Cách dùng: plantasks' "$TMP/tasks.vi"
    in_locale $VI "$PLANPARSE" --bogus 2>"$TMP/parse.vi"
    ok "planparse's diagnostics in Vietnamese" grep -q "không có tùy chọn '--bogus'" "$TMP/parse.vi"
else
    for t in "LANG=$VI report" "--lang=en report" "--lang=vi report" "same report" \
        "--help" "--help --lang" "Markdown" "HTML" "usage error" "plantasks --help" \
        "planparse diagnostics"; do
        skip "$t: locale $VI not installed (sh scripts/setup.sh deps, as root)"
    done
fi

# English whatever the locale: no --lang under C, and the JSON untouched.
in_locale C.UTF-8 "$PLANDIFF" --color=never "$K" "$T" >"$TMP/c.txt"
ok "LANG=C.UTF-8: the report in English" en_labels "$TMP/c.txt"
in_locale C.UTF-8 "$PLANDIFF" --lang=en --color=never "$K" "$T" >"$TMP/c2.txt"
ok "--lang=en changes nothing under C" cmp -s "$TMP/c.txt" "$TMP/c2.txt"
if [ -n "$have_vi" ]; then
    in_locale $VI "$PLANDIFF" --format=json "$K" "$T" >"$TMP/vi.json"
    in_locale C.UTF-8 "$PLANDIFF" --format=json "$K" "$T" >"$TMP/c.json"
    ok "the JSON report is the same in every language" cmp -s "$TMP/vi.json" "$TMP/c.json"
else
    skip "JSON in Vietnamese: locale $VI not installed"
fi
in_locale C.UTF-8 "$PLANDIFF" --lang=xx "$K" "$T" 2>"$TMP/bad.err" >/dev/null
ok "--lang=xx is a usage error" sh -c '[ $1 -eq 2 ] && grep -q -- "--lang" "$2"' _ $? "$TMP/bad.err"

# The catalog: complete, nothing fuzzy, formats matching their msgids.
if command -v msgfmt >/dev/null; then
    msgfmt -c --statistics -o /dev/null "$top_srcdir/po/vi.po" 2>"$TMP/stats"
    ok "po/vi.po checks (msgfmt -c)" test $? -eq 0
    ok "po/vi.po: every message translated, none fuzzy" \
        sh -c 'grep -q "translated message" "$1" && ! grep -q "untranslated\|fuzzy" "$1"' _ "$TMP/stats"
    sed 's/^/# /' "$TMP/stats"
else
    skip "msgfmt not installed"
    skip "msgfmt not installed"
fi
done_testing
