//! Messages through a TCP loopback connection: a payload and its buffers sent with
//! `fory_core::oob::transport` and received and read on another thread, in-band and
//! out-of-band, against the same bytes sent as one raw `write_all` and received with
//! `read_exact` (the floor: what the socket costs).
//!
//! Each benchmark keeps one connection and one receiving thread for all its iterations and
//! sends the iterations' messages back to back, so a result is the time per message in a
//! stream of them (messages per second is its inverse); the receiver decodes every message
//! and signals once the last one is read.

use std::borrow::Cow;
use std::hint::black_box;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::{AllOutOfBand, BufferObject};
use fory_core::Fory;

/// Message sizes: the bytes of the f64 array each message carries.
pub const SIZES: [(&str, usize); 2] = [("1 KiB", 1 << 10), ("64 MiB", 64 << 20)];

/// The benchmarks of each size, in the report's column order: the raw copy, then ours in-band
/// and out-of-band (blocking).
pub const FUNCTIONS: [&str; 3] = [
    "blocking/raw-copy",
    "blocking/ours-inband",
    "blocking/ours-oob",
];

/// The criterion group of a size.
pub fn group_name(label: &str) -> String {
    format!("Transport {label}")
}

/// A connected pair of loopback sockets, Nagle off (messages go out as soon as written).
fn loopback() -> (TcpStream, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let sender = TcpStream::connect(listener.local_addr().unwrap()).expect("connect");
    let (receiver, _) = listener.accept().expect("accept");
    sender.set_nodelay(true).unwrap();
    receiver.set_nodelay(true).unwrap();
    (sender, receiver)
}

/// A receiving thread: for each count it is sent, it receives that many messages with
/// `receive_one` and then answers on `done`.
fn spawn_receiver(
    mut receiver: TcpStream,
    mut receive_one: impl FnMut(&mut TcpStream) + Send + 'static,
) -> (mpsc::Sender<u64>, mpsc::Receiver<()>) {
    let (count_tx, count_rx) = mpsc::channel::<u64>();
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        for count in count_rx {
            for _ in 0..count {
                receive_one(&mut receiver);
            }
            if done_tx.send(()).is_err() {
                return;
            }
        }
    });
    (count_tx, done_rx)
}

/// Times `iters` messages: tells the receiver how many to expect, sends them, waits for it.
fn timed(
    iters: u64,
    count_tx: &mpsc::Sender<u64>,
    done_rx: &mpsc::Receiver<()>,
    mut send_one: impl FnMut(),
) -> Duration {
    count_tx.send(iters).unwrap();
    let start = Instant::now();
    for _ in 0..iters {
        send_one();
    }
    done_rx.recv().unwrap();
    start.elapsed()
}

/// Receives one framed message and reads the array from it as a `Cow<[f64]>` (borrowed from
/// the received buffer where it is aligned).
fn receive_framed(fory: &Fory, stream: &mut TcpStream, len: usize) {
    let mut reader = FrameReader::new(stream);
    let message = reader.receive().unwrap().expect("a message");
    let values: Cow<'_, [f64]> = message.deserialize(fory).unwrap();
    assert_eq!(values.len(), len);
    black_box(&values);
}

pub fn benches(c: &mut Criterion) {
    for (label, bytes) in SIZES {
        let values: Vec<f64> = (0..bytes / 8).map(|i| i as f64 * 0.5).collect();
        let len = values.len();
        let mut group = c.benchmark_group(group_name(label));
        group.throughput(Throughput::Bytes(bytes as u64));
        if bytes >= 1 << 20 {
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
        }

        // The floor: the same number of bytes as the out-of-band message, one write_all.
        let message_bytes = {
            let fory = Fory::default();
            let frame = fory.serialize_with_callback(&values, AllOutOfBand).unwrap();
            frame.main.len()
                + frame
                    .buffers
                    .iter()
                    .map(|b| b.as_bytes().len())
                    .sum::<usize>()
        };
        let raw = vec![0x5au8; message_bytes];
        let (mut sender, receiver) = loopback();
        let mut sink = vec![0u8; message_bytes];
        let (count_tx, done_rx) = spawn_receiver(receiver, move |stream| {
            stream.read_exact(&mut sink).unwrap();
            black_box(&sink);
        });
        group.bench_function(FUNCTIONS[0], |b| {
            b.iter_custom(|iters| {
                timed(iters, &count_tx, &done_rx, || {
                    sender.write_all(&raw).unwrap()
                })
            })
        });

        for (function, out_of_band) in [(FUNCTIONS[1], false), (FUNCTIONS[2], true)] {
            let (sender, receiver) = loopback();
            let reading = Fory::default();
            let (count_tx, done_rx) = spawn_receiver(receiver, move |stream| {
                receive_framed(&reading, stream, len)
            });
            let fory = Fory::default();
            let mut writer = FrameWriter::new(sender);
            group.bench_function(function, |b| {
                b.iter_custom(|iters| {
                    timed(iters, &count_tx, &done_rx, || {
                        let keep_in_band = |_: &BufferObject<'_>| !out_of_band;
                        writer.send(&fory, &values, keep_in_band).unwrap();
                    })
                })
            });
        }
        group.finish();
    }
}
