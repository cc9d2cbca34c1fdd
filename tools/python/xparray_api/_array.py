"""The Array class: a thin owner of one xp_array reference. Operators call the
C functions; no numerical work happens in Python."""
import ctypes
import operator

from . import _dtypes, _errors, _lib

_fns = {}


def fn(name, argtypes=None, restype=_lib.c_arr):
    """The C function xp_<name>; AttributeError when this flavor lacks it."""
    f = _fns.get(name)
    if f is None:
        f = getattr(_lib.lib, "xp_" + name)
        f.restype = restype
        if argtypes is not None:
            f.argtypes = argtypes
        _fns[name] = f
    return f


class Device:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Device) and other.value == self.value

    def __hash__(self):
        return hash(("xparray-device", self.value))

    def __repr__(self):
        t, i = self.value >> 32, self.value & 0xFFFFFFFF
        return "cpu" if (t, i) == (1, 0) else f"Device(type={t}, id={i})"


CPU = Device((1 << 32) | 0)


def scalar_handle(v):
    """A new weak-scalar handle for a Python scalar (caller releases). Ints take the
    library's whole range, int64 and uint64 (xp_uint above INT64_MAX); whether the
    value fits the dtype it meets is the library's check."""
    if isinstance(v, bool):
        return _lib.xp_bool(v)
    if isinstance(v, int):
        if -(2 ** 63) <= v < 2 ** 63:
            return _lib.xp_int(v)
        if 2 ** 63 <= v < 2 ** 64:
            return _lib.xp_uint(v)
        raise OverflowError(f"Python int {v} fits neither int64 nor uint64")
    if isinstance(v, float):
        return _lib.xp_float(v)
    if isinstance(v, complex):
        return _lib.xp_complex(v.real, v.imag)
    raise TypeError(f"unsupported operand type {type(v).__name__}")


class _Operand:
    """Context manager: an Array or Python scalar as a borrowed handle."""

    def __init__(self, v):
        self.v = v
        self.h = None

    def __enter__(self):
        if isinstance(self.v, Array):
            return self.v._h
        self.h = scalar_handle(self.v)
        return self.h

    def __exit__(self, *exc):
        if self.h is not None:
            _lib.xp_release(self.h)


def wrap(h):
    return Array(_errors.check(h))


def call(name, *operands):
    """xp_<name>(operands...) where operands are Arrays or Python scalars."""
    f = fn(name, [_lib.c_arr] * len(operands))
    hs = []
    try:
        for o in operands:
            if isinstance(o, Array):
                hs.append(o._h)
            elif o is None:
                hs.append(None)
            else:
                hs.append(_Operand(o).__enter__())
        return wrap(f(*hs))
    finally:
        for o, h in zip(operands, hs):
            if not isinstance(o, Array) and o is not None and h is not None:
                _lib.xp_release(h)


class Array:
    __slots__ = ("_h", "__weakref__")

    def __init__(self, handle):
        # always a Handle: a whole pointer, whatever the call's argtypes
        self._h = handle if isinstance(handle, _lib.Handle) else _lib.Handle(handle)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h and _lib.xp_release is not None:
            _lib.xp_release(h)
            self._h = None

    # ---- attributes -----------------------------------------------------------
    @property
    def dtype(self):
        return _dtypes.BY_CODE[_lib.xp_array_dtype(self._h)]

    @property
    def ndim(self):
        return _lib.xp_array_ndim(self._h)

    @property
    def shape(self):
        n = self.ndim
        p = _lib.xp_array_shape(self._h)
        return tuple(p[i] for i in range(n)) if n else ()

    @property
    def size(self):
        return _lib.xp_array_size(self._h)

    @property
    def device(self):
        return Device(_lib.xp_array_device(self._h))

    @property
    def mT(self):
        return wrap(fn("matrix_transpose", [_lib.c_arr])(self._h))

    @property
    def T(self):
        if self.ndim != 2:
            raise ValueError("x.T requires a 2-D array; use x.mT or permute_dims")
        return wrap(fn("array_T", [_lib.c_arr])(self._h))

    def to_device(self, device, /, *, stream=None):
        if stream is not None:
            raise ValueError("stream must be None on the CPU")
        from . import astype
        return astype(self, self.dtype, device=device, copy=False)

    def __array_namespace__(self, *, api_version=None):
        import xparray_api
        if api_version not in (None, "2025.12", "2024.12", "2023.12", "2022.12", "2021.12"):
            raise ValueError(f"unsupported api_version {api_version}")
        return xparray_api

    def __repr__(self):
        return f"Array(shape={self.shape}, dtype={self.dtype.name})"

    # ---- Python conversions -----------------------------------------------------
    def _convert(self, name, ctype):
        out = ctype()
        st = fn(name, [_lib.c_arr, ctypes.POINTER(ctype)], ctypes.c_int)(self._h, ctypes.byref(out))
        _errors.raise_status(st, f"xp_{name}")
        return out.value

    def __bool__(self):
        return self._convert("array_bool", ctypes.c_bool)

    def __int__(self):
        # uint64 values above INT64_MAX: the library's uint64 conversion
        if self.dtype.name == "uint64":
            return self._convert("array_uint", ctypes.c_uint64)
        return self._convert("array_int", ctypes.c_int64)

    def __index__(self):
        if self.dtype.name == "uint64":
            return self._convert("array_uint", ctypes.c_uint64)
        return self._convert("array_index", ctypes.c_int64)

    def __float__(self):
        return self._convert("array_float", ctypes.c_double)

    def __complex__(self):
        re, im = ctypes.c_double(), ctypes.c_double()
        f = fn("array_complex", [_lib.c_arr, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_double)],
               ctypes.c_int)
        _errors.raise_status(f(self._h, ctypes.byref(re), ctypes.byref(im)), "xp_array_complex")
        return complex(re.value, im.value)

    # ---- in-place operators -------------------------------------------------------
    def _inplace(self, name, other):
        f = fn("array_" + name, [_lib.c_arr, _lib.c_arr], ctypes.c_int)
        with _Operand(other) as h:
            _errors.raise_status(f(self._h, h), "xp_array_" + name)
        return self


def _binary(name, reflected=False):
    def method(self, other):
        if not isinstance(other, (Array, bool, int, float, complex)):
            return NotImplemented
        return call(name, other, self) if reflected else call(name, self, other)
    return method


def _unary(name):
    return lambda self: call(name, self)


for dunder, cname in [("add", "add"), ("sub", "subtract"), ("mul", "multiply"), ("truediv", "divide"),
                      ("floordiv", "floor_divide"), ("mod", "remainder"), ("pow", "pow"),
                      ("and", "bitwise_and"), ("or", "bitwise_or"), ("xor", "bitwise_xor"),
                      ("lshift", "bitwise_left_shift"), ("rshift", "bitwise_right_shift"),
                      ("matmul", "matmul")]:
    setattr(Array, f"__{dunder}__", _binary(cname))
    setattr(Array, f"__r{dunder}__", _binary(cname, reflected=True))
    setattr(Array, f"__i{dunder}__", (lambda n: lambda self, other: self._inplace(n, other))("i" + dunder))
for dunder, cname in [("eq", "equal"), ("ne", "not_equal"), ("lt", "less"), ("le", "less_equal"),
                      ("gt", "greater"), ("ge", "greater_equal")]:
    setattr(Array, f"__{dunder}__", _binary(cname))
for dunder, cname in [("abs", "abs"), ("neg", "negative"), ("pos", "positive"), ("invert", "bitwise_invert")]:
    setattr(Array, f"__{dunder}__", _unary(cname))
Array.__hash__ = None


def _getitem(self, key):
    from ._indexing import getitem
    return getitem(self, key)


def _setitem(self, key, value):
    from ._indexing import setitem
    setitem(self, key, value)


Array.__getitem__ = _getitem
Array.__setitem__ = _setitem
