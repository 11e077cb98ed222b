#!/usr/bin/env bash
# test_layout.sh — lib/ stays readable: laid out by pipeline stage, each
# header named after its source, and no include cycle.
. "$top_srcdir/tests/env.sh"
cd "$top_srcdir/lib" || exit 1

# The stages, in the order data flows through them.
for stage in core read structure extract compare model render; do
    ok "lib/$stage/ exists" test -d "$stage"
done
stray=$(find . -maxdepth 1 -type f -name '*.[ch]' ! -name parse.c ! -name vnplan.h | tr '\n' ' ')
ok "lib/ holds only the stages, parse.c and vnplan.h ${stray:+(also: $stray)}" test -z "$stray"

# Every internal header declares what the source of its name defines;
# hash.h is header-only (inline functions).
orphans=""
for h in */*.h; do
    c=${h%.h}.c
    [ -f "$c" ] || [ "$h" = core/hash.h ] || orphans="$orphans $h"
done
ok "every header has a source of its name ${orphans:+(not:$orphans)}" test -z "$orphans"

# Include edges between headers ("a.h includes b.h"), as tsort pairs.  tsort
# fails on a loop and names its members on stderr.
edges=$TMP/edges
for h in */*.h vnplan.h; do
    echo "$h $h"
    sed -n 's/^#include "\([^"]*\.h\)".*/\1/p' "$h" | while read -r inc; do
        [ "$inc" = config.h ] || echo "$h $inc"
    done
done > "$edges"
acyclic() { tsort "$1" > /dev/null; }
ok "no include cycle among lib/ headers" acyclic "$edges"

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
