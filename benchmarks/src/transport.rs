//! Messages through a TCP loopback connection: a payload and its buffers sent with
//! `fory_core::oob::transport` (blocking) or `fory_core::oob::async_transport` (tokio) and
//! received and read on another thread, in-band and out-of-band, against the same bytes sent
//! as one raw `write_all` and received with `read_exact` (the floor: what the socket costs).
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

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use fory_core::oob::async_transport::{AsyncFrameReader, AsyncFrameWriter};
use fory_core::oob::transport::{FrameReader, FrameWriter, ReceivedFrame};
use fory_core::oob::{AllOutOfBand, BufferObject};
use fory_core::Fory;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::runtime::Runtime;

/// Message sizes: the bytes of the f64 array each message carries.
pub const SIZES: [(&str, usize); 2] = [("1 KiB", 1 << 10), ("64 MiB", 64 << 20)];

/// The benchmarks of each size, in the report's column order: the raw copy, then ours in-band
/// and out-of-band, blocking (`std::net`) and then async (tokio, a current-thread runtime on
/// each side).
pub const FUNCTIONS: [&str; 6] = [
    "blocking/raw-copy",
    "blocking/ours-inband",
    "blocking/ours-oob",
    "async/raw-copy",
    "async/ours-inband",
    "async/ours-oob",
];

/// The criterion group of a size.
pub fn group_name(label: &str) -> String {
    format!("Transport {label}")
}

/// What the sending side uses to tell the receiver how many messages to expect, and to learn
/// that it has read them all.
type Channels = (mpsc::Sender<u64>, mpsc::Receiver<()>);

/// A connected pair of loopback sockets, Nagle off (messages go out as soon as written).
fn loopback() -> (TcpStream, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let sender = TcpStream::connect(listener.local_addr().unwrap()).expect("connect");
    let (receiver, _) = listener.accept().expect("accept");
    sender.set_nodelay(true).unwrap();
    receiver.set_nodelay(true).unwrap();
    (sender, receiver)
}

/// A current-thread tokio runtime with I/O.
fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("a tokio runtime")
}

/// A std socket as a tokio one, registered with `runtime`.
fn to_tokio(runtime: &Runtime, stream: TcpStream) -> tokio::net::TcpStream {
    stream.set_nonblocking(true).unwrap();
    let _entered = runtime.enter();
    tokio::net::TcpStream::from_std(stream).expect("a tokio socket")
}

/// A receiving thread: for each count it is sent, it receives that many messages with
/// `receive_one` and then answers.
fn spawn_receiver(
    mut receiver: TcpStream,
    mut receive_one: impl FnMut(&mut TcpStream) + Send + 'static,
) -> Channels {
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

/// [`spawn_receiver`] on a runtime of the thread's own: `reader` makes the receiving state from
/// the socket, and `receive_one` is awaited for each message.
fn spawn_async_receiver<S>(
    receiver: TcpStream,
    reader: impl FnOnce(tokio::net::TcpStream) -> S + Send + 'static,
    mut receive_one: impl AsyncFnMut(&mut S) + Send + 'static,
) -> Channels {
    let (count_tx, count_rx) = mpsc::channel::<u64>();
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        let runtime = runtime();
        let mut state = reader(to_tokio(&runtime, receiver));
        runtime.block_on(async move {
            for count in count_rx {
                for _ in 0..count {
                    receive_one(&mut state).await;
                }
                if done_tx.send(()).is_err() {
                    return;
                }
            }
        });
    });
    (count_tx, done_rx)
}

/// Times `iters` messages: tells the receiver how many to expect, sends them, waits for it.
fn timed(iters: u64, (count_tx, done_rx): &Channels, send_all: impl FnOnce(u64)) -> Duration {
    count_tx.send(iters).unwrap();
    let start = Instant::now();
    send_all(iters);
    done_rx.recv().unwrap();
    start.elapsed()
}

/// Reads the array from a received message as a `Cow<[f64]>` (borrowed from the received
/// buffer where it is aligned).
fn read_values(fory: &Fory, message: &ReceivedFrame, len: usize) {
    let values: Cow<'_, [f64]> = message.deserialize(fory).unwrap();
    assert_eq!(values.len(), len);
    black_box(&values);
}

/// A callback that keeps every buffer in-band, or sends every one out-of-band.
fn callback(out_of_band: bool) -> impl Fn(&BufferObject<'_>) -> bool {
    move |_| !out_of_band
}

pub fn benches(c: &mut Criterion) {
    for (label, bytes) in SIZES {
        let values: Vec<f64> = (0..bytes / 8).map(|i| i as f64 * 0.5).collect();
        let mut group = c.benchmark_group(group_name(label));
        group.throughput(Throughput::Bytes(bytes as u64));
        if bytes >= 1 << 20 {
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
        }
        blocking(&mut group, &values);
        asynchronous(&mut group, &values);
        group.finish();
    }
}

/// The floor's message: as many bytes as the out-of-band message of `values`.
fn raw_message(values: &[f64]) -> Vec<u8> {
    let fory = Fory::default();
    let frame = fory.serialize_with_callback(values, AllOutOfBand).unwrap();
    let len = frame.main.len()
        + frame
            .buffers
            .iter()
            .map(|b| b.as_bytes().len())
            .sum::<usize>();
    vec![0x5a; len]
}

fn blocking(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, values: &[f64]) {
    let len = values.len();
    let raw = raw_message(values);
    let (mut sender, receiver) = loopback();
    let mut sink = vec![0u8; raw.len()];
    let channels = spawn_receiver(receiver, move |stream| {
        stream.read_exact(&mut sink).unwrap();
        black_box(&sink);
    });
    group.bench_function(FUNCTIONS[0], |b| {
        b.iter_custom(|iters| {
            timed(iters, &channels, |n| {
                for _ in 0..n {
                    sender.write_all(&raw).unwrap();
                }
            })
        })
    });

    for (function, out_of_band) in [(FUNCTIONS[1], false), (FUNCTIONS[2], true)] {
        let (sender, receiver) = loopback();
        let reading = Fory::default();
        let channels = spawn_receiver(receiver, move |stream| {
            let message = FrameReader::new(stream)
                .receive()
                .unwrap()
                .expect("a message");
            read_values(&reading, &message, len);
        });
        let fory = Fory::default();
        let mut writer = FrameWriter::new(sender);
        group.bench_function(function, |b| {
            b.iter_custom(|iters| {
                timed(iters, &channels, |n| {
                    for _ in 0..n {
                        writer.send(&fory, values, callback(out_of_band)).unwrap();
                    }
                })
            })
        });
    }
}

fn asynchronous(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, values: &[f64]) {
    let len = values.len();
    let runtime = runtime();
    let raw = raw_message(values);
    let (sender, receiver) = loopback();
    let mut sender = to_tokio(&runtime, sender);
    let sink = vec![0u8; raw.len()];
    let channels = spawn_async_receiver(
        receiver,
        move |stream| (stream, sink),
        async |(stream, sink)| {
            stream.read_exact(sink).await.unwrap();
            black_box(&sink);
        },
    );
    group.bench_function(FUNCTIONS[3], |b| {
        b.iter_custom(|iters| {
            timed(iters, &channels, |n| {
                runtime.block_on(async {
                    for _ in 0..n {
                        sender.write_all(&raw).await.unwrap();
                    }
                })
            })
        })
    });

    for (function, out_of_band) in [(FUNCTIONS[4], false), (FUNCTIONS[5], true)] {
        let (sender, receiver) = loopback();
        let channels = spawn_async_receiver(
            receiver,
            |stream| (AsyncFrameReader::new(stream), Fory::default()),
            async move |(reader, fory)| {
                let message = reader.receive().await.unwrap().expect("a message");
                read_values(fory, &message, len);
            },
        );
        let fory = Fory::default();
        let mut writer = AsyncFrameWriter::new(to_tokio(&runtime, sender));
        group.bench_function(function, |b| {
            b.iter_custom(|iters| {
                timed(iters, &channels, |n| {
                    runtime.block_on(async {
                        for _ in 0..n {
                            let sent = writer.send(&fory, values, callback(out_of_band));
                            sent.await.unwrap();
                        }
                    })
                })
            })
        });
    }
}
