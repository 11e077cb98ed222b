#!/usr/bin/env bash
# test_tasks.sh — tasks, duties and their agencies on the corpus, scored
# against the hand annotation in tests/expected/tasks.tsv.
. "$top_srcdir/tests/env.sh"
for name in khanhhoa thanhhoa; do
    "$PLANPARSE" --format=json "$CORPUS/$name.txt" > "$TMP/$name.json" || exit 1
done
exec "$PYTHON3" "$top_srcdir/tests/score_tasks.py" "$top_srcdir/tests/expected/tasks.tsv" \
    "$TMP/khanhhoa.json" "$TMP/thanhhoa.json"
