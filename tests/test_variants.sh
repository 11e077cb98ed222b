#!/bin/bash
# test_variants.sh — a plan parses the same however its file was saved.
# For each corpus file, tests/variants.py writes it in other encodings,
# line ends, normalization and layouts; planparse's JSON for each must equal
# the original's apart from the "source" object, and source.encoding must
# name the encoding.  The layout variants (wrapped.txt, pdf.txt) move text
# to other lines and add page furniture, so for them line numbers, residue
# and warnings are not compared either; plain.txt is the text with its
# Markdown removed.
. "${top_srcdir:-.}/tests/env.sh"
: "${PYTHON3:=python3}"

# same A.json B.json [loose]: equal apart from "source" (and, when loose,
# line numbers, residue and warnings).
same() {
    "$PYTHON3" -c '
import json, sys
LOOSE = {"residue", "warnings"}
def strip(x, loose):
    if isinstance(x, dict):
        return {k: strip(v, loose) for k, v in x.items() if k != "source" and not (loose and (
            k in LOOSE or k == "line" or k.endswith("_line") or k.endswith("lines")))}
    if isinstance(x, list):
        return [strip(v, loose) for v in x]
    return x
a, b = (json.dumps(strip(json.load(open(f, encoding="utf-8")), len(sys.argv) > 3),
                   sort_keys=True) for f in sys.argv[1:3])
sys.exit(a != b)' "$@"
}

# same_as_original ORIG.json B.json: the documents, their metadata and
# section trees, tasks and findings equal once curly quotes and dashes are
# read as the ASCII forms that VISCII and VN1 files use; only the agencies'
# lists of printed names may differ (names that differed in a dash alone
# become one).
same_as_original() {
    "$PYTHON3" -c '
import json, sys
ASCII = str.maketrans({"\u201c": "\"", "\u201d": "\"", "\u2018": "'"'"'", "\u2019": "'"'"'",
                       "\u2013": "-", "\u2014": "-"})
def fold(x):
    if isinstance(x, dict):
        return {k: fold(v) for k, v in x.items() if k not in ("source", "agencies")}
    if isinstance(x, list):
        return [fold(v) for v in x]
    return x.translate(ASCII) if isinstance(x, str) else x
a, b = (json.dumps(fold(json.load(open(f, encoding="utf-8"))), sort_keys=True)
        for f in sys.argv[1:3])
sys.exit(a != b)' "$@"
}

# encoding_is FILE.json NAME
encoding_is() {
    "$PYTHON3" -c '
import json, sys
sys.exit(json.load(open(sys.argv[1], encoding="utf-8"))["source"]["encoding"] != sys.argv[2])' "$@"
}

# parse OUT.json FILE [OPTION...]
parse() {
    local out=$1 file=$2
    shift 2
    "$PLANPARSE" --format=json "$@" "$file" >"$out" 2>"$out.err"
}

# variant:encoding[:baseline-variant][:loose]
VARIANTS="utf16le:UTF-16LE utf16be:UTF-16BE bom:UTF-8 crlf:UTF-8 nfd:UTF-8
cp1258:windows-1258 tcvn3:TCVN3 vni:VNI viscii:VISCII:viscii.utf8
vn1:TCVN5712-1:viscii.utf8 wrapped:UTF-8::loose pdf:UTF-8::loose plain:UTF-8"

for src in "$CORPUS"/khanhhoa.txt "$CORPUS"/thanhhoa.txt; do
    name=$(basename "$src" .txt)
    dir=$TMP/$name
    ok "$name: variants written" "$PYTHON3" "$top_srcdir/tests/variants.py" "$src" "$dir"
    ok "$name: original parses" parse "$dir/orig.json" "$src"
    ok "$name: original is UTF-8" encoding_is "$dir/orig.json" UTF-8
    ok "$name: VISCII baseline parses" parse "$dir/viscii.utf8.json" "$dir/viscii.utf8.txt"
    for spec in $VARIANTS; do
        IFS=: read -r v enc base loose <<<"$spec"
        baseline=$dir/orig.json
        [ -n "$base" ] && baseline=$dir/$base.json
        ok "$name $v: parses" parse "$dir/$v.json" "$dir/$v.txt"
        ok "$name $v: same as the original" same "$baseline" "$dir/$v.json" $loose
        ok "$name $v: source.encoding is $enc" encoding_is "$dir/$v.json" "$enc"
    done
    ok "$name vn1: documents, metadata and sections as the original" \
        same_as_original "$dir/orig.json" "$dir/vn1.json"
    ok "$name: --encoding=TCVN3 forced" parse "$dir/forced.json" "$dir/tcvn3.txt" --encoding=TCVN3
    ok "$name: forced TCVN3 same as the original" same "$dir/orig.json" "$dir/forced.json"
    ok "$name: forced TCVN3 named" encoding_is "$dir/forced.json" TCVN3
    ok "$name: --encoding=VN1 forced" parse "$dir/forced-vn1.json" "$dir/vn1.txt" --encoding=VN1
    ok "$name: forced VN1 same as the original" same "$dir/viscii.utf8.json" \
        "$dir/forced-vn1.json"
    ok "$name: forced VN1 named" encoding_is "$dir/forced-vn1.json" TCVN5712-1
done

unknown_encoding() {
    "$PLANPARSE" --format=json --encoding=no-such-encoding "$CORPUS/khanhhoa.txt" \
        >/dev/null 2>&1
    [ $? -eq 2 ]
}
ok "--encoding with an unknown name exits 2" unknown_encoding

done_testing
