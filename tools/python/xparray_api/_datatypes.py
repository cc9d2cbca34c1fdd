"""Data type functions and inspection (__array_namespace_info__)."""
import ctypes
from collections import namedtuple

from . import _dtypes, _errors, _lib
from ._array import CPU, Array, Device, _Operand, fn, wrap
from ._creation import dcode, dev

finfo_object = namedtuple("finfo_object", "bits eps max min smallest_normal dtype")
iinfo_object = namedtuple("iinfo_object", "bits max min dtype")


class _Finfo(ctypes.Structure):
    _fields_ = [("bits", ctypes.c_int), ("eps", ctypes.c_double), ("max", ctypes.c_double),
                ("min", ctypes.c_double), ("smallest_normal", ctypes.c_double), ("dtype", ctypes.c_int)]


class _Iinfo(ctypes.Structure):
    _fields_ = [("bits", ctypes.c_int), ("min", ctypes.c_int64), ("max", ctypes.c_uint64), ("dtype", ctypes.c_int)]


class _AstypeOpts(ctypes.Structure):
    _fields_ = [("copy", ctypes.c_int), ("device", ctypes.c_int64)]


def _dt(x):
    return x.dtype if isinstance(x, Array) else x


def finfo(type, /):
    out = _Finfo()
    _errors.raise_status(fn("finfo", [ctypes.c_int, ctypes.c_void_p], ctypes.c_int)(dcode(_dt(type)), ctypes.byref(out)), "finfo")
    return finfo_object(out.bits, out.eps, out.max, out.min, out.smallest_normal, _dtypes.BY_CODE[out.dtype])


def iinfo(type, /):
    out = _Iinfo()
    _errors.raise_status(fn("iinfo", [ctypes.c_int, ctypes.c_void_p], ctypes.c_int)(dcode(_dt(type)), ctypes.byref(out)), "iinfo")
    return iinfo_object(out.bits, out.max, out.min, _dtypes.BY_CODE[out.dtype])


def isdtype(dtype, kind):
    if not isinstance(dtype, _dtypes.DType):
        raise TypeError(f"{dtype!r} is not a dtype")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, _dtypes.DType):
            if k == dtype:
                return True
        elif isinstance(k, str):
            bits = _dtypes.KIND_BITS.get(k)
            if bits is None:
                raise ValueError(f"unknown kind {k!r}")
            if fn("isdtype", [ctypes.c_int, ctypes.c_int], ctypes.c_bool)(dtype.code, bits):
                return True
        else:
            raise TypeError(f"invalid kind {k!r}")
    return False


def can_cast(from_, to, /):
    return bool(fn("can_cast", [ctypes.c_int, ctypes.c_int], ctypes.c_bool)(dcode(_dt(from_)), dcode(to)))


def result_type(*arrays_and_dtypes):
    arrays, dtypes, temps = [], [], []
    try:
        for a in arrays_and_dtypes:
            if isinstance(a, Array):
                arrays.append(a._h)
            elif isinstance(a, _dtypes.DType):
                dtypes.append(a.code)
            elif isinstance(a, (bool, int, float, complex)):
                h = _Operand(a).__enter__()
                temps.append(h)
                arrays.append(h)
            else:
                raise TypeError(f"result_type: unsupported argument {a!r}")
        out = ctypes.c_int()
        ha = (ctypes.c_void_p * max(1, len(arrays)))(*arrays)
        da = (ctypes.c_int * max(1, len(dtypes)))(*dtypes)
        st = fn("result_type", restype=ctypes.c_int)(len(arrays), ha, len(dtypes), da, ctypes.byref(out))
        _errors.raise_status(st, "result_type")
        return _dtypes.BY_CODE[out.value]
    finally:
        for h in temps:
            _lib.xp_release(h)


def astype(x, dtype, /, *, copy=True, device=None):
    o = _AstypeOpts(1 if copy else 2, dev(device))
    return wrap(fn("astype", [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p])(x._h, dcode(dtype), ctypes.byref(o)))


class _Caps(ctypes.Structure):
    _fields_ = [("boolean_indexing", ctypes.c_bool), ("data_dependent_shapes", ctypes.c_bool),
                ("max_dimensions", ctypes.c_int)]


class _Defaults(ctypes.Structure):
    _fields_ = [("real_floating", ctypes.c_int), ("complex_floating", ctypes.c_int),
                ("integral", ctypes.c_int), ("indexing", ctypes.c_int)]


class Info:
    """__array_namespace_info__()"""

    def capabilities(self):
        c = _Caps()
        _errors.raise_status(fn("info_capabilities", restype=ctypes.c_int)(ctypes.byref(c)))
        return {"boolean indexing": c.boolean_indexing, "data-dependent shapes": c.data_dependent_shapes,
                "max dimensions": c.max_dimensions}

    def default_device(self):
        return Device(fn("info_default_device", [], ctypes.c_int64)())

    def devices(self):
        n = ctypes.c_int()
        out = (ctypes.c_int64 * 16)()
        _errors.raise_status(fn("info_devices", restype=ctypes.c_int)(out, 16, ctypes.byref(n)))
        return tuple(Device(out[i]) for i in range(n.value))

    def default_dtypes(self, *, device=None):
        d = _Defaults()
        _errors.raise_status(fn("info_default_dtypes", [ctypes.c_int64, ctypes.c_void_p], ctypes.c_int)(dev(device), ctypes.byref(d)))
        b = _dtypes.BY_CODE
        return {"real floating": b[d.real_floating], "complex floating": b[d.complex_floating],
                "integral": b[d.integral], "indexing": b[d.indexing]}

    def dtypes(self, *, device=None, kind=None):
        bits = 0
        for k in (kind if isinstance(kind, tuple) else (() if kind is None else (kind,))):
            if k not in _dtypes.KIND_BITS:
                raise ValueError(f"unknown kind {k!r}")
            bits |= _dtypes.KIND_BITS[k]
        out = (ctypes.c_int * 16)()
        n = ctypes.c_int()
        _errors.raise_status(fn("info_dtypes", [ctypes.c_int64, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p], ctypes.c_int)(
            dev(device), bits, out, ctypes.byref(n)))
        return {(_dtypes.BY_CODE[out[i]].name): _dtypes.BY_CODE[out[i]] for i in range(n.value)}


def __array_namespace_info__():
    return Info()
