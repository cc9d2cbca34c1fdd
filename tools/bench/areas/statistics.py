"""NumPy counterparts of tools/bench/bench_statistics.c (same sizes and
distributions, same work; NumPy's default algorithms, as users call them)."""

PROGRAM = "bench_statistics"


def numpy_case(name, dtype, n, np):
    """A zero-argument callable doing case `name` in NumPy, or None."""
    rng = np.random.default_rng(12345)
    if name == "stream_read":
        return None
    base, _, ax = name.partition("_")
    if base in ("sum", "mean", "std") and ax:
        x = rng.random((3000, 3000))
        axis = {"all": None, "axis0": 0, "axis1": 1}[ax]
        f = getattr(np, base)
        return lambda: f(x, axis=axis)
    if name in ("unique_values", "unique_counts"):
        x = rng.integers(0, 1000, n, dtype=np.int64)
        if name == "unique_values":
            return lambda: np.unique(x)
        return lambda: np.unique(x, return_counts=True)
    if dtype == "int64":
        x = rng.integers(-(2 ** 62), 2 ** 62, n, dtype=np.int64)
    elif dtype == "bool":
        x = rng.random(n) < 0.5
    else:
        x = rng.random(n).astype(dtype)
    if name == "argmax":
        return lambda: np.argmax(x)
    if name == "cumulative_sum":
        return lambda: np.cumsum(x)
    if name == "sort":
        return lambda: np.sort(x)
    if name == "argsort":
        return lambda: np.argsort(x)
    if name == "nonzero":
        return lambda: np.nonzero(x)
    if name == "where":
        c = rng.random(n) < 0.5
        y = rng.random(n)
        return lambda: np.where(c, x, y)
    return None
