//! The arithmetic of the standard row format: null bitmaps in 8-byte words, 8-byte alignment,
//! and the slot that holds a variable-width value's place (`offset << 32 | size`).

use crate::error::{Error, Result};

/// Bytes of a null bitmap for `n` fields or elements: whole 8-byte words.
pub(crate) fn bitmap_bytes(n: usize) -> usize {
    n.div_ceil(64) * 8
}

/// `n` rounded up to a multiple of 8.
pub(crate) fn padded(n: usize) -> usize {
    n.div_ceil(8) * 8
}

/// Whether bit `i` of `bitmap` is set.
pub(crate) fn bit(bitmap: &[u8], i: usize) -> bool {
    bitmap[i / 8] & (1 << (i % 8)) != 0
}

/// Sets bit `i` of `bitmap`.
pub(crate) fn set_bit(bitmap: &mut [u8], i: usize) {
    bitmap[i / 8] |= 1 << (i % 8);
}

/// The slot of a variable-width value at `offset` (from the start of its row, array or map)
/// with `size` bytes; `what` names the value in the error when either does not fit 32 bits.
pub(crate) fn place(offset: usize, size: usize) -> Result<u64> {
    match (u32::try_from(offset), u32::try_from(size)) {
        (Ok(offset), Ok(size)) => Ok(u64::from(offset) << 32 | u64::from(size)),
        _ => Err(Error::encode(format!(
            "a row value of {size} bytes at offset {offset}: the row format addresses at most \
             4 GiB"
        ))),
    }
}

/// Splits a slot into (offset, size).
pub(crate) fn unplace(slot: u64) -> (usize, usize) {
    ((slot >> 32) as usize, (slot & 0xffff_ffff) as usize)
}

/// The eight bytes at `at` of `bytes` as a little-endian `u64` (`at + 8 <= bytes.len()` is the
/// caller's check).
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmaps_are_whole_words_and_slots_split_back() {
        assert_eq!([0, 1, 64, 65, 128].map(bitmap_bytes), [0, 8, 8, 16, 16]);
        assert_eq!([0, 1, 8, 9].map(padded), [0, 8, 8, 16]);
        let slot = place(24, 5).unwrap();
        assert_eq!(slot.to_le_bytes(), [5, 0, 0, 0, 24, 0, 0, 0]);
        assert_eq!(unplace(slot), (24, 5));
        assert!(place(1 << 32, 0).is_err());
        let mut bitmap = [0u8; 8];
        set_bit(&mut bitmap, 9);
        assert!(bit(&bitmap, 9) && !bit(&bitmap, 8));
        assert_eq!(bitmap[1], 0b10);
    }
}
