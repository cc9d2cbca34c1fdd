#!/usr/bin/env python3
"""The API reference as installed: `meson install` into a temporary DESTDIR, then
- the HTML reference under <datadir>/doc/xparray/html has an index of functions
  (globals_func*.html) that lists every XP_API function of include/, and the
  design page;
- the man pages are all named for the API (xp_*, XP_*, xparray_*);
- `man 3 <function>` (MANPATH set to the staged <mandir>) shows the page of
  xp_add and of every other function, one man page (or link) per function;
- Doxygen wrote no warning (undocumented public function, broken doc command).

    test_reference.py BUILD_DIR SOURCE_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

build, src = sys.argv[1], sys.argv[2]


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def public_functions():
    names = set()
    for path in glob.glob(os.path.join(src, "include", "**", "*.h"), recursive=True):
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"^\s*XP_API\b([^;]*?)\b(xp_\w+)\s*\(", text, re.M | re.S):
            names.add(m.group(2))
    return names


def option(name):
    opts = json.loads(subprocess.run(["meson", "introspect", build, "--buildoptions"],
                                     capture_output=True, text=True, check=True).stdout)
    return next(o["value"] for o in opts if o["name"] == name)


log = os.path.join(build, "docs", "doxygen-warnings.log")
if not os.path.exists(log):
    fail(f"{log} is missing: the reference was not built")
warnings = open(log, encoding="utf-8").read().strip()
if warnings:
    print(warnings)
    fail("Doxygen warned (see above)")

funcs = public_functions()
if len(funcs) < 100:
    fail(f"only {len(funcs)} XP_API functions found in the headers")

with tempfile.TemporaryDirectory() as tmp:
    r = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet",
                        "--destdir", tmp], capture_output=True, text=True)
    if r.returncode != 0:
        fail("meson install: " + r.stdout + r.stderr)
    prefix = option("prefix")

    def staged(key):
        d = option(key)
        return tmp + (d if os.path.isabs(d) else os.path.join(prefix, d))

    html_dir = os.path.join(staged("datadir"), "doc", "xparray", "html")
    man_dir = staged("mandir")
    index = ""
    for p in sorted(glob.glob(os.path.join(html_dir, "globals_func*.html"))):
        index += open(p, encoding="utf-8").read()
    if not index:
        fail(f"no function index (globals_func*.html) in {html_dir}")
    listed = set(re.findall(r"<li>(xp_\w+)\(\)", index))  # <li>xp_add()&#160;: ...
    missing = sorted(funcs - listed)
    if missing:
        fail(f"{len(missing)} functions missing from the HTML index: {' '.join(missing[:20])}")
    if not os.path.exists(os.path.join(html_dir, "design.html")):
        fail("the design page (docs/design.md) is not in the HTML reference")

    env = dict(os.environ, MANPATH=man_dir, MANWIDTH="100")
    env.pop("MAN_KEEP_FORMATTING", None)
    env.pop("MANPAGER", None)
    env["PAGER"] = "cat"
    r = subprocess.run(["man", "3", "xp_add"], env=env, capture_output=True, text=True)
    if r.returncode != 0 or "xp_add" not in r.stdout or "add(x1, x2)" not in r.stdout:
        fail(f"man 3 xp_add (MANPATH={man_dir}) exits {r.returncode}: {r.stderr.strip()[:300]}")
    # man -l on the installed file itself, as a packager would check it
    page = os.path.join(man_dir, "man3", "xp_add.3")
    r = subprocess.run(["man", "-l", page], env=env, capture_output=True, text=True,
                       cwd=man_dir)
    if r.returncode != 0 or "xp_add" not in r.stdout:
        fail(f"man -l {page} exits {r.returncode}: {r.stderr.strip()[:300]}")
    # Only pages named for the API: no `free.3` or `max.3` shadowing libc's.
    foreign = sorted(f for f in os.listdir(os.path.join(man_dir, "man3"))
                     if not f.startswith(("xp_", "XP_", "xparray")))
    if foreign:
        fail(f"man pages not named for the API would shadow others: {' '.join(foreign[:20])}")
    no_page = sorted(f for f in funcs
                     if not os.path.exists(os.path.join(man_dir, "man3", f + ".3")))
    if no_page:
        fail(f"{len(no_page)} functions have no man page: {' '.join(no_page[:20])}")

print(f"reference: {len(funcs)} functions in the HTML index and in man 3; no Doxygen warnings")
