//! [`Decimal`]: an exact decimal number, the value of the wire type DECIMAL.
//!
//! A decimal is an integer `unscaled` and a power of ten `scale`, with the value
//! `unscaled × 10^-scale` (Java's `BigDecimal`, Python's `decimal.Decimal` without NaN and
//! infinities). The wire bounds the unscaled integer to a magnitude of
//! [`Decimal::MAX_MAGNITUDE_BYTES`] bytes (80,000 bits, about 24,000 digits) and the scale to
//! ±[`Decimal::MAX_SCALE`].
//!
//! There is no big-integer dependency: integers that fit an `i128` are stored as one, larger ones
//! as a sign and the little-endian magnitude bytes the wire carries.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

const MAX_MAGNITUDE_BYTES: usize = Decimal::MAX_MAGNITUDE_BYTES;

/// Decimal digits of the largest magnitude, `2^80000 - 1`.
const MAX_DIGITS: usize = 24_083;

/// An exact decimal number: `unscaled × 10^-scale`.
///
/// Equality, like Java's `BigDecimal.equals`, compares the unscaled integer and the scale, so
/// `1.5` and `1.50` are different values (they are also different on the wire). Text
/// conversions are exact and keep the scale; [`Display`](fmt::Display) prints what Java's
/// `BigDecimal::toString` and Python's `str(Decimal)` print:
///
/// ```
/// use fory_core::types::Decimal;
/// let d: Decimal = "-123.456".parse().unwrap();
/// assert_eq!(d, Decimal::from_i128_scale(-123_456, 3));
/// assert_eq!((d.to_i128(), d.scale()), (Some(-123_456), 3));
/// assert_eq!(d.to_string(), "-123.456");
///
/// let big: Decimal = "123456789012345678901234567890123456789012.5".parse().unwrap();
/// assert_eq!(big.to_i128(), None); // the unscaled integer needs more than 127 bits
/// assert_eq!(big.to_string(), "123456789012345678901234567890123456789012.5");
///
/// assert_eq!("1E+5".parse::<Decimal>().unwrap(), Decimal::from_i128_scale(1, -5));
/// assert_eq!(Decimal::from_i128_scale(1, -5).to_string(), "1E+5");
/// assert_ne!("1.5".parse::<Decimal>().unwrap(), "1.50".parse::<Decimal>().unwrap());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Decimal {
    unscaled: Unscaled,
    scale: i32,
}

/// Zero at scale 0, so a struct with a `Decimal` field can derive `Default` (what a reader fills a
/// field the writer lacks with).
impl Default for Decimal {
    fn default() -> Self {
        Decimal::ZERO
    }
}

/// The unscaled integer. `Big` holds exactly the values outside the `i128` range, so each
/// integer has one representation and the derived equality and hash are exact.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Unscaled {
    Small(i128),
    Big {
        negative: bool,
        /// Little-endian, minimal (the last byte is not zero), 16..=MAX_MAGNITUDE_BYTES long.
        magnitude: Box<[u8]>,
    },
}

/// Why a [`Decimal`] could not be built from text or magnitude bytes.
///
/// ```
/// use fory_core::types::Decimal;
/// assert!("1.2.3".parse::<Decimal>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalError {
    reason: &'static str,
}

impl DecimalError {
    const fn new(reason: &'static str) -> Self {
        DecimalError { reason }
    }
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid decimal: {}", self.reason)
    }
}

impl std::error::Error for DecimalError {}

impl Decimal {
    /// Zero with scale 0.
    pub const ZERO: Decimal = Decimal::from_i128_scale(0, 0);

    /// Largest magnitude of the unscaled integer, in bytes, that the wire can carry and a
    /// `Decimal` can hold (its value is below 2^80000).
    pub const MAX_MAGNITUDE_BYTES: usize = 10_000;

    /// Largest absolute scale the wire can carry. A `Decimal` holds any `i32` scale, but only
    /// `-MAX_SCALE..=MAX_SCALE` can be written.
    pub const MAX_SCALE: i32 = 10_000;

    /// `unscaled × 10^-scale`.
    ///
    /// ```
    /// use fory_core::types::Decimal;
    /// assert_eq!(Decimal::from_i128_scale(15, 1).to_string(), "1.5");
    /// assert_eq!(Decimal::from_i128_scale(0, 2).to_string(), "0.00");
    /// ```
    pub const fn from_i128_scale(unscaled: i128, scale: i32) -> Self {
        Decimal {
            unscaled: Unscaled::Small(unscaled),
            scale,
        }
    }

    /// The decimal whose unscaled integer has the little-endian magnitude `magnitude` and is
    /// negative if `negative` (ignored for a zero magnitude). Trailing zero bytes are allowed and
    /// dropped; a magnitude of more than [`Decimal::MAX_MAGNITUDE_BYTES`] significant bytes is an
    /// error.
    ///
    /// ```
    /// use fory_core::types::Decimal;
    /// let d = Decimal::from_magnitude_le(true, &[0x00, 0x01, 0x00], 2).unwrap();
    /// assert_eq!(d, Decimal::from_i128_scale(-256, 2));
    /// assert_eq!(d.magnitude_le().as_ref(), [0x00, 0x01]);
    /// ```
    pub fn from_magnitude_le(
        negative: bool,
        magnitude: &[u8],
        scale: i32,
    ) -> Result<Self, DecimalError> {
        let len = magnitude.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        let magnitude = &magnitude[..len];
        if len > MAX_MAGNITUDE_BYTES {
            return Err(DecimalError::new(
                "unscaled magnitude longer than 10000 bytes",
            ));
        }
        let unscaled = match small_from_magnitude(negative, magnitude) {
            Some(value) => Unscaled::Small(value),
            None => Unscaled::Big {
                negative,
                magnitude: magnitude.into(),
            },
        };
        Ok(Decimal { unscaled, scale })
    }

    /// The power of ten the unscaled integer is divided by (negative: multiplied by).
    pub const fn scale(&self) -> i32 {
        self.scale
    }

    /// The unscaled integer, if it fits an `i128`; `None` for larger magnitudes. The inverse of
    /// [`Decimal::from_i128_scale`] together with [`Decimal::scale`].
    pub fn to_i128(&self) -> Option<i128> {
        match self.unscaled {
            Unscaled::Small(value) => Some(value),
            Unscaled::Big { .. } => None,
        }
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        match self.unscaled {
            Unscaled::Small(value) => value < 0,
            Unscaled::Big { negative, .. } => negative,
        }
    }

    /// Whether the value is zero (at any scale).
    pub fn is_zero(&self) -> bool {
        matches!(self.unscaled, Unscaled::Small(0))
    }

    /// The magnitude of the unscaled integer as minimal little-endian bytes: empty for zero,
    /// otherwise ending in a non-zero byte.
    pub fn magnitude_le(&self) -> Cow<'_, [u8]> {
        match &self.unscaled {
            Unscaled::Small(value) => {
                let bytes = value.unsigned_abs().to_le_bytes();
                let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
                Cow::Owned(bytes[..len].to_vec())
            }
            Unscaled::Big { magnitude, .. } => Cow::Borrowed(magnitude),
        }
    }

    /// The decimal digits of the unscaled magnitude, without leading zeros (`"0"` for zero).
    fn magnitude_digits(&self) -> String {
        match &self.unscaled {
            Unscaled::Small(value) => value.unsigned_abs().to_string(),
            Unscaled::Big { magnitude, .. } => digits_of_magnitude(magnitude),
        }
    }
}

/// The `i128` with this sign and minimal little-endian magnitude, if there is one.
fn small_from_magnitude(negative: bool, magnitude: &[u8]) -> Option<i128> {
    if magnitude.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..magnitude.len()].copy_from_slice(magnitude);
    let value = u128::from_le_bytes(bytes);
    if negative {
        // -2^127 is the one negative value whose magnitude is not an i128.
        0i128.checked_sub_unsigned(value)
    } else {
        i128::try_from(value).ok()
    }
}

/// Little-endian base-2^32 limbs of a little-endian byte magnitude.
fn limbs_of(magnitude: &[u8]) -> Vec<u32> {
    magnitude
        .chunks(4)
        .map(|chunk| {
            let mut bytes = [0u8; 4];
            bytes[..chunk.len()].copy_from_slice(chunk);
            u32::from_le_bytes(bytes)
        })
        .collect()
}

/// Divides the limbs by `divisor` in place, returning the remainder and dropping leading zero
/// limbs.
fn div_rem_limbs(limbs: &mut Vec<u32>, divisor: u32) -> u32 {
    let mut rem = 0u64;
    for limb in limbs.iter_mut().rev() {
        let cur = (rem << 32) | u64::from(*limb);
        *limb = (cur / u64::from(divisor)) as u32;
        rem = cur % u64::from(divisor);
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    rem as u32
}

fn digits_of_magnitude(magnitude: &[u8]) -> String {
    const CHUNK: u32 = 1_000_000_000;
    let mut limbs = limbs_of(magnitude);
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    // Nine-digit groups, least significant first.
    let mut groups = Vec::with_capacity(magnitude.len() * 8 / 29 + 1);
    while !limbs.is_empty() {
        groups.push(div_rem_limbs(&mut limbs, CHUNK));
    }
    let Some((first, rest)) = groups.split_last() else {
        return "0".to_string();
    };
    let mut out = String::with_capacity(groups.len() * 9);
    out.push_str(&first.to_string());
    for group in rest.iter().rev() {
        out.push_str(&format!("{group:09}"));
    }
    out
}

/// The minimal little-endian magnitude of a string of ASCII digits without leading zeros.
fn magnitude_of_digits(digits: &[u8]) -> Vec<u8> {
    let mut limbs: Vec<u32> = Vec::with_capacity(digits.len() / 9 + 1);
    let head = digits.len() % 9;
    let chunks = std::iter::once(&digits[..head]).chain(digits[head..].chunks(9));
    for chunk in chunks.filter(|c| !c.is_empty()) {
        let mut carry = u64::from(
            chunk
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')),
        );
        let multiplier = 10u64.pow(chunk.len() as u32);
        for limb in limbs.iter_mut() {
            let cur = u64::from(*limb) * multiplier + carry;
            *limb = cur as u32;
            carry = cur >> 32;
        }
        if carry != 0 {
            limbs.push(carry as u32);
        }
    }
    let mut bytes: Vec<u8> = limbs.iter().flat_map(|l| l.to_le_bytes()).collect();
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    bytes
}

impl fmt::Display for Decimal {
    /// Exact text that [`FromStr`] reads back to the same unscaled integer and scale, in the
    /// form Java's `BigDecimal::toString` and Python's `str(Decimal)` both use: plain notation
    /// when the scale is not negative and the value is not tiny (`1.5`, `-0.001`, `0.00`),
    /// otherwise one digit before the point and an exponent (`1E+5`, `1.2E+4`, `1E-7`, `0E+3`).
    /// The text is never much longer than the digits of the unscaled integer.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.magnitude_digits();
        let exponent = -i64::from(self.scale);
        let adjusted = exponent + (digits.len() as i64 - 1);
        if self.is_negative() {
            f.write_str("-")?;
        }
        if exponent <= 0 && adjusted >= -6 {
            // Here -exponent = scale <= digits + 6.
            let point = digits.len() as i64 + exponent;
            if exponent == 0 {
                f.write_str(&digits)
            } else if point > 0 {
                let (int, frac) = digits.split_at(point as usize);
                write!(f, "{int}.{frac}")
            } else {
                write!(f, "0.{:0>width$}", digits, width = self.scale as usize)
            }
        } else {
            let (first, rest) = digits.split_at(1);
            f.write_str(first)?;
            if !rest.is_empty() {
                write!(f, ".{rest}")?;
            }
            let sign = if adjusted >= 0 { '+' } else { '-' };
            write!(f, "E{sign}{}", adjusted.unsigned_abs())
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one mantissa digit; `.5` and `5.`
    /// are accepted), keeping the scale the text implies: `"1.50"` has scale 2 and `"1E+5"`
    /// scale -5. No whitespace, NaN or infinities. The unscaled integer may have up to
    /// [`Decimal::MAX_MAGNITUDE_BYTES`] bytes; the scale must fit an `i32`.
    fn from_str(text: &str) -> Result<Self, DecimalError> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.first() {
            Some(b'-') => (true, &bytes[1..]),
            Some(b'+') => (false, &bytes[1..]),
            _ => (false, bytes),
        };
        let (mantissa, exponent) = match rest.iter().position(|&b| b == b'e' || b == b'E') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let (int_part, frac_part) = match mantissa.iter().position(|&b| b == b'.') {
            Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
            None => (mantissa, &mantissa[..0]),
        };
        let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(DecimalError::new("no digits"));
        }
        if !all_digits(int_part) || !all_digits(frac_part) {
            return Err(DecimalError::new(
                "a character other than digits, sign, '.', 'e'",
            ));
        }
        let exponent = match exponent {
            None => 0i64,
            Some(exp) => parse_exponent(exp)?,
        };
        let scale = i32::try_from(frac_part.len() as i64 - exponent)
            .map_err(|_| DecimalError::new("scale outside the i32 range"))?;

        let mut digits = Vec::with_capacity(int_part.len() + frac_part.len());
        digits.extend_from_slice(int_part);
        digits.extend_from_slice(frac_part);
        let first = digits
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(digits.len());
        let digits = &digits[first..];
        if digits.len() > MAX_DIGITS {
            return Err(DecimalError::new(
                "unscaled magnitude longer than 10000 bytes",
            ));
        }
        if digits.len() <= 38 {
            // At most 10^38 - 1, which fits an i128 with either sign.
            let magnitude = digits
                .iter()
                .fold(0i128, |acc, d| acc * 10 + i128::from(d - b'0'));
            let unscaled = if negative { -magnitude } else { magnitude };
            return Ok(Decimal::from_i128_scale(unscaled, scale));
        }
        Decimal::from_magnitude_le(negative, &magnitude_of_digits(digits), scale)
    }
}

/// An exponent: an optional sign and at least one digit, bounded well inside `i64` (anything
/// larger cannot give an `i32` scale anyway).
fn parse_exponent(text: &[u8]) -> Result<i64, DecimalError> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(DecimalError::new("an exponent without digits"));
    }
    let mut value = 0i64;
    for d in digits {
        value = value * 10 + i64::from(d - b'0');
        if value > i64::from(u32::MAX) * 2 {
            return Err(DecimalError::new("scale outside the i32 range"));
        }
    }
    Ok(if negative { -value } else { value })
}

macro_rules! from_integer {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Decimal {
            /// The integer with scale 0.
            fn from(value: $ty) -> Decimal {
                Decimal::from_i128_scale(i128::from(value), 0)
            }
        }
    )*};
}

from_integer!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

impl From<u128> for Decimal {
    /// The integer with scale 0.
    fn from(value: u128) -> Decimal {
        match i128::try_from(value) {
            Ok(small) => Decimal::from_i128_scale(small, 0),
            Err(_) => Decimal {
                unscaled: Unscaled::Big {
                    negative: false,
                    magnitude: value.to_le_bytes().into(),
                },
                scale: 0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Decimal {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn text_round_trips() {
        for text in [
            "0",
            "0.00",
            "0E+3",
            "1.5",
            "-1.5",
            "-123.456",
            "0.001",
            "-0.5",
            "1E+5",
            "1.2E+4",
            "-1.23E+10",
            "1E-7",
            "1.5E-7",
            "0E-10",
            "0.000001",
            "0.0000012",
            "170141183460469231731687303715884105727",
            "-170141183460469231731687303715884105728",
            "170141183460469231731687303715884105728",
            "-170141183460469231731687303715884105729",
            "340282366920938463463374607431768211456",
            "123456789012345678901234567890123456789012345678901234567890.123456789",
        ] {
            assert_eq!(parse(text).to_string(), text);
        }
        assert_eq!(parse("-0").to_string(), "0");
        assert_eq!(parse("+.5").to_string(), "0.5");
        assert_eq!(parse("5.").to_string(), "5");
        assert_eq!(parse("1.5e3").to_string(), "1.5E+3");
        assert_eq!(parse("12E+3").to_string(), "1.2E+4");
        assert_eq!(parse("0.0000001").to_string(), "1E-7");
        assert_eq!(parse("1500e-3").to_string(), "1.500");
        assert_eq!(parse("1e-3"), Decimal::from_i128_scale(1, 3));
        assert_eq!(parse("007.0"), Decimal::from_i128_scale(70, 1));
    }

    #[test]
    fn the_i128_boundary_picks_one_representation() {
        let max = parse("170141183460469231731687303715884105727");
        assert_eq!(max.to_i128(), Some(i128::MAX));
        let min = parse("-170141183460469231731687303715884105728");
        assert_eq!(min.to_i128(), Some(i128::MIN));
        assert_eq!(min.magnitude_le().as_ref(), (1u128 << 127).to_le_bytes());
        let above = parse("170141183460469231731687303715884105728");
        assert_eq!(above.to_i128(), None);
        assert_eq!(above, Decimal::from(1u128 << 127));
        assert_eq!(
            Decimal::from_magnitude_le(false, &(1u128 << 127).to_le_bytes(), 0).unwrap(),
            above
        );
        assert_eq!(
            Decimal::from_magnitude_le(true, &(1u128 << 127).to_le_bytes(), 0).unwrap(),
            min
        );
        assert_eq!(Decimal::from(u128::MAX).to_string(), u128::MAX.to_string());
        assert!(Decimal::from_magnitude_le(true, &[0, 0], 0)
            .unwrap()
            .is_zero());
    }

    #[test]
    fn digits_and_bytes_agree_on_large_magnitudes() {
        // 2^(8k) - 1 for a few k, compared with the digits from repeated doubling.
        for len in [17usize, 64, 300] {
            let bytes = vec![0xff; len];
            let from_bytes = Decimal::from_magnitude_le(false, &bytes, 0).unwrap();
            let mut digits = vec![1u8]; // little-endian decimal digits of 2^(8 len)
            for _ in 0..len * 8 {
                let mut carry = 0;
                for d in digits.iter_mut() {
                    let v = *d * 2 + carry;
                    *d = v % 10;
                    carry = v / 10;
                }
                if carry > 0 {
                    digits.push(carry);
                }
            }
            digits[0] -= 1; // 2^n ends in 2, 4, 6 or 8, so no borrow
            let text: String = digits.iter().rev().map(|d| char::from(b'0' + d)).collect();
            assert_eq!(from_bytes.to_string(), text);
            assert_eq!(parse(&text), from_bytes);
        }
    }

    #[test]
    fn limits_and_bad_text() {
        let largest = Decimal::from_magnitude_le(false, &[0xff; MAX_MAGNITUDE_BYTES], 0).unwrap();
        let text = largest.to_string();
        assert_eq!(text.len(), MAX_DIGITS);
        assert_eq!(parse(&text), largest);
        assert!(Decimal::from_magnitude_le(false, &[1; MAX_MAGNITUDE_BYTES + 1], 0).is_err());
        // 24,083 digits, but above 2^80000.
        assert!(format!("9{}", &text[1..]).parse::<Decimal>().is_err());
        assert!(format!("1{text}").parse::<Decimal>().is_err());
        assert_eq!(parse(&format!("000{text}")), largest);

        assert_eq!(parse("1E-2147483647").scale(), i32::MAX);
        assert_eq!(parse("1E+2147483648").scale(), i32::MIN);
        assert_eq!(parse("1E-2147483647").to_string(), "1E-2147483647");
        assert_eq!(parse("-1E+2147483648").to_string(), "-1E+2147483648");
        for bad in [
            "",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            " 1",
            "1 ",
            "NaN",
            "inf",
            "1_000",
            "--1",
            "1E2147483648x",
            "1E-2147483648",
            "1E-2147483648.5",
            "0.5E-2147483648",
            "1E99999999999999999999",
            "١",
        ] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
        assert!("1E+2147483649".parse::<Decimal>().is_err());
    }
}
