#!/usr/bin/python3
"""Runs the C FFT benchmark of one or more flavors and NumPy on the same cases in
the same run; prints medians of thread CPU time (ms), ratios and the load average.

    /usr/bin/python3 tools/bench/fft/bench_fft.py [--reps N] [--measure] [--only PREFIX] \
        build/tools/bench/fft/bench_fft_reference build/tools/bench/fft/bench_fft_gsl ...

For each case: NumPy's time, then per program xparray's time and numpy/xp (above 1:
xparray is faster). A program built with FFTW (bench_fft_openblas) also reports raw
FFTW (`fftw`) and raw FFTW writing into a fresh output each call (`fftw+out`).
`--measure` plans with FFTW_MEASURE (xp_fft_set_planner). Cases named
`rfft_f64_RxC` transform the last axis of an R x C array; `fftn_..._RxC` all axes.
"""
import argparse
import os
import subprocess
import time

import numpy as np


def make_input(name):
    kind, dt, shape = name.split("_")
    rng = np.random.default_rng(1)
    if "x" in shape:
        shp = tuple(int(s) for s in shape.split("x"))
    elif "^" in shape:
        b, e = shape.split("^")
        shp = (int(b) ** int(e),)
    else:
        shp = (int(shape),)
    x = rng.standard_normal(shp)
    return x if dt.startswith("f") else x * (1 + 1j)


FUNCS = {"fft": np.fft.fft, "rfft": np.fft.rfft, "fftn": np.fft.fftn}


def numpy_ms(name, reps):
    x = make_input(name)
    f = FUNCS[name.split("_")[0]]
    f(x)
    t = []
    for _ in range(reps):
        t0 = time.thread_time()
        f(x)
        t.append((time.thread_time() - t0) * 1e3)
    t.sort()
    return t[len(t) // 2]


def run_program(exe, reps, measure, only):
    args = [exe, str(reps), "measure" if measure else "estimate", only]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "case":
            res[f[1]] = (float(f[3]), float(f[5]), float(f[9]))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("programs", nargs="+")
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    print(f"load average before: {os.getloadavg()}")
    names = [os.path.basename(p).replace("bench_fft_", "") for p in a.programs]
    results = [run_program(p, a.reps, a.measure, a.only) for p in a.programs]
    cases = list(results[0].keys())
    np_ms = {c: numpy_ms(c, a.reps) for c in cases}
    print(f"load average after: {os.getloadavg()}")
    head = f"| case | numpy ms |" + "".join(f" {n} ms | numpy/{n} |" for n in names)
    print(head)
    print("|---|---|" + "---|---|" * len(names))
    for c in cases:
        row = f"| {c} | {np_ms[c]:.2f} |"
        for r in results:
            xp = r[c][0]
            row += f" {xp:.2f} | {np_ms[c] / xp:.2f} |"
        print(row)
    for n, r in zip(names, results):
        fw = [(c, v) for c, v in r.items() if v[1] > 0]
        if fw:
            print(f"\n{n}: raw FFTW (ms): " + ", ".join(
                f"{c} fftw {v[1]:.2f} fftw+out {v[2]:.2f} xp/fftw {v[0] / v[1]:.3f}" for c, v in fw))


if __name__ == "__main__":
    main()
