#!/usr/bin/env python3
"""Runs the official array-api-tests suite (data-apis/array-api-tests) at API
2025.12 against one xparray flavor through the ctypes binding in tools/python.

An audit tool run by hand (not part of CI). The suite and its pure-Python
dependencies are not in Debian; check them out and pass their locations:

  array-api-tests  https://github.com/data-apis/array-api-tests  commit 55fcc60
  hypothesis       https://github.com/HypothesisWorks/hypothesis commit 929e5fb (v6.155.7)
  ndindex          https://github.com/Quansight-Labs/ndindex     tag 1.8

plus Debian's python3-pytest, python3-sortedcontainers and python3-numpy (the suite's
array-api submodule must be checked out too: data-apis/array-api at 5f847a38).
pytest-json-report is not packaged in Debian: tools/python/shims stands in for it.

  tools/run_array_api_tests.py --flavor reference --suite ../aat/array-api-tests \\
      --hypothesis ../aat/hypothesis --ndindex ../aat/ndindex --max-examples 100

Writes <out>/<flavor>-summary.txt, <out>/<flavor>-failures.txt (whole pytest ids, one a
line) and the whole log. A run is reproducible: hypothesis gets --seed (a fresh random
one when not given; printed, and written to the summary and the --record file), and
its example database lives in a fresh <out>/hypothesis-<flavor> directory, never in
the suite checkout, so no earlier run's examples are replayed. Tests listed in tests/xfails/array-api-tests/<flavor>.txt (array-api-compat's
format: one pytest id or prefix a line, `#` lines give the reason) are expected to fail;
the exit status is 0 only when every failure is listed and no listed test passed
(an XPASS fails the run, as in the project's own harness). --record writes the counts
to tests/xfails/array-api-tests/results/<flavor>.json for the audit report.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flavor", default="reference")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--suite", required=True, help="array-api-tests checkout")
    ap.add_argument("--hypothesis", required=True, help="hypothesis checkout (its hypothesis/src is used)")
    ap.add_argument("--ndindex", required=True, help="ndindex checkout")
    ap.add_argument("--max-examples", type=int, default=100)
    ap.add_argument("--seed", type=int, default=None,
                    help="hypothesis seed (default: a random one, printed and recorded)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "array-api-tests"))
    ap.add_argument("--record", action="store_true",
                    help="write the counts to tests/xfails/array-api-tests/results/<flavor>.json "
                         "(the audit report shows them beside the project's own suite)")
    ap.add_argument("--module", default="xparray_api",
                    help="namespace module to test (default: the xparray binding); e.g. array_api_strict "
                         "with --module-path, to compare with array-api-strict in the same way")
    ap.add_argument("--module-path", help="folder to put on PYTHONPATH for --module")
    ap.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    a = ap.parse_args()
    a.build, a.suite, a.out = (os.path.abspath(p) for p in (a.build, a.suite, a.out))
    a.hypothesis, a.ndindex = os.path.abspath(a.hypothesis), os.path.abspath(a.ndindex)

    lib = os.path.join(a.build, "src", "flavors", a.flavor, "libxparray.so.0")
    if a.module == "xparray_api" and not os.path.exists(lib):
        sys.exit(f"{lib} not found: build the flavor first (meson setup build && ninja -C build)")
    hyp_src = os.path.join(a.hypothesis, "hypothesis", "src")
    if not os.path.isdir(hyp_src):
        hyp_src = os.path.join(a.hypothesis, "hypothesis-python", "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.path.join(ROOT, "tools", "python"),
                                         os.path.join(ROOT, "tools", "python", "shims"), hyp_src, a.ndindex,
                                         env.get("PYTHONPATH", "")])
    if a.module_path:
        env["PYTHONPATH"] = os.path.abspath(a.module_path) + os.pathsep + env["PYTHONPATH"]
    env["ARRAY_API_TESTS_MODULE"] = a.module
    env["ARRAY_API_STRICT_API_VERSION"] = "2025.12"
    env["ARRAY_API_TESTS_VERSION"] = "2025.12"
    env["XPARRAY_LIB"] = lib
    if a.seed is None:
        a.seed = random.SystemRandom().randrange(2 ** 32)
    hyp_dir = os.path.join(a.out, f"hypothesis-{a.flavor}")
    shutil.rmtree(hyp_dir, ignore_errors=True)
    os.makedirs(hyp_dir)
    env["HYPOTHESIS_STORAGE_DIRECTORY"] = hyp_dir
    outcomes = os.path.join(a.out, f"{a.flavor}-outcomes.txt")
    if os.path.exists(outcomes):
        os.remove(outcomes)
    env["XPARRAY_OUTCOMES"] = outcomes
    xfails = os.path.join(ROOT, "tests", "xfails", "array-api-tests", f"{a.flavor}.txt")
    os.makedirs(a.out, exist_ok=True)
    targets = [x for x in a.pytest_args if x.startswith("array_api_tests")] or ["array_api_tests"]
    a.pytest_args = [x for x in a.pytest_args if not x.startswith("array_api_tests")]
    cmd = ["/usr/bin/python3", "-m", "pytest", "-p", "no:hypothesispytest", "-p", "_hypothesis_pytestplugin",
           "-p", "pytest_jsonreport", "-p", "xparray_outcomes", *targets,
           f"--max-examples={a.max_examples}", f"--hypothesis-seed={a.seed}", "-q", "-rfEX",
           "--disable-deadline", "-p", "no:cacheprovider"]
    if os.path.exists(xfails):
        cmd.append(f"--xfails-file={xfails}")
    cmd += a.pytest_args
    print(f"running (hypothesis seed {a.seed}):", " ".join(cmd), file=sys.stderr)
    proc = subprocess.run(cmd, cwd=a.suite, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout
    with open(os.path.join(a.out, f"{a.flavor}-log.txt"), "w") as f:
        f.write(out)
    failures, xpasses = read_outcomes(outcomes)
    with open(os.path.join(a.out, f"{a.flavor}-failures.txt"), "w") as f:
        f.write("".join(x + "\n" for x in failures) + "".join(f"XPASS {x}\n" for x in xpasses))
    tail = [l for l in out.splitlines() if re.search(r"\d+ (passed|failed)", l)]
    summary = tail[-1].strip("= ") if tail else "no summary line (see the log)"
    summary += f" (hypothesis seed {a.seed}, --max-examples {a.max_examples})"
    with open(os.path.join(a.out, f"{a.flavor}-summary.txt"), "w") as f:
        f.write(summary + "\n")
    counts = {k: 0 for k in ("passed", "failed", "xfailed", "xpassed", "skipped", "errors")}
    for n, k in re.findall(r"(\d+) (passed|failed|xfailed|xpassed|skipped|errors?)\b", summary):
        counts["errors" if k.startswith("error") else k] = int(n)
    if a.record and tail:
        record = {"flavor": a.flavor, "date": datetime.date.today().isoformat(),
                  "max_examples": a.max_examples, "seed": a.seed, "api_version": "2025.12",
                  "suite_commit": git_commit(a.suite), "hypothesis_commit": git_commit(a.hypothesis),
                  "targets": targets, **counts, "summary": summary,
                  "unexpected": failures, "xpass": xpasses}
        path = os.path.join(ROOT, "tests", "xfails", "array-api-tests", "results", f"{a.flavor}.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(record, f, indent=1)
            f.write("\n")
        print(f"recorded in {os.path.relpath(path, ROOT)}")
    print(summary)
    for x in failures:
        print(f"unexpected failure: {x}")
    for x in xpasses:
        print(f"XPASS (listed in {os.path.relpath(xfails, ROOT)} but passed): {x}")
    if proc.returncode not in (0, 1) or not tail:
        return proc.returncode or 2
    return 1 if failures or xpasses else 0


def read_outcomes(path):
    """Failed/erroring and XPASS node ids, whole, from the xparray_outcomes plugin's file."""
    failures, xpasses = set(), set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                kind, _, nodeid = line.rstrip("\n").partition(" ")
                (xpasses if kind == "XPASS" else failures).add(nodeid)
    return sorted(failures), sorted(xpasses)


def git_commit(path):
    r = subprocess.run(["git", "-C", path, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return r.stdout.strip() or None


if __name__ == "__main__":
    sys.exit(main())
