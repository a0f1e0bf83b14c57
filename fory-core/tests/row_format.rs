//! The row format: bytes as the spec lays them out, round trips of every field type, views that
//! read one field, rows inside out-of-band buffers, and rows that lie (cut short, any byte
//! changed) giving an error and never a panic. (The peers' rows: xlang-tests.)

use std::collections::{BTreeMap, HashMap};

use fory_core::oob::AllOutOfBand;
use fory_core::row::{self, ForyRow, RowWriter};
use fory_core::types::{Date, Duration, Timestamp};
use fory_core::{ErrorKind, Fory, ForyObject};

#[derive(ForyRow, Debug, PartialEq, Clone)]
struct Inner {
    id: i32,
    label: String,
}

#[derive(ForyRow, Debug, PartialEq, Clone)]
struct Everything {
    flag: bool,
    tiny: i8,
    small: i16,
    int: i32,
    long: i64,
    single: f32,
    double: f64,
    text: String,
    blob: Vec<u8>,
    day: Date,
    moment: Timestamp,
    wait: Duration,
    inner: Inner,
    maybe_inner: Option<Inner>,
    ints: Vec<i32>,
    words: Vec<String>,
    inners: Vec<Inner>,
    sparse: Vec<Option<i64>>,
    scores: BTreeMap<String, i32>,
    nested: Vec<Vec<i16>>,
    note: Option<String>,
}

fn everything() -> Everything {
    Everything {
        flag: true,
        tiny: -8,
        small: -300,
        int: 70_000,
        long: -(1 << 40),
        single: 1.5,
        double: -2.25,
        text: "héllo 世界".into(),
        blob: vec![0, 1, 2, 255],
        day: Date::from_days(19_000),
        moment: Timestamp::from_unix_micros(1_700_000_000_123_456),
        wait: Duration::from_micros(-1_500_000),
        inner: Inner {
            id: 7,
            label: "seven".into(),
        },
        maybe_inner: None,
        ints: vec![1, -2, 3],
        words: vec!["a".into(), "".into(), "ccc".into()],
        inners: vec![
            Inner {
                id: 1,
                label: "one".into(),
            },
            Inner {
                id: 2,
                label: "two".into(),
            },
        ],
        sparse: vec![Some(1), None, Some(3)],
        scores: BTreeMap::from([("x".into(), 1), ("y".into(), 2)]),
        nested: vec![vec![1, 2], vec![], vec![3]],
        note: None,
    }
}

#[test]
fn a_two_field_row_is_laid_out_as_the_spec_says() {
    let bytes = row::to_row(&Inner {
        id: 7,
        label: "seven".into(),
    })
    .unwrap();
    #[rustfmt::skip]
    let expected = [
        0, 0, 0, 0, 0, 0, 0, 0,          // null bitmap: one word, no field null
        7, 0, 0, 0, 0, 0, 0, 0,          // id: 7, zero-padded to the slot
        5, 0, 0, 0, 24, 0, 0, 0,         // label: size 5, offset 24 (from the row's start)
        b's', b'e', b'v', b'e', b'n', 0, 0, 0, // "seven", padded to 8 bytes
    ];
    assert_eq!(bytes, expected);
}

#[test]
fn an_array_has_its_count_bitmap_and_natural_width_slots() {
    let bytes = row::to_row(&vec![Some(1i16), None, Some(3)]).unwrap();
    #[rustfmt::skip]
    let expected = [
        3, 0, 0, 0, 0, 0, 0, 0,          // three elements
        0b010, 0, 0, 0, 0, 0, 0, 0,      // element 1 is null
        1, 0, 0, 0, 3, 0, 0, 0,          // 2-byte slots (the null one zero), padded to 8
    ];
    assert_eq!(bytes, expected);
    let map = row::to_row(&BTreeMap::from([(1i32, 2i64)])).unwrap();
    #[rustfmt::skip]
    let expected = [
        24, 0, 0, 0, 0, 0, 0, 0,         // the keys array takes 24 bytes
        1, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0,  1, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0,  2, 0, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(map, expected);
}

#[test]
fn every_field_type_round_trips_and_reads_alone() {
    let value = everything();
    let bytes = row::to_row(&value).unwrap();
    assert_eq!(bytes.len() % 8, 0);
    assert_eq!(row::from_row::<Everything>(&bytes).unwrap(), value);

    let view = row::view::<Everything>(&bytes).unwrap();
    assert!(view.flag().unwrap());
    assert_eq!(view.long().unwrap(), -(1 << 40));
    assert_eq!(view.text().unwrap(), "héllo 世界");
    let text_at = view.text().unwrap().as_ptr() as usize - bytes.as_ptr() as usize;
    assert!(text_at < bytes.len(), "the string is borrowed from the row");
    assert_eq!(view.blob().unwrap(), [0, 1, 2, 255]);
    assert_eq!(view.day().unwrap(), Date::from_days(19_000));
    assert_eq!(view.inner().unwrap().label().unwrap(), "seven");
    assert!(view.maybe_inner().unwrap().is_none());
    assert_eq!(view.inners().unwrap().get(1).unwrap().id().unwrap(), 2);
    let sparse = view.sparse().unwrap();
    assert!(sparse.is_null(1) && !sparse.is_null(0));
    assert_eq!(sparse.get(2).unwrap(), Some(3));
    assert_eq!(view.scores().unwrap().get("y").unwrap(), Some(2));
    assert_eq!(view.nested().unwrap().get(2).unwrap().get(0).unwrap(), 3);
    assert_eq!(view.note().unwrap(), None);
    assert_eq!(view.to_value().unwrap(), value);
}

#[test]
fn hash_maps_and_empty_values() {
    #[derive(ForyRow, Debug, PartialEq)]
    struct Maps {
        by_name: HashMap<String, Vec<i64>>,
        empty: Vec<String>,
        blank: String,
    }
    let value = Maps {
        by_name: HashMap::from([("a".into(), vec![1, 2]), ("b".into(), vec![])]),
        empty: vec![],
        blank: String::new(),
    };
    let bytes = row::to_row(&value).unwrap();
    assert_eq!(row::from_row::<Maps>(&bytes).unwrap(), value);
}

#[test]
fn a_writer_reuses_its_buffer() {
    let mut writer = RowWriter::new();
    let first = writer.write(&everything()).unwrap().to_vec();
    let second = writer.write(&everything()).unwrap();
    assert_eq!(first, second);
    let inner = Inner {
        id: 1,
        label: "x".into(),
    };
    assert_eq!(writer.write(&inner).unwrap(), row::to_row(&inner).unwrap());
}

#[test]
fn a_scalar_is_no_row() {
    let err = row::to_row(&5i32).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Encode { .. }), "{err}");
}

#[test]
fn a_null_bit_on_a_field_that_cannot_be_null_is_an_error() {
    let mut bytes = row::to_row(&Inner {
        id: 7,
        label: "seven".into(),
    })
    .unwrap();
    bytes[0] = 0b10;
    let view = row::view::<Inner>(&bytes).unwrap();
    assert_eq!(view.id().unwrap(), 7);
    let err = view.label().unwrap_err();
    assert!(err.to_string().contains("a null bit set"), "{err}");
}

#[test]
fn an_offset_past_the_row_is_an_error_naming_the_slot() {
    let mut bytes = row::to_row(&Inner {
        id: 7,
        label: "seven".into(),
    })
    .unwrap();
    bytes[20] = 200; // label's offset
    let err = row::view::<Inner>(&bytes).unwrap().label().unwrap_err();
    assert_eq!(err.offset(), Some(16), "{err}");
    assert!(err.to_string().contains("5 bytes at offset 200"), "{err}");
}

/// Every accessor of every view in `value`, recursively, through `to_value`, and one by one.
fn read_all(bytes: &[u8]) {
    if let Ok(view) = row::view::<Everything>(bytes) {
        let _ = view.to_value();
        let _ = (
            view.flag(),
            view.tiny(),
            view.small(),
            view.int(),
            view.long(),
        );
        let _ = (
            view.single(),
            view.double(),
            view.text(),
            view.blob(),
            view.day(),
        );
        let _ = (view.moment(), view.wait(), view.note(), view.maybe_inner());
        if let Ok(inner) = view.inner() {
            let _ = (inner.id(), inner.label());
        }
        if let Ok(list) = view.inners() {
            for i in 0..list.len() + 1 {
                let _ = list.get(i).map(|e| (e.id(), e.label()));
            }
        }
        if let Ok(map) = view.scores() {
            let _ = map.iter().count();
            let _ = map.get("x");
        }
        if let Ok(nested) = view.nested() {
            for inner in nested.iter().flatten() {
                let _ = inner.iter().count();
            }
        }
        let _ = view.sparse().map(|s| s.iter().count());
        let _ = view.words().map(|s| s.iter().count());
        let _ = view.ints().map(|s| s.iter().count());
    }
}

#[test]
fn rows_cut_short_or_changed_anywhere_give_errors_not_panics() {
    let bytes = row::to_row(&everything()).unwrap();
    for len in 0..bytes.len() {
        read_all(&bytes[..len]);
    }
    for at in 0..bytes.len() {
        for value in [0x00, 0x01, 0x07, 0x80, 0xff] {
            let mut m = bytes.clone();
            m[at] = value;
            read_all(&m);
        }
    }
}

#[test]
fn offsets_that_point_many_times_at_the_same_bytes_cannot_blow_up_decoding() {
    // 10,000 strings, every slot pointing at the same 64 KiB: 640 MB if decoded.
    let count = 10_000usize;
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&(count as u64).to_le_bytes());
    bytes.resize(8 + count.div_ceil(64) * 8, 0);
    let data_at = bytes.len() + count * 8;
    for _ in 0..count {
        bytes.extend_from_slice(&((data_at as u64) << 32 | 65_536).to_le_bytes());
    }
    bytes.resize(data_at + 65_536, b'a');
    let view = row::view::<Vec<String>>(&bytes).unwrap();
    assert_eq!(view.get(9_999).unwrap().len(), 65_536);
    let err = row::from_row::<Vec<String>>(&bytes).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
}

#[test]
fn a_row_travels_out_of_band_and_is_viewed_in_place() {
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct Envelope {
        topic: String,
        row: Vec<u8>,
    }
    let mut fory = Fory::default();
    fory.register::<Envelope>(300).unwrap();
    let envelope = Envelope {
        topic: "readings".into(),
        row: row::to_row(&everything()).unwrap(),
    };
    let frame = fory
        .serialize_with_callback(&envelope, AllOutOfBand)
        .unwrap();
    assert_eq!(frame.buffers.len(), 1);
    let buffer = frame.buffers[0].as_bytes().to_vec();

    #[derive(ForyObject, Debug)]
    struct BorrowedEnvelope<'a> {
        topic: &'a str,
        row: &'a [u8],
    }
    let mut reader = Fory::default();
    reader.register_borrowing::<BorrowedEnvelope>(300).unwrap();
    let read: BorrowedEnvelope<'_> = reader
        .deserialize_with_buffers(&frame.main, &[&buffer])
        .unwrap();
    assert_eq!(read.topic, "readings");
    assert_eq!(
        read.row.as_ptr(),
        buffer.as_ptr(),
        "the row is the buffer itself"
    );
    let view = row::view::<Everything>(read.row).unwrap();
    assert_eq!(view.inner().unwrap().label().unwrap(), "seven");
}
