#!/usr/bin/env python3
"""Adds up a test run over build directories and prints the closing line
"N passed, N failed". Conformance-suite binaries report their own counts (xfail
aware, in tests/counts-<flavor>.txt); every other meson test counts as one."""
import json
import os
import sys


def main(dirs):
    passed = failed = xfail = 0
    lines = []
    for d in dirs:
        log = os.path.join(d, "meson-logs", "testlog.json")
        if not os.path.exists(log):
            lines.append(f"{d}: no test log (build or setup failed)")
            failed += 1
            continue
        with open(log) as f:
            for raw in f:
                t = json.loads(raw)
                name, result = t["name"], t["result"]
                name = name.split(" / ", 1)[-1]  # "project:suite / name"
                if name.startswith("suite-"):
                    flavor = name[len("suite-"):]
                    counts = os.path.join(d, "tests", f"counts-{flavor}.txt")
                    if os.path.exists(counts):
                        with open(counts) as c:
                            p, fl, xf, xp, _ = map(int, c.readline().split())
                        passed += p
                        failed += fl + xp
                        xfail += xf
                        if result != "OK" and fl + xp == 0:
                            failed += 1
                            lines.append(f"{d}: {name} {result} (crash or sanitizer report)")
                        continue
                    lines.append(f"{d}: {name} {result} without counts (crashed?)")
                    failed += 1
                    continue
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    continue
                else:
                    failed += 1
                    lines.append(f"{d}: {name} {result}")
    for l in lines:
        print(l)
    print(f"({xfail} expected failures listed in tests/xfails)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["build-test"]))
