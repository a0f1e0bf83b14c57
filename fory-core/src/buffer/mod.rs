//! The byte layer: the only code that touches raw bytes.

mod read_run;
mod reader;
mod run;
mod short_copy;
mod string;
mod text;
#[cfg(target_arch = "x86_64")]
mod text_x86;
// Built only by Rust 1.89 and later, whose AVX-512 intrinsics it uses (see the build script).
#[cfg(all(target_arch = "x86_64", fory_avx512))]
#[clippy::msrv = "1.89"]
mod text_x86_avx512;
mod word;
mod writer;

pub use read_run::ReadRun;
pub use reader::Reader;
pub use run::WriteRun;
pub(crate) use short_copy::copy_bytes;
pub(crate) use string::decode_str;
pub use string::{java_prefers_utf8, StringEncoding};
pub use text::vector_level;
pub use writer::{Writer, VARUINT36_MAX};
