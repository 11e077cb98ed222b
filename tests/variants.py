#!/usr/bin/env python3
"""Write variants of a UTF-8 NFC plan file, for tests that a parse does not
depend on how the file was saved.

    python3 tests/variants.py INPUT.txt OUTDIR

Encodings: utf16le.txt, utf16be.txt (both with a BOM), bom.txt (UTF-8 BOM),
crlf.txt, nfd.txt, cp1258.txt, tcvn3.txt, vni.txt, viscii.txt, vn1.txt.
VISCII and VN1 (TCVN 5712:1993 VN1, glibc's TCVN5712-1) have no curly
quotes or en dash; viscii.txt and vn1.txt use the ASCII forms, and
viscii.utf8.txt is the UTF-8 text both stand for.  The TCVN3, VNI and
VISCII encoders are built from the same tables the library reads
($VNPLAN_DATADIR/charsets, default ./data); TCVN3 capitals with a tone mark
get the lower-case byte, as plain .VnTime text does.  vn1.txt is written by
`iconv -t TCVN5712-1` when iconv is there, and must then equal what the VN1
table gives.

Layout: wrapped.txt (lines over 78 columns hard-wrapped at spaces, as a
mail client does) and pdf.txt (page furniture of a PDF export: a footer
"Trang N", a form feed, a running header, every 40 lines; every third page
break falls inside a paragraph) and plain.txt (the Markdown of a Word
export removed: "#" heading markers, "**" and "*" or "_" emphasis).

Prints nothing on success; exits 1 with a message on error.
"""
import os
import re
import shutil
import subprocess
import sys
import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"
PAGE_LINES = 40
HEADER = "Kế hoạch thực hiện Đề án ASEAN"
WIDTH = 78


class Error(Exception):
    pass


def load_table(datadir, name):
    """letter -> bytes, from a charsets/*.tsv table."""
    path = os.path.join(datadir, "charsets", name)
    table = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 3 or not cols[0].startswith("U+"):
                    raise Error(f"{path}:{n}: bad row")
                table[chr(int(cols[0][2:], 16))] = bytes(
                    int(b, 16) for b in cols[1].split())
    except OSError as e:
        raise Error(f"{path}: {e.strerror}") from None
    return table


def encode_table(text, table, name, fallback=None):
    """Encode with a letter table; other characters as ASCII or, when the
    byte is free in the table, as Windows-1252."""
    used = {b[0] for b in table.values()}
    out = bytearray()
    for ch in text:
        if ch in table:
            out += table[ch]
            continue
        if fallback and ch in fallback:
            ch = fallback[ch]
        try:
            b = ch.encode("cp1252")
        except UnicodeEncodeError:
            raise Error(f"{name} cannot encode {ch!r} (U+{ord(ch):04X})") from None
        if b[0] >= 0x80 and b[0] in used:
            raise Error(f"{name} cannot encode {ch!r}: its byte is a letter")
        out += b
    return bytes(out)


def decode_table(data, table):
    """The reverse of encode_table, lower case winning a shared byte (used
    only to check the encoders)."""
    rev = {}
    for ch, b in table.items():
        if b not in rev or ch.islower():
            rev[b] = ch
    out, i = [], 0
    while i < len(data):
        if data[i:i + 2] in rev:
            out.append(rev[data[i:i + 2]])
            i += 2
        elif data[i:i + 1] in rev:
            out.append(rev[data[i:i + 1]])
            i += 1
        else:
            out.append(data[i:i + 1].decode("cp1252"))
            i += 1
    return "".join(out)


def encode_cp1258(text):
    """Windows-1258 holds the vowels with their quality marks precomposed
    and the five tone marks as combining bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        tones = "".join(c for c in nfd if c in TONES)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            raise Error(f"windows-1258 cannot encode {ch!r}") from None
    data = bytes(out)
    if unicodedata.normalize("NFC", data.decode("cp1258")) != text:
        raise Error("windows-1258 round trip failed")
    return data


LIST_START = re.compile(r"^(?:[-+*#>–•]|\d+[.)]|[A-Za-zđĐ][.)]|[IVXLC]+\.|\(\w+\))")


def wrapped(text):
    """Greedy wrap at spaces to WIDTH columns, indentation kept on the first
    line; a continuation never starts with what would read as a list marker
    or heading, as careful mail clients avoid starting one with ">"."""
    lines = text.split("\n")
    out = []
    for line in lines:
        if len(line) <= WIDTH:
            out.append(line)
            continue
        indent = line[:len(line) - len(line.lstrip(" "))]
        words = line[len(indent):].split(" ")
        cur = [indent + words[0]]
        for w in words[1:]:
            if len(" ".join(cur)) + 1 + len(w) <= WIDTH:
                cur.append(w)
                continue
            if not w:           # extra spaces at a wrap point go, as in mail
                continue
            nxt = [w]
            # Take words down with a marker-like word, keeping one behind.
            while LIST_START.match(nxt[0]) and len(cur) > 1:
                nxt.insert(0, cur.pop())
            out.append(" ".join(cur))
            cur = nxt
        out.append(" ".join(cur))
    return "\n".join(out)


def split_point(line):
    """Index of a space near the middle of a long paragraph line where the
    word before ends without punctuation and the word after is lower case
    (so it reads as a cut paragraph, not a new one); None if there is none."""
    spaces = [m.start() for m in re.finditer(" ", line)]
    mid = len(line) // 2
    for i in sorted(spaces, key=lambda s: abs(s - mid)):
        before, after = line[:i], line[i + 1:]
        if before and before[-1].isalpha() and after[:1].islower() \
                and not LIST_START.match(after):
            return i
    return None


def pdf(text):
    lines = text.split("\n")
    trailing_nl = text.endswith("\n")
    if trailing_nl:
        lines.pop()
    out, page, on_page, i = [], 1, 0, 0

    def page_break():
        nonlocal page
        out.append(f"Trang {page}")
        out.append("\f" + HEADER)
        page += 1

    while i < len(lines):
        line = lines[i]
        on_page += 1
        i += 1
        if on_page < PAGE_LINES:
            out.append(line)
            continue
        if page % 3 == 0:
            # Cut the next long paragraph in two across the page break.
            j = i - 1
            while j < len(lines) and j < i + 20 and (
                    len(lines[j]) < 160 or split_point(lines[j]) is None):
                j += 1
            if j < len(lines) and j < i + 20:
                out.extend(lines[i - 1:j])
                cut = split_point(lines[j])
                out.append(lines[j][:cut])
                page_break()
                out.append(lines[j][cut + 1:])
                i = j + 1
                on_page = 1
                continue
        out.append(line)
        page_break()
        on_page = 0
    out.append(f"Trang {page}")
    return "\n".join(out) + ("\n" if trailing_nl else "")


HEADING_MARK = re.compile(r"^(\s*)#{1,6}[ \t]+", re.M)
EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")


def plain(text):
    """The text without its Markdown: heading markers and emphasis go, list
    markers ("- ", "+ ", "* " at the start of a line) stay."""
    text = HEADING_MARK.sub(r"\1", text)
    out = []
    for line in text.split("\n"):
        m = re.match(r"^(\s*(?:[-+*][ \t]+)*)", line)
        lead = m.group(1)
        out.append(lead + EMPHASIS.sub("", line[len(lead):]))
    return "\n".join(out)


def encode_vn1(text, table):
    """VN1 through iconv when it is installed, checked against the table."""
    mine = encode_table(text, table, "VN1")
    if not shutil.which("iconv"):
        return mine
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
                       input=text.encode("utf-8"), capture_output=True)
    if r.returncode != 0:
        raise Error("iconv -t TCVN5712-1: " + r.stderr.decode(errors="replace").strip())
    if r.stdout != mine:
        at = next(i for i, (a, b) in enumerate(zip(r.stdout, mine)) if a != b) \
            if len(r.stdout) == len(mine) else min(len(r.stdout), len(mine))
        raise Error(f"vn1.tsv and iconv's TCVN5712-1 differ at byte {at}")
    return r.stdout


def main(argv):
    if len(argv) != 3:
        print("usage: variants.py INPUT.txt OUTDIR", file=sys.stderr)
        return 1
    src, outdir = argv[1], argv[2]
    datadir = os.environ.get("VNPLAN_DATADIR") or "./data"
    try:
        with open(src, encoding="utf-8", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise Error(f"{src}: {e}") from None
    if unicodedata.normalize("NFC", text) != text:
        raise Error(f"{src}: not NFC")
    if "\r" in text:
        raise Error(f"{src}: has CR line ends")

    tcvn3 = load_table(datadir, "tcvn3.tsv")
    vni = load_table(datadir, "vni.tsv")
    viscii = load_table(datadir, "viscii.tsv")
    vn1 = load_table(datadir, "vn1.tsv")
    ascii_punct = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
    viscii_text = "".join(ascii_punct.get(c, c) for c in text)

    out = {
        "utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "nfd.txt": unicodedata.normalize("NFD", text).encode("utf-8"),
        "cp1258.txt": encode_cp1258(text),
        "tcvn3.txt": encode_table(text, tcvn3, "TCVN3"),
        "vni.txt": encode_table(text, vni, "VNI"),
        "viscii.txt": encode_table(viscii_text, viscii, "VISCII"),
        "viscii.utf8.txt": viscii_text.encode("utf-8"),
        "vn1.txt": encode_vn1(viscii_text, vn1),
        "wrapped.txt": wrapped(text).encode("utf-8"),
        "pdf.txt": pdf(text).encode("utf-8"),
        "plain.txt": plain(text).encode("utf-8"),
    }
    # The table encoders must decode back (TCVN3 up to the lost case).
    for name, table, want in (("vni.txt", vni, text), ("viscii.txt", viscii, viscii_text),
                              ("vn1.txt", vn1, viscii_text), ("tcvn3.txt", tcvn3, text)):
        got = decode_table(out[name], table)
        if name == "tcvn3.txt":
            got, want = got.lower(), want.lower()
        if got != want:
            raise Error(f"{name}: round trip failed")

    os.makedirs(outdir, exist_ok=True)
    for name, data in out.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Error as e:
        print(f"variants.py: {e}", file=sys.stderr)
        sys.exit(1)
