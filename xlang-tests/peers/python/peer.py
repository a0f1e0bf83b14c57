"""The Python peer of the conformance suite, on the pinned pyfory.

    python peer.py gen DIR            writes DIR/<case>.bin for every case
    python peer.py roundtrip CASE FILE
        reads FILE (written by another implementation), checks it decodes to the case's
        expected value (exit 1 with both values printed if not), and overwrites FILE with
        pyfory's own serialization of the decoded value.

Each case mirrors one in xlang-tests/src/cases.rs: same name, same value, same mode.
"""

import datetime
import decimal
import enum
import math
import os
import sys

import pyfory


class Color(enum.Enum):
    RED = 0
    GREEN = 1
    BLUE = 2


def fory(compatible=False, ref=False, color=None):
    f = pyfory.Fory(xlang=True, compatible=compatible, ref=ref)
    if color == "id":
        f.register(Color, type_id=101)
    elif color == "name":
        f.register(Color, name="example.Color")
    return f


UTC = datetime.timezone.utc

# name -> (value, Fory settings)
CASES = {
    "bool_true": (True, {}),
    "bool_false": (False, {}),
    "int64_zero": (0, {}),
    "int64_minus_one": (-1, {}),
    "int64_max": (2**63 - 1, {}),
    "int64_min": (-(2**63), {}),
    "int64_2_pow_35": (2**35, {}),
    "float64_one_and_half": (1.5, {}),
    "float64_negative_zero": (-0.0, {}),
    "float64_infinity": (math.inf, {}),
    "string_empty": ("", {}),
    "string_ascii": ("hello", {}),
    "string_latin1": ("café", {}),
    "string_cjk": ("你好", {}),
    "string_astral": ("😀", {}),
    "string_long": ("a" * 300, {}),
    "binary": (b"\x01\x02\x03", {}),
    "binary_empty": (b"", {}),
    "none": (None, {}),
    "list_strings": (["a", "b"], {}),
    "list_empty": ([], {}),
    "list_ints": ([1, 2, 3], {}),
    "list_with_null": (["a", None, "b"], {}),
    "list_mixed": ([1, "a", None, 2.5], {}),
    "list_nested": ([["a"], ["b", "c"]], {}),
    "set_ints": ({1, 2}, {}),
    "map_string_int": ({"a": 1, "b": 2}, {}),
    "map_empty": ({}, {}),
    "map_null_value": ({"a": None, "b": 1}, {}),
    "map_mixed_values": ({"a": 1, "b": "x"}, {}),
    "map_nested": ({"a": {"b": 1}}, {}),
    "map_300": ({f"k{i:03}": i for i in range(300)}, {}),
    "int32_array": (pyfory.Int32Array([1, -1]), {}),
    "float64_array": (pyfory.Float64Array([1.5, -2.0]), {}),
    "int8_array": (pyfory.Int8Array([1, -1]), {}),
    "date": (datetime.date(2024, 1, 2), {}),
    "date_before_epoch": (datetime.date(1969, 12, 31), {}),
    "timestamp": (datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC), {}),
    "duration": (datetime.timedelta(seconds=90, microseconds=7), {}),
    "decimal": (decimal.Decimal("-123.456"), {}),
    "decimal_big": (decimal.Decimal("123456789012345678901234567890.5"), {}),
    "enum_by_id": (Color.GREEN, {"color": "id"}),
    "enum_by_name": (Color.GREEN, {"color": "name"}),
    "enum_by_name_compatible": (Color.GREEN, {"color": "name", "compatible": True}),
    "enum_list_by_name": ([Color.GREEN, Color.BLUE], {"color": "name"}),
    "ref_shared_list": (None, {"ref": True}),  # built below: [x, x] with x = ["a"]
}


def value_of(name):
    if name == "ref_shared_list":
        x = ["a"]
        return [x, x]
    return CASES[name][0]


def normalize(v):
    """Values as the reader sees them, for comparison."""
    if isinstance(v, (pyfory.Int32Array, pyfory.Float64Array, pyfory.Int8Array)):
        return list(v)
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if isinstance(v, datetime.datetime):
        return v.astimezone(UTC)
    if isinstance(v, list):
        return [normalize(x) for x in v]
    if isinstance(v, dict):
        return {k: normalize(x) for k, x in v.items()}
    return v


def gen(directory):
    os.makedirs(directory, exist_ok=True)
    for name in CASES:
        data = fory(**CASES[name][1]).serialize(value_of(name))
        with open(os.path.join(directory, name + ".bin"), "wb") as f:
            f.write(data)


def roundtrip(name, path):
    f = fory(**CASES[name][1])
    with open(path, "rb") as fh:
        data = fh.read()
    got = f.deserialize(data)
    want = value_of(name)
    if normalize(got) != normalize(want):
        print(f"{name}: decoded {got!r}, expected {want!r}", file=sys.stderr)
        sys.exit(1)
    with open(path, "wb") as fh:
        fh.write(f.serialize(got))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "gen":
        gen(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "roundtrip":
        roundtrip(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
