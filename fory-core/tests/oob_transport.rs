//! The message transport for payloads with out-of-band buffers: several messages in a row,
//! hostile length prefixes, and streams cut inside a message.

use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::{AllOutOfBand, SizeThreshold};
use fory_core::Fory;

#[test]
fn several_messages_round_trip() {
    let fory = Fory::default();
    let small = vec![vec![1u8, 2], vec![3u8; 100]];
    let large: Vec<f32> = (0..10_000).map(|i| i as f32).collect();
    let mut wire = Vec::new();
    let mut writer = FrameWriter::new(&mut wire);
    writer.send(&fory, &small, SizeThreshold(50)).unwrap();
    writer.send(&fory, &large, AllOutOfBand).unwrap();
    let mut reader = FrameReader::new(wire.as_slice());
    let first = reader.receive().unwrap().unwrap();
    assert_eq!(first.buffers.len(), 1);
    assert_eq!(first.deserialize::<Vec<Vec<u8>>>(&fory).unwrap(), small);
    let second = reader.receive().unwrap().unwrap();
    assert_eq!(second.deserialize::<Vec<f32>>(&fory).unwrap(), large);
    assert!(reader.receive().unwrap().is_none());
}

#[test]
fn hostile_or_cut_messages_are_errors() {
    // A buffer count far beyond the limit.
    let mut reader = FrameReader::new(&[0xff, 0xff, 0xff, 0xff][..]);
    assert!(reader.receive().is_err());
    // A main buffer said to be 1 TiB + 1 long.
    let mut lying = vec![0, 0, 0, 0];
    lying.extend_from_slice(&((1u64 << 40) + 1).to_le_bytes());
    assert!(FrameReader::new(lying.as_slice()).receive().is_err());
    // A message cut at every byte.
    let fory = Fory::default();
    let mut wire = Vec::new();
    FrameWriter::new(&mut wire)
        .send(&fory, &vec![7u8; 300], AllOutOfBand)
        .unwrap();
    for end in 1..wire.len() {
        let result = FrameReader::new(&wire[..end]).receive();
        assert!(result.is_err(), "cut at {end}");
    }
}
