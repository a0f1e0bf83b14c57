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

use std::io::{Read, Write};

use crate::error::{Error, ErrorKind, Result};
use crate::fory::Fory;
use crate::serializer::{Deserialize, Serialize};

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
    /// Bytes read ahead; `buf[start..]` is not consumed yet.
    buf: Vec<u8>,
    start: usize,
    eof: bool,
    /// Stream offset of `buf[0]`, for error offsets.
    consumed: usize,
}

impl<'f, R: Read> StreamReader<'f, R> {
    /// A reader of payloads decoded by `fory` from `input`.
    pub fn new(fory: &'f Fory, input: R) -> Self {
        StreamReader {
            fory,
            input,
            buf: Vec::new(),
            start: 0,
            eof: false,
            consumed: 0,
        }
    }

    /// Reads the next value: `Ok(None)` at a clean end of the stream (no byte of another
    /// payload), an error if the stream ends inside a payload or the payload is invalid. Error
    /// offsets count from the start of the stream.
    pub fn read<T: for<'de> Deserialize<'de>>(&mut self) -> Result<Option<T>> {
        loop {
            if self.start == self.buf.len() {
                if self.eof || !self.fill(1)? {
                    return Ok(None);
                }
                continue;
            }
            match self.fory.deserialize_prefix::<T>(&self.buf[self.start..]) {
                Ok((value, used)) => {
                    self.start += used;
                    return Ok(Some(value));
                }
                Err(e) => {
                    let missing = match e.kind() {
                        ErrorKind::Truncated {
                            needed, available, ..
                        } if !self.eof => needed.saturating_sub(*available).max(1),
                        _ => return Err(e.shifted(self.consumed + self.start)),
                    };
                    // Wait for at least what the decoder said it lacks; a stream that ends
                    // first makes the next attempt report the truncation.
                    self.fill(missing)?;
                }
            }
        }
    }

    /// Reads until at least `missing` more bytes are buffered or the stream ends, without
    /// waiting for more than one `read` beyond that (so a socket is never asked for bytes its
    /// peer has not sent). Drops consumed bytes first. Returns whether any byte was read.
    fn fill(&mut self, missing: usize) -> Result<bool> {
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.consumed += self.start;
            self.start = 0;
        }
        let target = self.buf.len() + missing;
        let mut any = false;
        while self.buf.len() < target {
            let old = self.buf.len();
            // Never more room than one chunk beyond the bytes received: a payload claiming a
            // huge length costs memory only as its bytes actually arrive.
            let room = (target - old).clamp(READ_CHUNK, MAX_READ);
            self.buf.resize(old + room, 0);
            let read = loop {
                match self.input.read(&mut self.buf[old..]) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            match read {
                Ok(n) => {
                    self.buf.truncate(old + n);
                    if n == 0 {
                        self.eof = true;
                        break;
                    }
                    any = true;
                }
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(Error::from(e));
                }
            }
        }
        Ok(any)
    }

    /// The underlying reader. Bytes already read ahead but not decoded are lost.
    pub fn into_inner(self) -> R {
        self.input
    }
}
