#!/usr/bin/env bash
# test_layout.sh — lib/ stays readable: laid out by pipeline stage, each
# header named after its source, and no dependency cycle.
. "$top_srcdir/tests/env.sh"
cd "$top_srcdir/lib" || exit 1

# The stages, in the order data flows through them.
for stage in core read structure extract compare model render; do
    ok "lib/$stage/ exists" test -d "$stage"
done
# (vnplan_version.h: made here by configure in a build in the source tree)
stray=$(find . -maxdepth 1 -type f -name '*.[ch]' ! -name parse.c ! -name vnplan.h \
    ! -name vnplan_version.h | tr '\n' ' ')
ok "lib/ holds only the stages, parse.c and vnplan.h ${stray:+(also: $stray)}" test -z "$stray"

# Every internal header declares what the source of its name defines;
# hash.h is header-only (inline functions).
orphans=""
for h in */*.h; do
    c=${h%.h}.c
    [ -f "$c" ] || [ "$h" = core/hash.h ] || orphans="$orphans $h"
done
ok "every header has a source of its name ${orphans:+(not:$orphans)}" test -z "$orphans"

# Dependencies between modules (a source and its header are one module:
# "extract/agencies"), from every quoted include of either, as tsort pairs.
# tsort fails on a loop and names its members on stderr: a cycle means two
# stages that cannot be understood, tested or replaced one without the other.
edges=$TMP/edges
for f in *.c */*.[ch] vnplan.h; do
    m=${f%.*}
    echo "$m $m"
    sed -n 's/^#include "\([^"]*\)\.h".*/\1/p' "$f" | while read -r inc; do
        [ "$inc" = config ] || [ "$inc" = "$m" ] || echo "$m $inc"
    done
done > "$edges"
acyclic() { tsort "$1" > /dev/null; }
ok "no dependency cycle among lib/ modules" acyclic "$edges"

# Every quoted include names a file that exists under lib/ (paths are
# relative to lib/, so a stage's dependencies read off its includes).
missing=""
for f in *.c */*.[ch]; do
    for inc in $(sed -n 's/^#include "\([^"]*\.h\)".*/\1/p' "$f"); do
        [ "$inc" = config.h ] || [ -f "$inc" ] || missing="$missing $f:$inc"
    done
done
ok "every include names a path under lib/ ${missing:+(not:$missing)}" test -z "$missing"
done_testing
