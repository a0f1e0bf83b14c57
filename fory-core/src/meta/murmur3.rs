//! MurmurHash3 x64_128 (placeholder).
