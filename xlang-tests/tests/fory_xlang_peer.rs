//! Runs the `fory-xlang-peer` binary on payloads made by fory-core itself, and on payloads the
//! Java suite sent (`golden-java-suite/`), the way Apache Fory's Java suite runs it: the case
//! name as argument, `DATA_FILE` naming a file that the peer reads and rewrites. No Java needed.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
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

/// Java's `XlangCompatibleInt32ListField`: tag 1, a LIST of VARINT32 read as `VecDeque<i32>`
/// (a LIST of fixed INT32 reads into it too, by the TypeDef's element type).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int32ListField {
    #[fory(id = 1)]
    values: VecDeque<i32>,
}

/// Java's `XlangCompatibleInt32ListField` exactly: tag 1, a LIST of fixed INT32 elements.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct FixedInt32ListField {
    #[fory(id = 1)]
    values: Vec<FixedI32>,
}

/// Java's `NullableComprehensiveCompatible` as Java declares it: `@Nullable` fields are
/// `Option`s, every other field is not nullable.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct NullableComprehensive {
    byte_field: i8,
    short_field: i16,
    int_field: i32,
    long_field: i64,
    float_field: f32,
    double_field: f64,
    bool_field: bool,
    boxed_int: i32,
    boxed_long: i64,
    boxed_float: f32,
    boxed_double: f64,
    boxed_bool: bool,
    string_field: String,
    list_field: Vec<String>,
    set_field: BTreeSet<String>,
    map_field: BTreeMap<String, String>,
    nullable_int1: Option<i32>,
    nullable_long1: Option<i64>,
    nullable_float1: Option<f32>,
    nullable_double1: Option<f64>,
    nullable_bool1: Option<bool>,
    nullable_string2: Option<String>,
    nullable_list2: Option<Vec<String>>,
    nullable_set2: Option<BTreeSet<String>>,
    nullable_map2: Option<BTreeMap<String, String>>,
}

/// What `test_nullable_field_compatible_null` sends: the nullable fields all null.
fn nullable_comprehensive_with_nulls() -> NullableComprehensive {
    NullableComprehensive {
        byte_field: 1,
        short_field: 2,
        int_field: 42,
        long_field: 123_456_789,
        float_field: 1.5,
        double_field: 2.5,
        bool_field: true,
        boxed_int: 10,
        boxed_long: 20,
        boxed_float: 1.1,
        boxed_double: 2.2,
        boxed_bool: true,
        string_field: "hello".into(),
        list_field: vec!["a".into(), "b".into(), "c".into()],
        set_field: BTreeSet::from(["x".into(), "y".into()]),
        map_field: BTreeMap::from([
            ("key1".into(), "value1".into()),
            ("key2".into(), "value2".into()),
        ]),
        ..NullableComprehensive::default()
    }
}

/// What the suite expects back: the peer's non-nullable fields send defaults, not nulls.
fn nullable_comprehensive_with_defaults() -> NullableComprehensive {
    NullableComprehensive {
        nullable_int1: Some(0),
        nullable_long1: Some(0),
        nullable_float1: Some(0.0),
        nullable_double1: Some(0.0),
        nullable_bool1: Some(false),
        nullable_string2: Some(String::new()),
        nullable_list2: Some(vec![]),
        nullable_set2: Some(BTreeSet::new()),
        nullable_map2: Some(BTreeMap::new()),
        ..nullable_comprehensive_with_nulls()
    }
}

// The peer's own `MyExt`, the suite's type with a custom serializer (EXT / NAMED_EXT).
#[allow(dead_code)]
#[path = "../src/bin/fory_xlang_peer/wire.rs"]
mod wire;
use wire::{FixedI32, MyExt};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MyStruct {
    id: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MyWrapper {
    color: Color,
    my_ext: MyExt,
    my_struct: MyStruct,
}

/// A `Fory` in compatible mode with `T` registered as 901, the id of the list / array cases.
fn fory_901<T: fory_core::Registrable>() -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<T>(901).unwrap();
    fory
}

/// The types of `test_skip_name_custom`, registered by name.
fn skip_name_fory() -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register_by_name::<Color>("", "color").unwrap();
    fory.register_by_name::<MyStruct>("", "my_struct").unwrap();
    fory.register_by_name::<MyExt>("", "my_ext").unwrap();
    fory.register_by_name::<MyWrapper>("", "my_wrapper")
        .unwrap();
    fory
}

/// A payload the Java suite sent to the peer, from `golden-java-suite/`.
fn java_golden(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("golden-java-suite")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A data file in the test's own temporary directory, removed when dropped.
struct DataFile(PathBuf);

impl DataFile {
    /// A file of its own, even for tests that run the same case at the same time.
    fn new(name: &str, bytes: &[u8]) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("fory-xlang-peer-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!("{name}.{n}"));
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

    let (h1, h2) = fory_core::__private::meta::murmur3::murmurhash3_x64_128(&[1, 2, 8], 47);
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

// ---------------------------------------------------------------------------------------------
// Lists read as arrays and arrays read as lists (compatible mode, both structs registered as 901).
// ---------------------------------------------------------------------------------------------

#[test]
fn a_list_reply_to_a_list_is_an_int32_array() {
    let array = fory_901::<Int32ArrayField>();
    for values in [vec![1, -2, 3], vec![]] {
        let expected = array
            .serialize(&Int32ArrayField {
                values: values.clone(),
            })
            .unwrap();
        let fixed = fory_901::<FixedInt32ListField>()
            .serialize(&FixedInt32ListField {
                values: values.iter().copied().map(FixedI32).collect(),
            })
            .unwrap();
        let nullable = fory_901::<NullableInt32ListField>()
            .serialize(&NullableInt32ListField {
                values: values.iter().copied().map(Some).collect(),
            })
            .unwrap();
        for input in [fixed, nullable] {
            let output = round_trip("test_list_array_compatible_list_to_array", &input);
            assert_eq!(output, expected, "{values:?}");
        }
    }
}

#[test]
fn an_array_reply_to_an_array_is_a_list_of_fixed_int32() {
    for values in [vec![4, 5, 6], vec![]] {
        let input = fory_901::<Int32ArrayField>()
            .serialize(&Int32ArrayField {
                values: values.clone(),
            })
            .unwrap();
        let output = round_trip("test_list_array_compatible_array_to_list", &input);
        let list = FixedInt32ListField {
            values: values.iter().copied().map(FixedI32).collect(),
        };
        assert_eq!(
            output,
            fory_901::<FixedInt32ListField>().serialize(&list).unwrap()
        );
        let back: Int32ArrayField = fory_901::<Int32ArrayField>().deserialize(&output).unwrap();
        assert_eq!(back.values, values);
    }
}

/// The payloads Java sent for the list / array cases (see `golden-java-suite/README.md`): what
/// fory-core reads in them, and what the peer answers.
#[test]
fn java_lists_become_arrays_and_arrays_lists() {
    let array = fory_901::<Int32ArrayField>();
    let fixed_list = fory_901::<FixedInt32ListField>();
    let list = fory_901::<Int32ListField>();
    for (file, values) in [
        ("list_to_array.int32_list.bin", vec![1, -2, 3]),
        ("list_to_array.int32_list_empty.bin", vec![]),
        ("list_to_array.nullable_int32_list.bin", vec![1, 2, 3]),
    ] {
        let input = java_golden(file);
        let read: Int32ArrayField = array.deserialize(&input).unwrap();
        assert_eq!(read.values, values, "{file}");
        let read: Int32ListField = list.deserialize(&input).unwrap();
        assert_eq!(Vec::from(read.values), values, "{file}");
        let output = round_trip("test_list_array_compatible_list_to_array", &input);
        let expected = array
            .serialize(&Int32ArrayField {
                values: values.clone(),
            })
            .unwrap();
        assert_eq!(output, expected, "{file}");
    }
    // Java's list of fixed INT32 elements reads as the peer's own list type, element for element.
    let read: FixedInt32ListField = fixed_list
        .deserialize(&java_golden("list_to_array.int32_list.bin"))
        .unwrap();
    assert_eq!(read.values, [FixedI32(1), FixedI32(-2), FixedI32(3)]);

    for (file, values) in [
        ("array_to_list.int32_array.bin", vec![4, 5, 6]),
        ("array_to_list.int32_array_empty.bin", vec![]),
    ] {
        let input = java_golden(file);
        assert_eq!(
            input,
            array
                .serialize(&Int32ArrayField {
                    values: values.clone()
                })
                .unwrap(),
            "{file}: fory-core writes Java's int[] struct byte for byte"
        );
        let read: Int32ListField = list.deserialize(&input).unwrap();
        assert_eq!(Vec::from(read.values), values, "{file}");
        let output = round_trip("test_list_array_compatible_array_to_list", &input);
        let expected = FixedInt32ListField {
            values: values.iter().copied().map(FixedI32).collect(),
        };
        assert_eq!(
            fixed_list
                .deserialize::<FixedInt32ListField>(&output)
                .unwrap(),
            expected
        );
        assert_eq!(output, fixed_list.serialize(&expected).unwrap(), "{file}");
    }
}

#[test]
fn a_java_list_with_a_null_is_no_int32_array() {
    let input = java_golden("nullable_list_to_array_error.nullable_int32_list_with_null.bin");
    let read: NullableInt32ListField = fory_901::<NullableInt32ListField>()
        .deserialize(&input)
        .unwrap();
    assert_eq!(read.values, [Some(1), None, Some(3)]);
    let err = fory_901::<Int32ArrayField>()
        .deserialize::<Int32ArrayField>(&input)
        .unwrap_err();
    assert!(err.to_string().contains("non-null"), "{err}");
    let case = "test_list_array_compatible_nullable_list_to_array_error";
    assert_eq!(round_trip(case, &input), input);
}

// ---------------------------------------------------------------------------------------------
// Nulls into non-nullable fields, and by-name custom types.
// ---------------------------------------------------------------------------------------------

#[test]
fn nulls_come_back_as_default_values() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<NullableComprehensive>(402).unwrap();
    let java = java_golden("nullable_field_compatible_null.bin");
    assert_eq!(
        fory.deserialize::<NullableComprehensive>(&java).unwrap(),
        nullable_comprehensive_with_nulls()
    );
    let ours = fory
        .serialize(&nullable_comprehensive_with_nulls())
        .unwrap();
    for input in [java, ours] {
        let output = round_trip("test_nullable_field_compatible_null", &input);
        assert_eq!(
            fory.deserialize::<NullableComprehensive>(&output).unwrap(),
            nullable_comprehensive_with_defaults()
        );
    }
}

#[test]
fn a_wrapper_of_by_name_custom_types_round_trips() {
    let fory = skip_name_fory();
    let value = MyWrapper {
        color: Color::White,
        my_ext: MyExt { id: 43 },
        my_struct: MyStruct { id: 42 },
    };
    let input = fory.serialize(&value).unwrap();
    assert_eq!(round_trip("test_skip_name_custom", &input), input);

    let output = round_trip(
        "test_skip_name_custom",
        &java_golden("skip_name_custom.bin"),
    );
    assert_eq!(fory.deserialize::<MyWrapper>(&output).unwrap(), value);
}
