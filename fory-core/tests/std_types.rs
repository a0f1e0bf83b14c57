//! `usize`, `isize`, `u128`, `i128`, `char`, `BinaryHeap<T>`, tuples up to 22 fields, `Box<[T]>`,
//! `Box<str>` and `[T; N]`: round trips at the root, in lists and maps and as derived struct
//! fields in both modes, boundary values, and whole frames written by real peers.
//!
//! Where the peer frames come from (each row names its writer):
//!
//! - Apache Fory Rust 1.7.7 (crate `fory = "=1.7.7"`, a scratch binary crate, offline from the
//!   cargo registry): `Fory::builder().xlang(true).compatible(c).build().serialize(&v)`, with
//!   the value named in the row and, for structs, the types declared below registered with the
//!   same ids. It writes strings as UTF-8, so those rows use [`StringRule::Utf8`].
//! - pyfory 1.7.7 (PyPI): `pyfory.Fory(xlang=True).serialize(v)`.
//! - Go `github.com/apache/fory/go/fory` v1.6.0: `fory.New(fory.WithXlang(true)).Serialize(v)`.
//!
//! `both` rows are written byte for byte and read back; `reads` rows are peer frames we read
//! but write differently. Every strict prefix of every peer frame must fail to decode.

mod common;

use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::fmt::Debug;

use common::{both, both_with, hex, reads, reads_with, unhex};
use fory_core::{Deserialize, ErrorKind, Fory, ForyObject, Serialize, StringRule};

/// The configuration of Apache Fory Rust's frames: strings as UTF-8.
fn utf8() -> Fory {
    Fory::builder().string_rule(StringRule::Utf8).build()
}

/// Writes and reads back `value` with `fory`.
fn round_trip_with<T>(fory: &Fory, value: &T)
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    let bytes = fory.serialize(value).unwrap();
    assert_eq!(
        &fory.deserialize::<T>(&bytes).unwrap(),
        value,
        "{}",
        hex(&bytes)
    );
}

/// [`round_trip_with`] a default `Fory`, and one with reference tracking.
fn round_trip<T>(value: T)
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    round_trip_with(&Fory::default(), &value);
    round_trip_with(&Fory::builder().ref_tracking(true).build(), &value);
}

/// Decoding `frame` as `T` fails with an `Invalid` error at `offset` that mentions each of
/// `words` in what it expected or found.
fn rejects<T>(frame: &str, offset: usize, words: &[&str])
where
    T: for<'de> Deserialize<'de> + Debug,
{
    let err = Fory::default()
        .deserialize::<T>(&unhex(frame))
        .expect_err(frame);
    assert_eq!(err.offset(), Some(offset), "{frame}: {err}");
    match err.kind() {
        ErrorKind::Invalid {
            expected, found, ..
        } => {
            let text = format!("{expected} / {found}");
            for word in words {
                assert!(text.contains(word), "{frame}: {err} lacks {word:?}");
            }
        }
        other => panic!("{frame}: expected an Invalid error, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// usize / isize

#[test]
fn usize_and_isize_are_64_bit_varints() {
    // Go uint64(math.MaxUint64), uint64(7); Go int64(math.MinInt64); Go int(-1), pyfory -1
    both(usize::MAX, "01ff0effffffffffffffffff");
    both(7usize, "01ff0e07");
    both(isize::MIN, "01ff07ffffffffffffffffff");
    both(-1isize, "01ff0701");
    // pyfory 2**63 - 1 (every Python int is a VARINT64)
    both(isize::MAX, "01ff07feffffffffffffffff");
    reads(usize::MAX >> 1, "01ff07feffffffffffffffff");
    // pyfory 7 and -1: a usize reads a signed integer only where it fits
    reads(7usize, "01ff070e");
    rejects::<usize>("01ff0701", 3, &["fits usize", "-1"]);
    // Go uint64(math.MaxUint64) does not fit an isize
    rejects::<isize>(
        "01ff0effffffffffffffffff",
        3,
        &["fits isize", "18446744073709551615"],
    );
    // Go []uint64{1, math.MaxUint64}, []int64{-1, 2}
    both(
        vec![1usize, usize::MAX],
        "01ff33100100000000000000ffffffffffffffff",
    );
    both(vec![-1isize, 2], "01ff2f10ffffffffffffffff0200000000000000");
    // Apache Fory Rust -1isize: its ISIZE type id (67), which no other peer knows either.
    let err = Fory::default()
        .deserialize::<isize>(&unhex("01ff4301"))
        .unwrap_err();
    assert_eq!(err.offset(), Some(2), "{err}");
    assert!(err.to_string().contains("67"), "{err}");
    // Go []int64{-1, 2} does not fit usizes: the element and its offset in the frame.
    rejects::<Vec<usize>>("01ff2f10ffffffffffffffff0200000000000000", 4, &["-1"]);
}

#[test]
fn usize_and_isize_in_containers_and_at_the_bounds() {
    round_trip(vec![0usize, 1, usize::MAX]);
    round_trip(vec![isize::MIN, 0, isize::MAX]);
    round_trip([usize::MAX; 3]);
    round_trip(BTreeMap::from([(usize::MAX, isize::MIN), (0, -1)]));
    round_trip(vec![Some(1usize), None]);
}

// ---------------------------------------------------------------------------------------------
// u128 / i128

#[test]
fn u128_and_i128_are_decimals_of_scale_0() {
    // pyfory decimal.Decimal(2**128 - 1); Go fory.NewDecimal(2^128 - 1, 0): the same bytes
    both(u128::MAX, "01ff280041ffffffffffffffffffffffffffffffff");
    // pyfory decimal.Decimal(-2**127); Go fory.NewDecimal(-2^127, 0)
    both(i128::MIN, "01ff28004300000000000000000000000000000080");
    // Apache Fory Rust -1i128: INT128 (65) and 16 bytes, a type id no other peer knows.
    let err = Fory::default()
        .deserialize::<i128>(&unhex("01ff41ffffffffffffffffffffffffffffffff"))
        .unwrap_err();
    assert_eq!(err.offset(), Some(2), "{err}");
    assert!(err.to_string().contains("65"), "{err}");
    // pyfory decimal.Decimal(5.0): an integer at scale 1
    reads(5u128, "01ff2802c801");
    reads(5i128, "01ff2802c801");
    // Go uint64(7); pyfory -1
    reads(7u128, "01ff0e07");
    reads(-1i128, "01ff0701");
    // pyfory decimal.Decimal("1.5") is no integer; -1 is no u128.
    rejects::<i128>("01ff28023c", 3, &["fits i128", "1.5"]);
    rejects::<u128>("01ff0701", 3, &["fits u128", "-1"]);
    // pyfory decimal.Decimal(2**128 - 1) does not fit an i128
    rejects::<i128>(
        "01ff280041ffffffffffffffffffffffffffffffff",
        3,
        &["fits i128", "340282366920938463463374607431768211455"],
    );
}

#[test]
fn u128_and_i128_in_containers_and_at_the_bounds() {
    for v in [0u128, 1, (1 << 62) - 1, 1 << 62, u64::MAX.into(), u128::MAX] {
        round_trip(v);
    }
    for v in [
        i128::MIN,
        -(1 << 62),
        -1,
        0,
        (1 << 62) - 1,
        1 << 62,
        i128::MAX,
    ] {
        round_trip(v);
    }
    round_trip(vec![u128::MAX, 0]);
    round_trip(HashMap::from([
        ("min".to_string(), i128::MIN),
        ("max".to_string(), i128::MAX),
    ]));
    round_trip([i128::MIN, i128::MAX]);
}

// ---------------------------------------------------------------------------------------------
// char

#[test]
fn char_is_a_one_character_string() {
    // pyfory "é", "a" (Latin-1, as Java writes it too)
    both('é', "01ff1504e9");
    both('a', "01ff150461");
    // Go "é" (UTF-8), as Apache Fory Rust writes strings
    both_with(&utf8(), 'é', "01ff150ac3a9");
    reads('é', "01ff150ac3a9");
    // Go rune('é'): a VARINT32 code point
    reads('é', "01ff05d203");
    // pyfory "", "ab"
    rejects::<char>("01ff1500", 3, &["exactly one character", "0 characters"]);
    rejects::<char>(
        "01ff15086162",
        3,
        &["exactly one character", "2 characters"],
    );
    // Go rune(0xd800), rune(-1), rune(0x110000) (VARINT32): not Unicode scalar values
    rejects::<char>("01ff0580e006", 3, &["Unicode scalar", "0xd800"]);
    rejects::<char>("01ff0501", 3, &["Unicode scalar", "-1"]);
    rejects::<char>("01ff0580808801", 3, &["Unicode scalar", "0x110000"]);
}

#[test]
fn char_in_containers_and_at_the_bounds() {
    for c in ['\0', 'a', 'é', '\u{ffff}', '😀', char::MAX] {
        round_trip(c);
        round_trip_with(&utf8(), &c);
    }
    round_trip(vec!['a', char::MAX]);
    round_trip(BTreeMap::from([('k', 'v'), (char::MAX, '\0')]));
    round_trip(['x'; 2]);
}

// ---------------------------------------------------------------------------------------------
// BinaryHeap

/// A heap's elements in order, for comparison.
fn sorted<T: Ord>(heap: BinaryHeap<T>) -> Vec<T> {
    heap.into_sorted_vec()
}

#[test]
fn binary_heap_is_a_list() {
    // pyfory [3, 1, 2]; BinaryHeap::from(vec![3, 1, 2]) keeps that order inside.
    let heap = BinaryHeap::from(vec![3i64, 1, 2]);
    let fory = Fory::default();
    assert_eq!(hex(&fory.serialize(&heap).unwrap()), "01ff16030807060204");
    let bytes = unhex("01ff16030807060204");
    assert_eq!(
        sorted(fory.deserialize::<BinaryHeap<i64>>(&bytes).unwrap()),
        [1, 2, 3]
    );

    // Apache Fory Rust BinaryHeap::from(vec![3i32, 1, 2, 3]) writes a SET (17); we read it, and
    // write the same elements in the same order as a LIST (16).
    let apache = "01ff1704080506060402";
    let read = fory.deserialize::<BinaryHeap<i32>>(&unhex(apache)).unwrap();
    assert_eq!(sorted(read), [1, 2, 3, 3]);
    let ours = fory
        .serialize(&BinaryHeap::from(vec![3i32, 1, 2, 3]))
        .unwrap();
    assert_eq!(hex(&ours), "01ff1604080506060402");
    for cut in 0..apache.len() / 2 {
        assert!(fory
            .deserialize::<BinaryHeap<i32>>(&unhex(apache)[..cut])
            .is_err());
    }
    // Apache Fory Rust BinaryHeap::from(vec!["b", "a"]) (as Strings)
    let strings = utf8()
        .deserialize::<BinaryHeap<String>>(&unhex("01ff1702081506620661"))
        .unwrap();
    assert_eq!(sorted(strings), ["a", "b"]);
    // pyfory {}: a MAP is no heap
    rejects::<BinaryHeap<i32>>("01ff1800", 2, &["LIST"]);
}

#[test]
fn binary_heap_in_containers() {
    let fory = Fory::default();
    for value in [
        vec![BinaryHeap::from(vec![5u8, 5, 1]), BinaryHeap::new()],
        vec![BinaryHeap::from(vec![0u8])],
    ] {
        let bytes = fory.serialize(&value).unwrap();
        let back = fory.deserialize::<Vec<BinaryHeap<u8>>>(&bytes).unwrap();
        assert_eq!(
            back.into_iter().map(sorted).collect::<Vec<_>>(),
            value.into_iter().map(sorted).collect::<Vec<_>>()
        );
    }
    let map = BTreeMap::from([("k".to_string(), BinaryHeap::from(vec!['b', 'a', 'b']))]);
    let bytes = fory.serialize(&map).unwrap();
    let back = fory
        .deserialize::<BTreeMap<String, BinaryHeap<char>>>(&bytes)
        .unwrap();
    assert_eq!(sorted(back["k"].clone()), ['a', 'b', 'b']);
}

// ---------------------------------------------------------------------------------------------
// Tuples

type Tuple22 = (
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f32,
    f64,
    bool,
    String,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
);

fn tuple22() -> Tuple22 {
    (
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9.0,
        10.0,
        true,
        "x".into(),
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
    )
}

/// Apache Fory Rust `(1i8, 2i16, 3i32, 4i64, 5u8, 6u16, 7u32, 8u64, 9.0f32, 10.0f64, true,
/// "x".to_string(), 13i32, 14i32, ..., 22i32)`: a LIST of 22, header `00`, every element with
/// its type id.
const APACHE_TUPLE22: &str = "01ff16160002010302000506070809050a06000c070e08130000104114000000\
    00000024400101150678051a051c051e05200522052405260528052a052c";

#[test]
fn tuple_of_22_matches_apache_fory_rust() {
    let fory = utf8();
    assert_eq!(hex(&fory.serialize(&tuple22()).unwrap()), APACHE_TUPLE22);
    let bytes = unhex(APACHE_TUPLE22);
    let back: Tuple22 = fory.deserialize(&bytes).unwrap();
    assert_eq!((back.0, back.3, back.7, back.10), (1, 4, 8, true));
    assert_eq!(
        (back.8, back.9, &back.11, back.21),
        (9.0, 10.0, &"x".to_string(), 22)
    );
    assert_eq!(fory.serialize(&back).unwrap(), bytes);
    for cut in 0..bytes.len() {
        assert!(fory.deserialize::<Tuple22>(&bytes[..cut]).is_err());
    }
    // 22 elements are not a tuple of 21.
    type Tuple21 = (
        i8,
        i16,
        i32,
        i64,
        u8,
        u16,
        u32,
        u64,
        f32,
        f64,
        bool,
        String,
        i32,
        i32,
        i32,
        i32,
        i32,
        i32,
        i32,
        i32,
        i32,
    );
    let Err(err) = fory.deserialize::<Tuple21>(&bytes) else {
        panic!("22 elements read as a tuple of 21");
    };
    assert_eq!(err.offset(), Some(3), "{err}");
    assert!(
        err.to_string().contains("22 elements for a tuple of 21"),
        "{err}"
    );
}

#[test]
fn tuples_match_pyfory_and_round_trip() {
    // pyfory (1, "a"), (1, 2)
    both((1i64, "a".to_string()), "01ff1602000702150461");
    both((1i64, 2i64), "01ff160208070204");
    round_trip((1u8, 2u16, 3u32, 4u64, 5i8, 6i16, 7i32, 8i64, 9usize));
    round_trip((
        'a',
        1u128,
        -1i128,
        2usize,
        -2isize,
        "s".to_string(),
        vec![1i32],
        [2u8; 2],
        true,
        1.5f64,
        7i32,
        8i32,
    ));
    round_trip(vec![(1i32, 'a'), (2, 'b')]);
    round_trip(BTreeMap::from([(1i32, (usize::MAX, i128::MIN))]));
}

// ---------------------------------------------------------------------------------------------
// Box<[T]> and Box<str>

#[test]
fn boxed_slices_are_what_vecs_are() {
    // Apache Fory Rust vec![1i32, 2, 3, 4] (and [1i32, 2, 3, 4]): INT32_ARRAY
    both(
        Box::<[i32]>::from([1, 2, 3, 4]),
        "01ff2e1001000000020000000300000004000000",
    );
    // Apache Fory Rust [1u8, 2, 3]: BINARY
    both(Box::<[u8]>::from([1, 2, 3]), "01ff2903010203");
    // pyfory ["a", "b"]: LIST
    both(
        Box::<[String]>::from(["a".to_string(), "b".to_string()]),
        "01ff1602081504610462",
    );
    // pyfory "é"
    both(Box::<str>::from("é"), "01ff1504e9");
    round_trip(Box::<[i32]>::from([]));
    round_trip(Box::<[usize]>::from([usize::MAX]));
    round_trip(vec![Box::<str>::from("a"), Box::from("")]);
    round_trip(BTreeMap::from([(
        Box::<str>::from("k"),
        Box::<[char]>::from(['v']),
    )]));
}

// ---------------------------------------------------------------------------------------------
// [T; N]

#[test]
fn arrays_are_what_vecs_are() {
    // Apache Fory Rust [1i32, 2, 3, 4], [0i32; 0], [1u8, 2, 3], [0u8; 0]
    both([1i32, 2, 3, 4], "01ff2e1001000000020000000300000004000000");
    both([0i32; 0], "01ff2e00");
    both([1u8, 2, 3], "01ff2903010203");
    both([0u8; 0], "01ff2900");
    // Apache Fory Rust ["a", "b"] (as Strings), pyfory ["a", "b"]
    both_with(
        &utf8(),
        ["a".to_string(), "b".to_string()],
        "01ff1602081506610662",
    );
    both(["a".to_string(), "b".to_string()], "01ff1602081504610462");
    // pyfory []: an empty LIST is an empty array of any element type
    reads([0i64; 0], "01ff1600");
    reads::<[String; 0]>([], "01ff1600");
    // Apache Fory Rust vec![[1i32, 2], [3, 4]]
    both(
        vec![[1i32, 2], [3, 4]],
        "01ff1602082e080100000002000000080300000004000000",
    );
    // Apache Fory Rust HashMap::from([("k", [1i32, 2])]) (as a String key)
    both_with(
        &utf8(),
        HashMap::from([("k".to_string(), [1i32, 2])]),
        "01ff18010001152e066b080100000002000000",
    );
}

#[test]
fn an_array_of_the_wrong_length_is_an_error() {
    // Apache Fory Rust [1i32, 2, 3, 4] read as 3 and as 5 elements: the payload's offset, both
    // lengths.
    let four = "01ff2e1001000000020000000300000004000000";
    rejects::<[i32; 3]>(four, 3, &["4 elements for an array of 3"]);
    rejects::<[i32; 5]>(four, 3, &["4 elements for an array of 5"]);
    // pyfory ["a", "b"] as three Strings; Apache Fory Rust [1u8, 2, 3] as two bytes
    rejects::<[String; 3]>("01ff1602081504610462", 3, &["2 elements for an array of 3"]);
    rejects::<[u8; 2]>("01ff2903010203", 3, &["3 elements for an array of 2"]);
    // Inside a list: the offset of the element.
    rejects::<Vec<[i32; 1]>>(
        "01ff1602082e080100000002000000080300000004000000",
        6,
        &["2 elements for an array of 1"],
    );
}

#[test]
fn arrays_in_containers_and_at_the_bounds() {
    round_trip([[1i64, 2], [3, 4]]);
    round_trip([Some('a'), None]);
    round_trip(vec![[String::new(), "x".into()]]);
    round_trip(BTreeMap::from([([1u8, 2], [true, false])]));
    round_trip([usize::MAX, 0]);
    round_trip::<[Vec<i32>; 0]>([]);
}

// ---------------------------------------------------------------------------------------------
// Derived struct fields

/// The same declaration as the Apache Fory Rust struct of the frames below (its `ForyStruct`
/// derive, registered as 300; the frames' program declares the same fields).
#[derive(ForyObject, Debug, Default, PartialEq)]
struct Arrays {
    ints: [i32; 4],
    names: [String; 2],
    bytes: [u8; 3],
    empty: [i64; 0],
    pair: (i32, String),
}

fn arrays() -> Arrays {
    Arrays {
        ints: [1, 2, 3, 4],
        names: ["a".into(), "b".into()],
        bytes: [9, 8, 7],
        empty: [],
        pair: (7, "x".into()),
    }
}

/// Apache Fory Rust `Arrays { ints: [1, 2, 3, 4], names: ["a", "b"], bytes: [9, 8, 7], empty:
/// [], pair: (7, "x") }`, schema-consistent: the arrays are INT32_ARRAY, LIST, BINARY and
/// INT64_ARRAY fields, the tuple a LIST whose elements carry their types.
const APACHE_ARRAYS: &str = "01ff1bac0287cfceca03090807001001000000020000000300000004000000020c\
    066106620200050e150678";

/// The same value in compatible mode, with its TypeDef.
const APACHE_ARRAYS_COMPATIBLE: &str = "01ff1c002130ae4086f17c33c5ac024c29871324804c2f918f9e0048\
    2e21b3904c1654b40c24804816023c088803090807001001000000020000000300000004000000020c0661066202\
    00050e150678";

#[test]
fn array_and_tuple_fields_read_apache_fory_rusts_struct() {
    // Compatible mode: the TypeDef names each field's type, and we read the fields.
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Arrays>(300).unwrap();
    reads_with(&fory, arrays(), APACHE_ARRAYS_COMPATIBLE);
    // Schema-consistent mode: the fields are the bytes we write, but Apache Fory Rust's schema
    // hash (0xcacecf87) fingerprints `bytes` as `22,0,0[9,0,0]` (a LIST of UINT8, where it
    // writes BINARY) and `pair` as `22,0,0` (no element), where ours has `41,0,0` and
    // `22,0,0[0,0,0]`; the reader names both hashes.
    let mut fory = utf8_with(false);
    fory.register::<Arrays>(300).unwrap();
    let ours = fory.serialize(&arrays()).unwrap();
    let apache = unhex(APACHE_ARRAYS);
    assert_eq!(ours[..5], apache[..5]);
    assert_eq!(ours[9..], apache[9..]);
    let err = fory.deserialize::<Arrays>(&apache).unwrap_err();
    assert_eq!(err.offset(), Some(5), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("cacecf87") && text.contains("f3661d3c"),
        "{text}"
    );
}

/// Array fields Apache Fory Rust fingerprints as we do (registered as 302).
#[derive(ForyObject, Debug, Default, PartialEq)]
struct ArrayFields {
    ints: [i32; 4],
    names: [String; 2],
    empty: [i64; 0],
    sizes: Vec<[u16; 2]>,
}

#[test]
fn array_fields_match_apache_fory_rust() {
    let value = || ArrayFields {
        ints: [1, 2, 3, 4],
        names: ["a".into(), "b".into()],
        empty: [],
        sizes: vec![[1, 2]],
    };
    // Apache Fory Rust ArrayFields { ints: [1, 2, 3, 4], names: ["a", "b"], empty: [], sizes:
    // vec![[1, 2]] }, schema-consistent (hash 0xc63e96c4): INT32_ARRAY, LIST, INT64_ARRAY and a
    // LIST of UINT16_ARRAY.
    let mut fory = utf8_with(false);
    fory.register::<ArrayFields>(302).unwrap();
    both_with(
        &fory,
        value(),
        "01ff1bae02c4963ec6001001000000020000000300000004000000020c06610662010c0401000200",
    );
    // The same, compatible. Our TypeDef differs: we mark list elements nullable, as Java does.
    let mut fory = utf8_with(true);
    fory.register::<ArrayFields>(302).unwrap();
    reads_with(
        &fory,
        value(),
        "01ff1c001d20694e3505c15ec4ae024c2f918f9e00482e21b3904c1654b40c24804c16c401c9192480001001\
         000000020000000300000004000000020c06610662010c0401000200",
    );
}

fn utf8_with(compatible: bool) -> Fory {
    Fory::builder()
        .compatible(compatible)
        .string_rule(StringRule::Utf8)
        .build()
}

type Tuple12 = (
    char,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    u128,
    i128,
    usize,
);

/// Every type of this file as a field.
#[derive(ForyObject, Debug, Default)]
struct StdTypes {
    size: usize,
    signed_size: isize,
    big: u128,
    big_signed: i128,
    letter: char,
    heap: BinaryHeap<i32>,
    // Up to 12 fields: a derived struct needs `Default` for every field, which std implements
    // for tuples of up to 12 fields (and arrays of up to 32 elements).
    tuple: Tuple12,
    pair: (char, u128),
    boxed: Box<[i64]>,
    boxed_strings: Box<[String]>,
    text: Box<str>,
    ints: [i32; 3],
    bytes: [u8; 2],
    names: [String; 2],
    none: [u8; 0],
    sizes: Vec<usize>,
    letters: Vec<char>,
    by_letter: BTreeMap<char, i128>,
    maybe_size: Option<usize>,
    maybe_letter: Option<char>,
}

fn std_types() -> StdTypes {
    StdTypes {
        size: usize::MAX,
        signed_size: isize::MIN,
        big: u128::MAX,
        big_signed: i128::MIN,
        letter: char::MAX,
        heap: BinaryHeap::from(vec![2, 7, 2]),
        tuple: ('t', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, usize::MAX),
        pair: ('é', 1 << 100),
        boxed: Box::from([1, -1]),
        boxed_strings: Box::from(["s".to_string()]),
        text: Box::from("text"),
        ints: [1, 2, 3],
        bytes: [0, 255],
        names: ["a".into(), "é".into()],
        none: [],
        sizes: vec![0, usize::MAX],
        letters: vec!['a', '😀'],
        by_letter: BTreeMap::from([('a', i128::MAX)]),
        maybe_size: Some(3),
        maybe_letter: None,
    }
}

/// The fields of a [`StdTypes`] in comparable form (a heap has no `PartialEq`, a 22-tuple
/// neither).
fn fields(v: StdTypes) -> String {
    let heap = v.heap.into_sorted_vec();
    format!(
        "{:?}",
        (
            (v.size, v.signed_size, v.big, v.big_signed, v.letter, heap),
            (v.tuple, v.pair, v.boxed, v.boxed_strings, v.text),
            (
                v.ints,
                v.bytes,
                v.names,
                v.none,
                v.sizes,
                v.letters,
                v.by_letter
            ),
            (v.maybe_size, v.maybe_letter),
        )
    )
}

#[test]
fn std_type_fields_round_trip_in_both_modes() {
    for compatible in [false, true] {
        for ref_tracking in [false, true] {
            let mut fory = Fory::builder()
                .compatible(compatible)
                .ref_tracking(ref_tracking)
                .build();
            fory.register::<StdTypes>(1).unwrap();
            let bytes = fory.serialize(&std_types()).unwrap();
            let back = fory.deserialize::<StdTypes>(&bytes).unwrap();
            assert_eq!(
                fields(back),
                fields(std_types()),
                "{compatible} {ref_tracking}"
            );
            for cut in [0, bytes.len() / 2, bytes.len() - 1] {
                assert!(fory.deserialize::<StdTypes>(&bytes[..cut]).is_err());
            }
        }
    }
}

/// Apache Fory Rust's `struct Heaped { heap: BinaryHeap<i32>, n: i32 }` (registered as 301).
#[derive(ForyObject, Debug, Default)]
struct Heaped {
    heap: BinaryHeap<i32>,
    n: i32,
}

#[test]
fn a_heap_field_reads_apache_fory_rusts_set_in_compatible_mode() {
    // Apache Fory Rust Heaped { heap: BinaryHeap::from(vec![1, 5, 5]), n: 3 }, compatible: its
    // TypeDef declares the field a SET.
    let frame = "01ff1c000cc09d74a738e022c2ad024005344817141c807806030c0a0a02";
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Heaped>(301).unwrap();
    let back = fory.deserialize::<Heaped>(&unhex(frame)).unwrap();
    assert_eq!((back.heap.into_sorted_vec(), back.n), (vec![1, 5, 5], 3));
}

/// Pointer-sized integers among other scalar fields.
#[derive(ForyObject, Debug, Default, PartialEq)]
struct Sizes {
    a: i64,
    b: usize,
    c: i32,
    d: isize,
    e: u8,
    f: Option<usize>,
}

/// [`Sizes`] as a Java class with `long` fields would declare it (`b` a Go `uint64`).
#[derive(ForyObject, Debug, Default, PartialEq)]
struct Longs {
    a: i64,
    b: u64,
    c: i32,
    d: i64,
    e: u8,
    f: Option<u64>,
}

#[test]
fn pointer_sized_fields_are_64_bit_fields() {
    for compatible in [false, true] {
        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register::<Sizes>(7).unwrap();
        let mut longs = Fory::builder().compatible(compatible).build();
        longs.register::<Longs>(7).unwrap();
        let sizes = Sizes {
            a: -1,
            b: usize::MAX,
            c: 2,
            d: isize::MIN,
            e: 3,
            f: Some(4),
        };
        let bytes = fory.serialize(&sizes).unwrap();
        // The same bytes, schema hash and TypeDef included, as the u64 / i64 declaration.
        let as_longs = Longs {
            a: -1,
            b: u64::MAX,
            c: 2,
            d: i64::MIN,
            e: 3,
            f: Some(4),
        };
        assert_eq!(bytes, longs.serialize(&as_longs).unwrap(), "{compatible}");
        assert_eq!(fory.deserialize::<Sizes>(&bytes).unwrap(), sizes);
        assert_eq!(longs.deserialize::<Longs>(&bytes).unwrap(), as_longs);
    }
}

/// A schema with 64-bit integer fields, as a Java class with `long` fields declares it.
#[derive(ForyObject, Debug, Default, PartialEq)]
struct Narrow {
    small: i64,
    big: u64,
    amount: i32,
}

/// [`Narrow`]'s fields widened to 128 bits and a decimal.
#[derive(ForyObject, Debug, Default, PartialEq)]
struct Wide {
    small: i128,
    big: u128,
    // `Decimal` has no `Default`, which a derived field needs.
    amount: Option<fory_core::types::Decimal>,
}

#[test]
fn wide_fields_read_a_peers_integer_fields_in_compatible_mode() {
    let mut writer = Fory::builder().compatible(true).build();
    writer.register::<Narrow>(9).unwrap();
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<Wide>(9).unwrap();
    let bytes = writer
        .serialize(&Narrow {
            small: i64::MIN,
            big: u64::MAX,
            amount: -5,
        })
        .unwrap();
    assert_eq!(
        reader.deserialize::<Wide>(&bytes).unwrap(),
        Wide {
            small: i64::MIN.into(),
            big: u64::MAX.into(),
            amount: Some(fory_core::types::Decimal::from_i128_scale(-5, 0)),
        }
    );
}

/// Decodes every one-byte corruption of `frame` as `T`: errors are fine, panics are not.
fn survives_corruption<T: for<'de> Deserialize<'de>>(frame: &str) {
    let fory = Fory::default();
    let bytes = unhex(frame);
    for i in 0..bytes.len() {
        for b in [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff] {
            let mut bad = bytes.clone();
            bad[i] = b;
            let _ = fory.deserialize::<T>(&bad);
        }
    }
}

#[test]
fn corrupted_frames_are_errors_not_panics() {
    survives_corruption::<usize>("01ff0effffffffffffffffff");
    survives_corruption::<Vec<isize>>("01ff2f10ffffffffffffffff0200000000000000");
    survives_corruption::<u128>("01ff280041ffffffffffffffffffffffffffffffff");
    survives_corruption::<i128>("01ff2802c801");
    survives_corruption::<char>("01ff150ac3a9");
    survives_corruption::<BinaryHeap<i32>>("01ff1704080506060402");
    survives_corruption::<Tuple22>(APACHE_TUPLE22);
    survives_corruption::<Box<[String]>>("01ff1602081504610462");
    survives_corruption::<Box<str>>("01ff1504e9");
    survives_corruption::<[i32; 4]>("01ff2e1001000000020000000300000004000000");
    survives_corruption::<Vec<[i32; 2]>>("01ff1602082e080100000002000000080300000004000000");
}

/// A tuple of 22 fields.
type Wide22 = (
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
    i8,
);

/// Neither a 22-tuple nor a 40-element array implements `Default`; a derived struct takes them
/// as fields in both modes all the same.
#[derive(ForyObject)]
struct WideFields {
    wide: Wide22,
    long: [i32; 40],
}

#[test]
fn tuples_and_arrays_without_default_are_struct_fields() {
    for compatible in [false, true] {
        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register::<WideFields>(1).unwrap();
        let value = WideFields {
            wide: (
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
            ),
            long: std::array::from_fn(|i| i as i32 - 20),
        };
        let back: WideFields = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!((back.wide.0, back.wide.11, back.wide.21), (1, 12, 22));
        assert_eq!(back.long, value.long);
    }
}

/// pyfory writes `array.array('B', [1, 255])` and a uint8 numpy array as UINT8_ARRAY (`30`), whose
/// payload is BINARY's: every owned byte container reads it, as the borrowed ones do.
#[test]
fn byte_containers_read_a_uint8_array() {
    let fory = Fory::default();
    let bytes = [0x01, 0xff, 0x30, 0x02, 0x01, 0xff];
    assert_eq!(fory.deserialize::<Vec<u8>>(&bytes).unwrap(), [1, 255]);
    assert_eq!(fory.deserialize::<[u8; 2]>(&bytes).unwrap(), [1, 255]);
    assert_eq!(*fory.deserialize::<Box<[u8]>>(&bytes).unwrap(), [1, 255]);
    assert_eq!(fory.deserialize::<&[u8]>(&bytes).unwrap(), [1, 255]);
    // A truncated one is still an error at the payload.
    let err = fory.deserialize::<Vec<u8>>(&bytes[..5]).unwrap_err();
    assert!(err.to_string().contains("at byte 4"), "{err}");
}
