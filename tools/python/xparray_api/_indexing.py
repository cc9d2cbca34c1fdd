"""__getitem__/__setitem__ keys → xp_index arrays; take, take_along_axis."""
import ctypes
import operator

from . import _errors, _lib
from ._array import Array, _Operand, fn, wrap

END = -(2 ** 63)
INT, SLICE, ELLIPSIS, NEWAXIS, ARRAY = 1, 2, 3, 4, 5


class XpIndex(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int), ("i", ctypes.c_int64), ("start", ctypes.c_int64),
                ("stop", ctypes.c_int64), ("step", ctypes.c_int64), ("array", ctypes.c_void_p)]


def _i64(v):
    """Saturate to int64 (END excluded): a slice bound, a step or an integer index past
    that range means the same to Python as the range's end (clamped bound, at most one
    element, out of range), so the library sees that instead of a ctypes wrap-around."""
    return max(END + 1, min(2 ** 63 - 1, operator.index(v)))


def _entry(k):
    if k is None:
        return XpIndex(NEWAXIS)
    if k is Ellipsis:
        return XpIndex(ELLIPSIS)
    if isinstance(k, slice):
        def b(v):
            return END if v is None else _i64(v)
        return XpIndex(SLICE, 0, b(k.start), b(k.stop), b(k.step))
    if isinstance(k, Array):
        return XpIndex(ARRAY, 0, 0, 0, 0, k._h)
    if isinstance(k, bool):
        raise IndexError("Python bool indices are not supported; use a 0-D bool array")
    try:
        return XpIndex(INT, _i64(k))
    except TypeError:
        raise IndexError(f"unsupported index {k!r}") from None


def key_struct(key):
    items = key if isinstance(key, tuple) else (key,)
    arr = (XpIndex * max(1, len(items)))(*[_entry(k) for k in items])
    return len(items), arr


def getitem(x, key):
    n, arr = key_struct(key)
    return wrap(fn("array_getitem", [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p])(x._h, n, arr))


def setitem(x, key, value):
    n, arr = key_struct(key)
    f = fn("array_setitem", [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p], ctypes.c_int)
    with _Operand(value) as h:
        _errors.raise_status(f(x._h, n, arr, h), "xp_array_setitem")


class TakeOpts(ctypes.Structure):
    _fields_ = [("axis", _lib.XpAxes)]


def take(x, indices, /, *, axis=None):
    o = TakeOpts(_lib.axes(axis))
    return wrap(fn("take", [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p])(x._h, indices._h, ctypes.byref(o)))


def take_along_axis(x, indices, /, *, axis=-1):
    return wrap(fn("take_along_axis", [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64])(x._h, indices._h, _lib.i64(axis)))
