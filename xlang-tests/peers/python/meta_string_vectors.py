"""Prints the meta string encoding pyfory picks for a list of names, in every naming context.

Run with the pinned pyfory (see the README) and paste the output into
fory-core/tests/meta_string_vectors.rs. Each row of the first table comes from one pyfory call:

* namespace / type_name / field_name: the TypeDef encoders of `pyfory.meta.typedef_encoder`
  (`NAMESPACE_ENCODER.encode(name, NAMESPACE_ENCODINGS)`, the same with `TYPENAME_ENCODER` and
  `TYPE_NAME_ENCODINGS`, and for fields `FIELD_NAME_ENCODER.compute_encoding(name,
  FIELD_NAME_ENCODINGS)` followed by `encode_with_encoding`, as `write_field_info` does);
* generic_namespace / generic_type_name: the encoders of the type registry
  (`MetaStringEncoder(".", "_").encode(name)` and `MetaStringEncoder("$", "_").encode(name)`,
  every encoding allowed), which pyfory uses for the names of named types when meta share is off.

Names pyfory cannot write go to the second table. There pyfory either raises, or picks an
encoding the context cannot express (FIRST_TO_LOWER_SPECIAL for a namespace or field name, which
`write_namespace` / `write_field_info` then fail on). Those rows carry the encoding the Java
peer picks instead (UTF-8 for anything non-ASCII, LOWER_UPPER_DIGIT_SPECIAL or
ALL_TO_LOWER_SPECIAL in place of the disallowed FIRST_TO_LOWER_SPECIAL), with the bytes from
pyfory's `encode_with_encoding(name, that_encoding)`.
"""

import json

import pyfory
from pyfory.meta import typedef_encoder as tde
from pyfory.meta.metastring import Encoding, MetaStringEncoder
from pyfory.meta.typedef import FIELD_NAME_ENCODINGS, NAMESPACE_ENCODINGS, TYPE_NAME_ENCODINGS

RUST_NAMES = {
    Encoding.UTF_8: "Utf8",
    Encoding.LOWER_SPECIAL: "LowerSpecial",
    Encoding.LOWER_UPPER_DIGIT_SPECIAL: "LowerUpperDigitSpecial",
    Encoding.FIRST_TO_LOWER_SPECIAL: "FirstToLowerSpecial",
    Encoding.ALL_TO_LOWER_SPECIAL: "AllToLowerSpecial",
}

ALL_ENCODINGS = list(Encoding)

# (context name in the Rust test, encoder, allowed encodings, how pyfory calls it)
CONTEXTS = [
    ("Namespace", tde.NAMESPACE_ENCODER, NAMESPACE_ENCODINGS, "encode"),
    ("TypeName", tde.TYPENAME_ENCODER, TYPE_NAME_ENCODINGS, "encode"),
    ("FieldName", tde.FIELD_NAME_ENCODER, FIELD_NAME_ENCODINGS, "compute_then_encode"),
    ("GenericNamespace", MetaStringEncoder(".", "_"), ALL_ENCODINGS, "encode_all"),
    ("GenericTypeName", MetaStringEncoder("$", "_"), ALL_ENCODINGS, "encode_all"),
]

NAMES = [
    "",
    # namespaces
    "example",
    "org.apache.fory",
    "com.example.v2",
    "a.b_c",
    "a$b",
    "a|b",
    "pkg.Sub",
    "MyPkg",
    "org.apache.fory.benchmark.data.structures",
    # type names
    "Foo",
    "MyType",
    "HTTPServer",
    "Outer$Inner",
    "Outer.Inner",
    "A",
    "ABCDEFGH",
    "Foo2",
    "my_type",
    "URLParser2",
    "XMLHttpRequest",
    "IOError",
    "aBcde",
    "aBcdef",
    "A$b",
    "Ab_Cd",
    # field names
    "a",
    "ab",
    "abcdefg",
    "abcdefgh",
    "abcdefghijklmno",
    "abcdefghijklmnop",
    "field_name",
    "f1",
    "snake_case_name",
    "x_y_z",
    "__private",
    "has$dollar",
    "$",
    "_",
    ".",
    "|",
    "camelCase",
    "CONSTANT_NAME",
    "user_id_2",
    "a_field_name_longer_than_sixteen",
    "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length",
    "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding",
    "a-b",
    "a b",
    # non-ASCII
    "naïve",
    "名前",
    "ß",
    "Ärger",
    "x²",
    "café_au_lait",
    "emoji😀",
]


def java_choice(name, allowed, picked):
    """The encoding the Java peer picks where pyfory cannot write the name."""
    if any(ord(c) > 0x7F for c in name):
        return Encoding.UTF_8
    assert picked == Encoding.FIRST_TO_LOWER_SPECIAL and picked not in allowed
    upper = sum(1 for c in name if "A" <= c <= "Z")
    if (len(name) + upper) * 5 < len(name) * 6 and Encoding.ALL_TO_LOWER_SPECIAL in allowed:
        return Encoding.ALL_TO_LOWER_SPECIAL
    return Encoding.LOWER_UPPER_DIGIT_SPECIAL


def pyfory_encode(encoder, allowed, how, name):
    if how == "encode":
        return encoder.encode(name, allowed)
    if how == "compute_then_encode":
        return encoder.encode_with_encoding(name, encoder.compute_encoding(name, allowed))
    return encoder.encode(name)


def row(ctx, name, encoding, data):
    return f"    ({ctx}, {json.dumps(name, ensure_ascii=False)}, {RUST_NAMES[encoding]}, \"{data.hex()}\"),"


ok_rows = []
rejected_rows = []
for ctx, encoder, allowed, how in CONTEXTS:
    for name in NAMES:
        try:
            ms = pyfory_encode(encoder, allowed, how, name)
        except Exception as e:  # pyfory rejects the name
            enc = java_choice(name, allowed, None)
            rejected_rows.append(f"    // pyfory: {type(e).__name__}: {e}")
            rejected_rows.append(row(ctx, name, enc, encoder.encode_with_encoding(name, enc).encoded_data))
            continue
        if ms.encoding not in allowed:
            enc = java_choice(name, allowed, ms.encoding)
            rejected_rows.append(f"    // pyfory: picks {ms.encoding.name}, not in the allowed list")
            rejected_rows.append(row(ctx, name, enc, encoder.encode_with_encoding(name, enc).encoded_data))
            continue
        ok_rows.append(row(ctx, name, ms.encoding, ms.encoded_data))

print(f"// pyfory {pyfory.__version__}: written as is")
print("\n".join(ok_rows))
print()
print(f"// pyfory {pyfory.__version__}: cannot write these; Java's choice, pyfory's bit packing")
print("\n".join(rejected_rows))
