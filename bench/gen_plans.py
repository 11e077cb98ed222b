#!/usr/bin/env python3
"""gen_plans.py — many provincial plans for timing plancover (bench/cover.sh).

  gen_plans.py N OUTDIR [--seed S] [--docx-every K] [--text-out FILE]

Writes N plans into OUTDIR (plan-0001.txt, plan-0002.docx, ...), each a
variation of one of the two corpus plans (corpus/khanhhoa.txt,
corpus/thanhhoa.txt), in turn:

  - the province changed (the names of data/provinces.tsv, in turn, and
    their upper-case forms);
  - the numbers of its "Số:" lines, its dates written out ("ngày D
    tháng M năm Y") and its percentages changed — the numbers and D/M/Y
    dates of the decisions it cites are kept, so that the framework is
    still found;
  - in the task part (from heading III. to heading IV.), about one task in
    six dropped (a bullet line — "+", "-", "•", "1.2." — with the
    paragraphs that follow it), and the rest shuffled under their heading;
  - every K-th plan (default 2: half of them) written as a Word file by
    tests/make_docx.py, the others as UTF-8 text.

--text-out FILE also writes the text of all N plans, one after another
(for a DOCX plan, the text it was made from): the bytes the NFC floor is
measured on.  The same N and seed give the same files.  Standard library
only.
"""
import argparse
import os
import random
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SRCDIR, 'tests'))
import make_docx  # noqa: E402  (tests/make_docx.py: plan TEXT OUT.docx)

# The corpus plans and the province each names.
BASES = [('khanhhoa.txt', 'Khánh Hòa'), ('thanhhoa.txt', 'Thanh Hóa')]

HEADING = re.compile(r'^(#|\*\*)|^[IVX]+\.\s|^\d+\.\s')
BULLET = re.compile(r'^([+\-•]\s|\d+\.\d+\.\s)')
PART_START = re.compile(r'^[#* ]*III\.\s')
PART_END = re.compile(r'^[#* ]*IV\.\s')
PLAN_NO = re.compile(r'^(Số:\s*)(\d+)(\s*/)', re.M)
DATE_WORDS = re.compile(r'ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})')
PERCENT = re.compile(r'\b(\d{1,2})%')


def provinces():
    """The old provinces of data/provinces.tsv, in file order."""
    names = []
    with open(os.path.join(SRCDIR, 'data', 'provinces.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            name = line.split('\t')[0].strip()
            if name and name not in names:
                names.append(name)
    return names


def shuffle_tasks(lines, rng):
    """The task part with some tasks dropped and the rest shuffled, each
    heading keeping its own tasks."""
    out, blocks, lead = [], [], []

    def flush():
        kept = [b for b in blocks if rng.random() >= 1 / 6] or blocks[:1]
        rng.shuffle(kept)
        for b in kept:
            out.extend(b)
        blocks.clear()

    for line in lines:
        s = line.strip()
        if HEADING.match(s) and not BULLET.match(s):
            flush()
            out.append(line)
        elif BULLET.match(s):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)     # a paragraph of the task before
        else:
            out.append(line)            # text under a heading, before any task
    flush()
    return out


def vary(text, old, new, rng):
    text = text.replace(old, new).replace(old.upper(), new.upper())
    text = PLAN_NO.sub(lambda m: '%s%d%s' % (m.group(1), rng.randint(100, 19999), m.group(3)),
                       text)
    # The plan's own dates (spelled out); cited decisions use D/M/Y and keep theirs.
    text = DATE_WORDS.sub(lambda m: 'ngày %d tháng %d năm %s' % (
        rng.randint(1, 28), rng.randint(1, 12), m.group(3)), text)
    text = PERCENT.sub(lambda m: '%d%%' % rng.randint(10, 99), text)
    lines = text.split('\n')
    start = next((i for i, l in enumerate(lines) if PART_START.match(l)), None)
    end = next((i for i, l in enumerate(lines) if start is not None and i > start
                and PART_END.match(l)), None)
    if start is not None and end is not None:
        lines[start + 1:end] = shuffle_tasks(lines[start + 1:end], rng)
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('n', type=int)
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=11)
    ap.add_argument('--docx-every', type=int, default=2)
    ap.add_argument('--text-out')
    a = ap.parse_args()
    names = provinces()
    bases = [(open(os.path.join(SRCDIR, 'corpus', f), encoding='utf-8').read(), p)
             for f, p in BASES]
    os.makedirs(a.outdir, exist_ok=True)
    all_text = open(a.text_out, 'w', encoding='utf-8') if a.text_out else None
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1, a.n + 1):
            rng = random.Random(a.seed * 1000003 + i)
            text, old = bases[((i - 1) // 2) % 2]   # both bases in both formats
            text = vary(text, old, names[(i - 1) % len(names)], rng)
            if all_text:
                all_text.write(text)
            if a.docx_every > 0 and i % a.docx_every == 0:
                src = os.path.join(tmp, 'plan.txt')
                with open(src, 'w', encoding='utf-8') as f:
                    f.write(text)
                make_docx.plan(src, os.path.join(a.outdir, 'plan-%04d.docx' % i))
            else:
                with open(os.path.join(a.outdir, 'plan-%04d.txt' % i), 'w',
                          encoding='utf-8') as f:
                    f.write(text)
    if all_text:
        all_text.close()


if __name__ == '__main__':
    main()
