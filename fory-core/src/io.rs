//! Streams: payloads written to any [`Write`] and read back from any [`Read`], several values in
//! one stream, through any wrapper (a gzip encoder, a socket, a file).
//!
//! A stream is payloads back to back, each a complete frame (header, flag, type info, data),
//! with nothing between them: the form Java's `serialize(OutputStream, …)` and pyfory's
//! `serialize` concatenated produce. The format logic never sees the stream: each value is
//! encoded into a reused buffer and written with one `write_all`, and the reader keeps a buffer
//! of bytes read ahead, decodes the payload at its front, and reads more only when a payload is
//! cut short.
//!
//! ```
//! use fory_core::io::{StreamReader, StreamWriter};
//! use fory_core::Fory;
//!
//! let fory = Fory::default();
//! let mut writer = StreamWriter::new(&fory, Vec::new());
//! writer.write(&1i64)?;
//! writer.write(&"two".to_string())?;
//! let bytes = writer.into_inner();
//!
//! let mut reader = StreamReader::new(&fory, bytes.as_slice());
//! assert_eq!(reader.read::<i64>()?, Some(1));
//! assert_eq!(reader.read::<String>()?, Some("two".to_string()));
//! assert_eq!(reader.read::<String>()?, None); // a clean end of the stream
//! # Ok::<(), fory_core::Error>(())
//! ```
//!
//! With the `tokio` feature, [`async_stream`] reads and writes the same streams over tokio's
//! `AsyncRead` / `AsyncWrite`.

use std::io::{Read, Write};

use crate::error::{ErrorKind, Result};
use crate::fory::Fory;
use crate::serializer::{Deserialize, Serialize};

#[cfg(feature = "tokio")]
pub mod async_stream;

/// Bytes asked of the underlying reader at a time, at least (the room is zeroed before each
/// `read`, so it is kept small; a large missing part is asked for in one go).
const READ_CHUNK: usize = 8 * 1024;

/// Most bytes asked of the underlying reader at a time.
const MAX_READ: usize = 1 << 20;

impl Fory {
    /// Serializes `value` as one payload into `out` (one `write_all`).
    pub fn serialize_to<T: Serialize + ?Sized, W: Write>(
        &self,
        value: &T,
        out: &mut W,
    ) -> Result<()> {
        let bytes = self.serialize(value)?;
        out.write_all(&bytes)?;
        Ok(())
    }

    /// Reads one payload from `input` (all of it: the stream must hold exactly one value) and
    /// deserializes it.
    pub fn deserialize_from<T, R>(&self, input: &mut R) -> Result<T>
    where
        T: for<'de> Deserialize<'de>,
        R: Read,
    {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        self.deserialize(&bytes)
    }
}

/// Writes values one after another to a [`Write`], reusing one encoding buffer.
///
/// The [module example](self) writes and reads a stream.
pub struct StreamWriter<'f, W: Write> {
    fory: &'f Fory,
    out: W,
    buf: Vec<u8>,
}

impl<'f, W: Write> StreamWriter<'f, W> {
    /// A writer of payloads encoded by `fory` into `out`.
    pub fn new(fory: &'f Fory, out: W) -> Self {
        StreamWriter {
            fory,
            out,
            buf: Vec::new(),
        }
    }

    /// Writes one value as a complete payload.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.fory.serialize_into(value, &mut self.buf)?;
        self.out.write_all(&self.buf)?;
        Ok(())
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }

    /// The underlying writer (not flushed).
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Reads values one after another from a [`Read`].
///
/// The [module example](self) writes and reads a stream.
pub struct StreamReader<'f, R: Read> {
    fory: &'f Fory,
    input: R,
    ahead: ReadAhead,
}

impl<'f, R: Read> StreamReader<'f, R> {
    /// A reader of payloads decoded by `fory` from `input`.
    pub fn new(fory: &'f Fory, input: R) -> Self {
        StreamReader {
            fory,
            input,
            ahead: ReadAhead::default(),
        }
    }

    /// Reads the next value: `Ok(None)` at a clean end of the stream (no byte of another
    /// payload), an error if the stream ends inside a payload or the payload is invalid. Error
    /// offsets count from the start of the stream. `Interrupted` reads are retried.
    pub fn read<T: for<'de> Deserialize<'de>>(&mut self) -> Result<Option<T>> {
        loop {
            let missing = match self.ahead.step(self.fory)? {
                Step::Value(value) => return Ok(Some(value)),
                Step::End => return Ok(None),
                Step::Need(missing) => missing,
            };
            // Wait for at least what the decoder said it lacks; a stream that ends first makes
            // the next attempt report the truncation.
            let target = self.ahead.target(missing);
            while let Some(room) = self.ahead.room(target) {
                let n = loop {
                    match self.input.read(room) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
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

/// What one decoding attempt of [`ReadAhead::step`] gave.
pub(crate) enum Step<T> {
    /// A value, taken off the front.
    Value(T),
    /// A clean end of the stream.
    End,
    /// At least this many more bytes are needed.
    Need(usize),
}

/// The bytes a stream reader has read ahead, and the decoding of the payload at their front:
/// shared by the blocking and async readers, which only move bytes from their stream into
/// [`room`](Self::room). Kept in the reader, so an async read that is cancelled loses nothing.
#[derive(Debug, Default)]
pub(crate) struct ReadAhead {
    /// `buf[start..len]` is read and not consumed; `buf[len..]` is zeroed room.
    buf: Vec<u8>,
    start: usize,
    len: usize,
    eof: bool,
    /// Stream offset of `buf[0]`, for error offsets.
    consumed: usize,
}

impl ReadAhead {
    /// Decodes the payload at the front, if it is all there.
    pub(crate) fn step<T: for<'de> Deserialize<'de>>(&mut self, fory: &Fory) -> Result<Step<T>> {
        if self.start == self.len {
            return Ok(if self.eof { Step::End } else { Step::Need(1) });
        }
        match fory.deserialize_prefix::<T>(&self.buf[self.start..self.len]) {
            Ok((value, used)) => {
                self.start += used;
                Ok(Step::Value(value))
            }
            Err(e) => match e.kind() {
                ErrorKind::Truncated {
                    needed, available, ..
                } if !self.eof => Ok(Step::Need(needed.saturating_sub(*available).max(1))),
                _ => Err(e.shifted(self.consumed + self.start)),
            },
        }
    }

    /// Drops the consumed bytes and returns how many must be buffered to have `missing` more.
    pub(crate) fn target(&mut self, missing: usize) -> usize {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.len, 0);
            self.len -= self.start;
            self.consumed += self.start;
            self.start = 0;
        }
        self.len + missing
    }

    /// Where the next read goes, or `None` once `target` bytes are buffered. Never more room
    /// than one chunk beyond the bytes received: a payload claiming a huge length costs memory
    /// only as its bytes actually arrive. The stream is asked for at most one read beyond what
    /// is missing, so a socket is never asked for bytes its peer has not sent.
    pub(crate) fn room(&mut self, target: usize) -> Option<&mut [u8]> {
        if self.len >= target {
            return None;
        }
        let room = (target - self.len).clamp(READ_CHUNK, MAX_READ);
        if self.buf.len() < self.len + room {
            self.buf.resize(self.len + room, 0);
        }
        Some(&mut self.buf[self.len..self.len + room])
    }

    /// Takes `n` bytes written at the front of the room; `n == 0` is the end of the stream.
    /// Returns whether to go on reading.
    pub(crate) fn filled(&mut self, n: usize) -> bool {
        self.len += n;
        if n == 0 {
            self.eof = true;
        }
        n > 0
    }
}
