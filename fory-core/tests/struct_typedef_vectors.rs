//! Struct TypeDef bodies against pyfory 1.7.7.
//!
//! The vectors come from `xlang-tests/peers/python/struct_typedef_vectors.py`: dataclasses
//! serialized with `pyfory.Fory(xlang=True, compatible=True)`, registered by id and by name
//! (namespace `example`), with the root TypeDef cut out of the frame; and the 4-byte schema hash
//! the same classes get with `compatible=False`, with the fingerprint string pyfory hashed.

mod common;

use common::{hex, unhex};
use fory_core::__private::meta::struct_def::{
    decode_body, encode_body, schema_fingerprint, schema_hash, to_snake_case, FieldDef, FieldKey,
    FieldType, NestedType, StructDef, StructIdentity, MAX_FIELDS, MAX_TAG_ID, MAX_TYPE_DEPTH,
};
use fory_core::__private::meta::type_def::{read_type_def, write_type_def};
use fory_core::types::TypeId;
use fory_core::{ErrorKind, Reader, Writer};

/// (case, whole TypeDef, body), from the generator's first table.
const TYPE_DEFS: &[(&str, &str, &str)] = &[
    ("prims_id", "2440b6a0bd2ec15dc76588140bd70088130bbec0880311af404801156030840211e0880711d700880511bec0", "c76588140bd70088130bbec0880311af404801156030840211e0880711d700880511bec0"),
    ("prims_name", "2e501ef15eb0df29e71512e063d64013be28648088140bd70088130bbec0880311af404801156030840211e0880711d700880511bec0", "e71512e063d64013be28648088140bd70088130bbec0880311af404801156030840211e0880711d700880511bec0"),
    ("strings_id", "178062da303fa218c3664815340c205615b5025340c200541552448f5a0610", "c3664815340c205615b5025340c200541552448f5a0610"),
    ("strings_name", "22107c0823f9df2de31512e063d640174a71434d204815340c205615b5025340c200541552448f5a0610", "e31512e063d640174a71434d204815340c205615b5025340c200541552448f5a0610"),
    ("colls_id", "1cb0e8e93ed07e5ac4674c18541c09d46ce444171c20724e1656b01809004816544c0690", "c4674c18541c09d46ce444171c20724e1656b01809004816544c0690"),
    ("colls_name", "2680552d496be52ce41512e063d6401389cb5c804c18541c09d46ce444171c20724e1656b01809004816544c0690", "e41512e063d6401389cb5c804c18541c09d46ce444171c20724e1656b01809004816544c0690"),
    ("outer_id", "0e40fee9c962013dc2684e1ca1ad24404c15ac0122c0", "c2684e1ca1ad24404c15ac0122c0"),
    ("outer_name", "1890179daa806f2ce21512e063d64013ba9324404e1ea1ad24404c15ac0122c0", "e21512e063d64013ba9324404e1ea1ad24404c15ac0122c0"),
    ("tagged_id", "0ff0a762ef9d5c65c46a4c07bd604340c005dc15fe0515", "c46a4c07bd604340c005dc15fe0515"),
    ("tagged_name", "19501f3d2f7e0a37e41512e063d640134c0631064c07bd604340c005dc15fe0515", "e41512e063d640134c0631064c07bd604340c005dc15fe0515"),
    ("long_name_id", "46e092fa06afaa28c26bbc0003b8018216e0090981098ee903109a5e80bc1e1501fa20263888fe59c68df8a408587f9a01827e72a223fa442e98821bf82c26225f906fea262f9f9c8fe780114206", "c26bbc0003b8018216e0090981098ee903109a5e80bc1e1501fa20263888fe59c68df8a408587f9a01827e72a223fa442e98821bf82c26225f906fea262f9f9c8fe780114206"),
    ("long_name_name", "53708e2d35afe15fe21512e063d6401eca71a34e018200bc0003b8018216e0090981098ee903109a5e80bc1e1501fa20263888fe59c68df8a408587f9a01827e72a223fa442e98821bf82c26225f906fea262f9f9c8fe780114206", "e21512e063d6401eca71a34e018200bc0003b8018216e0090981098ee903109a5e80bc1e1501fa20263888fe59c68df8a408587f9a01827e72a223fa442e98821bf82c26225f906fea262f9f9c8fe780114206"),
    ("wide_id", "9fb02957fdef6602df02ac0284020ba084020ba888020bae8088020baea088020baec088020baee088020baf0088020baf2088020baf4088020baf6088020baf8088020bafa084020bb088020bb68088020bb6a088020bb6c088020bb6e088020bb70088020bb72088020bb74088020bb76088020bb78088020bb7a084020bb888020bbe8088020bbea088020bbec084020bc084020bc884020bd084020bd884020be084020be8", "df02ac0284020ba084020ba888020bae8088020baea088020baec088020baee088020baf0088020baf2088020baf4088020baf6088020baf8088020bafa084020bb088020bb68088020bb6a088020bb6c088020bb6e088020bb70088020bb72088020bb74088020bb76088020bb78088020bb7a084020bb888020bbe8088020bbea088020bbec084020bc084020bc884020bd084020bd884020be084020be8"),
    ("wide_name", "a7007ab170ed3816ff021512e063d6400f59032084020ba084020ba888020bae8088020baea088020baec088020baee088020baf0088020baf2088020baf4088020baf6088020baf8088020bafa084020bb088020bb68088020bb6a088020bb6c088020bb6e088020bb70088020bb72088020bb74088020bb76088020bb78088020bb7a084020bb888020bbe8088020bbea088020bbec084020bc084020bc884020bd084020bd884020be084020be8", "ff021512e063d6400f59032084020ba084020ba888020bae8088020baea088020baec088020baee088020baf0088020baf2088020baf4088020baf6088020baf8088020bafa084020bb088020bb68088020bb6a088020bb6c088020bb6e088020bb70088020bb72088020bb74088020bb76088020bb78088020bb7a084020bb888020bbe8088020bbea088020bbec084020bc084020bc884020bd084020bd884020be084020be8"),
];

/// (shape, schema hash bytes pyfory writes after the user id, pyfory's fingerprint string).
const SCHEMA_HASHES: &[(&str, &str, &str)] = &[
    ("prims", "6c177daa", "f32,19,0,0;f64,20,0,0;flag,1,0,0;i16,3,0,0;i32,5,0,0;i64,7,0,0;i8,2,0,0;"),
    ("strings", "78b9a440", "name,21,0,0;nickname,21,0,1;user_name,21,0,0;"),
    ("colls", "cd393e9b", "counts,24,0,0[21,0,0|7,0,0];ids,23,0,0[7,0,0];maybe,22,0,1[21,0,0];tags,22,0,0[21,0,0];"),
    ("outer", "c1ef12ba", "inner,0,0,1;label,21,0,0;"),
    ("tagged", "b4665028", "0,5,0,0;7,21,0,0;20,21,0,1;plain,7,0,0;"),
    ("long_name", "80b8615c", "a_rather_long_field_name_over_sixteen_bytes_in_utf8_or_packed,21,0,0;camel_case_with_digits9,3,0,0;"),
    ("wide", "c7a0c5f5", "f0,2,0,0;f1,2,0,0;f10,2,0,0;f11,2,0,0;f12,2,0,0;f13,2,0,0;f14,2,0,0;f15,2,0,0;f16,2,0,0;f17,2,0,0;f18,2,0,0;f19,2,0,0;f2,2,0,0;f20,2,0,0;f21,2,0,0;f22,2,0,0;f23,2,0,0;f24,2,0,0;f25,2,0,0;f26,2,0,0;f27,2,0,0;f28,2,0,0;f29,2,0,0;f3,2,0,0;f30,2,0,0;f31,2,0,0;f32,2,0,0;f4,2,0,0;f5,2,0,0;f6,2,0,0;f7,2,0,0;f8,2,0,0;f9,2,0,0;"),
];

fn named(name: &str, nullable: bool, field_type: FieldType) -> FieldDef {
    FieldDef {
        key: FieldKey::Name(name.to_owned()),
        nullable,
        track_ref: false,
        field_type,
    }
}

fn tagged(tag: u32, nullable: bool, field_type: FieldType) -> FieldDef {
    FieldDef {
        key: FieldKey::Tag(tag),
        nullable,
        track_ref: false,
        field_type,
    }
}

fn leaf(id: TypeId) -> FieldType {
    FieldType::Leaf(id)
}

fn elem(nullable: bool, id: TypeId) -> NestedType {
    NestedType::new(nullable, false, leaf(id))
}

/// The user id, type name and fields pyfory 1.7.7 writes for each shape; `by_name` picks the
/// kind a nested struct field is written with.
fn shape(case: &str, by_name: bool) -> (u32, &'static str, Vec<FieldDef>) {
    use TypeId::*;
    match case {
        "prims" => (
            101,
            "Prims",
            vec![
                named("f64", false, leaf(Float64)),
                named("f32", false, leaf(Float32)),
                named("i16", false, leaf(Int16)),
                named("flag", false, leaf(Bool)),
                named("i8", false, leaf(Int8)),
                named("i64", false, leaf(Varint64)),
                named("i32", false, leaf(Varint32)),
            ],
        ),
        "strings" => (
            102,
            "Strings",
            vec![
                named("name", false, leaf(String)),
                named("nickname", true, leaf(String)),
                named("userName", false, leaf(String)),
            ],
        ),
        "colls" => (
            103,
            "Colls",
            vec![
                named(
                    "counts",
                    false,
                    FieldType::map(elem(false, String), elem(false, Varint64)),
                ),
                named("ids", false, FieldType::set(false, false, leaf(Varint64))),
                named("maybe", true, FieldType::list(true, false, leaf(String))),
                named("tags", false, FieldType::list(false, false, leaf(String))),
            ],
        ),
        "outer" => (
            104,
            "Outer",
            vec![
                named(
                    "inner",
                    true,
                    leaf(if by_name {
                        NamedCompatibleStruct
                    } else {
                        CompatibleStruct
                    }),
                ),
                named("label", false, leaf(String)),
            ],
        ),
        "tagged" => (
            106,
            "Tagged",
            vec![
                named("plain", false, leaf(Varint64)),
                tagged(0, false, leaf(Varint32)),
                tagged(7, false, leaf(String)),
                tagged(20, true, leaf(String)),
            ],
        ),
        "long_name" => (
            107,
            "LongName",
            vec![
                named("CamelCaseWithDigits9", false, leaf(Int16)),
                named(
                    "a_rather_long_field_name_over_sixteen_bytes_in_utf8_or_packed",
                    false,
                    leaf(String),
                ),
            ],
        ),
        "wide" => {
            let mut names: Vec<std::string::String> = (0..33).map(|i| format!("f{i}")).collect();
            names.sort();
            (
                300,
                "Wide",
                names.iter().map(|n| named(n, false, leaf(Int8))).collect(),
            )
        }
        other => panic!("unknown shape {other}"),
    }
}

fn expected(label: &str) -> StructDef {
    let (case, by_name) = match label.strip_suffix("_name") {
        Some(case) => (case, true),
        None => (label.strip_suffix("_id").unwrap(), false),
    };
    let (id, type_name, fields) = shape(case, by_name);
    StructDef {
        compatible: true,
        identity: if by_name {
            StructIdentity::Name {
                namespace: "example".to_owned(),
                type_name: type_name.to_owned(),
            }
        } else {
            StructIdentity::Id(id)
        },
        fields,
    }
}

#[test]
fn pyfory_struct_type_defs_decode_and_reencode() {
    for (label, whole, body) in TYPE_DEFS {
        let body = unhex(body);
        let whole = unhex(whole);
        let def = decode_body(&body).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_eq!(def, expected(label), "{label}");
        assert_eq!(hex(&encode_body(&def).unwrap()), hex(&body), "{label}");
        let mut w = Writer::new();
        write_type_def(&mut w, &body);
        assert_eq!(hex(w.as_slice()), hex(&whole), "{label}");
        assert_eq!(read_type_def(&mut Reader::new(&whole)).unwrap(), &body[..]);
    }
}

#[test]
fn pyfory_schema_hashes() {
    for (case, hash, fingerprint) in SCHEMA_HASHES {
        let (id, _, fields) = shape(case, false);
        let def = StructDef {
            compatible: false,
            identity: StructIdentity::Id(id),
            fields,
        };
        assert_eq!(schema_fingerprint(&def), *fingerprint, "{case}");
        assert_eq!(hex(&schema_hash(&def).to_le_bytes()), *hash, "{case}");
    }
    let empty = StructDef {
        compatible: false,
        identity: StructIdentity::Id(1),
        fields: vec![],
    };
    assert_eq!(schema_hash(&empty), 47);
}

#[test]
fn snake_case_rule() {
    for (name, snake) in [
        ("userName", "user_name"),
        ("CamelCaseWithDigits9", "camel_case_with_digits9"),
        ("HTTPServer", "http_server"),
        ("a1B", "a1_b"),
        ("already_snake", "already_snake"),
        ("Trailing_", "trailing"),
        ("x_Y", "x_y"),
    ] {
        assert_eq!(to_snake_case(name), snake, "{name}");
    }
}

#[test]
fn every_truncation_is_an_error() {
    for (label, _, body) in TYPE_DEFS {
        let body = unhex(body);
        for cut in 0..body.len() {
            assert!(
                decode_body(&body[..cut]).is_err(),
                "{label}: prefix of {cut} bytes decoded"
            );
        }
    }
}

fn expect_invalid(body: &[u8], offset: usize, what: &str) {
    let err = decode_body(body).unwrap_err();
    assert_eq!(err.offset(), Some(offset), "{}: {err}", hex(body));
    assert!(err.to_string().contains(what), "{}: {err}", hex(body));
}

#[test]
fn corrupted_bodies_are_errors() {
    // strings_id: c3 66 | 48 15 <3 name bytes> | 56 15 <6> | 54 15 <6>
    let good = unhex(TYPE_DEFS[2].2);
    assert_eq!(TYPE_DEFS[2].0, "strings_id");

    // Not a struct body.
    let mut bad = good.clone();
    bad[0] &= 0x7f;
    expect_invalid(&bad, 0, "bit 7");

    // One field more than there is.
    let mut bad = good.clone();
    bad[0] += 1;
    assert!(matches!(
        decode_body(&bad).unwrap_err().kind(),
        ErrorKind::Truncated { .. }
    ));

    // One field fewer: the last field's bytes are left over.
    let mut bad = good.clone();
    bad[0] -= 1;
    expect_invalid(&bad, 2 + 5 + 8, "end of the struct TypeDef body");

    // A trailing byte.
    let mut bad = good.clone();
    bad.push(0);
    expect_invalid(&bad, good.len(), "end of the struct TypeDef body");

    // Unknown type id in the first field.
    let mut bad = good.clone();
    bad[3] = 57;
    expect_invalid(&bad, 3, "field type id");

    // The third field replaced by a copy of the first.
    let mut bad = good[..15].to_vec();
    bad.extend_from_slice(&good[2..7]);
    expect_invalid(&bad, 15, "not used by an earlier field");

    // A name length that runs past the end.
    let mut bad = good.clone();
    bad[2] = 0x7c;
    assert!(matches!(
        decode_body(&bad).unwrap_err().kind(),
        ErrorKind::Truncated { .. }
    ));

    // A field count far beyond the bytes: 31 + varuint32.
    let bad = unhex("df8080800101");
    assert!(matches!(
        decode_body(&bad).unwrap_err().kind(),
        ErrorKind::LimitExceeded { .. }
    ));
    let bad = unhex(&format!(
        "df{}01",
        hex(&[
            ((MAX_FIELDS - 31) & 0x7f) as u8 | 0x80,
            ((MAX_FIELDS - 31) >> 7) as u8
        ])
    ));
    assert!(matches!(
        decode_body(&bad).unwrap_err().kind(),
        ErrorKind::Truncated { .. }
    ));

    // Duplicate tag ids: tag 0 twice.
    expect_invalid(&unhex("c201c005c005"), 4, "not used by an earlier field");

    // A tag id above 2^29 - 1: 15 + varuint32(2^29 - 15).
    let big = MAX_TAG_ID + 1 - 15;
    let mut w = Writer::new();
    w.write_varuint32(big);
    let bad = unhex(&format!("c101fc{}05", hex(w.as_slice())));
    expect_invalid(&bad, 2, "tag id");

    // An unknown nested type id: list<57>.
    expect_invalid(&unhex("c101c016e403"), 4, "field type id");

    // Nesting deeper than MAX_TYPE_DEPTH: list<list<...>>.
    let mut deep = unhex("c101c016");
    deep.extend(vec![0x58; MAX_TYPE_DEPTH + 1]);
    deep.push(0x54);
    assert!(matches!(
        decode_body(&deep).unwrap_err().kind(),
        ErrorKind::LimitExceeded { .. }
    ));

    // A name that is not valid UTF-8.
    expect_invalid(&unhex("c1010015ff"), 4, "field name");

    // An unknown namespace encoding index.
    expect_invalid(&unhex("e003"), 1, "encoding index");
}

#[test]
fn synthetic_round_trips() {
    let mut nested = FieldType::Leaf(TypeId::Int32Array);
    for depth in 1..MAX_TYPE_DEPTH {
        nested = if depth % 2 == 0 {
            FieldType::list(depth % 3 == 0, depth % 5 == 0, nested)
        } else {
            FieldType::map(
                NestedType::new(false, false, leaf(TypeId::String)),
                NestedType::new(true, true, nested),
            )
        };
    }
    let def = StructDef {
        compatible: false,
        identity: StructIdentity::Name {
            namespace: String::new(),
            type_name: "Ünïcode$Name".to_owned(),
        },
        fields: vec![
            tagged(MAX_TAG_ID, true, leaf(TypeId::Decimal)),
            tagged(15, false, FieldType::set(true, true, leaf(TypeId::Date))),
            FieldDef {
                key: FieldKey::Name("x".repeat(300)),
                nullable: true,
                track_ref: true,
                field_type: nested,
            },
            named("ÿ", false, leaf(TypeId::Unknown)),
        ],
    };
    let body = encode_body(&def).unwrap();
    assert_eq!(decode_body(&body).unwrap(), def);
    for cut in 0..body.len() {
        assert!(decode_body(&body[..cut]).is_err(), "prefix {cut}");
    }
}

#[test]
fn unencodable_defs_are_errors() {
    let base = StructDef {
        compatible: true,
        identity: StructIdentity::Id(1),
        fields: vec![named("", false, leaf(TypeId::Int8))],
    };
    assert!(encode_body(&base).is_err());
    let mut def = base.clone();
    def.fields = vec![named("a", false, leaf(TypeId::List))];
    assert!(encode_body(&def).is_err());
    def.fields = vec![tagged(MAX_TAG_ID + 1, false, leaf(TypeId::Int8))];
    assert!(encode_body(&def).is_err());
}
