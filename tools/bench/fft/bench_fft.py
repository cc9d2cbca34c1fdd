#!/usr/bin/python3
"""Runs the C FFT benchmark (xparray vs raw FFTW) and NumPy on the same cases in
the same run; prints medians of thread CPU time and ratios.

    /usr/bin/python3 tools/bench/fft/bench_fft.py build/tools/bench/fft/bench_fft_openblas [reps] [measure]

`measure` plans with FFTW_MEASURE on both sides (xp_fft_set_planner); the first
call per shape then takes seconds. Column `fftw+out` is raw FFTW writing into a
freshly allocated output each call (what a function returning a new array pays).
"""
import subprocess
import sys
import time

import numpy as np

CASES = {
    "fft_c128_2^20": lambda: np.random.default_rng(1).standard_normal(2**20) * (1 + 1j),
    "fft_c128_1000003": lambda: np.random.default_rng(1).standard_normal(1000003) * (1 + 1j),
    "rfft_f64_2^22": lambda: np.random.default_rng(1).standard_normal(2**22),
    "fftn_c128_1024x1024": lambda: np.random.default_rng(1).standard_normal((1024, 1024)) * (1 + 1j),
}
FUNCS = {"fft": np.fft.fft, "rfft": np.fft.rfft, "fftn": np.fft.fftn}


def numpy_ms(name, reps):
    x = CASES[name]()
    f = FUNCS[name.split("_")[0]]
    f(x)
    t = []
    for _ in range(reps):
        t0 = time.thread_time()
        f(x)
        t.append((time.thread_time() - t0) * 1e3)
    t.sort()
    return t[len(t) // 2]


def main():
    exe = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    args = [exe, str(reps)] + sys.argv[3:4]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    print(f"{'case':22} {'xparray ms':>11} {'fftw ms':>9} {'fftw+out':>9} {'numpy ms':>9} {'xp/fftw':>8} "
          f"{'xp/fftw+out':>11} {'numpy/xp':>9}")
    for line in out.splitlines():
        f = line.split()
        if not f or f[0] != "case":
            continue
        name, xp_ms, fftw_ms, fresh_ms = f[1], float(f[3]), float(f[5]), float(f[9])
        np_ms = numpy_ms(name, reps)
        print(f"{name:22} {xp_ms:11.2f} {fftw_ms:9.2f} {fresh_ms:9.2f} {np_ms:9.2f} {xp_ms / fftw_ms:8.3f} "
              f"{xp_ms / fresh_ms:11.3f} {np_ms / xp_ms:9.2f}")


if __name__ == "__main__":
    main()
