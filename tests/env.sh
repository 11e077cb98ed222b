# env.sh — sourced by the shell tests: where things are, and TAP helpers.
: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${VNPLAN_DATADIR:=$top_srcdir/data}"
export VNPLAN_DATADIR
# The tools speak the user's language (po/): the tests compare English
# output, whatever the locale of whoever runs them (test_i18n.sh sets its
# own for each command).
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
PLANPARSE=$top_builddir/tools/planparse
CORPUS=$top_srcdir/corpus
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vnplan-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
tap_n=0
tap_failed=0
ok() {      # ok DESCRIPTION COMMAND...
    local d=$1; shift
    tap_n=$((tap_n + 1))
    if "$@"; then echo "ok $tap_n - $d"; else
        echo "not ok $tap_n - $d"; tap_failed=$((tap_failed + 1)); fi
}
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
