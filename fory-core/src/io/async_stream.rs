//! Value streams (payloads back to back, the form of [`crate::io`]) over tokio's
//! [`AsyncRead`] / [`AsyncWrite`]: the bytes are the same as [`StreamWriter`] writes and
//! [`StreamReader`] reads, so either side may be blocking.
//!
//! The writer encodes each value into a reused buffer and writes it with one `write_all`; the
//! reader keeps the bytes it has read ahead and decodes with the same code as the blocking
//! reader (only the moving of bytes from the stream differs). [`AsyncStreamReader::read`] is
//! cancel safe: the bytes read ahead stay in the reader, so a `read` dropped in a
//! `tokio::select!` or by a timeout loses nothing and the next call goes on.
//!
//! [`StreamWriter`]: crate::io::StreamWriter
//! [`StreamReader`]: crate::io::StreamReader
//!
//! ```
//! use fory_core::io::async_stream::{AsyncStreamReader, AsyncStreamWriter};
//! use fory_core::Fory;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let fory = Fory::default();
//! let (client, server) = tokio::io::duplex(64);
//! let sender = async {
//!     let mut writer = AsyncStreamWriter::new(&fory, client);
//!     for i in 0..100i64 {
//!         writer.write(&i).await?;
//!     }
//!     writer.shutdown().await // the reader sees a clean end
//! };
//! let receiver = async {
//!     let mut reader = AsyncStreamReader::new(&fory, server);
//!     let mut sum = 0;
//!     while let Some(i) = reader.read::<i64>().await? {
//!         sum += i;
//!     }
//!     Ok::<_, fory_core::Error>(sum)
//! };
//! let (sent, sum) = tokio::join!(sender, receiver);
//! sent?;
//! assert_eq!(sum?, 4950);
//! # Ok::<(), fory_core::Error>(())
//! # }).unwrap();
//! ```

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::error::Result;
use crate::fory::Fory;
use crate::io::{ReadAhead, Step};
use crate::serializer::{Deserialize, Serialize};

/// Writes values one after another to an [`AsyncWrite`], reusing one encoding buffer.
///
/// The [module example](self) writes and reads a stream.
pub struct AsyncStreamWriter<'f, W: AsyncWrite + Unpin> {
    fory: &'f Fory,
    out: W,
    buf: Vec<u8>,
}

impl<'f, W: AsyncWrite + Unpin> AsyncStreamWriter<'f, W> {
    /// A writer of payloads encoded by `fory` into `out`.
    pub fn new(fory: &'f Fory, out: W) -> Self {
        AsyncStreamWriter {
            fory,
            out,
            buf: Vec::new(),
        }
    }

    /// Writes one value as a complete payload. If the returned future is dropped before it
    /// completes, part of the payload may have been written: the stream is then unusable.
    pub async fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.fory.serialize_into(value, &mut self.buf)?;
        self.out.write_all(&self.buf).await?;
        Ok(())
    }

    /// Flushes the underlying writer.
    pub async fn flush(&mut self) -> Result<()> {
        self.out.flush().await?;
        Ok(())
    }

    /// Flushes and shuts the underlying writer down (for a socket: the peer's reader sees the
    /// end of the stream).
    pub async fn shutdown(&mut self) -> Result<()> {
        self.out.shutdown().await?;
        Ok(())
    }

    /// The underlying writer (not flushed).
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Reads values one after another from an [`AsyncRead`].
///
/// The [module example](self) writes and reads a stream.
pub struct AsyncStreamReader<'f, R: AsyncRead + Unpin> {
    fory: &'f Fory,
    input: R,
    ahead: ReadAhead,
}

impl<'f, R: AsyncRead + Unpin> AsyncStreamReader<'f, R> {
    /// A reader of payloads decoded by `fory` from `input`.
    pub fn new(fory: &'f Fory, input: R) -> Self {
        AsyncStreamReader {
            fory,
            input,
            ahead: ReadAhead::default(),
        }
    }

    /// Reads the next value: `Ok(None)` at a clean end of the stream (no byte of another
    /// payload), an error if the stream ends inside a payload or the payload is invalid. Error
    /// offsets count from the start of the stream. `Interrupted` reads are retried. Cancel
    /// safe.
    pub async fn read<T: for<'de> Deserialize<'de>>(&mut self) -> Result<Option<T>> {
        loop {
            let missing = match self.ahead.step(self.fory)? {
                Step::Value(value) => return Ok(Some(value)),
                Step::End => return Ok(None),
                Step::Need(missing) => missing,
            };
            let target = self.ahead.target(missing);
            while let Some(room) = self.ahead.room(target) {
                let n = match self.input.read(room).await {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => other?,
                };
                if !self.ahead.filled(n) {
                    break;
                }
            }
        }
    }

    /// The underlying reader. Bytes already read ahead but not decoded are lost.
    pub fn into_inner(self) -> R {
        self.input
    }
}
