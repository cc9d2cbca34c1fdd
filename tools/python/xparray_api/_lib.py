"""Loading one flavor's shared library and declaring the C prototypes (ctypes)."""
import ctypes
import ctypes.util
import os

c_arr = ctypes.c_void_p
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
        a.v[i] = int(v)
    return a


def shape_args(shape):
    if isinstance(shape, int):
        shape = (shape,)
    shape = tuple(int(s) for s in shape)
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
xp_float = proto("xp_float", c_arr, ctypes.c_double)
xp_complex = proto("xp_complex", c_arr, ctypes.c_double, ctypes.c_double)
xp_bool = proto("xp_bool", c_arr, ctypes.c_bool)
xp_dtype_size = proto("xp_dtype_size", ctypes.c_size_t, ctypes.c_int)
xp_info_flavor = proto("xp_info_flavor", ctypes.c_char_p)
