//! float16 (placeholder until the full type lands).

/// A float16 value stored as its bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Float16(u16);

impl Float16 {
    /// From raw bits.
    pub const fn from_bits(bits: u16) -> Self {
        Float16(bits)
    }
    /// The raw bits.
    pub const fn to_bits(self) -> u16 {
        self.0
    }
}
