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
        return wrap(f(_lib.i64_exact(start, "arange"), _lib.i64_exact(stop, "arange"),
                      _lib.i64_exact(step, "arange"), o))
    f = fn("arange", [ctypes.c_double, ctypes.c_double, ctypes.c_double, ctypes.c_void_p])
    return wrap(f(float(start), float(stop), float(step), o))


def _diag_offset(k):
    """A diagonal offset as C int64: any |k| past the int64 range selects the same (empty)
    diagonal as the range's end does, so saturate instead of letting ctypes wrap it
    (INT64_MIN is eye's None, so the low end stops one above it)."""
    return max(-(2 ** 63) + 1, _lib.i64(k))


def eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None):
    f = fn("eye", [ctypes.c_int64, ctypes.c_int64, ctypes.c_void_p])
    none = -(2 ** 63)
    opts = EyeOpts(_diag_offset(k), dcode(dtype), dev(device))
    rows = max(none + 1, _lib.i64(n_rows))  # INT64_MIN is None; both are negative sizes
    cols = none if n_cols is None else max(none + 1, _lib.i64(n_cols))
    return wrap(f(rows, cols, ctypes.byref(opts)))


def linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True):
    o = ctypes.byref(LinspaceOpts(dcode(dtype), dev(device), not endpoint))
    if isinstance(start, complex) or isinstance(stop, complex):
        f = fn("linspace_complex", [ctypes.c_double] * 4 + [ctypes.c_int64, ctypes.c_void_p])
        s, e = complex(start), complex(stop)
        return wrap(f(s.real, s.imag, e.real, e.imag, _lib.i64(num), o))
    f = fn("linspace", [ctypes.c_double, ctypes.c_double, ctypes.c_int64, ctypes.c_void_p])
    return wrap(f(float(start), float(stop), _lib.i64(num), o))


def _out_call(name, arrays, *extra, nout=None):
    nout = len(arrays) if nout is None else nout
    hs = (ctypes.c_void_p * max(1, len(arrays)))(*[a._h for a in arrays])
    out = (ctypes.c_void_p * max(1, nout))()
    f = fn(name, restype=ctypes.c_int)
    st = f(len(arrays), hs, *extra, out)
    results = [Array(out[i]) for i in range(nout)] if nout else []
    _errors.raise_status(st, "xp_" + name, results)
    return tuple(results)


def meshgrid(*arrays, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("indexing must be 'xy' or 'ij'")
    return _out_call("meshgrid", arrays, 0 if indexing == "xy" else 1)


def tril(x, /, *, k=0):
    return wrap(fn("tril", [ctypes.c_void_p, ctypes.c_int64])(x._h, _diag_offset(k)))


def triu(x, /, *, k=0):
    return wrap(fn("triu", [ctypes.c_void_p, ctypes.c_int64])(x._h, _diag_offset(k)))


def _scalar_of(obj):
    """A leaf of a nested sequence: a Python scalar, or a 0-D Array converted by the library."""
    if isinstance(obj, Array):
        if obj.ndim != 0:
            raise ValueError("asarray: nested sequences of arrays are not supported; use stack()")
        k = obj.dtype.kind
        return complex(obj) if k == "c" else float(obj) if k == "f" else bool(obj) if k == "b" else int(obj)
    return obj


def _flatten(obj):
    """Nested lists/tuples → (shape, flat leaves in C order). The shape is read along the
    first elements; every sequence must then have its depth's length and every leaf sit
    at the full depth, else ValueError (a ragged sequence has no array shape)."""
    shape, o = [], obj
    while isinstance(o, (list, tuple)):
        shape.append(len(o))
        if not o:
            break
        o = o[0]
    flat = []

    def walk(o, depth):
        if depth == len(shape):
            if isinstance(o, (list, tuple)):
                raise ValueError(f"asarray: ragged nested sequence (a sequence at depth {depth}, "
                                 f"where shape {tuple(shape)} has scalars)")
            flat.append(_scalar_of(o))
            return
        if not isinstance(o, (list, tuple)) or len(o) != shape[depth]:
            got = f"length {len(o)}" if isinstance(o, (list, tuple)) else "a scalar"
            raise ValueError(f"asarray: ragged nested sequence ({got} at depth {depth}, "
                             f"where shape {tuple(shape)} needs length {shape[depth]})")
        for item in o:
            walk(item, depth + 1)

    walk(obj, 0)
    return tuple(shape), flat


def _asarray_call(buf, src, shape, o):
    n, s = _lib.shape_args(shape)
    f = fn("asarray_buffer", [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p])
    return wrap(f(buf, src.code, n, s, ctypes.byref(o)))


def _pack(code, vals):
    return ctypes.create_string_buffer(struct.pack(f"<{len(vals)}{code}", *vals),
                                       max(1, len(vals) * struct.calcsize(code)))


def asarray(obj, /, *, dtype=None, device=None, copy=None):
    if copy not in (None, True, False):
        raise ValueError(f"asarray: copy must be None, True or False, not {copy!r}")
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
    if not isinstance(obj, (list, tuple)):
        raise TypeError(f"asarray: unsupported input type {type(obj).__name__}")
    shape, flat = _flatten(obj)
    if copy is False:
        raise ValueError("asarray(copy=False) of a Python sequence needs a copy")
    kinds = {("b" if isinstance(v, bool) else "i" if isinstance(v, int) else "f" if isinstance(v, float)
              else "c" if isinstance(v, complex) else "?") for v in flat}
    if "?" in kinds:
        raise TypeError("asarray: unsupported element type")
    # the kinds' dtypes are the library's defaults (as Python scalars of those kinds)
    from ._datatypes import Info
    defaults = Info().default_dtypes(device=device)
    B = _dtypes.BY_NAME
    o.copy = 1
    if kinds == {"b"}:
        return _asarray_call(_pack("?", flat), B["bool"], shape, o)
    if "c" in kinds:
        o.dtype = o.dtype or defaults["complex floating"].code
        vals = [c for v in flat for c in (complex(v).real, complex(v).imag)]
        return _asarray_call(_pack("d", vals), B["complex128"], shape, o)
    if "f" in kinds or not flat:
        o.dtype = o.dtype or defaults["real floating"].code
        return _asarray_call(_pack("d", [float(v) for v in flat]), B["float64"], shape, o)
    o.dtype = o.dtype or defaults["integral"].code
    big = [v for v in flat if not -(2 ** 63) <= v < 2 ** 63]
    if not big:
        return _asarray_call(_pack("q", flat), B["int64"], shape, o)
    # Ints beyond int64: the library checks that they fit the dtype (as Python ints,
    # xp_uint), and the least one too (a negative value cannot join them in uint64).
    probe = AsarrayOpts(o.dtype, o.device, 1)
    for v in {max(big), min(flat)}:
        h = scalar_handle(v)
        try:
            r = wrap(fn("asarray")(h, ctypes.byref(probe)))
            del r
        finally:
            _lib.xp_release(h)
    if min(flat) >= 0:
        return _asarray_call(_pack("Q", flat), B["uint64"], shape, o)
    # negative ints with ones above int64 fit only a floating dtype (checked above)
    return _asarray_call(_pack("d", [float(v) for v in flat]), B["float64"], shape, o)
