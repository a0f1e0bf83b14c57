"""The Python peer of the conformance suite, on the pinned pyfory (see setup.sh): the peer
`python` runs it on pyfory 1.6.0, the peer `python-1.7.7` on pyfory 1.7.7, with the same cases.
Both versions take the same calls and write the same bytes for every case (the conformance
runner checks both on every run), so nothing here branches on pyfory.__version__; only the
UNSUPPORTED reasons name it.

    peer.py gen DIR
        writes DIR/<case>.bin for every case (pyfory's serialization of the case's value).
    peer.py roundtrip CASE FILE [CASE FILE ...]
        for each pair: reads FILE (written by another implementation), checks that it decodes
        to the case's expected value, and overwrites FILE with pyfory's serialization of the
        decoded value. Prints `OK <case>`, `FAIL <case>: <why>` or `UNSUPPORTED <case>: <why>`
        per pair; exits 1 if any pair failed, else 0.
    peer.py random gen CASES OUT / peer.py random check CASES IN
        the generative suite's commands (xlang-tests/GENERATIVE.md), in random_cases.py.
    peer.py rows gen OUT / peer.py rows check IN
        the row format cases (xlang-tests/ROWS.md), in rows.py.

An out-of-band buffer case is written with its buffer callback: the main buffer goes to
<case>.bin, the out-of-band buffers in order to <case>.bin.0, .1, ...; roundtrip reads FILE.0,
FILE.1, ... while they exist and deletes every FILE.k it did not write.

Each case mirrors one in xlang-tests/CASES.md and xlang-tests/src/cases.rs: same name, same value,
same mode, same registrations. Every case uses a fresh Fory instance in xlang mode.
"""

import dataclasses
import datetime
import decimal
import enum
import math
import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set

import numpy as np
import pyfory
from pyfory.union import Union, UnionSerializer

from buffers import serialize_oob


# ---------------------------------------------------------------------------------------------
# User types. Field names are snake_case as in CASES.md; the annotations fix the wire types:
# pyfory.Int32 is a varint int32, pyfory.FixedInt32 a fixed 4-byte int32, and so on.


class Color(enum.Enum):
    RED = 0
    GREEN = 1
    BLUE = 2


@dataclass
class Primitives:  # 201
    flag: bool
    tiny: pyfory.Int8
    short_value: pyfory.Int16
    count: pyfory.Int32
    total: pyfory.Int64
    ratio: pyfory.Float32
    precise: pyfory.Float64


@dataclass
class NullablePrimitives:  # 202
    flag: Optional[bool]
    tiny: Optional[pyfory.Int8]
    short_value: Optional[pyfory.Int16]
    count: Optional[pyfory.Int32]
    total: Optional[pyfory.Int64]
    ratio: Optional[pyfory.Float32]
    precise: Optional[pyfory.Float64]


@dataclass
class Strings:  # 203
    ascii: str
    latin1: str
    cjk: str
    empty: str


@dataclass
class Inner:  # 205
    x: pyfory.Int32
    label: str


@dataclass
class Outer:  # 204
    name: str
    inner: Inner
    count: pyfory.Int32


@dataclass
class Collections:  # 206
    names: List[str]
    tags: Set[str]
    scores: Dict[str, pyfory.Int32]
    ids: pyfory.Array[pyfory.Int64]  # array<int64>, carried as pyfory.Int64Array
    matrix: List[List[pyfory.Int32]]


@dataclass
class WithEnum:  # 207
    color: Color
    count: pyfory.Int32


class Shape(Union):  # union 111: case 0 `name: string`, case 1 `radius: float64`
    """A hand-written tagged union (what pyfory's IDL compiler would generate, minus helpers)."""

    NAME = 0
    RADIUS = 1
    CASE_TYPES = {NAME: str, RADIUS: pyfory.Float64}

    @classmethod
    def _from_case_id(cls, case_id, value):  # called by UnionSerializer when reading
        return cls(case_id, value)

    def __eq__(self, other):
        return isinstance(other, Shape) and (self.case_id(), self.value()) == (other.case_id(), other.value())


@dataclass
class WithUnion:  # 208
    shape: Shape
    count: pyfory.Int32


@dataclass
class Optionals:  # 209
    maybe_name: Optional[str]
    maybe_count: Optional[pyfory.Int32]
    maybe_list: Optional[List[str]]
    maybe_inner: Optional[Inner]


@dataclass
class Unsigned:  # 210
    u8v: pyfory.UInt8
    u16v: pyfory.UInt16
    u32_fixed: pyfory.FixedUInt32
    u32_var: pyfory.UInt32  # varint
    u64_fixed: pyfory.FixedUInt64
    u64_var: pyfory.UInt64  # varint
    u64_tagged: pyfory.TaggedUInt64
    i32_fixed: pyfory.FixedInt32
    i64_fixed: pyfory.FixedInt64
    i64_tagged: pyfory.TaggedInt64


@dataclass
class Tagged:  # 211
    name: str = pyfory.field(id=1)
    age: pyfory.Int32 = pyfory.field(id=2)
    email: Optional[str] = pyfory.field(id=3, nullable=True)
    note: str = pyfory.field()  # no tag id: written by name


@dataclass
class Pair:  # 212 (Rust: Pair<String, i32>)
    key: str
    value: pyfory.Int32
    items: pyfory.Array[pyfory.Int32]  # array<int32>, carried as pyfory.Int32Array


@dataclass
class Many:  # 213
    f01: bool
    f02: pyfory.Int8
    f03: pyfory.Int16
    f04: pyfory.Int32
    f05: pyfory.Int64
    f06: pyfory.Float32
    f07: pyfory.Float64
    f08: str
    f09: bool
    f10: pyfory.Int8
    f11: pyfory.Int16
    f12: pyfory.Int32
    f13: pyfory.Int64
    f14: pyfory.Float32
    f15: pyfory.Float64
    f16: str
    f17: bool
    f18: pyfory.Int8
    f19: pyfory.Int16
    f20: pyfory.Int32
    f21: pyfory.Int64
    f22: pyfory.Float32
    f23: pyfory.Float64
    f24: str
    f25: bool
    f26: pyfory.Int8
    f27: pyfory.Int16
    f28: pyfory.Int32
    f29: pyfory.Int64
    f30: pyfory.Float32
    f31: pyfory.Float64
    f32: str


@dataclass
class Point:  # 214 (Rust: tuple struct Point(i32, i32))
    f0: pyfory.Int32
    f1: pyfory.Int32


@dataclass
class Person:  # by name: example.Person
    name: str
    age: pyfory.Int32


@dataclass
class Evolving:  # 220; Rust's Evolving has a, c, d instead
    a: pyfory.Int32
    b: Inner
    c: List[str]


@dataclass
class ArrayToList:  # 221; Rust declares the same fields as lists (VecDeque<bool>, VecDeque<i16>, ...)
    bools: pyfory.Array[bool]  # array<bool>, carried as pyfory.BoolArray
    shorts: pyfory.Array[pyfory.Int16]  # carried as pyfory.Int16Array, and so on
    ints: pyfory.Array[pyfory.Int32]
    longs: pyfory.Array[pyfory.Int64]
    floats: pyfory.Array[pyfory.Float32]
    doubles: pyfory.Array[pyfory.Float64]
    empty: pyfory.Array[pyfory.Int32]


@dataclass
class ListToArray:  # 222; Rust declares the same fields as arrays (Vec<bool>, Vec<i16>, ...)
    bools: List[bool]
    shorts: List[pyfory.Int16]
    ints: List[pyfory.Int32]
    longs: List[pyfory.Int64]
    floats: List[pyfory.Float32]
    doubles: List[pyfory.Float64]
    empty: List[pyfory.Int32]


@dataclass
class Rec:  # 300, the struct of the out-of-band buffer cases
    data: bytes
    values: pyfory.Array[pyfory.Float64]  # array<float64>, carried as pyfory.Float64Array


@dataclass
class Samples:  # 301, the struct of the numpy out-of-band cases
    data: bytes
    values: pyfory.Array[pyfory.Float64]  # written from a numpy float64 array
    ids: pyfory.Array[pyfory.Int32]  # written from a numpy int32 array


# How each user type is registered. Color is registered per case (by id or by name).
TYPE_IDS = {
    Primitives: 201,
    NullablePrimitives: 202,
    Strings: 203,
    Outer: 204,
    Inner: 205,
    Collections: 206,
    WithEnum: 207,
    WithUnion: 208,
    Optionals: 209,
    Unsigned: 210,
    Tagged: 211,
    Pair: 212,
    Many: 213,
    Point: 214,
    Evolving: 220,
    ArrayToList: 221,
    ListToArray: 222,
    Rec: 300,
    Samples: 301,
}
UNION_IDS = {Shape: 111}
TYPE_NAMES = {Person: "example.Person"}
# Types with a custom serializer (EXT by id, NAMED_EXT by name): type -> serializer class.
EXT_SERIALIZERS = {}


def fory(compatible=False, ref=False, color=None, types=(), by_name=()):
    """A fresh xlang Fory configured for one case; `by_name` lists types this case registers as
    `example.<TypeName>` instead of by their usual id."""
    f = pyfory.Fory(xlang=True, compatible=compatible, ref=ref)
    if color == "id":
        f.register(Color, type_id=101)
    elif color == "name":
        f.register(Color, name="example.Color")
    for t in types:
        if t in UNION_IDS:
            serializer = UnionSerializer(f.type_resolver, t, t.CASE_TYPES)
            f.register_union(t, type_id=UNION_IDS[t], serializer=serializer)
        elif t in EXT_SERIALIZERS:
            # Registering with a serializer makes the type EXT (by id) or NAMED_EXT (by name).
            serializer = EXT_SERIALIZERS[t](f.type_resolver, t)
            if t in by_name:
                f.register(t, name="example." + t.__name__, serializer=serializer)
            else:
                f.register(t, type_id=TYPE_IDS[t], serializer=serializer)
        elif t in by_name:
            f.register(t, name="example." + t.__name__)
        elif t in TYPE_NAMES:
            f.register(t, name=TYPE_NAMES[t])
        else:
            f.register(t, type_id=TYPE_IDS[t])
    return f


# ---------------------------------------------------------------------------------------------
# Cases.

UTC = datetime.timezone.utc
_shared = ["a"]

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
    "ref_shared_list": ([_shared, _shared], {"ref": True}),  # the same list object twice
}

# Struct cases: name -> (value, registered types, Fory settings). Each becomes two cases:
# `<name>` (schema-consistent) and `<name>_compatible` (compatible mode).
STRUCT_CASES = {
    "struct_primitives": (
        Primitives(flag=True, tiny=-5, short_value=-300, count=123456, total=-9876543210, ratio=1.5, precise=-2.25),
        [Primitives],
    ),
    "struct_nullable_primitives": (
        NullablePrimitives(
            flag=True, tiny=None, short_value=-300, count=123456, total=-9876543210, ratio=None, precise=-2.25
        ),
        [NullablePrimitives],
    ),
    "struct_strings": (
        Strings(ascii="hello", latin1="café", cjk="你好", empty=""),
        [Strings],
    ),
    "struct_nested": (
        Outer(name="outer", inner=Inner(x=7, label="in"), count=2),
        [Outer, Inner],
    ),
    "struct_collections": (
        Collections(
            names=["a", "b"],
            tags={"x"},
            scores={"a": 1},
            ids=pyfory.Int64Array([1, -2, 3]),
            matrix=[[1], [2, 3]],
        ),
        [Collections],
    ),
    "struct_enum_field": (
        WithEnum(color=Color.BLUE, count=3),
        [WithEnum],
        {"color": "id"},
    ),
    "struct_union_field": (
        WithUnion(shape=Shape(Shape.RADIUS, 2.5), count=4),
        [WithUnion, Shape],
    ),
    "struct_options_null": (
        Optionals(maybe_name=None, maybe_count=None, maybe_list=None, maybe_inner=None),
        [Optionals, Inner],
    ),
    "struct_options_set": (
        Optionals(maybe_name="n", maybe_count=5, maybe_list=["l"], maybe_inner=Inner(x=1, label="i")),
        [Optionals, Inner],
    ),
    "struct_unsigned": (
        Unsigned(
            u8v=200,
            u16v=60000,
            u32_fixed=4000000000,
            u32_var=4000000000,
            u64_fixed=2**63 + 5,
            u64_var=2**63 + 5,
            u64_tagged=2**40,
            i32_fixed=-7,
            i64_fixed=-8,
            i64_tagged=2**40,
        ),
        [Unsigned],
    ),
    "struct_tag_ids": (
        Tagged(name="t", age=30, email=None, note="no tag"),
        [Tagged],
    ),
    "struct_generic": (
        Pair(key="k", value=9, items=pyfory.Int32Array([1, 2])),
        [Pair],
    ),
    "struct_many_fields": (
        Many(
            *(True, 1, 2, 3, 4, 5.5, 6.5, "s8"),
            *(False, -1, -2, -3, -4, -5.5, -6.5, "s16"),
            *(True, 17, 18, 19, 20, 21.5, 22.5, "s24"),
            *(False, 25, 26, 27, 28, 29.5, 30.5, "s32"),
        ),
        [Many],
    ),
    "struct_tuple": (
        Point(f0=3, f1=-4),
        [Point],
    ),
    "struct_named": (
        Person(name="Ada", age=36),
        [Person],
    ),
    # By-name user types as field types. pyfory writes type info (NAMED_STRUCT and the names)
    # before the by-name Inner in schema-consistent mode, where Java writes none.
    "struct_enum_field_by_name": (
        WithEnum(color=Color.BLUE, count=3),
        [WithEnum],
        {"color": "name"},
    ),
    "struct_nested_by_name": (
        Outer(name="outer", inner=Inner(x=7, label="in"), count=2),
        [Outer, Inner],
        {"by_name": [Inner]},
    ),
}

for _name, (_value, _types, *_settings) in STRUCT_CASES.items():
    _extra = _settings[0] if _settings else {}
    CASES[_name] = (_value, {"types": _types, **_extra})
    CASES[_name + "_compatible"] = (_value, {"types": _types, "compatible": True, **_extra})

# Schema evolution: gen writes EVOLVING_WRITTEN; Rust reads it into its own Evolving {a, c, d}
# and writes that back, so roundtrip expects b at its default (None: no b on the wire).
EVOLVING_WRITTEN = Evolving(a=1, b=Inner(x=2, label="bee"), c=["x", "y"])
EVOLVING_READ = Evolving(a=1, b=None, c=["x", "y"])
CASES["evolution_drop_add"] = (EVOLVING_WRITTEN, {"types": [Evolving, Inner], "compatible": True})

# The same fields declared as arrays on one side and lists on the other: gen writes this peer's
# form, Rust reads it as the other and writes that back, which roundtrip reads as this peer's.
_BOOLS = [True, False]
_SHORTS = [1, -1, -(2**15), 2**15 - 1]
_INTS = [1, -1, 0, -(2**31), 2**31 - 1]
_LONGS = [1, -1, -(2**63), 2**63 - 1]
_FLOATS = [1.5, -2.0, 3.4028234663852886e38]  # f32::MAX
_DOUBLES = [1.5, -2.0, sys.float_info.max]
CASES["evolution_array_to_list"] = (
    ArrayToList(
        bools=pyfory.BoolArray(_BOOLS),
        shorts=pyfory.Int16Array(_SHORTS),
        ints=pyfory.Int32Array(_INTS),
        longs=pyfory.Int64Array(_LONGS),
        floats=pyfory.Float32Array(_FLOATS),
        doubles=pyfory.Float64Array(_DOUBLES),
        empty=pyfory.Int32Array([]),
    ),
    {"types": [ArrayToList], "compatible": True},
)
CASES["evolution_list_to_array"] = (
    ListToArray(
        bools=list(_BOOLS),
        shorts=list(_SHORTS),
        ints=list(_INTS),
        longs=list(_LONGS),
        floats=list(_FLOATS),
        doubles=list(_DOUBLES),
        empty=[],
    ),
    {"types": [ListToArray], "compatible": True},
)


def _field_types(want):
    """A check that every field of the decoded struct has the type of `want`'s field (normalize
    compares arrays as lists, so it alone would not see a list where an array is declared)."""

    def check(got):
        for f in dataclasses.fields(want):
            have, need = type(getattr(got, f.name)), type(getattr(want, f.name))
            if have is not need:
                return f"field {f.name} decoded as {have.__name__}, expected {need.__name__}"
        return None

    return check


# Extra checks on decoded values: name -> function returning None or what is wrong.
CHECKS = {name: _field_types(CASES[name][0]) for name in ("evolution_array_to_list", "evolution_list_to_array")}

# Values that roundtrip expects when they differ from what gen writes.
EXPECTED = {"evolution_drop_add": EVOLVING_READ}

# Out-of-band buffer cases (schema-consistent): name -> (value, registered types, callback).
# The callback is "in_band" (keep every buffer in-band), "out_of_band" (send every buffer
# out-of-band) or "alternating" (out-of-band, in-band, ... in the order the buffers are met).
# pyfory hands only bytes to the callback: its numeric arrays (pyfory arrays, array.array, numpy)
# stay in the main buffer in the plain form, without the in-band flag, whatever the callback
# says. The Rust side writes and reads that form for this peer (OobArrayForm::Pyfory).
_F64 = np.array([1.5, -2.0], dtype=np.float64)
_I32 = np.array([1, -1], dtype=np.int32)
OOB_CASES = {
    "oob_binary_in_band": (b"\x01\x02\x03", [], "in_band"),
    "oob_binary_out_of_band": (b"\x01\x02\x03", [], "out_of_band"),
    "oob_binary_list_alternating": ([b"\x01\x02\x03", b"\x04\x05"], [], "alternating"),
    "oob_int32_array_in_band": (pyfory.Int32Array([1, -1]), [], "in_band"),
    "oob_int32_array_out_of_band": (pyfory.Int32Array([1, -1]), [], "out_of_band"),
    "oob_float64_array_alternating": (pyfory.Float64Array([1.5, -2.0]), [], "alternating"),
    "oob_struct_out_of_band": (Rec(data=b"\x01\x02\x03", values=pyfory.Float64Array([1.5, -2.0])), [Rec], "out_of_band"),
    "oob_struct_alternating": (Rec(data=b"\x01\x02\x03", values=pyfory.Float64Array([1.5, -2.0])), [Rec], "alternating"),
    "oob_numpy_float64_out_of_band": (_F64.copy(), [], "out_of_band"),
    "oob_numpy_int32_out_of_band": (_I32.copy(), [], "out_of_band"),
    "oob_numpy_struct_out_of_band": (Samples(data=b"\x01\x02\x03", values=_F64.copy(), ids=_I32.copy()), [Samples], "out_of_band"),
    "oob_numpy_struct_alternating": (Samples(data=b"\x01\x02\x03", values=_F64.copy(), ids=_I32.copy()), [Samples], "alternating"),
    "oob_numpy_list_out_of_band": ([b"\x01\x02\x03", _F64.copy(), _I32.copy()], [], "out_of_band"),
}
OOB = {}
for _name, (_value, _types, _callback) in OOB_CASES.items():
    CASES[_name] = (_value, {"types": _types})
    OOB[_name] = _callback

# Cases this peer cannot express: name -> reason.
UNSUPPORTED = {}


# ---------------------------------------------------------------------------------------------
# ref_tree, ref_tree_compatible (reference tracking): root {name: "root", parent: None,
# children: [child]}, child {name: "child", parent: <the root>, children: []}.


@dataclass
class Node:  # 230
    name: str
    # pyfory tracks a field only with ref=True and list elements only as pyfory.Ref[...]; Rust's
    # Weak parent and Rc children are both tracked. (normalize writes the parent as a back
    # reference, so the comparison checks that it is the very node holding the child.)
    parent: Optional["Node"] = pyfory.field(nullable=True, ref=True)
    children: List[pyfory.Ref["Node"]] = pyfory.field()


def _tree():
    root = Node(name="root", parent=None, children=[])
    root.children.append(Node(name="child", parent=root, children=[]))
    return root


TYPE_IDS[Node] = 230
CASES["ref_tree"] = (_tree(), {"types": [Node], "ref": True})
CASES["ref_tree_compatible"] = (_tree(), {"types": [Node], "ref": True, "compatible": True})


# ---------------------------------------------------------------------------------------------
# ref_self, ref_cycle (reference tracking, each also _compatible): SelfRef {name: "me", me:
# <itself>}; a = Link {name: "a", next: b}, b = Link {name: "b", next: a}, written from a.
# (normalize writes a struct met again inside itself as a back reference, so the comparison
# checks that `me` and `b.next` are the very objects.)


@dataclass
class SelfRef:  # 231
    name: str
    me: Optional["SelfRef"] = pyfory.field(nullable=True, ref=True)


@dataclass
class Link:  # 232
    name: str
    next: Optional["Link"] = pyfory.field(nullable=True, ref=True)


def _self_ref():
    s = SelfRef(name="me", me=None)
    s.me = s
    return s


def _cycle():
    a = Link(name="a", next=None)
    a.next = Link(name="b", next=a)
    return a


TYPE_IDS[SelfRef] = 231
TYPE_IDS[Link] = 232
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["ref_self" + _suffix] = (_self_ref(), {"types": [SelfRef], "ref": True, "compatible": _compatible})
    CASES["ref_cycle" + _suffix] = (_cycle(), {"types": [Link], "ref": True, "compatible": _compatible})


# ---------------------------------------------------------------------------------------------
# ref_map_of_lists, ref_union_cases (reference tracking, each also _compatible): RefLists
# {by_key: {"k001": [], "k002": [1, -2]}, nested: [["a"], []]}; Choices {first: case 0 (7),
# second: case 2 (Inner {x: 1, label: "i"}), third: case 1 ("s")}.


@dataclass
class RefLists:  # 233
    by_key: Dict[str, List[pyfory.Int64]]
    nested: List[List[str]]


class Choice(Union):  # union 112: case 0 `number: int32`, case 1 `text: string`, case 2 `inner: Inner`
    NUMBER = 0
    TEXT = 1
    INNER = 2
    CASE_TYPES = {NUMBER: pyfory.Int32, TEXT: str, INNER: Inner}

    @classmethod
    def _from_case_id(cls, case_id, value):  # called by UnionSerializer when reading
        return cls(case_id, value)

    def __eq__(self, other):
        return isinstance(other, Choice) and (self.case_id(), self.value()) == (other.case_id(), other.value())


@dataclass
class Choices:  # 234
    first: Choice
    second: Choice
    third: Choice


def _ref_lists():
    return RefLists(by_key={"k001": [], "k002": [1, -2]}, nested=[["a"], []])


def _choices():
    return Choices(
        first=Choice(Choice.NUMBER, 7),
        second=Choice(Choice.INNER, Inner(x=1, label="i")),
        third=Choice(Choice.TEXT, "s"),
    )


TYPE_IDS[RefLists] = 233
TYPE_IDS[Choices] = 234
UNION_IDS[Choice] = 112
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["ref_map_of_lists" + _suffix] = (
        _ref_lists(),
        {"types": [RefLists], "ref": True, "compatible": _compatible},
    )
    CASES["ref_union_cases" + _suffix] = (
        _choices(),
        {"types": [Inner, Choice, Choices], "ref": True, "compatible": _compatible},
    )


# ---------------------------------------------------------------------------------------------
# struct_data_enum (also _compatible): a Rust enum with data. Its variants with several fields
# are written as structs (EventClick, EventPair), so here a union whose cases hold them.


@dataclass
class EventClick:  # 250: the case struct of Event::Click { x, y }
    x: pyfory.Int32
    y: pyfory.Int32


@dataclass
class EventPair:  # 251: the case struct of the tuple variant Event::Pair(String, i32)
    f0: str
    f1: pyfory.Int32


class Event(Union):  # union 113: click, pair, key: string, quit (no value)
    CLICK = 0
    PAIR = 1
    KEY = 2
    QUIT = 3
    # QUIT carries no value (a null flag); its type is only the serializer that reads the flag.
    CASE_TYPES = {CLICK: EventClick, PAIR: EventPair, KEY: str, QUIT: str}

    @classmethod
    def _from_case_id(cls, case_id, value):  # called by UnionSerializer when reading
        return cls(case_id, value)

    def __eq__(self, other):
        return isinstance(other, Event) and (self.case_id(), self.value()) == (other.case_id(), other.value())


@dataclass
class EventLog:  # 252
    click: Event
    pair: Event
    key: Event
    quit: Event
    count: pyfory.Int32


TYPE_IDS[EventClick] = 250
TYPE_IDS[EventPair] = 251
TYPE_IDS[EventLog] = 252
UNION_IDS[Event] = 113
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["struct_data_enum" + _suffix] = (
        EventLog(
            click=Event(Event.CLICK, EventClick(x=1, y=-2)),
            pair=Event(Event.PAIR, EventPair(f0="p", f1=3)),
            key=Event(Event.KEY, "k"),
            quit=Event(Event.QUIT, None),
            count=4,
        ),
        {"types": [EventClick, EventPair, Event, EventLog], "compatible": _compatible},
    )


# ---------------------------------------------------------------------------------------------
# all_null_lists (also _compatible): lists of a declared element type holding only nulls, each
# written `0e` (same type, declared, has null) and the null flags, as Java writes them.


@dataclass
class AllNullLists:  # 235
    numbers: List[Optional[pyfory.Float64]]
    texts: List[Optional[str]]
    counts: List[Optional[pyfory.Int32]]


TYPE_IDS[AllNullLists] = 235
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["all_null_lists" + _suffix] = (
        AllNullLists(numbers=[None, None], texts=[None], counts=[None]),
        {"types": [AllNullLists], "compatible": _compatible},
    )


# ---------------------------------------------------------------------------------------------
# ref_list_with_nulls (reference tracking, also _compatible): SharedItems {items: [None, i, i]},
# i = Inner {x: 1, label: "i"} one object. pyfory writes the list header 0b (null bit, element
# type named); Java 0d / 09 (no null bit: a null is its reference flag).


@dataclass
class SharedItems:  # 236
    items: List[Optional[pyfory.Ref[Inner]]]


def _shared_items():
    i = Inner(x=1, label="i")
    return SharedItems(items=[None, i, i])


def _one_shared_item(got):
    items = got.items
    if len(items) == 3 and items[1] is not items[2]:
        return "items[1] and items[2] decoded as two objects, expected one"
    return None


TYPE_IDS[SharedItems] = 236
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["ref_list_with_nulls" + _suffix] = (
        _shared_items(),
        {"types": [Inner, SharedItems], "ref": True, "compatible": _compatible},
    )
    CHECKS["ref_list_with_nulls" + _suffix] = _one_shared_item


# ---------------------------------------------------------------------------------------------
# polymorphic_list, polymorphic_list_field (each also _compatible): a list of two structs, an
# enum, scalars and a null, at the root and as the field of a Bag.


@dataclass
class Other:  # 240
    code: pyfory.Int64
    note: str


@dataclass
class Bag:  # 241
    name: str
    items: List[Any]


def _polymorphic_items():
    return [Inner(x=1, label="i"), Color.BLUE, "s", 7, 2.5, None, Other(code=-3, note="o")]


TYPE_IDS[Other] = 240
TYPE_IDS[Bag] = 241
_POLYMORPHIC = {"types": [Inner, Other, Bag], "color": "id"}
CASES["polymorphic_list"] = (_polymorphic_items(), _POLYMORPHIC)
CASES["polymorphic_list_compatible"] = (_polymorphic_items(), {**_POLYMORPHIC, "compatible": True})
CASES["polymorphic_list_field"] = (Bag(name="bag", items=_polymorphic_items()), _POLYMORPHIC)
CASES["polymorphic_list_field_compatible"] = (
    Bag(name="bag", items=_polymorphic_items()),
    {**_POLYMORPHIC, "compatible": True},
)


# ---------------------------------------------------------------------------------------------
# trait_object_fields (and _compatible): attributes typed by a base class, each value written
# with its concrete class's type info.


class Animal:
    pass


@dataclass
class Dog(Animal):  # 260
    name: str
    volume: pyfory.Int32


@dataclass
class Cat(Animal):  # 261
    lives: pyfory.Int32


@dataclass
class Zoo:  # 262
    star: Animal
    animals: List[Animal]
    keepers: Dict[str, Animal]


def _zoo():
    return Zoo(
        star=Dog(name="Rex", volume=7),
        animals=[Cat(lives=9), Dog(name="Ace", volume=3)],
        keepers={"kim": Cat(lives=1)},
    )


TYPE_IDS[Dog] = 260
TYPE_IDS[Cat] = 261
TYPE_IDS[Zoo] = 262
_ZOO = {"types": [Dog, Cat, Zoo]}
CASES["trait_object_fields"] = (_zoo(), _ZOO)
CASES["trait_object_fields_compatible"] = (_zoo(), {**_ZOO, "compatible": True})


# trait_object_shared (and _compatible), reference tracking on: one Dog three times.
@dataclass
class Pen:  # 263
    first: Animal = pyfory.field(ref=True)
    second: Animal = pyfory.field(ref=True)
    all: List[pyfory.Ref[Animal]] = pyfory.field()


def _pen():
    d = Dog(name="Rex", volume=7)
    return Pen(first=d, second=d, all=[d, Cat(lives=9)])


def _one_dog_in_pen(got):
    if got.first is not got.second or got.all[0] is not got.first:
        return "first, second and all[0] decoded as several objects, expected one"
    return None


TYPE_IDS[Pen] = 263
for _suffix, _compatible in (("", False), ("_compatible", True)):
    CASES["trait_object_shared" + _suffix] = (
        _pen(),
        {"types": [Dog, Cat, Pen], "ref": True, "compatible": _compatible},
    )
    CHECKS["trait_object_shared" + _suffix] = _one_dog_in_pen


# ---------------------------------------------------------------------------------------------
# ext_value, ext_field (and _by_name, each also _compatible), ext_collections (also _compatible): a
# type with a custom serializer at the root, as a struct field, and in a list, an optional field
# and a map.


@dataclass
class Money:  # 270, or example.Money: EXT / NAMED_EXT, written by MoneySerializer
    cents: int
    currency: str


class MoneySerializer(pyfory.Serializer):
    """The payload of Money: cents as a varint64, then currency as a string."""

    def write(self, write_context, value):
        write_context.write_varint64(value.cents)
        write_context.write_string(value.currency)

    def read(self, read_context):
        cents = read_context.read_varint64()
        return Money(cents=cents, currency=read_context.read_string())


@dataclass
class Invoice:  # 271
    item: str
    # pyfory takes a field whose type is registered by name for a dynamic one: it would write
    # NAMED_EXT and the names before Money's payload in schema-consistent mode (where Java writes
    # none) and expect them when reading. dynamic=False is Java's form; see spec/divergences.md.
    price: Money = pyfory.field(dynamic=False)
    count: pyfory.Int32 = 0


@dataclass
class Wallet:  # 272: Money as a list element, a nullable field and a map value
    coins: List[Money]
    spare: Optional[Money]
    by_owner: Dict[str, Money]


TYPE_IDS[Money] = 270
TYPE_IDS[Invoice] = 271
TYPE_IDS[Wallet] = 272
EXT_SERIALIZERS[Money] = MoneySerializer
for _suffix, _compatible in (("", False), ("_compatible", True)):
    for _by, _by_name in (("", ()), ("_by_name", (Money,))):
        CASES["ext_value" + _by + _suffix] = (
            Money(cents=1999, currency="EUR"),
            {"types": [Money], "by_name": _by_name, "compatible": _compatible},
        )
        CASES["ext_field" + _by + _suffix] = (
            Invoice(item="tea", price=Money(cents=-250, currency="GBP"), count=3),
            {"types": [Money, Invoice], "by_name": _by_name, "compatible": _compatible},
        )
    CASES["ext_collections" + _suffix] = (
        Wallet(
            coins=[Money(cents=1, currency="EUR"), Money(cents=2, currency="EUR")],
            spare=Money(cents=3, currency="EUR"),
            by_owner={"a": Money(cents=4, currency="EUR")},
        ),
        {"types": [Money, Wallet], "compatible": _compatible},
    )


# ---------------------------------------------------------------------------------------------
# Commands.


def normalize(v, _path=()):
    """A value as plain comparable data (arrays as lists, structs as (type, fields) tuples). A
    struct met again inside itself (a cycle) is ("<back reference>", n): the struct n levels up."""
    if isinstance(
        v,
        (
            pyfory.BoolArray,
            pyfory.Int8Array,
            pyfory.Int16Array,
            pyfory.Int32Array,
            pyfory.Int64Array,
            pyfory.Float32Array,
            pyfory.Float64Array,
        ),
    ):
        return list(v)
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if isinstance(v, datetime.datetime):
        return v.astimezone(UTC)
    if isinstance(v, list):
        return [normalize(x, _path) for x in v]
    if isinstance(v, dict):
        return {k: normalize(x, _path) for k, x in v.items()}
    if isinstance(v, Union):
        return (type(v).__name__, v.case_id(), normalize(v.value(), _path))
    if dataclasses.is_dataclass(v):
        for up, outer in enumerate(reversed(_path)):
            if outer is v:
                return ("<back reference>", up)
        path = _path + (v,)
        return (type(v).__name__, {f.name: normalize(getattr(v, f.name), path) for f in dataclasses.fields(v)})
    return v


# ---------------------------------------------------------------------------------------------
# Out-of-band buffers.


def buffer_path(path, index):
    return f"{path}.{index}"


def read_buffers(path):
    """FILE.0, FILE.1, ... while they exist."""
    buffers = []
    while os.path.exists(buffer_path(path, len(buffers))):
        with open(buffer_path(path, len(buffers)), "rb") as fh:
            buffers.append(fh.read())
    return buffers


def write_with_buffers(path, data, buffers):
    """Writes FILE and FILE.0 ... FILE.(n-1), and deletes every other FILE.k."""
    with open(path, "wb") as fh:
        fh.write(data)
    for i, b in enumerate(buffers):
        with open(buffer_path(path, i), "wb") as fh:
            fh.write(b)
    directory, base = os.path.split(os.path.abspath(path))
    written = {f"{base}.{i}" for i in range(len(buffers))}
    for entry in os.listdir(directory):
        k = entry[len(base) + 1 :]
        if entry.startswith(base + ".") and k.isdigit() and entry not in written:
            os.remove(os.path.join(directory, entry))


class Counting:
    """The buffers handed to pyfory, counting how many it takes."""

    def __init__(self, buffers):
        self.buffers = buffers
        self.taken = 0

    def __iter__(self):
        for b in self.buffers:
            self.taken += 1
            yield b


OOB_BIT = 0x02  # the header bit that says the payload was written with a buffer callback


def gen(directory):
    """Writes DIR/<case>.bin for every case; exits 1 if any case could not be written."""
    os.makedirs(directory, exist_ok=True)
    ok = True
    for name, (value, settings) in CASES.items():
        if name in UNSUPPORTED:
            print(f"UNSUPPORTED {name}: {UNSUPPORTED[name]}")
            continue
        try:
            if name in OOB:
                data, buffers = serialize_oob(fory(**settings), value, OOB[name])
            else:
                data, buffers = fory(**settings).serialize(value), None
        except Exception as e:  # report and go on with the other cases
            print(f"{name}: cannot serialize: {type(e).__name__}: {e}", file=sys.stderr)
            ok = False
            continue
        path = os.path.join(directory, name + ".bin")
        if buffers is None:
            with open(path, "wb") as fh:
                fh.write(data)
        else:
            write_with_buffers(path, data, buffers)
    return ok


def roundtrip_one(name, path):
    """Checks and rewrites one FILE; returns the line to print."""
    if name not in CASES:
        return f"UNSUPPORTED {name}: not a case of the Python peer"
    if name in UNSUPPORTED:
        return f"UNSUPPORTED {name}: {UNSUPPORTED[name]}"
    _, settings = CASES[name]
    want = EXPECTED.get(name, CASES[name][0])
    try:
        f = fory(**settings)
        with open(path, "rb") as fh:
            data = fh.read()
        if name not in OOB:
            got = f.deserialize(data)
        else:
            buffers = read_buffers(path)
            if not data or not data[0] & OOB_BIT:
                first = f"0x{data[0]:02x}" if data else "missing"
                return (
                    f"FAIL {name}: the header's out-of-band bit is not set (first byte {first}),"
                    f" with {len(buffers)} buffer file(s)"
                )
            counting = Counting(buffers)
            try:
                got = f.deserialize(data, buffers=counting)
            except Exception as e:
                return f"FAIL {name}: decode with {len(buffers)} out-of-band buffer(s): {type(e).__name__}: {e}"
            if counting.taken != len(buffers):
                return f"FAIL {name}: decoding used {counting.taken} of the {len(buffers)} out-of-band buffers"
        if normalize(got) != normalize(want):
            return f"FAIL {name}: decoded {got!r}, expected {want!r}"
        problem = CHECKS[name](got) if name in CHECKS else None
        if problem:
            return f"FAIL {name}: {problem}"
        if name not in OOB:
            with open(path, "wb") as fh:
                fh.write(f.serialize(got))
        else:
            write_with_buffers(path, *serialize_oob(f, got, OOB[name]))
    except Exception as e:
        return f"FAIL {name}: {type(e).__name__}: {e}"
    return f"OK {name}"


def roundtrip(args):
    ok = True
    for name, path in zip(args[0::2], args[1::2]):
        line = roundtrip_one(name, path)
        print(" ".join(line.split("\n")), flush=True)
        ok = ok and not line.startswith("FAIL")
    return ok


def main(argv):
    if argv and argv[0] == "random":
        import random_cases

        return random_cases.main(argv[1:])
    if argv and argv[0] == "rows":
        import rows

        return rows.main(argv[1:])
    if len(argv) == 2 and argv[0] == "gen":
        return 0 if gen(argv[1]) else 1
    if len(argv) >= 3 and len(argv) % 2 == 1 and argv[0] == "roundtrip":
        return 0 if roundtrip(argv[1:]) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
