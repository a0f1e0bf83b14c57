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
//! pyfory (1.6.0 to 1.7.7) writes the flag for BINARY only: its numeric arrays keep the plain
//! form (`varuint32 length` and bytes) even with the bit set, and it reads them only in that
//! form. [`OobArrayForm`] chooses which of the two forms numeric arrays are written in; reading
//! accepts both wherever the bytes tell them apart (see [`OobArrayForm`] for the rules). Go
//! 1.6.0 sets the bit but never writes a flag. See `spec/out-of-band.md` and
//! `spec/divergences.md`.
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
#[cfg(feature = "zeromq")]
pub mod zmq;

#[cfg(feature = "tokio")]
pub mod async_transport;

use std::borrow::Cow;
use std::io::{IoSlice, Write};

use crate::types::TypeId;

/// How numeric arrays (`BOOL_ARRAY` .. `FLOAT64_ARRAY`, every array but BINARY) are written in
/// a payload with the out-of-band bit, and how the one ambiguous reading is settled. Set it with
/// [`ForyBuilder::oob_array_form`](crate::ForyBuilder::oob_array_form) to the form of the peer
/// the payloads are exchanged with. BINARY is the same in both forms.
///
/// | in a payload with the out-of-band bit | `Java` (default) | `Pyfory` |
/// | --- | --- | --- |
/// | BINARY | flag `01` + length + bytes, or flag `00` and a buffer | the same |
/// | numeric array, written | the same as BINARY; the callback decides | `varuint32 length` + bytes, always in-band; the callback is not asked |
/// | numeric array, first byte `00`, read | flag: the next out-of-band buffer | an empty array |
/// | 1-byte-element array (`INT8`, `UINT8`, `BOOL`), first byte `01`, read | flag: length and bytes follow | length 1: one element follows |
///
/// Every other first byte reads the same under both settings, so either reads the other's
/// payloads wherever the bytes allow only one reading: a byte of 2 or more cannot be a flag, so
/// it starts a plain length (pyfory's arrays, Go's binaries); `01` before an array of 2-byte or
/// wider elements cannot be a plain length (one byte is not a whole element), so it is Java's
/// in-band flag.
///
/// A payload of the other form read the ambiguous way is an error naming this setting, with one
/// exception: pyfory's one-element `INT8`, `UINT8` or `BOOL` array holding 0 (`01 00`) reads
/// under `Java` as an empty array (flag `01`, count 0), without an error. Numeric `00`s read the
/// wrong way always show: the buffer count no longer matches.
///
/// The form pyfory reads is the plain one: under `Java`, pyfory reads a numeric array sent
/// out-of-band (`00`) as an empty array, without an error, and fails on one kept in-band. A
/// numeric array cannot travel out-of-band to pyfory at all; under `Pyfory` it stays in the main
/// buffer, and only BINARY payloads are handed to the callback.
///
/// ```
/// use fory_core::oob::{AllOutOfBand, OobArrayForm};
/// use fory_core::Fory;
///
/// #[derive(fory_core::ForyObject, Debug, PartialEq, Default)]
/// struct Sample {
///     raw: Vec<u8>,       // BINARY: out-of-band in both forms
///     values: Vec<f64>,   // FLOAT64_ARRAY: in the main buffer for pyfory
/// }
///
/// let mut fory = Fory::builder().oob_array_form(OobArrayForm::Pyfory).build();
/// fory.register::<Sample>(300)?;
/// let sample = Sample { raw: vec![1, 2, 3], values: vec![1.5] };
/// let frame = fory.serialize_with_callback(&sample, AllOutOfBand)?;
/// // ... 00 (raw: out-of-band), 08 (values: 8 bytes, no flag) 000000000000f83f
/// assert_eq!(frame.main[frame.main.len() - 10..], [0, 8, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f]);
/// assert_eq!(frame.buffer_slices(), [&[1u8, 2, 3][..]]);
/// let back: Sample = fory.deserialize_with_buffers(&frame.main, &frame.buffer_slices())?;
/// assert_eq!(back, sample);
///
/// // A reader in Java's form reads it too: `08` cannot be a flag.
/// let mut java = Fory::default();
/// java.register::<Sample>(300)?;
/// assert_eq!(java.deserialize_with_buffers::<Sample>(&frame.main, &frame.buffer_slices())?, sample);
/// # Ok::<(), fory_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OobArrayForm {
    /// Java's form (fory-core 1.6.0), byte-equal with the Java peer: every numeric array, like
    /// BINARY, starts with the in-band flag and is handed to the callback, so it can travel
    /// out-of-band.
    #[default]
    Java,
    /// pyfory's form (1.6.0 to 1.7.7), byte-equal with the Python peer: numeric arrays
    /// (`pyfory.Int32Array`, `array.array`, numpy arrays) in the plain form, always in the main
    /// buffer; BINARY (`bytes`) as in Java's form.
    Pyfory,
}

/// One BINARY or numeric-array payload, as the callback sees it and as an out-of-band buffer:
/// its type and its bytes (elements in little-endian order).
///
/// The [module example](self) shows it in use.
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
///
/// The [module example](self) shows it in use.
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
///
/// The [module example](self) shows it in use.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllOutOfBand;

impl BufferCallback for AllOutOfBand {
    fn in_band(&mut self, _: &BufferObject<'_>) -> bool {
        false
    }
}

/// Buffers of at least this many bytes out-of-band, smaller ones in-band (a `size_threshold`).
///
/// The [module example](self) shows it in use.
#[derive(Debug, Clone, Copy)]
pub struct SizeThreshold(pub usize);

impl BufferCallback for SizeThreshold {
    fn in_band(&mut self, buffer: &BufferObject<'_>) -> bool {
        buffer.total_bytes() < self.0
    }
}

/// A payload written with a callback: the main buffer and the out-of-band buffers, in order.
///
/// The [module example](self) shows it in use.
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
    /// Where the first numeric array was read as pyfory's empty array (`00` under
    /// [`OobArrayForm::Pyfory`]), which Java would have meant as out-of-band: named when
    /// buffers are left over.
    pub(crate) first_empty_array: Option<usize>,
}

impl<'de> OobSource<'de> {
    pub(crate) fn new(buffers: &[&'de [u8]]) -> Self {
        OobSource {
            buffers: buffers.to_vec(),
            next: 0,
            first_empty_array: None,
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
