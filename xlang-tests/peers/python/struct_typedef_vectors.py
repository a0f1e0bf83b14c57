"""Struct TypeDefs written by pyfory, for fory-core/tests/struct_typedef_vectors.rs.

Run with the pinned pyfory (see the README). For every dataclass shape below, registered once by
numeric id and once by name, the script serializes one value with
`pyfory.Fory(xlang=True, compatible=True)` and cuts the root struct's TypeDef out of the frame:

    frame header byte | ref flag 0xff | type id (varuint) | shared-meta index marker 0x00 |
    8-byte TypeDef header | [varuint size extension] | body | field values ...

It prints, per case, the whole TypeDef and its body as hex. A second table serializes the
id-registered shapes with `compatible=False`, where pyfory puts a 4-byte little-endian schema
hash right after the user id; it prints those four bytes and the fingerprint string pyfory hashed.
"""

import dataclasses
from dataclasses import dataclass
from typing import Dict, List, Optional, Set

import pyfory
from pyfory import struct as pystruct

COMPATIBLE_STRUCT = 28
NAMED_COMPATIBLE_STRUCT = 30
STRUCT = 27


def varuint(data, pos):
    value = 0
    shift = 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, pos
        shift += 7


def root_type_def(frame):
    """The root value's TypeDef (header included) and its body."""
    assert frame[1] == 0xFF, frame.hex()
    type_id, pos = varuint(frame, 2)
    assert type_id in (COMPATIBLE_STRUCT, NAMED_COMPATIBLE_STRUCT), type_id
    marker, pos = varuint(frame, pos)
    assert marker == 0, marker
    start = pos
    header = int.from_bytes(frame[pos : pos + 8], "little")
    pos += 8
    size = header & 0xFF
    if size == 0xFF:
        extra, pos = varuint(frame, pos)
        size += extra
    body = frame[pos : pos + size]
    assert len(body) == size
    return frame[start : pos + size], body


@dataclass
class Prims:
    i8: pyfory.Int8 = 0
    i16: pyfory.Int16 = 0
    i32: pyfory.Int32 = 0
    i64: pyfory.Int64 = 0
    f32: pyfory.Float32 = 0.0
    f64: float = 0.0
    flag: bool = False


@dataclass
class Strings:
    name: str = ""
    nickname: Optional[str] = None
    userName: str = ""


@dataclass
class Colls:
    tags: List[str] = dataclasses.field(default_factory=list)
    counts: Dict[str, int] = dataclasses.field(default_factory=dict)
    ids: Set[int] = dataclasses.field(default_factory=set)
    maybe: Optional[List[Optional[str]]] = None


@dataclass
class Inner:
    x: pyfory.Int32 = 0


@dataclass
class Outer:
    inner: Optional[Inner] = None
    label: str = ""


@dataclass
class Tagged:
    a: pyfory.Int32 = pyfory.field(0, default=0)
    b: Optional[str] = pyfory.field(20, nullable=True, default=None)
    c: str = pyfory.field(7, default="")
    plain: pyfory.Int64 = 0


@dataclass
class LongName:
    a_rather_long_field_name_over_sixteen_bytes_in_utf8_or_packed: str = ""
    CamelCaseWithDigits9: pyfory.Int16 = 0


Wide = dataclasses.make_dataclass("Wide", [(f"f{i}", pyfory.Int8, dataclasses.field(default=0)) for i in range(33)])

# (case name, class, user id, namespace.type name, nested classes to register)
SHAPES = [
    ("prims", Prims, 101, "example.Prims", []),
    ("strings", Strings, 102, "example.Strings", []),
    ("colls", Colls, 103, "example.Colls", []),
    ("outer", Outer, 104, "example.Outer", [(Inner, 105, "example.Inner")]),
    ("tagged", Tagged, 106, "example.Tagged", []),
    ("long_name", LongName, 107, "example.LongName", []),
    ("wide", Wide, 300, "example.Wide", []),
]


def make(cls, by_name, uid, name, nested, compatible=True):
    fory = pyfory.Fory(xlang=True, compatible=compatible)
    for ncls, nid, nname in nested:
        if by_name:
            fory.register(ncls, name=nname)
        else:
            fory.register(ncls, type_id=nid)
    if by_name:
        fory.register(cls, name=name)
    else:
        fory.register(cls, type_id=uid)
    return fory


def main():
    print("// (case, whole TypeDef, body)")
    for case, cls, uid, name, nested in SHAPES:
        for by_name in (False, True):
            fory = make(cls, by_name, uid, name, nested)
            whole, body = root_type_def(fory.serialize(cls()))
            label = f"{case}_{'name' if by_name else 'id'}"
            print(f'("{label}", "{whole.hex()}", "{body.hex()}"),')
    print("// (case, schema hash bytes after the user id, fingerprint)")
    for case, cls, uid, name, nested in SHAPES:
        fory = make(cls, False, uid, name, nested, compatible=False)
        frame = fory.serialize(cls())
        type_id, pos = varuint(frame, 2)
        assert type_id == STRUCT, type_id
        user_id, pos = varuint(frame, pos)
        assert user_id == uid
        serializer = fory.type_resolver.get_serializer(cls)
        fingerprint = pystruct.compute_struct_fingerprint(
            fory.type_resolver,
            serializer._field_names,
            serializer._serializers,
            serializer._nullable_fields,
            serializer._field_infos,
        )
        print(f'("{case}", "{frame[pos : pos + 4].hex()}", "{fingerprint}"),')


if __name__ == "__main__":
    main()
