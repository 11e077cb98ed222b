#!/usr/bin/env python3
"""score_alignment.py — plandiff against a hand alignment.

    score_alignment.py DIFF.json ALIGNMENT.tsv [--verbose] [--check P R GP GR]

DIFF.json is `plandiff --format=json A B`; ALIGNMENT.tsv a hand alignment
of the same two plans (tests/alignment/*.tsv: "same", "related" and "gap"
lines, tasks named ID:LINE).  Prints the precision and recall of the
strong pairs (plandiff's pairs against the "same" lines) and of the gaps
(plandiff's "gaps" against the "gap" lines), and of the related links
(plandiff's pairs and related links against "same" and "related").  With
--check, exits 1 unless strong-pair precision >= P and recall >= R and gap
precision >= GP and recall >= GR.
"""
import json
import sys


def key(t):
    return t.split(':')[0]


def load_tsv(path):
    same, related, gaps = set(), set(), {'a': set(), 'b': set()}
    for line in open(path, encoding='utf-8'):
        if not line.strip() or line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        if f[0] == 'same':
            same.add((key(f[1]), key(f[2])))
        elif f[0] == 'related':
            related.add((key(f[1]), key(f[2])))
        elif f[0] == 'gap':
            gaps[f[1].lower()].add(key(f[2]))
    return same, related, gaps


def load_diff(path):
    d = json.load(open(path, encoding='utf-8'))
    pairs, links = set(), set()
    for p in d['pillars']:
        for x in p['pairs']:
            pairs.add((x['a'], x['b']))
    if 'gaps' in d:
        gaps = {'a': set(d['gaps']['a']), 'b': set(d['gaps']['b'])}
    else:   # before "gaps": the tasks in no pair
        gaps = {'a': set(), 'b': set()}
        for p in d['pillars']:
            gaps['a'].update(t if isinstance(t, str) else t['id'] for t in p['only_a'])
            gaps['b'].update(t if isinstance(t, str) else t['id'] for t in p['only_b'])
    for t in d.get('tasks', {}).get('a', []):
        for r in t.get('related', []):
            links.add((t['id'], r['id']))
    return pairs, gaps, links | pairs


def pr(found, truth):
    hit = len(found & truth)
    return (hit / len(found) if found else 1.0), (hit / len(truth) if truth else 1.0), hit


def main():
    args = sys.argv[1:]
    verbose = '--verbose' in args
    check = None
    if '--check' in args:
        i = args.index('--check')
        check = [float(x) for x in args[i + 1:i + 5]]
        del args[i:i + 5]
    args = [a for a in args if a != '--verbose']
    same, related, tgaps = load_tsv(args[1])
    pairs, gaps, links = load_diff(args[0])
    p, r, hit = pr(pairs, same)
    print('strong pairs: %d found, %d by hand, %d agree: precision %.2f recall %.2f'
          % (len(pairs), len(same), hit, p, r))
    allgaps = {('a', x) for x in gaps['a']} | {('b', x) for x in gaps['b']}
    alltrue = {('a', x) for x in tgaps['a']} | {('b', x) for x in tgaps['b']}
    gp, gr, ghit = pr(allgaps, alltrue)
    print('gaps: %d found (A %d, B %d), %d by hand, %d agree: precision %.2f recall %.2f'
          % (len(allgaps), len(gaps['a']), len(gaps['b']), len(alltrue), ghit, gp, gr))
    lp, lr, lhit = pr(links, same | related)
    print('links (pairs and related): %d found, %d by hand, %d agree: precision %.2f recall %.2f'
          % (len(links), len(same | related), lhit, lp, lr))
    if verbose:
        for x in sorted(pairs - same):
            print('  pair not by hand:', x, '(related by hand)' if x in related else '')
        for x in sorted(same - pairs):
            print('  hand pair missed:', x)
        for x in sorted(allgaps - alltrue):
            print('  gap not by hand:', x)
        for x in sorted(alltrue - allgaps):
            print('  hand gap missed:', x)
    if check:
        ok = p >= check[0] and r >= check[1] and gp >= check[2] and gr >= check[3]
        sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
