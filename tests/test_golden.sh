#!/usr/bin/env bash
# test_golden.sh — planparse's tree dump and JSON for the corpus, byte for
# byte against tests/golden/ (reviewed by reading the plans).  After an
# intended change: VNPLAN_REGENERATE=1 make check TESTS=tests/test_golden.sh,
# then review `git diff tests/golden`.
. "$top_srcdir/tests/env.sh"

strip_source() {   # the JSON without its "source" object (paths differ)
    "$PYTHON3" -c 'import json,sys; d=json.load(sys.stdin); d.pop("source",None); print(json.dumps(d,ensure_ascii=False,indent=1))'
}

for name in khanhhoa thanhhoa; do
    in=$CORPUS/$name.txt
    tree=$top_srcdir/tests/golden/$name.tree
    json=$top_srcdir/tests/golden/$name.json
    "$PLANPARSE" --format=tree "$in" > "$TMP/$name.tree"
    "$PLANPARSE" --format=json "$in" | strip_source > "$TMP/$name.json"
    if [ -n "${VNPLAN_REGENERATE:-}" ]; then
        cp "$TMP/$name.tree" "$tree"
        cp "$TMP/$name.json" "$json"
    fi
    ok "$name: tree dump matches golden" diff -u "$tree" "$TMP/$name.tree"
    ok "$name: JSON matches golden" diff -u "$json" "$TMP/$name.json"
done
# plandiff on the corpus pair: the JSON (without file paths) and the text
# report at a fixed width, without colour.  Exit status 1: they differ.
PLANDIFF=$top_builddir/tools/plandiff
"$PLANDIFF" --format=json "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt" |
    "$PYTHON3" -c 'import json,sys; d=json.load(sys.stdin); [d[s].pop("path",None) for s in ("a","b")]; print(json.dumps(d,ensure_ascii=False,indent=1))' \
    > "$TMP/plandiff.json"
"$PLANDIFF" --width=100 --color=never "$CORPUS/khanhhoa.txt" "$CORPUS/thanhhoa.txt" > "$TMP/plandiff.txt"
ok "plandiff exits 1 on plans that differ" test $? -eq 1
for f in plandiff.json plandiff.txt; do
    [ -n "${VNPLAN_REGENERATE:-}" ] && cp "$TMP/$f" "$top_srcdir/tests/golden/$f"
    ok "$f matches golden" diff -u "$top_srcdir/tests/golden/$f" "$TMP/$f"
done
done_testing
