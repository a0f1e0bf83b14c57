//! Meta strings: the compact text encoding of namespaces, type names and field names.
//!
//! Names in type metadata are short and drawn from a small alphabet, so Fory packs them into 5 or
//! 6 bits per character instead of a byte. A meta string is the pair (encoding, bytes); the
//! encoding travels beside the bytes (in a header that is not part of this module), so the bytes
//! alone do not say how to read them.
//!
//! | id | encoding                   | bits | alphabet                                            |
//! |----|----------------------------|------|-----------------------------------------------------|
//! | 0  | UTF-8                      | 8    | anything                                            |
//! | 1  | `LOWER_SPECIAL`            | 5    | `a-z . _ $ \|` (codes 0-25, 26, 27, 28, 29)         |
//! | 2  | `LOWER_UPPER_DIGIT_SPECIAL`| 6    | `a-z A-Z 0-9` (0-61) and the context's two specials |
//! | 3  | `FIRST_TO_LOWER_SPECIAL`   | 5    | `LOWER_SPECIAL` after lowering an upper first char  |
//! | 4  | `ALL_TO_LOWER_SPECIAL`     | 5    | `LOWER_SPECIAL` with each `X` written as `\|x`      |
//!
//! The packed encodings write the codes most significant bit first, starting at bit 6 of the first
//! byte; bit 7 of the first byte is a flag. The last byte is padded with zero bits. When the
//! padding is wide enough to hold one more character, a reader could not tell it from a trailing
//! `a` (code 0), so the writer sets the flag and the reader drops that last slot.
//!
//! Which encoding a name gets depends on its characters and on the context: the code for 62 and
//! 63 in `LOWER_UPPER_DIGIT_SPECIAL` is `.` and `_` in namespaces, `$` and `_` in type and field
//! names, and each context allows only some encodings. [`MetaStringEncoder`] has one constant per
//! context; [`MetaStringDecoder`] has the matching ones.
//!
//! ```
//! use fory_core::__private::meta::meta_string::{MetaStringDecoder, MetaStringEncoder, MetaStringEncoding};
//!
//! let name = MetaStringEncoder::TYPE_NAME.encode("Outer$Inner")?;
//! assert_eq!(name.encoding(), MetaStringEncoding::AllToLowerSpecial);
//! assert_eq!(name.bytes(), [0xf5, 0xd4, 0x99, 0x23, 0xce, 0xa1, 0xad, 0x24, 0x40]);
//! let text = MetaStringDecoder::TYPE_NAME.decode(name.bytes(), name.encoding())?;
//! assert_eq!(text, "Outer$Inner");
//! # Ok::<(), fory_core::Error>(())
//! ```

use crate::error::{Error, Result};

/// The longest name, in characters, the peers agree to encode is one less than this.
const MAX_CHARS: usize = 32767;

/// Escape code in the 5-bit alphabet (`|`); in `ALL_TO_LOWER_SPECIAL` it marks an uppercase letter.
const ESCAPE: u8 = 29;

/// How the bytes of a meta string encode its text. The discriminant is the wire id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum MetaStringEncoding {
    /// The UTF-8 bytes of the text, unchanged.
    Utf8 = 0,
    /// 5 bits per character from `a-z . _ $ |`.
    LowerSpecial = 1,
    /// 6 bits per character from `a-z A-Z 0-9` and the two special characters of the context.
    LowerUpperDigitSpecial = 2,
    /// An uppercase first letter lowered, then [`LowerSpecial`](Self::LowerSpecial); the reader
    /// raises the first character again.
    FirstToLowerSpecial = 3,
    /// Every uppercase letter written as `|` and its lowercase form, then
    /// [`LowerSpecial`](Self::LowerSpecial).
    AllToLowerSpecial = 4,
}

impl MetaStringEncoding {
    /// The id written on the wire.
    pub const fn id(self) -> u8 {
        self as u8
    }

    /// Bit for this encoding in an allowed-set mask.
    const fn mask(self) -> u8 {
        1 << self as u8
    }
}

impl TryFrom<u8> for MetaStringEncoding {
    type Error = Error;

    /// Maps a wire id to its encoding. The error reports offset 0; a caller that knows where the
    /// id was read can build its own error from the value.
    fn try_from(id: u8) -> Result<Self> {
        Ok(match id {
            0 => Self::Utf8,
            1 => Self::LowerSpecial,
            2 => Self::LowerUpperDigitSpecial,
            3 => Self::FirstToLowerSpecial,
            4 => Self::AllToLowerSpecial,
            _ => {
                return Err(Error::invalid(
                    0,
                    "meta string encoding 0..=4",
                    id.to_string(),
                ))
            }
        })
    }
}

impl From<MetaStringEncoding> for u8 {
    fn from(encoding: MetaStringEncoding) -> u8 {
        encoding.id()
    }
}

/// A name together with the encoding chosen for it and its encoded bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetaString {
    text: String,
    encoding: MetaStringEncoding,
    bytes: Vec<u8>,
}

impl MetaString {
    /// The text that was encoded.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding the bytes are in.
    pub fn encoding(&self) -> MetaStringEncoding {
        self.encoding
    }

    /// The encoded bytes (empty for the empty string).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Chooses an encoding for a name and encodes it, for one naming context.
///
/// A context fixes the two special characters of `LOWER_UPPER_DIGIT_SPECIAL` and the encodings a
/// name may use. The empty string is always UTF-8 with no bytes; UTF-8 is the fallback for any
/// name the packed encodings cannot hold (including every name with a non-ASCII character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetaStringEncoder {
    special1: u8,
    special2: u8,
    allowed: u8,
}

/// Shorthand for the allowed-set masks below.
const fn mask_of(encodings: &[MetaStringEncoding]) -> u8 {
    let mut mask = 0;
    let mut i = 0;
    while i < encodings.len() {
        mask |= encodings[i].mask();
        i += 1;
    }
    mask
}

const NAMESPACE_SET: u8 = mask_of(&[
    MetaStringEncoding::Utf8,
    MetaStringEncoding::AllToLowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
]);
const TYPE_NAME_SET: u8 = mask_of(&[
    MetaStringEncoding::Utf8,
    MetaStringEncoding::AllToLowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
    MetaStringEncoding::FirstToLowerSpecial,
]);
const FIELD_NAME_SET: u8 = NAMESPACE_SET;
const EVERY_ENCODING: u8 = 0b1_1111;

impl MetaStringEncoder {
    /// Namespaces inside a TypeDef: specials `.` and `_`; UTF-8, `ALL_TO_LOWER_SPECIAL` or
    /// `LOWER_UPPER_DIGIT_SPECIAL`.
    pub const NAMESPACE: Self = Self {
        special1: b'.',
        special2: b'_',
        allowed: NAMESPACE_SET,
    };

    /// Type names inside a TypeDef: specials `$` and `_`; UTF-8, `ALL_TO_LOWER_SPECIAL`,
    /// `LOWER_UPPER_DIGIT_SPECIAL` or `FIRST_TO_LOWER_SPECIAL`.
    pub const TYPE_NAME: Self = Self {
        special1: b'$',
        special2: b'_',
        allowed: TYPE_NAME_SET,
    };

    /// Field names inside a TypeDef: specials `$` and `_`; UTF-8, `ALL_TO_LOWER_SPECIAL` or
    /// `LOWER_UPPER_DIGIT_SPECIAL`.
    pub const FIELD_NAME: Self = Self {
        special1: b'$',
        special2: b'_',
        allowed: FIELD_NAME_SET,
    };

    /// Namespaces with every encoding allowed (specials `.` and `_`). pyfory 1.7.7 encodes the
    /// namespace of a named type this way when it writes the name itself rather than a TypeDef
    /// (meta share off), so a plain lowercase namespace comes out as `LOWER_SPECIAL`.
    pub const GENERIC_NAMESPACE: Self = Self {
        special1: b'.',
        special2: b'_',
        allowed: EVERY_ENCODING,
    };

    /// Type names with every encoding allowed (specials `$` and `_`), the counterpart of
    /// [`GENERIC_NAMESPACE`](Self::GENERIC_NAMESPACE) for the type name.
    pub const GENERIC_TYPE_NAME: Self = Self {
        special1: b'$',
        special2: b'_',
        allowed: EVERY_ENCODING,
    };

    /// The two characters that codes 62 and 63 of `LOWER_UPPER_DIGIT_SPECIAL` stand for.
    pub fn special_chars(&self) -> (char, char) {
        (char::from(self.special1), char::from(self.special2))
    }

    /// Whether this context may pick `encoding`.
    pub fn allows(&self, encoding: MetaStringEncoding) -> bool {
        self.allowed & encoding.mask() != 0
    }

    /// The decoder with the same special characters.
    pub fn decoder(&self) -> MetaStringDecoder {
        MetaStringDecoder {
            special1: self.special1,
            special2: self.special2,
        }
    }

    /// The encoding [`encode`](Self::encode) uses for `text`.
    ///
    /// In order: `LOWER_SPECIAL` if every character fits it; otherwise, if every character is an
    /// ASCII letter, digit or one of the two specials, `LOWER_UPPER_DIGIT_SPECIAL` when there is a
    /// digit, `FIRST_TO_LOWER_SPECIAL` when the only uppercase letter is the first character,
    /// `ALL_TO_LOWER_SPECIAL` when `5 * (len + uppercase) < 6 * len` bits, and
    /// `LOWER_UPPER_DIGIT_SPECIAL` else; UTF-8 for everything else. A step whose encoding the
    /// context does not allow is skipped.
    pub fn choose_encoding(&self, text: &str) -> MetaStringEncoding {
        use MetaStringEncoding::*;
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Utf8;
        }
        let mut lower_special = true;
        let mut lower_upper_digit = true;
        let mut digits = 0usize;
        let mut uppers = 0usize;
        // Non-ASCII text never fits a packed encoding, and each of its UTF-8 bytes is >= 0x80, so
        // looking at bytes is the same as looking at characters here.
        for &b in bytes {
            let special = b == self.special1 || b == self.special2;
            lower_special &= lower_special_code(b).is_some();
            lower_upper_digit &= b.is_ascii_alphanumeric() || special;
            digits += usize::from(b.is_ascii_digit());
            uppers += usize::from(b.is_ascii_uppercase());
        }
        if lower_special && self.allows(LowerSpecial) {
            return LowerSpecial;
        }
        if lower_upper_digit {
            if digits > 0 && self.allows(LowerUpperDigitSpecial) {
                return LowerUpperDigitSpecial;
            }
            if uppers == 1 && bytes[0].is_ascii_uppercase() && self.allows(FirstToLowerSpecial) {
                return FirstToLowerSpecial;
            }
            let len = bytes.len();
            if (len + uppers) * 5 < len * 6 && self.allows(AllToLowerSpecial) {
                return AllToLowerSpecial;
            }
            if self.allows(LowerUpperDigitSpecial) {
                return LowerUpperDigitSpecial;
            }
        }
        Utf8
    }

    /// Encodes `text` with the encoding [`choose_encoding`](Self::choose_encoding) picks.
    ///
    /// Fails only when the text has 32767 characters or more, which the peers refuse as well.
    pub fn encode(&self, text: &str) -> Result<MetaString> {
        if text.len() >= MAX_CHARS && text.chars().count() >= MAX_CHARS {
            return Err(Error::encode(format!(
                "meta string of {} characters; the limit is {}",
                text.chars().count(),
                MAX_CHARS - 1
            )));
        }
        let encoding = self.choose_encoding(text);
        let bytes = self.pack(text, encoding);
        Ok(MetaString {
            text: text.to_owned(),
            encoding,
            bytes,
        })
    }

    /// Writes `text` in `encoding`, which must be the one `choose_encoding` gave for it (so every
    /// character is known to fit).
    fn pack(&self, text: &str, encoding: MetaStringEncoding) -> Vec<u8> {
        use MetaStringEncoding::*;
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Vec::new();
        }
        match encoding {
            Utf8 => bytes.to_vec(),
            LowerSpecial => {
                let mut w = BitWriter::new(bytes.len(), 5);
                for &b in bytes {
                    w.push(lower_special_code(b).unwrap_or(0));
                }
                w.finish()
            }
            FirstToLowerSpecial => {
                let mut w = BitWriter::new(bytes.len(), 5);
                w.push(lower_special_code(bytes[0].to_ascii_lowercase()).unwrap_or(0));
                for &b in &bytes[1..] {
                    w.push(lower_special_code(b).unwrap_or(0));
                }
                w.finish()
            }
            AllToLowerSpecial => {
                let uppers = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
                let mut w = BitWriter::new(bytes.len() + uppers, 5);
                for &b in bytes {
                    if b.is_ascii_uppercase() {
                        w.push(ESCAPE);
                    }
                    w.push(lower_special_code(b.to_ascii_lowercase()).unwrap_or(0));
                }
                w.finish()
            }
            LowerUpperDigitSpecial => {
                let mut w = BitWriter::new(bytes.len(), 6);
                for &b in bytes {
                    let code = if b == self.special1 {
                        Some(62)
                    } else if b == self.special2 {
                        Some(63)
                    } else {
                        lower_upper_digit_code(b)
                    };
                    w.push(code.unwrap_or(0));
                }
                w.finish()
            }
        }
    }
}

/// Turns the bytes of a meta string back into its text, for one naming context.
///
/// The decoder accepts any of the five encodings; which ones a context may use is the writer's
/// concern (a TypeDef header maps its 2-bit encoding field to an encoding before calling this).
/// Input is untrusted: code points no encoding defines, a dangling `|` escape and invalid UTF-8
/// are errors, never panics. Like the peers, the decoder ignores the value of padding bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetaStringDecoder {
    special1: u8,
    special2: u8,
}

impl MetaStringDecoder {
    /// Namespaces: codes 62 and 63 of `LOWER_UPPER_DIGIT_SPECIAL` are `.` and `_`.
    pub const NAMESPACE: Self = Self {
        special1: b'.',
        special2: b'_',
    };

    /// Type names: codes 62 and 63 of `LOWER_UPPER_DIGIT_SPECIAL` are `$` and `_`.
    pub const TYPE_NAME: Self = Self {
        special1: b'$',
        special2: b'_',
    };

    /// Field names: codes 62 and 63 of `LOWER_UPPER_DIGIT_SPECIAL` are `$` and `_`.
    pub const FIELD_NAME: Self = Self {
        special1: b'$',
        special2: b'_',
    };

    /// Decodes `bytes` written in `encoding`. Empty input is the empty string in every encoding.
    ///
    /// Error offsets are byte indexes into `bytes`.
    pub fn decode(&self, bytes: &[u8], encoding: MetaStringEncoding) -> Result<String> {
        use MetaStringEncoding::*;
        if bytes.is_empty() {
            return Ok(String::new());
        }
        match encoding {
            Utf8 => match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_owned()),
                Err(e) => {
                    let at = e.valid_up_to();
                    Err(Error::invalid(
                        at,
                        "UTF-8 meta string",
                        format!("byte 0x{:02x}", bytes[at]),
                    ))
                }
            },
            LowerSpecial => {
                let mut text = String::with_capacity(char_count(bytes, 5));
                for (at, code) in BitReader::new(bytes, 5) {
                    text.push(lower_special_char(code, at)?);
                }
                Ok(text)
            }
            FirstToLowerSpecial => {
                let mut text = String::with_capacity(char_count(bytes, 5));
                for (i, (at, code)) in BitReader::new(bytes, 5).enumerate() {
                    let c = lower_special_char(code, at)?;
                    text.push(if i == 0 { c.to_ascii_uppercase() } else { c });
                }
                Ok(text)
            }
            AllToLowerSpecial => {
                let mut text = String::with_capacity(char_count(bytes, 5));
                let mut codes = BitReader::new(bytes, 5);
                while let Some((at, code)) = codes.next() {
                    let c = lower_special_char(code, at)?;
                    if code != ESCAPE {
                        text.push(c);
                        continue;
                    }
                    // The peers raise whatever follows the escape; only a letter changes.
                    match codes.next() {
                        Some((at, code)) => {
                            text.push(lower_special_char(code, at)?.to_ascii_uppercase())
                        }
                        None => {
                            return Err(Error::invalid(
                                at,
                                "a character after the '|' escape",
                                "end of meta string",
                            ))
                        }
                    }
                }
                Ok(text)
            }
            LowerUpperDigitSpecial => {
                let mut text = String::with_capacity(char_count(bytes, 6));
                for (_, code) in BitReader::new(bytes, 6) {
                    text.push(match code {
                        0..=25 => char::from(b'a' + code),
                        26..=51 => char::from(b'A' + (code - 26)),
                        52..=61 => char::from(b'0' + (code - 52)),
                        62 => char::from(self.special1),
                        // A 6-bit code is at most 63.
                        _ => char::from(self.special2),
                    });
                }
                Ok(text)
            }
        }
    }
}

/// Code of an ASCII byte in the 5-bit alphabet.
fn lower_special_code(b: u8) -> Option<u8> {
    match b {
        b'a'..=b'z' => Some(b - b'a'),
        b'.' => Some(26),
        b'_' => Some(27),
        b'$' => Some(28),
        b'|' => Some(ESCAPE),
        _ => None,
    }
}

/// Character of a 5-bit code; codes 30 and 31 are unassigned.
fn lower_special_char(code: u8, at: usize) -> Result<char> {
    Ok(match code {
        0..=25 => char::from(b'a' + code),
        26 => '.',
        27 => '_',
        28 => '$',
        ESCAPE => '|',
        _ => {
            return Err(Error::invalid(
                at,
                "LOWER_SPECIAL code 0..=29",
                code.to_string(),
            ))
        }
    })
}

/// Code of a letter or digit in the 6-bit alphabet (the specials depend on the context).
fn lower_upper_digit_code(b: u8) -> Option<u8> {
    match b {
        b'a'..=b'z' => Some(b - b'a'),
        b'A'..=b'Z' => Some(b - b'A' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        _ => None,
    }
}

/// Number of characters stored in a packed meta string of `bytes.len()` bytes (non-empty).
fn char_count(bytes: &[u8], bits: usize) -> usize {
    // Everything after the flag bit holds codes; a set flag says the last whole slot is padding.
    let slots = (bytes.len().saturating_mul(8) - 1) / bits;
    if bytes[0] & 0x80 != 0 {
        slots.saturating_sub(1)
    } else {
        slots
    }
}

/// Packs codes of a fixed width after the leading flag bit.
struct BitWriter {
    out: Vec<u8>,
    bits: u32,
    /// Pending bits, right-aligned; fewer than 8 between pushes.
    acc: u32,
    pending: u32,
    /// Total bits the whole string takes, flag included.
    total: usize,
}

impl BitWriter {
    fn new(chars: usize, bits: u32) -> Self {
        let total = chars * bits as usize + 1;
        BitWriter {
            out: Vec::with_capacity(total.div_ceil(8)),
            bits,
            acc: 0,
            // The flag bit, set at the end if needed.
            pending: 1,
            total,
        }
    }

    fn push(&mut self, code: u8) {
        self.acc = (self.acc << self.bits) | u32::from(code);
        self.pending += self.bits;
        while self.pending >= 8 {
            self.pending -= 8;
            self.out.push((self.acc >> self.pending) as u8);
        }
        self.acc &= (1 << self.pending) - 1;
    }

    fn finish(mut self) -> Vec<u8> {
        if self.pending > 0 {
            self.out.push((self.acc << (8 - self.pending)) as u8);
        }
        // Room for one more whole character in the padding: mark the last slot as unused.
        if self.out.len() * 8 >= self.total + self.bits as usize {
            self.out[0] |= 0x80;
        }
        self.out
    }
}

/// Reads the codes of a packed meta string, yielding each with the index of its first byte.
struct BitReader<'a> {
    bytes: &'a [u8],
    bits: usize,
    /// Bit position of the next code, counted from the most significant bit of byte 0.
    pos: usize,
    left: usize,
}

impl<'a> BitReader<'a> {
    /// `bytes` must not be empty.
    fn new(bytes: &'a [u8], bits: usize) -> Self {
        BitReader {
            bytes,
            bits,
            pos: 1,
            left: char_count(bytes, bits),
        }
    }
}

impl Iterator for BitReader<'_> {
    type Item = (usize, u8);

    fn next(&mut self) -> Option<(usize, u8)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let at = self.pos / 8;
        let shift = self.pos % 8;
        // A code spans at most two bytes; `char_count` keeps it inside the input, so a missing
        // second byte only happens when the code fits in the first.
        let hi = u16::from(*self.bytes.get(at)?);
        let lo = u16::from(self.bytes.get(at + 1).copied().unwrap_or(0));
        let window = (hi << 8) | lo;
        let code = (window >> (16 - shift - self.bits)) & ((1 << self.bits) - 1);
        self.pos += self.bits;
        Some((at, code as u8))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

#[cfg(test)]
mod tests {
    use super::MetaStringEncoding::*;
    use super::*;
    use crate::error::ErrorKind;

    const ENCODINGS: [MetaStringEncoding; 5] = [
        Utf8,
        LowerSpecial,
        LowerUpperDigitSpecial,
        FirstToLowerSpecial,
        AllToLowerSpecial,
    ];

    const ENCODERS: [MetaStringEncoder; 5] = [
        MetaStringEncoder::NAMESPACE,
        MetaStringEncoder::TYPE_NAME,
        MetaStringEncoder::FIELD_NAME,
        MetaStringEncoder::GENERIC_NAMESPACE,
        MetaStringEncoder::GENERIC_TYPE_NAME,
    ];

    fn expected(err: &Error) -> &'static str {
        match err.kind() {
            ErrorKind::Invalid { expected, .. } => expected,
            other => panic!("unexpected error kind {other:?}"),
        }
    }

    #[test]
    fn wire_ids_round_trip() {
        for e in ENCODINGS {
            assert_eq!(MetaStringEncoding::try_from(e.id()).unwrap(), e);
            assert_eq!(u8::from(e), e as u8);
        }
        for id in 5..=255u8 {
            let err = MetaStringEncoding::try_from(id).unwrap_err();
            assert_eq!(expected(&err), "meta string encoding 0..=4");
        }
    }

    #[test]
    fn every_truncation_decodes_or_errors() {
        let names = [
            "org.apache.fory",
            "Outer$Inner",
            "HTTPServer",
            "Foo",
            "abcdefgh",
            "a_field_name_longer_than_sixteen",
            "名前",
            "AVeryLongTypeNameWithManyCapitalLetters",
        ];
        for encoder in ENCODERS {
            let decoder = encoder.decoder();
            for name in names {
                let ms = encoder.encode(name).unwrap();
                for end in 0..=ms.bytes().len() {
                    for e in ENCODINGS {
                        let _ = decoder.decode(&ms.bytes()[..end], e);
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_short_inputs_never_panic() {
        for a in 0..=255u8 {
            for e in ENCODINGS {
                let _ = MetaStringDecoder::TYPE_NAME.decode(&[a], e);
            }
            for b in 0..=255u8 {
                for e in ENCODINGS {
                    let _ = MetaStringDecoder::NAMESPACE.decode(&[a, b], e);
                    let _ = MetaStringDecoder::FIELD_NAME.decode(&[b, a, b], e);
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let err = MetaStringDecoder::FIELD_NAME
            .decode(b"ab\xffcd", Utf8)
            .unwrap_err();
        assert_eq!(err.offset(), Some(2));
        assert_eq!(expected(&err), "UTF-8 meta string");
        // A sequence cut short at the end.
        let err = MetaStringDecoder::FIELD_NAME
            .decode(&"名".as_bytes()[..2], Utf8)
            .unwrap_err();
        assert_eq!(err.offset(), Some(0));
    }

    #[test]
    fn unassigned_lower_special_codes_are_errors() {
        // flag 0, then one code: 0 11110 00 and 0 11111 00.
        for (byte, code) in [(0x78u8, "30"), (0x7c, "31")] {
            for e in [LowerSpecial, FirstToLowerSpecial, AllToLowerSpecial] {
                let err = MetaStringDecoder::TYPE_NAME.decode(&[byte], e).unwrap_err();
                assert_eq!(expected(&err), "LOWER_SPECIAL code 0..=29");
                assert!(err.to_string().contains(code), "{err}");
            }
        }
        // "a" then code 31 in the second slot, which starts in byte 0 and ends in byte 1:
        // 0 00000 11 | 111 00000.
        let err = MetaStringDecoder::TYPE_NAME
            .decode(&[0x03, 0xe0], LowerSpecial)
            .unwrap_err();
        assert_eq!(err.offset(), Some(0));
        // A 6-bit code can take any value: every byte pair decodes under LOWER_UPPER_DIGIT_SPECIAL.
        assert_eq!(
            MetaStringDecoder::NAMESPACE
                .decode(&[0x7f, 0xf0], LowerUpperDigitSpecial)
                .unwrap(),
            "_."
        );
    }

    #[test]
    fn dangling_escape_is_an_error() {
        // "|" alone under ALL_TO_LOWER_SPECIAL: 0 11101 00.
        let err = MetaStringDecoder::FIELD_NAME
            .decode(&[0x74], AllToLowerSpecial)
            .unwrap_err();
        assert_eq!(expected(&err), "a character after the '|' escape");
        // The same bytes are a plain "|" under LOWER_SPECIAL.
        assert_eq!(
            MetaStringDecoder::FIELD_NAME
                .decode(&[0x74], LowerSpecial)
                .unwrap(),
            "|"
        );
    }

    #[test]
    fn strip_flag_drops_the_padding_slot() {
        // "ab" takes 11 bits in 2 bytes; 5 padding bits would read as a third character.
        let ms = MetaStringEncoder::GENERIC_NAMESPACE.encode("ab").unwrap();
        assert_eq!(ms.bytes(), [0x80, 0x20]);
        let d = MetaStringDecoder::NAMESPACE;
        assert_eq!(d.decode(&[0x80, 0x20], LowerSpecial).unwrap(), "ab");
        assert_eq!(d.decode(&[0x00, 0x20], LowerSpecial).unwrap(), "aba");
        // A set flag with no room for any character leaves nothing.
        assert_eq!(d.decode(&[0x80], FirstToLowerSpecial).unwrap(), "");
    }

    #[test]
    fn round_trips_generated_names() {
        let alphabet = b"abzAZ09._$|-";
        let mut name = Vec::new();
        // Every string of up to 4 characters over a small alphabet, in every context.
        let mut stack = vec![Vec::<u8>::new()];
        while let Some(prefix) = stack.pop() {
            name.clear();
            name.extend_from_slice(&prefix);
            let text = std::str::from_utf8(&name).unwrap();
            for encoder in ENCODERS {
                let ms = encoder.encode(text).unwrap();
                assert!(encoder.allows(ms.encoding()), "{text:?}");
                let back = encoder.decoder().decode(ms.bytes(), ms.encoding()).unwrap();
                assert_eq!(back, text, "{:?} in {:?}", ms.encoding(), encoder);
            }
            if prefix.len() < 4 {
                for &c in alphabet {
                    let mut next = prefix.clone();
                    next.push(c);
                    stack.push(next);
                }
            }
        }
    }

    #[test]
    fn longest_names() {
        let ok = "a".repeat(MAX_CHARS - 1);
        let ms = MetaStringEncoder::FIELD_NAME.encode(&ok).unwrap();
        let back = MetaStringDecoder::FIELD_NAME
            .decode(ms.bytes(), ms.encoding())
            .unwrap();
        assert_eq!(back, ok);
        assert!(MetaStringEncoder::FIELD_NAME
            .encode(&"a".repeat(MAX_CHARS))
            .is_err());
        // The limit counts characters, not bytes.
        assert!(MetaStringEncoder::FIELD_NAME
            .encode(&"é".repeat(MAX_CHARS - 1))
            .is_ok());
    }

    #[test]
    fn special_chars_per_context() {
        assert_eq!(MetaStringEncoder::NAMESPACE.special_chars(), ('.', '_'));
        assert_eq!(MetaStringEncoder::TYPE_NAME.special_chars(), ('$', '_'));
        assert_eq!(MetaStringEncoder::FIELD_NAME.special_chars(), ('$', '_'));
        assert!(!MetaStringEncoder::NAMESPACE.allows(LowerSpecial));
        assert!(!MetaStringEncoder::FIELD_NAME.allows(FirstToLowerSpecial));
        assert!(MetaStringEncoder::TYPE_NAME.allows(FirstToLowerSpecial));
        assert!(ENCODINGS
            .iter()
            .all(|&e| MetaStringEncoder::GENERIC_TYPE_NAME.allows(e)));
    }
}
