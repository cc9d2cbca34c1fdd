#!/usr/bin/env python3
"""Runs the C FFT benchmark (xparray vs raw FFTW) and NumPy on the same cases in
the same run; prints medians and ratios.

    python3 tools/bench/fft/bench_fft.py build/tools/bench/fft/bench_fft_openblas [reps]
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
        t0 = time.perf_counter()
        f(x)
        t.append((time.perf_counter() - t0) * 1e3)
    t.sort()
    return t[len(t) // 2]


def main():
    exe = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    out = subprocess.run([exe, str(reps)], check=True, capture_output=True, text=True).stdout
    print(f"{'case':22} {'xparray ms':>11} {'fftw ms':>9} {'numpy ms':>9} {'xp/fftw':>8} {'numpy/xp':>9}")
    for line in out.splitlines():
        f = line.split()
        if not f or f[0] != "case":
            continue
        name, xp_ms, fftw_ms = f[1], float(f[3]), float(f[5])
        np_ms = numpy_ms(name, reps)
        print(f"{name:22} {xp_ms:11.2f} {fftw_ms:9.2f} {np_ms:9.2f} {xp_ms / fftw_ms:8.3f} {np_ms / xp_ms:9.2f}")


if __name__ == "__main__":
    main()
