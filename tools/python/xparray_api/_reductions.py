"""Statistical, utility, searching and sorting functions with axis keywords."""
import ctypes

from . import _lib
from ._array import Array, fn, wrap
from ._creation import dcode


class ReduceOpts(ctypes.Structure):
    _fields_ = [("axes", _lib.XpAxes), ("keepdims", ctypes.c_bool), ("dtype", ctypes.c_int),
                ("correction", ctypes.c_double)]


class CumulativeOpts(ctypes.Structure):
    _fields_ = [("axis", _lib.XpAxes), ("dtype", ctypes.c_int), ("include_initial", ctypes.c_bool)]


class SortOpts(ctypes.Structure):
    _fields_ = [("axis", _lib.XpAxes), ("descending", ctypes.c_bool), ("unstable", ctypes.c_bool)]


class ArgOpts(ctypes.Structure):
    _fields_ = [("axis", _lib.XpAxes), ("keepdims", ctypes.c_bool)]


def _reduce(name, x, axis=None, keepdims=False, dtype=None, correction=0.0):
    o = ReduceOpts(_lib.axes(axis), keepdims, dcode(dtype), float(correction))
    return wrap(fn(name, [ctypes.c_void_p, ctypes.c_void_p])(x._h, ctypes.byref(o)))


def sum(x, /, *, axis=None, dtype=None, keepdims=False):  # noqa: A001
    return _reduce("sum", x, axis, keepdims, dtype)


def prod(x, /, *, axis=None, dtype=None, keepdims=False):
    return _reduce("prod", x, axis, keepdims, dtype)


def min(x, /, *, axis=None, keepdims=False):  # noqa: A001
    return _reduce("min", x, axis, keepdims)


def max(x, /, *, axis=None, keepdims=False):  # noqa: A001
    return _reduce("max", x, axis, keepdims)


def mean(x, /, *, axis=None, keepdims=False):
    return _reduce("mean", x, axis, keepdims)


def var(x, /, *, axis=None, correction=0.0, keepdims=False):
    return _reduce("var", x, axis, keepdims, None, correction)


def std(x, /, *, axis=None, correction=0.0, keepdims=False):
    return _reduce("std", x, axis, keepdims, None, correction)


def all(x, /, *, axis=None, keepdims=False):  # noqa: A001
    return _reduce("all", x, axis, keepdims)


def any(x, /, *, axis=None, keepdims=False):  # noqa: A001
    return _reduce("any", x, axis, keepdims)


def _cumulative(name, x, axis, dtype, include_initial):
    o = CumulativeOpts(_lib.axes(axis), dcode(dtype), include_initial)
    return wrap(fn(name, [ctypes.c_void_p, ctypes.c_void_p])(x._h, ctypes.byref(o)))


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    return _cumulative("cumulative_sum", x, axis, dtype, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False):
    return _cumulative("cumulative_prod", x, axis, dtype, include_initial)


def _sort(name, x, axis, descending, stable):
    o = SortOpts(_lib.axes(axis), descending, not stable)
    return wrap(fn(name, [ctypes.c_void_p, ctypes.c_void_p])(x._h, ctypes.byref(o)))


def sort(x, /, *, axis=-1, descending=False, stable=True):
    return _sort("sort", x, axis, descending, stable)


def argsort(x, /, *, axis=-1, descending=False, stable=True):
    return _sort("argsort", x, axis, descending, stable)


def _arg(name, x, axis, keepdims):
    o = ArgOpts(_lib.axes(axis), keepdims)
    return wrap(fn(name, [ctypes.c_void_p, ctypes.c_void_p])(x._h, ctypes.byref(o)))


def argmax(x, /, *, axis=None, keepdims=False):
    return _arg("argmax", x, axis, keepdims)


def argmin(x, /, *, axis=None, keepdims=False):
    return _arg("argmin", x, axis, keepdims)
