//! Faults for the blocking transports (out-of-band messages and value streams): a reader that
//! hands out one byte at a time, `Interrupted` errors, streams cut at every byte (inside the
//! buffer count, the length table, the main buffer, an out-of-band buffer, a payload), writers
//! failing half-way, and hostile length prefixes. Each ends in the right values, a clean
//! `Ok(None)` exactly at a boundary, or an error naming what was expected and where: never a
//! hang, a panic, a huge allocation, or a cut message taken for a whole one.

mod faults_common;

use std::io::{self, IoSlice, Read, Write};

use faults_common::*;
use fory_core::io::{StreamReader, StreamWriter};
use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::{ErrorKind, Fory};

#[global_allocator]
static ALLOCATOR: Tracking = Tracking;

/// Every record as one message each.
fn wire(fory: &Fory) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = FrameWriter::new(&mut out);
    for (i, r) in records().iter().enumerate() {
        writer.send(fory, r, callback(i)).unwrap();
    }
    out
}

/// Every record as a stream of values.
fn stream(fory: &Fory) -> (Vec<u8>, Vec<usize>) {
    let mut writer = StreamWriter::new(fory, Vec::new());
    let mut boundaries = vec![0];
    for r in records() {
        writer.write(&r).unwrap();
        boundaries.push(fory.serialize(&r).unwrap().len() + boundaries.last().unwrap());
    }
    (writer.into_inner(), boundaries)
}

/// Hands out one byte per `read`, and before each byte, if `interrupt` is set, an
/// `Interrupted` error.
struct Trickle<'a> {
    bytes: &'a [u8],
    interrupt: bool,
    interrupted: bool,
}

impl<'a> Trickle<'a> {
    fn new(bytes: &'a [u8], interrupt: bool) -> Self {
        Trickle {
            bytes,
            interrupt,
            interrupted: false,
        }
    }
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.interrupt && !self.interrupted {
            self.interrupted = true;
            return Err(io::Error::new(io::ErrorKind::Interrupted, "signal"));
        }
        self.interrupted = false;
        match (self.bytes.split_first(), buf.first_mut()) {
            (Some((b, rest)), Some(slot)) => {
                *slot = *b;
                self.bytes = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

/// Accepts at most `chunk` bytes per write (partial writes), `Interrupted` every other call,
/// and fails with `BrokenPipe` (or accepts nothing, if `zero`) once `budget` bytes are in.
struct Faulty {
    out: Vec<u8>,
    budget: usize,
    chunk: usize,
    zero: bool,
    tick: bool,
}

impl Faulty {
    fn new(budget: usize, chunk: usize, zero: bool) -> Self {
        Faulty {
            out: Vec::new(),
            budget,
            chunk,
            zero,
            tick: false,
        }
    }
}

impl Write for Faulty {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tick = !self.tick;
        if self.tick {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "signal"));
        }
        let room = self.budget - self.out.len();
        if room == 0 && !buf.is_empty() {
            return if self.zero {
                Ok(0)
            } else {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "peer went away"))
            };
        }
        let n = buf.len().min(room).min(self.chunk);
        self.out.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        let first = bufs.iter().find(|b| !b.is_empty()).map_or(&[][..], |b| b);
        self.write(first)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn receive_all<R: Read>(fory: &Fory, reader: &mut FrameReader<R>) -> Vec<Record> {
    let mut back = Vec::new();
    while let Some(message) = reader.receive().unwrap() {
        back.push(message.deserialize::<Record>(fory).unwrap());
    }
    back
}

#[test]
fn framed_trickled_and_interrupted_reads() {
    let fory = fory();
    let bytes = wire(&fory);
    for interrupt in [false, true] {
        let mut reader = FrameReader::new(Trickle::new(&bytes, interrupt));
        assert_eq!(receive_all(&fory, &mut reader), records());
        assert_eq!(reader.position(), bytes.len());
    }
}

#[test]
fn framed_cut_at_every_byte() {
    let fory = fory();
    let bytes = wire(&fory);
    let (parts, boundaries) = layout(&fory, &records());
    assert_eq!(*boundaries.last().unwrap(), bytes.len());
    for cut in 0..=bytes.len() {
        let (whole, part) = expected_cut(&parts, &boundaries, cut);
        for interrupt in [false, true] {
            let mut reader = FrameReader::new(Trickle::new(&bytes[..cut], interrupt));
            for r in &records()[..whole] {
                let message = reader.receive().unwrap().expect("a whole message");
                assert_eq!(&message.deserialize::<Record>(&fory).unwrap(), r);
            }
            match part {
                None => assert!(reader.receive().unwrap().is_none(), "cut at {cut}"),
                Some(part) => assert_truncated(&reader.receive().unwrap_err(), part, cut),
            }
        }
        // Read in one go from a slice, too.
        let mut reader = FrameReader::new(&bytes[..cut]);
        for _ in 0..whole {
            reader.receive().unwrap().unwrap();
        }
        match part {
            None => assert!(reader.receive().unwrap().is_none()),
            Some(part) => assert_truncated(&reader.receive().unwrap_err(), part, cut),
        }
    }
}

#[test]
fn framed_writer_failing_half_way() {
    let fory = fory();
    let whole = wire(&fory);
    let boundaries = layout(&fory, &records()).1;
    let first = boundaries[1];
    for zero in [false, true] {
        // Partial writes and Interrupted are ridden through.
        let mut writer = FrameWriter::new(Faulty::new(usize::MAX, 3, zero));
        for (i, r) in records().iter().enumerate() {
            writer.send(&fory, r, callback(i)).unwrap();
        }
        assert_eq!(writer.into_inner().out, whole);

        // The peer fails inside the second message.
        let budget = first + (boundaries[2] - first) / 2;
        let mut writer = FrameWriter::new(Faulty::new(budget, 7, zero));
        writer.send(&fory, &records()[0], callback(0)).unwrap();
        let err = writer.send(&fory, &records()[1], callback(1)).unwrap_err();
        let kind = if zero {
            io::ErrorKind::WriteZero
        } else {
            io::ErrorKind::BrokenPipe
        };
        assert!(
            matches!(err.kind(), ErrorKind::Io { kind: k, .. } if *k == kind),
            "{err}"
        );
        // What reached the peer: one message, then a cut one, never taken for whole.
        let sent = writer.into_inner().out;
        assert_eq!(sent.len(), budget);
        let mut reader = FrameReader::new(sent.as_slice());
        assert_eq!(
            reader
                .receive()
                .unwrap()
                .unwrap()
                .deserialize::<Record>(&fory)
                .unwrap(),
            records()[0]
        );
        let err = reader.receive().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    }
}

#[test]
fn framed_hostile_length_prefixes() {
    let limit = |err: &fory_core::Error, offset: usize, found: u64| match err.kind() {
        ErrorKind::LimitExceeded {
            offset: o,
            found: f,
            ..
        } => {
            assert_eq!((*o, *f), (offset, found), "{err}");
        }
        _ => panic!("not a limit: {err}"),
    };
    // A huge buffer count: refused before the length table.
    let err = FrameReader::new(hostile_header(u32::MAX, &[]).as_slice())
        .receive()
        .unwrap_err();
    limit(&err, 0, u64::from(u32::MAX));
    assert!(err.to_string().contains("out-of-band buffers"), "{err}");
    let err = FrameReader::new(hostile_header(1 << 16 | 1, &[]).as_slice())
        .receive()
        .unwrap_err();
    limit(&err, 0, (1 << 16) + 1);
    // A huge main buffer, a huge second buffer: refused as soon as their length arrives, at
    // the length's offset (the table is not read to its end first).
    let err = FrameReader::new(hostile_header(0, &[(1 << 40) + 1]).as_slice())
        .receive()
        .unwrap_err();
    limit(&err, 4, (1 << 40) + 1);
    let err = FrameReader::new(hostile_header(3, &[8, 8, u64::MAX]).as_slice())
        .receive()
        .unwrap_err();
    limit(&err, 20, u64::MAX);
    // The second message of a stream: offsets count from the start of the stream.
    let fory = fory();
    let mut bytes = wire(&fory);
    let start = bytes.len();
    bytes.extend(hostile_header(0, &[u64::MAX]));
    let mut reader = FrameReader::new(bytes.as_slice());
    for _ in records() {
        reader.receive().unwrap().unwrap();
    }
    limit(&reader.receive().unwrap_err(), start + 4, u64::MAX);

    // Lengths within the limits but far beyond the bytes that follow: memory grows with the
    // bytes received, not with the claims.
    let cases = [
        // the most buffers, the table cut after 100 bytes
        (hostile_header(1 << 16, &[]), 100),
        // a 1 TiB main buffer with 1000 bytes of it
        (hostile_header(0, &[1 << 40]), 1000),
        // 2^16 buffers of 1 TiB each, 3 MiB of the first
        (
            hostile_header(
                1 << 16,
                &vec![8; 1]
                    .into_iter()
                    .chain(vec![1 << 40; 1 << 16])
                    .collect::<Vec<_>>(),
            ),
            8 + (3 << 20),
        ),
    ];
    for (mut bytes, tail) in cases {
        let header = bytes.len();
        bytes.resize(header + tail, 0);
        let (result, largest) = largest_allocation(|| FrameReader::new(bytes.as_slice()).receive());
        let err = result.unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
        assert!(largest > 0, "the allocator tracks this thread");
        assert!(
            largest <= 2 * (header + tail) + (1 << 20),
            "{largest} bytes allocated for {} received: {err}",
            header + tail
        );
    }
}

#[test]
fn stream_trickled_interrupted_and_cut_at_every_byte() {
    let fory = fory();
    let (bytes, boundaries) = stream(&fory);
    assert_eq!(*boundaries.last().unwrap(), bytes.len());
    for cut in 0..=bytes.len() {
        let whole = boundaries.iter().filter(|&&b| b <= cut).count() - 1;
        for interrupt in [false, true] {
            let mut reader = StreamReader::new(&fory, Trickle::new(&bytes[..cut], interrupt));
            for r in &records()[..whole] {
                assert_eq!(
                    reader.read::<Record>().unwrap().as_ref(),
                    Some(r),
                    "cut at {cut}"
                );
            }
            if boundaries.contains(&cut) {
                assert_eq!(reader.read::<Record>().unwrap(), None, "cut at {cut}");
            } else {
                let err = reader.read::<Record>().unwrap_err();
                assert!(
                    matches!(err.kind(), ErrorKind::Truncated { .. }),
                    "cut at {cut}: {err}"
                );
                let offset = err.offset().unwrap();
                assert!(
                    boundaries[whole] <= offset && offset <= cut,
                    "cut at {cut}: {err}"
                );
            }
        }
    }
}

#[test]
fn stream_writer_failing_half_way() {
    let fory = fory();
    let (whole, boundaries) = stream(&fory);
    for zero in [false, true] {
        let mut writer = StreamWriter::new(&fory, Faulty::new(usize::MAX, 5, zero));
        for r in records() {
            writer.write(&r).unwrap();
        }
        assert_eq!(writer.into_inner().out, whole);

        let budget = boundaries[1] + 3;
        let mut writer = StreamWriter::new(&fory, Faulty::new(budget, 5, zero));
        writer.write(&records()[0]).unwrap();
        let err = writer.write(&records()[1]).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err}");
        let sent = writer.into_inner().out;
        let mut reader = StreamReader::new(&fory, sent.as_slice());
        assert_eq!(reader.read::<Record>().unwrap(), Some(records()[0].clone()));
        let err = reader.read::<Record>().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    }
}

#[test]
fn stream_hostile_length_prefix() {
    // A string claiming 2^31 bytes, with 100 of them: an error, and memory in proportion to
    // what arrived.
    let fory = Fory::default();
    let mut bytes = fory.serialize(&"x".repeat(200)).unwrap();
    let at = bytes.len() - 200 - 2; // the varuint36 header of 200 bytes takes 2 bytes
    let claim: u64 = (1u64 << 31) << 2; // length << 2 | encoding (Latin-1)
    let mut varint = Vec::new();
    let mut v = claim;
    while v >= 0x80 {
        varint.push((v as u8) | 0x80);
        v >>= 7;
    }
    varint.push(v as u8);
    bytes.splice(at..at + 2, varint);
    bytes.truncate(bytes.len() - 100);
    let (result, largest) =
        largest_allocation(|| StreamReader::new(&fory, bytes.as_slice()).read::<String>());
    let err = result.unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Truncated { .. } | ErrorKind::LimitExceeded { .. }
        ),
        "{err}"
    );
    assert!(largest <= 2 << 20, "{largest} bytes allocated: {err}");
}

#[test]
fn framed_more_buffers_than_a_receiver_takes_is_refused_before_writing() {
    let fory = Fory::default();
    let many: Vec<Vec<u8>> = vec![vec![1]; (1 << 16) + 1];
    let mut wire = Vec::new();
    let err = FrameWriter::new(&mut wire)
        .send(&fory, &many, fory_core::oob::AllOutOfBand)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Encode { .. }), "{err}");
    assert!(
        err.to_string().contains("65537 out-of-band buffers"),
        "{err}"
    );
    assert!(wire.is_empty());
    // The most a receiver takes goes through.
    let most: Vec<Vec<u8>> = vec![vec![1]; 1 << 16];
    FrameWriter::new(&mut wire)
        .send(&fory, &most, fory_core::oob::AllOutOfBand)
        .unwrap();
    let message = FrameReader::new(wire.as_slice())
        .receive()
        .unwrap()
        .unwrap();
    assert_eq!(message.buffers.len(), 1 << 16);
    assert_eq!(message.deserialize::<Vec<Vec<u8>>>(&fory).unwrap(), most);
}

/// Fails with `ConnectionReset` once its bytes are out.
struct Reset<'a>(&'a [u8]);

impl Read for Reset<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.0.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "reset by peer",
            ));
        }
        let n = self.0.read(buf)?;
        Ok(n)
    }
}

#[test]
fn a_failing_connection_is_reported_as_itself_not_as_a_cut() {
    let fory = fory();
    let bytes = wire(&fory);
    let (_, boundaries) = layout(&fory, &records());
    let values = stream(&fory).0;
    for cut in [2, boundaries[1] - 1, boundaries[1] + 1] {
        let mut reader = FrameReader::new(Reset(&bytes[..cut]));
        let err = loop {
            match reader.receive() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("cut at {cut}: a reset taken for a clean end"),
                Err(e) => break e,
            }
        };
        assert!(
            matches!(
                err.kind(),
                ErrorKind::Io {
                    kind: io::ErrorKind::ConnectionReset,
                    ..
                }
            ),
            "cut at {cut}: {err}"
        );
        let mut reader = StreamReader::new(&fory, Reset(&values[..cut]));
        let err = loop {
            match reader.read::<Record>() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("cut at {cut}: a reset taken for a clean end"),
                Err(e) => break e,
            }
        };
        assert!(
            matches!(
                err.kind(),
                ErrorKind::Io {
                    kind: io::ErrorKind::ConnectionReset,
                    ..
                }
            ),
            "cut at {cut}: {err}"
        );
    }
}
