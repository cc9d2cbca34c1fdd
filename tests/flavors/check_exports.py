#!/usr/bin/env python3
"""Every function declared XP_API in include/ is exported by each flavor's library,
and the library exports no xp_ function that no header declares. (The core renames
its bodies and empties XP_API after its own headers: a public header read after
that would silently declare hidden functions.)

    check_exports.py NM INCLUDE_DIR LIB...
"""
import glob
import os
import re
import subprocess
import sys

nm, inc, libs = sys.argv[1], sys.argv[2], sys.argv[3:]
declared = set()
for f in [os.path.join(inc, "xparray.h")] + glob.glob(os.path.join(inc, "xparray", "*.h")):
    text = re.sub(r"/\*.*?\*/", " ", open(f, encoding="utf-8").read(), flags=re.S)
    text = re.sub(r"#\s*define[^\n]*(\\\n[^\n]*)*", " ", text)
    for m in re.finditer(r"XP_API\s+[^;{(]*?\b(xp_\w+)\s*\(", text):
        declared.add(m.group(1))
bad = 0
for lib in libs:
    out = subprocess.run([nm, "-D", "--defined-only", lib], capture_output=True, text=True).stdout
    exported = {l.split()[-1] for l in out.splitlines() if l.split()}
    missing = sorted(declared - exported)
    extra = sorted(x for x in exported - declared if x.startswith("xp_"))
    for name in missing:
        print(f"{lib}: {name} is declared XP_API but not exported")
    for name in extra:
        print(f"{lib}: {name} is exported but declared in no public header")
    bad += len(missing) + len(extra)
print(f"{len(declared)} declared functions checked in {len(libs)} libraries")
sys.exit(1 if bad else 0)
