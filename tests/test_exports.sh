#!/usr/bin/env bash
# test_exports.sh — the library exports exactly the symbols listed in
# lib/vnplan.sym: a symbol missing from the library or one the list does
# not name fails, by name.  The shared library is read with nm -D; in a
# static-only build (the sanitizer run) the archive's global vnplan_
# symbols stand in for it.
#
# With --list, prints the symbols the built library exports, sorted, one a
# line: what `make update-symbols` writes to lib/vnplan.sym.
. "$top_srcdir/tests/env.sh"
list=$top_srcdir/lib/vnplan.sym
so=$top_builddir/lib/.libs/libvnplan.so

if [ -e "$so" ]; then
    what="the shared library"
    all=$(nm -D --defined-only "$so" | awk 'NF == 3 {print $3}' | LC_ALL=C sort -u)
    syms=$all
else
    what="the static library"
    all=$(nm -g --defined-only "$top_builddir/lib/.libs/libvnplan.a" |
          awk 'NF == 3 {print $3}' | LC_ALL=C sort -u)
    # internal functions (vp_*) are global in the archive; the API is vnplan_*
    syms=$(grep '^vnplan_' <<<"$all" || true)
fi

if [ "${1-}" = --list ]; then
    [ -n "$syms" ] || { echo "test_exports.sh: no symbols in $what" >&2; exit 1; }
    printf '%s\n' "$syms"
    exit 0
fi

# comm reads sorted files; words of $1 joined with spaces, for a message
words() { tr '\n' ' ' <<<"$1" | sed 's/ *$//'; }
printf '%s\n' "$syms" | sed '/^$/d' >"$TMP/got"
sed '/^$/d' "$list" >"$TMP/want"

ok "lib/vnplan.sym is sorted, one symbol a line" \
    eval 'LC_ALL=C sort -cu "$TMP/want" && ! grep -q "[^A-Za-z0-9_]" "$TMP/want"'
missing=$(LC_ALL=C comm -13 "$TMP/got" "$TMP/want")
extra=$(LC_ALL=C comm -23 "$TMP/got" "$TMP/want")
ok "$what exports every symbol of lib/vnplan.sym${missing:+ (missing: $(words "$missing"))}" \
    test -z "$missing"
ok "$what exports nothing else${extra:+ (not in lib/vnplan.sym: $(words "$extra"); run make update-symbols if intended)}" \
    test -z "$extra"
bad=$(grep -v '^vnplan_' <<<"$all" || true)
if [ -e "$so" ]; then
    ok "exported symbols all start with vnplan_${bad:+ (not: $(words "$bad"))}" test -z "$bad"
fi
done_testing
