//! What derived and macro-generated code calls, and what the workspace's own tools (the
//! conformance peer, the benchmarks, the fuzz targets) reach into: not part of the API, and free
//! to change in any release. The user-facing items of these modules are re-exported at the crate
//! root.

#[path = "buffer/mod.rs"]
pub mod buffer;
#[path = "error.rs"]
pub mod error;
#[path = "fory.rs"]
pub mod fory;
#[path = "meta/mod.rs"]
pub mod meta;
#[path = "resolver/mod.rs"]
pub mod resolver;
#[path = "serializer/mod.rs"]
pub mod serializer;
