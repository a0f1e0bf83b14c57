//! The write side of the byte layer: a growable little-endian buffer.

use super::short_copy::copy_bytes;
use super::word::{scalar_writes, short_varint, varint_word};

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

    /// The vector itself, for the runs of writes in this module's siblings.
    pub(super) fn vec_mut(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// Appends raw bytes.
    #[inline]
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Appends a varint `header` (below 2^35) and then `bytes` (a string's header and text),
    /// with one capacity check for both. Up to 32 bytes are copied inline, with two
    /// overlapping loads and stores, where a `memcpy` call costs more than the copy.
    #[inline(always)]
    pub(crate) fn write_header_and_bytes(&mut self, header: u64, bytes: &[u8]) {
        let (word, n) = short_varint(header);
        self.write_word_and_bytes(word, n, bytes);
    }

    /// Appends `byte` and then `bytes` (a short string's one-byte header and text), with one
    /// capacity check; the copy is inline for up to 32 bytes.
    #[inline(always)]
    pub(crate) fn write_u8_and_bytes(&mut self, byte: u8, bytes: &[u8]) {
        self.write_word_and_bytes(u64::from(byte), 1, bytes);
    }

    /// Appends `byte`, a varint `header` (below 2^35) and then `bytes` (a type id, a TypeDef's
    /// marker and the TypeDef), with one capacity check for all three.
    #[inline(always)]
    pub(crate) fn write_u8_header_and_bytes(&mut self, byte: u8, header: u64, bytes: &[u8]) {
        let (word, n) = short_varint(header);
        self.write_word_and_bytes(u64::from(byte) | word << 8, n + 1, bytes);
    }

    /// Appends the low `n <= 8` bytes of `word`, then `bytes`, with one capacity check.
    #[inline(always)]
    fn write_word_and_bytes(&mut self, word: u64, n: usize, bytes: &[u8]) {
        debug_assert!(n <= 8);
        self.buf.reserve(8 + bytes.len());
        let len = self.buf.len();
        // SAFETY: `reserve` made room for 8 bytes past `len` (the word, of which `n <= 8`
        // bytes are kept) and then `bytes.len()` more past `len + n`; the source and the spare
        // capacity do not overlap (`bytes` cannot borrow this writer's vector mutably held
        // here). Everything up to the new length is then initialized.
        unsafe {
            let end = self.buf.as_mut_ptr().add(len);
            std::ptr::write_unaligned(end.cast::<[u8; 8]>(), word.to_le_bytes());
            copy_bytes(bytes.as_ptr(), end.add(n), bytes.len());
            self.buf.set_len(len + n + bytes.len());
        }
    }

    /// Overwrites one byte already written at `pos` (used to patch headers written ahead).
    ///
    /// # Panics
    /// If `pos` is not below [`Writer::len`]; that is a bug in the caller, not bad input.
    pub fn set_u8(&mut self, pos: usize, value: u8) {
        self.buf[pos] = value;
    }

    scalar_writes!();

    /// The 36-bit varint used for string headers: like a varuint32 for the first four 7-bit
    /// groups, with a fifth byte that carries bits 28..36 whole.
    ///
    /// # Panics
    /// If `value` exceeds [`VARUINT36_MAX`]; callers check lengths first and return an encode
    /// error instead.
    #[inline]
    pub fn write_varuint36_small(&mut self, value: u64) {
        assert!(value <= VARUINT36_MAX, "varuint36 value out of range");
        if value < 1 << 35 {
            let (word, n) = short_varint(value);
            self.put_word::<5>(word, n);
            return;
        }
        // Four 7-bit groups, then a fifth byte that carries bits 28..36 whole: the general
        // varint's first five bytes, the fifth group's continuation bit being the value's bit 35.
        let (word, n) = varint_word(value);
        self.put_word::<5>(word, n.min(5));
    }

    /// Appends `byte` and then the varuint32 `value` with one store (a type id and a user id).
    #[inline(always)]
    pub(crate) fn write_u8_and_varuint32(&mut self, byte: u8, value: u32) {
        let (word, n) = short_varint(u64::from(value));
        self.put_word::<6>(u64::from(byte) | word << 8, 1 + n);
    }

    /// Appends the varuint32 `value` and then `byte` with one store (a union's case id and a
    /// null flag).
    #[inline(always)]
    pub(crate) fn write_varuint32_and_u8(&mut self, value: u32, byte: u8) {
        let (word, n) = short_varint(u64::from(value));
        self.put_word::<6>(word | u64::from(byte) << (8 * n), n + 1);
    }

    /// Appends the varuint32 `value` and then the two bytes of `tail`, little-endian, with one
    /// store (a union's case id, then its value's flag and type id).
    #[inline(always)]
    pub(crate) fn write_varuint32_and_u16(&mut self, value: u32, tail: u16) {
        let (word, n) = short_varint(u64::from(value));
        self.put_word::<7>(word | u64::from(tail) << (8 * n), n + 2);
    }

    /// Appends the low `n` bytes (`n <= MAX <= 8`) of `word`, little-endian, with one 8-byte
    /// store. (`MAX` matters to runs; the writer checks its capacity at every store.)
    #[inline(always)]
    fn put_word<const MAX: usize>(&mut self, word: u64, n: usize) {
        debug_assert!(n <= MAX && MAX <= 8);
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
    fn header_and_bytes_equal_a_varint_then_the_bytes_for_every_short_length() {
        let text: Vec<u8> = (0..80u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=text.len() {
            for header in [0u64, 0x7f, 0x80, 0x3fff, 0x4000, (1 << 34) - 1] {
                // A non-empty writer, so the copy starts at an unaligned offset.
                let mut both = Writer::from_vec(vec![1, 2, 3]);
                both.write_header_and_bytes(header, &text[..len]);
                let mut apart = Writer::from_vec(vec![1, 2, 3]);
                apart.write_varuint64(header);
                apart.write_bytes(&text[..len]);
                assert_eq!(
                    both.as_slice(),
                    apart.as_slice(),
                    "{len} bytes, header {header:#x}"
                );
            }
        }
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
        // The bytes `write` appends, followed by `padding` bytes of 0xff, and the varint's end.
        fn padded(write: impl FnOnce(&mut Writer), padding: usize) -> (Vec<u8>, usize) {
            let mut w = Writer::new();
            write(&mut w);
            let end = w.len();
            w.write_bytes(&vec![0xff; padding]);
            (w.into_inner(), end)
        }
        for v in samples() {
            for padding in [0, 1, 8] {
                let (bytes, end) = padded(|w| w.write_varuint64(v), padding);
                let mut r = Reader::new(&bytes);
                assert_eq!(r.read_varuint64().unwrap(), v, "varuint64 {v:#x}");
                assert_eq!(r.position(), end);
                let mut r = Reader::new(&bytes);
                match u32::try_from(v) {
                    Ok(v32) => {
                        assert_eq!(r.read_varuint32().unwrap(), v32, "varuint32 {v:#x}");
                        assert_eq!(r.position(), end);
                    }
                    // Too wide for 32 bits: an error, never a truncated value.
                    Err(_) => assert!(r.read_varuint32().is_err(), "{v:#x}"),
                }
                if v <= VARUINT36_MAX {
                    let (bytes, end) = padded(|w| w.write_varuint36_small(v), padding);
                    let mut r = Reader::new(&bytes);
                    assert_eq!(r.read_varuint36_small().unwrap(), v, "varuint36 {v:#x}");
                    assert_eq!(r.position(), end);
                }
            }
        }
    }
}
