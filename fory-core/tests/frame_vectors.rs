//! Whole frames written by a peer: header byte, reference flag, type id, value.
//!
//! The hex below is `pyfory.Fory(xlang=True).serialize(v)` from pyfory 1.7.7
//! (`xlang-tests/peers/python/primitive_vectors.py`, last table). The value serializers come later;
//! this checks that the frame pieces this crate has — header, flags, ids and encodings — compose
//! to the peer's exact bytes in both directions.

mod common;

use common::unhex;
use fory_core::types::{RefFlag, TypeId};
use fory_core::FrameHeader;
use fory_core::{Fory, Reader, Result, Writer};

#[derive(Debug, PartialEq)]
enum Root {
    Null,
    Bool(bool),
    Int64(i64),
    Float64(f64),
    Str(String),
    Binary(Vec<u8>),
}

const PYFORY_FRAMES: &[(&str, &str)] = &[
    ("None", "01fd"),
    ("True", "01ff0101"),
    ("0", "01ff0700"),
    ("-1", "01ff0701"),
    ("2**40", "01ff07808080808040"),
    ("1.5", "01ff14000000000000f83f"),
    ("'abc'", "01ff150c616263"),
    ("b'\\x01\\x02\\x03'", "01ff2903010203"),
];

fn expected(python: &str) -> Root {
    match python {
        "None" => Root::Null,
        "True" => Root::Bool(true),
        "0" => Root::Int64(0),
        "-1" => Root::Int64(-1),
        "2**40" => Root::Int64(1 << 40),
        "1.5" => Root::Float64(1.5),
        "'abc'" => Root::Str("abc".into()),
        _ => Root::Binary(vec![1, 2, 3]),
    }
}

fn read_root(r: &mut Reader) -> Result<Root> {
    let at = r.position();
    let flag = r.read_u8()?;
    match RefFlag::try_from(flag) {
        Ok(RefFlag::Null) => return Ok(Root::Null),
        Ok(RefFlag::NotNullValue) => {}
        _ => panic!("unexpected flag {flag:#x} at {at}"),
    }
    let id = TypeId::try_from(r.read_u8()?).expect("known type id");
    Ok(match id {
        TypeId::Bool => Root::Bool(r.read_bool()?),
        TypeId::Varint64 => Root::Int64(r.read_varint64()?),
        TypeId::Float64 => Root::Float64(r.read_f64()?),
        TypeId::String => Root::Str(r.read_string()?),
        TypeId::Binary => {
            let n = r.read_varuint32()? as usize;
            Root::Binary(r.read_bytes(n)?.to_vec())
        }
        other => panic!("type {other} not in this test"),
    })
}

fn write_root(w: &mut Writer, value: &Root) -> Result<()> {
    let typed = |w: &mut Writer, id: TypeId| {
        w.write_u8(RefFlag::NotNullValue.to_byte());
        w.write_u8(id as u8);
    };
    match value {
        Root::Null => w.write_u8(RefFlag::Null.to_byte()),
        Root::Bool(b) => {
            typed(w, TypeId::Bool);
            w.write_bool(*b)
        }
        Root::Int64(v) => {
            typed(w, TypeId::Varint64);
            w.write_varint64(*v)
        }
        Root::Float64(v) => {
            typed(w, TypeId::Float64);
            w.write_f64(*v)
        }
        Root::Str(s) => {
            typed(w, TypeId::String);
            w.write_str(s)?
        }
        Root::Binary(b) => {
            typed(w, TypeId::Binary);
            w.write_varuint32(b.len() as u32);
            w.write_bytes(b)
        }
    }
    Ok(())
}

#[test]
fn pyfory_frames_read_and_rewrite_identically() {
    let fory = Fory::default();
    for &(python, hex) in PYFORY_FRAMES {
        let bytes = unhex(hex);
        let (header, mut r) = fory.read_header(&bytes).unwrap();
        assert_eq!(header, FrameHeader { out_of_band: false });
        let value = read_root(&mut r).unwrap();
        assert_eq!(value, expected(python), "{python}");
        assert!(r.is_empty());

        let mut w = Writer::new();
        fory.write_header(&mut w, header);
        write_root(&mut w, &value).unwrap();
        assert_eq!(w.as_slice(), &bytes[..], "{python}");

        for cut in 0..bytes.len() {
            let res = fory
                .read_header(&bytes[..cut])
                .and_then(|(_, mut r)| read_root(&mut r));
            assert!(res.is_err(), "{python}: prefix {cut} decoded");
        }
    }
}
