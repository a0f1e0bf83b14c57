//! The read side of the byte layer: a bounds-checked cursor over a borrowed slice.

use byteorder::{ByteOrder, LittleEndian};

use super::word::{unzigzag32, unzigzag64};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::types::bfloat16::BFloat16;
use crate::types::float16::Float16;

/// A cursor over `&'a [u8]`. Every read is bounds-checked and fails with an [`Error`] that names
/// the byte offset and what was expected; slices handed out borrow from the input (`&'a [u8]`),
/// so callers can decode without copying.
///
/// The reader also carries the [`Limits`] that length-prefixed reads enforce.
///
/// ```
/// use fory_core::Reader;
/// let mut r = Reader::new(&[0xac, 0x02, 0x01]);
/// assert_eq!(r.read_varuint32().unwrap(), 300);
/// assert_eq!(r.read_bool().unwrap(), true);
/// assert!(r.read_u8().is_err());
/// ```
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    limits: Limits,
}

macro_rules! fixed_width_readers {
    ($($(#[$doc:meta])* $name:ident, $ty:ty, $width:literal, $get:ident, $what:literal;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(&mut self) -> Result<$ty> {
            let bytes = self.take($width, $what)?;
            Ok(LittleEndian::$get(bytes))
        }
    )*};
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`, with default [`Limits`].
    pub fn new(data: &'a [u8]) -> Self {
        Self::with_limits(data, Limits::default())
    }

    /// A reader at the start of `data` that enforces `limits`.
    pub fn with_limits(data: &'a [u8], limits: Limits) -> Self {
        Reader {
            data,
            pos: 0,
            limits,
        }
    }

    /// The limits this reader enforces.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Offset of the next byte to read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Moves the cursor to `pos` (at most the input's length): for a
    /// [`ReadRun`](super::ReadRun) handing its cursor back, or a reader looking at bytes again.
    #[inline(always)]
    pub(crate) fn set_position(&mut self, pos: usize) {
        debug_assert!(pos <= self.data.len());
        self.pos = pos;
    }

    /// Bytes left to read.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.pos == self.data.len()
    }

    /// The whole input this reader walks over.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Takes the next `n` bytes, or fails naming `what` they were meant to be.
    #[inline]
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8]> {
        match self.data.get(self.pos..).and_then(|rest| rest.get(..n)) {
            Some(bytes) => {
                self.pos += n;
                Ok(bytes)
            }
            None => Err(Error::truncated(self.pos, what, n, self.remaining())),
        }
    }

    /// The next `n` bytes, borrowed from the input.
    #[inline]
    pub fn read_bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        self.take(n, "raw bytes")
    }

    /// Like [`Reader::read_bytes`], naming what the bytes are in the error.
    #[inline]
    pub fn read_bytes_for(&mut self, n: usize, what: &'static str) -> Result<&'a [u8]> {
        self.take(n, what)
    }

    /// Moves past `n` bytes.
    #[inline]
    pub fn skip(&mut self, n: usize) -> Result<()> {
        self.take(n, "bytes to skip").map(|_| ())
    }

    /// Checks that `count` items of at least `min_item_bytes` each can still follow, so that a
    /// hostile length cannot make the caller allocate more than the input justifies.
    pub fn check_count(
        &self,
        offset: usize,
        count: u64,
        min_item_bytes: usize,
        what: &'static str,
    ) -> Result<()> {
        let needed = count.saturating_mul(min_item_bytes as u64);
        if needed > self.remaining() as u64 {
            return Err(Error::truncated(
                offset,
                what,
                usize::try_from(needed).unwrap_or(usize::MAX),
                self.remaining(),
            ));
        }
        Ok(())
    }

    /// A `bool`; only 0 and 1 are accepted.
    #[inline]
    pub fn read_bool(&mut self) -> Result<bool> {
        let at = self.pos;
        match self.take(1, "bool")?[0] {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(Error::invalid(at, "bool 0 or 1", format!("{other:#04x}"))),
        }
    }

    /// One unsigned byte.
    #[inline]
    pub fn read_u8(&mut self) -> Result<u8> {
        Ok(self.take(1, "uint8")?[0])
    }

    /// One signed byte.
    #[inline]
    pub fn read_i8(&mut self) -> Result<i8> {
        Ok(self.take(1, "int8")?[0] as i8)
    }

    /// The next byte, consumed, if there is one and it is below `limit` (a one-byte varint
    /// when `limit <= 0x80`); otherwise `None` and the cursor stays.
    #[inline(always)]
    pub(crate) fn read_u8_below(&mut self, limit: u8) -> Option<u8> {
        let b = *self.data.get(self.pos).filter(|&&b| b < limit)?;
        self.pos += 1;
        Some(b)
    }

    /// The next byte without consuming it.
    #[inline]
    pub fn peek_u8(&self) -> Result<u8> {
        self.data
            .get(self.pos)
            .copied()
            .ok_or_else(|| Error::truncated(self.pos, "one more byte", 1, 0))
    }

    /// The next four bytes as a little-endian `u32`, without moving; `None` when fewer are left.
    #[inline(always)]
    pub fn peek_u32(&self) -> Option<u32> {
        let bytes = self.data.get(self.pos..)?.get(..4)?;
        Some(LittleEndian::read_u32(bytes))
    }

    fixed_width_readers! {
        /// `u16`, 2 bytes little-endian.
        read_u16, u16, 2, read_u16, "uint16";
        /// `i16`, 2 bytes little-endian.
        read_i16, i16, 2, read_i16, "int16";
        /// `u32`, 4 bytes little-endian.
        read_u32, u32, 4, read_u32, "uint32";
        /// `i32`, 4 bytes little-endian.
        read_i32, i32, 4, read_i32, "int32";
        /// `u64`, 8 bytes little-endian.
        read_u64, u64, 8, read_u64, "uint64";
        /// `i64`, 8 bytes little-endian.
        read_i64, i64, 8, read_i64, "int64";
        /// `f32`, 4 bytes little-endian IEEE 754 (NaN payloads preserved).
        read_f32, f32, 4, read_f32, "float32";
        /// `f64`, 8 bytes little-endian IEEE 754 (NaN payloads preserved).
        read_f64, f64, 8, read_f64, "float64";
    }

    /// IEEE 754 binary16, 2 bytes little-endian.
    #[inline]
    pub fn read_float16(&mut self) -> Result<Float16> {
        let bytes = self.take(2, "float16")?;
        Ok(Float16::from_bits(LittleEndian::read_u16(bytes)))
    }

    /// bfloat16, 2 bytes little-endian.
    #[inline]
    pub fn read_bfloat16(&mut self) -> Result<BFloat16> {
        let bytes = self.take(2, "bfloat16")?;
        Ok(BFloat16::from_bits(LittleEndian::read_u16(bytes)))
    }

    /// Reads 7-bit groups with continuation bits, at most `max_groups` of them; when the last
    /// allowed group still has its continuation bit set, one more byte follows that carries
    /// `last_bits` bits whole. Returns the value and the number of bytes used.
    #[inline]
    fn read_groups(&mut self, max_groups: u32, last_bits: u32, what: &'static str) -> Result<u64> {
        let start = self.pos;
        let mut result = 0u64;
        for group in 0..max_groups {
            let Some(&b) = self.data.get(self.pos) else {
                return Err(Error::truncated(
                    start,
                    what,
                    (group + 1) as usize,
                    self.data.len() - start,
                ));
            };
            self.pos += 1;
            result |= u64::from(b & 0x7f) << (7 * group);
            if b & 0x80 == 0 {
                return Ok(result);
            }
        }
        let Some(&b) = self.data.get(self.pos) else {
            self.pos = start;
            return Err(Error::truncated(
                start,
                what,
                (max_groups + 1) as usize,
                self.data.len() - start,
            ));
        };
        if u32::from(b) >> last_bits != 0 {
            self.pos = start;
            return Err(Error::invalid(
                start,
                what,
                format!("final byte {b:#04x} with bits beyond the type's width"),
            ));
        }
        self.pos += 1;
        Ok(result | u64::from(b) << (7 * max_groups))
    }

    /// Unsigned varint of at most 5 bytes. A fifth byte with bits above the 32-bit range is an
    /// error rather than being silently truncated.
    #[inline(always)]
    pub fn read_varuint32(&mut self) -> Result<u32> {
        if let Some(&b) = self.data.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u32::from(b));
            }
        }
        self.read_varuint32_multi()
    }

    /// [`Reader::read_varuint32`] past a first byte that is not a whole value.
    #[inline]
    fn read_varuint32_multi(&mut self) -> Result<u32> {
        let rest = self.data.get(self.pos..).unwrap_or_default();
        // At most five bytes, fewer at the end of the input; no bounds check per byte.
        let bytes = &rest[..rest.len().min(5)];
        let mut result = 0u32;
        for (i, &b) in bytes.iter().take(4).enumerate() {
            result |= u32::from(b & 0x7f) << (7 * i);
            if b < 0x80 {
                self.pos += i + 1;
                return Ok(result);
            }
        }
        match bytes.get(4) {
            Some(&last) if last < 0x10 => {
                self.pos += 5;
                Ok(result | (u32::from(last) << 28))
            }
            _ => self.varuint32_error(),
        }
    }

    /// The error for the varuint32 at the cursor: truncated, or too wide.
    #[cold]
    #[inline(never)]
    fn varuint32_error(&mut self) -> Result<u32> {
        let start = self.pos;
        let value = self
            .read_groups(4, 4, "varuint32")
            .inspect_err(|_| self.pos = start)?;
        Ok(value as u32)
    }

    /// ZigZag-mapped signed varint of at most 5 bytes.
    #[inline]
    pub fn read_varint32(&mut self) -> Result<i32> {
        self.read_varuint32().map(unzigzag32)
    }

    /// Unsigned varint of at most 9 bytes (the ninth carries 8 bits whole).
    #[inline]
    pub fn read_varuint64(&mut self) -> Result<u64> {
        if let Some(&b) = self.data.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u64::from(b));
            }
        }
        if let Some(bytes) = self.data.get(self.pos..self.pos + 9) {
            // Nine bytes available: decode without a bounds check per byte.
            let mut result = 0u64;
            for (i, &b) in bytes[..8].iter().enumerate() {
                result |= u64::from(b & 0x7f) << (7 * i);
                if b < 0x80 {
                    self.pos += i + 1;
                    return Ok(result);
                }
            }
            self.pos += 9;
            return Ok(result | (u64::from(bytes[8]) << 56));
        }
        let start = self.pos;
        self.read_groups(8, 8, "varuint64")
            .inspect_err(|_| self.pos = start)
    }

    /// ZigZag-mapped signed varint of at most 9 bytes.
    #[inline]
    pub fn read_varint64(&mut self) -> Result<i64> {
        self.read_varuint64().map(unzigzag64)
    }

    /// Tagged ("hybrid") `i64`: 4 bytes when the low bit is 0 (value = the `i32` shifted right
    /// by one, sign-extended), otherwise a `0x01` byte and the 8-byte value.
    #[inline]
    pub fn read_tagged_i64(&mut self) -> Result<i64> {
        let start = self.pos;
        let first = *self
            .data
            .get(self.pos)
            .ok_or_else(|| Error::truncated(start, "tagged int64", 4, 0))?;
        if first & 1 == 0 {
            let v = self
                .take(4, "tagged int64 (4-byte form)")
                .map(LittleEndian::read_i32)?;
            Ok(i64::from(v >> 1))
        } else {
            self.read_long_tagged_form(start, "tagged int64 (9-byte form)")
                .map(|v| v as i64)
        }
    }

    /// Tagged ("hybrid") `u64`: 4 bytes when the low bit is 0 (value = the `u32` shifted right
    /// by one), otherwise a `0x01` byte and the 8-byte value.
    #[inline]
    pub fn read_tagged_u64(&mut self) -> Result<u64> {
        let start = self.pos;
        let first = *self
            .data
            .get(self.pos)
            .ok_or_else(|| Error::truncated(start, "tagged uint64", 4, 0))?;
        if first & 1 == 0 {
            let v = self
                .take(4, "tagged uint64 (4-byte form)")
                .map(LittleEndian::read_u32)?;
            Ok(u64::from(v >> 1))
        } else {
            self.read_long_tagged_form(start, "tagged uint64 (9-byte form)")
        }
    }

    fn read_long_tagged_form(&mut self, start: usize, what: &'static str) -> Result<u64> {
        // Writers emit exactly 0x01 as the tag byte; any other odd byte is corruption.
        let tag = self.data[start];
        if tag != 0x01 {
            return Err(Error::invalid(
                start,
                "tag byte 0x01",
                format!("{tag:#04x}"),
            ));
        }
        let bytes = self.take(9, what)?;
        Ok(LittleEndian::read_u64(&bytes[1..]))
    }

    /// The 36-bit varint of string headers: four 7-bit groups, then a fifth byte with 8 bits.
    #[inline]
    pub fn read_varuint36_small(&mut self) -> Result<u64> {
        if let Some(&b) = self.data.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u64::from(b));
            }
        }
        let start = self.pos;
        self.read_groups(4, 8, "varuint36 header")
            .inspect_err(|_| self.pos = start)
    }
}
