"""xparray as a Python Array API namespace (2025.12), through ctypes.

Load a flavor with XPARRAY_LIB=/path/to/libxparray-<flavor>.so or
XPARRAY_FLAVOR=<flavor> (found in the project's build/). This module only
translates: every computation happens in the C library."""
import builtins as _builtins
import ctypes as _ct

from . import _dtypes, _lib
from ._array import Array, Device, call as _call, fn as _fn, wrap as _wrap
from ._creation import (arange, asarray, empty, empty_like, eye, full, full_like, linspace,
                        meshgrid, ones, ones_like, tril, triu, zeros, zeros_like, _out_call)
from ._datatypes import (__array_namespace_info__, astype, can_cast, finfo, iinfo, isdtype,
                         result_type)

__array_api_version__ = "2025.12"
flavor = _lib.xp_info_flavor().decode()

for _d in _dtypes.ALL:
    globals()[_d.name] = _d
bool = _dtypes.BY_NAME["bool"]  # noqa: A001 (the standard's name)

e = 2.718281828459045
pi = 3.141592653589793
inf = float("inf")
nan = float("nan")
newaxis = None


def broadcast_shapes(*shapes):
    nd = (_ct.c_int * _builtins.max(1, len(shapes)))(*[len(s) for s in shapes])
    bufs = [(_ct.c_int64 * _builtins.max(1, len(s)))(*s) for s in shapes]
    ptrs = (_ct.POINTER(_ct.c_int64) * _builtins.max(1, len(shapes)))(*[_ct.cast(b, _ct.POINTER(_ct.c_int64)) for b in bufs])
    ond = _ct.c_int()
    out = (_ct.c_int64 * _lib.MAX_NDIM)()
    st = _fn("broadcast_shapes", restype=_ct.c_int)(len(shapes), nd, ptrs, _ct.byref(ond), out)
    if st != 0:
        raise ValueError(f"shapes {shapes} do not broadcast")
    return tuple(out[i] for i in range(ond.value))


def broadcast_to(x, /, shape):
    n, s = _lib.shape_args(shape)
    return _wrap(_fn("broadcast_to")(x._h, n, s))


def broadcast_arrays(*arrays):
    return _out_call("broadcast_arrays", arrays)


# ---- elementwise: one C function each, operands Arrays or Python scalars ---------
_UNARY = ("abs acos acosh asin asinh atan atanh bitwise_invert ceil conj cos cosh exp expm1 floor "
          "imag isfinite isinf isnan log log1p log2 log10 logical_not negative positive real "
          "reciprocal round sign signbit sin sinh square sqrt tan tanh trunc").split()
_BINARY = ("add atan2 bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift bitwise_xor "
           "copysign divide equal floor_divide greater greater_equal hypot less less_equal logaddexp "
           "logical_and logical_or logical_xor maximum minimum multiply nextafter not_equal pow "
           "remainder subtract").split()


def _make_unary(name):
    def f(x, /):
        return _call(name, x)
    f.__name__ = name
    return f


def _make_binary(name):
    def f(x1, x2, /):
        if not isinstance(x1, Array) and not isinstance(x2, Array):
            raise TypeError(f"{name}: at least one argument must be an array")
        return _call(name, x1, x2)
    f.__name__ = name
    return f


for _n in _UNARY:
    if hasattr(_lib.lib, "xp_" + _n):
        globals()[_n] = _make_unary(_n)
for _n in _BINARY:
    if hasattr(_lib.lib, "xp_" + _n):
        globals()[_n] = _make_binary(_n)

if hasattr(_lib.lib, "xp_clip"):
    def clip(x, /, min=None, max=None):  # noqa: A002
        return _call("clip", x, min, max)

# ---- statistics, utility, searching, sorting ------------------------------------
from ._reductions import (all, any, argmax, argmin, argsort, cumulative_prod,  # noqa: E402,A004
                          cumulative_sum, max, mean, min, prod, sort, std, sum, var)
from ._indexing import take, take_along_axis  # noqa: E402
from ._manipulation import (concat, expand_dims, flip, matrix_transpose, moveaxis, nonzero,  # noqa: E402
                            permute_dims, repeat, reshape, roll, squeeze, stack, tile,
                            unique_values, unstack, where)
from ._more import (count_nonzero, diff, fft, isin, searchsorted, unique_all,  # noqa: E402
                    unique_counts, unique_inverse)
import sys as _sys  # noqa: E402
_sys.modules[__name__ + ".fft"] = fft
from ._linalg import linalg, matmul, tensordot, vecdot  # noqa: E402
_sys.modules[__name__ + ".linalg"] = linalg
from ._dlpack import from_dlpack  # noqa: E402
