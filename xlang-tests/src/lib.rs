//! Cross-language conformance support: the cases shared with the Java, Python and Go peers,
//! calling the peers, and the conformance report.

pub mod cases;
pub mod differences;
pub mod generative;
pub mod interop;
pub mod payload;
pub mod peers;
pub mod report;
pub mod rows;
