//! Strings on the wire: a varuint36 header `(byte_len << 2) | encoding`, then the bytes in
//! Latin-1, UTF-16LE or UTF-8.
//!
//! Reading accepts all three encodings. Writing follows the Java peer, see [`Writer::write_str`].

use std::borrow::Cow;
use std::mem::MaybeUninit;

use super::short_copy::vec_of;
use super::text::{self, ascii_prefix_len};
use super::word::short_varint;
use super::writer::VARUINT36_MAX;
use super::{Reader, Writer};
use crate::error::{Error, Result};

/// How the bytes of a string are encoded, the low two bits of the string header.
///
/// [`Reader::read_str_raw`](crate::Reader::read_str_raw) returns it with the bytes;
/// [`StringRule`](crate::StringRule) decides which one is written.
///
/// ```
/// use fory_core::{Reader, StringEncoding};
/// // Header 0x0c: 3 bytes (3 << 2), encoding 0 (Latin-1).
/// let mut reader = Reader::new(&[0x0c, b'a', 0xe9, b'z']);
/// let (encoding, bytes) = reader.read_str_raw()?;
/// assert_eq!((encoding, bytes), (StringEncoding::Latin1, &[b'a', 0xe9, b'z'][..]));
/// # Ok::<(), fory_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum StringEncoding {
    /// ISO-8859-1: one byte per character, U+0000..=U+00FF.
    Latin1 = 0,
    /// UTF-16, little-endian code units.
    Utf16 = 1,
    /// UTF-8.
    Utf8 = 2,
}

impl TryFrom<u8> for StringEncoding {
    type Error = u8;

    fn try_from(value: u8) -> std::result::Result<Self, u8> {
        match value {
            0 => Ok(StringEncoding::Latin1),
            1 => Ok(StringEncoding::Utf16),
            2 => Ok(StringEncoding::Utf8),
            other => Err(other),
        }
    }
}

impl Writer {
    /// Writes a string with the encoding the Java peer picks for the same text, so that our
    /// bytes equal Java's:
    ///
    /// - every character in U+0000..=U+00FF (including the empty string): Latin-1;
    /// - otherwise UTF-8 or UTF-16LE, chosen by Java's sampling rule, [`java_prefers_utf8`].
    ///
    /// Fails only when the encoded text exceeds the 2^34-byte limit of the header.
    ///
    /// ```
    /// use fory_core::Writer;
    /// let mut w = Writer::new();
    /// w.write_str("abc").unwrap();
    /// assert_eq!(w.as_slice(), [0x0c, b'a', b'b', b'c']);
    /// ```
    #[inline(always)]
    pub fn write_str(&mut self, s: &str) -> Result<()> {
        let bytes = s.as_bytes();
        // ASCII text is written as it is, as Latin-1: checked by two overlapping words up to 16
        // bytes, by a scan up to 64, while copied above. Short text that is not goes to the
        // one-step path where the CPU has one; otherwise the ASCII prefix found is where the
        // non-ASCII path starts.
        let ascii = if bytes.len() <= 16 {
            if text::is_ascii(bytes) {
                return self.write_encoded_str(StringEncoding::Latin1, bytes);
            }
            if text::has_one_step() {
                return self.write_short_by_java_rule(s);
            }
            ascii_prefix_len(bytes)
        } else if bytes.len() <= text::ONE_STEP {
            ascii_prefix_len(bytes)
        } else {
            match self.write_if_ascii(bytes) {
                Some(prefix) => prefix,
                None => return Ok(()),
            }
        };
        if ascii == bytes.len() {
            return self.write_encoded_str(StringEncoding::Latin1, bytes);
        }
        if bytes.len() <= text::ONE_STEP && text::has_one_step() {
            return self.write_short_by_java_rule(s);
        }
        self.write_non_ascii(s, ascii)
    }

    /// Writes `bytes` as Latin-1 if it is all ASCII, copied while checked behind the header its
    /// length gives, and returns `None`; otherwise writes nothing and returns the length of its
    /// ASCII prefix (all of it for text of 2^32 bytes or more, which is only scanned: its
    /// header is beyond a short varint, and the caller writes it).
    #[inline]
    fn write_if_ascii(&mut self, bytes: &[u8]) -> Option<usize> {
        let len = bytes.len();
        if len >= 1 << 32 {
            return Some(ascii_prefix_len(bytes));
        }
        let (word, size) = short_varint((len as u64) << 2 | StringEncoding::Latin1 as u64);
        let mut ascii = 0;
        self.append_with(size + len, |out| {
            let (head, body) = out.split_at_mut(size);
            ascii = text::copy_ascii(bytes, body);
            if ascii < len {
                return 0;
            }
            for (slot, b) in head.iter_mut().zip(word.to_le_bytes()) {
                slot.write(b);
            }
            size + len
        });
        (ascii < len).then_some(ascii)
    }

    /// `s` has a non-ASCII character at byte `ascii` (everything before it is ASCII).
    ///
    /// Text whose first non-ASCII character fits Latin-1 is converted to Latin-1 straight away,
    /// giving up at a character above U+00FF. Otherwise Java's choice between UTF-8 and UTF-16
    /// needs at most 64 UTF-16 units, all in the first 256 bytes, whose count is exact for
    /// shorter text; longer UTF-16 text is converted straight away too. Converting straight
    /// away puts the header before a body whose length is only known once written, which works
    /// where every possible length has a header of the same size (for all but a few byte
    /// counts); at the others the text is scanned first.
    fn write_non_ascii(&mut self, s: &str, ascii: usize) -> Result<()> {
        let bytes = s.as_bytes();
        let len = bytes.len();
        if bytes[ascii] < 0xc4 {
            if len <= text::latin1_one_step_len() {
                // Short text (16 bytes at most, where the CPU lacks AVX-512), in one step.
                if self.write_latin1_in_one_step(bytes) {
                    return Ok(());
                }
            } else {
                // One byte per character: the ASCII ones, then at most two UTF-8 bytes each.
                let least = ascii + (len - ascii).div_ceil(2);
                let wrote = self.write_before_counting(StringEncoding::Latin1, least, len, |out| {
                    text::latin1_from_utf8(bytes, out)
                });
                match wrote {
                    Attempt::Written => return Ok(()),
                    Attempt::Unsized => return self.write_scanned(s, ascii),
                    Attempt::Refused => {}
                }
            }
        }
        // Java's sample is the first 64 units (or fewer if the text has fewer): an ASCII prefix
        // of 64 bytes covers all of it, whatever follows.
        if ascii >= 64 {
            return self.write_encoded_str(StringEncoding::Utf8, bytes);
        }
        if ascii == 0 && len < 16 && self.write_short_three_byte(bytes) {
            return Ok(());
        }
        if len <= SHORT_UTF16 {
            return self.write_short_utf16(s, ascii);
        }
        // 256 bytes of UTF-8 hold at least 64 characters: counting their first 256 bytes gives
        // min(64, units) exactly.
        let sampled = text::scan(&bytes[..len.min(256)]).utf16_units;
        if java_rule_prefers_utf8(ascii, sampled) {
            return self.write_encoded_str(StringEncoding::Utf8, bytes);
        }
        if len <= 256 {
            // The sample was the whole text: its count is exact.
            return self.write_utf16(s, sampled);
        }
        // At least one UTF-16 unit per three UTF-8 bytes, at most one per byte.
        let wrote = self.write_before_counting(
            StringEncoding::Utf16,
            2 * len.div_ceil(3),
            2 * len,
            |out| Some(text::utf16_from_utf8(bytes, out)),
        );
        match wrote {
            Attempt::Written => Ok(()),
            Attempt::Unsized | Attempt::Refused => {
                self.write_utf16(s, text::scan(bytes).utf16_units)
            }
        }
    }

    /// [`Writer::write_non_ascii`] by scanning first: one pass over the rest finds both what
    /// Java's choice needs, whether every character fits Latin-1 and how many UTF-16 units the
    /// text has.
    fn write_scanned(&mut self, s: &str, ascii: usize) -> Result<()> {
        let found = text::scan(&s.as_bytes()[ascii..]);
        let units = ascii + found.utf16_units;
        if found.latin1 {
            return self.write_latin1(s, ascii, units);
        }
        if java_rule_prefers_utf8(ascii, units) {
            return self.write_encoded_str(StringEncoding::Utf8, s.as_bytes());
        }
        self.write_utf16(s, units)
    }

    /// Writes a header and then the body `fill` writes into room for `most` bytes (returning
    /// how many, or `None` to write nothing), when every body length from `least` to `most`
    /// has a header of the same size: the header's room is kept and filled in afterwards.
    #[inline]
    fn write_before_counting(
        &mut self,
        encoding: StringEncoding,
        least: usize,
        most: usize,
        fill: impl FnOnce(&mut [MaybeUninit<u8>]) -> Option<usize>,
    ) -> Attempt {
        let header = |len: usize| ((len as u64) << 2) | encoding as u64;
        // Below 2^32 bytes the header is below 2^34, a short varint.
        if most >= 1 << 32 {
            return Attempt::Unsized;
        }
        let size = short_varint(header(most)).1;
        if short_varint(header(least)).1 != size {
            return Attempt::Unsized;
        }
        let mut attempt = Attempt::Refused;
        self.append_with(size + most, |out| {
            let (head, body) = out.split_at_mut(size);
            let Some(len) = fill(body) else {
                return 0;
            };
            debug_assert!((least..=most).contains(&len));
            let (word, n) = short_varint(header(len));
            debug_assert_eq!(n, size);
            for (slot, b) in head.iter_mut().zip(word.to_le_bytes()) {
                slot.write(b);
            }
            attempt = Attempt::Written;
            size + len
        });
        attempt
    }

    /// Writes short Latin-1 text converted in one step by [`text::latin1_in_one_step`], the
    /// header written once the converter knows the character count. Returns whether it wrote
    /// (`false`: nothing was written, a character is above U+00FF).
    #[inline(always)]
    fn write_latin1_in_one_step(&mut self, bytes: &[u8]) -> bool {
        // At most one byte per UTF-8 byte, and the SSSE3 step writes 16 whatever the length;
        // at most 64 characters, a header of at most two bytes.
        let most = bytes.len().max(16);
        let mut written = false;
        self.append_with(2 + most, |out| {
            let place = |chars: usize, out: &mut [MaybeUninit<u8>]| {
                put_short_header(StringEncoding::Latin1, chars, out)
            };
            let n = text::latin1_in_one_step(bytes, out, place);
            written = n.is_some();
            n.unwrap_or(0)
        });
        written
    }

    /// [`Writer::write_str`] for text of at most [`text::ONE_STEP`] bytes where the CPU
    /// decides and converts it in one step ([`text::short_by_java_rule`]); the other text goes
    /// on to the general path.
    #[inline]
    fn write_short_by_java_rule(&mut self, s: &str) -> Result<()> {
        let bytes = s.as_bytes();
        let place = |latin1: bool, body_len: usize, out: &mut [MaybeUninit<u8>]| {
            let encoding = if latin1 {
                StringEncoding::Latin1
            } else {
                StringEncoding::Utf16
            };
            put_short_header(encoding, body_len, out)
        };
        match text::short_by_java_rule(bytes, self.vec_mut(), place) {
            Ok(()) => Ok(()),
            // (Only where the CPU has no one-step path, which the callers check first.)
            Err(all) if all == bytes.len() => self.write_encoded_str(StringEncoding::Latin1, bytes),
            Err(prefix) => self.write_non_ascii(s, prefix),
        }
    }

    /// Writes a string as UTF-8 whatever its content (what the Go peer always does; the
    /// cheapest encoding for Rust, but not byte-equal to Java for Latin-1 or most CJK text).
    #[inline]
    pub fn write_str_utf8(&mut self, s: &str) -> Result<()> {
        self.write_encoded_str(StringEncoding::Utf8, s.as_bytes())
    }

    #[inline(always)]
    fn write_header(&mut self, encoding: StringEncoding, byte_len: usize) -> Result<()> {
        let len = byte_len as u64;
        if len > VARUINT36_MAX >> 2 {
            return Err(string_too_long(byte_len));
        }
        self.write_varuint36_small((len << 2) | encoding as u64);
        Ok(())
    }

    #[inline(always)]
    fn write_encoded_str(&mut self, encoding: StringEncoding, bytes: &[u8]) -> Result<()> {
        if bytes.len() < 32 {
            // The header, four times the length plus the encoding, is then one varint byte.
            self.write_u8_and_bytes((bytes.len() as u8) << 2 | encoding as u8, bytes);
            return Ok(());
        }
        let len = bytes.len() as u64;
        if len < 1 << 32 {
            // The header is then below 2^34, a plain varint.
            self.write_header_and_bytes((len << 2) | encoding as u64, bytes);
            return Ok(());
        }
        self.write_header(encoding, bytes.len())?;
        self.write_bytes(bytes);
        Ok(())
    }

    /// `s` is `ascii` ASCII bytes, then `chars - ascii` characters all at most U+00FF.
    fn write_latin1(&mut self, s: &str, ascii: usize, chars: usize) -> Result<()> {
        self.write_header(StringEncoding::Latin1, chars)?;
        let (prefix, rest) = s.as_bytes().split_at(ascii);
        self.write_bytes(prefix);
        // The caller found every character at most U+00FF, so the conversion succeeds.
        self.append_with(chars - ascii, |out| {
            text::latin1_from_utf8(rest, out).unwrap_or_default()
        });
        Ok(())
    }

    /// [`Writer::write_non_ascii`] for text of at most [`SHORT_UTF16`] bytes with a character
    /// above U+00FF: converted to UTF-16 behind room for a two-byte header, which gives the
    /// unit count that Java's choice needs (the whole text is its sample) without a scan
    /// first. Moved one byte down under a one-byte header (text under 16 bytes is converted
    /// behind one byte to begin with); for the rare UTF-8 choice (the wide character in the
    /// sample's last three units) the conversion is dropped.
    fn write_short_utf16(&mut self, s: &str, ascii: usize) -> Result<()> {
        let bytes = s.as_bytes();
        let mut utf16 = true;
        // One unit (two bytes) per UTF-8 byte at most; 2 * SHORT_UTF16 units need a header of
        // at most two bytes, fewer than 32 body bytes one. The slack lets the converter widen
        // ASCII 16 bytes at a time up to the end.
        let at = if 2 * bytes.len() < 32 { 1 } else { 2 };
        self.append_with(2 + 2 * bytes.len() + 32, |out| {
            let n = text::utf16_from_utf8_after_ascii(bytes, ascii, &mut out[at..]);
            if java_rule_prefers_utf8(ascii, n / 2) {
                utf16 = false;
                return 0;
            }
            let (word, size) = short_varint(((n as u64) << 2) | StringEncoding::Utf16 as u64);
            debug_assert!(size <= at);
            if size < at {
                out.copy_within(at..at + n, size);
            }
            for (slot, b) in out[..size].iter_mut().zip(word.to_le_bytes()) {
                slot.write(b);
            }
            size + n
        });
        if !utf16 {
            return self.write_encoded_str(StringEncoding::Utf8, bytes);
        }
        Ok(())
    }

    /// Writes text of fewer than 16 bytes whose every character is three bytes as UTF-16, in
    /// one step where the CPU has one ([`text::short_three_byte_utf16`]); Java's rule picks
    /// UTF-16 for it, its first unit being wide. Returns whether it wrote (`false`: nothing
    /// was written).
    #[inline(always)]
    fn write_short_three_byte(&mut self, bytes: &[u8]) -> bool {
        let mut written = false;
        // At most five characters, ten bytes: a one-byte header.
        self.append_with(1 + 16, |out| {
            let Some(n) = text::short_three_byte_utf16(bytes, &mut out[1..]) else {
                return 0;
            };
            out[0].write(((n << 2) | StringEncoding::Utf16 as usize) as u8);
            written = true;
            1 + n
        });
        written
    }

    /// `s` is `units` UTF-16 code units.
    fn write_utf16(&mut self, s: &str, units: usize) -> Result<()> {
        self.write_header(StringEncoding::Utf16, units * 2)?;
        self.append_with(units * 2, |out| text::utf16_from_utf8(s.as_bytes(), out));
        Ok(())
    }
}

/// Writes the header of a body of `body_len` bytes (below 2^12) into `out` and returns its
/// size, at most two bytes.
#[inline(always)]
fn put_short_header(
    encoding: StringEncoding,
    body_len: usize,
    out: &mut [MaybeUninit<u8>],
) -> usize {
    let (word, size) = short_varint((body_len as u64) << 2 | encoding as u64);
    for (slot, b) in out[..size].iter_mut().zip(word.to_le_bytes()) {
        slot.write(b);
    }
    size
}

/// Longest text (UTF-8 bytes) that [`Writer::write_short_utf16`] takes: at most 128 units,
/// whose header is at most two bytes.
const SHORT_UTF16: usize = 128;

/// What [`Writer::write_before_counting`] did.
enum Attempt {
    /// Wrote the header and the body.
    Written,
    /// Wrote nothing: the body's function gave up.
    Refused,
    /// Wrote nothing: the header's size depends on the body's length.
    Unsized,
}

#[cold]
fn string_too_long(byte_len: usize) -> Error {
    Error::encode(format!(
        "string of {byte_len} bytes exceeds the wire limit of 2^34 - 1 bytes"
    ))
}

/// Java's choice for text that is not all Latin-1 (a `String` with the UTF-16 coder).
///
/// Java 1.6.0 samples the first `n = min(64, len)` UTF-16 code units and rounds `n` down to a
/// multiple of four, `q`. It writes UTF-8 when every unit before `q` is ASCII and, if `n > q`,
/// unit `q` is ASCII too (its tail loop looks at that one unit `n - q` times); otherwise UTF-16.
/// Units after the sample are never looked at, so `"a你"` goes out as UTF-8 and `"abcd你"` as
/// UTF-16. Matching this rule exactly is what makes our bytes equal Java's.
///
/// Equivalently: the first `q` units, plus unit `q` when `n > q`, are all ASCII. ASCII
/// characters are one unit and one byte each, so that is a count of leading ASCII bytes.
pub fn java_prefers_utf8(s: &str) -> bool {
    java_rule_prefers_utf8(ascii_prefix_len(s.as_bytes()), s.encode_utf16().count())
}

/// [`java_prefers_utf8`] for a text of `units` UTF-16 units whose first `ascii` bytes are ASCII.
#[inline]
fn java_rule_prefers_utf8(ascii: usize, units: usize) -> bool {
    let n = units.min(64);
    let q = n & !3;
    let must_be_ascii = if n > q { q + 1 } else { q };
    ascii >= must_be_ascii
}

impl<'a> Reader<'a> {
    /// Reads a string in any of the three encodings. UTF-8 text, and Latin-1 text that is pure
    /// ASCII, is borrowed from the input; anything else is decoded into a new `String`.
    ///
    /// Errors name the offset: a truncated header or body, an unknown encoding (3), a length over
    /// [`Limits::max_string_bytes`](crate::Limits::max_string_bytes), an odd UTF-16 byte count,
    /// invalid UTF-8 or unpaired UTF-16 surrogates.
    ///
    /// ```
    /// use fory_core::Reader;
    /// // "é" as Latin-1, then as UTF-16LE.
    /// assert_eq!(Reader::new(&[0x04, 0xe9]).read_str().unwrap(), "é");
    /// assert_eq!(Reader::new(&[0x09, 0xe9, 0x00]).read_str().unwrap(), "é");
    /// ```
    #[inline]
    pub fn read_str(&mut self) -> Result<Cow<'a, str>> {
        let (encoding, bytes) = self.read_str_raw()?;
        let offset = || self.position() - bytes.len();
        if encoding != StringEncoding::Utf16 {
            // Found eight bytes at a time, where `from_utf8` would walk short strings byte by
            // byte.
            let ascii = ascii_prefix_len(bytes);
            if ascii == bytes.len() {
                // SAFETY: ASCII bytes are valid UTF-8 (and read the same as Latin-1).
                return Ok(Cow::Borrowed(unsafe {
                    std::str::from_utf8_unchecked(bytes)
                }));
            }
            if encoding == StringEncoding::Utf8 {
                return utf8_after_ascii(bytes, ascii, offset()).map(Cow::Borrowed);
            }
        }
        decode_str(encoding, bytes, offset())
    }

    /// Reads a string into an owned `String`.
    #[inline]
    pub fn read_string(&mut self) -> Result<String> {
        Ok(match self.read_str()? {
            // SAFETY: the bytes of a `str` are valid UTF-8.
            Cow::Borrowed(text) => unsafe { String::from_utf8_unchecked(vec_of(text.as_bytes())) },
            Cow::Owned(text) => text,
        })
    }

    /// Reads a string header and its undecoded bytes.
    #[inline]
    pub fn read_str_raw(&mut self) -> Result<(StringEncoding, &'a [u8])> {
        let start = self.position();
        let header = self.read_varuint36_small()?;
        let len = header >> 2;
        let encoding = match header & 0b11 {
            0 => StringEncoding::Latin1,
            2 => StringEncoding::Utf8,
            _ => return self.read_str_rest(start, header),
        };
        if len > self.limits().max_string_bytes {
            return self.read_str_rest(start, header);
        }
        // read_bytes_for checks the length against the input.
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        let bytes = self.read_bytes_for(len, "string bytes")?;
        Ok((encoding, bytes))
    }

    /// [`Reader::read_str_raw`] after `header` (read at `start`) for UTF-16, an unknown
    /// encoding or a length over the limit.
    #[cold]
    fn read_str_rest(&mut self, start: usize, header: u64) -> Result<(StringEncoding, &'a [u8])> {
        let encoding = StringEncoding::try_from((header & 0b11) as u8).map_err(|e| {
            Error::invalid(
                start,
                "string encoding 0 (Latin-1), 1 (UTF-16) or 2 (UTF-8)",
                e.to_string(),
            )
        })?;
        let byte_len = header >> 2;
        let max = self.limits().max_string_bytes;
        if byte_len > max {
            return Err(Error::limit_exceeded(
                start,
                "max_string_bytes",
                max,
                byte_len,
            ));
        }
        if encoding == StringEncoding::Utf16 && byte_len % 2 != 0 {
            return Err(Error::invalid(
                start,
                "an even byte count for UTF-16",
                byte_len.to_string(),
            ));
        }
        // byte_len <= max_string_bytes, which fits usize on every supported target once checked
        // against the remaining input inside read_bytes_for.
        let len = usize::try_from(byte_len).unwrap_or(usize::MAX);
        let bytes = self.read_bytes_for(len, "string bytes")?;
        Ok((encoding, bytes))
    }
}

/// UTF-8 text `bytes` (at input offset `offset`) whose first `ascii` bytes are ASCII: only
/// the rest needs checking, ASCII ending at a character boundary (one short step for a name
/// with an accent at its end).
#[inline(always)]
fn utf8_after_ascii(bytes: &[u8], ascii: usize, offset: usize) -> Result<&str> {
    match utf8_text(&bytes[ascii..]) {
        // SAFETY: the ASCII prefix and the checked rest are valid UTF-8, and the prefix ends
        // at a character boundary, so the whole is.
        Ok(_) => Ok(unsafe { std::str::from_utf8_unchecked(bytes) }),
        Err(e) => Err(invalid_utf8(bytes, offset, ascii + e.valid_up_to())),
    }
}

/// `bytes` checked as UTF-8: by a vectorized check first (several times faster on non-ASCII
/// text), by the standard library's only to find where invalid input goes wrong.
#[inline]
fn utf8_text(bytes: &[u8]) -> std::result::Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// Decodes string bytes that start at input offset `offset`.
pub(crate) fn decode_str(
    encoding: StringEncoding,
    bytes: &[u8],
    offset: usize,
) -> Result<Cow<'_, str>> {
    match encoding {
        StringEncoding::Utf8 => utf8_text(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| invalid_utf8(bytes, offset, e.valid_up_to())),
        StringEncoding::Latin1 => Ok(Cow::Owned(text::string_from_latin1(bytes))),
        StringEncoding::Utf16 => decode_utf16(bytes, offset).map(Cow::Owned),
    }
}

/// The error for UTF-8 text `bytes`, at input offset `offset`, that is invalid from byte `at`.
#[cold]
fn invalid_utf8(bytes: &[u8], offset: usize, at: usize) -> Error {
    Error::invalid(
        offset + at,
        "valid UTF-8",
        format!("invalid byte {:#04x}", bytes[at]),
    )
}

/// UTF-16LE to a `String`; an unpaired surrogate is an error at its offset.
fn decode_utf16(bytes: &[u8], offset: usize) -> Result<String> {
    text::string_from_utf16(bytes).map_err(|(at, unit)| {
        Error::invalid(
            offset + at,
            "valid UTF-16 (paired surrogates)",
            format!("unpaired surrogate {unit:#06x}"),
        )
    })
}

#[cfg(test)]
mod java_rule_tests {
    use super::{java_prefers_utf8, StringEncoding};
    use crate::buffer::Writer;

    /// The rule as Java's code states it: sample, round down, check.
    fn sampled(s: &str) -> bool {
        let mut sample = [0u16; 64];
        let mut n = 0;
        for unit in s.encode_utf16().take(64) {
            sample[n] = unit;
            n += 1;
        }
        let q = n & !3;
        sample[..q].iter().all(|&u| u < 0x80) && (n == q || sample[q] < 0x80)
    }

    #[test]
    fn the_prefix_count_equals_the_sampled_rule() {
        let pieces = ["a", "你", "é", "😀", "abcdefghij", "\u{ffff}", "\u{ff}"];
        // Every string of up to 5 pieces, and long ASCII runs before one wide character.
        let mut strings = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for s in &strings {
                for p in pieces {
                    next.push(format!("{s}{p}"));
                }
            }
            strings.extend(next);
        }
        for run in 58..70 {
            strings.push(format!("{}你", "a".repeat(run)));
            strings.push(format!("{}你b", "a".repeat(run)));
        }
        for s in &strings {
            assert_eq!(java_prefers_utf8(s), sampled(s), "{s:?}");
            let mut w = Writer::new();
            w.write_str(s).unwrap();
            assert_eq!(w.as_slice(), straightforward(s), "{s:?}");
        }
    }

    #[test]
    fn utf8_strings_are_their_header_and_bytes_at_every_short_length_and_offset() {
        // Around the one-byte header's end (31 bytes) and the inline copy's (32), behind
        // prefixes that leave the text at every offset in a word.
        for len in 0..=70 {
            let text: String = "aé你".chars().cycle().take(len).collect();
            for prefix in 0..8 {
                let mut w = Writer::new();
                w.write_bytes(&[0xee; 8][..prefix]);
                w.write_str_utf8(&text).unwrap();
                let mut expected = vec![0xee; prefix];
                let mut header = (text.len() as u64) << 2 | StringEncoding::Utf8 as u64;
                while header >= 0x80 {
                    expected.push(header as u8 | 0x80);
                    header >>= 7;
                }
                expected.push(header as u8);
                expected.extend_from_slice(text.as_bytes());
                assert_eq!(w.as_slice(), expected, "{len} {prefix}");
            }
        }
    }

    #[test]
    fn long_strings_equal_the_straightforward_encoding_at_every_header_size() {
        // Lengths around each change of the header's size (bodies of 32, 4096 and 524288
        // bytes), in texts that are Latin-1, that turn out not to be (a wide character at the
        // start, the middle or the end), and that are mostly CJK or mix every width (among
        // them CJK runs whose byte count stays a multiple of three with other characters).
        let lengths = (0..80)
            .chain(2000..2100)
            .chain(4060..4140)
            .chain([262_100, 262_150]);
        let texts: [(&str, &str); 11] = [
            ("a", "你"),
            ("a", "é"),
            ("é", "a"),
            ("aé", "ÿ"),
            ("你", "好"),
            ("你", "a"),
            ("aé你😀", "b"),
            ("ÿ", "\u{100}"),
            ("你", "éa"),
            ("你", "aaa"),
            ("你", "😀ab"),
        ];
        for len in lengths {
            for (body, odd) in texts {
                let base: String = body.chars().cycle().take(len).collect();
                let mut strings = vec![base.clone()];
                for at in [0, len / 2, len.saturating_sub(1)] {
                    let mut s: String = base.chars().take(at).collect();
                    s.push_str(odd);
                    s.extend(base.chars().skip(at + 1));
                    strings.push(s);
                }
                for s in &strings {
                    let mut w = Writer::new();
                    w.write_str(s).unwrap();
                    assert_eq!(w.as_slice(), straightforward(s), "{len} {body:?} {odd:?}");
                }
            }
        }
    }

    /// Java's encoding of `s`, one pass per question.
    fn straightforward(s: &str) -> Vec<u8> {
        let (encoding, bytes): (StringEncoding, Vec<u8>) =
            if s.chars().all(|c| u32::from(c) <= 0xff) {
                (StringEncoding::Latin1, s.chars().map(|c| c as u8).collect())
            } else if sampled(s) {
                (StringEncoding::Utf8, s.as_bytes().to_vec())
            } else {
                let units = s.encode_utf16().flat_map(u16::to_le_bytes);
                (StringEncoding::Utf16, units.collect())
            };
        let mut w = Writer::new();
        w.write_varuint36_small(((bytes.len() as u64) << 2) | encoding as u64);
        w.write_bytes(&bytes);
        w.into_inner()
    }
}
