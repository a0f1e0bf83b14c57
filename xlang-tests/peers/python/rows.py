"""The Python peer's side of the row format cases (xlang-tests/ROWS.md), on pyfory's standard row
format (pyfory.format):

    peer.py rows gen OUT      writes OUT/<case>.bin for every case: the bare row of the case's
                              value (RowEncoder.to_row(value).to_bytes(), no schema hash), with
                              the slots of null fields zeroed (see zero_null_slots)
    peer.py rows check IN     reads IN/<case>.bin of every case whose file exists, twice: decoded
                              whole (RowEncoder.from_row) and walked field by field with the row
                              accessors (RowData.get, ArrayData.get, MapData.keys_array/...),
                              and compares both with the case's value

Each prints one line per case, `PASS <case>` or `FAIL <case>: <why>` (gen also `SKIP <case>: <why>`
for a case pyfory cannot write), and exits 1 when any case failed (check: also when IN holds no case file at all), else 0.

Every schema is built explicitly (pyfory.format.schema/field) in the order ROWS.md gives, which is
the order the Rust peers declare: pyfory's infer_schema would sort the fields by name instead.
Values are dicts (pyfory's encoder takes a dict for a struct); a timestamp is kept as its
microseconds since the epoch and written as an aware UTC datetime, since pyfory reads it back as a
naive local datetime.
"""

import datetime
import os
import sys
import warnings

# pyfory.format warns about an enum it cannot import when an encoder is built; harmless here.
warnings.filterwarnings("ignore", message="enum class CTypeId")

import pyfory.format as F  # noqa: E402

UTC = datetime.timezone.utc
EPOCH_DATE = datetime.date(1970, 1, 1)


class Micros(int):
    """A timestamp value in a case: microseconds since the Unix epoch."""

    def to_datetime(self):
        return datetime.datetime(1970, 1, 1, tzinfo=UTC) + datetime.timedelta(microseconds=int(self))


# ---------------------------------------------------------------------------------------------
# Schemas and values. Keep in step with ROWS.md and peers/apache-rust/peer/src/bin/rows.rs.


def inner_type():
    return F.struct([F.field("code", F.int64()), F.field("label", F.utf8())])


def wide_fields():
    fields = []
    for i in range(50):
        kind = (F.int64, F.utf8, F.float64)[i % 3]
        fields.append(F.field(f"f{i}", kind()))
    return fields


def wide_value():
    value = {}
    for i in range(50):
        if i % 3 == 0:
            value[f"f{i}"] = i * 1_000_003 - 25_000_000
        elif i % 3 == 1:
            value[f"f{i}"] = f"value {i}"
        else:
            value[f"f{i}"] = i + 0.25
    return value


CASES = [
    (
        "scalars",
        [
            F.field("flag", F.boolean()),
            F.field("tiny", F.int8()),
            F.field("small", F.int16()),
            F.field("medium", F.int32()),
            F.field("large", F.int64()),
            F.field("single", F.float32()),
            F.field("double", F.float64()),
        ],
        {
            "flag": True,
            "tiny": -128,
            "small": 32767,
            "medium": -2147483648,
            "large": 9007199254740993,
            "single": 1.5,
            "double": -0.1,
        },
    ),
    (
        "strings",
        [F.field("ascii", F.utf8()), F.field("unicode", F.utf8()), F.field("empty", F.utf8())],
        {"ascii": "hello", "unicode": "héllo 世界", "empty": ""},
    ),
    (
        "binary",
        [F.field("data", F.binary())],
        {"data": bytes([0x00, 0x01, 0x7F, 0x80, 0xFF])},
    ),
    (
        # pyfory 1.7.7 cannot write it (BinaryWriter takes &data[0] of the empty buffer: IndexError),
        # so its gen SKIPs this case; it reads the other peers' rows of it.
        "binary_empty",
        [F.field("data", F.binary()), F.field("after", F.utf8())],
        {"data": b"", "after": "x"},
    ),
    (
        "temporal",
        [F.field("day", F.date32()), F.field("moment", F.timestamp())],
        {"day": datetime.date(2024, 2, 29), "moment": Micros(1_709_210_096_789_012)},
    ),
    (
        # A moment pyfory writes 1 us early: it stores int(datetime.timestamp() * 1e6), a float
        # product truncated (1100369563316062.9 here). Its gen SKIPs the case; it reads the
        # other peers' rows of it exactly (as the raw int64).
        "timestamp_rounding",
        [F.field("moment", F.timestamp())],
        {"moment": Micros(1_100_369_563_316_063)},  # 2004-11-13T18:12:43.316063Z
    ),
    (
        "nested",
        [F.field("id", F.int32()), F.field("inner", inner_type()), F.field("name", F.utf8())],
        {"id": 7, "inner": {"code": -42, "label": "inner"}, "name": "outer"},
    ),
    (
        "list_int32",
        [F.field("values", F.list_(F.int32())), F.field("empty", F.list_(F.int32()))],
        {"values": [1, -2, 3, 2147483647, -2147483648], "empty": []},
    ),
    (
        "list_string",
        [F.field("names", F.list_(F.utf8()))],
        {"names": ["a", "héllo", ""]},
    ),
    (
        "list_struct",
        [F.field("items", F.list_(inner_type()))],
        {"items": [{"code": 1, "label": "one"}, {"code": 2, "label": "two"}]},
    ),
    (
        "map_string_int32",
        [F.field("counts", F.map_(F.utf8(), F.int32()))],
        # Keys in sorted order: the Apache Rust peer's BTreeMap writes them sorted.
        {"counts": {"apple": 1, "banana": -2, "cherry": 3}},
    ),
    (
        # The same schema, keys not in sorted order: pyfory writes a dict in its insertion order,
        # the Apache Rust peer a BTreeMap sorted, so the two rows differ; both read either.
        "map_unsorted",
        [F.field("counts", F.map_(F.utf8(), F.int32()))],
        {"counts": {"cherry": 3, "apple": 1, "banana": -2}},
    ),
    (
        "nulls",
        [
            F.field("id", F.int32()),
            F.field("name", F.utf8()),
            F.field("inner", inner_type()),
            F.field("count", F.int64()),
            F.field("values", F.list_(F.int32())),
            F.field("names", F.list_(F.utf8())),
        ],
        {
            "id": 1,
            "name": None,
            "inner": None,
            "count": None,
            "values": [1, None, 3],
            "names": ["x", None, "z"],
        },
    ),
    ("wide50", wide_fields(), wide_value()),
]


# ---------------------------------------------------------------------------------------------
# Values to what pyfory writes, and what pyfory reads back to plain values.


def to_writable(value):
    if isinstance(value, Micros):
        return value.to_datetime()
    if isinstance(value, dict):
        return {k: to_writable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_writable(v) for v in value]
    return value


def datetime_micros(value):
    """pyfory gives a timestamp back as a naive local datetime (datetime.fromtimestamp)."""
    if value.tzinfo is None:
        value = value.astimezone()  # the local zone, as pyfory meant it
    delta = value - datetime.datetime(1970, 1, 1, tzinfo=UTC)
    return Micros((delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds)


def type_id(dtype):
    return dtype.id


def plain_decoded(value, dtype):
    """RowEncoder.from_row's object (records, lists, dicts) to the plain form of a case value."""
    if value is None:
        return None
    tid = type_id(dtype)
    if tid == F.TypeId.STRUCT:
        return {
            dtype.field(i).name: plain_decoded(getattr(value, dtype.field(i).name), dtype.field(i).type)
            for i in range(dtype.num_fields)
        }
    if tid == F.TypeId.LIST:
        return [plain_decoded(v, dtype.value_type) for v in value]
    if tid == F.TypeId.MAP:
        return {
            plain_decoded(k, dtype.key_type): plain_decoded(v, dtype.item_type) for k, v in value.items()
        }
    if tid == F.TypeId.TIMESTAMP:
        return datetime_micros(value)
    return value


def plain_accessed(getter, index, dtype):
    """One field or element read with the row accessors, to the plain form of a case value."""
    tid = type_id(dtype)
    if tid == F.TypeId.STRUCT:
        row = getter.get_struct(index)
        return None if row is None else plain_row(row, dtype)
    if tid == F.TypeId.LIST:
        array = getter.get_array_data(index)
        return None if array is None else plain_array(array, dtype.value_type)
    if tid == F.TypeId.MAP:
        data = getter.get_map_data(index)
        if data is None:
            return None
        keys = plain_array(data.keys_array(), dtype.key_type)
        values = plain_array(data.values_array(), dtype.item_type)
        if len(keys) != len(values) or data.num_elements != len(keys):
            raise ValueError(f"map of {data.num_elements}: {len(keys)} keys, {len(values)} values")
        return dict(zip(keys, values))
    if tid == F.TypeId.TIMESTAMP:
        micros = getter.get_int64(index)  # the raw microseconds, exactly
        return None if micros is None else Micros(micros)
    name = SCALAR_GETTERS.get(tid)
    if name is None:
        raise TypeError(f"no accessor for {dtype}")
    return getattr(getter, name)(index)


# The typed getter of each scalar type (rows and arrays have the same ones).
SCALAR_GETTERS = {
    F.TypeId.DATE: "get_date",
    F.TypeId.BOOL: "get_boolean",
    F.TypeId.INT8: "get_int8",
    F.TypeId.INT16: "get_int16",
    F.TypeId.INT32: "get_int32",
    F.TypeId.INT64: "get_int64",
    F.TypeId.FLOAT32: "get_float",
    F.TypeId.FLOAT64: "get_double",
    F.TypeId.STRING: "get_str",
    F.TypeId.BINARY: "get_binary",
}


def plain_row(row, struct_type):
    out = {}
    for i in range(struct_type.num_fields):
        field_ = struct_type.field(i)
        value = plain_accessed(row, i, field_.type)  # each getter gives None for a null
        # The generic accessor (row[name], RowData.get) must agree for scalars and strings.
        generic = row[field_.name]
        if type_id(field_.type) not in (F.TypeId.STRUCT, F.TypeId.LIST, F.TypeId.MAP):
            if type_id(field_.type) == F.TypeId.TIMESTAMP and generic is not None:
                generic = datetime_micros(generic)
            if not same(generic, value):
                raise ValueError(f"row[{field_.name!r}] is {generic!r}, the typed getter {value!r}")
        elif (generic is None) != (value is None):
            raise ValueError(f"row[{field_.name!r}] is {generic!r}, the typed getter {value!r}")
        out[field_.name] = value
    return out


def plain_array(array, value_type):
    return [plain_accessed(array, i, value_type) for i in range(array.num_elements)]


class StructOf:
    """A schema seen as a struct type (field(i), num_fields), for the walks above."""

    def __init__(self, schema):
        self.schema = schema
        self.id = F.TypeId.STRUCT
        self.num_fields = schema.num_fields

    def field(self, i):
        return self.schema.field(i)


def same(a, b):
    """Exact equality; floats bit for bit (as doubles), dict order ignored, types checked."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        import struct

        return (
            isinstance(a, float)
            and isinstance(b, float)
            and struct.pack("<d", a) == struct.pack("<d", b)
        )
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def expected_plain(value, dtype):
    """A case value as the readers give it back: float32 fields as the double of the float32."""
    if value is None:
        return None
    tid = type_id(dtype)
    if tid == F.TypeId.STRUCT:
        return {
            dtype.field(i).name: expected_plain(value[dtype.field(i).name], dtype.field(i).type)
            for i in range(dtype.num_fields)
        }
    if tid == F.TypeId.LIST:
        return [expected_plain(v, dtype.value_type) for v in value]
    if tid == F.TypeId.MAP:
        return {
            expected_plain(k, dtype.key_type): expected_plain(v, dtype.item_type) for k, v in value.items()
        }
    if tid == F.TypeId.FLOAT32:
        import struct

        return struct.unpack("<f", struct.pack("<f", value))[0]
    return value


# ---------------------------------------------------------------------------------------------
# Commands.


def encoder_of(fields):
    schema = F.schema(fields)
    return schema, F.create_row_encoder(schema)


def zero_null_slots(data, struct_type):
    """Zeroes the slot of every null struct field, in the root row and every nested row.

    pyfory leaves those 8 bytes as they were in its freshly allocated buffer (the spec calls them
    undefined), which is whatever the process's heap held: the bytes differ from run to run and
    can show unrelated memory. Nothing else is touched, so a golden stays pyfory's row otherwise.
    Returns the new bytes and the number of slots zeroed.
    """
    out = bytearray(data)
    zeroed = 0

    def u64(at):
        return int.from_bytes(out[at : at + 8], "little")

    def is_null(bitmap_at, i):
        return out[bitmap_at + i // 8] >> (i % 8) & 1

    def value(base, slot_at, dtype):
        tid = type_id(dtype)
        if tid not in (F.TypeId.STRUCT, F.TypeId.LIST, F.TypeId.MAP):
            return
        at = base + (u64(slot_at) >> 32)
        if tid == F.TypeId.STRUCT:
            row(at, dtype)
        elif tid == F.TypeId.LIST:
            array(at, dtype.value_type)
        else:
            array(at + 8, dtype.key_type)
            array(at + 8 + u64(at), dtype.item_type)

    def row(base, dtype):
        nonlocal zeroed
        bitmap = (dtype.num_fields + 63) // 64 * 8
        for i in range(dtype.num_fields):
            slot_at = base + bitmap + 8 * i
            if is_null(base, i):
                if any(out[slot_at : slot_at + 8]):
                    out[slot_at : slot_at + 8] = bytes(8)
                    zeroed += 1
            else:
                value(base, slot_at, dtype.field(i).type)

    def array(base, value_type):
        if type_id(value_type) not in (F.TypeId.STRUCT, F.TypeId.LIST, F.TypeId.MAP):
            return
        count = u64(base)
        header = 8 + (count + 63) // 64 * 8
        for i in range(count):
            if not is_null(base + 8, i):
                value(base, base + header + 8 * i, value_type)

    row(0, struct_type)
    return bytes(out), zeroed


# Cases pyfory cannot write, with the error it raises, and cases it writes wrong (its row does not
# read back as the case's value): gen prints `SKIP <case>: <why>` for them and writes no file (and
# PASS, so the change is seen, once a pyfory writes them right).
CANNOT_WRITE = {"binary_empty": IndexError}
WRITES_WRONG = {"timestamp_rounding": "pyfory truncates datetime.timestamp() * 1e6"}


def gen(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    ok = True
    for name, fields, value in CASES:
        try:
            schema, encoder = encoder_of(fields)
            data = encoder.to_row(to_writable(value)).to_bytes()
            data, zeroed = zero_null_slots(data, StructOf(schema))
            why = check_one(fields, value, data)  # gen writes only what reads back as the value
        except Exception as e:  # noqa: BLE001 - one line per case, whatever went wrong
            if isinstance(e, CANNOT_WRITE.get(name, ())):
                print(f"SKIP {name}: pyfory cannot write it ({type(e).__name__}: {e})")
            else:
                ok = False
                print(f"FAIL {name}: {type(e).__name__}: {e}")
            continue
        if why is not None:
            if name in WRITES_WRONG:
                print(f"SKIP {name}: pyfory writes it wrong, {WRITES_WRONG[name]} ({why})")
            else:
                ok = False
                print(f"FAIL {name}: its row does not read back: {why}")
            continue
        with open(os.path.join(out_dir, f"{name}.bin"), "wb") as f:
            f.write(data)
        note = f" (zeroed {zeroed} slot(s) of null fields)" if zeroed else ""
        print(f"PASS {name}{note}")
    return ok


def check_one(fields, value, data):
    schema, encoder = encoder_of(fields)
    struct_type = StructOf(schema)
    want = expected_plain(value, struct_type)
    decoded = plain_decoded(encoder.from_row(F.RowData(schema, data)), struct_type)
    if not same(decoded, want):
        return f"decoded {decoded!r}, expected {want!r}"
    accessed = plain_row(F.RowData(schema, data), struct_type)
    if not same(accessed, want):
        return f"accessors read {accessed!r}, expected {want!r}"
    return None


def check_isolated(fields, value, data):
    """check_one in a forked child: pyfory's C++ reader aborts the whole process on a bad offset
    (a FATAL check, no Python exception), which must fail this case only."""
    import tempfile

    with tempfile.TemporaryFile() as err:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its verdict to the pipe, its stderr to err
            os.close(read_end)
            os.dup2(err.fileno(), 2)
            try:
                why = check_one(fields, value, data)
            except Exception as e:  # noqa: BLE001 - a reader error is this case's failure
                why = f"{type(e).__name__}: {e}"
            os.write(write_end, ("" if why is None else "FAIL " + why).encode() or b"PASS")
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as r:
            verdict = r.read().decode()
        _, status = os.waitpid(pid, 0)
        if verdict == "PASS":
            return None
        if verdict:
            return verdict[len("FAIL ") :]
        err.seek(0)
        first = next((line for line in err.read().decode(errors="replace").splitlines() if line), "")
        return f"the reader ended the process (wait status {status}): {first}"


def check(in_dir):
    known = {name for name, _, _ in CASES}
    present = {f[: -len(".bin")] for f in os.listdir(in_dir) if f.endswith(".bin")}
    for name in sorted(present - known):
        print(f"rows check: {name}.bin is no case, ignored", file=sys.stderr)
    ok = True
    seen = 0
    for name, fields, value in CASES:
        path = os.path.join(in_dir, f"{name}.bin")
        if not os.path.exists(path):
            continue
        seen += 1
        with open(path, "rb") as f:
            data = f.read()
        why = check_isolated(fields, value, data)
        if why is None:
            print(f"PASS {name}")
        else:
            ok = False
            print(f"FAIL {name}: {why}")
    if seen == 0:
        print(f"rows check: no case file in {in_dir}", file=sys.stderr)
        return False
    return ok


def main(argv):
    if len(argv) == 2 and argv[0] == "gen":
        return 0 if gen(argv[1]) else 1
    if len(argv) == 2 and argv[0] == "check":
        return 0 if check(argv[1]) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
