#!/usr/bin/env python3
"""Runs Doxygen, then makes its man pages safe to install into a shared man3 folder.

Doxygen's MAN_LINKS writes a page for every documented name, struct members
included: `free.3` (xp_allocator's member), `max.3`, `getrf.3`, ... would shadow the C
library's and LAPACK's pages. Only the pages named for the API stay: the xp_* and
XP_* functions, types and macros (`man 3 xp_add`). The header and design pages get an
`xparray_` prefix (`man 3 xparray_elementwise.h`) and the links into them are
rewritten; every other link is removed.

    run_doxygen.py DOXYGEN DOXYFILE OUT_DIR MAN_OUTPUT

OUT_DIR holds html/ and MAN_OUTPUT/man3/ (the custom target's outputs); both
folders are touched at the end so the build sees them as up to date.
"""
import os
import re
import shutil
import subprocess
import sys

doxygen, doxyfile, out_dir, man_output = sys.argv[1:5]
man3 = os.path.join(out_dir, man_output, "man3")
shutil.rmtree(man3, ignore_errors=True)  # no page of an earlier run survives
rc = subprocess.call([doxygen, doxyfile])
if rc != 0:
    sys.exit(rc)


def public(name):
    return name.startswith(("xp_", "XP_", "xparray"))


pages = sorted(f for f in os.listdir(man3) if f.endswith(".3"))
link_re = re.compile(r"^\.so man3/(\S+)\s*$")
links, real = {}, []
for f in pages:
    with open(os.path.join(man3, f), encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    m = link_re.match(first)
    if m:
        links[f] = m.group(1)
    else:
        real.append(f)
renamed = {f: f if public(f) else "xparray_" + f for f in real}
for f, new in renamed.items():
    if new != f:
        os.replace(os.path.join(man3, f), os.path.join(man3, new))
for f, target in links.items():
    path = os.path.join(man3, f)
    if not public(f) or target not in renamed:
        os.remove(path)
        continue
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f".so man3/{renamed[target]}\n")
for d in ("html", man_output):
    os.utime(os.path.join(out_dir, d))
