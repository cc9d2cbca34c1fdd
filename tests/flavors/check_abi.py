#!/usr/bin/env python3
"""Every flavor's library has the same soname and exports the same symbols.

    check_abi.py NM READELF LIB...

Compares `readelf -d` (SONAME must be libxparray.so.0 for each) and
`nm -D --defined-only` (the sets of exported names must be identical, and every
one of them starts with xp_/XP_). Prints the differences; exit 1 on any."""
import re
import subprocess
import sys


def soname(readelf, lib):
    out = subprocess.run([readelf, "-d", lib], capture_output=True, text=True, check=True).stdout
    m = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
    return m.group(1) if m else None


def symbols(nm, lib):
    out = subprocess.run([nm, "-D", "--defined-only", lib], capture_output=True, text=True,
                         check=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in "TtDdBbRrVvWwi":
            syms.add((parts[2], parts[1].upper()))
    return syms


def main(nm, readelf, libs):
    bad = 0
    base, base_syms = None, None
    for lib in libs:
        so = soname(readelf, lib)
        if so != "libxparray.so.0":
            print(f"{lib}: soname {so!r}, want 'libxparray.so.0'")
            bad += 1
        syms = symbols(nm, lib)
        # names outside xp_ (instrumentation's own, e.g. __odr_asan.*, start with _)
        foreign = sorted(n for n, _ in syms if not n.startswith(("xp_", "XP_", "_")))
        if foreign:
            print(f"{lib}: exports names outside xp_: {foreign[:10]}")
            bad += 1
        if base is None:
            base, base_syms = lib, syms
            continue
        for name, kind in sorted(base_syms - syms):
            print(f"{lib}: lacks {name} ({kind}) that {base} exports")
            bad += 1
        for name, kind in sorted(syms - base_syms):
            print(f"{lib}: exports {name} ({kind}) that {base} lacks")
            bad += 1
    print(f"{len(libs)} libraries, {len(base_syms or ())} symbols each: "
          f"{'same soname and symbols' if not bad else f'{bad} differences'}")
    return 1 if bad or not libs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
