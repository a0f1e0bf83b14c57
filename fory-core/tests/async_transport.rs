//! The async out-of-band transport and async value streams (feature `tokio`): round trips over
//! `tokio::io::duplex` and TCP loopback, interoperation with the blocking transport, and faults
//! (bytes handed out one at a time between `Pending`s and `Interrupted`s, streams cut at every
//! byte: mid-header, mid-length-table, mid-buffer, mid-payload; writers failing half-way;
//! hostile length prefixes; cancelled receives; peers gone mid-message), plus a soak of 100,000
//! messages over 64 concurrent connections.
#![cfg(feature = "tokio")]

mod faults_common;

use std::borrow::Cow;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use faults_common::{
    assert_truncated, callback, expected_cut, hostile_header, layout, records, start_tracking,
    stop_tracking, Record, Tracking,
};

use fory_core::io::async_stream::{AsyncStreamReader, AsyncStreamWriter};
use fory_core::io::{StreamReader, StreamWriter};
use fory_core::oob::async_transport::{AsyncFrameReader, AsyncFrameWriter};
use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::{AllOutOfBand, SizeThreshold};
use fory_core::{ErrorKind, Fory, ForyObject};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Rich {
    id: i64,
    name: String,
    tags: Vec<String>,
    blob: Vec<u8>,
    values: Vec<f64>,
}

#[global_allocator]
static ALLOCATOR: Tracking = Tracking;

fn fory() -> Fory {
    let mut fory = faults_common::fory();
    fory.register::<Rich>(7).unwrap();
    fory
}

fn record(i: i64, size: usize) -> Rich {
    Rich {
        id: i,
        name: format!("record-{i}"),
        tags: vec!["a".to_string(), format!("t{}", i % 7)],
        blob: (0..size).map(|k| (k as i64 + i) as u8).collect(),
        values: (0..size / 4).map(|k| k as f64 * 0.5 + i as f64).collect(),
    }
}

#[test]
fn futures_are_send() {
    fn send<T: Send>(_: &T) {}
    let fory = fory();
    let (a, b) = tokio::io::duplex(16);
    let mut writer = AsyncFrameWriter::new(a);
    let mut reader = AsyncFrameReader::new(b);
    let value = record(1, 8);
    send(&writer.send(&fory, &value, AllOutOfBand));
    send(&reader.receive());
    let (a, b) = tokio::io::duplex(16);
    let mut writer = AsyncStreamWriter::new(&fory, a);
    let mut reader = AsyncStreamReader::new(&fory, b);
    send(&writer.write(&value));
    send(&reader.read::<Rich>());
}

#[tokio::test]
async fn duplex_round_trip_borrows_aligned_arrays() {
    let fory = fory();
    let records: Vec<Rich> = (0..20).map(|i| record(i, 100 + i as usize * 37)).collect();
    let (client, server) = tokio::io::duplex(1000);
    let sender = async {
        let mut writer = AsyncFrameWriter::new(client);
        for r in &records {
            let sent = writer.send(&fory, r, SizeThreshold(64)).await.unwrap();
            assert_eq!(sent.copied_payload_bytes, 0);
        }
        let samples: Vec<f64> = (0..5000).map(f64::from).collect();
        writer.send(&fory, &samples, AllOutOfBand).await.unwrap();
        writer.shutdown().await.unwrap();
    };
    let receiver = async {
        let mut reader = AsyncFrameReader::new(server);
        for r in &records {
            let message = reader.receive().await.unwrap().unwrap();
            assert_eq!(&message.deserialize::<Rich>(&fory).unwrap(), r);
        }
        let message = reader.receive().await.unwrap().unwrap();
        let back: Cow<[f64]> = message.deserialize(&fory).unwrap();
        assert!(matches!(back, Cow::Borrowed(_)));
        assert_eq!(back.len(), 5000);
        assert!(reader.receive().await.unwrap().is_none());
        assert!(reader.receive().await.unwrap().is_none());
    };
    tokio::join!(sender, receiver);
}

#[tokio::test]
async fn tcp_loopback_both_directions_with_the_blocking_side() {
    let fory = fory();
    let records: Vec<Rich> = (0..10).map(|i| record(i, 50_000)).collect();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();

    // Async writer, async reader.
    let server = async {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = AsyncFrameReader::new(stream);
        let mut n = 0;
        while let Some(message) = reader.receive().await.unwrap() {
            assert_eq!(message.deserialize::<Rich>(&fory).unwrap(), records[n]);
            n += 1;
        }
        n
    };
    let client = async {
        let mut writer = AsyncFrameWriter::new(TcpStream::connect(address).await.unwrap());
        for r in &records {
            writer.send(&fory, r, AllOutOfBand).await.unwrap();
        }
        writer.shutdown().await.unwrap();
    };
    let (n, ()) = tokio::join!(server, client);
    assert_eq!(n, records.len());

    // Blocking writer on a thread, async reader.
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = std_listener.local_addr().unwrap();
    let sent = records.clone();
    let thread = std::thread::spawn(move || {
        let fory = self::fory();
        let (stream, _) = std_listener.accept().unwrap();
        let mut writer = FrameWriter::new(stream);
        for r in &sent {
            writer.send(&fory, r, AllOutOfBand).unwrap();
        }
    });
    let mut reader = AsyncFrameReader::new(TcpStream::connect(address).await.unwrap());
    for r in &records {
        let message = reader.receive().await.unwrap().unwrap();
        assert_eq!(&message.deserialize::<Rich>(&fory).unwrap(), r);
    }
    assert!(reader.receive().await.unwrap().is_none());
    thread.join().unwrap();

    // Async writer, blocking reader on a thread.
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = std_listener.local_addr().unwrap();
    let expected = records.clone();
    let thread = std::thread::spawn(move || {
        let fory = self::fory();
        let (stream, _) = std_listener.accept().unwrap();
        let mut reader = FrameReader::new(stream);
        let mut n = 0;
        while let Some(message) = reader.receive().unwrap() {
            assert_eq!(message.deserialize::<Rich>(&fory).unwrap(), expected[n]);
            n += 1;
        }
        n
    });
    let mut writer = AsyncFrameWriter::new(TcpStream::connect(address).await.unwrap());
    for r in &records {
        writer.send(&fory, r, AllOutOfBand).await.unwrap();
    }
    writer.shutdown().await.unwrap();
    drop(writer);
    assert_eq!(thread.join().unwrap(), records.len());
}

#[tokio::test]
async fn async_streams_over_tcp_and_with_the_blocking_form() {
    let fory = fory();
    let records: Vec<Rich> = (0..30).map(|i| record(i, 3000)).collect();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = async {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = AsyncStreamReader::new(&fory, stream);
        let mut back = Vec::new();
        while let Some(r) = reader.read::<Rich>().await.unwrap() {
            back.push(r);
        }
        back
    };
    let client = async {
        let mut writer = AsyncStreamWriter::new(&fory, TcpStream::connect(address).await.unwrap());
        for r in &records {
            writer.write(r).await.unwrap();
        }
        writer.shutdown().await.unwrap();
    };
    let (back, ()) = tokio::join!(server, client);
    assert_eq!(back, records);

    // The async writer's bytes are the blocking writer's.
    let mut blocking = StreamWriter::new(&fory, Vec::new());
    let mut asynchronous = AsyncStreamWriter::new(&fory, Vec::new());
    for r in &records {
        blocking.write(r).unwrap();
        asynchronous.write(r).await.unwrap();
    }
    let bytes = blocking.into_inner();
    assert_eq!(asynchronous.into_inner(), bytes);
    let mut reader = StreamReader::new(&fory, bytes.as_slice());
    for r in &records {
        assert_eq!(reader.read::<Rich>().unwrap().as_ref(), Some(r));
    }
}

// ---------------------------------------------------------------------------------------------
// Faults

/// Hands out one byte per ready poll; before each byte a `Pending` (after waking the task)
/// and, if `interrupt` is set, an `Interrupted` error.
struct Trickle<'a> {
    bytes: &'a [u8],
    interrupt: bool,
    step: u8,
}

impl<'a> Trickle<'a> {
    fn new(bytes: &'a [u8], interrupt: bool) -> Self {
        Trickle {
            bytes,
            interrupt,
            step: 0,
        }
    }
}

impl AsyncRead for Trickle<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.step = (self.step + 1) % 3;
        match self.step {
            1 => {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            2 if self.interrupt => {
                Poll::Ready(Err(io::Error::new(io::ErrorKind::Interrupted, "signal")))
            }
            _ => {
                if let Some((b, rest)) = self.bytes.split_first() {
                    if buf.remaining() > 0 {
                        buf.put_slice(&[*b]);
                        self.bytes = rest;
                    }
                }
                Poll::Ready(Ok(()))
            }
        }
    }
}

/// Accepts at most `chunk` bytes per write (partial writes), is `Pending` every other call,
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

impl AsyncWrite for Faulty {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.tick = !self.tick;
        if self.tick {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let room = self.budget - self.out.len();
        if room == 0 && !buf.is_empty() {
            return Poll::Ready(if self.zero {
                Ok(0)
            } else {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "peer went away"))
            });
        }
        let n = buf.len().min(room).min(self.chunk);
        self.out.extend_from_slice(&buf[..n]);
        Poll::Ready(Ok(n))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Every record as one message each, by the async writer.
async fn async_wire(fory: &Fory) -> Vec<u8> {
    let mut writer = AsyncFrameWriter::new(Vec::new());
    for (i, r) in records().iter().enumerate() {
        writer.send(fory, r, callback(i)).await.unwrap();
    }
    writer.into_inner()
}

#[tokio::test]
async fn async_framed_trickled_pending_and_interrupted_reads() {
    let fory = fory();
    let bytes = async_wire(&fory).await;
    for interrupt in [false, true] {
        let mut reader = AsyncFrameReader::new(Trickle::new(&bytes, interrupt));
        for r in records() {
            let message = reader.receive().await.unwrap().unwrap();
            assert_eq!(message.deserialize::<Record>(&fory).unwrap(), r);
        }
        assert!(reader.receive().await.unwrap().is_none());
        assert_eq!(reader.position(), bytes.len());
    }
}

#[tokio::test]
async fn async_framed_cut_at_every_byte() {
    let fory = fory();
    let bytes = async_wire(&fory).await;
    let (parts, boundaries) = layout(&fory, &records());
    assert_eq!(*boundaries.last().unwrap(), bytes.len());
    for cut in 0..=bytes.len() {
        let (whole, part) = expected_cut(&parts, &boundaries, cut);
        for interrupt in [false, true] {
            let mut reader = AsyncFrameReader::new(Trickle::new(&bytes[..cut], interrupt));
            for r in &records()[..whole] {
                let message = reader.receive().await.unwrap().expect("a whole message");
                assert_eq!(&message.deserialize::<Record>(&fory).unwrap(), r);
            }
            match part {
                None => assert!(reader.receive().await.unwrap().is_none(), "cut at {cut}"),
                Some(part) => assert_truncated(&reader.receive().await.unwrap_err(), part, cut),
            }
        }
        let mut reader = AsyncFrameReader::new(&bytes[..cut]);
        for _ in 0..whole {
            reader.receive().await.unwrap().unwrap();
        }
        match part {
            None => assert!(reader.receive().await.unwrap().is_none()),
            Some(part) => assert_truncated(&reader.receive().await.unwrap_err(), part, cut),
        }
    }
}

#[tokio::test]
async fn async_framed_writer_failing_half_way() {
    let fory = fory();
    let whole = async_wire(&fory).await;
    let boundaries = layout(&fory, &records()).1;
    for zero in [false, true] {
        // Partial writes and Pending are ridden through.
        let mut writer = AsyncFrameWriter::new(Faulty::new(usize::MAX, 3, zero));
        for (i, r) in records().iter().enumerate() {
            writer.send(&fory, r, callback(i)).await.unwrap();
        }
        assert_eq!(writer.into_inner().out, whole);

        let budget = boundaries[1] + (boundaries[2] - boundaries[1]) / 2;
        let mut writer = AsyncFrameWriter::new(Faulty::new(budget, 7, zero));
        writer
            .send(&fory, &records()[0], callback(0))
            .await
            .unwrap();
        let err = writer
            .send(&fory, &records()[1], callback(1))
            .await
            .unwrap_err();
        let kind = if zero {
            io::ErrorKind::WriteZero
        } else {
            io::ErrorKind::BrokenPipe
        };
        assert!(
            matches!(err.kind(), ErrorKind::Io { kind: k, .. } if *k == kind),
            "{err}"
        );
        let sent = writer.into_inner().out;
        assert_eq!(sent.len(), budget);
        let mut reader = AsyncFrameReader::new(sent.as_slice());
        let first = reader.receive().await.unwrap().unwrap();
        assert_eq!(first.deserialize::<Record>(&fory).unwrap(), records()[0]);
        let err = reader.receive().await.unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    }
}

#[tokio::test]
async fn async_framed_hostile_length_prefixes() {
    let limit = |err: &fory_core::Error, offset: usize, found: u64| match err.kind() {
        ErrorKind::LimitExceeded {
            offset: o,
            found: f,
            ..
        } => assert_eq!((*o, *f), (offset, found), "{err}"),
        _ => panic!("not a limit: {err}"),
    };
    let bytes = hostile_header(u32::MAX, &[]);
    let err = AsyncFrameReader::new(bytes.as_slice())
        .receive()
        .await
        .unwrap_err();
    limit(&err, 0, u64::from(u32::MAX));
    let bytes = hostile_header(0, &[(1 << 40) + 1]);
    let err = AsyncFrameReader::new(bytes.as_slice())
        .receive()
        .await
        .unwrap_err();
    limit(&err, 4, (1 << 40) + 1);
    let bytes = hostile_header(3, &[8, 8, u64::MAX]);
    let err = AsyncFrameReader::new(bytes.as_slice())
        .receive()
        .await
        .unwrap_err();
    limit(&err, 20, u64::MAX);

    // Claims far beyond the bytes that follow: memory grows with the bytes received. This
    // test's runtime polls on this thread, so the allocator sees every allocation.
    let mut many = vec![8u64];
    many.extend(std::iter::repeat(1u64 << 40).take(1 << 16));
    let cases = [
        (hostile_header(1 << 16, &[]), 100),
        (hostile_header(0, &[1 << 40]), 1000),
        (hostile_header(1 << 16, &many), 8 + (3 << 20)),
    ];
    for (mut bytes, tail) in cases {
        let header = bytes.len();
        bytes.resize(header + tail, 0);
        let mut reader = AsyncFrameReader::new(bytes.as_slice());
        start_tracking();
        let result = reader.receive().await;
        let largest = stop_tracking();
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

#[tokio::test]
async fn async_receive_is_cancel_safe_and_a_peer_gone_mid_message_is_an_error() {
    let fory = fory();
    let bytes = async_wire(&fory).await;
    let (parts, boundaries) = layout(&fory, &records());
    // Half of the first message, a receive that times out, the rest: the message arrives whole.
    let (mut client, server) = tokio::io::duplex(1 << 16);
    let mut reader = AsyncFrameReader::new(server);
    let half = boundaries[1] / 2;
    client.write_all(&bytes[..half]).await.unwrap();
    let pending = tokio::time::timeout(Duration::from_millis(20), reader.receive()).await;
    assert!(pending.is_err(), "no whole message yet");
    assert_eq!(reader.position(), half);
    client.write_all(&bytes[half..]).await.unwrap();
    for r in records() {
        let message = reader.receive().await.unwrap().unwrap();
        assert_eq!(message.deserialize::<Record>(&fory).unwrap(), r);
    }
    // The peer goes away inside the next message's first out-of-band buffer.
    let buffer = parts
        .iter()
        .find(|p| p.expected == "a message's out-of-band buffer")
        .copied()
        .unwrap();
    let cut = buffer.start + buffer.len / 2;
    client.write_all(&bytes[..cut]).await.unwrap();
    drop(client);
    let err = reader.receive().await.unwrap_err();
    let shifted = faults_common::PartSpan {
        start: buffer.start + bytes.len(),
        ..buffer
    };
    assert_truncated(&err, shifted, cut + bytes.len());

    // The same over TCP: the sender's socket closes inside the length table.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let table = parts[1];
    let cut = table.start + 5;
    let sender = async {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream.write_all(&bytes[..cut]).await.unwrap();
        stream.shutdown().await.unwrap();
    };
    let receiver = async {
        let (stream, _) = listener.accept().await.unwrap();
        AsyncFrameReader::new(stream).receive().await.unwrap_err()
    };
    let ((), err) = tokio::join!(sender, receiver);
    assert_truncated(&err, table, cut);
}

/// Every record as a stream of values, and the value boundaries.
async fn async_stream(fory: &Fory) -> (Vec<u8>, Vec<usize>) {
    let mut writer = AsyncStreamWriter::new(fory, Vec::new());
    let mut boundaries = vec![0];
    for r in records() {
        writer.write(&r).await.unwrap();
        boundaries.push(fory.serialize(&r).unwrap().len() + boundaries.last().unwrap());
    }
    (writer.into_inner(), boundaries)
}

#[tokio::test]
async fn async_stream_trickled_interrupted_and_cut_at_every_byte() {
    let fory = fory();
    let (bytes, boundaries) = async_stream(&fory).await;
    assert_eq!(*boundaries.last().unwrap(), bytes.len());
    for cut in 0..=bytes.len() {
        let whole = boundaries.iter().filter(|&&b| b <= cut).count() - 1;
        for interrupt in [false, true] {
            let mut reader = AsyncStreamReader::new(&fory, Trickle::new(&bytes[..cut], interrupt));
            for r in &records()[..whole] {
                let back = reader.read::<Record>().await.unwrap();
                assert_eq!(back.as_ref(), Some(r), "cut at {cut}");
            }
            if boundaries.contains(&cut) {
                assert_eq!(reader.read::<Record>().await.unwrap(), None, "cut at {cut}");
            } else {
                let err = reader.read::<Record>().await.unwrap_err();
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

#[tokio::test]
async fn async_stream_writer_failing_half_way_and_cancelled_reads() {
    let fory = fory();
    let (whole, boundaries) = async_stream(&fory).await;
    for zero in [false, true] {
        let mut writer = AsyncStreamWriter::new(&fory, Faulty::new(usize::MAX, 5, zero));
        for r in records() {
            writer.write(&r).await.unwrap();
        }
        assert_eq!(writer.into_inner().out, whole);

        let budget = boundaries[1] + 3;
        let mut writer = AsyncStreamWriter::new(&fory, Faulty::new(budget, 5, zero));
        writer.write(&records()[0]).await.unwrap();
        let err = writer.write(&records()[1]).await.unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err}");
        let sent = writer.into_inner().out;
        let mut reader = AsyncStreamReader::new(&fory, sent.as_slice());
        assert_eq!(
            reader.read::<Record>().await.unwrap(),
            Some(records()[0].clone())
        );
        let err = reader.read::<Record>().await.unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    }

    // A read cancelled half-way through a value loses nothing.
    let (mut client, server) = tokio::io::duplex(1 << 16);
    let mut reader = AsyncStreamReader::new(&fory, server);
    let half = boundaries[1] / 2;
    client.write_all(&whole[..half]).await.unwrap();
    let pending = tokio::time::timeout(Duration::from_millis(20), reader.read::<Record>()).await;
    assert!(pending.is_err(), "no whole value yet");
    client.write_all(&whole[half..]).await.unwrap();
    drop(client);
    for r in records() {
        assert_eq!(reader.read::<Record>().await.unwrap(), Some(r));
    }
    assert_eq!(reader.read::<Record>().await.unwrap(), None);
}

// ---------------------------------------------------------------------------------------------
// Soak

const SOAK_MESSAGES: usize = 100_000;
const SOAK_CONNECTIONS: usize = 64;

/// Message `i` of connection `c`: metadata, a binary and a numeric array, each checkable.
fn soak_record(c: usize, i: usize) -> Record {
    let seed = (c * 1_000_003 + i) as u64;
    Record {
        id: seed as i64,
        name: format!("c{c}-m{i}"),
        blob: (0..24).map(|k| (seed as u8).wrapping_add(k)).collect(),
        values: (0..6).map(|k| seed as f64 + f64::from(k) * 0.5).collect(),
    }
}

/// 100,000 messages over 64 connections at once (duplex pipes and TCP loopback, half each),
/// every value out-of-band and checked, on one runtime with two workers; stops by itself
/// after 120 s at most.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_100_000_messages_over_64_connections() {
    let started = Instant::now();
    let fory = Arc::new(fory());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let run = async {
        let mut readers = Vec::new();
        let mut writers = Vec::new();
        for c in 0..SOAK_CONNECTIONS {
            let count = SOAK_MESSAGES / SOAK_CONNECTIONS
                + usize::from(c < SOAK_MESSAGES % SOAK_CONNECTIONS);
            let (write_half, read_half): (
                Box<dyn AsyncWrite + Send + Unpin>,
                Box<dyn AsyncRead + Send + Unpin>,
            ) = if c % 2 == 0 {
                let (a, b) = tokio::io::duplex(8 * 1024);
                (Box::new(a), Box::new(b))
            } else {
                let (connected, accepted) =
                    tokio::join!(TcpStream::connect(address), listener.accept());
                (Box::new(connected.unwrap()), Box::new(accepted.unwrap().0))
            };
            let f = Arc::clone(&fory);
            writers.push(tokio::spawn(async move {
                let mut writer = AsyncFrameWriter::new(write_half);
                for i in 0..count {
                    let sent = writer
                        .send(&f, &soak_record(c, i), AllOutOfBand)
                        .await
                        .unwrap();
                    assert_eq!(sent.copied_payload_bytes, 0);
                }
                writer.shutdown().await.unwrap();
            }));
            let f = Arc::clone(&fory);
            readers.push(tokio::spawn(async move {
                let mut reader = AsyncFrameReader::new(read_half);
                let mut n = 0;
                while let Some(message) = reader.receive().await.unwrap() {
                    assert_eq!(message.buffers.len(), 2);
                    let back: Record = message.deserialize(&f).unwrap();
                    assert_eq!(back, soak_record(c, n));
                    n += 1;
                }
                assert_eq!(n, count, "connection {c}");
                n
            }));
        }
        for w in writers {
            w.await.unwrap();
        }
        let mut total = 0;
        for r in readers {
            total += r.await.unwrap();
        }
        total
    };
    let total = tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("the soak finishes within 120 s");
    assert_eq!(total, SOAK_MESSAGES);
    eprintln!(
        "soak: {total} messages over {SOAK_CONNECTIONS} connections in {:.2?}",
        started.elapsed()
    );
}
