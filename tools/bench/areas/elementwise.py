"""NumPy counterparts of tools/bench/bench_elementwise.c (same inputs, same work)."""

PROGRAM = "bench_elementwise"


def numpy_case(name, dtype, n, np):
    """A zero-argument callable doing case `name` in NumPy, or None."""
    if name.startswith("stream"):
        return None  # the ceiling is measured in C only
    rng = np.random.default_rng(12345)
    x = rng.uniform(-5, 5, n).astype(dtype)
    y = rng.uniform(0.5, 100, n).astype(dtype)
    z = rng.uniform(-1, 1, n).astype(dtype)
    xs = x * 2
    if name in ("add", "add8"):
        if name == "add8":
            x, y = rng.uniform(0, 1, 8), rng.uniform(0, 1, 8)
        return lambda: x + y
    return {
        "multiply": lambda: x * y,
        "exp": lambda: np.exp(x),
        "sin": lambda: np.sin(xs),
        "sqrt": lambda: np.sqrt(y),
        "fma": lambda: x * y + z,
    }.get(name)
