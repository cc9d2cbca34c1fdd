"""xp_status codes → the Python exceptions the standard names."""
from . import _lib

XP_OK, XP_ERR_VALUE, XP_ERR_TYPE, XP_ERR_INDEX, XP_ERR_NOT_IMPLEMENTED, XP_ERR_NOMEM, \
    XP_ERR_DEVICE, XP_ERR_BACKEND, XP_ERR_BUFFER, XP_ERR_OVERFLOW, XP_ERR_IO = range(11)

EXC = {
    XP_ERR_VALUE: ValueError,
    XP_ERR_TYPE: TypeError,
    XP_ERR_INDEX: IndexError,
    XP_ERR_NOT_IMPLEMENTED: NotImplementedError,
    XP_ERR_NOMEM: MemoryError,
    XP_ERR_DEVICE: ValueError,
    XP_ERR_BACKEND: RuntimeError,
    XP_ERR_BUFFER: BufferError,
    XP_ERR_OVERFLOW: OverflowError,
    XP_ERR_IO: OSError,
}


def raise_status(status, what="xparray"):
    if status != XP_OK:
        raise EXC.get(status, RuntimeError)(f"{what}: status {status}")


def check(handle):
    """Returns the handle of a valid array; raises (and releases) an error array."""
    if _lib.xp_failed(handle):
        status = _lib.xp_error_status(handle)
        msg = (_lib.xp_error_message(handle) or b"").decode("utf-8", "replace")
        _lib.xp_release(handle)
        raise EXC.get(status, RuntimeError)(msg)
    return handle
