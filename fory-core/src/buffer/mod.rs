//! The byte layer: the only code that touches raw bytes.

mod read_run;
mod reader;
mod run;
mod string;
mod text;
#[cfg(target_arch = "x86_64")]
mod text_x86;
mod word;
mod writer;

pub use read_run::ReadRun;
pub use reader::Reader;
pub use run::WriteRun;
pub(crate) use string::decode_str;
pub use string::{java_prefers_utf8, StringEncoding};
pub use writer::{Writer, VARUINT36_MAX};
