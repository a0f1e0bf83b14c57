//! Exchanges a batch (metadata, a 1 MiB byte payload and a 1 MiB float64 array) with Python
//! (pyzmq and pyfory 1.7.7) as ZeroMQ multipart messages `[main, buffer 0, buffer 1]`, in both
//! directions, over a real socket. The Python side is `zmq_python.py` next to this file.
//!
//! ```sh
//! # terminal 1: Rust binds a REP socket and waits (30 s) for Python
//! cargo run --release -p fory-core --features zeromq --example zmq_python -- tcp://127.0.0.1:5555
//! # terminal 2: Python connects a REQ socket (the peer's venv has pyfory, numpy and pyzmq)
//! xlang-tests/peers/python-1.7.7/run example zmq_python tcp://127.0.0.1:5555
//! ```
//!
//! 1. Python sends its `Batch`, its two `bytes` fields out-of-band (two extra parts), and the
//!    numpy float64 array in the main part: pyfory (1.6.0 to 1.7.7) hands only `bytes` to its
//!    `buffer_callback` and writes numeric arrays in-band in its own form (`varuint32 length`
//!    and the little-endian elements, no flag). The same floats also travel as raw bytes
//!    (`raw_values`), out-of-band, for the receiver to view without a copy.
//! 2. Rust reads it as `BatchView<'_>`, borrowing from the received parts, checks every value
//!    and that the byte fields point into the parts (no copy), prints `OK zmq_python` or
//!    `FAIL zmq_python: <why>`, then replies with its own `Batch` (serialized with
//!    `OobArrayForm::Pyfory`, the form pyfory reads; its byte fields as parts that share the
//!    value's memory).
//! 3. Python checks Rust's batch (`raw_values` viewed with `numpy.frombuffer`), prints its own
//!    `OK zmq_python` line and sends it back as a last message, which Rust prints and which
//!    also tells it that its reply was delivered.
//!
//! Exits 1 on a failed check, on a timeout, or when Python reports a failure.

use std::borrow::Cow;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use fory_core::oob::zmq::{receive, send, ReceivedMessage};
use fory_core::oob::{AllOutOfBand, OobArrayForm};
use fory_core::{Fory, ForyObject};
use zeromq::{RepSocket, Socket};

const ROW: &str = "zmq_python";
const TYPE_ID: u32 = 120;
const PAYLOAD: usize = 1 << 20; // bytes
const VALUES: usize = 1 << 17; // float64s (1 MiB)
const TIMEOUT: Duration = Duration::from_secs(30);

/// What each side sends (`Batch` in zmq_python.py, pyfory's default xlang configuration).
#[derive(ForyObject, Debug, PartialEq)]
struct Batch {
    name: String,
    step: i64,
    labels: Vec<String>,
    payload: Vec<u8>,    // bytes: out-of-band
    values: Vec<f64>,    // pyfory.NDArray[pyfory.Float64]: in-band, pyfory's form
    raw_values: Vec<u8>, // bytes: the same floats, little-endian, out-of-band
}

/// `Batch` read in place: text borrows the main part, the byte fields their own parts.
#[derive(ForyObject, Debug, PartialEq)]
struct BatchView<'a> {
    name: &'a str,
    step: i64,
    labels: Vec<&'a str>,
    payload: &'a [u8],
    values: Cow<'a, [f64]>,
    raw_values: &'a [u8],
}

fn bytes(len: usize, mul: usize, add: usize) -> Vec<u8> {
    (0..len).map(|i| ((i * mul + add) % 251) as u8).collect()
}

fn floats(scale: f64, offset: f64) -> Vec<f64> {
    (0..VALUES).map(|i| i as f64 * scale + offset).collect()
}

fn le_bytes(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Rust's batch, the one zmq_python.py expects.
fn rust_batch() -> Batch {
    let values = floats(0.25, 1.0);
    Batch {
        name: "from-rust".to_string(),
        step: 1 << 40,
        labels: vec!["rust".to_string(), "zeromq".to_string()],
        payload: bytes(PAYLOAD, 7, 1),
        raw_values: le_bytes(&values),
        values,
    }
}

/// Python's batch, as zmq_python.py builds it.
fn python_batch() -> Batch {
    let values = floats(-0.5, 3.0);
    Batch {
        name: "from-python".to_string(),
        step: -12345,
        labels: vec!["python".into(), "pyzmq".into(), "numpy".into()],
        payload: bytes(PAYLOAD, 13, 5),
        raw_values: le_bytes(&values),
        values,
    }
}

fn fory() -> Fory {
    // pyfory's default: compatible mode; numeric arrays in its (in-band) form.
    Fory::builder().oob_array_form(OobArrayForm::Pyfory).build()
}

/// Checks Python's message: the values, and that the byte fields were not copied.
fn check(message: &ReceivedMessage) -> Result<String, String> {
    let mut fory = fory();
    fory.register_borrowing::<BatchView<'static>>(TYPE_ID)
        .map_err(|e| e.to_string())?;
    let parts: Vec<usize> = message.parts().iter().map(|p| p.len()).collect();
    if parts.len() != 3 {
        return Err(format!(
            "expected 3 parts (main, payload, raw_values), got {parts:?}"
        ));
    }
    let view: BatchView<'_> = message.deserialize(&fory).map_err(|e| e.to_string())?;
    let want = python_batch();
    let got = Batch {
        name: view.name.to_string(),
        step: view.step,
        labels: view.labels.iter().map(|s| s.to_string()).collect(),
        payload: view.payload.to_vec(),
        values: view.values.to_vec(),
        raw_values: view.raw_values.to_vec(),
    };
    if got != want {
        let field = [
            ("name", got.name == want.name),
            ("step", got.step == want.step),
            ("labels", got.labels == want.labels),
            ("payload", got.payload == want.payload),
            ("values", got.values == want.values),
            ("raw_values", got.raw_values == want.raw_values),
        ]
        .iter()
        .find(|(_, same)| !same)
        .map_or("?", |(name, _)| *name);
        return Err(format!("field {field} differs from Python's batch"));
    }
    // The raw floats, viewed in place as little-endian f64s.
    if !view
        .raw_values
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
        .eq(want.values.iter().copied())
    {
        return Err("raw_values do not hold the values".to_string());
    }
    // Borrowed, not copied: each byte field lies inside its own part of the message.
    let where_is = |name: &str, bytes: &[u8], part: usize| match message.part_holding(bytes) {
        Some(p) if p == part => Ok(format!(
            "{name}: {} bytes at {:p}, inside part {p} ({:p}..)",
            bytes.len(),
            bytes.as_ptr(),
            message.parts()[p].as_ptr()
        )),
        other => Err(format!(
            "{name} was copied or misplaced: at {:p}, in part {other:?}, not part {part}",
            bytes.as_ptr()
        )),
    };
    let mut evidence = vec![
        where_is("payload", view.payload, 1)?,
        where_is("raw_values", view.raw_values, 2)?,
        where_is("name", view.name.as_bytes(), 0)?,
    ];
    // The in-band floats borrow from the main part only when they happen to be 8-byte aligned
    // there; otherwise they are copied into an aligned Vec.
    evidence.push(match &view.values {
        Cow::Borrowed(v) => format!(
            "values: {} f64s borrowed from part {:?}",
            v.len(),
            message.part_holding(bytemuck_bytes(v))
        ),
        Cow::Owned(v) => format!(
            "values: {} f64s copied (in-band, not 8-byte aligned in the main part)",
            v.len()
        ),
    });
    Ok(evidence.join("; "))
}

fn bytemuck_bytes(values: &[f64]) -> &[u8] {
    // SAFETY: any initialized f64 is 8 initialized bytes; u8 has alignment 1 and the length is
    // the same memory's size in bytes.
    unsafe {
        std::slice::from_raw_parts(values.as_ptr().cast::<u8>(), std::mem::size_of_val(values))
    }
}

async fn run(endpoint: &str) -> Result<bool, String> {
    let mut socket = RepSocket::new();
    let bound = socket
        .bind(endpoint)
        .await
        .map_err(|e| format!("cannot bind {endpoint}: {e}"))?;
    eprintln!("rust: REP bound to {bound}, waiting for Python");

    // 1-2. Python's request: check it, print the verdict.
    let request = receive(&mut socket, Some(TIMEOUT))
        .await
        .map_err(|e| e.to_string())?;
    let parts: Vec<usize> = request.parts().iter().map(|p| p.len()).collect();
    eprintln!("rust: received {} parts of {parts:?} bytes", parts.len());
    let ours_ok = match check(&request) {
        Ok(evidence) => {
            println!("OK {ROW}");
            eprintln!("rust: borrowed without copying: {evidence}");
            true
        }
        Err(why) => {
            println!("FAIL {ROW}: {why}");
            false
        }
    };

    // 2. Our reply, whatever the verdict (Python waits for it).
    let mut fory = fory();
    fory.register::<Batch>(TYPE_ID).map_err(|e| e.to_string())?;
    let sent = send(&mut socket, &fory, Arc::new(rust_batch()), AllOutOfBand)
        .await
        .map_err(|e| e.to_string())?;
    eprintln!(
        "rust: sent {} parts: main {} bytes, {} bytes out-of-band, {} bytes copied",
        sent.parts, sent.main_bytes, sent.out_of_band_bytes, sent.copied_payload_bytes
    );
    if sent.copied_payload_bytes != 0 {
        println!(
            "FAIL {ROW}: {} payload bytes copied when sending",
            sent.copied_payload_bytes
        );
        return Ok(false);
    }

    // 3. Python's verdict on our batch.
    let ack = receive(&mut socket, Some(TIMEOUT))
        .await
        .map_err(|e| format!("no verdict from Python: {e}"))?;
    let verdict = String::from_utf8_lossy(ack.main()).into_owned();
    eprintln!("rust: Python says: {verdict}");
    Ok(ours_ok && verdict == format!("OK {ROW}"))
}

fn main() -> ExitCode {
    let endpoint = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tcp://127.0.0.1:5555".to_string());
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            println!("FAIL {ROW}: no tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&endpoint)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(why) => {
            println!("FAIL {ROW}: {why}");
            ExitCode::FAILURE
        }
    }
}
