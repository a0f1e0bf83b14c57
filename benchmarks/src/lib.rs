//! Benchmarks of this project's `fory-core` against Apache Fory Rust 1.7.7, prost, rmp-serde,
//! bincode, postcard and serde_json on the data of Apache Fory's Rust xlang benchmark and on
//! data it lacks, plus a large `f64` array in-band and out-of-band against a plain `memcpy`, and
//! messages through a TCP loopback connection against a raw socket copy, and the row format against
//! Apache Fory Rust's.
//!
//! `cargo run --release -p benchmarks --bin report` runs everything and writes
//! `benchmarks/REPORT.md`; `cargo bench -p benchmarks` runs the same criterion benchmarks alone.

pub mod apache;
pub mod instructions;
pub mod model;
pub mod ours;
pub mod pb;
pub mod plot;
pub mod probe;
pub mod rounds;
pub mod rows;
pub mod scaling;
pub mod suite;
pub mod transport;
