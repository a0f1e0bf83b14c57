import dataclasses
import enum
from dataclasses import dataclass
from typing import Dict, List, Optional, Set

import pyfory
from pyfory import struct as pystruct
from pyfory.serialization import Buffer
from pyfory.meta.typedef_decoder import decode_typedef
from pyfory.annotation import BFloat16


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
    assert frame[1] == 0xFF, frame.hex()
    _, pos = varuint(frame, 2)
    marker, pos = varuint(frame, pos)
    assert marker == 0, marker
    start = pos
    header = int.from_bytes(frame[pos : pos + 8], "little")
    pos += 8
    size = header & 0xFF
    if size == 0xFF:
        extra, pos = varuint(frame, pos)
        size += extra
    return frame[start : pos + size]


class Color(enum.Enum):
    RED = 0
    GREEN = 1


@dataclass
class Inner:
    x: pyfory.Int32 = 0


@dataclass
class AllFixedAndCompressed:
    a_bool: bool = False
    b_i8: pyfory.Int8 = 0
    c_i16: pyfory.Int16 = 0
    d_var_i32: pyfory.Int32 = 0
    e_fixed_i32: pyfory.FixedInt32 = 0
    f_var_i64: pyfory.Int64 = 0
    g_fixed_i64: pyfory.FixedInt64 = 0
    h_tagged_i64: pyfory.TaggedInt64 = 0
    i_u8: pyfory.UInt8 = 0
    j_u16: pyfory.UInt16 = 0
    k_var_u32: pyfory.UInt32 = 0
    l_fixed_u32: pyfory.FixedUInt32 = 0
    m_var_u64: pyfory.UInt64 = 0
    n_fixed_u64: pyfory.FixedUInt64 = 0
    o_tagged_u64: pyfory.TaggedUInt64 = 0
    p_f16: pyfory.Float16 = 0.0
    q_bf16: BFloat16 = 0.0
    r_f32: pyfory.Float32 = 0.0
    s_f64: float = 0.0
    t_int: int = 0


@dataclass
class ReversedNames:
    z_bool: bool = False
    y_i8: pyfory.Int8 = 0
    x_i16: pyfory.Int16 = 0
    w_var_i32: pyfory.Int32 = 0
    v_fixed_i32: pyfory.FixedInt32 = 0
    u_var_i64: pyfory.Int64 = 0
    t_fixed_i64: pyfory.FixedInt64 = 0
    s_f32: pyfory.Float32 = 0.0
    r_f64: float = 0.0
    q_u8: pyfory.UInt8 = 0


@dataclass
class NullableSplit:
    a_opt_f64: Optional[float] = None
    b_i32: pyfory.Int32 = 0
    c_opt_i32: Optional[pyfory.Int32] = None
    d_opt_fixed_i32: Optional[pyfory.FixedInt32] = None
    e_opt_bool: Optional[bool] = None
    f_f64: float = 0.0
    g_opt_i8: Optional[pyfory.Int8] = None
    h_str: str = ""


@dataclass
class NonPrimitives:
    z_str: str = ""
    y_list: List[pyfory.Int32] = dataclasses.field(default_factory=list)
    x_map: Dict[str, pyfory.Int32] = dataclasses.field(default_factory=dict)
    w_set: Set[str] = dataclasses.field(default_factory=set)
    v_bytes: bytes = b""
    u_inner: Optional[Inner] = None
    t_color: Color = Color.RED
    s_opt_str: Optional[str] = None
    r_i32: pyfory.Int32 = 0
    q_i32_array: pyfory.Int32Array = dataclasses.field(default_factory=lambda: pyfory.Int32Array([]))


@dataclass
class SameTypeNames:
    fieldB: pyfory.Int32 = 0
    field_a: pyfory.Int32 = 0
    aB: pyfory.Int32 = 0
    a_a: pyfory.Int32 = 0
    aa: pyfory.Int32 = 0
    fooBar: pyfory.Int32 = 0
    foo_bar: pyfory.Int32 = 0
    HTTPServer: pyfory.Int32 = 0
    f1Name: pyfory.Int32 = 0
    name: str = ""
    nameList: str = ""
    name_a: str = ""


@dataclass
class Tagged:
    u_b: pyfory.Int32 = 0
    t10: pyfory.Int32 = pyfory.field(10, default=0)
    t2: pyfory.Int32 = pyfory.field(2, default=0)
    u_a: pyfory.Int32 = 0
    t7_f64: float = pyfory.field(7, default=0.0)
    s_b: str = ""
    s10: str = pyfory.field(10 + 20, default="")
    s3: str = pyfory.field(3, default="")
    s_a: str = ""
    n5: Optional[pyfory.Int32] = pyfory.field(5, default=None, nullable=True)
    n_z: Optional[pyfory.Int32] = None


SHAPES = [AllFixedAndCompressed, ReversedNames, NullableSplit, NonPrimitives, SameTypeNames, Tagged]

SNAKE_NAMES = [
    "fieldName",
    "HTTPServer",
    "f1Name",
    "a_b",
    "aB",
    "ABC",
    "ABCd",
    "a1B2",
    "myURLParser",
    "_private",
    "trailing_",
    "double__under",
    "Already_Snake",
    "x",
    "X",
    "getHTTP2Response",
    "a_B",
    "snake_case_name",
    "userID",
    "IDs",
    "v2",
    "v2X",
    "ab12cd",
    "__dunder__",
]


def typedef_order(cls):
    fory = pyfory.Fory(xlang=True, compatible=True)
    fory.register(Color, type_id=201)
    fory.register(Inner, type_id=202)
    fory.register(cls, type_id=200)
    frame = fory.serialize(cls())
    td = decode_typedef(Buffer(root_type_def(frame)), fory.type_resolver)
    names = []
    types = [f"{f.field_type.type_id}{'?' if f.field_type.is_nullable else ''}" for f in td.fields]
    for f in td.fields:
        tag = getattr(f, "tag_id", -1)
        names.append(f"#{tag}" if tag is not None and tag >= 0 else f.name)
    serializer = fory.type_resolver.get_serializer(cls)
    infos = {fi.name: fi for fi in serializer._field_infos}
    built = []
    for n in serializer._field_names:
        fi = infos.get(n)
        tag = fi.tag_id if fi is not None else -1
        built.append(f"#{tag}" if tag >= 0 else n)
    assert built == names, (built, names)
    return serializer._field_names, names, types


def main():
    print(f"pyfory {pyfory.__version__}")
    for cls in SHAPES:
        raw, wire, types = typedef_order(cls)
        print(cls.__name__)
        print("  fields: " + " ".join(raw))
        print("  typedef: " + " ".join(wire))
        print("  type ids: " + " ".join(types))
    print("snake_case")
    for n in SNAKE_NAMES:
        print(f"  {n} -> {pystruct._to_snake_case(n)}")


if __name__ == "__main__":
    main()
