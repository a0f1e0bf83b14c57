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
//!
//! The framing (the header written before the parts, and the receiving state machine that
//! parses it and fills the parts) is shared with the async transport of the `tokio` feature,
//! [`async_transport`](crate::oob::async_transport), so the blocking and async sides read each
//! other's messages.
//!
//! A receiver never reads past the end of the message it is receiving (it asks the stream for
//! at most the rest of the current part), so the stream is left exactly at the next message.
//! A stream that ends exactly between two messages is a clean end (`Ok(None)`); one that ends
//! inside a message is an [`ErrorKind::Truncated`](crate::ErrorKind::Truncated) error naming
//! the part (buffer count, length table, main buffer, out-of-band buffer), its offset in the
//! stream, its length and the bytes that arrived. After an error the reader is not usable.

use std::io::{IoSlice, Read, Write};

use crate::error::{Error, Result};
use crate::fory::Fory;
use crate::oob::{BufferCallback, BufferObject, Frame};
use crate::serializer::{Deserialize, Serialize};

/// Most buffers one message may carry, and most bytes in one part, when receiving: bounds on
/// what a hostile length prefix can make the reader allocate.
/// Memory grows with the bytes that actually arrive, never with what a length prefix claims
/// alone (see [`FrameDecoder`]).
pub(crate) const MAX_BUFFERS: u32 = 1 << 16;
pub(crate) const MAX_PART_BYTES: u64 = 1 << 40;

/// Room added at a time while receiving a part, at least (a part grows by doubling beyond it).
const GROW_STEP: usize = 1 << 16;

/// What one [`FrameWriter::send`] (or an async writer's `send`) wrote.
///
/// The [module example](self) shows it in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentFrame {
    /// Bytes of the main buffer (header, flags and in-band data).
    pub main_bytes: usize,
    /// Bytes sent out-of-band.
    pub out_of_band_bytes: usize,
    /// Out-of-band bytes that had to be copied before sending (from behind a `RefCell` or
    /// `Mutex`, or on a big-endian target); 0 when every buffer was borrowed from the value.
    pub copied_payload_bytes: usize,
}

impl SentFrame {
    /// What sending `frame` writes.
    pub(crate) fn of(frame: &Frame<'_>) -> Self {
        SentFrame {
            main_bytes: frame.main.len(),
            out_of_band_bytes: frame.buffers.iter().map(BufferObject::total_bytes).sum(),
            copied_payload_bytes: frame
                .buffers
                .iter()
                .filter(|b| !b.is_borrowed())
                .map(BufferObject::total_bytes)
                .sum(),
        }
    }
}

/// The header of a message whose main buffer has `main_len` bytes and whose buffers have
/// `buffer_lens` bytes: the buffer count and the length table.
pub(crate) fn message_header(
    main_len: usize,
    buffer_lens: impl ExactSizeIterator<Item = usize>,
) -> Result<Vec<u8>> {
    let count = u32::try_from(buffer_lens.len())
        .ok()
        .filter(|&n| n <= MAX_BUFFERS)
        .ok_or_else(|| {
            Error::encode(format!(
                "{} out-of-band buffers in one message; a receiver takes at most {MAX_BUFFERS}",
                buffer_lens.len()
            ))
        })?;
    let mut header = Vec::with_capacity(4 + 8 * (buffer_lens.len() + 1));
    header.extend_from_slice(&count.to_le_bytes());
    for len in std::iter::once(main_len).chain(buffer_lens) {
        header.extend_from_slice(&(len as u64).to_le_bytes());
    }
    Ok(header)
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
        self.send_frame(&frame)
    }

    /// Writes a payload already serialized with a callback as one message.
    pub fn send_frame(&mut self, frame: &Frame<'_>) -> Result<SentFrame> {
        self.send_parts(&frame.main, &frame.buffer_slices())?;
        Ok(SentFrame::of(frame))
    }

    /// Writes a main buffer and its out-of-band buffers as one message, from wherever they
    /// are: slices, `Vec`s, or (to hand on a received message without a copy) the parts of a
    /// received frame, including `bytes::Bytes`.
    pub fn send_parts<B: AsRef<[u8]>>(&mut self, main: &[u8], buffers: &[B]) -> Result<()> {
        let header = message_header(main.len(), buffers.iter().map(|b| b.as_ref().len()))?;
        let mut slices = Vec::with_capacity(buffers.len() + 2);
        slices.push(IoSlice::new(&header));
        slices.push(IoSlice::new(main));
        slices.extend(buffers.iter().map(|b| IoSlice::new(b.as_ref())));
        write_all_vectored(&mut self.out, &mut slices)
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
            Ok(0) => return Err(write_zero()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

pub(crate) fn write_zero() -> Error {
    std::io::Error::new(
        std::io::ErrorKind::WriteZero,
        "the stream accepted no more bytes in the middle of a message",
    )
    .into()
}

/// A received buffer, stored 8-byte aligned so arrays of any element type can be borrowed from
/// it without copying.
///
/// The [module example](self) shows it in use.
#[derive(Default)]
pub struct AlignedBuffer {
    words: Vec<u64>,
    len: usize,
}

impl AlignedBuffer {
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

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the buffer holds no byte.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl AsRef<[u8]> for AlignedBuffer {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl std::fmt::Debug for AlignedBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AlignedBuffer({} bytes)", self.len)
    }
}

/// One received message: the main buffer and the out-of-band buffers.
///
/// The [module example](self) shows it in use.
#[derive(Debug, Default)]
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

#[cfg(feature = "bytes")]
impl AlignedBuffer {
    /// The buffer as a `bytes::Bytes` (feature `bytes`), without copying: the `Bytes` owns
    /// this allocation, so it stays 8-byte aligned (and its slices stay aligned wherever
    /// their offset is a multiple of 8).
    pub fn into_bytes(self) -> ::bytes::Bytes {
        ::bytes::Bytes::from_owner(self)
    }
}

#[cfg(feature = "bytes")]
impl ReceivedFrame {
    /// The message as `bytes::Bytes` parts (feature `bytes`), without copying: cheap to clone
    /// and to split, to hand on (each part to its own consumer, or the whole message to
    /// another connection with `send_parts`) while the values read from it still point into
    /// it.
    pub fn into_bytes(self) -> BytesFrame {
        BytesFrame {
            main: ::bytes::Bytes::from(self.main),
            buffers: self
                .buffers
                .into_iter()
                .map(AlignedBuffer::into_bytes)
                .collect(),
        }
    }
}

/// A message held as `bytes::Bytes` parts (feature `bytes`): received
/// ([`ReceivedFrame::into_bytes`], or the async reader's `receive_bytes`) or assembled from
/// parts to send ([`FrameWriter::send_parts`] takes them as they are).
///
/// Alignment: the received buffers are 8-byte aligned, so a `Cow<[f64]>` (or any numeric
/// array) read from them borrows. A `Bytes` from elsewhere (a slice at an odd offset, a
/// `BytesMut` split off a read buffer) carries no alignment guarantee: a numeric `Cow<[T]>`
/// read from a misaligned buffer is then a copy, never an error. `&[u8]`, `Cow<[u8]>` and
/// `Bytes` values never need alignment.
///
/// ```
/// use bytes::Bytes;
/// use fory_core::oob::transport::{FrameReader, FrameWriter};
/// use fory_core::oob::AllOutOfBand;
/// use fory_core::{Fory, ForyObject};
///
/// #[derive(ForyObject, Debug, PartialEq, Default)]
/// struct Chunk {
///     name: String,
///     data: Bytes,
/// }
///
/// let mut fory = Fory::default();
/// fory.register::<Chunk>(1)?;
/// let chunk = Chunk { name: "c0".into(), data: Bytes::from(vec![7u8; 4096]) };
/// let mut wire = Vec::new();
/// let sent = FrameWriter::new(&mut wire).send(&fory, &chunk, AllOutOfBand)?;
/// assert_eq!(sent.copied_payload_bytes, 0); // the Bytes' own memory was written
///
/// let message = FrameReader::new(wire.as_slice()).receive()?.expect("a message").into_bytes();
/// let back: Chunk = message.deserialize(&fory)?;
/// assert_eq!(back, chunk);
/// assert_eq!(back.data.as_ptr(), message.buffers[0].as_ptr()); // a view, not a copy
///
/// // Hand the message on unchanged, still without copying a payload byte.
/// let mut relayed = Vec::new();
/// FrameWriter::new(&mut relayed).send_parts(&message.main, &message.buffers)?;
/// assert_eq!(relayed, wire);
/// # Ok::<(), fory_core::Error>(())
/// ```
#[cfg(feature = "bytes")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BytesFrame {
    /// The main buffer.
    pub main: ::bytes::Bytes,
    /// The out-of-band buffers.
    pub buffers: Vec<::bytes::Bytes>,
}

#[cfg(feature = "bytes")]
impl BytesFrame {
    /// Deserializes the payload: borrowed outputs point into the parts, and `Bytes` values
    /// are slices of them (see [`Fory::deserialize_with_bytes`]).
    pub fn deserialize<'de, T: Deserialize<'de>>(&'de self, fory: &Fory) -> Result<T> {
        fory.deserialize_with_bytes(&self.main, &self.buffers)
    }
}

/// Reads messages written by [`FrameWriter`] from a [`Read`].
///
/// The [module example](self) shows it in use.
pub struct FrameReader<R: Read> {
    input: R,
    decoder: FrameDecoder,
}

impl<R: Read> FrameReader<R> {
    /// A reader of messages from `input`.
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            decoder: FrameDecoder::default(),
        }
    }

    /// The next message, or `None` at a clean end of the stream (no byte of another message).
    /// Lengths are checked as they arrive and memory grows with the bytes received; a stream
    /// cut inside a message is an error naming the part and its offset. `Interrupted` reads
    /// are retried.
    pub fn receive(&mut self) -> Result<Option<ReceivedFrame>> {
        loop {
            let room = self.decoder.room();
            let n = loop {
                match self.input.read(room) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            if let Some(frame) = self.decoder.advance(n)? {
                return Ok(frame);
            }
        }
    }

    /// [`receive`](Self::receive), the message as `bytes::Bytes` parts (feature `bytes`).
    #[cfg(feature = "bytes")]
    pub fn receive_bytes(&mut self) -> Result<Option<BytesFrame>> {
        Ok(self.receive()?.map(ReceivedFrame::into_bytes))
    }

    /// Bytes of the stream taken so far (complete messages and the part of one in progress).
    pub fn position(&self) -> usize {
        self.decoder.position()
    }

    /// The underlying reader.
    pub fn into_inner(self) -> R {
        self.input
    }
}

/// Which part of a message is being received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    /// The `u32` buffer count.
    #[default]
    Count,
    /// The `u64` lengths, main buffer first.
    Lengths,
    /// The main buffer.
    Main,
    /// Out-of-band buffer `i`.
    Buffer(usize),
}

/// The receiving state machine shared by the blocking and async readers: it says where the
/// next bytes go ([`room`](Self::room), never beyond the current part, so nothing after the
/// message is read) and takes the count that arrived ([`advance`](Self::advance)). Lengths are
/// checked as soon as their bytes arrive, and each part grows by doubling as its bytes arrive
/// (from [`GROW_STEP`]), so a lying length costs at most about twice the bytes actually
/// received. Kept in the reader between calls, so an async `receive` that is cancelled loses
/// nothing.
#[derive(Debug, Default)]
pub(crate) struct FrameDecoder {
    /// Stream offset of the message being received.
    base: usize,
    /// Bytes of this message received so far.
    received: usize,
    part: Part,
    /// Offset (in the message) of the current part's first byte.
    part_start: usize,
    /// Bytes of the current part received.
    filled: usize,
    /// The count bytes and the length table as received.
    header: Vec<u8>,
    /// Buffer count, once read.
    count: usize,
    /// The lengths checked so far (main buffer first).
    lengths: Vec<usize>,
    main: Vec<u8>,
    buffers: Vec<AlignedBuffer>,
}

impl FrameDecoder {
    /// Bytes of the stream taken so far.
    pub(crate) fn position(&self) -> usize {
        self.base + self.received
    }

    /// The current part's length.
    fn part_len(&self) -> usize {
        match self.part {
            Part::Count => 4,
            Part::Lengths => 8 * (self.count + 1),
            Part::Main => self.lengths[0],
            Part::Buffer(i) => self.lengths[i + 1],
        }
    }

    /// Where the next bytes go: not empty, and no longer than what the current part lacks.
    pub(crate) fn room(&mut self) -> &mut [u8] {
        let (len, filled) = (self.part_len(), self.filled);
        let step = (len - filled).min(filled.max(GROW_STEP));
        match self.part {
            Part::Count | Part::Lengths => {
                let at = if self.part == Part::Count { 0 } else { 4 } + filled;
                if self.header.len() == at {
                    self.header.resize(at + step, 0);
                }
                &mut self.header[at..]
            }
            Part::Main => {
                if self.main.len() == filled {
                    self.main.resize(filled + step, 0);
                }
                &mut self.main[filled..]
            }
            Part::Buffer(i) => {
                let buffer = &mut self.buffers[i];
                if buffer.len == filled {
                    buffer.grow(filled + step);
                }
                &mut buffer.as_bytes_mut()[filled..]
            }
        }
    }

    /// Takes `n` bytes written at the front of [`room`](Self::room); `n == 0` is the end of
    /// the stream. Returns the message once complete: `Some(None)` for a clean end (before
    /// any byte of a message), `Some(Some(frame))` for a message, `None` while incomplete.
    pub(crate) fn advance(&mut self, n: usize) -> Result<Option<Option<ReceivedFrame>>> {
        if n == 0 {
            return if self.part == Part::Count && self.filled == 0 {
                Ok(Some(None))
            } else {
                Err(self.truncated())
            };
        }
        self.filled += n;
        self.received += n;
        if self.part == Part::Lengths {
            self.check_lengths()?;
        }
        if self.filled < self.part_len() {
            return Ok(None);
        }
        // The part is complete: on to the next one that is not empty.
        loop {
            self.part = match self.part {
                Part::Count => {
                    let count = u32::from_le_bytes([
                        self.header[0],
                        self.header[1],
                        self.header[2],
                        self.header[3],
                    ]);
                    if count > MAX_BUFFERS {
                        return Err(Error::limit_exceeded(
                            self.base,
                            "out-of-band buffers in one message",
                            u64::from(MAX_BUFFERS),
                            u64::from(count),
                        ));
                    }
                    self.count = count as usize;
                    Part::Lengths
                }
                Part::Lengths => Part::Main,
                Part::Main if self.count == 0 => return Ok(Some(Some(self.finish()))),
                Part::Main => Part::Buffer(0),
                Part::Buffer(i) if i + 1 == self.count => return Ok(Some(Some(self.finish()))),
                Part::Buffer(i) => Part::Buffer(i + 1),
            };
            if let Part::Buffer(_) = self.part {
                self.buffers.push(AlignedBuffer::default());
            }
            self.part_start = self.received;
            self.filled = 0;
            if self.part_len() > 0 {
                return Ok(None);
            }
        }
    }

    /// Checks and records the lengths whose 8 bytes have all arrived.
    fn check_lengths(&mut self) -> Result<()> {
        let limit = MAX_PART_BYTES.min(usize::MAX as u64);
        while (self.lengths.len() + 1) * 8 <= self.filled {
            let at = 4 + 8 * self.lengths.len();
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&self.header[at..at + 8]);
            let len = u64::from_le_bytes(bytes);
            if len > limit {
                return Err(Error::limit_exceeded(
                    self.base + at,
                    if self.lengths.is_empty() {
                        "bytes in a message's main buffer"
                    } else {
                        "bytes in one out-of-band buffer of a message"
                    },
                    limit,
                    len,
                ));
            }
            self.lengths.push(len as usize);
        }
        Ok(())
    }

    /// The complete message; the decoder is ready for the next one.
    fn finish(&mut self) -> ReceivedFrame {
        let mut main = std::mem::take(&mut self.main);
        main.truncate(self.lengths[0]);
        let frame = ReceivedFrame {
            main,
            buffers: std::mem::take(&mut self.buffers),
        };
        let base = self.position();
        let header = std::mem::take(&mut self.header);
        *self = FrameDecoder {
            base,
            ..FrameDecoder::default()
        };
        // The header's allocation is kept for the next message when it is small.
        if header.capacity() <= 4096 {
            self.header = header;
            self.header.clear();
        }
        frame
    }

    /// The error for a stream that ended inside the current part.
    fn truncated(&self) -> Error {
        let expected = match self.part {
            Part::Count => "a message's out-of-band buffer count (u32)",
            Part::Lengths => "a message's length table (one u64 per part)",
            Part::Main => "a message's main buffer",
            Part::Buffer(_) => "a message's out-of-band buffer",
        };
        Error::truncated(
            self.base + self.part_start,
            expected,
            self.part_len(),
            self.filled,
        )
    }
}
