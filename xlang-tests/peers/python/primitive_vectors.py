"""Prints the bytes pyfory writes for each primitive wire encoding at its boundaries.

Run with the pinned pyfory (see the README) and paste the output into
fory-core/tests/primitive_vectors.rs. Every row is produced by one pyfory `Buffer.write_*` call
(or, for string headers and whole frames, by `Buffer.write_string` and `Fory.serialize`).
"""

import math
import struct

import pyfory
from pyfory.serialization import Buffer

B = [0, 1, 127, 128, 2**14, 2**21, 2**28, 2**35, 2**56]


def hexof(method, value):
    buf = Buffer.allocate(64)
    getattr(buf, method)(value)
    return buf.to_bytes(0, buf.get_writer_index()).hex()


def table(name, method, values, fmt=repr):
    print(f"// {name}: pyfory {pyfory.__version__} Buffer.{method}(v)")
    for v in values:
        print(f"    ({fmt(v)}, \"{hexof(method, v)}\"),")
    print()


def fits(bits, signed):
    lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
    return lambda v: lo <= v <= hi


def with_edges(bits, signed):
    vals = set(B) | {2**bits - 1 if not signed else 2 ** (bits - 1) - 1}
    if signed:
        vals |= {-1, -(2 ** (bits - 1)), -(2**14), -(2**21), -(2**28), -(2**35), -(2**56), -128, -129}
    return sorted(v for v in vals if fits(bits, signed)(v))


table("bool", "write_bool", [False, True], lambda v: "true" if v else "false")
table("int8", "write_int8", with_edges(8, True))
table("uint8", "write_uint8", with_edges(8, False))
table("int16", "write_int16", with_edges(16, True))
table("uint16", "write_uint16", with_edges(16, False))
table("int32", "write_int32", with_edges(32, True))
table("uint32", "write_uint32", with_edges(32, False))
table("int64", "write_int64", with_edges(64, True))
table("uint64", "write_uint64", with_edges(64, False))
table("varuint32", "write_var_uint32", with_edges(32, False))
table("varint32", "write_varint32", with_edges(32, True))
table("varuint64", "write_var_uint64", with_edges(64, False))
table("varint64", "write_varint64", with_edges(64, True))
table("tagged_int64", "write_tagged_int64",
      sorted(set(with_edges(64, True)) | {2**30 - 1, 2**30, -(2**30), -(2**30) - 1}))
table("tagged_uint64", "write_tagged_uint64", sorted(set(with_edges(64, False)) | {2**31 - 1, 2**31}))


def f32bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def f64bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


floats = [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, math.inf, -math.inf, math.nan,
          1.401298464324817e-45, 3.4028234663852886e38, 2.2250738585072014e-308, 5e-324,
          1.7976931348623157e308]
print(f"// float32 (as bits): pyfory {pyfory.__version__} Buffer.write_float32(v)")
for v in floats:
    if abs(v) < 3.5e38 or math.isinf(v) or math.isnan(v):
        print(f"    ({f32bits(v):#010x}, \"{hexof('write_float32', v)}\"),")
print()
print(f"// float64 (as bits): pyfory {pyfory.__version__} Buffer.write_float64(v)")
for v in floats:
    print(f"    ({f64bits(v):#018x}, \"{hexof('write_float64', v)}\"),")
print()

print(f"// string header (varuint36_small): pyfory {pyfory.__version__} Buffer.write_string('a' * n), header bytes only")
for n in [0, 1, 31, 32, 4095, 4096, 2**19 - 1, 2**19, 2**26 - 1, 2**26]:
    buf = Buffer.allocate(n + 16)
    buf.write_string("a" * n)
    raw = buf.to_bytes(0, buf.get_writer_index())
    print(f"    ({n}, \"{raw[: len(raw) - n].hex()}\"),")
print()

print(f"// strings: pyfory {pyfory.__version__} Buffer.write_string(s)")
for s in ["", "a", "abc", "é", "café", "ÿ", "Ā", "你好", "a你", "😀", "a😀b", "naïve 名前"]:
    print(f"    ({s!r}, \"{hexof('write_string', s)}\"),")
print()

f = pyfory.Fory(xlang=True)
print(f"// whole frames: pyfory {pyfory.__version__} Fory(xlang=True).serialize(v)")
for v in [None, True, 0, -1, 2**40, 1.5, "abc", b"\x01\x02\x03"]:
    print(f"    ({v!r}, \"{f.serialize(v).hex()}\"),")
