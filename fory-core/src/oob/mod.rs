//! Out-of-band buffers: BINARY and numeric-array payloads handed to a callback that decides,
//! buffer by buffer, whether each stays in the main buffer or travels beside it.
//!
//! # Wire form (Java 1.6.0's, measured)
//!
//! A payload written with a callback has the header's out-of-band bit set (`03` instead of
//! `01`), whatever the callback answers. Every BINARY and `*_ARRAY` payload then starts with a
//! one-byte flag: `01` and the usual `varuint32 length` and bytes when it stays in-band, `00` and
//! nothing else when it goes out-of-band. The out-of-band buffer is the raw payload: the bytes,
//! or the elements in little-endian order, with no length, type or padding. Readers take the
//! buffers in the order the flags `00` appear (depth first).
//!
//! pyfory 1.6.0 writes the flag for BINARY only (its numeric arrays keep the plain form even with
//! the bit set), so the two disagree on arrays; Go 1.6.0 sets the bit but never writes a flag.
//! Neither form can be told from the other on the wire, so readers follow the header bit and
//! Java's form. See `spec/divergences.md`.
//!
//! ```
//! use fory_core::oob::{self, BufferObject};
//! use fory_core::Fory;
//!
//! let fory = Fory::default();
//! let value = vec![vec![1u8, 2, 3], vec![4, 5]];
//! // Out-of-band from 3 bytes up: the first buffer leaves, the second stays.
//! let frame = fory.serialize_with_callback(&value, oob::SizeThreshold(3))?;
//! assert_eq!(frame.main, [0x03, 0xff, 0x16, 0x02, 0x08, 0x29, 0x00, 0x01, 0x02, 0x04, 0x05]);
//! assert_eq!(frame.buffers.len(), 1);
//! assert_eq!(frame.buffers[0].as_bytes(), [1, 2, 3]);
//!
//! let buffers: Vec<&[u8]> = frame.buffers.iter().map(BufferObject::as_bytes).collect();
//! let back: Vec<Vec<u8>> = fory.deserialize_with_buffers(&frame.main, &buffers)?;
//! assert_eq!(back, value);
//! # Ok::<(), fory_core::Error>(())
//! ```

pub mod transport;

use std::borrow::Cow;
use std::io::{IoSlice, Write};

use crate::types::TypeId;

/// One BINARY or numeric-array payload, as the callback sees it and as an out-of-band buffer:
/// its type and its bytes (elements in little-endian order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferObject<'a> {
    type_id: TypeId,
    bytes: Cow<'a, [u8]>,
}

impl<'a> BufferObject<'a> {
    /// A buffer of type `type_id` (`BINARY`, `INT32_ARRAY`, ...) holding `bytes`.
    pub fn new(type_id: TypeId, bytes: impl Into<Cow<'a, [u8]>>) -> Self {
        BufferObject {
            type_id,
            bytes: bytes.into(),
        }
    }

    /// The payload's type id.
    pub fn type_id(&self) -> TypeId {
        self.type_id
    }

    /// The payload's size in bytes.
    pub fn total_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// The payload's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Writes the payload's bytes to `out`.
    pub fn write_to<W: Write + ?Sized>(&self, out: &mut W) -> std::io::Result<()> {
        out.write_all(&self.bytes)
    }

    /// Whether the bytes are borrowed from the serialized value (no copy was made).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.bytes, Cow::Borrowed(_))
    }

    /// An owned copy, independent of the value it came from.
    pub fn into_owned(self) -> BufferObject<'static> {
        BufferObject {
            type_id: self.type_id,
            bytes: Cow::Owned(self.bytes.into_owned()),
        }
    }
}

/// Decides for each buffer: `true` keeps it in-band, `false` sends it out-of-band (the meaning
/// the Java and Python callbacks give their return value). Any `FnMut(&BufferObject) -> bool`
/// is one.
pub trait BufferCallback {
    /// Whether `buffer` stays in the main buffer.
    fn in_band(&mut self, buffer: &BufferObject<'_>) -> bool;
}

impl<F: FnMut(&BufferObject<'_>) -> bool> BufferCallback for F {
    fn in_band(&mut self, buffer: &BufferObject<'_>) -> bool {
        self(buffer)
    }
}

/// Every buffer out-of-band.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllOutOfBand;

impl BufferCallback for AllOutOfBand {
    fn in_band(&mut self, _: &BufferObject<'_>) -> bool {
        false
    }
}

/// Buffers of at least this many bytes out-of-band, smaller ones in-band (a `size_threshold`).
#[derive(Debug, Clone, Copy)]
pub struct SizeThreshold(pub usize);

impl BufferCallback for SizeThreshold {
    fn in_band(&mut self, buffer: &BufferObject<'_>) -> bool {
        buffer.total_bytes() < self.0
    }
}

/// A payload written with a callback: the main buffer and the out-of-band buffers, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame<'a> {
    /// The main buffer (header, flags, in-band data).
    pub main: Vec<u8>,
    /// The buffers the callback sent out-of-band, in the order a reader takes them.
    pub buffers: Vec<BufferObject<'a>>,
}

impl Frame<'_> {
    /// The main buffer and every out-of-band buffer as slices for one
    /// [`Write::write_vectored`] (or a multipart message), without copying.
    pub fn io_slices(&self) -> Vec<IoSlice<'_>> {
        std::iter::once(IoSlice::new(&self.main))
            .chain(self.buffers.iter().map(|b| IoSlice::new(b.as_bytes())))
            .collect()
    }

    /// The out-of-band buffers as slices, for [`Fory::deserialize_with_buffers`].
    ///
    /// [`Fory::deserialize_with_buffers`]: crate::Fory::deserialize_with_buffers
    pub fn buffer_slices(&self) -> Vec<&[u8]> {
        self.buffers.iter().map(BufferObject::as_bytes).collect()
    }
}

/// The callback and the buffers sent out-of-band so far, while writing one payload.
pub(crate) struct OobSink<'c> {
    pub(crate) callback: Box<dyn BufferCallback + 'c>,
    pub(crate) buffers: Vec<BufferObject<'c>>,
    /// Set while writing data borrowed for less than `'c` (inside a `RefCell` or `Mutex`
    /// guard): buffers sent out-of-band then are copied.
    pub(crate) copy: bool,
}

impl std::fmt::Debug for OobSink<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OobSink({} buffers out-of-band)", self.buffers.len())
    }
}

/// The out-of-band buffers given to a reader, taken in order.
#[derive(Debug)]
pub(crate) struct OobSource<'de> {
    buffers: Vec<&'de [u8]>,
    next: usize,
}

impl<'de> OobSource<'de> {
    pub(crate) fn new(buffers: &[&'de [u8]]) -> Self {
        OobSource {
            buffers: buffers.to_vec(),
            next: 0,
        }
    }

    /// The next buffer, if any is left.
    pub(crate) fn take(&mut self) -> Option<&'de [u8]> {
        let buffer = self.buffers.get(self.next).copied();
        self.next += usize::from(buffer.is_some());
        buffer
    }

    /// How many buffers were not taken.
    pub(crate) fn left(&self) -> usize {
        self.buffers.len() - self.next
    }
}
