#!/bin/sh
# eval.sh — how well does planparse read real documents?
#
# Runs the scorer of real document openings, score_openings.py, which is
# kept with those documents outside the source tree (../shared/real/ next
# to it), on the built planparse with the source tree's data, and prints its
# figures: how many files parse, how many documents are found, how many of
# the hand-annotated fields (kind, number, date, place, province, title,
# signer) and first-level sections come out right; then, for the Word
# files typed in legacy fonts kept beside them (legacy-docx/), the share
# of their transcripts' characters read right (bench/legacy.py).  A measurement, not a
# test: when the scorer or the documents are not there it says so and
# exits 0.
#
# Run by `make eval` from the build directory.  Environment:
#   top_srcdir     the source tree (default: this script's parent directory)
#   top_builddir   the build tree (default: the current directory)
#   EVAL_SCORER    the scorer (default: $top_srcdir/../shared/real/score_openings.py)
#   EVAL_FLAGS     passed to the scorer, e.g. --verbose to list every miss
#   PYTHON3        the Python 3 interpreter (default: python3)
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
: "${EVAL_SCORER:=$top_srcdir/../shared/real/score_openings.py}"
: "${EVAL_FLAGS:=}"
: "${PYTHON3:=python3}"
[ "$PYTHON3" = no ] && PYTHON3=python3

if [ ! -f "$EVAL_SCORER" ]; then
    echo "eval.sh: no scorer at $EVAL_SCORER; nothing measured"
    exit 0
fi
planparse=$top_builddir/tools/planparse
if [ ! -x "$planparse" ]; then
    echo "eval.sh: $planparse not built (run 'make eval' in the build directory)" >&2
    exit 2
fi
# The scorer runs planparse from its own directory: give it absolute paths.
planparse=$(cd "$(dirname "$planparse")" && pwd)/$(basename "$planparse")
VNPLAN_DATADIR=$(cd "$top_srcdir/data" && pwd)
export VNPLAN_DATADIR

# shellcheck disable=SC2086  # EVAL_FLAGS is a list of flags
"$PYTHON3" "$EVAL_SCORER" "$planparse" $EVAL_FLAGS

# Old Word files typed in legacy fonts, against their Unicode transcripts.
legacy=$(dirname "$EVAL_SCORER")/legacy-docx
if [ -d "$legacy" ]; then
    echo
    echo "Legacy-font Word files: characters of the transcript read right"
    "$PYTHON3" "$top_srcdir/bench/legacy.py" "$planparse" "$legacy"
fi
