"""Sets, searching extras, diff, and the fft submodule."""
import ctypes
import types
from collections import namedtuple

from . import _errors, _lib
from ._array import Array, _Operand, fn, wrap
from ._creation import dcode, dev
from ._reductions import ReduceOpts

V = ctypes.c_void_p
UniqueAll = namedtuple("UniqueAllResult", "values indices inverse_indices counts")
UniqueCounts = namedtuple("UniqueCountsResult", "values counts")
UniqueInverse = namedtuple("UniqueInverseResult", "values inverse_indices")


def _struct_result(name, fields, tuple_type, x):
    S = type(name, (ctypes.Structure,), {"_fields_": [(f, V) for f in fields]})
    f = fn(name, [V], S)
    r = f(x._h)
    arrs = [Array(getattr(r, k)) for k in fields]
    if _lib.xp_failed(arrs[0]._h):
        st = _lib.xp_error_status(arrs[0]._h)
        raise _errors.EXC.get(st, RuntimeError)((_lib.xp_error_message(arrs[0]._h) or b"").decode())
    return tuple_type(*arrs)


def unique_all(x, /):
    return _struct_result("unique_all", UniqueAll._fields, UniqueAll, x)


def unique_counts(x, /):
    return _struct_result("unique_counts", UniqueCounts._fields, UniqueCounts, x)


def unique_inverse(x, /):
    return _struct_result("unique_inverse", UniqueInverse._fields, UniqueInverse, x)


class _SearchOpts(ctypes.Structure):
    _fields_ = [("side", ctypes.c_int), ("sorter", V)]


def searchsorted(x1, x2, /, *, side="left", sorter=None):
    if side not in ("left", "right"):
        raise ValueError("side must be 'left' or 'right'")
    o = _SearchOpts(0 if side == "left" else 1, None if sorter is None else sorter._h)
    with _Operand(x2) as h:
        return wrap(fn("searchsorted", [V, V, V])(x1._h, h, ctypes.byref(o)))


class _IsinOpts(ctypes.Structure):
    _fields_ = [("invert", ctypes.c_bool)]


def isin(x1, x2, /, *, invert=False):
    with _Operand(x1) as a, _Operand(x2) as b:
        return wrap(fn("isin", [V, V, V])(a, b, ctypes.byref(_IsinOpts(invert))))


def count_nonzero(x, /, *, axis=None, keepdims=False):
    o = ReduceOpts(_lib.axes(axis), keepdims, 0, 0.0)
    return wrap(fn("count_nonzero", [V, V])(x._h, ctypes.byref(o)))


class _DiffOpts(ctypes.Structure):
    _fields_ = [("axis", _lib.XpAxes), ("n", ctypes.c_int64), ("prepend", V), ("append", V),
                ("has_n", ctypes.c_bool)]


def diff(x, /, *, axis=-1, n=1, prepend=None, append=None):
    o = _DiffOpts(_lib.axes(axis), _lib.i64(n), None if prepend is None else prepend._h,
                  None if append is None else append._h, True)
    return wrap(fn("diff", [V, V])(x._h, ctypes.byref(o)))


# ---- fft ------------------------------------------------------------------------
_NORM = {"backward": 0, "ortho": 1, "forward": 2}


class _FftOpts(ctypes.Structure):
    _fields_ = [("n", ctypes.c_int64), ("axis", _lib.XpAxes), ("norm", ctypes.c_int),
                ("has_n", ctypes.c_bool)]


class _FftnOpts(ctypes.Structure):
    _fields_ = [("s", _lib.XpAxes), ("axes", _lib.XpAxes), ("norm", ctypes.c_int)]


class _FreqOpts(ctypes.Structure):
    _fields_ = [("d", ctypes.c_double), ("dtype", ctypes.c_int), ("device", ctypes.c_int64),
                ("has_d", ctypes.c_bool)]


def _norm(norm):
    if norm not in _NORM:
        raise ValueError(f"norm must be one of {tuple(_NORM)}")
    return _NORM[norm]


def _fft1(name):
    def f(x, /, *, n=None, axis=-1, norm="backward"):
        o = _FftOpts(0 if n is None else _lib.i64(n), _lib.axes(axis), _norm(norm), n is not None)
        return wrap(fn("fft_" + name, [V, V])(x._h, ctypes.byref(o)))
    f.__name__ = name
    return f


def _fftn(name):
    def f(x, /, *, s=None, axes=None, norm="backward"):
        o = _FftnOpts(_lib.axes(s), _lib.axes(axes), _norm(norm))
        return wrap(fn("fft_" + name, [V, V])(x._h, ctypes.byref(o)))
    f.__name__ = name
    return f


def _freq(name):
    def f(n, /, *, d=1.0, dtype=None, device=None):
        o = _FreqOpts(d, dcode(dtype), dev(device), True)
        return wrap(fn("fft_" + name, [ctypes.c_int64, V])(_lib.i64(n), ctypes.byref(o)))
    f.__name__ = name
    return f


class _ShiftOpts(ctypes.Structure):
    _fields_ = [("axes", _lib.XpAxes)]


def _shift(name):
    def f(x, /, *, axes=None):
        return wrap(fn("fft_" + name, [V, V])(x._h, ctypes.byref(_ShiftOpts(_lib.axes(axes)))))
    f.__name__ = name
    return f


fft = types.ModuleType("xparray_api.fft")
for _n in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft"):
    setattr(fft, _n, _fft1(_n))
for _n in ("fftn", "ifftn", "rfftn", "irfftn"):
    setattr(fft, _n, _fftn(_n))
for _n in ("fftfreq", "rfftfreq"):
    setattr(fft, _n, _freq(_n))
for _n in ("fftshift", "ifftshift"):
    setattr(fft, _n, _shift(_n))
