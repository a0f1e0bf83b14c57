//! fory-core: the Apache Fory xlang wire format in Rust.
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
