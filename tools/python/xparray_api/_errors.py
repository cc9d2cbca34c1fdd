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


def raise_status(status, what="xparray", results=()):
    """Raises the exception of a failed status-returning call. The message is the
    library's own, taken from the first error array the call wrote to its outputs
    (`results`: Arrays); calls that write none have only the status to report."""
    if status == XP_OK:
        return
    for r in results:
        h = getattr(r, "_h", None)
        if h and _lib.xp_failed(h):
            msg = (_lib.xp_error_message(h) or b"").decode("utf-8", "replace")
            raise EXC.get(status, RuntimeError)(msg)
    name = (_lib.xp_status_name(status) or b"").decode() if _lib.xp_status_name else ""
    raise EXC.get(status, RuntimeError)(f"{what}: {name or 'status'} ({status})")


def check(handle):
    """Returns the handle of a valid array; raises (and releases) an error array."""
    if _lib.xp_failed(handle):
        status = _lib.xp_error_status(handle)
        msg = (_lib.xp_error_message(handle) or b"").decode("utf-8", "replace")
        _lib.xp_release(handle)
        raise EXC.get(status, RuntimeError)(msg)
    return handle
