#!/usr/bin/python3
"""Self-contained runner of the indexing benchmark next to NumPy (until the shared
tools/bench/run.py is merged; that one picks up tools/bench/areas/indexing.py by
itself).

    tools/bench/indexing/run.py [--build DIR] [--flavor reference] [FILTER]

Builds `bench_indexing_<flavor>` (ninja -C DIR tools/bench_indexing_<flavor>), runs
it, times NumPy on the same work (median of ~2 ms samples, one thread) and prints
a table; ratio = NumPy time / xparray time (> 1: xparray is faster)."""
import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"


def measure(fn):
    fn()
    t0 = time.perf_counter_ns()
    fn()
    one = max(time.perf_counter_ns() - t0, 1)
    k = max(1, int(2e6 / one))
    samples = min(41, max(7, int(2.5e8 / (one * k))))
    s = []
    for _ in range(samples):
        a = time.perf_counter_ns()
        for _ in range(k):
            fn()
        s.append((time.perf_counter_ns() - a) / k)
    return statistics.median(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--flavor", default="reference")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("filter", nargs="?")
    a = ap.parse_args()
    import numpy as np

    prog = "bench_indexing_" + a.flavor
    if not a.no_build:
        subprocess.run(["ninja", "-C", a.build, "tools/" + prog], check=True,
                       stdout=subprocess.DEVNULL)
    spec = importlib.util.spec_from_file_location(
        "bench_area_indexing", os.path.join(HERE, "..", "areas", "indexing.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    exe = os.path.join(a.build, "tools", prog)
    out = subprocess.run([exe] + ([a.filter] if a.filter else []), check=True,
                         capture_output=True, text=True).stdout
    print("## indexing (flavor %s, NumPy %s)\n" % (a.flavor, np.__version__))
    print("| case | n | xparray | GB/s | NumPy | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for line in out.splitlines():
        p = line.split()
        if len(p) != 6 or p[0] != "case":
            continue
        case, dt, n, ns, nbytes = p[1], p[2], int(p[3]), float(p[4]), int(p[5])
        f = mod.numpy_case(case, dt, n, np)
        nps = measure(f) if f else None
        print("| %s | %d | %.2f ms | %.1f | %s | %s |" % (
            case, n, ns / 1e6, nbytes / ns, "%.2f ms" % (nps / 1e6) if nps else "-",
            "%.2f" % (nps / ns) if nps else "-"))


if __name__ == "__main__":
    sys.exit(main())
