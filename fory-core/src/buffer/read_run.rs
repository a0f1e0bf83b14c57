//! Runs of reads from bytes known to be there.
//!
//! Every read from a [`Reader`] checks that its bytes are in the input, byte by byte for a
//! varint, and stores the cursor back. A [`ReadRun`] (a struct's leading numeric fields) keeps
//! the cursor in a local and gives it back once, when it ends; between, each read compares the
//! most it can take (5 bytes for a varuint32) with what is left, once, and reads its bytes
//! unchecked.

use super::word::{unzigzag32, unzigzag64};
use super::Reader;
use crate::error::Result;
use crate::types::{BFloat16, Float16};

/// A stretch of scalar reads from a [`Reader`], started with [`Reader::run`]: the same methods
/// and values as the reader's own (and the same errors, which the reader itself reports).
///
/// ```
/// use fory_core::Reader;
/// let mut r = Reader::new(&[0x01, 0x00, 0x00, 0x80, 0x3f, 0x07]);
/// {
///     let mut run = r.run(9);
///     assert_eq!(run.read_varint32().unwrap(), -1);
///     assert_eq!(run.read_f32().unwrap(), 1.0);
/// }
/// assert_eq!(r.read_u8().unwrap(), 7);
/// ```
pub struct ReadRun<'r, 'a> {
    reader: &'r mut Reader<'a>,
    /// The cursor, kept here while the run lasts.
    pos: usize,
    /// The bytes still readable without a bounds check: `pos + budget <= input length` always
    /// holds. A read is done unchecked when the budget covers the most it can take (5 for a
    /// varuint32, whatever its value), and takes what it read; one that finds the budget
    /// short (in the last bytes of the input) goes through the reader, checked. Counting what
    /// was read, not the most it could have been, keeps all but those last reads unchecked
    /// when the input is shorter than `max`, as a small payload always is.
    budget: usize,
}

impl<'a> Reader<'a> {
    /// Starts a run of scalar reads of at most `max` bytes in all (a run that reads more, or
    /// one that nears the end of the input, still works: those reads are then checked one by
    /// one).
    #[inline(always)]
    pub fn run(&mut self, max: usize) -> ReadRun<'_, 'a> {
        let budget = self.remaining().min(max);
        ReadRun {
            pos: self.position(),
            budget,
            reader: self,
        }
    }
}

/// A fixed-width little-endian read of `$width` bytes through the run, as `$ty` via `$from`.
macro_rules! fixed_width_run_reads {
    ($($(#[$doc:meta])* $name:ident, $ty:ty, $width:literal, $from:expr;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(&mut self) -> Result<$ty> {
            match self.bytes::<$width>() {
                Some(bytes) => {
                    self.take::<$width>($width);
                    Ok($from(*bytes))
                }
                None => self.checked(Reader::$name),
            }
        }
    )*};
}

impl<'a> ReadRun<'_, 'a> {
    /// The next `N` bytes when the budget covers `N`: unchecked, and not yet consumed.
    #[inline(always)]
    fn bytes<const N: usize>(&self) -> Option<&'a [u8; N]> {
        if self.budget < N {
            return None;
        }
        // SAFETY: `pos + N <= pos + budget <= data.len()`, so the `N` bytes at `pos` are in
        // the input, which outlives `'a`; `[u8; N]` has alignment 1.
        Some(unsafe { &*self.reader.data().as_ptr().add(self.pos).cast::<[u8; N]>() })
    }

    /// Moves past `n <= MAX` bytes, taking them from the budget (which covered `MAX`).
    #[inline(always)]
    fn take<const MAX: usize>(&mut self, n: usize) {
        debug_assert!(n <= MAX && MAX <= self.budget);
        // `pos + n + (budget - n) <= pos + budget`: the invariant holds.
        self.pos += n;
        self.budget -= n;
    }

    /// A read the budget does not cover (near the end of the input), or one whose bytes are
    /// not a plain value: done by the reader, checked, with its errors. In line: the last
    /// fields of a payload are read this way, every time.
    #[inline(always)]
    fn checked<T>(&mut self, read: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<T> {
        self.reader.set_position(self.pos);
        let value = read(self.reader);
        self.pos = self.reader.position();
        self.budget = self.budget.min(self.reader.remaining());
        value
    }

    /// Unsigned varint of at most 5 bytes; see [`Reader::read_varuint32`].
    #[inline(always)]
    pub fn read_varuint32(&mut self) -> Result<u32> {
        if let Some(b) = self.bytes::<5>() {
            match leading_groups(&b[..4]) {
                (value, Some(n)) => {
                    self.take::<5>(n);
                    return Ok(value as u32);
                }
                (value, None) if b[4] < 0x10 => {
                    self.take::<5>(5);
                    return Ok(value as u32 | u32::from(b[4]) << 28);
                }
                _ => {}
            }
        }
        self.checked(Reader::read_varuint32)
    }

    /// ZigZag-mapped signed varint of at most 5 bytes.
    #[inline(always)]
    pub fn read_varint32(&mut self) -> Result<i32> {
        self.read_varuint32().map(unzigzag32)
    }

    /// Unsigned varint of at most 9 bytes; see [`Reader::read_varuint64`].
    #[inline(always)]
    pub fn read_varuint64(&mut self) -> Result<u64> {
        if let Some(b) = self.bytes::<9>() {
            let (value, n) = leading_groups(&b[..8]);
            self.take::<9>(n.unwrap_or(9));
            // Eight continued groups: the ninth byte carries the top 8 bits whole.
            return Ok(match n {
                Some(_) => value,
                None => value | u64::from(b[8]) << 56,
            });
        }
        self.checked(Reader::read_varuint64)
    }

    /// ZigZag-mapped signed varint of at most 9 bytes.
    #[inline(always)]
    pub fn read_varint64(&mut self) -> Result<i64> {
        self.read_varuint64().map(unzigzag64)
    }

    /// A `bool`; only 0 and 1 are accepted.
    #[inline(always)]
    pub fn read_bool(&mut self) -> Result<bool> {
        match self.bytes::<1>() {
            Some(&[b @ (0 | 1)]) => {
                self.take::<1>(1);
                Ok(b == 1)
            }
            _ => self.checked(Reader::read_bool),
        }
    }

    fixed_width_run_reads! {
        /// One unsigned byte.
        read_u8, u8, 1, |[b]: [u8; 1]| b;
        /// One signed byte.
        read_i8, i8, 1, |[b]: [u8; 1]| b as i8;
        /// `u16`, 2 bytes little-endian.
        read_u16, u16, 2, u16::from_le_bytes;
        /// `i16`, 2 bytes little-endian.
        read_i16, i16, 2, i16::from_le_bytes;
        /// `f32`, 4 bytes little-endian IEEE 754 (NaN payloads preserved).
        read_f32, f32, 4, f32::from_le_bytes;
        /// `f64`, 8 bytes little-endian IEEE 754 (NaN payloads preserved).
        read_f64, f64, 8, f64::from_le_bytes;
        /// IEEE 754 binary16, 2 bytes little-endian.
        read_float16, Float16, 2, |b| Float16::from_bits(u16::from_le_bytes(b));
        /// bfloat16, 2 bytes little-endian.
        read_bfloat16, BFloat16, 2, |b| BFloat16::from_bits(u16::from_le_bytes(b));
    }
}

/// The 7-bit groups at the start of `bytes`, least significant first: their value and the
/// count of bytes up to the one that ends the varint, or `None` when every byte continues.
/// One predicted branch per byte (a field of one width read again and again takes the same
/// exit), each byte looked at only when the one before continues.
#[inline(always)]
fn leading_groups(bytes: &[u8]) -> (u64, Option<usize>) {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate() {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            return (value, Some(i + 1));
        }
    }
    (value, None)
}

impl Drop for ReadRun<'_, '_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.reader.set_position(self.pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::Writer;

    /// The same values of every kind, read through a reader or a run.
    macro_rules! read_values {
        ($from:expr) => {
            (
                $from.read_varuint32(),
                $from.read_varint32(),
                $from.read_varuint64(),
                $from.read_varint64(),
                $from.read_bool(),
                $from.read_i8(),
                $from.read_u16(),
                $from.read_f32().map(f32::to_bits),
                $from.read_f64().map(f64::to_bits),
                $from.read_float16().map(Float16::to_bits),
            )
        };
    }

    fn values() -> Vec<u8> {
        let mut w = Writer::new();
        for i in 0..64u64 {
            let v = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> i;
            w.write_varuint32(v as u32);
            w.write_varint32(v as i32);
            w.write_varuint64(v);
            w.write_varint64(v as i64);
            w.write_bool(v & 1 == 1);
            w.write_i8(v as i8);
            w.write_u16(v as u16);
            w.write_f32(v as f32);
            w.write_f64(v as f64);
            w.write_float16(Float16::from_bits(v as u16));
        }
        w.into_inner()
    }

    /// Every prefix of the input, so that runs end anywhere, short of their budget too, and
    /// every budget from none to more than the input: the run reads what the reader reads,
    /// with the same errors, and leaves the cursor where the reader does.
    #[test]
    fn a_run_reads_what_the_reader_reads_at_every_length_and_budget() {
        let bytes = values();
        for len in (0..bytes.len()).step_by(7).chain([bytes.len()]) {
            let input = &bytes[..len];
            for budget in [0, 1, 5, 9, 40, 200, usize::MAX] {
                let mut plain = Reader::new(input);
                let mut through_run = Reader::new(input);
                let mut run = through_run.run(budget);
                loop {
                    let expected = read_values!(plain);
                    let got = read_values!(run);
                    assert_eq!(
                        format!("{got:?}"),
                        format!("{expected:?}"),
                        "{len} {budget}"
                    );
                    if expected.9.is_err() || plain.is_empty() {
                        break;
                    }
                }
                drop(run);
                assert_eq!(through_run.position(), plain.position(), "{len} {budget}");
            }
        }
    }

    /// Malformed values inside the budget: the reader's errors, at the reader's offsets.
    #[test]
    fn malformed_values_in_a_run_fail_as_the_reader_fails() {
        let too_wide = [0xff, 0xff, 0xff, 0xff, 0x1f, 0, 0, 0, 0, 0];
        let mut r = Reader::new(&too_wide);
        let mut run = r.run(10);
        let err = run.read_varuint32().unwrap_err();
        assert_eq!(
            err.to_string(),
            Reader::new(&too_wide)
                .read_varuint32()
                .unwrap_err()
                .to_string()
        );
        let not_bool = [0, 2];
        let mut r = Reader::new(&not_bool);
        let mut run = r.run(2);
        assert!(!run.read_bool().unwrap());
        assert!(run
            .read_bool()
            .unwrap_err()
            .to_string()
            .contains("at byte 1"));
    }
}
