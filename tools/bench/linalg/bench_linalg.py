#!/usr/bin/python3
"""Runs bench_linalg (xparray's openblas flavor and the raw CBLAS/LAPACKE call)
and NumPy on the same work in the same run, and prints the ratios.

    tools/bench/linalg/bench_linalg.py build/tools/bench/linalg/bench_linalg [all|matmul|lapack|small]

Ratios > 1 mean xparray is slower. Set OPENBLAS_NUM_THREADS / OPENBLAS_CORETYPE
in the environment to compare kernels; both sides see the same settings."""
import statistics
import subprocess
import sys
import time

import numpy as np


def median_time(f, reps):
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def numpy_case(name):
    rng = np.random.default_rng(1)
    parts = name.split("_")
    if parts[0] == "matmul":
        dt = np.float64 if parts[1] == "f64" else np.float32
        n = int(parts[2])
        a = (rng.random((n, n)) - 0.5).astype(dt)
        b = (rng.random((n, n)) - 0.5).astype(dt)
        return median_time(lambda: a @ b, 3 if n >= 2048 else 5 if n >= 1024 else 21)
    if parts[0] == "batch10000":
        a = rng.random((10000, 3, 3)) - 0.5 + 3 * np.eye(3)
        b = rng.random((10000, 3, 1)) - 0.5
        if parts[2] == "solve":
            return median_time(lambda: np.linalg.solve(a, b), 21)
        return median_time(lambda: a @ a, 21)
    n = int(parts[1])
    reps = 3 if n >= 1024 else 7
    a = rng.random((n, n)) - 0.5 + n * np.eye(n)
    s = (a + a.T) / 2
    b = rng.random(n)
    f = {
        "solve": lambda: np.linalg.solve(a, b),
        "inv": lambda: np.linalg.inv(a),
        "qr": lambda: np.linalg.qr(a),
        "cholesky": lambda: np.linalg.cholesky(s),
        "eigh": lambda: np.linalg.eigh(s),
        "svd": lambda: np.linalg.svd(a),
    }[parts[0]]
    return median_time(f, reps)


def main():
    exe = sys.argv[1]
    what = sys.argv[2] if len(sys.argv) > 2 else "all"
    out = subprocess.run([exe, what], check=True, capture_output=True, text=True).stdout
    print(f"{'case':24s} {'xparray s':>11s} {'raw s':>11s} {'numpy s':>11s} {'xp/raw':>7s} {'xp/np':>7s}")
    for line in out.splitlines():
        name, tx, tr = line.split()
        tx, tr = float(tx), float(tr)
        tn = numpy_case(name)
        raw = f"{tx / tr:7.2f}" if tr > 0 else "      -"
        print(f"{name:24s} {tx:11.6f} {tr:11.6f} {tn:11.6f} {raw} {tx / tn:7.2f}")


if __name__ == "__main__":
    main()
