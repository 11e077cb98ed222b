#!/usr/bin/env python3
"""legacy.py — how much of an old Word file's text does vnplan read right?

For every FILE.docx beside a FILE.groundtruth.txt (a Unicode transcript) in
DIR, runs `planparse --format=text` and counts the transcript's characters
that the longest common subsequence of the two texts keeps, both compared
after whitespace is collapsed and case folded (transcripts write the
capitals of the TCVN3 "H" fonts in lower case).  A measurement, not a test.

    legacy.py PLANPARSE DIR [--verbose]
"""
import difflib
import glob
import os
import re
import subprocess
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize('NFC', s).casefold()
    return re.sub(r'\s+', ' ', s).strip()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    planparse, folder = sys.argv[1], sys.argv[2]
    verbose = '--verbose' in sys.argv[3:]
    total = kept = 0
    for truth in sorted(glob.glob(os.path.join(folder, '*.groundtruth.txt'))):
        docx = truth[:-len('.groundtruth.txt')] + '.docx'
        if not os.path.exists(docx):
            continue
        run = subprocess.run([planparse, '--format=text', docx], capture_output=True)
        want = norm(open(truth, encoding='utf-8').read())
        got = norm(run.stdout.decode('utf-8', 'replace'))
        sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
        same = sum(b.size for b in sm.get_matching_blocks())
        print('%-40s %6d / %6d  %6.2f%%  exit %d' % (os.path.basename(docx), same, len(want),
                                                   100.0 * same / max(1, len(want)),
                                                   run.returncode))
        if verbose:
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != 'equal':
                    print('    %-7s %r -> %r' % (op, want[max(0, i1 - 12):i2 + 12],
                                                 got[max(0, j1 - 12):j2 + 12]))
        total += len(want)
        kept += same
    if total:
        print('%-40s %6d / %6d  %6.2f%%' % ('all', kept, total, 100.0 * kept / total))
    else:
        print('legacy.py: no transcripts in %s' % folder)


if __name__ == '__main__':
    main()
