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

pub mod buffer;
pub mod context;
pub mod error;
pub mod fory;
mod limits;
pub mod meta;
pub mod resolver;
pub mod serializer;
pub mod types;

pub use buffer::{Reader, Writer};
pub use error::{Error, ErrorKind, Result};
pub use fory::{Fory, ForyBuilder};
pub use limits::Limits;
pub use serializer::{Deserialize, Serialize, Value};

// The README's examples are compiled and run as doc tests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
