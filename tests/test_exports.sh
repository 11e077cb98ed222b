#!/usr/bin/env bash
# test_exports.sh — the shared library exports vnplan_* and nothing else.
. "$top_srcdir/tests/env.sh"
lib=$(ls "$top_builddir"/lib/.libs/libvnplan.so 2>/dev/null | head -1)
if [ -z "$lib" ]; then
    # static-only build (the sanitizer run): check the archive's globals
    lib=$top_builddir/lib/.libs/libvnplan.a
    syms=$(nm -g --defined-only "$lib" | awk 'NF==3 && $2 ~ /[TDRB]/ {print $3}')
    ok "static library defines vnplan_ symbols" test -n "$(echo "$syms" | grep '^vnplan_')"
else
    syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDRB]/ {print $3}')
    bad=$(echo "$syms" | grep -v '^vnplan_' || true)
    ok "exported symbols all start with vnplan_ ${bad:+(not: $bad)}" test -z "$bad"
    for fn in vnplan_parse_file vnplan_render vnplan_fold vnplan_version; do
        ok "$fn is exported" grep -qx "$fn" <<<"$syms"
    done
fi
done_testing
