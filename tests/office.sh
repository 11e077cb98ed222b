# office.sh — sourced by the Word and OpenDocument tests (test_docx.sh,
# test_odt.sh) after env.sh: comparing an office file's plan with its
# text's, and hostile files.  They set MK (the generator) and EXT.
PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
LIMIT=60

# The tree without line numbers (an office file counts paragraphs, not
# lines) and without the format line.
tree() { "$PLANPARSE" --format=tree "$1" | sed -e 's/ lines\{0,1\}=[0-9-]*//' -e '1d'; }
same_tree() {
    tree "$1" >"$TMP/a" && tree "$2" >"$TMP/b" &&
        { diff "$TMP/a" "$TMP/b" >"$TMP/d" || { sed 's/^/#   /' "$TMP/d" | head -20; false; }; }
}
tasks() { "$PLANPARSE" "$1" | "$PY" -c 'import json,sys; d=json.load(sys.stdin); print(sum(len(x["tasks"]) for x in d["documents"]))'; }

# A file made by the generator to hurt a reader: one line on stderr, the
# documented status, quickly.
hostile() {     # hostile KIND STATUS REGEX
    "$PY" "$MK" hostile "$1" "$TMP/$1.$EXT" || return 1
    timeout "$LIMIT" "$PLANPARSE" "$TMP/$1.$EXT" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    [ "$rc" -eq "$2" ] || { echo "#   $1: exit $rc, want $2"; sed 's/^/#   /' "$TMP/err"; return 1; }
    [ "$(wc -l <"$TMP/err")" -eq 1 ] || { echo "#   $1: not one line"; sed 's/^/#   /' "$TMP/err"; return 1; }
    grep -Eqi -- "$3" "$TMP/err" || { echo "#   $1: want /$3/"; sed 's/^/#   /' "$TMP/err"; return 1; }
}
# Lines of the tree in $TMP/lists.tree (the reader's details).
has() { grep -qF -- "$1" "$TMP/lists.tree" || { echo "#   missing: $1"; false; }; }
lacks() { ! grep -qF -- "$1" "$TMP/lists.tree" || { echo "#   unwanted: $1"; false; }; }
no_passwd() { ! grep -q 'root:' "$TMP/out" "$TMP/err"; }
