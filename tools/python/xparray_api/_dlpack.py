"""__dlpack__ / __dlpack_device__ / from_dlpack through PyCapsules (ctypes.pythonapi)."""
import ctypes

from . import _errors
from ._array import Array, Device, fn, wrap

V = ctypes.c_void_p
_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = [V, ctypes.c_char_p, V]
_capsule_ptr = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_ptr.restype = V
_capsule_ptr.argtypes = [ctypes.py_object, ctypes.c_char_p]
_capsule_name = ctypes.pythonapi.PyCapsule_GetName
_capsule_name.restype = ctypes.c_char_p
_capsule_name.argtypes = [ctypes.py_object]
_capsule_rename = ctypes.pythonapi.PyCapsule_SetName
_capsule_rename.restype = ctypes.c_int
_capsule_rename.argtypes = [ctypes.py_object, ctypes.c_char_p]


class _Version(ctypes.Structure):
    _fields_ = [("major", ctypes.c_uint32), ("minor", ctypes.c_uint32)]


class _DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class _ToOpts(ctypes.Structure):
    _fields_ = [("max_version", _Version), ("dl_device", _DLDevice), ("copy", ctypes.c_int)]


class _FromOpts(ctypes.Structure):
    _fields_ = [("device", ctypes.c_int64), ("copy", ctypes.c_int)]


_COPY = {None: 0, True: 1, False: 2}
# Capsule names must outlive the capsules: module-level bytes objects do.
_USED = {b"dltensor": b"used_dltensor", b"dltensor_versioned": b"used_dltensor_versioned"}


def dlpack(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    if stream is not None:
        raise BufferError("stream must be None on the CPU")
    o = _ToOpts()
    if dl_device is not None:
        o.dl_device = _DLDevice(int(dl_device[0]), int(dl_device[1]))
    o.copy = _COPY[copy]
    out = V()
    if max_version is None:
        st = fn("array_to_dlpack_legacy", [V, V, V], ctypes.c_int)(self._h, ctypes.byref(o), ctypes.byref(out))
        name = b"dltensor"
    else:
        o.max_version = _Version(*max_version)
        st = fn("array_to_dlpack", [V, V, V], ctypes.c_int)(self._h, ctypes.byref(o), ctypes.byref(out))
        name = b"dltensor_versioned"
    if st != 0:
        raise _errors.EXC.get(st, BufferError)(f"__dlpack__: status {st}")
    # A capsule never consumed leaks the tensor (no destructor here: the deleter
    # belongs to the consumer once it renames the capsule).
    return _capsule_new(out.value, name, None)


def dlpack_device(self):
    t, i = ctypes.c_int32(), ctypes.c_int32()
    st = fn("array_dlpack_device", [V, V, V], ctypes.c_int)(self._h, ctypes.byref(t), ctypes.byref(i))
    _errors.raise_status(st, "__dlpack_device__")
    return (t.value, i.value)


def from_dlpack(x, /, *, device=None, copy=None):
    if not hasattr(x, "__dlpack__"):
        raise AttributeError("from_dlpack: the object has no __dlpack__")
    o = _FromOpts(0 if device is None else device.value, _COPY[copy])
    try:
        cap = x.__dlpack__(max_version=(1, 1))
    except TypeError:
        cap = x.__dlpack__()
    name = _capsule_name(cap)  # a producer may answer with a legacy capsule
    if name not in (b"dltensor_versioned", b"dltensor"):
        raise BufferError(f"from_dlpack: unexpected capsule {name!r}")
    versioned = name == b"dltensor_versioned"
    ptr = _capsule_ptr(cap, name)
    h = fn("from_dlpack" if versioned else "from_dlpack_legacy", [V, V])(ptr, ctypes.byref(o))
    if not _errors._lib.xp_failed(h):
        _capsule_rename(cap, _USED[name])
    return wrap(h)


Array.__dlpack__ = dlpack
Array.__dlpack_device__ = dlpack_device
