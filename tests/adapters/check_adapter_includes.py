#!/usr/bin/env python3
"""Adapters see only the adapter ABI: every file under src/adapters/ includes system
headers, the public headers (<xparray.h>, <xparray/...>) and files of src/adapters/
itself, never the core's private headers (src/namespace/...), so an adapter written
outside the tree needs nothing else."""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
adapters = os.path.realpath(os.path.join(root, "src", "adapters"))
bad, total = [], 0
for path in sorted(glob.glob(os.path.join(adapters, "**", "*"), recursive=True)):
    if not os.path.isfile(path) or not re.search(r"\.(c|h|inc)$", path):
        continue
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', line)
        if not m:
            continue
        total += 1
        kind, name = m.groups()
        rel = os.path.relpath(path, root)
        if kind == "<":
            if name.startswith("xparray") and not (name == "xparray.h" or name.startswith("xparray/")):
                bad.append(f"{rel}:{no}: {name}")
            continue
        target = os.path.realpath(os.path.join(os.path.dirname(path), name))
        if not target.startswith(adapters + os.sep):
            bad.append(f"{rel}:{no}: \"{name}\" is outside src/adapters/")
for b in bad:
    print("adapter includes a private header:", b)
print(f"{total - len(bad)} passed, {len(bad)} failed")
sys.exit(1 if bad or total == 0 else 0)
