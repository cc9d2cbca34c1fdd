#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/).
Crash reproducers found by tools/fuzz.sh are added next to them by hand
(named crash-*), and the normal test suite replays every file."""
import os
import random
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
NPY = os.path.join(HERE, "..", "data", "npy")


def npy(dict_text, data=b"", major=1):
    pre = 10 if major == 1 else 12
    h = dict_text
    while (pre + len(h) + 1) % 64:
        h += " "
    h += "\n"
    lens = struct.pack("<H" if major == 1 else "<I", len(h))
    return b"\x93NUMPY" + bytes([major, 0]) + lens + h.encode() + data


def npy_seeds(out):
    for f in ["c_float64.npy", "be_complex64.npy", "f_bool.npy", "v2_float32.npy",
              "v3_complex128.npy", "0d_be_int64.npy", "empty_f_uint16.npy", "c_uint8.npy"]:
        shutil.copy(os.path.join(NPY, f), os.path.join(out, "npy-" + f))
    seeds = {
        "object.npy": npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", b"\x80" * 16),
        "structured.npy": npy("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }", b"\0" * 4),
        "overflow.npy": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"),
        "too-big.npy": npy("{'descr': '<c16', 'fortran_order': True, 'shape': (1024, 1024, 1024), }", b"\0" * 64),
        "py2-long.npy": npy("{'descr': '<i2', 'fortran_order': False, 'shape': (3L, 1L), }", b"\1\0\2\0\3\0"),
        "dquote.npy": npy('{"shape": (2,), "descr": "<u4", "fortran_order": True}', b"\1\0\0\0\2\0\0\0"),
        "truncated.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", b"\0" * 11),
        "huge-header.npy": b"\x93NUMPY\x02\x00\xff\xff\xff\x7f{'descr'",
        "pickle.pkl": b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01.",
        "hdr-10001.npy": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + " " * 9950),
        "many-dims.npy": npy("{'descr': '|b1', 'fortran_order': False, 'shape': (" + "1, " * 64 + "), }", b"\1"),
    }
    for name, b in seeds.items():
        with open(os.path.join(out, name), "wb") as fp:
            fp.write(b)


def dl(major=1, minor=1, flags=0, ndim=1, code=2, bits=64, lanes=1, dev=1, devid=0, mode=0,
       offset=0, dims=((3, 1),), data=b""):
    head = struct.pack("<BBBbBBHBbBBQ", major, minor, flags, ndim, code, bits, lanes, dev, devid,
                       mode, 0, offset)
    body = b"".join(struct.pack("<qq", e, s) for e, s in dims)
    return head + body + data


def dl_seeds(out):
    f64 = struct.pack("<4d", 1.5, -2.0, 3.25, 0.0)
    seeds = {
        "f64-1d": dl(data=f64),
        "f64-neg-stride": dl(dims=((3, -1),), offset=16, data=f64),
        "i16-2d": dl(ndim=2, code=0, bits=16, dims=((2, 3), (3, 1)), data=bytes(range(12))),
        "c64-strided": dl(ndim=2, code=5, bits=64, dims=((2, 2), (2, -1)), offset=8, data=bytes(range(48))),
        "bool-0d": dl(ndim=0, code=6, bits=8, dims=(), data=b"\1"),
        "u8-zero-size": dl(ndim=2, code=1, bits=8, dims=((0, 5), (5, 1)), mode=16),
        "readonly-copy": dl(flags=1, mode=1 << 5, data=f64),
        "copy-false": dl(mode=2 << 5, data=f64),
        "legacy": dl(mode=1, data=f64),
        "null-strides": dl(ndim=2, code=2, bits=32, dims=((2, 2), (99, 99)), mode=8, data=f64),
        "misaligned": dl(offset=3, data=b"\0" * 40),
        "bad-lanes": dl(lanes=4, data=f64),
        "bad-code": dl(code=4, bits=16, data=f64),
        "bad-version": dl(major=2, data=f64),
        "null-deleter": dl(mode=2, data=f64),
        "cuda": dl(dev=2, data=f64),
        "cuda-requested": dl(mode=128, data=f64),
        "negative-shape": dl(dims=((-3, 1),), data=f64),
        "stride-overflow": dl(ndim=2, dims=((2, 1 << 61), (3, 1)), data=f64),
        "extent-overflow": dl(ndim=2, dims=((3, 1 << 59), (3, 1 << 59)), data=f64),
        "ndim-65": dl(ndim=65, data=f64),
        "null-shape": dl(mode=4, data=f64),
        "big-offset": dl(offset=(1 << 64) - 9, data=f64),
    }
    for name, b in seeds.items():
        with open(os.path.join(out, name), "wb") as fp:
            fp.write(b)


def program_seeds(out, seed):
    """Seeds of the targets that read their input as a stream of small draws
    (tests/fuzz/fuzz_input.h): fixed pseudo-random byte programs of a few
    lengths, and the empty input (every draw 0)."""
    rng = random.Random(seed)
    for i in range(12):
        n = rng.choice([4, 8, 16, 32, 64])
        with open(os.path.join(out, f"seed-{i:02d}"), "wb") as fp:
            fp.write(bytes(rng.randrange(256) for _ in range(n)))
    open(os.path.join(out, "seed-empty"), "wb").close()


if __name__ == "__main__":
    for t, seed in [("index_keys", 1), ("shapes", 2), ("promotion", 3), ("array_wrap", 4)]:
        d = os.path.join(HERE, "corpus", t)
        os.makedirs(d, exist_ok=True)
        program_seeds(d, seed)
    for t, fn in [("npy_header", npy_seeds), ("dlpack_import", dl_seeds)]:
        d = os.path.join(HERE, "corpus", t)
        os.makedirs(d, exist_ok=True)
        fn(d)
