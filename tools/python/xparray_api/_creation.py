"""Creation functions and asarray from Python data (flattening nested sequences
into a C buffer is translation; the conversion itself is done by the library)."""
import ctypes
import operator
import math
import struct

from . import _dtypes, _errors, _lib
from ._array import CPU, Array, Device, _Operand, fn, scalar_handle, wrap


class CreateOpts(ctypes.Structure):
    _fields_ = [("dtype", ctypes.c_int), ("device", ctypes.c_int64)]


class AsarrayOpts(ctypes.Structure):
    _fields_ = [("dtype", ctypes.c_int), ("device", ctypes.c_int64), ("copy", ctypes.c_int)]


class EyeOpts(ctypes.Structure):
    _fields_ = [("k", ctypes.c_int64), ("dtype", ctypes.c_int), ("device", ctypes.c_int64)]


class LinspaceOpts(ctypes.Structure):
    _fields_ = [("dtype", ctypes.c_int), ("device", ctypes.c_int64), ("no_endpoint", ctypes.c_bool)]


def dcode(dtype):
    if dtype is None:
        return 0
    if not isinstance(dtype, _dtypes.DType):
        raise TypeError(f"{dtype!r} is not an xparray dtype")
    return dtype.code


def dev(device):
    if device is None:
        return 0
    if not isinstance(device, Device):
        raise ValueError(f"{device!r} is not an xparray device")
    return device.value


def copy_code(copy, default=0):
    return {None: 3, True: 1, False: 2}[copy] if copy is not None or default == 0 else default


def _opts(dtype, device):
    return CreateOpts(dcode(dtype), dev(device))


def empty(shape, *, dtype=None, device=None):
    n, s = _lib.shape_args(shape)
    return wrap(fn("empty")(n, s, ctypes.byref(_opts(dtype, device))))


def zeros(shape, *, dtype=None, device=None):
    n, s = _lib.shape_args(shape)
    return wrap(fn("zeros")(n, s, ctypes.byref(_opts(dtype, device))))


def ones(shape, *, dtype=None, device=None):
    n, s = _lib.shape_args(shape)
    return wrap(fn("ones")(n, s, ctypes.byref(_opts(dtype, device))))


def full(shape, fill_value, *, dtype=None, device=None):
    n, s = _lib.shape_args(shape)
    with _Operand(fill_value) as h:
        return wrap(fn("full")(n, s, h, ctypes.byref(_opts(dtype, device))))


def empty_like(x, /, *, dtype=None, device=None):
    return wrap(fn("empty_like")(x._h, ctypes.byref(_opts(dtype, device))))


def zeros_like(x, /, *, dtype=None, device=None):
    return wrap(fn("zeros_like")(x._h, ctypes.byref(_opts(dtype, device))))


def ones_like(x, /, *, dtype=None, device=None):
    return wrap(fn("ones_like")(x._h, ctypes.byref(_opts(dtype, device))))


def full_like(x, /, fill_value, *, dtype=None, device=None):
    with _Operand(fill_value) as h:
        return wrap(fn("full_like")(x._h, h, ctypes.byref(_opts(dtype, device))))


def arange(start, /, stop=None, step=1, *, dtype=None, device=None):
    if stop is None:
        start, stop = 0, start
    o = ctypes.byref(_opts(dtype, device))
    if all(isinstance(v, int) and not isinstance(v, bool) for v in (start, stop, step)):
        f = fn("arange_int", [ctypes.c_int64, ctypes.c_int64, ctypes.c_int64, ctypes.c_void_p])
        return wrap(f(start, stop, step, o))
    f = fn("arange", [ctypes.c_double, ctypes.c_double, ctypes.c_double, ctypes.c_void_p])
    return wrap(f(float(start), float(stop), float(step), o))


def _diag_offset(k):
    """A diagonal offset as C int64: any |k| past the int64 range selects the same (empty)
    diagonal as the range's end does, so saturate instead of letting ctypes wrap it."""
    return max(-(2 ** 63) + 1, min(2 ** 63 - 1, operator.index(k)))


def eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None):
    f = fn("eye", [ctypes.c_int64, ctypes.c_int64, ctypes.c_void_p])
    none = -(2 ** 63)
    opts = EyeOpts(_diag_offset(k), dcode(dtype), dev(device))
    return wrap(f(n_rows, none if n_cols is None else n_cols, ctypes.byref(opts)))


def linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True):
    o = ctypes.byref(LinspaceOpts(dcode(dtype), dev(device), not endpoint))
    if isinstance(start, complex) or isinstance(stop, complex):
        f = fn("linspace_complex", [ctypes.c_double] * 4 + [ctypes.c_int64, ctypes.c_void_p])
        s, e = complex(start), complex(stop)
        return wrap(f(s.real, s.imag, e.real, e.imag, num, o))
    f = fn("linspace", [ctypes.c_double, ctypes.c_double, ctypes.c_int64, ctypes.c_void_p])
    return wrap(f(float(start), float(stop), num, o))


def _out_call(name, arrays, *extra, nout=None):
    nout = len(arrays) if nout is None else nout
    hs = (ctypes.c_void_p * max(1, len(arrays)))(*[a._h for a in arrays])
    out = (ctypes.c_void_p * max(1, nout))()
    f = fn(name, restype=ctypes.c_int)
    st = f(len(arrays), hs, *extra, out)
    results = [Array(out[i]) for i in range(nout)] if nout else []
    if st != 0:
        msg_src = results[0] if results else None
        if msg_src is not None:
            msg = (_lib.xp_error_message(msg_src._h) or b"").decode()
            raise _errors.EXC.get(st, RuntimeError)(msg)
        _errors.raise_status(st, "xp_" + name)
    return tuple(results)


def meshgrid(*arrays, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("indexing must be 'xy' or 'ij'")
    return _out_call("meshgrid", arrays, 0 if indexing == "xy" else 1)


def tril(x, /, *, k=0):
    return wrap(fn("tril", [ctypes.c_void_p, ctypes.c_int64])(x._h, _diag_offset(k)))


def triu(x, /, *, k=0):
    return wrap(fn("triu", [ctypes.c_void_p, ctypes.c_int64])(x._h, _diag_offset(k)))


def _flatten(obj, shape, out, depth=0):
    if isinstance(obj, (list, tuple)):
        if len(shape) <= depth:
            shape.append(len(obj))
        elif shape[depth] != len(obj):
            raise ValueError("ragged nested sequence")
        for item in obj:
            _flatten(item, shape, out, depth + 1)
        if not obj and len(shape) == depth + 1:
            pass
    else:
        if len(shape) != depth and out is not None and len(out) > 0 and depth < len(shape):
            raise ValueError("ragged nested sequence")
        if isinstance(obj, Array):
            if obj.ndim != 0:
                raise ValueError("nested sequences of arrays: use stack()")
            obj = complex(obj) if obj.dtype.kind == "c" else (
                float(obj) if obj.dtype.kind == "f" else (bool(obj) if obj.dtype.kind == "b" else int(obj)))
        out.append(obj)


def asarray(obj, /, *, dtype=None, device=None, copy=None):
    o = AsarrayOpts(dcode(dtype), dev(device), {None: 0, True: 1, False: 2}[copy])
    if isinstance(obj, Array):
        return wrap(fn("asarray")(obj._h, ctypes.byref(o)))
    if isinstance(obj, (bool, int, float, complex)):
        h = scalar_handle(obj)
        try:
            return wrap(fn("asarray")(h, ctypes.byref(o)))
        finally:
            _lib.xp_release(h)
    if hasattr(obj, "__dlpack__") and not isinstance(obj, (list, tuple)):
        raise TypeError("asarray of foreign arrays: use from_dlpack")
    if isinstance(obj, (bytes, bytearray, memoryview)):
        mv = memoryview(obj)
        raise TypeError(f"buffer-protocol input (format {mv.format}) is not supported")
    shape, flat = [], []
    _flatten(obj, shape, flat)
    kinds = {("b" if isinstance(v, bool) else "i" if isinstance(v, int) else "f" if isinstance(v, float)
              else "c" if isinstance(v, complex) else "?") for v in flat}
    if "?" in kinds:
        raise TypeError("asarray: unsupported element type")
    if kinds == {"b"}:
        src = _dtypes.BY_NAME["bool"]
    elif kinds <= {"b", "i"} and kinds:
        src = _dtypes.BY_NAME["int64"]
        if any(not -(2 ** 63) <= v < 2 ** 63 for v in flat):
            if dtype is not None and dtype.name == "uint64" and all(0 <= v < 2 ** 64 for v in flat):
                src = dtype
            else:
                raise OverflowError("Python int out of int64 range")
    elif "c" in kinds:
        src = _dtypes.BY_NAME["complex128"]
    else:
        src = _dtypes.BY_NAME["float64"]
    if not flat and dtype is None:
        src = _dtypes.BY_NAME["float64"]
    code = _dtypes.STRUCT_CODE[src.name]
    if src.kind == "c":
        vals = [c for v in flat for c in (complex(v).real, complex(v).imag)]
    elif src.kind == "f":
        vals = [float(v) for v in flat]
    else:
        vals = [v for v in flat]
    buf = ctypes.create_string_buffer(struct.pack(f"<{len(vals)}{code}", *vals), max(1, len(vals) * struct.calcsize(code)))
    if copy is False:
        raise ValueError("asarray(copy=False) of a Python sequence needs a copy")
    o.copy = 1
    n, s = _lib.shape_args(tuple(shape))
    f = fn("asarray_buffer", [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p])
    return wrap(f(buf, src.code, n, s, ctypes.byref(o)))
