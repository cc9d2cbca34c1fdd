"""Loading one flavor's shared library and declaring the C prototypes (ctypes)."""
import ctypes
import ctypes.util
import operator
import os

class Handle(ctypes.c_void_p):
    """An xp_array pointer. As a ctypes restype a c_void_p subclass is not turned into
    a Python int, so a handle always travels as a whole pointer, also through calls
    declared without argtypes (a plain int would be passed as a 32-bit C int)."""


c_arr = Handle
c_i64 = ctypes.c_int64
c_i64p = ctypes.POINTER(ctypes.c_int64)

MAX_NDIM = 64


def _find_library():
    path = os.environ.get("XPARRAY_LIB")
    if path:
        return path
    flavor = os.environ.get("XPARRAY_FLAVOR", "reference")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    for build in ("build", "build-test"):
        cand = os.path.join(root, build, "src", "flavors", flavor, "libxparray.so.0")
        if os.path.exists(cand):
            return cand
    return ctypes.util.find_library(f"xparray-{flavor}") or f"libxparray-{flavor}.so.0"


lib = ctypes.CDLL(_find_library())


def proto(name, restype, *argtypes):
    """Declares a C function; returns None when this flavor lacks it."""
    f = getattr(lib, name, None)
    if f is None:
        return None
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


class XpAxes(ctypes.Structure):
    _fields_ = [("n", ctypes.c_int32), ("tuple", ctypes.c_bool), ("v", ctypes.c_int64 * MAX_NDIM)]


I64_MIN, I64_MAX = -(2 ** 63), 2 ** 63 - 1


def i64(v):
    """A Python int for a C int64 parameter that is an axis, an extent, a count or an
    offset. Past the int64 range such a value means the same to the library as the
    range's end does (an axis out of range, an extent too large, a count at least as
    large as any array's), so it is saturated there and the library reports it;
    ctypes would silently wrap it around instead."""
    return max(I64_MIN, min(I64_MAX, operator.index(v)))


def i64_exact(v, what):
    """A Python int whose value the library uses as is (an exponent, an arange bound):
    outside int64 it has no C representation, so OverflowError."""
    v = operator.index(v)
    if not I64_MIN <= v <= I64_MAX:
        raise OverflowError(f"{what}: Python int {v} does not fit int64")
    return v


def axes(axis):
    """Python axis=None|int|tuple → xp_axes."""
    a = XpAxes()
    if axis is None:
        return a
    a.tuple = True
    items = (axis,) if isinstance(axis, int) else tuple(axis)
    if len(items) > MAX_NDIM:
        raise ValueError("too many axes")
    a.n = len(items)
    for i, v in enumerate(items):
        a.v[i] = i64(v)
    return a


def shape_args(shape):
    if isinstance(shape, int):
        shape = (shape,)
    shape = tuple(i64(s) for s in shape)
    return len(shape), (ctypes.c_int64 * max(1, len(shape)))(*shape)


# ---- core prototypes ----------------------------------------------------------
xp_retain = proto("xp_retain", c_arr, c_arr)
xp_release = proto("xp_release", None, c_arr)
xp_failed = proto("xp_failed", ctypes.c_bool, c_arr)
xp_error_status = proto("xp_error_status", ctypes.c_int, c_arr)
xp_error_message = proto("xp_error_message", ctypes.c_char_p, c_arr)
xp_array_dtype = proto("xp_array_dtype", ctypes.c_int, c_arr)
xp_array_ndim = proto("xp_array_ndim", ctypes.c_int, c_arr)
xp_array_shape = proto("xp_array_shape", c_i64p, c_arr)
xp_array_strides = proto("xp_array_strides", c_i64p, c_arr)
xp_array_size = proto("xp_array_size", c_i64, c_arr)
xp_array_device = proto("xp_array_device", c_i64, c_arr)
xp_array_data = proto("xp_array_data", ctypes.c_void_p, c_arr)
xp_int = proto("xp_int", c_arr, c_i64)
xp_uint = proto("xp_uint", c_arr, ctypes.c_uint64)
xp_float = proto("xp_float", c_arr, ctypes.c_double)
xp_complex = proto("xp_complex", c_arr, ctypes.c_double, ctypes.c_double)
xp_bool = proto("xp_bool", c_arr, ctypes.c_bool)
xp_dtype_size = proto("xp_dtype_size", ctypes.c_size_t, ctypes.c_int)
xp_info_flavor = proto("xp_info_flavor", ctypes.c_char_p)
xp_status_name = proto("xp_status_name", ctypes.c_char_p, ctypes.c_int)
