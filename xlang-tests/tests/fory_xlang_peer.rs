//! Runs the `fory-xlang-peer` binary on payloads made by fory-core itself, the way Apache
//! Fory's Java suite runs it: the case name as argument, `DATA_FILE` naming a file that the peer
//! reads and rewrites. No Java needed.

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::process::{Command, Output};

use fory_core::types::Decimal;
use fory_core::{Fory, ForyObject, Writer};

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Default)]
enum Color {
    #[default]
    Green,
    Red,
    Blue,
    White,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Item {
    name: String,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct SimpleStruct {
    f1: BTreeMap<i32, f64>,
    f2: i32,
    f3: Item,
    f4: String,
    f5: Color,
    f6: Vec<String>,
    f7: i32,
    f8: i32,
    last: i32,
}

/// Java's `XlangCompatibleInt32ArrayField`: tag 1, an INT32_ARRAY.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int32ArrayField {
    #[fory(id = 1)]
    values: Vec<i32>,
}

/// Java's `XlangCompatibleNullableInt32ListField`: tag 1, a LIST of nullable VARINT32.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct NullableInt32ListField {
    #[fory(id = 1)]
    values: VecDeque<Option<i32>>,
}

/// A data file in the test's own temporary directory, removed when dropped.
struct DataFile(PathBuf);

impl DataFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let dir = std::env::temp_dir().join(format!("fory-xlang-peer-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        DataFile(path)
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.0).unwrap()
    }
}

impl Drop for DataFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn peer(case: &str, data: Option<&DataFile>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fory-xlang-peer"));
    cmd.arg(case).env_remove("DATA_FILE");
    if let Some(data) = data {
        cmd.env("DATA_FILE", &data.0);
    }
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `case` on `input` and returns the rewritten file, asserting success.
fn round_trip(case: &str, input: &[u8]) -> Vec<u8> {
    let data = DataFile::new(case, input);
    let out = peer(case, Some(&data));
    assert!(out.status.success(), "{case}: {}", stderr(&out));
    data.bytes()
}

/// Several payloads back to back, as the Java driver writes them.
fn payloads(parts: &[Vec<u8>]) -> Vec<u8> {
    parts.concat()
}

#[test]
fn strings_round_trip_byte_for_byte() {
    let fory = Fory::builder().compatible(true).build();
    let strings = [
        "ab",
        "Rust123",
        "Çüéâäàåçêëèïî",
        "こんにちは",
        "Привет",
        "𝄞🎵🎶",
        "Hello, 世界",
    ];
    let input = payloads(
        &strings
            .iter()
            .map(|s| fory.serialize(&s.to_string()).unwrap())
            .collect::<Vec<_>>(),
    );
    assert_eq!(round_trip("test_string_serializer", &input), input);
}

#[test]
fn decimals_round_trip_byte_for_byte() {
    let fory = Fory::builder().compatible(true).build();
    let values = [
        "0",
        "0.000",
        "1",
        "-1",
        "123.45",
        "9223372036854775807",
        "-9223372036854775808",
        "4611686018427387903",
        "-4611686018427387904",
        "9223372036854775808",
        "-9223372036854775809",
        "12.3456789012345678901234567890123456789",
        "-1.23456789012345678901234567890123456789E+55",
    ];
    let input = payloads(
        &values
            .iter()
            .map(|v| fory.serialize(&v.parse::<Decimal>().unwrap()).unwrap())
            .collect::<Vec<_>>(),
    );
    assert_eq!(round_trip("test_decimal", &input), input);
}

#[test]
fn lists_with_nulls_and_structs_round_trip_byte_for_byte() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Item>(102).unwrap();
    let item = |name: &str| Some(Item { name: name.into() });
    let input = payloads(&[
        fory.serialize(&vec![Some("a".to_string()), Some("b".to_string())])
            .unwrap(),
        fory.serialize(&vec![None, Some("b".to_string())]).unwrap(),
        fory.serialize(&vec![item("a"), item("b")]).unwrap(),
        fory.serialize(&vec![None, item("c")]).unwrap(),
    ]);
    assert_eq!(round_trip("test_list", &input), input);
}

#[test]
fn simple_struct_round_trips_by_id_and_by_name() {
    let value = SimpleStruct {
        f1: BTreeMap::from([(1, 1.0), (2, 2.0)]),
        f2: 39,
        f3: Item {
            name: "item".into(),
        },
        f4: "f4".into(),
        f5: Color::White,
        f6: vec!["f6".into()],
        f7: 40,
        f8: 41,
        last: 42,
    };
    let mut by_id = Fory::builder().compatible(true).build();
    by_id.register::<Color>(101).unwrap();
    by_id.register::<Item>(102).unwrap();
    by_id.register::<SimpleStruct>(103).unwrap();
    let input = by_id.serialize(&value).unwrap();
    let output = round_trip("test_simple_struct", &input);
    assert_eq!(by_id.deserialize::<SimpleStruct>(&output).unwrap(), value);
    assert_eq!(output, input);

    let mut by_name = Fory::builder().compatible(true).build();
    by_name.register_by_name::<Color>("demo", "color").unwrap();
    by_name.register_by_name::<Item>("demo", "item").unwrap();
    by_name
        .register_by_name::<SimpleStruct>("demo", "simple_struct")
        .unwrap();
    let input = by_name.serialize(&value).unwrap();
    let output = round_trip("test_named_simple_struct", &input);
    assert_eq!(by_name.deserialize::<SimpleStruct>(&output).unwrap(), value);
}

#[test]
fn raw_buffers_round_trip_and_hashes_are_checked() {
    let mut w = Writer::new();
    w.write_bool(true);
    w.write_i8(i8::MAX);
    w.write_i16(i16::MAX);
    w.write_i32(i32::MAX);
    w.write_i64(i64::MAX);
    w.write_f32(-1.1);
    w.write_f64(-1.1);
    w.write_varuint32(100);
    w.write_i32(2);
    w.write_bytes(b"ab");
    let input = w.into_inner();
    assert_eq!(round_trip("test_buffer", &input), input);

    let (h1, h2) = fory_core::meta::murmur3::murmurhash3_x64_128(&[1, 2, 8], 47);
    let mut w = Writer::new();
    w.write_u64(h1);
    w.write_u64(h2);
    let input = w.into_inner();
    assert_eq!(round_trip("test_murmurhash3", &input), input);

    let mut wrong = input.clone();
    wrong[0] ^= 1;
    let data = DataFile::new("murmur-wrong", &wrong);
    let out = peer("test_murmurhash3", Some(&data));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("MurmurHash3"), "{}", stderr(&out));
}

#[test]
fn a_list_with_a_null_is_rejected_as_an_int32_array_and_left_alone() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<NullableInt32ListField>(901).unwrap();
    let input = fory
        .serialize(&NullableInt32ListField {
            values: VecDeque::from([Some(1), None, Some(3)]),
        })
        .unwrap();
    let case = "test_list_array_compatible_nullable_list_to_array_error";
    assert_eq!(round_trip(case, &input), input);

    let mut arrays = Fory::builder().compatible(true).build();
    arrays.register::<Int32ArrayField>(901).unwrap();
    let input = arrays
        .serialize(&Int32ArrayField {
            values: vec![1, 2, 3],
        })
        .unwrap();
    let out = peer(case, Some(&DataFile::new("not-an-error", &input)));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn decoding_errors_exit_1_with_the_offset() {
    let fory = Fory::builder().compatible(true).build();
    let mut input = fory.serialize(&"ab".to_string()).unwrap();
    let second = fory.serialize(&"Rust123".to_string()).unwrap();
    let first_len = input.len();
    input.extend_from_slice(&second[..second.len() - 2]);
    let data = DataFile::new("truncated", &input);
    let out = peer("test_string_serializer", Some(&data));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("payload #1 (starting at byte {first_len})")),
        "{err}"
    );
    assert!(err.contains("at byte"), "{err}");
    assert_eq!(data.bytes(), input, "a failed case leaves the file alone");
}

#[test]
fn unknown_cases_and_a_missing_data_file_exit_2() {
    let data = DataFile::new("unknown", &[]);
    let out = peer("test_no_such_case", Some(&data));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown case"), "{}", stderr(&out));

    let out = peer("test_simple_struct", None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("DATA_FILE"), "{}", stderr(&out));
}

#[test]
fn every_listed_case_is_known() {
    let out = Command::new(env!("CARGO_BIN_EXE_fory-xlang-peer"))
        .arg("--list")
        .output()
        .unwrap();
    assert!(out.status.success());
    let listing = String::from_utf8(out.stdout).unwrap();
    for case in [
        "test_simple_struct",
        "test_nullable_field_compatible_null",
        "test_list_array_compatible_list_to_array",
        "test_list_array_compatible_array_to_list",
        "test_skip_name_custom",
    ] {
        assert!(listing.lines().any(|l| l == case), "{case} not listed");
    }
    assert!(!listing.contains("unsupported"), "{listing}");
}
