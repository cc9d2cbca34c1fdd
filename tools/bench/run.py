#!/usr/bin/env python3
"""Runs xparray's C benchmarks and NumPy on the same work in the same run.

    tools/bench/run.py [--build DIR] [--flavor reference] [--area elementwise] [FILTER]

Builds the bench programs (`ninja -C DIR bench`, DIR defaults to ./build), runs
each area's program, times the NumPy counterpart of every case it reports
(same timing policy: median of samples of about 2 ms, one thread), and prints
one table per area: time per call, ns per element, GB/s, NumPy's figure and the
ratio NumPy/xparray (> 1: xparray is faster). See tools/bench/README.md.
"""
import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# One thread for NumPy too (its BLAS is not involved here, but be explicit).
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"


def load_areas():
    areas = {}
    d = os.path.join(HERE, "areas")
    for f in sorted(os.listdir(d)):
        if f.endswith(".py") and not f.startswith("_"):
            spec = importlib.util.spec_from_file_location("bench_area_" + f[:-3], os.path.join(d, f))
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            areas[f[:-3]] = mod
    return areas


CLOCK = time.perf_counter_ns


def measure(fn):
    """Median ns per call: samples of about 2 ms, at least 7, about 0.25 s in all."""
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


def fmt_t(ns):
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e3:
        return "%.1f us" % (ns / 1e3)
    return "%.0f ns" % ns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--flavor", default="reference")
    ap.add_argument("--area", action="append")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--cpu-time", action="store_true",
                    help="time by this thread's CPU clock, both sides (machines shared with other work)")
    ap.add_argument("filter", nargs="?")
    a = ap.parse_args()
    import numpy as np
    global CLOCK
    if a.cpu_time:
        CLOCK = time.thread_time_ns
        os.environ["XP_BENCH_CLOCK"] = "cpu"

    if not a.no_build:
        subprocess.run(["ninja", "-C", a.build, "bench"], check=True, stdout=subprocess.DEVNULL)
    areas = load_areas()
    for name, mod in areas.items():
        if a.area and name not in a.area:
            continue
        exe = os.path.join(a.build, "tools", "%s_%s" % (mod.PROGRAM, a.flavor))
        cmd = [exe] + ([a.filter] if a.filter else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        print("## %s (flavor %s, NumPy %s, %s time)\n" % (name, a.flavor, np.__version__,
                                                         "CPU" if a.cpu_time else "wall"))
        print("| case | dtype | n | xparray | ns/elem | GB/s | NumPy | ratio |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        stream = {}
        for line in out.splitlines():
            p = line.split()
            if len(p) != 6 or p[0] != "case":
                continue
            case, dt, n, ns, nbytes = p[1], p[2], int(p[3]), float(p[4]), int(p[5])
            gbs = nbytes / ns
            if case.startswith("stream"):
                stream[case] = gbs
            f = mod.numpy_case(case, dt, n, np)
            nps = measure(f) if f else None
            print("| %s | %s | %d | %s | %.3f | %.1f | %s | %s |" % (
                case, dt, n, fmt_t(ns), ns / n, gbs, fmt_t(nps) if nps else "-",
                "%.2f" % (nps / ns) if nps else "-"))
            if "stream_add" in stream and n == 10_000_000 and case in ("add", "multiply"):
                print("|  ↳ %s at 1e7 = %.0f%% of this run's STREAM add | | | | | | | |" % (
                    case, 100 * gbs / stream["stream_add"]))
        print()


if __name__ == "__main__":
    sys.exit(main())
