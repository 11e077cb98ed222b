#!/usr/bin/env bash
# test_charset_tables.sh — the legacy charset tables of data/charsets/
# against sources that owe nothing to them: glibc's iconv converters for
# VISCII and TCVN 5712 VN1 (vn1.tsv entire; its lower-case letters are the
# TCVN3 font encoding's), and, for VNI, which no converter knows, letters
# verified by hand against the VNI-Windows font layout.
. "$top_srcdir/tests/env.sh"
PY=${PYTHON3:-python3}
[ "$PY" = no ] && PY=python3
T=$VNPLAN_DATADIR/charsets

ok "iconv knows VISCII and TCVN5712-1" \
    sh -c 'printf "\xe1" | iconv -f VISCII -t UTF-8 >/dev/null &&
           printf "\xb8" | iconv -f TCVN5712-1 -t UTF-8 >/dev/null'

# check TABLE ICONV-NAME: every one-byte row decodes, through iconv, to the
# table's letter; rows of the TCVN3 ".VnTimeH" capitals, which share their
# byte with a lower-case letter, to that lower-case letter.  Prints the
# number of rows checked; fails on any disagreement.
check() {
    "$PY" - "$1" "$2" <<'PYEOF'
import subprocess, sys
path, enc = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")
        if l.strip() and not l.startswith("#")]
singles = [r for r in rows if len(r) >= 2 and len(r[1].split()) == 1]
# A space after each byte: every byte decodes to one character, and a
# combining tone mark (VN1 0xB0-0xB4) is not composed with a letter.
blob = b"".join(bytes([int(r[1], 16), 0x20]) for r in singles)
out = subprocess.run(["iconv", "-f", enc, "-t", "UTF-32LE"], input=blob,
                     capture_output=True, check=True).stdout
got = [int.from_bytes(out[i:i + 4], "little") for i in range(0, len(out), 4)][::2]
bad = []
if len(got) != len(singles):
    bad.append("iconv gave %d characters for %d bytes" % (len(got), len(singles)))
for r, g in zip(singles, got):
    want = int(r[0][2:], 16)
    if len(r) > 3 and "H-font only" in r[3]:
        want = ord(chr(want).lower())
    if g != want:
        bad.append("%s: table U+%04X, iconv U+%04X" % (r[1], int(r[0][2:], 16), g))
for b in bad[:10]:
    print("#   " + b)
print("#   %d rows checked" % len(singles))
sys.exit(1 if bad or not singles else 0)
PYEOF
}
ok "viscii.tsv agrees with iconv's VISCII, row by row" check "$T/viscii.tsv" VISCII
ok "tcvn3.tsv agrees with iconv's TCVN5712-1, row by row" check "$T/tcvn3.tsv" TCVN5712-1
ok "vn1.tsv agrees with iconv's TCVN5712-1, row by row" check "$T/vn1.tsv" TCVN5712-1

# complete TABLE ICONV-NAME: every byte the table does not list means to
# iconv what it means in Windows-1252 (the decoder's fallback), so the
# table leaves out no letter.
complete() {
    "$PY" - "$1" "$2" <<'PYEOF'
import subprocess, sys
path, enc = sys.argv[1], sys.argv[2]
listed = {int(l.split("\t")[1], 16) for l in open(path, encoding="utf-8")
          if l.strip() and not l.startswith("#")}
bad = []
for b in range(256):
    if b in listed:
        continue
    r = subprocess.run(["iconv", "-f", enc, "-t", "UTF-8"], input=bytes([b]),
                       capture_output=True)
    try:
        mine = bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        mine = chr(b)       # the five holes read as C1 controls
    if r.returncode != 0 or r.stdout.decode("utf-8") != mine:
        bad.append("0x%02X: iconv %r, unlisted (Windows-1252 %r)"
                   % (b, r.stdout.decode("utf-8", "replace"), mine))
for m in bad[:10]:
    print("#   " + m)
print("#   %d bytes unlisted" % (256 - len(listed)))
sys.exit(1 if bad else 0)
PYEOF
}
ok "vn1.tsv lists every byte iconv's TCVN5712-1 reads otherwise" complete "$T/vn1.tsv" TCVN5712-1
ok "viscii.tsv lists every byte iconv's VISCII reads otherwise" complete "$T/viscii.tsv" VISCII

# VNI-Windows writes a letter as its base and one mark byte, or one byte.
vni() {     # vni CODEPOINT BYTES: the table has exactly this row
    awk -F'\t' -v cp="$1" -v by="$2" '$1 == cp && $2 == by {found = 1} END {exit !found}' \
        "$T/vni.tsv" || { echo "#   vni.tsv: no row $1 $2"; false; }
}
ok "vni.tsv: á à ả ã ạ are a + ù ø û õ ï" sh -c "$(declare -f vni); T='$T';
    vni U+00E1 '0x61 0xF9' && vni U+00E0 '0x61 0xF8' && vni U+1EA3 '0x61 0xFB' &&
    vni U+00E3 '0x61 0xF5' && vni U+1EA1 '0x61 0xEF'"
ok "vni.tsv: â ấ ầ ẩ ẫ ậ are a + â á à å ã ä" sh -c "$(declare -f vni); T='$T';
    vni U+00E2 '0x61 0xE2' && vni U+1EA5 '0x61 0xE1' && vni U+1EA7 '0x61 0xE0' &&
    vni U+1EA9 '0x61 0xE5' && vni U+1EAB '0x61 0xE3' && vni U+1EAD '0x61 0xE4'"
ok "vni.tsv: ă is a + ê; ơ ư đ Đ are ô ö ñ Ñ" sh -c "$(declare -f vni); T='$T';
    vni U+0103 '0x61 0xEA' && vni U+01A1 0xF4 && vni U+01B0 0xF6 &&
    vni U+0111 0xF1 && vni U+0110 0xD1"
done_testing
