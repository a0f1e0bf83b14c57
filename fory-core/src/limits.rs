//! Decoding limits: how much a payload may ask the decoder to do.
//!
//! Every length read from the input is first checked against the bytes that remain, so memory is
//! bounded by the input size even without limits; these limits bound it further, per value, and
//! bound the work nesting can cause.

/// Caps applied while decoding. The defaults suit payloads from peers you do not fully trust;
/// raise them for known large data.
///
/// ```
/// use fory_core::Limits;
/// let limits = Limits { max_string_bytes: 1 << 10, ..Limits::default() };
/// assert_eq!(limits.max_depth, Limits::default().max_depth);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of lists, sets, maps, structs and unions inside one value, counted alike
    /// when it is written, read or skipped (an empty list or set is no level). Default: 64.
    pub max_depth: u32,
    /// Most elements in one list, set or array, or entries in one map. Default: 16 Mi (2^24).
    pub max_collection_len: u32,
    /// Most encoded bytes in one string. Default: 256 MiB.
    pub max_string_bytes: u64,
    /// Most bytes in one binary or numeric-array payload. Default: 1 GiB.
    pub max_binary_bytes: u64,
}

impl Limits {
    /// The defaults described on each field.
    pub const DEFAULT: Limits = Limits {
        max_depth: 64,
        max_collection_len: 1 << 24,
        max_string_bytes: 256 << 20,
        max_binary_bytes: 1 << 30,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
