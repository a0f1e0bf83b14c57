//! Sending a payload and its out-of-band buffers over a byte stream (a socket, a pipe, a file)
//! as one message, the multipart pattern: the main buffer and each buffer travel as separate
//! slices of one vectored write, so the sender copies none of them.
//!
//! Message layout (this transport's own framing, not part of the xlang format): a
//! little-endian `u32` buffer count `n`, then `n + 1` little-endian `u64` lengths (the main
//! buffer's, then each buffer's), then the main buffer and the buffers, back to back.
//!
//! ```
//! use fory_core::oob::transport::{FrameReader, FrameWriter};
//! use fory_core::oob::AllOutOfBand;
//! use fory_core::Fory;
//!
//! let fory = Fory::default();
//! let samples: Vec<f64> = (0..1000).map(f64::from).collect();
//! let mut wire = Vec::new();
//! let sent = FrameWriter::new(&mut wire).send(&fory, &samples, AllOutOfBand)?;
//! assert_eq!(sent.copied_payload_bytes, 0);
//!
//! let mut reader = FrameReader::new(wire.as_slice());
//! let message = reader.receive()?.expect("one message");
//! let back: std::borrow::Cow<[f64]> = message.deserialize(&fory)?;
//! assert!(matches!(back, std::borrow::Cow::Borrowed(_))); // points into the received buffer
//! assert_eq!(&*back, samples.as_slice());
//! # Ok::<(), fory_core::Error>(())
//! ```

use std::io::{IoSlice, Read, Write};

use crate::error::{Error, Result};
use crate::fory::Fory;
use crate::oob::{BufferCallback, BufferObject};
use crate::serializer::{Deserialize, Serialize};

/// Most buffers one message may carry, and most bytes in one part, when receiving: bounds on
/// what a hostile length prefix can make the reader allocate.
const MAX_BUFFERS: u32 = 1 << 16;
const MAX_PART_BYTES: u64 = 1 << 40;

/// What one [`FrameWriter::send`] wrote.
///
/// The [module example](self) shows it in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentFrame {
    /// Bytes of the main buffer (header, flags and in-band data).
    pub main_bytes: usize,
    /// Bytes sent out-of-band.
    pub out_of_band_bytes: usize,
    /// Out-of-band bytes that had to be copied before sending (from behind a `RefCell` or
    /// `Mutex`, or on a big-endian target); 0 when every buffer was borrowed from the value.
    pub copied_payload_bytes: usize,
}

/// Writes messages (a payload and its buffers) to a [`Write`].
///
/// The [module example](self) shows it in use.
pub struct FrameWriter<W: Write> {
    out: W,
}

impl<W: Write> FrameWriter<W> {
    /// A writer of messages into `out`.
    pub fn new(out: W) -> Self {
        FrameWriter { out }
    }

    /// Serializes `value` with `callback` and writes the message with vectored writes: the
    /// out-of-band buffers go from the value's memory straight to `out`.
    pub fn send<T: Serialize + ?Sized>(
        &mut self,
        fory: &Fory,
        value: &T,
        callback: impl BufferCallback,
    ) -> Result<SentFrame> {
        let frame = fory.serialize_with_callback(value, callback)?;
        let mut header = Vec::with_capacity(4 + 8 * (frame.buffers.len() + 1));
        let count = u32::try_from(frame.buffers.len())
            .map_err(|_| Error::encode("more than 2^32 - 1 out-of-band buffers"))?;
        header.extend_from_slice(&count.to_le_bytes());
        header.extend_from_slice(&(frame.main.len() as u64).to_le_bytes());
        for buffer in &frame.buffers {
            header.extend_from_slice(&(buffer.total_bytes() as u64).to_le_bytes());
        }
        let mut slices = vec![IoSlice::new(&header)];
        slices.extend(frame.io_slices());
        write_all_vectored(&mut self.out, &mut slices)?;
        Ok(SentFrame {
            main_bytes: frame.main.len(),
            out_of_band_bytes: frame.buffers.iter().map(BufferObject::total_bytes).sum(),
            copied_payload_bytes: frame
                .buffers
                .iter()
                .filter(|b| !b.is_borrowed())
                .map(BufferObject::total_bytes)
                .sum(),
        })
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}

fn write_all_vectored<W: Write>(out: &mut W, mut slices: &mut [IoSlice<'_>]) -> Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::WriteZero,
                    "the stream accepted no more bytes",
                )
                .into())
            }
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// A received buffer, stored 8-byte aligned so arrays of any element type can be borrowed from
/// it without copying.
///
/// The [module example](self) shows it in use.
pub struct AlignedBuffer {
    words: Vec<u64>,
    len: usize,
}

impl AlignedBuffer {
    /// `len` zero bytes.
    fn zeroed(len: usize) -> Self {
        AlignedBuffer {
            words: vec![0; len.div_ceil(8)],
            len,
        }
    }

    /// Grows to `len` bytes, the new ones zero.
    fn grow(&mut self, len: usize) {
        self.words.resize(len.div_ceil(8), 0);
        self.len = len;
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: the `u64`s own at least `len` initialized bytes (`len.div_ceil(8)` words),
        // any byte of a `u64` is a valid `u8`, and `u8` has alignment 1.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }

    fn as_bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_bytes`, through the unique borrow of `self`; writing arbitrary
        // bytes into `u64`s is valid.
        unsafe { std::slice::from_raw_parts_mut(self.words.as_mut_ptr().cast::<u8>(), self.len) }
    }
}

/// One received message: the main buffer and the out-of-band buffers.
///
/// The [module example](self) shows it in use.
pub struct ReceivedFrame {
    /// The main buffer.
    pub main: Vec<u8>,
    /// The out-of-band buffers, 8-byte aligned.
    pub buffers: Vec<AlignedBuffer>,
}

impl ReceivedFrame {
    /// Deserializes the payload; borrowed outputs (`&[u8]`, `Cow<[f64]>`, ...) point into the
    /// received buffers.
    pub fn deserialize<'de, T: Deserialize<'de>>(&'de self, fory: &Fory) -> Result<T> {
        let buffers: Vec<&[u8]> = self.buffers.iter().map(AlignedBuffer::as_bytes).collect();
        fory.deserialize_with_buffers(&self.main, &buffers)
    }
}

/// Reads messages written by [`FrameWriter`] from a [`Read`].
///
/// The [module example](self) shows it in use.
pub struct FrameReader<R: Read> {
    input: R,
}

impl<R: Read> FrameReader<R> {
    /// A reader of messages from `input`.
    pub fn new(input: R) -> Self {
        FrameReader { input }
    }

    /// The next message, or `None` at a clean end of the stream. Lengths are bounded before
    /// anything is allocated; a stream cut inside a message is an error.
    pub fn receive(&mut self) -> Result<Option<ReceivedFrame>> {
        let mut count = [0u8; 4];
        if !read_exact_or_end(&mut self.input, &mut count)? {
            return Ok(None);
        }
        let count = u32::from_le_bytes(count);
        if count > MAX_BUFFERS {
            return Err(Error::limit_exceeded(
                0,
                "out-of-band buffers in one message",
                u64::from(MAX_BUFFERS),
                u64::from(count),
            ));
        }
        let mut lengths = Vec::with_capacity(count as usize + 1);
        for _ in 0..=count {
            let mut len = [0u8; 8];
            self.input.read_exact(&mut len)?;
            let len = u64::from_le_bytes(len);
            if len > MAX_PART_BYTES {
                return Err(Error::limit_exceeded(
                    0,
                    "bytes in one message part",
                    MAX_PART_BYTES,
                    len,
                ));
            }
            lengths.push(len as usize);
        }
        let mut main = Vec::new();
        (&mut self.input)
            .take(lengths[0] as u64)
            .read_to_end(&mut main)?;
        if main.len() != lengths[0] {
            return Err(truncated_message());
        }
        let mut buffers = Vec::with_capacity(count as usize);
        for &len in &lengths[1..] {
            // Grown by doubling as bytes arrive, so a lying length costs at most twice the bytes
            // actually received (plus 1 MiB), and the copies add up to about the buffer's size.
            let mut buffer = AlignedBuffer::zeroed(0);
            while buffer.len < len {
                let filled = buffer.len;
                let step = (len - filled).min(filled.max(1 << 20));
                buffer.grow(filled + step);
                self.input
                    .read_exact(&mut buffer.as_bytes_mut()[filled..])
                    .map_err(|_| truncated_message())?;
            }
            buffers.push(buffer);
        }
        Ok(Some(ReceivedFrame { main, buffers }))
    }
}

fn truncated_message() -> Error {
    std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        "the stream ended inside a message",
    )
    .into()
}

/// Fills `buf`, or returns `false` if the stream ends before its first byte.
fn read_exact_or_end<R: Read>(input: &mut R, buf: &mut [u8]) -> Result<bool> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) if filled == 0 => return Ok(false),
            Ok(0) => return Err(truncated_message()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(true)
}
