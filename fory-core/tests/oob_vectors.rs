//! Out-of-band buffers against Java 1.6.0's bytes (`Fory.serialize(obj, BufferCallback)` with
//! callbacks answering all in-band, all out-of-band, and alternating from out-of-band; probe in
//! the session notes, values in xlang mode, schema-consistent), plus reading with missing,
//! extra and unexpected buffers, and zero-copy reads.

mod common;

use std::borrow::Cow;

use common::{hex, unhex};
use fory_core::oob::{AllOutOfBand, BufferObject};
use fory_core::{Fory, ForyObject};

const F: &str = "000000000000f83f00000000000000c0"; // 1.5, -2.0 as little-endian f64

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

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Rec {
    data: Vec<u8>,
    values: Vec<f64>,
}

fn fory() -> Fory {
    let mut fory = Fory::builder().compatible(false).build();
    fory.register::<Rec>(300).unwrap();
    fory
}

/// Our main buffer and out-of-band buffers for `value` under the three callbacks, against
/// Java's, and each read back.
fn check<T>(value: &T, java: [(&str, &[&str]); 3])
where
    T: fory_core::Serialize + for<'de> fory_core::Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    let fory = fory();
    let frames = [
        fory.serialize_with_callback(value, all_in_band).unwrap(),
        fory.serialize_with_callback(value, AllOutOfBand).unwrap(),
        fory.serialize_with_callback(value, alternating()).unwrap(),
    ];
    for (frame, (main, buffers)) in frames.iter().zip(java) {
        assert_eq!(hex(&frame.main), main.replace(' ', ""));
        let ours: Vec<String> = frame.buffers.iter().map(|b| hex(b.as_bytes())).collect();
        assert_eq!(
            ours,
            buffers
                .iter()
                .map(|b| b.replace(' ', ""))
                .collect::<Vec<_>>()
        );
        let java_buffers: Vec<Vec<u8>> =
            buffers.iter().map(|b| unhex(&b.replace(' ', ""))).collect();
        let slices: Vec<&[u8]> = java_buffers.iter().map(Vec::as_slice).collect();
        let java_main = unhex(&main.replace(' ', ""));
        let back: T = fory.deserialize_with_buffers(&java_main, &slices).unwrap();
        assert_eq!(&back, value);
    }
}

#[test]
fn binary_at_the_root() {
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
fn list_of_binaries() {
    check(
        &vec![vec![1u8, 2, 3], vec![4, 5]],
        [
            ("03 ff 16 02 08 29 01 03 010203 01 02 0405", &[]),
            ("03 ff 16 02 08 29 00 00", &["010203", "0405"]),
            ("03 ff 16 02 08 29 00 01 02 0405", &["010203"]),
        ],
    );
}

#[test]
fn numeric_arrays() {
    check(
        &vec![1i32, -1],
        [
            ("03 ff 2e 01 08 01000000 ffffffff", &[]),
            ("03 ff 2e 00", &["01000000ffffffff"]),
            ("03 ff 2e 00", &["01000000ffffffff"]),
        ],
    );
    let in_band = format!("03 ff 38 01 10 {F}");
    check(
        &vec![1.5f64, -2.0],
        [
            (in_band.as_str(), &[]),
            ("03 ff 38 00", &[F]),
            ("03 ff 38 00", &[F]),
        ],
    );
}

#[test]
fn struct_with_binary_and_array_fields() {
    let in_band = format!("03 ff 1b ac02 77ee1020 01 03 010203 01 10 {F}");
    let alternating = format!("03 ff 1b ac02 77ee1020 00 01 10 {F}");
    check(
        &Rec {
            data: vec![1, 2, 3],
            values: vec![1.5, -2.0],
        },
        [
            (in_band.as_str(), &[]),
            ("03 ff 1b ac02 77ee1020 00 00", &["010203", F]),
            (alternating.as_str(), &["010203"]),
        ],
    );
}

#[test]
fn the_callback_sees_each_buffer_with_its_type() {
    use fory_core::types::TypeId;
    let mut seen = Vec::new();
    let value = Rec {
        data: vec![9; 5],
        values: vec![0.0; 3],
    };
    fory()
        .serialize_with_callback(&value, |b: &BufferObject<'_>| {
            seen.push((b.type_id(), b.total_bytes()));
            true
        })
        .unwrap();
    assert_eq!(seen, [(TypeId::Binary, 5), (TypeId::Float64Array, 24)]);
}

#[test]
fn wrong_buffer_counts_are_errors() {
    let fory = fory();
    let value = vec![vec![1u8], vec![2u8]];
    let frame = fory.serialize_with_callback(&value, AllOutOfBand).unwrap();
    let one: &[u8] = &[1];
    let two: &[u8] = &[2];
    let err = fory
        .deserialize_with_buffers::<Vec<Vec<u8>>>(&frame.main, &[one])
        .unwrap_err();
    assert!(err.to_string().contains("no buffer left"), "{err}");
    assert_eq!(err.offset(), Some(7));
    let err = fory
        .deserialize_with_buffers::<Vec<Vec<u8>>>(&frame.main, &[one, two, two])
        .unwrap_err();
    assert!(err.to_string().contains("1 buffers left over"), "{err}");
    // Buffers for a payload written without a callback.
    let plain = fory.serialize(&vec![1u8]).unwrap();
    let err = fory
        .deserialize_with_buffers::<Vec<u8>>(&plain, &[])
        .unwrap_err();
    assert!(err.to_string().contains("out-of-band bit"), "{err}");
    // A payload with the bit read without buffers.
    let err = fory.deserialize::<Vec<Vec<u8>>>(&frame.main).unwrap_err();
    assert!(err.to_string().contains("out-of-band"), "{err}");
}

#[test]
fn reads_borrow_from_the_buffers_without_copying() {
    let fory = fory();
    let values: Vec<f64> = (0..1000).map(f64::from).collect();
    let frame = fory.serialize_with_callback(&values, AllOutOfBand).unwrap();
    // A Vec<u8>'s allocation is aligned well beyond 8 bytes in practice; check rather than assume.
    let buffer = frame.buffers[0].as_bytes().to_vec();
    let slices = [buffer.as_slice()];
    let back: Cow<'_, [f64]> = fory.deserialize_with_buffers(&frame.main, &slices).unwrap();
    assert_eq!(&*back, values.as_slice());
    if buffer.as_ptr() as usize % std::mem::align_of::<f64>() == 0 {
        let Cow::Borrowed(items) = back else {
            panic!("an aligned buffer was copied")
        };
        let range = buffer.as_ptr_range();
        assert!(range.contains(&items.as_ptr().cast::<u8>()));
    }
    // Binary borrows whatever the alignment.
    let sevens = vec![7u8; 64];
    let frame = fory.serialize_with_callback(&sevens, AllOutOfBand).unwrap();
    let buffer = frame.buffers[0].as_bytes().to_vec();
    let slices = [buffer.as_slice()];
    let bytes: &[u8] = fory.deserialize_with_buffers(&frame.main, &slices).unwrap();
    assert_eq!(bytes.as_ptr(), buffer.as_ptr());
    // Misaligned bytes are copied, not misread.
    let values_frame = fory.serialize_with_callback(&values, AllOutOfBand).unwrap();
    let raw = values_frame.buffers[0].as_bytes();
    let mut storage = vec![0u8; raw.len() + 8];
    let start = (1..9)
        .find(|o| (storage.as_ptr() as usize + o) % 8 != 0)
        .unwrap();
    storage[start..start + raw.len()].copy_from_slice(raw);
    let slices = [&storage[start..start + raw.len()]];
    let back: Cow<'_, [f64]> = fory
        .deserialize_with_buffers(&values_frame.main, &slices)
        .unwrap();
    assert!(matches!(back, Cow::Owned(_)));
    assert_eq!(&*back, values.as_slice());
}

#[test]
fn out_of_band_buffers_borrow_from_the_value_without_copying() {
    use std::cell::RefCell;
    let fory = fory();
    let value = Rec {
        data: vec![1, 2, 3],
        values: (0..1000).map(f64::from).collect(),
    };
    let frame = fory.serialize_with_callback(&value, AllOutOfBand).unwrap();
    assert!(frame.buffers.iter().all(BufferObject::is_borrowed));
    assert_eq!(frame.buffers[0].as_bytes().as_ptr(), value.data.as_ptr());
    if cfg!(target_endian = "little") {
        assert_eq!(
            frame.buffers[1].as_bytes().as_ptr(),
            value.values.as_ptr().cast::<u8>()
        );
    }
    // The main buffer holds only the flags: 4 header bytes, the hash, two flags.
    assert_eq!(frame.main.len(), 1 + 1 + 1 + 2 + 4 + 2);

    // Behind a RefCell the contents are borrowed only while serializing: copied.
    let cell = RefCell::new(vec![1u8, 2, 3]);
    let frame = fory.serialize_with_callback(&cell, AllOutOfBand).unwrap();
    assert!(!frame.buffers[0].is_borrowed());
    assert_eq!(frame.buffers[0].as_bytes(), [1, 2, 3]);
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct WithData {
    data: Vec<u8>,
    n: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct WithoutData {
    n: i32,
}

/// A compatible reader that does not know a binary field skips it, flag and buffer included.
#[test]
fn skipping_a_field_takes_its_buffer() {
    let mut writer = Fory::builder().compatible(true).build();
    writer.register::<WithData>(7).unwrap();
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<WithoutData>(7).unwrap();
    let value = WithData {
        data: vec![1, 2, 3],
        n: 5,
    };
    for in_band in [true, false] {
        let frame = writer
            .serialize_with_callback(&value, move |_: &BufferObject<'_>| in_band)
            .unwrap();
        let got: WithoutData = reader
            .deserialize_with_buffers(&frame.main, &frame.buffer_slices())
            .unwrap();
        assert_eq!(got, WithoutData { n: 5 }, "in band: {in_band}");
    }
}
