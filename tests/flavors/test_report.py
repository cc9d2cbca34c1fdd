#!/usr/bin/env python3
"""tools/report/report.py on synthetic results: cells, counts, reasons, the three
outputs and the README markers. Usage: test_report.py REPORT_PY"""
import json
import os
import subprocess
import sys
import tempfile

report = sys.argv[1]
bad = []
with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "tests"))
    with open(os.path.join(d, "tests", "counts-alpha.txt"), "w") as f:
        f.write("3 0 0 0 0\n"
                "PASS\tCreation.Zeros\ttests/core/test_creation.cpp\n"
                "PASS\tFft.Forward\ttests/fft/test_fft.cpp\n"
                "PASS\tMatmul.Basic\ttests/linalg/test_products.cpp\n")
    with open(os.path.join(d, "tests", "counts-beta.txt"), "w") as f:
        f.write("1 0 2 0 0\n"
                "PASS\tCreation.Zeros\ttests/core/test_creation.cpp\n"
                "XFAIL\tFft.Forward\ttests/fft/test_fft.cpp\t# beta has no FFT library\n"
                "XFAIL\tMatmul.Basic\ttests/linalg/test_products.cpp\t# beta lacks gemm\n")
    off = os.path.join(d, "official")
    os.makedirs(os.path.join(off, "results"))
    with open(os.path.join(off, "results", "alpha.json"), "w") as f:
        json.dump({"passed": 10, "failed": 0, "xfailed": 2, "xpassed": 0, "skipped": 1,
                   "max_examples": 100, "suite_commit": "abc1234", "date": "2026-12-03",
                   "summary": "10 passed, 1 skipped, 2 xfailed"}, f)
    with open(os.path.join(off, "alpha.txt"), "w") as f:
        f.write("# alpha has no eig,\n# first reason continued\n"
                "array_api_tests/test_linalg.py::test_eig\narray_api_tests/test_linalg.py::test_eigvals\n")
    readme = os.path.join(d, "README.md")
    with open(readme, "w") as f:
        f.write("intro\n<!-- support-matrix:begin -->\nold\n<!-- support-matrix:end -->\nrest\n")
    out = os.path.join(d, "out")
    p = subprocess.run([sys.executable, report, "--build", d, "--readme", readme, "--out", out,
                        "--official", off],
                       capture_output=True, text=True)
    if p.returncode:
        bad.append(f"exit {p.returncode}: {p.stderr}")
    md = p.stdout
    rows = {l.split("|")[1].strip(): [c.strip() for c in l.split("|")[2:-1]]
            for l in md.splitlines() if l.startswith("| ") and not l.startswith("| module")}
    want = {"creation": ["✅ 1", "✅ 1"], "fft extension": ["✅ 1", "❌ 0/1, 1 xfail"],
            "linear algebra": ["✅ 1", "❌ 0/1, 1 xfail"], "sorting": ["·", "·"],
            "official suite (array-api-tests)": ["🚧 10 passed, 2 xfail", "· not run"]}
    for k, v in want.items():
        if rows.get(k) != v:
            bad.append(f"row {k}: {rows.get(k)} != {v}")
    if "official-suite xfail (test_eig, test_eigvals): alpha has no eig, first reason continued" not in md:
        bad.append("the official suite's xfail reason is missing from the Markdown")
    if "beta has no FFT library" not in md:
        bad.append("the xfail reason is missing from the Markdown")
    data = json.load(open(os.path.join(out, "support.json")))
    c = data["flavors"]["beta"]["modules"]["fft extension"]
    if (c["mark"], c["tests"], c["xfail"], c["reasons"]) != ("❌", 1, 1, ["beta has no FFT library"]):
        bad.append(f"json cell {c}")
    html = open(os.path.join(out, "support.html"), encoding="utf-8").read()
    if "<table>" not in html or "beta lacks gemm" not in html:
        bad.append("html page lacks the table or a reason")
    text = open(readme).read()
    if "old" in text or not text.startswith("intro\n<!-- support-matrix:begin -->\n| module") or \
            not text.endswith("<!-- support-matrix:end -->\nrest\n"):
        bad.append("README markers not filled in place: " + text[:200])
for b in bad:
    print("FAIL", b)
print("report: " + ("ok" if not bad else f"{len(bad)} failures"))
sys.exit(1 if bad else 0)
