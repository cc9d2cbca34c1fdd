"""matmul/tensordot/vecdot and the linalg submodule."""
import ctypes
import math
import types
from collections import namedtuple

from . import _errors, _lib
from ._array import Array, _Operand, call, fn, wrap
from ._creation import dcode

V = ctypes.c_void_p


class _TensordotOpts(ctypes.Structure):
    _fields_ = [("has_n", ctypes.c_bool), ("n", ctypes.c_int64), ("x1_axes", _lib.XpAxes), ("x2_axes", _lib.XpAxes)]


class _AxisOpts(ctypes.Structure):
    _fields_ = [("axis", ctypes.c_int64), ("has_axis", ctypes.c_bool)]


def matmul(x1, x2, /):
    return call("matmul", x1, x2)


def tensordot(x1, x2, /, *, axes=2):
    o = _TensordotOpts()
    if isinstance(axes, int):
        o.has_n, o.n = True, _lib.i64(axes)
    else:
        a1, a2 = axes
        o.x1_axes, o.x2_axes = _lib.axes(tuple(a1)), _lib.axes(tuple(a2))
    return wrap(fn("tensordot", [V, V, V])(x1._h, x2._h, ctypes.byref(o)))


def vecdot(x1, x2, /, *, axis=-1):
    return wrap(fn("vecdot", [V, V, V])(x1._h, x2._h, ctypes.byref(_AxisOpts(_lib.i64(axis), True))))


def _result(cname, fields, tname, x, opts=None):
    S = type(cname, (ctypes.Structure,), {"_fields_": [(f, V) for f in fields]})
    argtypes = [V] if opts is None else [V, V]
    r = fn(cname, argtypes, S)(*([x._h] if opts is None else [x._h, ctypes.byref(opts)]))
    arrs = [Array(getattr(r, k)) for k in fields]
    if _lib.xp_failed(arrs[0]._h):
        st = _lib.xp_error_status(arrs[0]._h)
        raise _errors.EXC.get(st, RuntimeError)((_lib.xp_error_message(arrs[0]._h) or b"").decode())
    return namedtuple(tname, fields)(*arrs)


class _Upper(ctypes.Structure):
    _fields_ = [("upper", ctypes.c_bool)]


class _Offset(ctypes.Structure):
    _fields_ = [("offset", ctypes.c_int64)]


class _Trace(ctypes.Structure):
    _fields_ = [("offset", ctypes.c_int64), ("dtype", ctypes.c_int)]


class _Rtol(ctypes.Structure):
    _fields_ = [("rtol", V)]


class _MatrixNorm(ctypes.Structure):
    _fields_ = [("keepdims", ctypes.c_bool), ("ord", ctypes.c_int), ("p", ctypes.c_double)]


class _VectorNorm(ctypes.Structure):
    _fields_ = [("axes", _lib.XpAxes), ("keepdims", ctypes.c_bool), ("ord", ctypes.c_int), ("p", ctypes.c_double)]


class _Mode(ctypes.Structure):
    _fields_ = [("mode", ctypes.c_int)]


class _Svd(ctypes.Structure):
    _fields_ = [("reduced", ctypes.c_bool)]


def _ord(ord, matrix):
    # XP_ORD_DEFAULT, FRO, NUC, INF, NEG_INF, P
    if ord == "fro" and matrix:
        return 1, 0.0
    if ord == "nuc" and matrix:
        return 2, 0.0
    if isinstance(ord, str):
        raise ValueError(f"ord {ord!r} is not defined")
    if ord == math.inf:
        return 3, 0.0
    if ord == -math.inf:
        return 4, 0.0
    return 5, float(ord)


def _with_rtol(name, x, rtol):
    if rtol is None:
        return wrap(fn(name, [V, V])(x._h, None))
    with _Operand(rtol) as h:
        return wrap(fn(name, [V, V])(x._h, ctypes.byref(_Rtol(h))))


def _unary(name):
    return lambda x, /: wrap(fn("linalg_" + name, [V])(x._h))


linalg = types.ModuleType("xparray_api.linalg")
for _n in ("det", "inv", "eigvals", "eigvalsh", "svdvals"):
    setattr(linalg, _n, _unary(_n))
linalg.matmul = matmul
linalg.tensordot = tensordot
linalg.vecdot = vecdot
linalg.matrix_transpose = lambda x, /: x.mT
linalg.outer = lambda x1, x2, /: wrap(fn("linalg_outer", [V, V])(x1._h, x2._h))
linalg.solve = lambda x1, x2, /: wrap(fn("linalg_solve", [V, V])(x1._h, x2._h))
linalg.matrix_power = lambda x, n, /: wrap(fn("linalg_matrix_power", [V, ctypes.c_int64])(
    x._h, _lib.i64_exact(n, "matrix_power")))
linalg.cholesky = lambda x, /, *, upper=False: wrap(fn("linalg_cholesky", [V, V])(x._h, ctypes.byref(_Upper(upper))))
linalg.cross = lambda x1, x2, /, *, axis=-1: wrap(fn("linalg_cross", [V, V, V])(x1._h, x2._h, ctypes.byref(_AxisOpts(_lib.i64(axis), True))))
linalg.diagonal = lambda x, /, *, offset=0: wrap(fn("linalg_diagonal", [V, V])(x._h, ctypes.byref(_Offset(_lib.i64(offset)))))
linalg.trace = lambda x, /, *, offset=0, dtype=None: wrap(
    fn("linalg_trace", [V, V])(x._h, ctypes.byref(_Trace(_lib.i64(offset), dcode(dtype)))))
linalg.matrix_rank = lambda x, /, *, rtol=None: _with_rtol("linalg_matrix_rank", x, rtol)
linalg.pinv = lambda x, /, *, rtol=None: _with_rtol("linalg_pinv", x, rtol)


def _matrix_norm(x, /, *, keepdims=False, ord="fro"):
    o, p = _ord(ord, True)
    return wrap(fn("linalg_matrix_norm", [V, V])(x._h, ctypes.byref(_MatrixNorm(keepdims, o, p))))


def _vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    o, p = _ord(ord, False)
    return wrap(fn("linalg_vector_norm", [V, V])(x._h, ctypes.byref(_VectorNorm(_lib.axes(axis), keepdims, o, p))))


linalg.matrix_norm = _matrix_norm
linalg.vector_norm = _vector_norm
linalg.eigh = lambda x, /: _result("linalg_eigh", ("eigenvalues", "eigenvectors"), "EighResult", x)
linalg.eig = lambda x, /: _result("linalg_eig", ("eigenvalues", "eigenvectors"), "EigResult", x)
linalg.slogdet = lambda x, /: _result("linalg_slogdet", ("sign", "logabsdet"), "SlogdetResult", x)


def _qr(x, /, *, mode="reduced"):
    if mode not in ("reduced", "complete"):
        raise ValueError("mode must be 'reduced' or 'complete'")
    return _result("linalg_qr", ("Q", "R"), "QRResult", x, _Mode(0 if mode == "reduced" else 1))


def _svd(x, /, *, full_matrices=True):
    return _result("linalg_svd", ("U", "S", "Vh"), "SVDResult", x, _Svd(not full_matrices))


linalg.qr = _qr
linalg.svd = _svd
