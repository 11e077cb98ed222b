#!/usr/bin/env python3
"""docx_compare.py [--no-title] TEXT.json DOCX.json — what planparse found in a plan
as text and as a Word file, compared: documents, number, date, kind,
title, the section tree (paths and headings) and the task count.  Prints
each difference and exits 1 if there is one.  --no-title leaves the
titles out (a title cut by stamps in the text, see test_docx_real.sh).

pandoc's Markdown reader makes typography of plain marks ("--" a dash,
"..." an ellipsis, straight quotes curly): both sides are compared with
the plain marks, so that only what the DOCX reader did shows."""
import json
import sys


PLAIN = [("\u2026", "..."), ("\u2014", "-"), ("\u2013", "-"), ("--", "-"),
         ("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'")]


def plain(v):
    if isinstance(v, str):
        for a, b in PLAIN:
            v = v.replace(a, b)
    return json.dumps(v, ensure_ascii=False)


TITLE = True


def key(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    out = []
    for i, doc in enumerate(d["documents"]):
        p = "document %d " % (i + 1)
        for k in ("kind", "number", "date", "title")[:4 if TITLE else 3]:
            out.append(p + "%s %s" % (k, plain(doc.get(k))))

        def walk(secs):
            for s in secs:
                out.append(p + "section %s %s" % (s["path"], plain(s["heading"])))
                walk(s["children"])
        walk(doc["sections"])
        out.append(p + "tasks %d" % len(doc["tasks"]))
    return ["documents %d" % len(d["documents"])] + out


args = sys.argv[1:]
if args and args[0] == "--no-title":
    TITLE = False
    args = args[1:]
a, b = key(args[0]), key(args[1])
if a == b:
    sys.exit(0)
import difflib
for line in difflib.unified_diff(a, b, "text", "docx", lineterm="", n=0):
    print("#   " + line)
sys.exit(1)
