//! Sends a struct holding a 64 MiB f64 array over a TCP loopback connection with the array
//! out-of-band (next to the main buffer instead of inside it), and prints how many payload bytes
//! each side copied.
//!
//! ```sh
//! cargo run --release -p fory-core --example tcp_out_of_band
//! ```
//!
//! The sender serializes with a size-threshold callback (`SizeThreshold`): the array's own
//! memory goes to the socket in one vectored write, next to a main buffer of a few dozen bytes,
//! so no payload byte is copied (`fory_core::oob::transport::FrameWriter`). The receiver
//! (`FrameReader`) reads the message into 8-byte-aligned buffers; deserializing into the owned
//! struct copies the array into its `Vec<f64>` once, and reading the same message as a borrowed
//! `Cow<[f64]>` copies nothing. It checks what it prints (the values arrive intact, the sender
//! copies nothing, the `Cow` borrows) and exits non-zero if a check fails.

use std::borrow::Cow;
use std::net::{TcpListener, TcpStream};
use std::thread;

use fory_core::oob::transport::{FrameReader, FrameWriter};
use fory_core::oob::SizeThreshold;
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Default, PartialEq)]
struct Tensor {
    name: String,
    shape: Vec<u64>,
    data: Vec<f64>,
}

const ELEMENTS: usize = 8 << 20; // 8 Mi f64 = 64 MiB

fn fory() -> Fory {
    let mut fory = Fory::default();
    fory.register::<Tensor>(1).expect("fresh registry");
    fory
}

/// The array's element `i`.
fn value(i: usize) -> f64 {
    i as f64 * 0.5
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;

    let receiver = thread::spawn(move || -> Result<(), fory_core::Error> {
        let fory = fory();
        let (stream, _) = listener.accept()?;
        let mut reader = FrameReader::new(stream);

        let message = reader.receive()?.expect("a tensor");
        let tensor: Tensor = message.deserialize(&fory)?;
        assert_eq!(tensor.shape, [2048, 4096]);
        assert_eq!(tensor.data.len(), ELEMENTS);
        assert!(tensor.data.iter().enumerate().all(|(i, &v)| v == value(i)));
        let copied = tensor.data.len() * 8; // the Vec<f64> owns a copy of the buffer
        println!(
            "receiver: {} ({} elements, shape {:?}); main buffer {} bytes; copied {} into the \
             struct's Vec<f64>",
            tensor.name,
            tensor.data.len(),
            tensor.shape,
            message.main.len(),
            mib(copied)
        );

        let message = reader.receive()?.expect("a bare array");
        let view: Cow<'_, [f64]> = message.deserialize(&fory)?;
        let copied = match &view {
            Cow::Borrowed(_) => 0,
            Cow::Owned(v) => v.len() * 8,
        };
        assert_eq!(copied, 0, "the aligned out-of-band array is borrowed");
        assert!(view.iter().enumerate().all(|(i, &v)| v == value(i)));
        println!(
            "receiver: the same array as Cow<[f64]>: {} elements, {} bytes copied (it points \
             into the received buffer)",
            view.len(),
            copied
        );
        Ok(())
    });

    let fory = fory();
    let tensor = Tensor {
        name: "weights".to_string(),
        shape: vec![2048, 4096],
        data: (0..ELEMENTS).map(value).collect(),
    };
    let mut writer = FrameWriter::new(TcpStream::connect(address)?);
    // Buffers of 1 MiB or more travel out-of-band.
    let sent = writer.send(&fory, &tensor, SizeThreshold(1 << 20))?;
    assert_eq!(sent.copied_payload_bytes, 0);
    println!(
        "sender: main buffer {} bytes, {} out-of-band, {} bytes of payload copied",
        sent.main_bytes,
        mib(sent.out_of_band_bytes),
        sent.copied_payload_bytes
    );
    let sent = writer.send(&fory, &tensor.data, SizeThreshold(1 << 20))?;
    assert_eq!(sent.copied_payload_bytes, 0);
    println!(
        "sender: the bare array: main buffer {} bytes, {} bytes of payload copied",
        sent.main_bytes, sent.copied_payload_bytes
    );
    drop(writer);
    receiver.join().expect("receiver thread")?;
    Ok(())
}
