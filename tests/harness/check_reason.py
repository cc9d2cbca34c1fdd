#!/usr/bin/env python3
"""A block of consecutive `#` lines in an xfail list is one reason: run the harness
self-test with tests/harness/xfail-two-line-reason.txt and check that the counts file
carries both lines, joined, for the XFAIL entry (the audit report prints that reason)."""
import os
import subprocess
import sys
import tempfile

selftest, xfails = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as d:
    counts = os.path.join(d, "counts.txt")
    r = subprocess.run([selftest, "--gtest_filter=Selftest.Fails", "--xfails", xfails, "--counts", counts],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"harness run failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    lines = open(counts).read().splitlines()
    want = "# first line of the reason, second line of the reason"
    hit = [l for l in lines[1:] if l.startswith("XFAIL\tSelftest.Fails\t")]
    if not hit or not hit[0].endswith("\t" + want):
        sys.exit(f"expected an XFAIL line ending in {want!r}, got {lines!r}")
print("1 passed, 0 failed")
