//! Out-of-band buffers as `bytes::Bytes` (feature `bytes`): `Bytes` values written out-of-band
//! without a copy, messages received as `Bytes` parts, values read from them as slices of the
//! received allocation, relayed unchanged, and misaligned parts read by copying.
#![cfg(feature = "bytes")]

use std::borrow::Cow;

use bytes::Bytes;
use fory_core::oob::transport::{BytesFrame, FrameReader, FrameWriter};
use fory_core::oob::{AllOutOfBand, SizeThreshold};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Packet {
    seq: u64,
    header: Bytes,
    body: Bytes,
    parts: Vec<Bytes>,
    samples: Vec<f64>,
}

fn fory() -> Fory {
    let mut fory = Fory::default();
    fory.register::<Packet>(11).unwrap();
    fory
}

fn packet(seq: u64) -> Packet {
    Packet {
        seq,
        header: Bytes::from_static(b"hdr"),
        body: Bytes::from((0..5000).map(|i| (i % 251) as u8).collect::<Vec<u8>>()),
        parts: vec![
            Bytes::from(vec![1u8; 300]),
            Bytes::new(),
            Bytes::from(vec![2u8; 10]),
        ],
        samples: (0..100).map(|i| f64::from(i) * 0.25).collect(),
    }
}

fn within(outer: &Bytes, inner: &Bytes) -> bool {
    let range = outer.as_ptr_range();
    range.start <= inner.as_ptr() && inner.as_ptr_range().end <= range.end
}

#[test]
fn bytes_values_go_out_of_band_without_a_copy_and_come_back_as_views() {
    let fory = fory();
    let value = packet(1);
    let mut wire = Vec::new();
    let sent = FrameWriter::new(&mut wire)
        .send(&fory, &value, SizeThreshold(100))
        .unwrap();
    assert_eq!(sent.copied_payload_bytes, 0);
    // body, parts[0] and samples travel out-of-band; the small ones stay in the main buffer.
    assert_eq!(sent.out_of_band_bytes, 5000 + 300 + 800);

    let message = FrameReader::new(wire.as_slice())
        .receive_bytes()
        .unwrap()
        .unwrap();
    assert_eq!(message.buffers.len(), 3);
    let back: Packet = message.deserialize(&fory).unwrap();
    assert_eq!(back, value);
    // Out-of-band values are the received buffers themselves, in-band ones slices of the main
    // buffer: no copy either way.
    assert!(within(&message.buffers[0], &back.body));
    assert!(within(&message.buffers[1], &back.parts[0]));
    assert!(within(&message.main, &back.header));
    assert!(within(&message.main, &back.parts[2]));
    // Received buffers are 8-byte aligned, so numeric arrays borrow.
    assert!(message.buffers.iter().all(|b| b.as_ptr() as usize % 8 == 0));

    // The views outlive the message they came from.
    let body = back.body.clone();
    drop(back);
    drop(message);
    assert_eq!(body, value.body);
}

#[test]
fn a_received_message_is_split_and_relayed_without_copies() {
    let fory = fory();
    let mut wire = Vec::new();
    let mut writer = FrameWriter::new(&mut wire);
    for seq in 0..5 {
        writer.send(&fory, &packet(seq), AllOutOfBand).unwrap();
    }
    let mut reader = FrameReader::new(wire.as_slice());
    let mut relayed = Vec::new();
    let mut relay = FrameWriter::new(&mut relayed);
    let mut kept = Vec::new();
    while let Some(message) = reader.receive_bytes().unwrap() {
        // One consumer keeps the body, the message goes on unchanged.
        kept.push(message.buffers[0].clone());
        relay.send_parts(&message.main, &message.buffers).unwrap();
    }
    assert_eq!(relayed, wire);
    assert!(kept.iter().all(|b| *b == packet(0).body));

    // A BytesFrame assembled from parts reads like a received one.
    let nine = packet(9);
    let frame = fory.serialize_with_callback(&nine, AllOutOfBand).unwrap();
    let parts = BytesFrame {
        main: Bytes::from(frame.main.clone()),
        buffers: frame
            .buffers
            .iter()
            .map(|b| Bytes::copy_from_slice(b.as_bytes()))
            .collect(),
    };
    assert_eq!(parts.deserialize::<Packet>(&fory).unwrap(), packet(9));
}

#[test]
fn misaligned_parts_are_read_by_copying_numeric_arrays() {
    let fory = Fory::default();
    let samples: Vec<f64> = (0..64).map(f64::from).collect();
    let frame = fory
        .serialize_with_callback(&samples, AllOutOfBand)
        .unwrap();
    // The buffer at an odd offset of a larger allocation.
    let mut backing = vec![0u8; 1];
    backing.extend_from_slice(frame.buffers[0].as_bytes());
    let storage = Bytes::from(backing);
    let misaligned = storage.slice(1..);
    let main = Bytes::from(frame.main.clone());
    let buffers = [misaligned.clone()];
    let back: Cow<[f64]> = fory.deserialize_with_bytes(&main, &buffers).unwrap();
    if misaligned.as_ptr() as usize % std::mem::align_of::<f64>() != 0 {
        assert!(matches!(back, Cow::Owned(_)), "misaligned input is copied");
    }
    assert_eq!(&*back, samples.as_slice());

    // Plain slices give Bytes values as copies.
    let abc = Bytes::from_static(b"abc");
    let frame = fory.serialize_with_callback(&abc, AllOutOfBand).unwrap();
    let back: Bytes = fory
        .deserialize_with_buffers(&frame.main, &frame.buffer_slices())
        .unwrap();
    assert_eq!(back, "abc");
}
