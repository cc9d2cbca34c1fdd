#!/usr/bin/python3
"""Self-contained runner for the issue-5 benchmark (statistics, searching,
sorting, sets): runs build/tools/bench_statistics_<flavor>, times NumPy on the
same work in the same run (median of ~2 ms samples, one thread) and prints a
Markdown table with the ratio NumPy/xparray (> 1: xparray is faster).
tools/bench/run.py (issue 3) runs the same area through areas/statistics.py.

    tools/bench/run_statistics.py [--build DIR] [--flavor reference] [--cpu-time] [FILTER]

--cpu-time times both sides by the thread's CPU clock (as run.py --cpu-time):
on a machine other jobs load, wall time measures the scheduler.
--interleave times each case's xparray side again (the program run for that
one case) right before its NumPy side, so both see the same load; without it
the whole C program runs first and NumPy minutes later.
"""
import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"
CLOCK = time.perf_counter_ns
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def measure(fn):
    fn()
    t0 = CLOCK()
    fn()
    one = max(CLOCK() - t0, 1)
    k = max(1, int(2e6 / one))
    samples = min(41, max(7, int(2.5e8 / (one * k))))
    s = []
    for _ in range(samples):
        a = CLOCK()
        for _ in range(k):
            fn()
        s.append((CLOCK() - a) / k)
    return statistics.median(s)


def fmt(ns):
    return "%.2f ms" % (ns / 1e6) if ns >= 1e6 else "%.1f us" % (ns / 1e3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--flavor", default="reference")
    ap.add_argument("--cpu-time", action="store_true",
                    help="time by this thread's CPU clock, both sides")
    ap.add_argument("--interleave", action="store_true",
                    help="re-time each case's xparray side right before its NumPy side")
    ap.add_argument("filter", nargs="?")
    a = ap.parse_args()
    global CLOCK
    if a.cpu_time:
        CLOCK = time.thread_time_ns
        os.environ["XP_BENCH_CLOCK"] = "cpu"
    import numpy as np
    spec = importlib.util.spec_from_file_location("area", os.path.join(HERE, "areas", "statistics.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    exe = os.path.join(a.build, "tools", "%s_%s" % (mod.PROGRAM, a.flavor))
    if not os.path.exists(exe):
        subprocess.run(["ninja", "-C", a.build, os.path.relpath(exe, a.build)], check=True)
    out = subprocess.run([exe] + ([a.filter] if a.filter else []), check=True,
                         capture_output=True, text=True).stdout
    print("## statistics (flavor %s, NumPy %s, %s time)\n" % (a.flavor, np.__version__,
                                                        "CPU" if a.cpu_time else "wall"))
    print("| case | dtype | n | xparray | ns/elem | GB/s | NumPy | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for line in out.splitlines():
        p = line.split()
        if len(p) != 6 or p[0] != "case":
            continue
        case, dt, n, ns, nbytes = p[1], p[2], int(p[3]), float(p[4]), float(p[5])
        f = mod.numpy_case(case, dt, n, np)
        if a.interleave:
            one = subprocess.run([exe, "=%s %s %d" % (case, dt, n)], check=True,
                                 capture_output=True, text=True).stdout.split()
            ns = float(one[4])
        nps = measure(f) if f else None
        print("| %s | %s | %d | %s | %.2f | %.1f | %s | %s |" % (
            case, dt, n, fmt(ns), ns / n, nbytes / ns, fmt(nps) if nps else "-",
            "%.2f" % (nps / ns) if nps else "-"))
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
