//! The byte layer: the only code that touches raw bytes.

mod reader;
mod run;
mod string;
mod word;
mod writer;

pub use reader::Reader;
pub use run::WriteRun;
pub use string::{java_prefers_utf8, StringEncoding};
pub use writer::{Writer, VARUINT36_MAX};
