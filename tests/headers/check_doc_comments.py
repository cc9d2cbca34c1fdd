#!/usr/bin/env python3
"""Every public function carries a doc comment: each XP_API declaration in include/ is
preceded by a comment, either its own or the one over the group of consecutive
declarations it belongs to (the in-place operators, the result releasers, ...)."""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
bad, total = [], 0
for path in sorted(glob.glob(os.path.join(root, "include", "**", "*.h"), recursive=True)):
    lines = open(path, encoding="utf-8").read().split("\n")
    span_of_end = {}  # last line of an XP_API declaration -> its first line
    decls = []
    i = 0
    while i < len(lines):
        if re.match(r"\s*XP_API\b", lines[i]):
            j = i
            while j < len(lines) - 1 and ";" not in lines[j]:
                j += 1
            if "(" in "".join(lines[i:j + 1]):
                decls.append(i)
            span_of_end[j] = i
            i = j + 1
        else:
            i += 1
    for i in decls:
        total += 1
        j = i - 1
        while j >= 0:  # walk up over blank lines and the declarations of this group
            if lines[j].strip() == "":
                j -= 1
            elif j in span_of_end:
                j = span_of_end[j] - 1
            else:
                break
        prev = lines[j].strip() if j >= 0 else ""
        if not (prev.endswith("*/") or prev.startswith("//")):
            bad.append(f"{os.path.relpath(path, root)}:{i + 1}: {lines[i].strip()}")
for b in bad:
    print("no doc comment:", b)
print(f"{total - len(bad)} passed, {len(bad)} failed")
sys.exit(1 if bad or total == 0 else 0)
