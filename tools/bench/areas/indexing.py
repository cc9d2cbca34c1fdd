"""NumPy counterparts of tools/bench/indexing/bench_indexing.c (same shapes, same work)."""

PROGRAM = "bench_indexing"

_cache = {}


def _data(np):
    if "x" not in _cache:
        rng = np.random.default_rng(12345)
        _cache["x"] = rng.uniform(0, 1, (3000, 3000))
        _cache["y"] = rng.uniform(0, 1, 10_000_000)
        _cache["idx"] = rng.integers(0, 10_000_000, 1_000_000)
        _cache["mask"] = rng.integers(0, 2, 10_000_000).astype(bool)
        _cache["parts"] = [rng.uniform(0, 1, 1_000_000) for _ in range(8)]
    return _cache


def numpy_case(name, dtype, n, np):
    """A zero-argument callable doing case `name` in NumPy, or None."""
    d = _data(np)
    x, y, idx, mask, parts = d["x"], d["y"], d["idx"], d["mask"], d["parts"]
    return {
        "getitem_step2_copy": lambda: np.ascontiguousarray(x[::2]),
        "T_copy": lambda: np.ascontiguousarray(x.T),
        "take_1e6": lambda: np.take(y, idx),
        "mask_getitem_1e7": lambda: y[mask],
        "concat_8x1e6": lambda: np.concatenate(parts),
        "reshape_T": lambda: x.T.reshape(-1),
    }.get(name)
