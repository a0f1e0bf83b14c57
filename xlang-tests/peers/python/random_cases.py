"""The Python peer's side of the generative suite (xlang-tests/GENERATIVE.md): every case of a
cases file becomes pyfory types made at run time (dataclasses, enums, unions), registered on a
fresh xlang Fory configured as the case says.

    peer.py random gen CASES OUT     writes OUT/<name>.bin (and OUT/<name>.bin.0, ... with a callback)
    peer.py random check CASES IN    reads IN/<name>.bin of every case whose file exists and compares

Each prints one line per case, `OK <name>` or `FAIL <name>: <why>`, and exits 0 when it could
run at all. (No case is SKIPped: what pyfory cannot express is left out of the Python peers' cases
by xlang-tests/src/generative/capabilities.rs.)

How each kind of the cases file is declared (a field's annotation):

    bool, string, binary         bool, str, bytes
    int8 ... uint64              pyfory.Int8, Int16, Int32 (VARINT32), Int64 (VARINT64), UInt8,
                                 UInt16, UInt32 (VAR_UINT32), UInt64 (VAR_UINT64)
    fixed / tagged encodings     pyfory.FixedInt32, FixedInt64, FixedUInt32, FixedUInt64,
                                 TaggedInt64, TaggedUInt64
    float16 ... float64          pyfory.Float16, BFloat16, Float32, Float64
    array<T>                     pyfory.Array[T], values pyfory.<T>Array (BoolArray, Int8Array, ...)
    list, set, map               List[T], Set[T], Dict[K, V]; a nullable element Optional[T]
    struct                       a dataclass made by dataclasses.make_dataclass
    enum                         enum.Enum with V0 = 0, V1 = 1, ...
    union                        a pyfory.union.Union subclass, registered with a UnionSerializer
    nullable field               Optional[T]
    tag id                       pyfory.field(id=tag) (nullable=True too when the field is)

Values: integers from their decimal strings, floats from their bits (each half or float32 value
is exactly a Python float), binary from hex. check compares the decoded objects with the case's
value exactly: floats bit for bit (as the doubles pyfory gives back), lists and arrays in order,
sets and maps regardless of order.
"""

import dataclasses
import enum
import json
import os
import struct
import sys
import types as pytypes
from typing import Dict, List, Optional, Set

import pyfory
from pyfory.union import Union, UnionSerializer

from buffers import serialize_oob

# ---------------------------------------------------------------------------------------------
# Types.

# The module every generated class belongs to: a type that holds itself names itself by a string
# (a forward reference), which pyfory resolves among the globals of the class's module.
TYPES_MODULE = pytypes.ModuleType("random_case_types")
sys.modules[TYPES_MODULE.__name__] = TYPES_MODULE

SCALARS = {
    "bool": bool,
    "int8": pyfory.Int8,
    "int16": pyfory.Int16,
    "int32": pyfory.Int32,
    "int64": pyfory.Int64,
    "uint8": pyfory.UInt8,
    "uint16": pyfory.UInt16,
    "uint32": pyfory.UInt32,
    "uint64": pyfory.UInt64,
    "float16": pyfory.Float16,
    "bfloat16": pyfory.BFloat16,
    "float32": pyfory.Float32,
    "float64": pyfory.Float64,
    "string": str,
    "binary": bytes,
}

ENCODED = {
    ("int32", "fixed"): pyfory.FixedInt32,
    ("int64", "fixed"): pyfory.FixedInt64,
    ("int64", "tagged"): pyfory.TaggedInt64,
    ("uint32", "fixed"): pyfory.FixedUInt32,
    ("uint64", "fixed"): pyfory.FixedUInt64,
    ("uint64", "tagged"): pyfory.TaggedUInt64,
}

# The carrier of each numeric array: what a user of pyfory puts in a pyfory.Array[...] field.
ARRAYS = {
    "bool": pyfory.BoolArray,
    "int8": pyfory.Int8Array,
    "int16": pyfory.Int16Array,
    "int32": pyfory.Int32Array,
    "int64": pyfory.Int64Array,
    "uint16": pyfory.UInt16Array,
    "uint32": pyfory.UInt32Array,
    "uint64": pyfory.UInt64Array,
    "float16": pyfory.Float16Array,
    "bfloat16": pyfory.BFloat16Array,
    "float32": pyfory.Float32Array,
    "float64": pyfory.Float64Array,
}

INTEGERS = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
FLOATS = {"float16": "<e", "bfloat16": None, "float32": "<f", "float64": "<d"}


class Types:
    """A case's user types as Python classes, made on demand (a type before the types that use
    it), by name."""

    def __init__(self, case):
        self.defs = {t["name"]: t for t in case["types"]}
        self.classes = {}
        self.making = set()
        # The shared objects: their JSON, each built once (`object`), and during a comparison
        # the decoded object met for each index and the reverse (by id).
        self.objects = case.get("objects", [])
        self.built = {}
        self.decoded = {}
        self.decoded_index = {}

    def object(self, k):
        """Object `k` of the case's table: one Python object however often it is named. It is
        in the table before its fields are set, so a field can name it (a cycle)."""
        if k not in self.built:
            o = self.objects[k]
            cls = self.cls(o["type"])
            self.built[k] = obj = cls.__new__(cls)
            fill_struct(self, self.defs[o["type"]], obj, o["value"])
        return self.built[k]

    def cls(self, name):
        """The class of user type `name`; while that class is being made (a type that holds
        itself), its name as a forward reference."""
        if name in self.making:
            return name
        if name not in self.classes:
            self.making.add(name)
            self.classes[name] = self._make(self.defs[name])
            self.making.discard(name)
        return self.classes[name]

    def _make(self, t):
        name = t["name"]
        if t["kind"] == "enum":
            return enum.Enum(name, [(f"V{i}", i) for i in range(t["variants"])])
        if t["kind"] == "union":
            cases = {i: self.annotation(c) for i, c in enumerate(t["cases"])}

            def from_case_id(cls, case_id, value):  # what UnionSerializer calls when reading
                return cls(case_id, value)

            return type(name, (Union,), {"CASE_TYPES": cases, "_from_case_id": classmethod(from_case_id)})
        fields = []
        for f in t["fields"]:
            shared = f["type"]["kind"] == "shared"
            # A shared struct field is the struct with ref=True (a list element: pyfory.Ref[S]).
            ann = self.cls(f["type"]["type"]) if shared else self.annotation(f["type"])
            if f["nullable"]:
                ann = Optional[ann]
            options = {}
            if f["tag"] is not None:
                options.update(id=f["tag"], nullable=f["nullable"])
            if shared:
                options.update(nullable=f["nullable"], ref=True)
            if options:
                fields.append((f["name"], ann, pyfory.field(**options)))
            else:
                fields.append((f["name"], ann))
        cls = dataclasses.make_dataclass(name, fields, namespace={"__module__": TYPES_MODULE.__name__})
        setattr(TYPES_MODULE, name, cls)
        return cls

    def annotation(self, ty):
        kind = ty["kind"]
        if kind in SCALARS:
            if "encoding" in ty:
                return ENCODED[(kind, ty["encoding"])]
            return SCALARS[kind]
        if kind == "array":
            return pyfory.Array[SCALARS[ty["element"]]]
        if kind == "list":
            element = self.annotation(ty["element"])
            return List[Optional[element]] if ty["nullable"] else List[element]
        if kind == "set":
            return Set[self.annotation(ty["element"])]
        if kind == "map":
            value = self.annotation(ty["value"])
            return Dict[self.annotation(ty["key"]), Optional[value] if ty["nullable"] else value]
        if kind in ("struct", "enum", "union"):
            return self.cls(ty["type"])
        if kind == "shared":
            return pyfory.Ref[self.cls(ty["type"])]
        raise ValueError(f"unknown kind {kind!r}")

    def fory(self, case):
        """A fresh Fory configured for the case, every user type registered as the case says
        (the types used by others first)."""
        f = pyfory.Fory(xlang=True, compatible=case["compatible"], ref=case["ref_tracking"])
        for t in reversed(case["types"]):
            cls = self.cls(t["name"])
            if "id" in t:
                where = {"type_id": t["id"]}
            else:
                where = {"name": t["namespace"] + "." + t["type_name"]}
            if t["kind"] == "union":
                # A case type made while its class was being made is still its name (a type that
                # holds itself through the union); UnionSerializer takes classes only.
                cls.CASE_TYPES = {i: self.cls(c) if isinstance(c, str) else c for i, c in cls.CASE_TYPES.items()}
                serializer = UnionSerializer(f.type_resolver, cls, cls.CASE_TYPES)
                f.register_union(cls, serializer=serializer, **where)
            else:
                f.register(cls, **where)
        return f


# ---------------------------------------------------------------------------------------------
# Values.


def float_of(kind, bits_hex):
    """The Python float holding exactly the value of the bits (every float16, bfloat16 and
    float32 value is a double too)."""
    bits = int(bits_hex, 16)
    if kind == "bfloat16":
        return struct.unpack("<f", struct.pack("<I", bits << 16))[0]
    fmt = FLOATS[kind]
    return struct.unpack(fmt, bits.to_bytes(struct.calcsize(fmt), "little"))[0]


def double_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def to_python(types, ty, v):
    """The JSON value `v` of type `ty` as the Python object pyfory writes."""
    if v is None:
        return None
    kind = ty["kind"]
    if kind == "bool" or kind == "string":
        return v
    if kind in INTEGERS:
        return int(v)
    if kind in FLOATS:
        return float_of(kind, v)
    if kind == "binary":
        return bytes.fromhex(v)
    if kind == "array":
        element = {"kind": ty["element"]}
        return ARRAYS[ty["element"]]([to_python(types, element, x) for x in v])
    if kind == "list":
        return [to_python(types, ty["element"], x) for x in v]
    if kind == "set":
        return {to_python(types, ty["element"], x) for x in v}
    if kind == "map":
        return {to_python(types, ty["key"], k): to_python(types, ty["value"], x) for k, x in v}
    if kind == "shared":
        return types.object(v["object"])
    t = types.defs[ty["type"]]
    cls = types.cls(ty["type"])
    if kind == "enum":
        return cls[f"V{v}"]
    if kind == "union":
        return cls(v["case"], to_python(types, t["cases"][v["case"]], v["value"]))
    return cls(**{f["name"]: to_python(types, f["type"], v[f["name"]]) for f in t["fields"]})


def fill_struct(types, t, obj, v):
    """Sets the fields of `obj`, a new instance of struct type `t`, to the JSON struct `v`."""
    for f in t["fields"]:
        setattr(obj, f["name"], to_python(types, f["type"], v[f["name"]]))


def show(x, limit=80):
    text = repr(x)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare(types, ty, got, want, path):
    """None when the decoded `got` is the JSON value `want` of type `ty`, else the first
    difference as `path: got != want`."""
    where = path or "<root>"
    if want is None:
        return None if got is None else f"{where}: {show(got)} != null"
    if got is None:
        return f"{where}: null != {show(want)}"
    kind = ty["kind"]
    if kind == "shared":
        # One decoded object per object index, a different one for each; its value is compared
        # where it is met first.
        k = want["object"]
        if k in types.decoded:
            if types.decoded[k] is got:
                return None
            return f"{where}: another object != the object #{k} read before"
        if id(got) in types.decoded_index:
            return f"{where}: the object #{types.decoded_index[id(got)]} read before != object #{k}"
        types.decoded[k] = got
        types.decoded_index[id(got)] = k
        o = types.objects[k]
        return compare(types, {"kind": "struct", "type": o["type"]}, got, o["value"], f"{path}<#{k}>")
    if kind == "bool":
        return None if type(got) is bool and got == want else f"{where}: {show(got)} != {want}"
    if kind in INTEGERS:
        if type(got) is bool or not isinstance(got, int) or got != int(want):
            return f"{where}: {show(got)} != {want}"
        return None
    if kind in FLOATS:
        expected = float_of(kind, want)
        if not isinstance(got, float) or double_bits(got) != double_bits(expected):
            got_bits = f" (bits {double_bits(got):#018x})" if isinstance(got, float) else ""
            return f"{where}: {show(got)}{got_bits} != {expected!r} ({kind} bits {want})"
        return None
    if kind == "string":
        return None if type(got) is str and got == want else f"{where}: {show(got)} != {show(want)}"
    if kind == "binary":
        if not isinstance(got, bytes) or got != bytes.fromhex(want):
            return f"{where}: {show(got)} != {show(bytes.fromhex(want))}"
        return None
    if kind in ("array", "list"):
        element = {"kind": ty["element"]} if kind == "array" else ty["element"]
        if kind == "list" and not isinstance(got, list):
            return f"{where}: a {type(got).__name__} where a list is expected"
        try:
            items = list(got)
        except TypeError:
            return f"{where}: a {type(got).__name__} where an array is expected"
        for i, (g, w) in enumerate(zip(items, want)):
            problem = compare(types, element, g, w, f"{path}[{i}]")
            if problem:
                return problem
        if len(items) != len(want):
            return f"{where}: {len(items)} elements != {len(want)}"
        return None
    if kind == "set":
        if not isinstance(got, (set, frozenset)):
            return f"{where}: a {type(got).__name__} where a set is expected"
        expected = {to_python(types, ty["element"], x): x for x in want}
        for g in got:
            if g not in expected:
                return f"{where}: holds {show(g)}, not expected"
            problem = compare(types, ty["element"], g, expected[g], f"{path}{{{show(g, 30)}}}")
            if problem:
                return problem
        if len(got) != len(expected):
            missing = next(w for w in expected if w not in got)
            return f"{where}: misses {show(missing)}"
        return None
    if kind == "map":
        if not isinstance(got, dict):
            return f"{where}: a {type(got).__name__} where a map is expected"
        expected = {to_python(types, ty["key"], k): (k, x) for k, x in want}
        for key, value in got.items():
            if key not in expected:
                return f"{where}: holds the key {show(key)}, not expected"
            k, x = expected[key]
            problem = compare(types, ty["key"], key, k, f"{path}<key {show(key, 30)}>")
            problem = problem or compare(types, ty["value"], value, x, f"{path}[{show(key, 30)}]")
            if problem:
                return problem
        if len(got) != len(expected):
            missing = next(k for k in expected if k not in got)
            return f"{where}: misses the key {show(missing)}"
        return None
    t = types.defs[ty["type"]]
    cls = types.cls(ty["type"])
    if type(got) is not cls:
        return f"{where}: a {type(got).__name__} where a {cls.__name__} is expected"
    if kind == "enum":
        return None if got.value == want else f"{where}: {got.name} != V{want}"
    if kind == "union":
        if got.case_id() != want["case"]:
            return f"{where}: case {got.case_id()} != {want['case']}"
        return compare(types, t["cases"][want["case"]], got.value(), want["value"], f"{path}<case {want['case']}>")
    for f in t["fields"]:
        name = f["name"]
        problem = compare(types, f["type"], getattr(got, name), want[name], f"{path}.{name}" if path else name)
        if problem:
            return problem
    return None


# ---------------------------------------------------------------------------------------------
# Buffer callbacks: the main buffer goes to <name>.bin, the out-of-band buffers in order to
# <name>.bin.0, .1, ...


def serialize(f, value, callback):
    """The case's value written with its callback, if any; returns (main bytes, buffers)."""
    if callback is None:
        return f.serialize(value), []
    return serialize_oob(f, value, callback)


def write_case(path, data, buffers):
    """Writes FILE and FILE.0 ... FILE.(n-1)."""
    with open(path, "wb") as fh:
        fh.write(data)
    for i, b in enumerate(buffers):
        with open(f"{path}.{i}", "wb") as fh:
            fh.write(b)


class Counting:
    """The buffers handed to pyfory, counting how many it takes (it ignores spare ones)."""

    def __init__(self, buffers):
        self.buffers = buffers
        self.taken = 0

    def __iter__(self):
        for b in self.buffers:
            self.taken += 1
            yield b


def read_buffers(path):
    buffers = []
    while os.path.exists(f"{path}.{len(buffers)}"):
        with open(f"{path}.{len(buffers)}", "rb") as fh:
            buffers.append(fh.read())
    return buffers


# ---------------------------------------------------------------------------------------------
# Commands.


def one_line(text):
    return " ".join(str(text).split())


def error(e):
    return one_line(f"{type(e).__name__}: {e}")


def remove_case_files(path):
    """Removes FILE and FILE.0, FILE.1, ... left by an earlier run."""
    if os.path.exists(path):
        os.remove(path)
    i = 0
    while os.path.exists(f"{path}.{i}"):
        os.remove(f"{path}.{i}")
        i += 1


def gen_case(case, directory):
    path = os.path.join(directory, case["name"] + ".bin")
    remove_case_files(path)  # a case that fails leaves no file behind
    try:
        types = Types(case)
        root = {"kind": "struct", "type": case["types"][0]["name"]}
        value = to_python(types, root, case["value"])
        f = types.fory(case)
    except Exception as e:
        return f"FAIL {case['name']}: cannot build the types or the value: {error(e)}"
    try:
        data, buffers = serialize(f, value, case["callback"])
    except Exception as e:
        return f"FAIL {case['name']}: serialize: {error(e)}"
    write_case(path, data, buffers)
    return f"OK {case['name']}"


def check_case(case, path):
    try:
        types = Types(case)
        f = types.fory(case)
    except Exception as e:
        return f"FAIL {case['name']}: cannot build the types: {error(e)}"
    with open(path, "rb") as fh:
        data = fh.read()
    buffers = read_buffers(path)
    counting = Counting(buffers)
    try:
        if case["callback"] is None and not buffers:
            got = f.deserialize(data)
        else:
            got = f.deserialize(data, buffers=counting)
    except Exception as e:
        return f"FAIL {case['name']}: deserialize ({len(buffers)} out-of-band buffers): {error(e)}"
    if counting.taken != len(buffers):
        return f"FAIL {case['name']}: decoding took {counting.taken} of the {len(buffers)} out-of-band buffers"
    root = {"kind": "struct", "type": case["types"][0]["name"]}
    try:
        problem = compare(types, root, got, case["value"], "")
    except Exception as e:
        return f"FAIL {case['name']}: comparing: {error(e)}"
    return f"FAIL {case['name']}: {one_line(problem)}" if problem else f"OK {case['name']}"


def run_cases(command, cases, directory, first, out):
    """Runs the cases from index `first` on, writing one line per case to `out`."""
    for case in cases[first:]:
        if command == "gen":
            line = gen_case(case, directory)
        else:
            path = os.path.join(directory, case["name"] + ".bin")
            if not os.path.exists(path):
                line = ""
            else:
                line = check_case(case, path)
        out.write(line + "\n")
        out.flush()


def run_guarded(command, cases, directory):
    """Runs the cases in a forked child, so that a case that kills the process (pyfory's native
    code can abort) is reported as a FAIL and the next cases still run."""
    first = 0
    while first < len(cases):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            code = 0
            try:
                with os.fdopen(write_end, "w", encoding="utf-8") as out:
                    run_cases(command, cases, directory, first, out)
            except BaseException:
                code = 1
            os._exit(code)
        os.close(write_end)
        with os.fdopen(read_end, encoding="utf-8") as lines:
            for line in lines:
                line = line.rstrip("\n")
                if line:
                    print(line, flush=True)
                first += 1
        _, status = os.waitpid(pid, 0)
        if first < len(cases) and (os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0):
            why = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit status {os.WEXITSTATUS(status)}"
            print(f"FAIL {cases[first]['name']}: the process died ({why}) during {command}", flush=True)
            first += 1


def main(argv):
    if len(argv) != 3 or argv[0] not in ("gen", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, cases_path, directory = argv
    with open(cases_path, encoding="utf-8") as fh:
        cases = json.load(fh)["cases"]
    if command == "gen":
        os.makedirs(directory, exist_ok=True)
    if hasattr(os, "fork"):
        run_guarded(command, cases, directory)
    else:
        run_cases(command, cases, directory, 0, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
