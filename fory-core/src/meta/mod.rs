//! Metadata encodings: meta strings (compact names) and the MurmurHash3 used for type hashes.

pub mod meta_string;
pub mod murmur3;
