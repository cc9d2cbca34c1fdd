#!/usr/bin/env python3
"""The README's NumPy -> xparray table (between <!-- idioms:begin --> and
<!-- idioms:end -->) must be the table of docs/idioms.md, whose C cells the
idioms-<flavor> tests compile and run: so the README cannot drift either."""
import sys


def table(text):
    start = text.index("| NumPy | xparray (C) |")
    rows = []
    for line in text[start:].splitlines():
        if not line.startswith("|"):
            break
        rows.append(line.rstrip())
    return rows


readme, idioms = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
block = readme[readme.index("<!-- idioms:begin -->"):readme.index("<!-- idioms:end -->")]
if table(block) != table(idioms):
    print("README.md's idiom table differs from docs/idioms.md: copy the table over")
    sys.exit(1)
print(f"README idiom table: {len(table(idioms)) - 2} rows, equal to docs/idioms.md")
