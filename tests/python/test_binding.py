#!/usr/bin/env python3
"""Tests of the ctypes binding in tools/python/xparray_api (the one the official
array-api-tests suite runs through) and of tools/run_array_api_tests.py's
bookkeeping. The binding must only translate: check what C cannot represent,
pass the library's errors through, never compute or guess.

    XPARRAY_LIB=build/src/flavors/<flavor>/libxparray.so.0 python3 test_binding.py

Run by meson (tests/meson.build) with /usr/bin/python3; needs neither
array-api-tests nor pytest."""
import ctypes
import importlib.util
import os
import subprocess
import sys
import tempfile
import textwrap
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "python"))
sys.path.insert(0, os.path.join(ROOT, "tools", "python", "shims"))

import xparray_api as xp  # noqa: E402


def ints(a):
    return [int(a[i]) for i in range(a.shape[0])]


class RaggedSequences(unittest.TestCase):
    def test_ragged_nested_lists_are_refused(self):
        for bad in ([3, [1, 2]], [[1, 2], [3]], [[1, 2], 3], [[1], [2, 3]], [[[1]], [2]],
                    [[], [1]]):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                xp.asarray(bad)

    def test_regular_nesting_still_works(self):
        a = xp.asarray([[1, 2, 3], [4, 5, 6]])
        self.assertEqual(a.shape, (2, 3))
        self.assertEqual(int(a[1, 2]), 6)
        self.assertEqual(xp.asarray([[], []]).shape, (2, 0))
        self.assertEqual(xp.asarray(((1.5,),)).shape, (1, 1))


class IntsBeyondInt64(unittest.TestCase):
    """ctypes wraps Python ints silently; the binding saturates axes, extents and
    counts (the library then reports them) and never lets them wrap."""

    def test_shape_extent(self):
        with self.assertRaises((OverflowError, ValueError, MemoryError)):
            xp.zeros((2 ** 64 + 2,))
        with self.assertRaises(ValueError):
            xp.zeros((-(2 ** 64) + 2,))

    def test_axes(self):
        x = xp.ones((2, 3))
        for bad in (2 ** 64 + 1, -(2 ** 64) - 1):
            with self.subTest(axis=bad):
                with self.assertRaises(IndexError) as cm:
                    xp.sum(x, axis=bad)
                self.assertIn("xp_sum", str(cm.exception))
                with self.assertRaises(IndexError):
                    xp.expand_dims(x, axis=bad)
                with self.assertRaises(IndexError):
                    xp.stack([x, x], axis=bad)

    def test_counts_keep_their_meaning(self):
        # n past int64 is still "more differences than elements": empty, not n = 1
        d = xp.diff(xp.asarray([1, 4, 9, 16]), n=2 ** 64 + 1)
        self.assertEqual(d.shape, (0,))
        with self.assertRaises(OverflowError):
            xp.linalg.matrix_power(xp.eye(2), 2 ** 64 + 1)


class ErrorsPassThrough(unittest.TestCase):
    def test_unstack_reports_the_library_error(self):
        with self.assertRaises(IndexError) as cm:
            xp.unstack(xp.asarray(1.0))
        self.assertIn("xp_unstack", str(cm.exception))
        with self.assertRaises(IndexError) as cm:
            xp.unstack(xp.ones((2, 3)), axis=5)
        self.assertIn("xp_unstack", str(cm.exception))
        parts = xp.unstack(xp.asarray([[1, 2, 3], [4, 5, 6]]), axis=-1)
        self.assertEqual(len(parts), 3)
        self.assertEqual(ints(parts[2]), [3, 6])

    def test_fft_n_zero_is_the_library_error(self):
        with self.assertRaises(ValueError) as cm:
            xp.fft.fft(xp.asarray([1j, 2j]), n=0)
        self.assertIn("xp_fft_fft", str(cm.exception))

    def test_status_calls_name_the_function(self):
        a = xp.asarray([1, 2])
        with self.assertRaises(TypeError) as cm:
            a += 1.5  # int64 += float
        self.assertIn("xp_array_iadd", str(cm.exception))


HIGH_ALLOCATOR = textwrap.dedent("""
    import ctypes, mmap, sys
    sys.path[:0] = sys.argv[1:3]
    import xparray_api as xp
    from xparray_api import _lib
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                          ctypes.c_int, ctypes.c_long]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    ALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    FREE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    HINT = 0x7e0000000000  # far above 4 GiB, as on a position-independent Python

    @ALLOC
    def alloc(size, ctx):
        p = libc.mmap(HINT, max(size, 1), 3, 0x22, -1, 0)  # RW, MAP_PRIVATE|MAP_ANONYMOUS
        return None if p in (None, ctypes.c_void_p(-1).value) else p

    @FREE
    def free(p, size, ctx):
        libc.munmap(p, max(size, 1))

    class Allocator(ctypes.Structure):
        _fields_ = [("alloc", ALLOC), ("free", FREE), ("ctx", ctypes.c_void_p)]

    a = Allocator(alloc, free, None)
    _lib.lib.xp_set_allocator.argtypes = [ctypes.c_void_p]
    assert _lib.lib.xp_set_allocator(ctypes.byref(a)) == 0
    x = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    addr = getattr(x._h, "value", x._h)
    assert addr > 2 ** 32, hex(addr)
    y = xp.full_like(x, 7.0)
    z = xp.ones_like(xp.empty_like(xp.zeros_like(x)))
    w = xp.full((2,), 3)
    r = xp.result_type(x, 1)
    v = xp.asarray(x, copy=True)
    s = xp.concat([x, y])
    print(float(y[1, 1]), float(z[0, 0]), int(w[1]), r.name, float(v[1, 0]), s.shape)
    del x, y, z, w, v, s
    _lib.lib.xp_set_allocator(None)
""")


class HandlesAbove4GiB(unittest.TestCase):
    def test_every_call_passes_whole_pointers(self):
        # handles in memory above 4 GiB: a call without argtypes would truncate them
        r = subprocess.run([sys.executable, "-c", HIGH_ALLOCATOR, os.path.join(ROOT, "tools", "python"),
                            os.path.join(ROOT, "tools", "python", "shims")],
                           capture_output=True, text=True, timeout=120, env=dict(os.environ))
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual(r.stdout.split(), ["7.0", "1.0", "3", "float64", "3.0", "(4,", "2)"])


class DefaultDtypesFromTheLibrary(unittest.TestCase):
    def test_sequences_take_the_reported_defaults(self):
        from xparray_api import _datatypes
        real = _datatypes.Info.default_dtypes

        def narrow(self, *, device=None):
            d = real(self, device=device)
            d["integral"], d["real floating"] = xp.int32, xp.float32
            d["complex floating"] = xp.complex64
            return d

        _datatypes.Info.default_dtypes = narrow
        try:
            self.assertEqual(xp.asarray([1, 2]).dtype, xp.int32)
            self.assertEqual(xp.asarray([1.5, 2]).dtype, xp.float32)
            self.assertEqual(xp.asarray([1j]).dtype, xp.complex64)
            self.assertEqual(xp.asarray([True]).dtype, xp.bool)
        finally:
            _datatypes.Info.default_dtypes = real
        self.assertEqual(xp.asarray([1, 2]).dtype, xp.int64)


class Uint64Range(unittest.TestCase):
    def test_python_ints_up_to_2_64(self):
        u = xp.asarray([0, 1], dtype=xp.uint64)
        self.assertEqual(ints(u + 2 ** 63), [2 ** 63, 2 ** 63 + 1])
        self.assertEqual(ints((2 ** 64 - 1) - u), [2 ** 64 - 1, 2 ** 64 - 2])
        self.assertEqual(ints(xp.full((2,), 2 ** 63, dtype=xp.uint64)), [2 ** 63] * 2)
        self.assertEqual(int(xp.asarray(2 ** 64 - 1, dtype=xp.uint64)), 2 ** 64 - 1)
        f = xp.asarray([-1, 2 ** 63], dtype=xp.float64)
        self.assertEqual([float(f[0]), float(f[1])], [-1.0, 2.0 ** 63])

    def test_the_library_says_what_does_not_fit(self):
        with self.assertRaises(ValueError) as cm:
            xp.asarray([2 ** 63])  # default int64
        self.assertIn("xp_asarray", str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            xp.asarray([1, 2]) + 2 ** 63
        self.assertIn("xp_add", str(cm.exception))
        with self.assertRaises(ValueError):
            xp.asarray([-1, 2 ** 63], dtype=xp.uint64)
        with self.assertRaises(OverflowError):
            xp.asarray([1], dtype=xp.uint64) + 2 ** 64  # no C integer holds it


class MeaningfulZeros(unittest.TestCase):
    def test_diff_n_zero_fftfreq_d_zero_vecdot_axis_zero(self):
        self.assertEqual(ints(xp.diff(xp.asarray([1, 4, 9]), n=0)), [1, 4, 9])
        f = xp.fft.fftfreq(4, d=0.0)
        self.assertEqual(float(f[1]), float("inf"))
        with self.assertRaises(IndexError):
            xp.vecdot(xp.ones((2, 3)), xp.ones((2, 3)), axis=0)


class Imatmul(unittest.TestCase):
    def test_in_place_when_the_shape_is_kept(self):
        a = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
        same = a
        a @= xp.asarray([[0.0, 1.0], [1.0, 0.0]])
        self.assertIs(a, same)
        self.assertEqual([float(a[0, 0]), float(a[0, 1])], [2.0, 1.0])
        with self.assertRaises(ValueError):
            a @= xp.ones((2, 3))


class _DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class _DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8), ("lanes", ctypes.c_uint16)]


class _DLTensor(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("device", _DLDevice), ("ndim", ctypes.c_int32),
                ("dtype", _DLDataType), ("shape", ctypes.POINTER(ctypes.c_int64)),
                ("strides", ctypes.POINTER(ctypes.c_int64)), ("byte_offset", ctypes.c_uint64)]


class _DLManaged(ctypes.Structure):
    pass


_DELETER = ctypes.CFUNCTYPE(None, ctypes.POINTER(_DLManaged))
_DLManaged._fields_ = [("dl_tensor", _DLTensor), ("manager_ctx", ctypes.c_void_p),
                       ("deleter", _DELETER)]


class BoolProducer:
    """A legacy DLPack producer of a 1-D bool tensor over raw bytes (NumPy 1.24
    exports no bool tensors)."""

    def __init__(self, raw):
        self.buf = (ctypes.c_uint8 * len(raw))(*raw)
        self.shape = (ctypes.c_int64 * 1)(len(raw))
        self.deleted = 0

        @_DELETER
        def deleter(_):
            self.deleted += 1
        self.deleter = deleter
        t = _DLTensor(ctypes.cast(self.buf, ctypes.c_void_p), _DLDevice(1, 0), 1, _DLDataType(6, 8, 1),
                      self.shape, None, 0)
        self.mt = _DLManaged(t, None, deleter)

    def __dlpack_device__(self):
        return (1, 0)

    def __dlpack__(self, stream=None):
        new = ctypes.pythonapi.PyCapsule_New
        new.restype = ctypes.py_object
        new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
        return new(ctypes.addressof(self.mt), b"dltensor", None)


class BoolBytesFromOutside(unittest.TestCase):
    def test_dlpack_bool_bytes_other_than_0_1(self):
        p = BoolProducer([2, 0, 0xF8, 1])
        x = xp.from_dlpack(p)
        (idx,) = xp.nonzero(x)
        self.assertEqual(ints(idx), [0, 2, 3])
        self.assertEqual([bool(v) for v in xp.unstack(xp.logical_not(x))], [False, True, False, False])
        self.assertEqual(int(xp.count_nonzero(x)), 3)
        self.assertEqual(list(p.buf), [2, 0, 0xF8, 1])  # the producer's bytes are not written


def load_runner():
    spec = importlib.util.spec_from_file_location("run_array_api_tests",
                                                  os.path.join(ROOT, "tools", "run_array_api_tests.py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


class Runner(unittest.TestCase):
    def test_outcomes_keep_whole_node_ids(self):
        import xparray_outcomes as plug
        plug._lines.clear()
        ids = ["array_api_tests/test_a.py::test_x[x1 and x2 with spaces]",
               "array_api_tests/test_b.py::test_y[a - b]"]
        plug.pytest_runtest_logreport(types.SimpleNamespace(failed=True, passed=False, when="call",
                                                            nodeid=ids[0]))
        plug.pytest_runtest_logreport(types.SimpleNamespace(failed=True, passed=False, when="setup",
                                                            nodeid=ids[1]))
        plug.pytest_runtest_logreport(types.SimpleNamespace(failed=False, passed=True, when="call",
                                                            nodeid="t.py::z[p q]", wasxfail=""))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "outcomes.txt")
            os.environ["XPARRAY_OUTCOMES"] = path
            try:
                plug.pytest_sessionfinish(None, 0)
            finally:
                del os.environ["XPARRAY_OUTCOMES"]
            failures, xpasses = load_runner().read_outcomes(path)
        self.assertEqual(failures, sorted(ids))
        self.assertEqual(xpasses, ["t.py::z[p q]"])

    def test_seed_and_database_location(self):
        with open(os.path.join(ROOT, "tools", "run_array_api_tests.py")) as f:
            src = f.read()
        m = load_runner()
        self.assertTrue(callable(m.read_outcomes))
        # the seed reaches hypothesis and the record; the database leaves the suite checkout
        self.assertIn('"--seed"', src)
        self.assertIn("--hypothesis-seed=", src)
        self.assertIn('"seed": a.seed', src)
        self.assertIn('env["HYPOTHESIS_STORAGE_DIRECTORY"]', src)


if __name__ == "__main__":
    unittest.main(verbosity=1)
