"""Dtype objects: only __eq__/hash are required by the standard; they carry the C enum."""


class DType:
    __slots__ = ("name", "code", "kind", "itemsize")

    def __init__(self, name, code, kind, itemsize):
        self.name, self.code, self.kind, self.itemsize = name, code, kind, itemsize

    def __eq__(self, other):
        return isinstance(other, DType) and other.code == self.code

    def __hash__(self):
        return hash(("xparray-dtype", self.code))

    def __repr__(self):
        return f"xparray_api.{self.name}"


_SPEC = [
    ("bool", "b", 1), ("int8", "i", 1), ("int16", "i", 2), ("int32", "i", 4), ("int64", "i", 8),
    ("uint8", "u", 1), ("uint16", "u", 2), ("uint32", "u", 4), ("uint64", "u", 8),
    ("float32", "f", 4), ("float64", "f", 8), ("complex64", "c", 8), ("complex128", "c", 16),
]
ALL = [DType(n, i + 1, k, s) for i, (n, k, s) in enumerate(_SPEC)]
BY_CODE = {d.code: d for d in ALL}
BY_NAME = {d.name: d for d in ALL}

# xp_kind bit flags (types.h)
KIND_BITS = {"bool": 1, "signed integer": 2, "unsigned integer": 4, "integral": 6,
             "real floating": 8, "complex floating": 16, "numeric": 30}
# ctypes/struct codes for packing Python data into C buffers
STRUCT_CODE = {"bool": "?", "int8": "b", "int16": "h", "int32": "i", "int64": "q", "uint8": "B",
               "uint16": "H", "uint32": "I", "uint64": "Q", "float32": "f", "float64": "d",
               "complex64": "f", "complex128": "d"}
