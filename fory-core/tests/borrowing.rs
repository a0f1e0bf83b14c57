//! Borrowing structs: `#[derive(ForyObject)] struct Msg<'a>` reads its `&'a str`, `&'a [u8]`,
//! `Vec<&'a str>` and `Cow<'a, [f64]>` fields as views into the input (the main buffer, or the
//! out-of-band buffer that carried them), and writes the same bytes as its owned twin.

use std::borrow::Cow;
use std::ops::Range;

use fory_core::oob::{AllOutOfBand, BufferObject};
use fory_core::types::TypeId;
use fory_core::{Fory, ForyObject, StringRule};

#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Msg")]
struct Msg<'a> {
    id: i64,
    name: &'a str,
    tags: Vec<&'a str>,
    payload: &'a [u8],
    samples: Cow<'a, [f64]>,
    note: String,
    label: Option<&'a str>,
}

/// The same wire type, owned.
#[derive(ForyObject, Debug, PartialEq, Clone)]
#[fory(name = "Msg")]
struct MsgOwned {
    id: i64,
    name: String,
    tags: Vec<String>,
    payload: Vec<u8>,
    samples: Vec<f64>,
    note: String,
    label: Option<String>,
}

/// A borrowing struct inside another one.
#[derive(ForyObject, Debug, PartialEq)]
struct Envelope<'a> {
    seq: u32,
    msg: Msg<'a>,
    more: Vec<Msg<'a>>,
}

fn owned() -> MsgOwned {
    MsgOwned {
        id: 7,
        name: "sensor-7".into(),
        tags: vec!["a".into(), "bb".into(), "ccc".into()],
        payload: (0u8..=200).collect(),
        samples: (0..64).map(|i| f64::from(i) * 0.5).collect(),
        note: "owned".into(),
        label: Some("lbl".into()),
    }
}

fn borrowed(o: &MsgOwned) -> Msg<'_> {
    Msg {
        id: o.id,
        name: &o.name,
        tags: o.tags.iter().map(String::as_str).collect(),
        payload: &o.payload,
        samples: Cow::Borrowed(&o.samples),
        note: o.note.clone(),
        label: o.label.as_deref(),
    }
}

fn fory(compatible: bool) -> Fory {
    let mut f = Fory::builder().compatible(compatible).build();
    f.register_borrowing_by_name::<Msg<'static>>("", "Msg")
        .unwrap();
    f.register_borrowing::<Envelope<'static>>(9).unwrap();
    f
}

fn owned_fory(compatible: bool) -> Fory {
    let mut f = Fory::builder().compatible(compatible).build();
    f.register_named::<MsgOwned>().unwrap();
    f
}

fn inside(range: &Range<*const u8>, ptr: *const u8, len: usize) -> bool {
    len == 0 || (range.contains(&ptr) && range.contains(&ptr.wrapping_add(len - 1)))
}

/// Asserts that every borrowed field of `msg` lies in `main`, except the out-of-band ones.
fn assert_borrows_text_from(msg: &Msg<'_>, main: &[u8]) {
    let range = main.as_ptr_range();
    assert!(inside(&range, msg.name.as_ptr(), msg.name.len()), "name");
    for tag in &msg.tags {
        assert!(inside(&range, tag.as_ptr(), tag.len()), "tag {tag}");
    }
    let label = msg.label.expect("label");
    assert!(inside(&range, label.as_ptr(), label.len()), "label");
}

/// `bytes` copied into 8-byte-aligned memory at offset `shift`.
fn placed(bytes: &[u8], shift: usize) -> (Vec<u64>, Range<usize>) {
    let mut words = vec![0u64; (bytes.len() + shift).div_ceil(8)];
    // SAFETY: the words hold at least `bytes.len() + shift` bytes; any byte is a valid u64 part.
    let all =
        unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), words.len() * 8) };
    all[shift..shift + bytes.len()].copy_from_slice(bytes);
    (words, shift..shift + bytes.len())
}

fn view(words: &[u64], range: Range<usize>) -> &[u8] {
    // SAFETY: as in `placed`; the range lies inside the words.
    let all = unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), words.len() * 8) };
    &all[range]
}

#[test]
fn reads_from_the_main_buffer_without_copying_in_both_modes() {
    for compatible in [false, true] {
        let f = fory(compatible);
        let source = owned();
        let bytes = f.serialize(&borrowed(&source)).unwrap();
        // At every alignment of the input, text and bytes borrow; the f64 array borrows
        // exactly where it lands 8-byte aligned, and copies elsewhere.
        let mut borrowed_at = Vec::new();
        for shift in 0..8 {
            let (words, range) = placed(&bytes, shift);
            let input = view(&words, range);
            let msg: Msg<'_> = f.deserialize(input).unwrap();
            assert_eq!(borrowed(&source), msg, "compatible: {compatible}");
            assert_borrows_text_from(&msg, input);
            assert!(inside(
                &input.as_ptr_range(),
                msg.payload.as_ptr(),
                msg.payload.len()
            ));
            if let Cow::Borrowed(s) = &msg.samples {
                assert_eq!(s.as_ptr() as usize % 8, 0);
                assert!(inside(
                    &input.as_ptr_range(),
                    s.as_ptr().cast(),
                    s.len() * 8
                ));
                borrowed_at.push(shift);
            }
        }
        let expected = if cfg!(target_endian = "little") { 1 } else { 0 };
        assert_eq!(borrowed_at.len(), expected, "compatible: {compatible}");
    }
}

#[test]
fn reads_out_of_band_fields_from_their_own_buffers() {
    for compatible in [false, true] {
        let f = fory(compatible);
        let source = owned();
        let value = borrowed(&source);
        let frame = f.serialize_with_callback(&value, AllOutOfBand).unwrap();
        // Both buffers were borrowed from the value when writing, too.
        assert!(frame.buffers.iter().all(BufferObject::is_borrowed));
        let kinds: Vec<TypeId> = frame.buffers.iter().map(BufferObject::type_id).collect();
        let binary = kinds.iter().position(|&k| k == TypeId::Binary).unwrap();
        let floats = kinds
            .iter()
            .position(|&k| k == TypeId::Float64Array)
            .unwrap();
        assert_eq!(kinds.len(), 2);
        // Received into 8-byte aligned memory, as the transport stores buffers.
        let stored: Vec<(Vec<u64>, Range<usize>)> = frame
            .buffers
            .iter()
            .map(|b| placed(b.as_bytes(), 0))
            .collect();
        let buffers: Vec<&[u8]> = stored.iter().map(|(w, r)| view(w, r.clone())).collect();
        let msg: Msg<'_> = f.deserialize_with_buffers(&frame.main, &buffers).unwrap();
        assert_eq!(borrowed(&source), msg);
        assert_borrows_text_from(&msg, &frame.main);
        assert_eq!(msg.payload.as_ptr(), buffers[binary].as_ptr());
        assert_eq!(msg.payload.len(), buffers[binary].len());
        let Cow::Borrowed(samples) = &msg.samples else {
            panic!("samples copied from an aligned out-of-band buffer")
        };
        assert_eq!(samples.as_ptr().cast::<u8>(), buffers[floats].as_ptr());
    }
}

#[test]
fn borrowed_and_owned_twins_read_each_other() {
    for compatible in [false, true] {
        let (b, o) = (fory(compatible), owned_fory(compatible));
        let source = owned();
        let from_borrowed = b.serialize(&borrowed(&source)).unwrap();
        let from_owned = o.serialize(&source).unwrap();
        // Borrowing does not change the wire.
        assert_eq!(from_borrowed, from_owned, "compatible: {compatible}");
        assert_eq!(o.deserialize::<MsgOwned>(&from_borrowed).unwrap(), source);
        let msg: Msg<'_> = b.deserialize(&from_owned).unwrap();
        assert_eq!(msg, borrowed(&source));
        assert_borrows_text_from(&msg, &from_owned);
    }
}

#[test]
fn nested_borrowing_structs_borrow_too() {
    for compatible in [false, true] {
        let f = fory(compatible);
        let source = owned();
        let env = Envelope {
            seq: 3,
            msg: borrowed(&source),
            more: vec![borrowed(&source), borrowed(&source)],
        };
        let bytes = f.serialize(&env).unwrap();
        let back: Envelope<'_> = f.deserialize(&bytes).unwrap();
        assert_eq!(back, env);
        for msg in std::iter::once(&back.msg).chain(&back.more) {
            assert_borrows_text_from(msg, &bytes);
        }
    }
}

#[test]
fn text_that_needs_decoding_is_an_error_for_str_not_for_the_owned_twin() {
    // Java's rule writes "é" as Latin-1, which is not UTF-8: a `&str` cannot point at it.
    let o = owned_fory(true);
    let mut source = owned();
    source.name = "café".into();
    let bytes = o.serialize(&source).unwrap();
    let err = fory(true).deserialize::<Msg<'_>>(&bytes).unwrap_err();
    assert!(err.to_string().contains("Cow<str>"), "{err}");
    assert!(err.offset().is_some());
    // Written as UTF-8, the same text borrows.
    let mut utf8 = Fory::builder().string_rule(StringRule::Utf8).build();
    utf8.register_named::<MsgOwned>().unwrap();
    let bytes = utf8.serialize(&source).unwrap();
    let msg: Msg<'_> = fory(true).deserialize(&bytes).unwrap();
    assert_eq!(msg.name, "café");
    assert!(inside(
        &bytes.as_ptr_range(),
        msg.name.as_ptr(),
        msg.name.len()
    ));
}

#[test]
fn a_borrowing_struct_is_not_a_dynamic_value() {
    let f = fory(true);
    let source = owned();
    let bytes = f.serialize(&borrowed(&source)).unwrap();
    let err = f.deserialize::<Box<dyn std::any::Any>>(&bytes).unwrap_err();
    assert!(err.to_string().contains("borrows from the input"), "{err}");
}

#[test]
fn every_truncation_and_byte_flip_is_an_error_or_a_value() {
    for compatible in [false, true] {
        let f = fory(compatible);
        let source = owned();
        let bytes = f.serialize(&borrowed(&source)).unwrap();
        for end in 0..bytes.len() {
            assert!(
                f.deserialize::<Msg<'_>>(&bytes[..end]).is_err(),
                "cut at {end}"
            );
        }
        let mut flipped = bytes.clone();
        for at in 0..bytes.len() {
            for byte in [0x00, 0x7f, 0x80, 0xff] {
                flipped[at] = byte;
                // A value or an error, never a panic; a value's views stay inside the input.
                if let Ok(msg) = f.deserialize::<Msg<'_>>(&flipped) {
                    let range = flipped.as_ptr_range();
                    assert!(inside(&range, msg.name.as_ptr(), msg.name.len()));
                    assert!(inside(&range, msg.payload.as_ptr(), msg.payload.len()));
                }
                flipped[at] = bytes[at];
            }
        }
    }
}
