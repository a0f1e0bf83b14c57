//! Metadata encodings: meta strings (compact names), TypeDefs, and the MurmurHash3 behind their
//! hashes.

pub mod field_order;
pub mod meta_string;
pub mod murmur3;
pub mod struct_def;
pub mod type_def;
