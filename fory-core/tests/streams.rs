//! Streams: several payloads back to back through any `Write` / `Read`, including gzip, a reader
//! that hands out one byte at a time, and streams cut short or corrupted.

use std::collections::BTreeMap;
use std::io::Read;

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use fory_core::io::{StreamReader, StreamWriter};
use fory_core::{ErrorKind, Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Reading {
    sensor: String,
    values: Vec<f64>,
    tags: BTreeMap<String, i64>,
}

fn readings() -> Vec<Reading> {
    (0..50)
        .map(|i| Reading {
            sensor: format!("sensor-{i}"),
            values: (0..i).map(f64::from).collect(),
            tags: BTreeMap::from([("i".to_string(), i64::from(i))]),
        })
        .collect()
}

fn fory() -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Reading>(1).unwrap();
    fory
}

fn write_all(fory: &Fory) -> Vec<u8> {
    let mut writer = StreamWriter::new(fory, Vec::new());
    for r in readings() {
        writer.write(&r).unwrap();
    }
    writer.into_inner()
}

#[test]
fn many_values_through_gzip() {
    let fory = fory();
    let mut writer = StreamWriter::new(&fory, GzEncoder::new(Vec::new(), Compression::default()));
    for r in readings() {
        writer.write(&r).unwrap();
    }
    let compressed = writer.into_inner().finish().unwrap();
    let mut reader = StreamReader::new(&fory, GzDecoder::new(compressed.as_slice()));
    let mut back = Vec::new();
    while let Some(r) = reader.read::<Reading>().unwrap() {
        back.push(r);
    }
    assert_eq!(back, readings());
}

/// A reader that returns one byte per call, like a slow socket.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((b, rest)), Some(slot)) => {
                *slot = *b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

#[test]
fn a_reader_that_trickles_bytes() {
    let fory = fory();
    let bytes = write_all(&fory);
    let mut reader = StreamReader::new(&fory, Trickle(&bytes));
    for want in readings() {
        assert_eq!(reader.read::<Reading>().unwrap(), Some(want));
    }
    assert_eq!(reader.read::<Reading>().unwrap(), None);
}

#[test]
fn a_stream_cut_inside_a_payload_is_an_error() {
    let fory = fory();
    let bytes = write_all(&fory);
    let cut = &bytes[..bytes.len() - 3];
    let mut reader = StreamReader::new(&fory, cut);
    let mut read = 0;
    let err = loop {
        match reader.read::<Reading>() {
            Ok(Some(_)) => read += 1,
            Ok(None) => panic!("a cut stream ended cleanly"),
            Err(e) => break e,
        }
    };
    assert_eq!(read, 49);
    assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    assert!(err.offset().unwrap() < bytes.len(), "{err}");
}

#[test]
fn errors_name_the_offset_in_the_stream() {
    let fory = Fory::default();
    let mut writer = StreamWriter::new(&fory, Vec::new());
    writer.write(&1i64).unwrap();
    writer.write(&2i64).unwrap();
    let mut bytes = writer.into_inner();
    let second = bytes.len() / 2;
    bytes[second] = 0x07; // not a frame header
    let mut reader = StreamReader::new(&fory, bytes.as_slice());
    assert_eq!(reader.read::<i64>().unwrap(), Some(1));
    let err = reader.read::<i64>().unwrap_err();
    assert_eq!(err.offset(), Some(second), "{err}");
}

#[test]
fn serialize_to_and_deserialize_from() {
    let fory = fory();
    let mut out = Vec::new();
    fory.serialize_to(&readings()[3], &mut out).unwrap();
    let back: Reading = fory.deserialize_from(&mut out.as_slice()).unwrap();
    assert_eq!(back, readings()[3]);
}
