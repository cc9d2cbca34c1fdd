#!/usr/bin/python3
"""Runs the C FFT benchmark of one or more flavors and NumPy on the same cases,
case by case and round by round, so that each ratio compares times taken within
seconds of each other on a loaded machine; prints medians over the rounds of the
thread CPU times (ms) and of the per-round ratios, and the load average.

    /usr/bin/python3 tools/bench/fft/bench_fft.py [--reps N] [--rounds R] [--measure] [--only PREFIX] \
        build/tools/bench/fft/bench_fft_reference build/tools/bench/fft/bench_fft_gsl ...

Each round, for each case: NumPy (median of N calls), then each program (median of
N calls after one untimed call that plans). `numpy/<flavor>` above 1: xparray is
faster. A program built with FFTW (bench_fft_openblas) also reports raw FFTW
(`fftw`) and raw FFTW writing into a fresh output each call (`fftw+out`).
`--measure` plans with FFTW_MEASURE (xp_fft_set_planner). Cases named
`rfft_f64_RxC` transform the last axis of an R x C array (R lines of length C);
`fftn_..._RxC` all axes.
"""
import argparse
import os
import statistics
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
    return statistics.median(t)


def run_program(exe, reps, measure, case):
    args = [exe, str(reps), "measure" if measure else "estimate", case]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "case" and f[1] == case:
            return float(f[3]), float(f[5]), float(f[9])
    raise RuntimeError(f"{exe}: no result for {case}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("programs", nargs="+")
    ap.add_argument("--reps", type=int, default=11)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    names = [os.path.basename(p).replace("bench_fft_", "") for p in a.programs]
    cases = subprocess.run([a.programs[0], "list"], check=True, capture_output=True, text=True).stdout.split()
    cases = [c for c in cases if c.startswith(a.only)]
    print(f"load average before: {os.getloadavg()}  ({time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC)")
    np_t = {c: [] for c in cases}
    xp_t = {(n, c): [] for n in names for c in cases}
    ratio = {(n, c): [] for n in names for c in cases}
    fftw = {}
    for _ in range(a.rounds):
        for c in cases:
            t_np = numpy_ms(c, a.reps)
            np_t[c].append(t_np)
            for n, p in zip(names, a.programs):
                xp, fw, fresh = run_program(p, a.reps, a.measure, c)
                xp_t[(n, c)].append(xp)
                ratio[(n, c)].append(t_np / xp)
                if fw > 0:
                    fftw.setdefault((n, c), []).append((xp, fw, fresh))
    print(f"load average after: {os.getloadavg()}  ({time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC)")
    med = statistics.median
    print("| case | numpy ms |" + "".join(f" {n} ms | numpy/{n} (range) |" for n in names))
    print("|---|---|" + "---|---|" * len(names))
    for c in cases:
        row = f"| {c} | {med(np_t[c]):.3f} |"
        for n in names:
            r = ratio[(n, c)]
            row += f" {med(xp_t[(n, c)]):.3f} | {med(r):.2f} ({min(r):.2f}–{max(r):.2f}) |"
        print(row)
    for (n, c), v in fftw.items():
        xp, fw, fresh = (med([x[i] for x in v]) for i in range(3))
        print(f"{n} {c}: xparray {xp:.2f} ms, raw fftw {fw:.2f}, fftw+out {fresh:.2f}, xp/fftw {xp / fw:.3f}")


if __name__ == "__main__":
    main()
