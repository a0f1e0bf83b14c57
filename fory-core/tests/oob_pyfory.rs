//! Out-of-band payloads in pyfory's form: what pyfory 1.6.0 and 1.7.7 write with a
//! `buffer_callback` (measured; the two write the same bytes, spec/divergences.md), written
//! byte for byte under `OobArrayForm::Pyfory` and read under both settings; the rules for the
//! bytes the two forms share, and the errors where they cannot be told apart.

mod common;

use common::{hex, unhex};
use fory_core::oob::{AllOutOfBand, BufferObject, OobArrayForm};
use fory_core::types::TypeId;
use fory_core::{Deserialize, Fory, ForyObject, Serialize, Value};

const F: &str = "000000000000f83f00000000000000c0"; // 1.5, -2.0 as little-endian f64
const I: &str = "01000000ffffffff"; // 1, -1 as little-endian i32

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Rec {
    data: Vec<u8>,
    values: Vec<f64>,
}

fn with_form(form: OobArrayForm) -> Fory {
    let mut fory = Fory::builder()
        .compatible(false)
        .oob_array_form(form)
        .build();
    fory.register::<Rec>(300).unwrap();
    fory
}

fn pyfory() -> Fory {
    with_form(OobArrayForm::Pyfory)
}

fn java() -> Fory {
    with_form(OobArrayForm::Java)
}

fn all_in_band(_: &BufferObject<'_>) -> bool {
    true
}

/// out-of-band, in-band, out-of-band, ...
fn alternating() -> impl FnMut(&BufferObject<'_>) -> bool {
    let mut n = 0;
    move |_| {
        n += 1;
        n % 2 == 0
    }
}

/// `main` (spaced hex) and the buffers, as bytes.
fn frame(main: &str, buffers: &[&str]) -> (Vec<u8>, Vec<Vec<u8>>) {
    (
        unhex(&main.replace(' ', "")),
        buffers.iter().map(|b| unhex(&b.replace(' ', ""))).collect(),
    )
}

fn read<T: for<'de> Deserialize<'de>>(
    fory: &Fory,
    main: &str,
    buffers: &[&str],
) -> fory_core::Result<T> {
    let (main, buffers) = frame(main, buffers);
    let slices: Vec<&[u8]> = buffers.iter().map(Vec::as_slice).collect();
    fory.deserialize_with_buffers(&main, &slices)
}

/// Under `OobArrayForm::Pyfory` our frames for `value` under the three callbacks equal
/// pyfory's, and both settings read pyfory's frames back to `value`.
fn check<T>(value: &T, python: [(&str, &[&str]); 3])
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    let fory = pyfory();
    let frames = [
        fory.serialize_with_callback(value, all_in_band).unwrap(),
        fory.serialize_with_callback(value, AllOutOfBand).unwrap(),
        fory.serialize_with_callback(value, alternating()).unwrap(),
    ];
    for (ours, (main, buffers)) in frames.iter().zip(python) {
        assert_eq!(hex(&ours.main), main.replace(' ', ""), "{value:?}");
        let ours: Vec<String> = ours.buffers.iter().map(|b| hex(b.as_bytes())).collect();
        let theirs: Vec<String> = buffers.iter().map(|b| b.replace(' ', "")).collect();
        assert_eq!(ours, theirs, "{value:?}");
        for reader in [pyfory(), java()] {
            let back: T = read(&reader, main, buffers).unwrap();
            assert_eq!(&back, value, "{main}");
        }
    }
}

#[test]
fn binary_is_the_same_in_both_forms() {
    check(
        &vec![1u8, 2, 3],
        [
            ("03 ff 29 01 03 010203", &[]),
            ("03 ff 29 00", &["010203"]),
            ("03 ff 29 00", &["010203"]),
        ],
    );
}

#[test]
fn numeric_arrays_stay_plain_and_in_band_whatever_the_callback() {
    let int32 = format!("03 ff 2e 08 {I}");
    let ints = int32.as_str();
    check(&vec![1i32, -1], [(ints, &[]), (ints, &[]), (ints, &[])]);
    let float64 = format!("03 ff 38 10 {F}");
    let floats = float64.as_str();
    check(
        &vec![1.5f64, -2.0],
        [(floats, &[]), (floats, &[]), (floats, &[])],
    );
}

#[test]
fn struct_with_binary_and_array_fields() {
    let in_band = format!("03 ff 1b ac02 77ee1020 01 03 010203 10 {F}");
    let out = format!("03 ff 1b ac02 77ee1020 00 10 {F}");
    let value = Rec {
        data: vec![1, 2, 3],
        values: vec![1.5, -2.0],
    };
    check(
        &value,
        [
            (in_band.as_str(), &[]),
            (out.as_str(), &["010203"]),
            // The array is never met by the callback: the binary is its first buffer.
            (out.as_str(), &["010203"]),
        ],
    );
}

/// pyfory's list `[b"\x01\x02\x03", numpy.array([1.5, -2.0])]` with every buffer out-of-band.
#[test]
fn a_dynamic_list_of_a_binary_and_a_numpy_array() {
    let value = Value::List(vec![
        Value::Binary(vec![1, 2, 3]),
        Value::Float64Array(vec![1.5, -2.0]),
    ]);
    let main = format!("03 ff 16 02 00 29 00 38 10 {F}");
    for reader in [pyfory(), java()] {
        let back: Value = read(&reader, &main, &["010203"]).unwrap();
        assert_eq!(back, value);
    }
    let fory = pyfory();
    let ours = fory.serialize_with_callback(&value, AllOutOfBand).unwrap();
    let (theirs, buffers) = frame(&main, &["010203"]);
    assert_eq!(hex(&ours.main), hex(&theirs));
    assert_eq!(ours.buffer_slices(), [buffers[0].as_slice()]);
}

#[test]
fn only_binary_payloads_reach_the_callback() {
    let mut seen = Vec::new();
    let value = Value::List(vec![
        Value::Binary(vec![9; 5]),
        Value::Float64Array(vec![0.0; 3]),
        Value::UInt8Array(vec![7; 2]),
    ]);
    let fory = pyfory();
    let sent = fory
        .serialize_with_callback(&value, |b: &BufferObject<'_>| {
            seen.push((b.type_id(), b.total_bytes()));
            false
        })
        .unwrap()
        .buffers
        .len();
    assert_eq!(seen, [(TypeId::Binary, 5)]);
    assert_eq!(sent, 1);
    // Java's form asks about every array, UINT8_ARRAY under its own type id.
    seen.clear();
    java()
        .serialize_with_callback(&value, |b: &BufferObject<'_>| {
            seen.push((b.type_id(), b.total_bytes()));
            true
        })
        .unwrap();
    assert_eq!(
        seen,
        [
            (TypeId::Binary, 5),
            (TypeId::Float64Array, 24),
            (TypeId::Uint8Array, 2)
        ]
    );
}

#[test]
fn without_a_callback_the_setting_changes_nothing() {
    let value = Rec {
        data: vec![1, 2, 3],
        values: vec![1.5, -2.0],
    };
    assert_eq!(
        pyfory().serialize(&value).unwrap(),
        java().serialize(&value).unwrap()
    );
}

// ---------------------------------------------------------------------------------------------
// Reading: the bytes the two forms share.

/// A first byte of 2 or more cannot be a flag: a plain byte count, under both settings and for
/// BINARY too (Go's form), including a multi-byte varint (`80 01`, 128 bytes), which Java's
/// reading alone met as "expected bool 0 or 1, found 0x80".
#[test]
fn a_first_byte_other_than_0_and_1_is_a_plain_byte_count() {
    for reader in [pyfory(), java()] {
        let got: Vec<u8> = read(&reader, "03 ff 29 03 010203", &[]).unwrap();
        assert_eq!(got, [1, 2, 3]);
        let many = format!("03 ff 2e 8001 {}", "01000000".repeat(32));
        let got: Vec<i32> = read(&reader, &many, &[]).unwrap();
        assert_eq!(got, vec![1; 32]);
        let got: Vec<i8> = read(&reader, "03 ff 2c 02 05 fb", &[]).unwrap();
        assert_eq!(got, [5, -5]);
    }
}

/// `01` before 2-byte or wider elements cannot be a plain count (one byte is not an element):
/// Java's in-band flag, under both settings.
#[test]
fn one_before_wide_elements_is_javas_in_band_flag() {
    for reader in [pyfory(), java()] {
        let got: Vec<i32> = read(&reader, &format!("03 ff 2e 01 08 {I}"), &[]).unwrap();
        assert_eq!(got, [1, -1]);
        let got: Value = read(&reader, &format!("03 ff 38 01 10 {F}"), &[]).unwrap();
        assert_eq!(got, Value::Float64Array(vec![1.5, -2.0]));
    }
}

/// `00` before a numeric array: Java's out-of-band flag, or pyfory's empty array. The setting
/// decides; each reading of the other's bytes fails with an error that names the other setting.
#[test]
fn zero_before_a_numeric_array_follows_the_setting() {
    // pyfory's empty array.
    let got: Vec<i32> = read(&pyfory(), "03 ff 2e 00", &[]).unwrap();
    assert!(got.is_empty());
    let err = read::<Vec<i32>>(&java(), "03 ff 2e 00", &[]).unwrap_err();
    assert_eq!(err.offset(), Some(3));
    let message = err.to_string();
    assert!(
        message.contains("no buffer left for this INT32_ARRAY"),
        "{message}"
    );
    assert!(
        message.contains("oob_array_form(OobArrayForm::Pyfory)"),
        "{message}"
    );

    // Java's out-of-band array.
    let got: Vec<i32> = read(&java(), "03 ff 2e 00", &[I]).unwrap();
    assert_eq!(got, [1, -1]);
    let err = read::<Vec<i32>>(&pyfory(), "03 ff 2e 00", &[I]).unwrap_err();
    assert_eq!(err.offset(), Some(4));
    let message = err.to_string();
    assert!(message.contains("1 buffers left over"), "{message}");
    assert!(message.contains("numeric array at byte 3"), "{message}");
    assert!(message.contains("OobArrayForm::Java"), "{message}");

    // Java's struct with both fields out-of-band, read as pyfory's.
    let java_rec = "03 ff 1b ac02 77ee1020 00 00";
    let got: Rec = read(&java(), java_rec, &["010203", F]).unwrap();
    assert_eq!(got.values, [1.5, -2.0]);
    let err = read::<Rec>(&pyfory(), java_rec, &["010203", F]).unwrap_err();
    assert!(
        err.to_string().contains("numeric array at byte 10"),
        "{err}"
    );

    // BINARY is flagged in both forms: `00` takes a buffer under both settings.
    for reader in [pyfory(), java()] {
        let got: Vec<u8> = read(&reader, "03 ff 29 00", &["0102"]).unwrap();
        assert_eq!(got, [1, 2]);
        let err = read::<Vec<u8>>(&reader, "03 ff 29 00", &[]).unwrap_err();
        assert!(
            err.to_string().contains("no buffer left for this BINARY"),
            "{err}"
        );
        assert!(!err.to_string().contains("pyfory"), "{err}");
    }
}

/// `01` before one-byte elements (INT8, UINT8 and BOOL arrays): Java's in-band flag, or
/// pyfory's byte count of one element. The setting decides.
#[test]
fn one_before_one_byte_elements_follows_the_setting() {
    // pyfory's [5].
    let got: Vec<i8> = read(&pyfory(), "03 ff 2c 01 05", &[]).unwrap();
    assert_eq!(got, [5]);
    let got: Value = read(&pyfory(), "03 ff 2b 01 01", &[]).unwrap();
    assert_eq!(got, Value::BoolArray(vec![true]));
    let err = read::<Vec<i8>>(&java(), "03 ff 2c 01 05", &[]).unwrap_err();
    assert_eq!(err.offset(), Some(3));
    let message = err.to_string();
    assert!(message.contains("Java's in-band flag `01`"), "{message}");
    assert!(message.contains("INT8_ARRAY"), "{message}");
    assert!(message.contains("truncated input at byte 5"), "{message}");
    assert!(
        message.contains("oob_array_form(OobArrayForm::Pyfory)"),
        "{message}"
    );

    // Java's in-band [5].
    let got: Vec<i8> = read(&java(), "03 ff 2c 01 01 05", &[]).unwrap();
    assert_eq!(got, [5]);
    // Read as pyfory's, the flag is the count and the count the element: the byte after is
    // left over.
    let err = read::<Vec<i8>>(&pyfory(), "03 ff 2c 01 01 05", &[]).unwrap_err();
    assert!(err.to_string().contains("end of the payload"), "{err}");

    // BINARY: the flag under both settings.
    for reader in [pyfory(), java()] {
        let got: Vec<u8> = read(&reader, "03 ff 29 01 01 05", &[]).unwrap();
        assert_eq!(got, [5]);
    }

    // The one misreading without an error: pyfory's [0] is Java's empty in-band array.
    let got: Vec<i8> = read(&pyfory(), "03 ff 2c 01 00", &[]).unwrap();
    assert_eq!(got, [0]);
    let got: Vec<i8> = read(&java(), "03 ff 2c 01 00", &[]).unwrap();
    assert!(got.is_empty());
}

#[test]
fn a_missing_flag_or_count_is_a_truncation_naming_both() {
    for reader in [pyfory(), java()] {
        let err = read::<Vec<f64>>(&reader, "03 ff 38", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "truncated input at byte 3: expected the in-band flag or byte count of a binary \
             or array payload (1 bytes needed, 0 left)"
        );
    }
}

/// pyfory's payloads of every numeric array type read back under `OobArrayForm::Pyfory`,
/// whatever their length, through the typed and the dynamic readers, and every strict prefix is
/// an error.
#[test]
fn every_numeric_array_type_round_trips_in_pyfory_form() {
    fn each<T>(items: Vec<T>, wrap: fn(Vec<T>) -> Value)
    where
        T: Clone + std::fmt::Debug + PartialEq,
        Vec<T>: Serialize + for<'de> Deserialize<'de>,
    {
        for n in [0, 1, 2, 3] {
            let value: Vec<T> = items.iter().take(n).cloned().collect();
            let fory = pyfory();
            let frame = fory.serialize_with_callback(&value, AllOutOfBand).unwrap();
            assert!(frame.buffers.is_empty(), "{value:?}");
            let back: Vec<T> = fory.deserialize_with_buffers(&frame.main, &[]).unwrap();
            assert_eq!(back, value);
            let dynamic: Value = fory.deserialize_with_buffers(&frame.main, &[]).unwrap();
            assert_eq!(dynamic, wrap(value.clone()));
            for cut in 0..frame.main.len() {
                assert!(fory
                    .deserialize_with_buffers::<Vec<T>>(&frame.main[..cut], &[])
                    .is_err());
            }
        }
    }
    each(vec![true, false, true], Value::BoolArray);
    each(vec![1i8, -2, 3], Value::Int8Array);
    each(vec![1i16, -2, 3], Value::Int16Array);
    each(vec![1i32, -2, 3], Value::Int32Array);
    each(vec![1i64, -2, 3], Value::Int64Array);
    each(vec![1u16, 2, 3], Value::UInt16Array);
    each(vec![1u32, 2, 3], Value::UInt32Array);
    each(vec![1u64, 2, 3], Value::UInt64Array);
    each(vec![1.5f32, -2.0, 3.0], Value::Float32Array);
    each(vec![1.5f64, -2.0, 3.0], Value::Float64Array);
}
