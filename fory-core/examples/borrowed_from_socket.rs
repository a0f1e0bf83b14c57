//! Receives a borrowing struct (`Msg<'a>`, with `&str`, `&[u8]` and `Cow<[f64]>` fields) over a
//! TCP loopback connection, its byte payload and f64 array out-of-band, and checks that every
//! borrowed field points into the received buffers: no payload byte is copied on either side.
//!
//! ```sh
//! cargo run --release -p fory-core --example borrowed_from_socket
//! ```
//!
//! The sender builds `Msg<'_>` over data it already holds (no copy into the struct) and sends
//! it with the out-of-band transport (`fory_core::oob::transport`): the payload and the samples
//! go to the socket straight from their memory. The receiver stores each buffer 8-byte aligned,
//! so the `Cow<[f64]>` borrows, and reads `Msg<'_>` whose fields are views into the message: the
//! text into the main buffer, the payload and the samples into their own buffers. Registered
//! with `register_borrowing::<Msg<'static>>(id)`. A failed check exits non-zero.

use std::borrow::Cow;
use std::net::{TcpListener, TcpStream};
use std::ops::Range;
use std::thread;

use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::SizeThreshold;
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, PartialEq)]
struct Msg<'a> {
    name: &'a str,
    tags: Vec<&'a str>,
    payload: &'a [u8],
    samples: Cow<'a, [f64]>,
}

const PAYLOAD: usize = 4 << 20; // 4 MiB of bytes
const SAMPLES: usize = 1 << 20; // 1 Mi f64 = 8 MiB

fn fory() -> Fory {
    let mut fory = Fory::default();
    fory.register_borrowing::<Msg<'static>>(1)
        .expect("fresh registry");
    fory
}

fn within(outer: &[u8], ptr: *const u8, len: usize) -> bool {
    let Range { start, end } = outer.as_ptr_range();
    start <= ptr && ptr.wrapping_add(len) <= end
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;

    let receiver = thread::spawn(move || -> Result<(), fory_core::Error> {
        let fory = fory();
        let (stream, _) = listener.accept()?;
        let message = FrameReader::new(stream).receive()?.expect("a message");
        let msg: Msg<'_> = message.deserialize(&fory)?;

        // Text lives in the main buffer; the payload and the samples in their own buffers.
        let main = message.main.as_slice();
        assert!(within(main, msg.name.as_ptr(), msg.name.len()));
        assert!(msg.tags.iter().all(|t| within(main, t.as_ptr(), t.len())));
        let buffers: Vec<&[u8]> = message.buffers.iter().map(|b| b.as_bytes()).collect();
        assert!(buffers
            .iter()
            .any(|b| b.as_ptr() == msg.payload.as_ptr() && b.len() == msg.payload.len()));
        let Cow::Borrowed(samples) = &msg.samples else {
            panic!("the samples were copied");
        };
        assert!(buffers
            .iter()
            .any(|b| b.as_ptr() == samples.as_ptr().cast::<u8>() && b.len() == samples.len() * 8));
        assert_eq!(msg.samples[SAMPLES - 1], (SAMPLES - 1) as f64 * 0.25);
        assert_eq!(msg.payload[PAYLOAD - 1], ((PAYLOAD - 1) % 251) as u8);

        println!(
            "receiver: {} with tags {:?}: {} payload bytes and {} samples borrowed from the \
             received buffers (main buffer {} bytes); 0 bytes copied",
            msg.name,
            msg.tags,
            msg.payload.len(),
            samples.len(),
            main.len()
        );
        Ok(())
    });

    let fory = fory();
    let payload: Vec<u8> = (0..PAYLOAD).map(|i| (i % 251) as u8).collect();
    let samples: Vec<f64> = (0..SAMPLES).map(|i| i as f64 * 0.25).collect();
    let msg = Msg {
        name: "probe-3",
        tags: vec!["loopback", "zero-copy"],
        payload: &payload,
        samples: Cow::Borrowed(&samples),
    };
    let mut writer = FrameWriter::new(TcpStream::connect(address)?);
    let sent = writer.send(&fory, &msg, SizeThreshold(1 << 10))?;
    assert_eq!(sent.copied_payload_bytes, 0);
    println!(
        "sender: main buffer {} bytes, {} bytes out-of-band, {} bytes of payload copied",
        sent.main_bytes, sent.out_of_band_bytes, sent.copied_payload_bytes
    );
    drop(writer);
    receiver.join().expect("receiver thread")?;
    Ok(())
}
