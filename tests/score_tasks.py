"""Score planparse's tasks and duties against a hand annotation.

usage: score_tasks.py EXPECTED.tsv PLAN.json...   (planparse --format=json output)

Prints TAP: segmentation F1 of tasks and of duties (a task matches when its
document and first line match), and over matched tasks the share whose
lead, coordinating and requested agencies equal the annotation (names
compared case- and dash-insensitively).  Thresholds are the project's
acceptance targets."""
import json
import re
import sys
import unicodedata


def key(name):
    name = unicodedata.normalize("NFC", name).casefold()
    name = re.sub(r"\s*(--|[-‐‑‒–—―−])\s*", " - ", name)
    return re.sub(r"\s+", " ", name).strip(" .:;,")


def names(field):
    return frozenset(key(n) for n in field.split(";") if n.strip())


expected = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    doc, part, first, lead, coord, req = line.rstrip("\n").split("\t")
    expected[(doc, part, int(first))] = (names(lead), names(coord), names(req))

got = {}
for path in sys.argv[2:]:
    data = json.load(open(path, encoding="utf-8"))
    for d in data["documents"]:
        for part, items in (("task", d.get("tasks", [])), ("duty", d.get("duties", []))):
            for t in items:
                got[(d["number"], part, t["line"])] = tuple(
                    frozenset(key(a["name"]) for a in t[role])
                    for role in ("lead", "coordinate", "requested"))

n = 0
failed = 0


def check(ok, text, detail=()):
    global n, failed
    n += 1
    print(("ok" if ok else "not ok"), n, "-", text)
    if not ok:
        failed += 1
    for d in detail:
        print("#  ", d)


for part, target in (("task", 0.95), ("duty", 0.9)):
    e = {k for k in expected if k[1] == part}
    g = {k for k in got if k[1] == part}
    tp = len(e & g)
    p = tp / len(g) if g else 0.0
    r = tp / len(e) if e else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    detail = ["missed %s %s line %d" % k for k in sorted(e - g)]
    detail += ["extra %s %s line %d" % k for k in sorted(g - e)]
    check(f1 >= target, "%s segmentation F1 %.3f (P %.3f R %.3f, %d/%d) >= %.2f"
          % (part, f1, p, r, tp, len(e), target), detail)

matched = sorted(set(expected) & set(got))
for i, (role, target) in enumerate((("lead", 0.95), ("coordinate", 0.9), ("requested", 0.95))):
    good = [k for k in matched if expected[k][i] == got[k][i]]
    share = len(good) / len(matched) if matched else 0.0
    detail = ["%s %s line %d: want %s got %s" % (k + (sorted(expected[k][i]), sorted(got[k][i])))
              for k in matched if expected[k][i] != got[k][i]]
    check(share >= target, "%s agencies right on %.3f of %d matched tasks >= %.2f"
          % (role, share, len(matched), target), detail)

print("1..%d" % n)
sys.exit(1 if failed else 0)
