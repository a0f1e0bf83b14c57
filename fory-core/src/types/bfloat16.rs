//! bfloat16 (placeholder until the full type lands).

/// A bfloat16 value stored as its bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BFloat16(u16);

impl BFloat16 {
    /// From raw bits.
    pub const fn from_bits(bits: u16) -> Self {
        BFloat16(bits)
    }
    /// The raw bits.
    pub const fn to_bits(self) -> u16 {
        self.0
    }
}
