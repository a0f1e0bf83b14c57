//! The write side of the byte layer: a growable little-endian buffer.

use byteorder::{ByteOrder, LittleEndian};

use crate::types::bfloat16::BFloat16;
use crate::types::float16::Float16;

/// Largest value [`Writer::write_varuint36_small`] can express (36 bits).
pub const VARUINT36_MAX: u64 = (1 << 36) - 1;

/// An append-only little-endian byte buffer.
///
/// The writer owns a `Vec<u8>`. To reuse an allocation across many encodings (the
/// `encode_into` pattern), hand the vector in with [`Writer::from_vec`] and take it back with
/// [`Writer::into_inner`]; its capacity survives the round trip.
///
/// ```
/// use fory_core::Writer;
/// let mut reused = Vec::with_capacity(64);
/// for n in [1u32, 300] {
///     reused.clear();
///     let mut w = Writer::from_vec(reused);
///     w.write_varuint32(n);
///     reused = w.into_inner();
/// }
/// assert_eq!(reused, [0xac, 0x02]);
/// ```
#[derive(Debug, Default, Clone)]
pub struct Writer {
    buf: Vec<u8>,
}

macro_rules! fixed_width_writers {
    ($($(#[$doc:meta])* $name:ident, $ty:ty, $width:literal, $put:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(&mut self, value: $ty) {
            let mut bytes = [0u8; $width];
            LittleEndian::$put(&mut bytes, value);
            self.buf.extend_from_slice(&bytes);
        }
    )*};
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Writer { buf: Vec::new() }
    }

    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Writer {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// A writer that appends to `buf`, keeping its contents and capacity.
    pub fn from_vec(buf: Vec<u8>) -> Self {
        Writer { buf }
    }

    /// The bytes written so far, giving the vector back.
    pub fn into_inner(self) -> Vec<u8> {
        self.buf
    }

    /// The bytes written so far.
    pub fn as_slice(&self) -> &[u8] {
        &self.buf
    }

    /// Number of bytes written (including any the vector held before).
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Drops the contents, keeping the allocation.
    pub fn clear(&mut self) {
        self.buf.clear();
    }

    /// Makes room for at least `additional` more bytes.
    pub fn reserve(&mut self, additional: usize) {
        self.buf.reserve(additional);
    }

    /// Appends the bytes `fill` produces, at most `max` of them: `fill` gets room for `max`
    /// bytes and returns how many it wrote, which are then appended. Nothing is zeroed first.
    #[inline]
    pub(crate) fn append_with(
        &mut self,
        max: usize,
        fill: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]) -> usize,
    ) {
        self.buf.reserve(max);
        let len = self.buf.len();
        let room = &mut self.buf.spare_capacity_mut()[..max];
        let written = fill(room).min(max);
        // SAFETY: the contract of `fill` is that it initialized the first `written` bytes of
        // `room`, which are the `written` bytes after `len`; `written <= max` fits the
        // capacity `reserve(max)` made.
        unsafe { self.buf.set_len(len + written) };
    }

    /// Appends raw bytes.
    #[inline]
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Overwrites one byte already written at `pos` (used to patch headers written ahead).
    ///
    /// # Panics
    /// If `pos` is not below [`Writer::len`]; that is a bug in the caller, not bad input.
    pub fn set_u8(&mut self, pos: usize, value: u8) {
        self.buf[pos] = value;
    }

    /// `bool` as one byte: 0 or 1.
    #[inline]
    pub fn write_bool(&mut self, value: bool) {
        self.buf.push(value as u8);
    }

    /// One unsigned byte.
    #[inline]
    pub fn write_u8(&mut self, value: u8) {
        self.buf.push(value);
    }

    /// One signed byte, two's complement.
    #[inline]
    pub fn write_i8(&mut self, value: i8) {
        self.buf.push(value as u8);
    }

    fixed_width_writers! {
        /// `u16`, 2 bytes little-endian.
        write_u16, u16, 2, write_u16;
        /// `i16`, 2 bytes little-endian.
        write_i16, i16, 2, write_i16;
        /// `u32`, 4 bytes little-endian.
        write_u32, u32, 4, write_u32;
        /// `i32`, 4 bytes little-endian.
        write_i32, i32, 4, write_i32;
        /// `u64`, 8 bytes little-endian.
        write_u64, u64, 8, write_u64;
        /// `i64`, 8 bytes little-endian.
        write_i64, i64, 8, write_i64;
        /// `f32`, its IEEE 754 bits little-endian (NaN payloads preserved).
        write_f32, f32, 4, write_f32;
        /// `f64`, its IEEE 754 bits little-endian (NaN payloads preserved).
        write_f64, f64, 8, write_f64;
    }

    /// IEEE 754 binary16, 2 bytes little-endian.
    #[inline]
    pub fn write_float16(&mut self, value: Float16) {
        self.write_u16(value.to_bits());
    }

    /// bfloat16, 2 bytes little-endian.
    #[inline]
    pub fn write_bfloat16(&mut self, value: BFloat16) {
        self.write_u16(value.to_bits());
    }

    /// Unsigned LEB128-style varint of at most 5 bytes.
    #[inline]
    pub fn write_varuint32(&mut self, value: u32) {
        if value < 0x80 {
            self.buf.push(value as u8);
            return;
        }
        if value < 0x4000 {
            self.put_word(two_byte_varint(u64::from(value)), 2);
            return;
        }
        let (word, n) = short_varint_word(u64::from(value));
        self.put_word(word, n);
    }

    /// ZigZag-mapped signed varint of at most 5 bytes.
    #[inline]
    pub fn write_varint32(&mut self, value: i32) {
        self.write_varuint32(((value << 1) ^ (value >> 31)) as u32);
    }

    /// Unsigned varint of at most 9 bytes: eight 7-bit groups with continuation bits, then (for
    /// values of 2^56 and above) a ninth byte that carries the top 8 bits whole.
    #[inline]
    pub fn write_varuint64(&mut self, value: u64) {
        if value < 0x80 {
            self.buf.push(value as u8);
            return;
        }
        if value < 0x4000 {
            self.put_word(two_byte_varint(value), 2);
            return;
        }
        if value < 1 << 35 {
            let (word, n) = short_varint_word(value);
            self.put_word(word, n);
            return;
        }
        self.write_long_varuint64(value);
    }

    /// [`Writer::write_varuint64`] of a value of 2^35 or more.
    #[inline(never)]
    fn write_long_varuint64(&mut self, value: u64) {
        if value < 1 << 56 {
            let (word, n) = varint_word(value);
            self.put_word(word, n);
        } else {
            // Eight 7-bit groups, all continued, then the top 8 bits whole.
            self.put_word(spread_groups(value) | CONTINUATION_BITS, 8);
            self.buf.push((value >> 56) as u8);
        }
    }

    /// ZigZag-mapped signed varint of at most 9 bytes.
    #[inline]
    pub fn write_varint64(&mut self, value: i64) {
        self.write_varuint64(((value << 1) ^ (value >> 63)) as u64);
    }

    /// Tagged ("hybrid") `i64`: values in `-2^30 ..= 2^30 - 1` as 4 bytes holding `value << 1`
    /// (low bit 0); anything else as the byte `0x01` followed by the 8-byte value.
    #[inline]
    pub fn write_tagged_i64(&mut self, value: i64) {
        const MIN: i64 = -(1 << 30);
        const MAX: i64 = (1 << 30) - 1;
        if (MIN..=MAX).contains(&value) {
            self.write_i32((value as i32) << 1);
        } else {
            self.buf.push(0x01);
            self.write_i64(value);
        }
    }

    /// Tagged ("hybrid") `u64`: values up to `2^31 - 1` as 4 bytes holding `value << 1` (low bit
    /// 0); anything else as the byte `0x01` followed by the 8-byte value.
    #[inline]
    pub fn write_tagged_u64(&mut self, value: u64) {
        if value <= i32::MAX as u64 {
            self.write_u32((value as u32) << 1);
        } else {
            self.buf.push(0x01);
            self.write_u64(value);
        }
    }

    /// The 36-bit varint used for string headers: like a varuint32 for the first four 7-bit
    /// groups, with a fifth byte that carries bits 28..36 whole.
    ///
    /// # Panics
    /// If `value` exceeds [`VARUINT36_MAX`]; callers check lengths first and return an encode
    /// error instead.
    #[inline]
    pub fn write_varuint36_small(&mut self, value: u64) {
        assert!(value <= VARUINT36_MAX, "varuint36 value out of range");
        if value < 0x80 {
            self.buf.push(value as u8);
            return;
        }
        if value < 0x4000 {
            self.put_word(two_byte_varint(value), 2);
            return;
        }
        // Four 7-bit groups, then the fifth byte carries bits 28..36 whole: the same bytes as
        // the general varint for every value below 2^35, and for the rest the fifth group's
        // continuation bit is simply the value's bit 35.
        let (word, n) = varint_word(value);
        self.put_word(word, n.min(5));
    }

    /// Appends the low `n` bytes (`n <= 8`) of `word`, little-endian, with one 8-byte store.
    #[inline(always)]
    fn put_word(&mut self, word: u64, n: usize) {
        debug_assert!(n <= 8);
        self.buf.reserve(8);
        let len = self.buf.len();
        // SAFETY: `reserve(8)` guarantees capacity for 8 bytes past `len`, so the unaligned
        // 8-byte store stays inside the allocation; the first `n <= 8` of those bytes are then
        // initialized, which is all `set_len` exposes.
        unsafe {
            let end = self.buf.as_mut_ptr().add(len);
            std::ptr::write_unaligned(end.cast::<[u8; 8]>(), word.to_le_bytes());
            self.buf.set_len(len + n);
        }
    }
}

/// The continuation bit of each of eight varint bytes.
const CONTINUATION_BITS: u64 = 0x8080_8080_8080_8080;

/// The low 56 bits of `value` as eight 7-bit groups, one per byte, least significant first.
#[inline(always)]
fn spread_groups(value: u64) -> u64 {
    (value & 0x7f)
        | (value & (0x7f << 7)) << 1
        | (value & (0x7f << 14)) << 2
        | (value & (0x7f << 21)) << 3
        | (value & (0x7f << 28)) << 4
        | (value & (0x7f << 35)) << 5
        | (value & (0x7f << 42)) << 6
        | (value & (0x7f << 49)) << 7
}

/// The varint bytes of `value` (below 2^56) as one little-endian word, and their count: the
/// 7-bit groups with the continuation bit set on every byte but the last. Branch-free, where a
/// loop over the groups costs a mispredicted exit per value; the count and the continuation
/// bits come from a table indexed by the value's leading zeros (a division by 7 and two shifts
/// in a row cost more).
#[inline(always)]
fn varint_word(value: u64) -> (u64, usize) {
    debug_assert!(value < 1 << 56);
    let (n, continued) = VARINT_SHAPE[(value | 1).leading_zeros() as usize];
    (spread_groups(value) | continued, n as usize)
}

/// The two varint bytes of a value in `0x80..0x4000`, the low group first with its continuation
/// bit: the most common multi-byte varint (lengths, dimensions, small counts), for a few
/// instructions where the general word takes a table lookup and five groups.
#[inline(always)]
fn two_byte_varint(value: u64) -> u64 {
    debug_assert!((0x80..0x4000).contains(&value));
    (value & 0x7f) | 0x80 | ((value << 1) & 0x7f00)
}

/// [`varint_word`] of a value below 2^35 (at most five bytes): five groups to spread instead of
/// eight, for the common integers.
#[inline(always)]
fn short_varint_word(value: u64) -> (u64, usize) {
    debug_assert!(value < 1 << 35);
    let (n, continued) = VARINT_SHAPE[(value | 1).leading_zeros() as usize];
    let spread = (value & 0x7f)
        | (value & (0x7f << 7)) << 1
        | (value & (0x7f << 14)) << 2
        | (value & (0x7f << 21)) << 3
        | (value & (0x7f << 28)) << 4;
    (spread | continued, n as usize)
}

/// For each count of leading zeros of a 64-bit value, its varint length (7 bits per byte) and
/// the continuation bits of all its bytes but the last.
static VARINT_SHAPE: [(u8, u64); 65] = {
    let mut table = [(0u8, 0u64); 65];
    let mut zeros = 0;
    while zeros <= 64 {
        let bits: usize = if zeros == 64 { 1 } else { 64 - zeros };
        let n = bits.div_ceil(7);
        let continued = if n >= 9 {
            CONTINUATION_BITS
        } else {
            CONTINUATION_BITS & ((1u64 << (8 * (n - 1))) - 1)
        };
        table[zeros] = (n as u8, continued);
        zeros += 1;
    }
    table
};
#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook varint: 7-bit groups, least significant first, continued while more remain;
    /// after `max_groups` continued groups the next byte holds what is left whole.
    fn reference(mut value: u64, max_groups: usize) -> Vec<u8> {
        let mut out = Vec::new();
        while value >= 0x80 && out.len() < max_groups {
            out.push((value as u8) | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
        out
    }

    /// Every power of two, its neighbours, and a spread of pseudo-random values.
    fn samples() -> impl Iterator<Item = u64> {
        let edges = (0..64).flat_map(|b| {
            let p = 1u64 << b;
            [p - 1, p, p + 1]
        });
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let random = (0..10_000).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x >> (x % 64)
        });
        edges.chain(random).chain([u64::MAX])
    }

    #[test]
    fn branch_free_varints_equal_the_textbook_encoding() {
        for v in samples() {
            let mut w = Writer::new();
            w.write_varuint64(v);
            assert_eq!(w.as_slice(), reference(v, 8), "varuint64 {v:#x}");
            if let Ok(v32) = u32::try_from(v) {
                let mut w = Writer::new();
                w.write_varuint32(v32);
                assert_eq!(w.as_slice(), reference(v, 4), "varuint32 {v:#x}");
            }
            if v <= VARUINT36_MAX {
                let mut w = Writer::new();
                w.write_varuint36_small(v);
                assert_eq!(w.as_slice(), reference(v, 4), "varuint36 {v:#x}");
            }
        }
    }

    #[test]
    fn varints_read_back_with_and_without_bytes_after_them() {
        use crate::buffer::Reader;
        for v in samples() {
            for padding in [0, 1, 8] {
                let mut w = Writer::new();
                w.write_varuint64(v);
                let end = w.len();
                w.write_bytes(&vec![0xff; padding]);
                let mut r = Reader::new(w.as_slice());
                assert_eq!(r.read_varuint64().unwrap(), v, "varuint64 {v:#x}");
                assert_eq!(r.position(), end);
                if let Ok(v32) = u32::try_from(v) {
                    let mut r = Reader::new(w.as_slice());
                    assert_eq!(r.read_varuint32().unwrap(), v32, "varuint32 {v:#x}");
                    assert_eq!(r.position(), end);
                } else {
                    // Too wide for 32 bits: an error, never a truncated value.
                    assert!(
                        Reader::new(w.as_slice()).read_varuint32().is_err(),
                        "{v:#x}"
                    );
                }
            }
        }
    }
}
