"""Manipulation functions."""
import ctypes

from . import _errors, _lib
from ._array import Array, _Operand, fn, wrap
from ._creation import _out_call


def _ints(v):
    v = (v,) if isinstance(v, int) else tuple(v)
    return len(v), (ctypes.c_int64 * max(1, len(v)))(*[_lib.i64(x) for x in v])


def _handles(arrays):
    arrays = tuple(arrays)
    return len(arrays), (ctypes.c_void_p * max(1, len(arrays)))(*[a._h for a in arrays])


class ConcatOpts(ctypes.Structure):
    _fields_ = [("axis", ctypes.c_int64), ("axis_none", ctypes.c_bool)]


class AxesOpts(ctypes.Structure):
    _fields_ = [("axes", _lib.XpAxes)]


class ReshapeOpts(ctypes.Structure):
    _fields_ = [("copy", ctypes.c_int)]


class StackOpts(ctypes.Structure):
    _fields_ = [("axis", ctypes.c_int64)]


V = ctypes.c_void_p


def concat(arrays, /, *, axis=0):
    n, h = _handles(arrays)
    o = ConcatOpts(0 if axis is None else _lib.i64(axis), axis is None)
    return wrap(fn("concat", [ctypes.c_int, V, V])(n, h, ctypes.byref(o)))


def stack(arrays, /, *, axis=0):
    n, h = _handles(arrays)
    return wrap(fn("stack", [ctypes.c_int, V, V])(n, h, ctypes.byref(StackOpts(_lib.i64(axis)))))


def unstack(x, /, *, axis=0):
    # Room for the longest axis; the library checks x and axis (an error goes to
    # out[0]) and writes one view per element of the axis; the rest stays NULL.
    room = max((1, *x.shape))
    out = (V * room)()
    st = fn("unstack", [V, V, V], ctypes.c_int)(x._h, ctypes.byref(StackOpts(_lib.i64(axis))), out)
    res = [Array(out[i]) for i in range(room) if out[i]]
    _errors.raise_status(st, "xp_unstack", res)
    return tuple(res)


def expand_dims(x, /, axis=0):
    n, v = _ints(axis)
    return wrap(fn("expand_dims", [V, ctypes.c_int, V])(x._h, n, v))


def flip(x, /, *, axis=None):
    return wrap(fn("flip", [V, V])(x._h, ctypes.byref(AxesOpts(_lib.axes(axis)))))


def moveaxis(x, source, destination, /):
    ns, s = _ints(source)
    nd, d = _ints(destination)
    return wrap(fn("moveaxis", [V, ctypes.c_int, V, ctypes.c_int, V])(x._h, ns, s, nd, d))


def permute_dims(x, /, axes):
    n, v = _ints(axes)
    return wrap(fn("permute_dims", [V, ctypes.c_int, V])(x._h, n, v))


def repeat(x, repeats, /, *, axis=None):
    with _Operand(repeats) as h:
        return wrap(fn("repeat", [V, V, V])(x._h, h, ctypes.byref(AxesOpts(_lib.axes(axis)))))


def reshape(x, /, shape, *, copy=None):
    n, v = _ints(shape)
    if copy not in (None, True, False):
        raise ValueError(f"reshape: copy must be None, True or False, not {copy!r}")
    o = ReshapeOpts({None: 3, True: 1, False: 2}[copy])
    return wrap(fn("reshape", [V, ctypes.c_int, V, V])(x._h, n, v, ctypes.byref(o)))


def roll(x, /, shift, *, axis=None):
    n, v = _ints(shift)
    return wrap(fn("roll", [V, ctypes.c_int, V, V])(x._h, n, v, ctypes.byref(AxesOpts(_lib.axes(axis)))))


def squeeze(x, /, axis):
    n, v = _ints(axis)
    return wrap(fn("squeeze", [V, ctypes.c_int, V])(x._h, n, v))


def tile(x, repetitions, /):
    n, v = _ints(repetitions)
    return wrap(fn("tile", [V, ctypes.c_int, V])(x._h, n, v))


def matrix_transpose(x, /):
    return x.mT


def where(condition, x1, x2, /):
    from ._array import call
    return call("where", condition, x1, x2)


def nonzero(x, /):
    nd = max(1, x.ndim)
    out = (V * nd)()
    st = fn("nonzero", [V, V], ctypes.c_int)(x._h, out)
    res = [Array(out[i]) for i in range(nd)]
    _errors.raise_status(st, "xp_nonzero", res)
    return tuple(res)


def unique_values(x, /):
    return wrap(fn("unique_values", [V])(x._h))
