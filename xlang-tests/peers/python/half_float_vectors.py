"""Prints the bytes pyfory writes for float16 and bfloat16 values, as Rust tables.

Run with the pinned pyfory (see the README) and paste the output into
fory-core/tests/half_float_vectors.rs.

Each value goes through the public serializer path:

    pyfory.Fory(xlang=True).serialize(pyfory.Float16Array([v]))   # frame 01 ff 35 02 <2 bytes>
    pyfory.Fory(xlang=True).serialize(pyfory.BFloat16Array([v]))  # frame 01 ff 36 02 <2 bytes>

and the 2 payload bytes are printed (little-endian, as on the wire). The script also checks that
a registered dataclass with a `pyfory.Float16` / `pyfory.BFloat16` field writes the same 2 bytes,
and reads each frame back with `Fory.deserialize` to record the value pyfory gets from its own
bytes (as f32 bits).

Next to pyfory's bytes every row carries the IEEE 754 answer (round to nearest, ties to even,
computed here with exact fractions; a NaN stays a quiet NaN with its sign and the payload bits
that fit). Where the two differ, the row is listed in a comment; the Rust test asserts our
conversion gives the IEEE bytes and pins the list of rows where pyfory differs.
"""

import dataclasses
import math
import struct
from fractions import Fraction

import pyfory

FORY = pyfory.Fory(xlang=True)


@dataclasses.dataclass
class Halves:
    a: pyfory.Float16
    b: pyfory.BFloat16


FORY.register_type(Halves, type_id=200)


def f32_of(v):
    """The f32 nearest to the Python float v (as the C cast does)."""
    return struct.unpack("<f", struct.pack("<f", v))[0]


def f32bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def f64bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def f64_from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


# Format parameters: (fraction bits, exponent bias, +Inf pattern, quiet bit, frame type id).
FORMATS = {
    "f16": (10, 15, 0x7C00, 0x0200, 0x35, pyfory.Float16Array),
    "bf16": (7, 127, 0x7F80, 0x0040, 0x36, pyfory.BFloat16Array),
}


def decode(fmt, bits):
    """Exact value of a non-negative finite pattern; the +Inf pattern decodes to the next power
    of two above MAX (its value with an unbounded exponent)."""
    mbits, bias = FORMATS[fmt][:2]
    e, m = bits >> mbits, bits & ((1 << mbits) - 1)
    if e == 0:
        return Fraction(m) * Fraction(2) ** (1 - bias - mbits)
    return Fraction((1 << mbits) + m) * Fraction(2) ** (e - bias - mbits)


def ieee(fmt, v, source_bits):
    """IEEE 754 round-to-nearest-even of the Python float v (used exactly, not via f32).

    source_bits is (bits, width) of the input as the caller means it (f32 or f64), for the NaN
    payload."""
    mbits, _, inf, quiet = FORMATS[fmt][:4]
    sign = 0x8000 if math.copysign(1.0, v) < 0 else 0
    if math.isnan(v):
        bits, width = source_bits
        src_frac = 23 if width == 32 else 52
        payload = (bits >> (src_frac - mbits)) & ((1 << mbits) - 1)
        return sign | inf | quiet | payload
    if math.isinf(v):
        return sign | inf
    x = abs(Fraction(v))
    if x >= decode(fmt, inf):
        return sign | inf
    lo, hi = 0, inf
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if decode(fmt, mid) <= x:
            lo = mid
        else:
            hi = mid
    mid = (decode(fmt, lo) + decode(fmt, lo + 1)) / 2
    if x < mid or (x == mid and lo % 2 == 0):
        return sign | lo
    return sign | (lo + 1)


def pyfory_bytes(fmt, v):
    type_id, array_type = FORMATS[fmt][4:]
    frame = FORY.serialize(array_type([v]))
    assert frame[:4] == bytes([0x01, 0xFF, type_id, 0x02]), frame.hex()
    payload = frame[4:]
    assert len(payload) == 2
    # The scalar field serializer must agree with the array serializer.
    struct_frame = FORY.serialize(Halves(v, v))
    field = struct_frame[-4:-2] if fmt == "f16" else struct_frame[-2:]
    assert field == payload, (fmt, v, field.hex(), payload.hex())
    back = FORY.deserialize(frame)[0]
    return payload, f32bits(back)


def le(bits):
    return struct.pack("<H", bits).hex()


def table(name, fmt, rows, width):
    """rows: (label, python float). width 32: the value is an f32 (exact in the f64 that
    pyfory casts to float); width 64: an arbitrary Python float."""
    row_type = "F32Row" if width == 32 else "F64Row"
    print(f"// pyfory {pyfory.__version__}: "
          f"Fory(xlang=True).serialize({FORMATS[fmt][5].__name__}([v])), payload bytes.")
    print(f"const {name}: &[{row_type}] = &[")
    diverging = []
    for label, v in rows:
        if width == 32:
            assert math.isnan(v) or math.isinf(v) or f32_of(v) == v, label
            src = f32bits(v)
            src_txt = f"0x{src:08x}"
        else:
            src = f64bits(v)
            src_txt = f"0x{src:016x}"
        got, back = pyfory_bytes(fmt, v)
        want = le(ieee(fmt, v, (src, width)))
        if got.hex() != want:
            diverging.append(label)
        print(f'    ("{label}", {src_txt}, "{got.hex()}", "{want}", 0x{back:08x}),')
    print("];")
    print("// The rows where pyfory's bytes differ from IEEE round-to-nearest-even.")
    items = "".join(f'    "{label}",\n' for label in diverging)
    print(f"const {name}_PYFORY_DIFFERS: &[&str] = &[\n{items}];")
    print()


P = Fraction(2)
nan = float("nan")
inf = float("inf")


def frac(x):
    return float(x)


F16_F32 = [
    ("0.0", 0.0),
    ("-0.0", -0.0),
    ("1.0", 1.0),
    ("-1.0", -1.0),
    ("0.5", 0.5),
    ("65504 (MAX)", 65504.0),
    ("65519.99", f32_of(65519.99)),
    ("65520 (overflows)", 65520.0),
    ("-65520", -65520.0),
    ("1e5", 1e5),
    ("f32::MAX", f32_of(3.4028234663852886e38)),
    ("1e-8", f32_of(1e-8)),
    ("2^-24 (smallest subnormal)", frac(P**-24)),
    ("1023 * 2^-24 (largest subnormal)", frac(1023 * P**-24)),
    ("2^-14 (MIN_POSITIVE)", frac(P**-14)),
    ("2^-25 (tie to zero)", frac(P**-25)),
    ("2^-25 + 1 f32 ulp", frac(P**-25 * (1 + P**-23))),
    ("3 * 2^-26", frac(3 * P**-26)),
    ("-3 * 2^-26", frac(-3 * P**-26)),
    ("4e-8", f32_of(4e-8)),
    ("3 * 2^-25 (tie to 2 * 2^-24)", frac(3 * P**-25)),
    ("5 * 2^-25 (tie to 2 * 2^-24)", frac(5 * P**-25)),
    ("1 + 2^-11 (tie to 1.0)", frac(1 + P**-11)),
    ("1 + 3 * 2^-11 (tie up)", frac(1 + 3 * P**-11)),
    ("0.1", f32_of(0.1)),
    ("1/3", f32_of(1 / 3)),
    ("NaN", nan),
    ("-NaN", -nan),
    ("+Inf", inf),
    ("-Inf", -inf),
]

F16_F64 = [
    ("0.1", 0.1),
    ("1/3", 1 / 3),
    ("1e-8", 1e-8),
    ("65519.99", 65519.99),
    ("1 + 2^-11 + 2^-40", frac(1 + P**-11 + P**-40)),
    ("(2.5 + 2^-30) * 2^-24", frac((Fraction(5, 2) + P**-30) * P**-24)),
    ("-(1 + 2^-11 + 2^-40)", frac(-(1 + P**-11 + P**-40))),
]

BF16_F32 = [
    ("0.0", 0.0),
    ("-0.0", -0.0),
    ("1.0", 1.0),
    ("-1.0", -1.0),
    ("0.5", 0.5),
    ("3.39e38", f32_of(3.39e38)),
    ("3.4e38 (overflows)", f32_of(3.4e38)),
    ("-3.4e38", f32_of(-3.4e38)),
    ("(2 - 2^-8) * 2^127 (tie to Inf)", frac((2 - P**-8) * P**127)),
    ("f32::MAX", f32_of(3.4028234663852886e38)),
    ("2^-126 (MIN_POSITIVE)", frac(P**-126)),
    ("1e-40", f32_of(1e-40)),
    ("2^-133 (smallest subnormal)", frac(P**-133)),
    ("2^-134 (tie to zero)", frac(P**-134)),
    ("3 * 2^-134 (tie to 2 * 2^-133)", frac(3 * P**-134)),
    ("2^-149 (smallest f32)", frac(P**-149)),
    ("1 + 2^-8 (tie to 1.0)", frac(1 + P**-8)),
    ("1 + 3 * 2^-8 (tie up)", frac(1 + 3 * P**-8)),
    ("0.1", f32_of(0.1)),
    ("1/3", f32_of(1 / 3)),
    ("NaN", nan),
    ("-NaN", -nan),
    ("+Inf", inf),
    ("-Inf", -inf),
]

BF16_F64 = [
    ("0.1", 0.1),
    ("1/3", 1 / 3),
    ("3.4e38", 3.4e38),
    ("1e39", 1e39),
    ("1 + 2^-8 + 2^-30", frac(1 + P**-8 + P**-30)),
    ("-(1 + 2^-8 + 2^-30)", frac(-(1 + P**-8 + P**-30))),
]

if __name__ == "__main__":
    table("FLOAT16_FROM_F32", "f16", F16_F32, 32)
    table("FLOAT16_FROM_F64", "f16", F16_F64, 64)
    table("BFLOAT16_FROM_F32", "bf16", BF16_F32, 32)
    table("BFLOAT16_FROM_F64", "bf16", BF16_F64, 64)
