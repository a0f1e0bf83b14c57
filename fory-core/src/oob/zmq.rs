//! ZeroMQ multipart messages (feature `zeromq`): a payload and its out-of-band buffers as the
//! parts of one message, `[main, buffer 0, buffer 1, ...]`, the layout pyfory users send with
//! pyzmq (`socket.send_multipart([main, *buffers], copy=False)`).
//!
//! Built on the pure-Rust [`zeromq`] crate (tokio): no system library. Sending hands the parts
//! to the socket without copying them: the main buffer moves into its part, and each buffer
//! borrowed from the value becomes a part that shares the value through its [`Arc`] (so the
//! value lives until the socket has written the part). The crate's TCP codec then copies the
//! parts once into its write buffer; the receiving codec splits each part off its read buffer
//! without a copy, and [`ReceivedMessage::deserialize`] borrows from the parts (`&[u8]`, `&str`,
//! and `Cow<[f64]>` where the part happens to be aligned for it).
//!
//! A message always arrives whole or not at all (ZeroMQ delivers multipart messages
//! atomically): a peer that hangs up mid-message leaves nothing to receive, and [`receive`]
//! gives up after its timeout with an error of kind `TimedOut`. A message whose parts do not
//! match its main buffer (a part missing or left over, a truncated main buffer) fails in
//! [`ReceivedMessage::deserialize`] with the reader's error.
//!
//! ```
//! use std::sync::Arc;
//! use std::time::Duration;
//! use fory_core::oob::zmq::{message, receive};
//! use fory_core::oob::AllOutOfBand;
//! use fory_core::Fory;
//! use zeromq::{RepSocket, ReqSocket, Socket, SocketSend};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
//! runtime.block_on(async {
//!     let mut server = RepSocket::new();
//!     let endpoint = server.bind("tcp://127.0.0.1:0").await?;
//!     let mut client = ReqSocket::new();
//!     client.connect(&endpoint.to_string()).await?;
//!
//!     let fory = Fory::default();
//!     let value = Arc::new(vec![vec![7u8; 4096], vec![8u8; 10]]);
//!     let (msg, sent) = message(&fory, Arc::clone(&value), AllOutOfBand)?;
//!     assert_eq!((sent.parts, sent.copied_payload_bytes), (3, 0));
//!     client.send(msg).await?;
//!
//!     let received = receive(&mut server, Some(Duration::from_secs(10))).await?;
//!     let back: Vec<&[u8]> = received.deserialize(&fory)?;
//!     assert_eq!(back, [&value[0][..], &value[1][..]]);
//!     assert_eq!(received.part_holding(back[0]), Some(1)); // borrowed from part 1
//!     Ok::<(), Box<dyn std::error::Error>>(())
//! })
//! # }
//! ```

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use zeromq::{SocketRecv, SocketSend, ZmqError, ZmqMessage};

use crate::error::{Error, Result};
use crate::fory::Fory;
use crate::oob::BufferCallback;
use crate::serializer::{Deserialize, Serialize};

/// What [`message`] put into a message.
/// The [module example](self) shows it in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentMessage {
    /// Parts of the message: 1 (the main buffer) + the out-of-band buffers.
    pub parts: usize,
    /// Bytes of the main buffer.
    pub main_bytes: usize,
    /// Bytes sent out-of-band, as parts of their own.
    pub out_of_band_bytes: usize,
    /// Out-of-band bytes that had to be copied into their part (read from behind a `RefCell`
    /// or `Mutex`, or on a big-endian target); 0 when every part shares the value's memory.
    pub copied_payload_bytes: usize,
}

/// A part made of bytes that a serialized value owns: the value stays alive, through its
/// `Arc`, as long as the part (and every `Bytes` cloned from it) does.
struct SharedPart<T> {
    _owner: Arc<T>,
    ptr: *const u8,
    len: usize,
}

// SAFETY: the part only reads `len` bytes at `ptr`, memory owned by the value behind `_owner`
// (see `as_ref`), which no one mutates while the part exists; sending or sharing the part
// across threads shares `&T`, which `T: Sync` allows (and moves an `Arc<T>`, which
// `T: Send + Sync` allows).
unsafe impl<T: Send + Sync> Send for SharedPart<T> {}
// SAFETY: as for `Send`: `&SharedPart<T>` gives only shared reads of memory owned by `T`.
unsafe impl<T: Send + Sync> Sync for SharedPart<T> {}

impl<T> AsRef<[u8]> for SharedPart<T> {
    fn as_ref(&self) -> &[u8] {
        // SAFETY: `ptr`/`len` come from a `&[u8]` that `Fory::serialize_with_callback` kept
        // borrowed (not copied) for as long as its `&*_owner` borrow: since `T: 'static` holds
        // no shorter-lived reference, the bytes are the value's own or `'static` (the writers
        // copy what they read through a `RefCell`, `Mutex` or `Weak` guard). The value is alive
        // as long as `_owner` is, and behind an `Arc` it is only reachable through `&T`: memory
        // that safe code lent out as `&[u8]` from `&T` is neither freed nor changed while a
        // `&T` exists.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// The multipart message of `value`: its main buffer, then each buffer that `callback` sent
/// out-of-band, as parts that share `value`'s memory (no copy). The [`Arc`] keeps `value`
/// alive until the socket is done with the parts, which may be after `send` returns.
/// The [module example](self) shows it in use.
pub fn message<T>(
    fory: &Fory,
    value: Arc<T>,
    callback: impl BufferCallback,
) -> Result<(ZmqMessage, SentMessage)>
where
    T: Serialize + Send + Sync + 'static,
{
    let frame = fory.serialize_with_callback(&*value, callback)?;
    let mut sent = SentMessage {
        parts: 1 + frame.buffers.len(),
        main_bytes: frame.main.len(),
        out_of_band_bytes: 0,
        copied_payload_bytes: 0,
    };
    let mut parts = Vec::with_capacity(sent.parts);
    parts.push(Bytes::from(frame.main));
    for buffer in frame.buffers {
        let bytes = buffer.as_bytes();
        sent.out_of_band_bytes += bytes.len();
        let part = if buffer.is_borrowed() {
            Bytes::from_owner(SharedPart {
                _owner: Arc::clone(&value),
                ptr: bytes.as_ptr(),
                len: bytes.len(),
            })
        } else {
            sent.copied_payload_bytes += bytes.len();
            Bytes::copy_from_slice(bytes)
        };
        parts.push(part);
    }
    let msg = ZmqMessage::try_from(parts).map_err(|_| Error::encode("a message with no part"))?;
    Ok((msg, sent))
}

/// Serializes `value` with `callback` and sends it on `socket` as one multipart message
/// (see [`message`]).
pub async fn send<S, T>(
    socket: &mut S,
    fory: &Fory,
    value: Arc<T>,
    callback: impl BufferCallback,
) -> Result<SentMessage>
where
    S: SocketSend + Send,
    T: Serialize + Send + Sync + 'static,
{
    let (msg, sent) = message(fory, value, callback)?;
    socket.send(msg).await.map_err(zmq_error)?;
    Ok(sent)
}

/// Receives one multipart message from `socket`, waiting at most `timeout` (`None`: as long as
/// it takes). Needs a tokio runtime with its timer enabled. A timeout is an error of kind
/// `TimedOut`; a socket error is an `Io` error with the binding's message.
pub async fn receive<S>(socket: &mut S, timeout: Option<Duration>) -> Result<ReceivedMessage>
where
    S: SocketRecv + Send,
{
    let msg = match timeout {
        None => socket.recv().await,
        Some(limit) => tokio::time::timeout(limit, socket.recv())
            .await
            .map_err(|_| {
                Error::from(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("no ZeroMQ message within {limit:?}"),
                ))
            })?,
    }
    .map_err(zmq_error)?;
    Ok(ReceivedMessage::from(msg))
}

fn zmq_error(e: ZmqError) -> Error {
    Error::from(std::io::Error::other(format!("ZeroMQ: {e}")))
}

/// A received multipart message: part 0 is the main buffer, the others the out-of-band
/// buffers in order. Values read from it borrow from its parts.
/// The [module example](self) shows it in use.
#[derive(Debug, Clone)]
pub struct ReceivedMessage {
    parts: Vec<Bytes>,
}

impl From<ZmqMessage> for ReceivedMessage {
    fn from(msg: ZmqMessage) -> Self {
        ReceivedMessage {
            parts: msg.into_vec(),
        }
    }
}

impl From<Vec<Bytes>> for ReceivedMessage {
    fn from(parts: Vec<Bytes>) -> Self {
        ReceivedMessage { parts }
    }
}

impl ReceivedMessage {
    /// Every part, the main buffer first.
    pub fn parts(&self) -> &[Bytes] {
        &self.parts
    }

    /// The main buffer (part 0; empty if the message had no part).
    pub fn main(&self) -> &[u8] {
        self.parts.first().map_or(&[], |p| p.as_ref())
    }

    /// The out-of-band buffers (parts 1..).
    pub fn buffers(&self) -> Vec<&[u8]> {
        self.parts.iter().skip(1).map(|p| p.as_ref()).collect()
    }

    /// Reads the value, borrowing from the parts where its type borrows. A part missing or
    /// left over, or a main buffer cut short, is the reader's error.
    pub fn deserialize<'de, T: Deserialize<'de>>(&'de self, fory: &Fory) -> Result<T> {
        if self.parts.is_empty() {
            return Err(Error::truncated(0, "a main buffer (part 0)", 1, 0));
        }
        fory.deserialize_with_buffers(self.main(), &self.buffers())
    }

    /// Which part holds all of `bytes` (0 for the main buffer), if one does: whether a value
    /// read from the message borrowed from it rather than copying.
    pub fn part_holding(&self, bytes: &[u8]) -> Option<usize> {
        let range = bytes.as_ptr_range();
        self.parts.iter().position(|p| {
            let part = p.as_ptr_range();
            part.start <= range.start && range.end <= part.end
        })
    }
}
