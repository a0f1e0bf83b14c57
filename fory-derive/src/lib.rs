//! Derive macros for `fory-core`.
//!
//! The `ForyObject` derive for structs, enums and unions lands here; until then the crate only
//! reserves its place in the workspace so that the public layout is stable.

#[allow(dead_code)]
mod field_order;
