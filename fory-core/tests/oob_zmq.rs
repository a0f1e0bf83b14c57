//! `fory_core::oob::zmq` (feature `zeromq`) over real ZeroMQ sockets on loopback TCP: a value
//! read from a received message borrows from its parts, and a message that does not match its
//! main buffer, or a peer that hangs up mid-message, is an `Err` (never a panic or a hang).
#![cfg(feature = "zeromq")]

use std::borrow::Cow;
use std::io::Write;
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use fory_core::oob::zmq::{message, receive, send, ReceivedMessage};
use fory_core::oob::{AllOutOfBand, OobArrayForm};
use fory_core::{ErrorKind, Fory, ForyObject};
use zeromq::{Endpoint, RepSocket, ReqSocket, Socket, SocketSend, ZmqMessage};

#[derive(ForyObject, Debug, PartialEq, Clone)]
struct Batch {
    name: String,
    step: i64,
    payload: Vec<u8>,
    values: Vec<f64>,
    raw: Vec<u8>,
}

#[derive(ForyObject, Debug, PartialEq)]
struct BatchView<'a> {
    name: &'a str,
    step: i64,
    payload: &'a [u8],
    values: Cow<'a, [f64]>,
    raw: &'a [u8],
}

fn batch() -> Batch {
    Batch {
        name: "b-1".to_string(),
        step: -7,
        payload: (0..100_000).map(|i| (i % 251) as u8).collect(),
        values: (0..1000).map(|i| f64::from(i) * 0.5).collect(),
        raw: vec![9; 5000],
    }
}

fn writer(form: OobArrayForm) -> Fory {
    let mut fory = Fory::builder().oob_array_form(form).build();
    fory.register::<Batch>(120).unwrap();
    fory
}

fn reader(form: OobArrayForm) -> Fory {
    let mut fory = Fory::builder().oob_array_form(form).build();
    fory.register_borrowing::<BatchView<'static>>(120).unwrap();
    fory
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

const TIMEOUT: Duration = Duration::from_secs(10);

/// A bound REP socket and a REQ socket connected to it.
async fn pair() -> (RepSocket, ReqSocket, Endpoint) {
    let mut rep = RepSocket::new();
    let endpoint = rep.bind("tcp://127.0.0.1:0").await.unwrap();
    let mut req = ReqSocket::new();
    req.connect(&endpoint.to_string()).await.unwrap();
    (rep, req, endpoint)
}

/// Sends `parts` as one message from a REQ socket and receives it on the REP side.
fn deliver(parts: Vec<Bytes>) -> ReceivedMessage {
    block_on(async {
        let (mut rep, mut req, _) = pair().await;
        req.send(ZmqMessage::try_from(parts).unwrap())
            .await
            .unwrap();
        receive(&mut rep, Some(TIMEOUT)).await.unwrap()
    })
}

fn parts_of(fory: &Fory, value: &Batch) -> Vec<Bytes> {
    let (msg, _) = message(fory, Arc::new(value.clone()), AllOutOfBand).unwrap();
    msg.into_vec()
}

#[test]
fn both_forms_round_trip_and_the_reader_borrows_from_the_parts() {
    for form in [OobArrayForm::Pyfory, OobArrayForm::Java] {
        let value = batch();
        let (received, sent) = block_on(async {
            let (mut rep, mut req, _) = pair().await;
            let sent = send(
                &mut req,
                &writer(form),
                Arc::new(value.clone()),
                AllOutOfBand,
            )
            .await
            .unwrap();
            (receive(&mut rep, Some(TIMEOUT)).await.unwrap(), sent)
        });
        // Pyfory's form: the floats in-band; Java's: out-of-band too.
        let buffers = if form == OobArrayForm::Pyfory { 2 } else { 3 };
        assert_eq!(sent.parts, 1 + buffers, "{form:?}");
        assert_eq!(sent.copied_payload_bytes, 0);
        assert_eq!(received.parts().len(), 1 + buffers);

        let view: BatchView<'_> = received.deserialize(&reader(form)).unwrap();
        assert_eq!(
            (view.name, view.step, view.payload, &*view.values, view.raw),
            (
                "b-1",
                -7,
                &value.payload[..],
                &value.values[..],
                &value.raw[..]
            )
        );
        assert_eq!(received.part_holding(view.payload), Some(1));
        assert_eq!(received.part_holding(view.name.as_bytes()), Some(0));
        // Fields in Fory's order: payload, raw, values.
        assert_eq!(received.part_holding(view.raw), Some(2));
        if let (OobArrayForm::Java, Cow::Borrowed(values)) = (form, &view.values) {
            let bytes = received.parts()[3].as_ref();
            assert_eq!(values.as_ptr().cast::<u8>(), bytes.as_ptr());
        }
        println!(
            "{form:?}: payload at {:p} in part 1 at {:p}; floats {}",
            view.payload.as_ptr(),
            received.parts()[1].as_ptr(),
            match &view.values {
                Cow::Borrowed(_) => "borrowed",
                Cow::Owned(_) => "copied (not 8-byte aligned in the part)",
            }
        );
    }
}

#[test]
fn the_sent_parts_share_the_value_memory() {
    let value = Arc::new(batch());
    let (msg, sent) = message(
        &writer(OobArrayForm::Pyfory),
        Arc::clone(&value),
        AllOutOfBand,
    )
    .unwrap();
    let parts = msg.into_vec();
    assert_eq!(sent.copied_payload_bytes, 0);
    assert_eq!(parts[1].as_ptr(), value.payload.as_ptr());
    assert_eq!(parts[2].as_ptr(), value.raw.as_ptr());
    // The parts keep the value alive after the caller lets go of it.
    let payload_ptr = value.payload.as_ptr();
    drop(value);
    assert_eq!(parts[1].as_ptr(), payload_ptr);
    assert_eq!(parts[1][250], 250);
}

fn read_err(received: &ReceivedMessage) -> fory_core::Error {
    received
        .deserialize::<BatchView<'_>>(&reader(OobArrayForm::Pyfory))
        .unwrap_err()
}

#[test]
fn a_missing_part_is_an_error() {
    let mut parts = parts_of(&writer(OobArrayForm::Pyfory), &batch());
    parts.pop();
    let err = read_err(&deliver(parts));
    println!("a part missing: {err}");
}

#[test]
fn a_part_left_over_is_an_error() {
    let mut parts = parts_of(&writer(OobArrayForm::Pyfory), &batch());
    parts.push(Bytes::from_static(b"extra"));
    let err = read_err(&deliver(parts));
    println!("a part left over: {err}");
}

#[test]
fn a_truncated_main_part_is_an_error() {
    let parts = parts_of(&writer(OobArrayForm::Pyfory), &batch());
    for cut in [0, 1, 2, 5, parts[0].len() / 2, parts[0].len() - 1] {
        let mut cut_parts = parts.clone();
        cut_parts[0] = parts[0].slice(..cut);
        let err = read_err(&deliver(cut_parts));
        if cut == parts[0].len() - 1 {
            assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
        }
        println!("main cut to {cut} bytes: {err}");
    }
}

fn assert_timed_out(err: &fory_core::Error) {
    assert!(
        matches!(err.kind(), ErrorKind::Io { kind, .. } if *kind == std::io::ErrorKind::TimedOut),
        "{err}"
    );
}

#[test]
fn nothing_to_receive_times_out() {
    let err = block_on(async {
        let (mut rep, _req, _) = pair().await;
        receive(&mut rep, Some(Duration::from_millis(200)))
            .await
            .unwrap_err()
    });
    assert_timed_out(&err);
}

/// A REP socket bound to a free loopback port, its endpoint, and the `host:port` a plain TCP
/// peer connects to.
async fn bound_rep() -> (RepSocket, Endpoint, String) {
    let mut rep = RepSocket::new();
    let endpoint = rep.bind("tcp://127.0.0.1:0").await.unwrap();
    let address = endpoint
        .to_string()
        .trim_start_matches("tcp://")
        .to_string();
    (rep, endpoint, address)
}

/// ZMTP 3.0 over a plain TCP stream: the greeting and the READY command of a REQ socket.
fn zmtp_handshake(stream: &mut TcpStream) {
    let mut greeting = [0u8; 64];
    greeting[0] = 0xff;
    greeting[9] = 0x7f;
    greeting[10] = 3; // version 3.0
    greeting[12..16].copy_from_slice(b"NULL");
    stream.write_all(&greeting).unwrap();
    let mut ready = vec![5];
    ready.extend_from_slice(b"READY");
    ready.push(11);
    ready.extend_from_slice(b"Socket-Type");
    ready.extend_from_slice(&3u32.to_be_bytes());
    ready.extend_from_slice(b"REQ");
    stream.write_all(&[0x04, ready.len() as u8]).unwrap();
    stream.write_all(&ready).unwrap();
}

/// A peer that hangs up mid-message (`wire` written after the handshake, then the connection
/// closed) leaves no message: the receiver times out with an `Err`, and the socket still
/// receives the next whole message.
fn hang_up_after(wire: &[u8]) {
    block_on(async {
        let (mut rep, endpoint, address) = bound_rep().await;
        let mut stream = TcpStream::connect(&address).unwrap();
        zmtp_handshake(&mut stream);
        stream.write_all(wire).unwrap();
        stream.flush().unwrap();
        drop(stream);

        let start = Instant::now();
        let err = receive(&mut rep, Some(Duration::from_millis(500)))
            .await
            .unwrap_err();
        assert_timed_out(&err);
        assert!(start.elapsed() < Duration::from_secs(5));

        // A whole message afterwards is received and read.
        let mut req = ReqSocket::new();
        req.connect(&endpoint.to_string()).await.unwrap();
        let value = batch();
        send(
            &mut req,
            &writer(OobArrayForm::Pyfory),
            Arc::new(value.clone()),
            AllOutOfBand,
        )
        .await
        .unwrap();
        let received = receive(&mut rep, Some(TIMEOUT)).await.unwrap();
        let view: BatchView<'_> = received.deserialize(&reader(OobArrayForm::Pyfory)).unwrap();
        assert_eq!(view.payload, &value.payload[..]);
    });
}

#[test]
fn a_peer_that_hangs_up_before_the_last_part_leaves_no_message() {
    // The REQ delimiter (empty, MORE), the main part (MORE), and then nothing.
    hang_up_after(&[0x01, 0x00, 0x01, 0x03, 0x03, 0xff, 0x00]);
}

#[test]
fn a_peer_that_hangs_up_inside_a_part_leaves_no_message() {
    // The delimiter, then a long frame announcing 1 MiB of which 4 bytes arrive.
    let mut wire = vec![0x01, 0x00, 0x02];
    wire.extend_from_slice(&(1u64 << 20).to_be_bytes());
    wire.extend_from_slice(&[1, 2, 3, 4]);
    hang_up_after(&wire);
}

#[test]
fn the_raw_peer_speaks_zmtp() {
    // The control for the two tests above: the same handshake and a whole message (the
    // delimiter and one part, `1f`) arrive as a message.
    block_on(async {
        let (mut rep, _, address) = bound_rep().await;
        let mut stream = TcpStream::connect(&address).unwrap();
        zmtp_handshake(&mut stream);
        stream.write_all(&[0x01, 0x00, 0x00, 0x01, 0x1f]).unwrap();
        let received = receive(&mut rep, Some(TIMEOUT)).await.unwrap();
        assert_eq!(received.main(), [0x1f]);
        drop(stream);
    });
}

/// The ZMTP frames of one message from a REQ peer: the empty delimiter, then each part, every
/// frame but the last flagged MORE (`01`), long frames (`02`) for parts above 255 bytes.
fn zmtp_frames(parts: &[Bytes]) -> Vec<u8> {
    let mut wire = vec![0x01, 0x00];
    for (i, part) in parts.iter().enumerate() {
        let more = if i + 1 < parts.len() { 0x01 } else { 0x00 };
        if part.len() > 255 {
            wire.push(more | 0x02);
            wire.extend_from_slice(&(part.len() as u64).to_be_bytes());
        } else {
            wire.push(more);
            wire.push(part.len() as u8);
        }
        wire.extend_from_slice(part);
    }
    wire
}

#[test]
fn a_message_trickled_one_byte_at_a_time_is_received_whole() {
    // A peer whose bytes arrive one at a time (each its own write, Nagle off): the receiver
    // waits for the whole message and reads it, borrowing from its parts as usual.
    let value = Batch {
        payload: (0..3000).map(|i| (i % 251) as u8).collect(),
        values: vec![0.5, -1.25, 8.0],
        raw: vec![7; 300],
        ..batch()
    };
    let wire = zmtp_frames(&parts_of(&writer(OobArrayForm::Pyfory), &value));
    block_on(async {
        let (mut rep, _, address) = bound_rep().await;
        let sender = std::thread::spawn(move || {
            let mut stream = TcpStream::connect(&address).unwrap();
            stream.set_nodelay(true).unwrap();
            zmtp_handshake(&mut stream);
            for byte in wire {
                stream.write_all(&[byte]).unwrap();
            }
            stream // kept open until the message is read
        });
        let received = receive(&mut rep, Some(TIMEOUT)).await.unwrap();
        let view: BatchView<'_> = received.deserialize(&reader(OobArrayForm::Pyfory)).unwrap();
        assert_eq!(view.payload, &value.payload[..]);
        assert_eq!(view.raw, &value.raw[..]);
        assert_eq!(&*view.values, &value.values[..]);
        drop(sender.join().unwrap());
    });
}

#[test]
fn a_hostile_frame_length_leaves_no_message_and_no_huge_allocation() {
    // A long frame announcing 2^62 bytes, four of which arrive before the peer hangs up: the
    // receiver times out as for any cut message (an eager allocation of the announced size
    // would abort the test process instead).
    let mut wire = vec![0x01, 0x00, 0x02];
    wire.extend_from_slice(&(1u64 << 62).to_be_bytes());
    wire.extend_from_slice(&[1, 2, 3, 4]);
    hang_up_after(&wire);
}
