#!/bin/sh
# run.sh — run every libFuzzer target for a bounded time.
#
#   sh fuzz/run.sh BUILD_DIR [SECONDS]
#
# Seeds: the corpus plans, the fixtures of tests/, two DOCX files and, for
# the comparison target, the corpus pair joined by a form feed (where it
# cuts its input); for the package target, the XML parts of every Word and
# OpenDocument file of the tests (fuzz/seeds.py).
# New inputs go to BUILD_DIR/fuzz-corpus/TARGET; a crash, leak, timeout or
# sanitizer report makes the run fail, and the input is kept as
# BUILD_DIR/fuzz-crash-TARGET-* (add it to tests/ as a regression case).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: sh fuzz/run.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
VNPLAN_DATADIR=$src/data
export VNPLAN_DATADIR

seeds=$build/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds/text" "$seeds/compare" "$seeds/package"
cp "$src"/corpus/*.txt "$seeds/text/"
[ -d "$src/tests/fixtures" ] && cp "$src"/tests/fixtures/*.txt "$seeds/text/"
# Word files too (made by the tests' own writer): the text target reads
# any bytes, and a ZIP is read as DOCX.
if command -v python3 >/dev/null; then
    python3 "$src/tests/make_docx.py" plan "$src/tests/fixtures/plan155.txt" \
        "$seeds/text/plan155.docx" || true
    python3 "$src/tests/make_docx.py" lists "$seeds/text/lists.docx" || true
    python3 "$src/fuzz/seeds.py" "$seeds/package" "$seeds"/text/*.docx \
        "$src"/tests/fixtures/docx/*.docx "$src"/tests/fixtures/docx/*.odt 2>/dev/null || true
fi
i=0
for k in "$src"/corpus/*.txt "$src"/tests/fixtures/*.txt; do
    for t in "$src"/corpus/*.txt; do
        i=$((i + 1))
        { cat "$k"; printf '\f'; cat "$t"; } >"$seeds/compare/pair$i.txt"
    done
done

status=0
fast=$((seconds * 2 / 3))
deep=$((seconds - fast))
for target in text compare package; do
    dict=$src/fuzz/plans.dict
    [ "$target" = package ] && dict=$src/fuzz/package.dict
    exe=$build/fuzz/fuzz_$target
    work=$build/fuzz-corpus/$target
    mkdir -p "$work"
    # Two rounds: small inputs (-max_len 1024) run fast and find most; then
    # whole-size inputs, so the deep paths of real plans are driven too.
    for round in "$fast 1024" "$deep 0"; do
        set -- $round
        [ "$1" -gt 0 ] || continue
        echo "fuzz: $target for ${1}s (max_len ${2:-any})"
        if ! "$exe" -max_total_time="$1" -max_len="$2" -timeout=20 -rss_limit_mb=2048 \
            -dict="$dict" -artifact_prefix="$build/fuzz-crash-$target-" \
            -print_final_stats=1 "$work" "$seeds/$target" 2>"$build/fuzz-$target.log"; then
            tail -40 "$build/fuzz-$target.log"
            status=1
        fi
        grep -E '^stat::number_of_executed_units' "$build/fuzz-$target.log" || true
    done
done
exit $status
