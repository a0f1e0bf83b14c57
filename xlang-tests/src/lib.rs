//! Cross-language conformance support: the cases shared with the Java, Python and Go peers.

pub mod cases;
pub mod differences;
