//! fory-core: the Apache Fory cross-language (xlang) wire format in Rust, byte-compatible with
//! the Java, Python and Go implementations.
//!
//! ```
//! use std::collections::BTreeMap;
//! use fory_core::{Fory, Value};
//!
//! let fory = Fory::builder().build();
//! let scores = BTreeMap::from([("ada".to_string(), 36i64), ("alan".to_string(), 41)]);
//! let bytes = fory.serialize(&scores)?;
//! let back: BTreeMap<String, i64> = fory.deserialize(&bytes)?;
//! assert_eq!(back, scores);
//!
//! // What a Java `List<Object>` or a Python list of mixed values looks like.
//! let any: Value = fory.deserialize(&fory.serialize(&(1i64, "a".to_string()))?)?;
//! assert_eq!(any, Value::List(vec![Value::Int64(1), Value::String("a".into())]));
//! # Ok::<(), fory_core::Error>(())
//! ```
//!
//! # Design
//!
//! - **[`Fory`]** holds configuration ([`fory::Config`]: compatible mode, reference tracking,
//!   [`Limits`]) and the [`resolver::TypeRegistry`] of user types. It is built once and shared.
//! - **Contexts.** Each call makes a [`context::WriteContext`] or [`context::ReadContext`] that
//!   owns the buffer and the tables that live for one payload (meta strings and TypeDefs already
//!   written, reference ids, nesting depth). Serializers get the context and never reach back into
//!   `Fory`.
//! - **Traits.** A value on the wire is up to three parts — reference flag, type info, payload —
//!   and which parts appear depends on the position (a root value carries all three, an element
//!   of a list that declares its element type only the payload). [`Serialize`] and
//!   [`Deserialize`] expose the parts as separate, statically dispatched methods and the position
//!   decides which to call, so there is no per-field hash lookup or dynamic dispatch when the
//!   Rust type is known. Reads are driven by the type id on the wire: an `i64` reads every
//!   integer encoding that fits, a `Vec<i32>` reads an INT32_ARRAY or a LIST.
//! - **Zero copy.** `Deserialize<'de>` carries the input lifetime, so `&'de str`,
//!   `Cow<'de, str>` and borrowed byte slices point into the input.
//! - **Bytes.** [`buffer`] is the only module that touches raw bytes; every read is bounds-checked
//!   and every error names the byte offset and what was expected there (see [`Error`]).
//!
//! The wire format itself is described in the repository's `spec/` folder.
#![forbid(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod context;
pub mod io;
mod limits;
pub mod oob;
pub mod types;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
pub(crate) use __private::{buffer, error, fory, meta, resolver, serializer};

pub use buffer::{Reader, StringEncoding, Writer};
pub use error::{Error, ErrorKind, Result};
pub use fory::{Config, Fory, ForyBuilder, FrameHeader, StringRule};
/// Derives the serializers of a struct (STRUCT), a unit-only enum (ENUM) or an enum with data
/// (UNION); the README's "Structs, enums and unions" section describes the field attributes.
///
/// Variant attributes:
///
/// - `#[fory(id = N)]`: the variant's ordinal or case id (declaration order by default).
/// - `#[fory(default)]`: in compatible mode, an ordinal or case id this side does not know reads
///   as this variant (its fields, if any, `Default`); without it, an unknown one is an error
///   naming it and its offset, as it always is in schema-consistent mode. At most one variant.
/// - `#[fory(name = "...")]`, on a variant with several fields: the name `register_named` gives
///   its case struct `{Enum}{Variant}`, which the derive declares next to the enum and which is
///   registered like any struct.
///
/// ```
/// use fory_core::{Fory, ForyObject};
///
/// #[derive(ForyObject, Debug, PartialEq)]
/// enum Level { Low, #[fory(default)] Mid, High }
///
/// let mut fory = Fory::builder().compatible(true).build();
/// fory.register::<Level>(101)?;
/// // ENUM 101 with ordinal 7, which a newer writer may send.
/// let bytes = [0x01, 0xff, 0x19, 0x65, 0x07];
/// assert_eq!(fory.deserialize::<Level>(&bytes)?, Level::Mid);
/// # Ok::<(), fory_core::Error>(())
/// ```
///
/// Field defaults and borrowing:
///
/// A field needs `Default` only if it can be missing: a field the writer's TypeDef lacks (or
/// a peer's null in a non-nullable field) takes `#[fory(default = "path")]`, else `Default`,
/// else the read fails naming the field; a `skip` field needs one of the two at compile time.
///
/// A struct with one lifetime parameter borrows: its `&'a str`, `&'a [u8]`, `Cow<'a, [T]>`
/// fields (and collections of them) are read as views into the main buffer or the out-of-band
/// buffer that carried them. It is registered as its `'static` form with
/// [`Fory::register_borrowing`] and writes the same bytes as its owned twin. A numeric
/// `Cow<[T]>` copies when its bytes are misaligned (or the host is big-endian), which is why
/// `&'a [f64]` is rejected; see "Borrowing structs" in the crate documentation.
///
/// ```
/// use std::borrow::Cow;
/// use fory_core::{Fory, ForyObject};
///
/// // Fills `samples` when a writer's TypeDef lacks it.
/// fn absolute_zero() -> Cow<'static, [f64]> {
///     Cow::Borrowed(&[-273.15])
/// }
///
/// #[derive(ForyObject, Debug, PartialEq)]
/// struct Reading<'a> {
///     station: &'a str,
///     raw: &'a [u8],
///     #[fory(default = "absolute_zero")]
///     samples: Cow<'a, [f64]>,
///     count: u32,
/// }
///
/// let mut fory = Fory::default();
/// fory.register_borrowing::<Reading<'static>>(7)?;
/// let samples = [1.0, 2.5];
/// let value = Reading { station: "north", raw: b"\x01\x02", samples: Cow::Borrowed(&samples), count: 2 };
/// let bytes = fory.serialize(&value)?;
/// let back: Reading<'_> = fory.deserialize(&bytes)?;
/// assert_eq!(back, value);
/// assert!(bytes.as_ptr_range().contains(&back.station.as_ptr()));
/// # Ok::<(), fory_core::Error>(())
/// ```
pub use fory_derive::ForyObject;
pub use limits::Limits;
pub use resolver::{Registrable, UserType};
pub use serializer::{read_value, write_value, UserValue};
pub use serializer::{AsAny, Deserialize, ForyExt, Serialize, Value};

// Lets code generated by the derive (which names `::fory_core`) compile inside this crate.
extern crate self as fory_core;

// The README's examples are compiled and run as doc tests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
