#!/usr/bin/env python3
"""The ported program (examples/polyfit.c) on every flavor.

    test_polyfit.py POLYFIT_EXE...     (one executable per flavor)

Checks, for each flavor's build of the same source:
1. exactly polynomial data: the coefficients the data was made from (abs 1e-9),
   R^2 = 1 (1e-12), residual std ~ 0 (1e-9);
2. noisy data: the exact least-squares solution computed here independently with
   rational arithmetic (fractions.Fraction, normal equations on the very doubles
   the program reads), and R^2 and the residual std from it (rel 1e-9); and
   numpy.polyfit's coefficients when NumPy is importable (rel 1e-8);
3. all flavors agree with each other (rel 1e-10).
Exit 0 when all hold."""
import math
import subprocess
import sys
from fractions import Fraction

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL", what)


def close(a, b, rtol, atol=0.0):
    return abs(a - b) <= atol + rtol * max(abs(a), abs(b))


def run(exe, deg, xs, ys):
    data = "".join(f"{x!r} {y!r}\n" for x, y in zip(xs, ys))
    p = subprocess.run([exe, str(deg)], input=data, capture_output=True, text=True)
    if p.returncode != 0:
        failures.append(f"{exe}: exit {p.returncode}: {p.stderr.strip()}")
        print("FAIL", failures[-1])
        return None
    out = {}
    for line in p.stdout.splitlines():
        k, *v = line.split()
        out[k] = v
    return {"flavor": out["flavor"][0], "coef": [float(c) for c in out["coef"]],
            "r2": float(out["r2"][0]), "sigma": float(out["sigma"][0])}


def exact_lstsq(deg, xs, ys):
    """Least squares by the normal equations in exact rational arithmetic."""
    X = [Fraction(x) for x in xs]
    Y = [Fraction(y) for y in ys]
    m = deg + 1
    V = [[x ** (deg - j) for j in range(m)] for x in X]
    A = [[sum(V[i][r] * V[i][c] for i in range(len(X))) for c in range(m)] for r in range(m)]
    b = [sum(V[i][r] * Y[i] for i in range(len(X))) for r in range(m)]
    for col in range(m):  # Gauss-Jordan, exact
        piv = next(r for r in range(col, m) if A[r][col] != 0)
        A[col], A[piv] = A[piv], A[col]
        b[col], b[piv] = b[piv], b[col]
        for r in range(m):
            if r != col and A[r][col] != 0:
                f = A[r][col] / A[col][col]
                A[r] = [a - f * c for a, c in zip(A[r], A[col])]
                b[r] -= f * b[col]
    coef = [b[r] / A[r][r] for r in range(m)]
    resid = [Y[i] - sum(V[i][j] * coef[j] for j in range(m)) for i in range(len(X))]
    ss_res = sum(r * r for r in resid)
    mean = sum(Y) / len(Y)
    ss_tot = sum((y - mean) ** 2 for y in Y)
    return ([float(c) for c in coef], float(1 - ss_res / ss_tot),
            math.sqrt(float(ss_res / (len(X) - deg - 1))))


def main(exes):
    if not exes:
        print("no executables given")
        return 1
    results = []
    # 1. exactly polynomial data
    true = [0.5, -2.0, 3.0]
    xs = [-1 + i / 10 for i in range(21)]
    ys = [true[0] * x * x + true[1] * x + true[2] for x in xs]
    for exe in exes:
        r = run(exe, 2, xs, ys)
        if not r:
            continue
        f = r["flavor"]
        check(all(close(a, b, 0, 1e-9) for a, b in zip(r["coef"], true)),
              f"{f}: exact quadratic: coef {r['coef']} != {true}")
        check(close(r["r2"], 1.0, 0, 1e-12), f"{f}: exact quadratic: r2 {r['r2']} != 1")
        check(abs(r["sigma"]) < 1e-9, f"{f}: exact quadratic: sigma {r['sigma']} != 0")
    # 2. noisy cubic
    xs = [4 * i / 49 for i in range(50)]
    ys = [1 + 0.5 * x - 0.25 * x * x + 0.1 * x ** 3 + 0.05 * math.sin(7.3 * x) for x in xs]
    coef, r2, sigma = exact_lstsq(3, xs, ys)
    try:
        import numpy
        np_coef = [float(c) for c in numpy.polyfit(numpy.array(xs), numpy.array(ys), 3)]
    except ImportError:
        np_coef = None
    for exe in exes:
        r = run(exe, 3, xs, ys)
        if not r:
            continue
        results.append(r)
        f = r["flavor"]
        check(all(close(a, b, 1e-9) for a, b in zip(r["coef"], coef)),
              f"{f}: noisy cubic: coef {r['coef']} != exact {coef}")
        check(close(r["r2"], r2, 1e-9), f"{f}: noisy cubic: r2 {r['r2']} != exact {r2}")
        check(close(r["sigma"], sigma, 1e-9), f"{f}: noisy cubic: sigma {r['sigma']} != exact {sigma}")
        if np_coef:
            check(all(close(a, b, 1e-8) for a, b in zip(r["coef"], np_coef)),
                  f"{f}: noisy cubic: coef {r['coef']} != numpy.polyfit {np_coef}")
        print(f"{f}: coef {' '.join(f'{c:.12g}' for c in r['coef'])}  R2 {r['r2']:.12g}  "
              f"residual std {r['sigma']:.12g}")
    # 3. across flavors
    for r in results[1:]:
        a = results[0]
        check(all(close(p, q, 1e-10) for p, q in zip(r["coef"], a["coef"])) and
              close(r["r2"], a["r2"], 1e-10) and close(r["sigma"], a["sigma"], 1e-10),
              f"{r['flavor']} and {a['flavor']} disagree beyond 1e-10")
    print(f"exact least squares: coef {' '.join(f'{c:.12g}' for c in coef)}  R2 {r2:.12g}  "
          f"residual std {sigma:.12g}" + ("  (numpy.polyfit agrees)" if np_coef else ""))
    print(f"{len(exes)} flavors: " + ("all agree" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
