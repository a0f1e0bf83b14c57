//! The row format (Fory's "standard" row format): a struct as fixed 8-byte slots behind a null
//! bitmap, so one field of a large record is read without decoding the rest, and a buffer can be
//! handed around and read in place. Byte-compatible with pyfory's `pyfory.format`, Java's
//! `fory-format` and Apache Fory Rust's `ForyRow`; the layout is in `spec/row-format.md`.
//!
//! `#[derive(ForyRow)]` on a struct implements [`RowType`] for it and generates a view type,
//! `<Name>Row<'a>`, with one accessor per field that reads only that field's bytes (strings and
//! binary as borrowed slices, nested structs as their own views, lists as [`ArrayView`]s, maps as
//! [`MapView`]s) and `to_value` to decode the whole struct.
//!
//! ```
//! use fory_core::row::{self, ForyRow};
//!
//! #[derive(ForyRow, Debug, PartialEq)]
//! struct Point {
//!     x: i32,
//!     y: i32,
//! }
//!
//! #[derive(ForyRow, Debug, PartialEq)]
//! struct Shape {
//!     name: String,
//!     corners: Vec<Point>,
//!     note: Option<String>,
//! }
//!
//! let shape = Shape {
//!     name: "triangle".into(),
//!     corners: vec![Point { x: 0, y: 0 }, Point { x: 4, y: 0 }, Point { x: 0, y: 3 }],
//!     note: None,
//! };
//! let bytes = row::to_row(&shape)?;
//!
//! // One field, without decoding the others.
//! let view = row::view::<Shape>(&bytes)?;
//! assert_eq!(view.name()?, "triangle"); // a &str into `bytes`
//! assert_eq!(view.corners()?.get(1)?.x()?, 4);
//! assert_eq!(view.note()?, None);
//!
//! // The whole value.
//! assert_eq!(row::from_row::<Shape>(&bytes)?, shape);
//! # Ok::<(), fory_core::Error>(())
//! ```
//!
//! Field types: `bool`, `i8`, `i16`, `i32`, `i64`, `f32`, `f64`, `String`, `Vec<u8>` (binary),
//! [`Date`](crate::types::Date), [`Timestamp`](crate::types::Timestamp) and
//! [`Duration`](crate::types::Duration) (microseconds; pyfory has no duration in rows), another
//! `ForyRow` struct, `Vec<T>`, `BTreeMap<K, V>` and `HashMap<K, V>` of these, and `Option<T>` of
//! any of them for a field or element that may be null. Fields are laid out in declaration
//! order, as Apache Fory Rust lays out its structs and pyfory an explicit schema; pyfory's
//! schemas inferred from a class and Java's bean encoder sort the fields by name, so the other
//! side must declare them in the same order (nothing in a row names them).
//!
//! Every accessor checks the slot's offset and size against the row before reading, so a row
//! that lies (an offset past its end, a count its bytes cannot hold, a bool that is neither 0
//! nor 1, invalid UTF-8, a null bit on a field that cannot be null) gives an [`Error`] naming
//! the byte offset, never a panic or a read outside the buffer.
//!
//! [`RowWriter`] writes rows one after another into the same buffer. A row is plain bytes, so it
//! travels as a BINARY value: out-of-band with a buffer callback, and viewed in place from the
//! received buffer ([`crate::oob`]).

mod layout;
mod types;
mod view;
mod write;

pub use fory_derive::ForyRow;
#[doc(hidden)]
pub use view::StructView;
pub use view::{ArrayView, MapView};
#[doc(hidden)]
pub use write::StructWriter;

use crate::error::{Error, Result};

/// A type a row can hold: how it is written into its slot or after it, and how a view reads it.
/// `#[derive(ForyRow)]` implements it for structs; the [module](self) lists the others.
pub trait RowType {
    /// What a view returns for it: the value for fixed-width types, a borrowed slice or a view
    /// for the others.
    type View<'a>;

    /// Its width in an array element slot when it is fixed-width (1, 2, 4 or 8 bytes; a row
    /// field slot is always 8); `None` for a value written after the slots, with its offset
    /// and size in the slot.
    const FIXED: Option<usize>;

    /// Writes a fixed-width value into its slot (`FIXED` bytes).
    fn put_fixed(&self, slot: &mut [u8]) {
        let _ = slot;
    }

    /// Appends a variable-width value's bytes (padding is the caller's).
    fn append(&self, out: &mut Vec<u8>) -> Result<()> {
        let _ = out;
        Ok(())
    }

    /// Reads the value from its bytes (the slot for a fixed-width value, the region the slot
    /// points to otherwise), which start at input offset `at`.
    fn read(bytes: &[u8], at: usize) -> Result<Self::View<'_>>;

    /// Whether the value is null (sets the null bit instead of writing it).
    fn is_null(&self) -> bool {
        false
    }

    /// What a set null bit reads as: an error, except for `Option`.
    fn read_null<'a>(at: usize) -> Result<Self::View<'a>> {
        Err(Error::invalid(
            at,
            "a value (this side's type cannot be null)",
            "a null bit set",
        ))
    }

    /// The owned value of a view, charging what it allocates to `budget`.
    fn from_view(view: Self::View<'_>, budget: &mut Budget) -> Result<Self>
    where
        Self: Sized;
}

/// What decoding one row may allocate for its strings, binary and lists: 8 bytes per byte of
/// the row plus 64 KiB. Each value lies within the row, but offsets may point many times at the
/// same bytes; the budget keeps such a row from making decoding allocate far more than it
/// holds. (Views never allocate.)
#[doc(hidden)]
pub struct Budget {
    left: usize,
    row_len: usize,
}

impl Budget {
    /// The budget for decoding the row `bytes`.
    pub fn for_row(bytes: &[u8]) -> Self {
        Budget {
            left: bytes.len().saturating_mul(8).saturating_add(64 * 1024),
            row_len: bytes.len(),
        }
    }

    /// Takes `bytes` from the budget.
    pub fn charge(&mut self, bytes: usize) -> Result<()> {
        match self.left.checked_sub(bytes) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(Error::limit_exceeded(
                self.row_len,
                "the decoding budget of a row (8 bytes per row byte + 64 KiB; its offsets point \
                 many times at the same bytes)",
                (self.row_len as u64).saturating_mul(8) + 64 * 1024,
                bytes as u64,
            )),
        }
    }
}

/// The row of `value` in a new buffer.
pub fn to_row<T: RowType + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_root(&mut out, value)?;
    Ok(out)
}

/// A view of the row `bytes` as a `T`: nothing is read until an accessor asks.
pub fn view<T: RowType + ?Sized>(bytes: &[u8]) -> Result<T::View<'_>> {
    T::read(bytes, 0)
}

/// Decodes the row `bytes` into a `T`.
pub fn from_row<T: RowType>(bytes: &[u8]) -> Result<T> {
    T::from_view(view::<T>(bytes)?, &mut Budget::for_row(bytes))
}

fn write_root<T: RowType + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<()> {
    if T::FIXED.is_some() || value.is_null() {
        return Err(Error::encode(
            "a row's root must be a struct, a list or a map (scalars and nulls live in a row's \
             fields)",
        ));
    }
    value.append(out)
}

/// Writes rows into one buffer it keeps, so a loop of rows allocates only while the buffer
/// grows.
///
/// ```
/// use fory_core::row::{self, ForyRow, RowWriter};
/// #[derive(ForyRow)]
/// struct Reading {
///     sensor: i32,
///     value: f64,
/// }
/// let mut writer = RowWriter::new();
/// for i in 0..3 {
///     let bytes = writer.write(&Reading { sensor: i, value: 0.5 })?;
///     assert_eq!(row::view::<Reading>(bytes)?.sensor()?, i);
/// }
/// # Ok::<(), fory_core::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct RowWriter {
    buffer: Vec<u8>,
}

impl RowWriter {
    /// A writer with an empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes the row of `value` over the previous one and returns its bytes.
    pub fn write<T: RowType + ?Sized>(&mut self, value: &T) -> Result<&[u8]> {
        self.buffer.clear();
        write_root(&mut self.buffer, value)?;
        Ok(&self.buffer)
    }

    /// The buffer, holding the last row written.
    pub fn into_inner(self) -> Vec<u8> {
        self.buffer
    }
}
