//! Whole values through `Fory::serialize` / `Fory::deserialize`, against frames written by the
//! released peers:
//!
//! - Java: `org.apache.fory:fory-core` 1.6.0, `Fory.builder().withXlang(true).build()
//!   .serialize(v)` with the boxed Java value named in the row;
//! - Go: `github.com/apache/fory/go/fory` v1.6.1, `fory.New().Serialize(v)`;
//! - Python: pyfory 1.7.7, `pyfory.Fory(xlang=True).serialize(v)`. Rows marked "pyfory typed"
//!   are the frame `01 ff <id>` followed by the bytes pyfory's own serializer for that annotated
//!   type writes (pyfory has no root-level typed scalars).
//!
//! `both` rows must be written byte-for-byte and read back equal; `reads` rows are peer forms we
//! read but write differently (the difference is documented in spec/divergences.md).

mod common;

use common::{both, hex, reads, unhex};
use std::collections::{BTreeSet, HashSet, LinkedList, VecDeque};

use fory_core::types::{BFloat16, Float16};
use fory_core::{ErrorKind, Fory};

#[test]
fn scalars_match_java_and_go() {
    both(-1i8, "01ff02ff"); // Java Byte
    both(-128i8, "01ff0280");
    both(-1i16, "01ff03ffff"); // Java Short
    both(16384i16, "01ff030040");
    both(0i32, "01ff0500"); // Java Integer
    both(-1i32, "01ff0501");
    both(128i32, "01ff058002");
    both(i32::MAX, "01ff05feffffff0f");
    both(i32::MIN, "01ff05ffffffff0f");
    both(1i64, "01ff0702"); // Java Long, Python int
    both(1i64 << 35, "01ff07808080808002");
    both(i64::MAX, "01ff07feffffffffffffffff");
    both(i64::MIN, "01ff07ffffffffffffffffff");
    both(255u8, "01ff09ff"); // Go uint8
    both(65535u16, "01ff0affff"); // Go uint16
    both(128u32, "01ff0c8001"); // Go uint32
    both(u32::MAX, "01ff0cffffffff0f");
    both(1u64 << 63, "01ff0e808080808080808080"); // Go uint64
    both(u64::MAX, "01ff0effffffffffffffffff");
    both(true, "01ff0101");
    both(false, "01ff0100");
    both(1.5f32, "01ff130000c03f"); // Java Float
    both(-0.0f32, "01ff1300000080");
    both(f32::NEG_INFINITY, "01ff13000080ff");
    both(1.5f64, "01ff14000000000000f83f"); // Java Double, Python float
    both(f64::INFINITY, "01ff14000000000000f07f");
    both(Float16::from_f32(1.5), "01ff11003e"); // pyfory typed Float16
    both(BFloat16::from_f32(1.5), "01ff12c03f"); // pyfory typed BFloat16
}

#[test]
fn nan_payloads_survive() {
    let fory = Fory::default();
    for h in ["01ff130000c07f", "01ff130100c07f"] {
        let v: f32 = fory.deserialize(&unhex(h)).unwrap();
        assert_eq!(hex(&fory.serialize(&v).unwrap()), h);
    }
    // Go's math.NaN() payload.
    let v: f64 = fory.deserialize(&unhex("01ff14010000000000f87f")).unwrap();
    assert_eq!(v.to_bits(), 0x7ff8000000000001);
}

#[test]
fn wider_integer_types_read_every_narrower_encoding() {
    // Java Integer (VARINT32) into i64; Java Byte into i32; pyfory typed INT64 / TAGGED_INT64.
    reads(-1i64, "01ff0501");
    reads(-1i32, "01ff02ff");
    reads(-1i64, "01ff06ffffffffffffffff");
    reads(1i64 << 30, "01ff08010000004000000000");
    reads(u64::MAX, "01ff0f01ffffffffffffffff"); // pyfory typed TAGGED_UINT64
    reads(1.5f64, "01ff130000c03f"); // FLOAT32 into f64
}

#[test]
fn strings_and_null_match_java() {
    both("café".to_string(), "01ff1510636166e9");
    both("你好".to_string(), "01ff1511604f7d59");
    both("a你".to_string(), "01ff151261e4bda0");
    both(Some("abc".to_string()), "01ff150c616263");
    both(None::<String>, "01fd");
    reads(String::new(), "01ff1502"); // Go's empty string
}

#[test]
fn binary_and_arrays() {
    both(vec![1u8, 2, 3], "01ff2903010203"); // Java byte[], Python bytes, Go []byte
    both(Vec::<u8>::new(), "01ff2900");
    both([1u8, 2, 3], "01ff2903010203");
    both(vec![1i32, -1], "01ff2e0801000000ffffffff"); // pyfory Int32Array / array('i')
    both(vec![1.5f64], "01ff3808000000000000f83f"); // pyfory array('d')
    both(vec![1i8, -1], "01ff2c0201ff"); // pyfory array('b')
    both(vec![1i64], "01ff2f080100000000000000"); // pyfory array('q')
    both(vec![1i16], "01ff2d020100"); // pyfory array('h')
    both(vec![Float16::from_f32(1.5)], "01ff3502003e"); // pyfory Float16Array
}

#[test]
fn lists_and_sets_match_pyfory() {
    both(
        vec!["a".to_string(), "b".to_string()],
        "01ff1602081504610462",
    );
    both(Vec::<String>::new(), "01ff1600");
    both(vec![Some("a".to_string()), None], "01ff16020a15ff0461fd");
    both(
        vec![vec!["a".to_string()], vec!["b".to_string()]],
        "01ff1602081601081504610108150462",
    );
    both(
        VecDeque::from(["a".to_string(), "b".to_string()]),
        "01ff1602081504610462",
    );
    both(
        LinkedList::from(["a".to_string(), "b".to_string()]),
        "01ff1602081504610462",
    );
    both(BTreeSet::from([1i64, 2]), "01ff170208070204");
    reads(HashSet::from([1i64, 2]), "01ff170208070204");
    // Python lists of ints are LISTs of VARINT64; a Vec<i64> writes INT64_ARRAY but reads both.
    reads(vec![1i64, 2, 3], "01ff16030807020406");
    reads(vec![vec![1i64], vec![2]], "01ff160208160108070201080704");
    // pyfory names the element type NONE when every element is null.
    reads(vec![None::<String>, None], "01ff16020a24fdfd");
}

#[test]
fn mismatches_and_hostile_input_are_errors() {
    let fory = Fory::default();
    // A string where an i32 is expected: names both types and the offset.
    let err = fory.deserialize::<i32>(&unhex("01ff150461")).unwrap_err();
    assert_eq!(err.offset(), Some(2));
    assert!(
        err.to_string()
            .contains("STRING (21) where VARINT32 (5) was needed"),
        "{err}"
    );
    // Null into a non-Option.
    let err = fory.deserialize::<String>(&unhex("01fd")).unwrap_err();
    assert!(err.to_string().contains("not an Option"), "{err}");
    // A list claiming 2^31 elements in 10 bytes: rejected before allocating.
    let err = fory
        .deserialize::<Vec<String>>(&unhex("01ff16808080800808150461"))
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
    let fory_big = Fory::builder().max_collection_len(u32::MAX).build();
    let err = fory_big
        .deserialize::<Vec<String>>(&unhex("01ff16808080800808150461"))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    // Nesting past the configured depth.
    let shallow = Fory::builder().max_depth(1).build();
    let nested = vec![vec!["a".to_string()]];
    let bytes = fory.serialize(&nested).unwrap();
    let err = shallow.deserialize::<Vec<Vec<String>>>(&bytes).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
    // Unknown type id.
    let err = fory.deserialize::<i32>(&unhex("01ff7f00")).unwrap_err();
    assert!(err.to_string().contains("unknown type id 127"), "{err}");
    // Reserved list header bits.
    let err = fory
        .deserialize::<Vec<String>>(&unhex("01ff1601181504"))
        .unwrap_err();
    assert!(err.to_string().contains("list header"), "{err}");
    // Trailing bytes.
    let err = fory.deserialize::<bool>(&unhex("01ff010100")).unwrap_err();
    assert_eq!(err.offset(), Some(4));
    // A fixed-size array of the wrong length.
    let err = fory
        .deserialize::<[u8; 2]>(&unhex("01ff2903010203"))
        .unwrap_err();
    assert!(
        err.to_string().contains("3 elements for an array of 2"),
        "{err}"
    );
}

#[test]
fn serialize_into_reuses_the_buffer() {
    let fory = Fory::default();
    let mut buf = Vec::with_capacity(256);
    let ptr = buf.as_ptr();
    for v in [1i64, 2, 3] {
        fory.serialize_into(&v, &mut buf).unwrap();
        assert_eq!(fory.deserialize::<i64>(&buf).unwrap(), v);
    }
    assert_eq!(buf.as_ptr(), ptr);
}

#[test]
fn maps_match_pyfory() {
    use std::collections::{BTreeMap, HashMap};
    let s = |x: &str| x.to_string();
    both(BTreeMap::<String, i64>::new(), "01ff1800");
    both(BTreeMap::from([(s("a"), 1i64)]), "01ff180100011507046102");
    both(
        BTreeMap::from([(s("a"), 1i64), (s("b"), 2)]),
        "01ff180200021507046102046204",
    );
    both(
        BTreeMap::from([(1i64, s("a")), (2, s("b"))]),
        "01ff180200020715020461040462",
    );
    both(
        BTreeMap::from([(s("a"), BTreeMap::from([(s("b"), 1i64)]))]),
        "01ff18010001151804610100011507046202",
    );
    both(
        BTreeMap::from([(s("a"), vec![s("x"), s("y")])]),
        "01ff180100011516046102081504780479",
    );
    // Null values and keys: single-entry chunks; the non-null side is written whole.
    both(
        BTreeMap::from([(s("a"), None::<i64>)]),
        "01ff180111ff150461",
    );
    both(
        BTreeMap::from([(s("a"), None), (s("b"), Some(1i64))]),
        "01ff180211ff15046100011507046202",
    );
    both(BTreeMap::from([(None::<String>, 1i64)]), "01ff18010aff0702");
    both(
        BTreeMap::from([(None::<String>, None::<i64>)]),
        "01ff180112",
    );
    reads(
        HashMap::from([(s("a"), 1i64), (s("b"), 2)]),
        "01ff180200021507046102046204",
    );
}

#[test]
fn a_map_of_300_entries_is_two_chunks_like_pyfory() {
    // pyfory 1.7.7: serialize({f"k{i:03}": i for i in range(300)}): chunks of 255 and 45.
    let peer = include_str!("peer_frames/pyfory_map_300.hex").trim();
    let map: std::collections::BTreeMap<String, i64> =
        (0..300).map(|i| (format!("k{i:03}"), i)).collect();
    assert_eq!(hex(&Fory::default().serialize(&map).unwrap()), peer);
    let back: std::collections::BTreeMap<String, i64> =
        Fory::default().deserialize(&unhex(peer)).unwrap();
    assert_eq!(back, map);
}

#[test]
fn tuples_are_lists_like_pyfory() {
    let s = |x: &str| x.to_string();
    both((1i64, 2i64), "01ff160208070204");
    both((1i64, s("a")), "01ff1602000702150461");
    both((s("a"), None::<String>), "01ff16020a15ff0461fd");
    both((1i64,), "01ff1601080702");
    both(((1i64, s("x")), s("y")), "01ff1602001602000702150478150479");
    let err = Fory::default()
        .deserialize::<(i64, i64, i64)>(&unhex("01ff160208070204"))
        .unwrap_err();
    assert!(
        err.to_string().contains("2 elements for a tuple of 3"),
        "{err}"
    );
}

#[test]
fn dynamic_values_match_pyfory() {
    use fory_core::Value::{self, *};
    let s = |x: &str| String(x.to_string());
    both(
        List(vec![Int64(1), s("a"), Null]),
        "01ff160302ff0702ff150461fd",
    );
    both(List(vec![Int64(1), s("a")]), "01ff1602000702150461");
    both(
        List(vec![Int64(1), Float64(2.5)]),
        "01ff1602000702140000000000000440",
    );
    both(
        Map(vec![(s("a"), Int64(1)), (Int64(2), s("b"))]),
        "01ff18020001150704610200010715040462",
    );
    both(
        Map(vec![(s("a"), Int64(1)), (s("b"), s("x"))]),
        "01ff1802000115070461020001151504620478",
    );
    both(Map(vec![(Null, Null)]), "01ff180112");
    both(Set(vec![Int64(1), Int64(2)]), "01ff170208070204");
    both(
        List(vec![List(vec![s("a")]), List(vec![s("b")])]),
        "01ff1602081601081504610108150462",
    );
    both(Value::Int32(-1), "01ff0501"); // Java Integer
    both(Value::Binary(vec![1, 2, 3]), "01ff2903010203");
    both(Value::Int32Array(vec![1, -1]), "01ff2e0801000000ffffffff");
    both(Null, "01fd");
    reads(List(vec![Null]), "01ff16010a24fd"); // pyfory [None]: element type NONE
}

#[test]
fn binary_borrows_from_the_input() {
    use std::borrow::Cow;
    let bytes = unhex("01ff2903010203"); // Java byte[]{1,2,3}, Python b"\x01\x02\x03"
    let fory = Fory::default();
    let borrowed: &[u8] = fory.deserialize(&bytes).unwrap();
    assert_eq!(borrowed, [1, 2, 3]);
    assert!(std::ptr::eq(borrowed.as_ptr(), bytes[4..].as_ptr()));
    let cow: Cow<[u8]> = fory.deserialize(&bytes).unwrap();
    assert!(matches!(cow, Cow::Borrowed(_)));
    assert_eq!(fory.serialize(&cow).unwrap(), bytes);
    let text = unhex("01ff150c616263");
    let s: &str = fory.deserialize(&text).unwrap();
    assert_eq!(s, "abc");
}

#[test]
fn hashbrown_collections_match_pyfory() {
    let s = |x: &str| x.to_string();
    let map: hashbrown::HashMap<String, i64> = [(s("a"), 1)].into_iter().collect();
    both(map, "01ff180100011507046102");
    let set: hashbrown::HashSet<i64> = [1].into_iter().collect();
    both(set, "01ff1701080702");
}

#[test]
fn boxes_and_borrowed_text() {
    use std::borrow::Cow;
    both(Box::new("abc".to_string()), "01ff150c616263");
    // A boxed element is no longer a primitive: a LIST, like pyfory's [1].
    both(vec![Box::new(1i64)], "01ff1601080702");
    let fory = Fory::default();
    let bytes = unhex("01ff1511604f7d59"); // Java "你好": UTF-16, decoded into an owned string
    let text: Cow<str> = fory.deserialize(&bytes).unwrap();
    assert!(matches!(text, Cow::Owned(ref t) if t == "你好"));
    let bytes = unhex("01ff151261e4bda0"); // Java "a你": UTF-8, borrowed
    let text: Cow<str> = fory.deserialize(&bytes).unwrap();
    assert!(matches!(text, Cow::Borrowed("a你")));
    assert_eq!(hex(&fory.serialize(&text).unwrap()), "01ff151261e4bda0");
}
