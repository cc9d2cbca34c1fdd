#!/usr/bin/env python3
"""Per-flavor summary of a conformance run (from tests/counts-<flavor>.txt and the
xfail lists): passed, xfail (with the reasons), failures."""
import glob
import os
import sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
rows = []
for path in sorted(glob.glob(os.path.join(build, "tests", "counts-*.txt"))):
    flavor = os.path.basename(path)[len("counts-"):-len(".txt")]
    with open(path) as f:
        p, fl, xf, xp, sk = map(int, f.readline().split())
        reasons = sorted({l.split("# ", 1)[1].strip() for l in f if l.startswith("XFAIL") and "# " in l})
    rows.append((flavor, p, xf, fl + xp, reasons))
print("| flavor | passed | expected failures | unexpected |")
print("|---|---|---|---|")
for flavor, p, xf, bad, _ in rows:
    print(f"| {flavor} | {p} | {xf} | {bad} |")
for flavor, _, _, _, reasons in rows:
    for r in reasons:
        print(f"- {flavor}: {r}")
