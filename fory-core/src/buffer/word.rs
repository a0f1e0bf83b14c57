//! Numbers as little-endian words: every scalar encoding yields its bytes as one `u64` and
//! their count, so a writer appends it with a single unaligned 8-byte store (it keeps 8 bytes
//! of room) and moves its length by the count. [`Writer`](super::Writer) and
//! [`WriteRun`](super::WriteRun) share these encodings through [`scalar_writes!`].

/// The signed value of a ZigZag-mapped varint32 (0, -1, 1, -2, ... from 0, 1, 2, 3, ...).
#[inline(always)]
pub(super) fn unzigzag32(v: u32) -> i32 {
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

/// The signed value of a ZigZag-mapped varint64.
#[inline(always)]
pub(super) fn unzigzag64(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// The continuation bit of each of eight varint bytes.
pub(super) const CONTINUATION_BITS: u64 = 0x8080_8080_8080_8080;

/// The low 56 bits of `value` as eight 7-bit groups, one per byte, least significant first.
#[inline(always)]
pub(super) fn spread_groups(value: u64) -> u64 {
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
pub(super) fn varint_word(value: u64) -> (u64, usize) {
    debug_assert!(value < 1 << 56);
    let (n, continued) = VARINT_SHAPE[(value | 1).leading_zeros() as usize];
    (spread_groups(value) | continued, n as usize)
}

/// The `K`-byte varint of a value that needs exactly `K` groups (`K <= 5`): its low `K` 7-bit
/// groups, one per byte, with the continuation bit on all but the last. Unrolled, so a few
/// shifts and masks per group.
#[inline(always)]
fn varint_of_len<const K: usize>(value: u64) -> u64 {
    debug_assert!(K <= 5 && value < 1 << (7 * K) && (K == 1 || value >= 1 << (7 * (K - 1))));
    let mut word = 0;
    let mut k = 0;
    while k < K {
        word |= (value & (0x7f << (7 * k))) << k;
        k += 1;
    }
    word | (CONTINUATION_BITS & ((1 << (8 * (K - 1))) - 1))
}

/// The varint of a value below 2^35 (every varuint32, and most varuint64s), one length per
/// branch as the Java, Python and Go peers write it: on a run of values of one length (a
/// column, a struct written again and again) every branch is predicted, and each length costs
/// a few operations where a branch-free encoding spreads all five groups and looks its length
/// up in a table.
#[inline(always)]
pub(super) fn short_varint(value: u64) -> (u64, usize) {
    debug_assert!(value < 1 << 35);
    if value < 1 << 7 {
        (value, 1)
    } else if value < 1 << 14 {
        (varint_of_len::<2>(value), 2)
    } else if value < 1 << 21 {
        (varint_of_len::<3>(value), 3)
    } else if value < 1 << 28 {
        (varint_of_len::<4>(value), 4)
    } else {
        (varint_of_len::<5>(value), 5)
    }
}

/// A varuint64 of 2^35 or more: up to eight bytes as a word and their count, then for values
/// of 2^56 and above a ninth byte that carries the top 8 bits whole.
#[inline(never)]
pub(super) fn long_varint(value: u64) -> (u64, usize, Option<u64>) {
    if value < 1 << 56 {
        let (word, n) = varint_word(value);
        (word, n, None)
    } else {
        // Eight 7-bit groups, all continued, then the top 8 bits whole.
        (
            spread_groups(value) | CONTINUATION_BITS,
            8,
            Some(value >> 56),
        )
    }
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

/// The scalar writes, as methods of a type with
/// `fn put_word<const MAX: usize>(&mut self, word: u64, n: usize)` (append the low `n <= MAX <= 8`
/// bytes of `word`; `MAX` is the most that call site ever appends): one definition of each wire
/// encoding for the writer and for runs of reserved writes.
macro_rules! scalar_writes {
    () => {
        $crate::__private::buffer::word::fixed_width_writes! {
            /// `bool` as one byte: 0 or 1.
            write_bool, bool, 1, u64::from;
            /// One unsigned byte.
            write_u8, u8, 1, u64::from;
            /// One signed byte, two's complement.
            write_i8, i8, 1, |v: i8| u64::from(v as u8);
            /// `u16`, 2 bytes little-endian.
            write_u16, u16, 2, u64::from;
            /// `i16`, 2 bytes little-endian.
            write_i16, i16, 2, |v: i16| u64::from(v as u16);
            /// `u32`, 4 bytes little-endian.
            write_u32, u32, 4, u64::from;
            /// `i32`, 4 bytes little-endian.
            write_i32, i32, 4, |v: i32| u64::from(v as u32);
            /// `u64`, 8 bytes little-endian.
            write_u64, u64, 8, |v: u64| v;
            /// `i64`, 8 bytes little-endian.
            write_i64, i64, 8, |v: i64| v as u64;
            /// `f32`, its IEEE 754 bits little-endian (NaN payloads preserved).
            write_f32, f32, 4, |v: f32| u64::from(v.to_bits());
            /// `f64`, its IEEE 754 bits little-endian (NaN payloads preserved).
            write_f64, f64, 8, f64::to_bits;
            /// IEEE 754 binary16, 2 bytes little-endian.
            write_float16, $crate::types::Float16, 2,
                |v: $crate::types::Float16| u64::from(v.to_bits());
            /// bfloat16, 2 bytes little-endian.
            write_bfloat16, $crate::types::BFloat16, 2,
                |v: $crate::types::BFloat16| u64::from(v.to_bits());
        }

        /// Unsigned LEB128-style varint of at most 5 bytes.
        #[inline(always)]
        pub fn write_varuint32(&mut self, value: u32) {
            let (word, n) = $crate::__private::buffer::word::short_varint(u64::from(value));
            self.put_word::<5>(word, n);
        }

        /// ZigZag-mapped signed varint of at most 5 bytes.
        #[inline(always)]
        pub fn write_varint32(&mut self, value: i32) {
            self.write_varuint32(((value << 1) ^ (value >> 31)) as u32);
        }

        /// Unsigned varint of at most 9 bytes: eight 7-bit groups with continuation bits,
        /// then (for values of 2^56 and above) a ninth byte that carries the top 8 bits whole.
        #[inline(always)]
        pub fn write_varuint64(&mut self, value: u64) {
            if value < 1 << 35 {
                let (word, n) = $crate::__private::buffer::word::short_varint(value);
                self.put_word::<5>(word, n);
                return;
            }
            let (word, n, ninth) = $crate::__private::buffer::word::long_varint(value);
            self.put_word::<8>(word, n);
            if let Some(byte) = ninth {
                self.put_word::<1>(byte, 1);
            }
        }

        /// ZigZag-mapped signed varint of at most 9 bytes.
        #[inline(always)]
        pub fn write_varint64(&mut self, value: i64) {
            self.write_varuint64(((value << 1) ^ (value >> 63)) as u64);
        }

        /// Tagged ("hybrid") `i64`: values in `-2^30 ..= 2^30 - 1` as 4 bytes holding
        /// `value << 1` (low bit 0); anything else as the byte `0x01` followed by the 8-byte
        /// value.
        #[inline(always)]
        pub fn write_tagged_i64(&mut self, value: i64) {
            const MIN: i64 = -(1 << 30);
            const MAX: i64 = (1 << 30) - 1;
            if (MIN..=MAX).contains(&value) {
                self.write_i32((value as i32) << 1);
            } else {
                self.put_word::<1>(0x01, 1);
                self.write_i64(value);
            }
        }

        /// Tagged ("hybrid") `u64`: values up to `2^31 - 1` as 4 bytes holding `value << 1`
        /// (low bit 0); anything else as the byte `0x01` followed by the 8-byte value.
        #[inline(always)]
        pub fn write_tagged_u64(&mut self, value: u64) {
            if value <= i32::MAX as u64 {
                self.write_u32((value as u32) << 1);
            } else {
                self.put_word::<1>(0x01, 1);
                self.write_u64(value);
            }
        }
    };
}

pub(super) use scalar_writes;

/// The fixed-width writes of [`scalar_writes!`]: `$width` bytes of the word `$to_word` makes
/// of the value, little-endian.
macro_rules! fixed_width_writes {
    ($($(#[$doc:meta])* $name:ident, $ty:ty, $width:literal, $to_word:expr;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(&mut self, value: $ty) {
            self.put_word::<$width>($to_word(value), $width);
        }
    )*};
}

pub(super) use fixed_width_writes;
