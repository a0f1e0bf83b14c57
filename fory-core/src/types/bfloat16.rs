//! bfloat16 ("brain floating point"), the value type of the `BFLOAT16` wire type.
//!
//! A bfloat16 is the top half of an IEEE 754 binary32: same sign and 8-bit exponent, 7 fraction
//! bits. Conversions are integer operations on the bit patterns.

use super::half::{half_float_common, shr_round_even};

/// A bfloat16 value: 1 sign bit, 8 exponent bits (bias 127), 7 fraction bits.
///
/// It is stored as its bit pattern, which is also what goes on the wire (2 bytes, little-endian).
/// It has the range of `f32` with about 3 significant decimal digits. Narrowing from `f32`/`f64`
/// rounds to nearest, ties to even; widening to `f32`/`f64` is exact. Equality and ordering
/// follow IEEE 754 (`NaN != NaN`, `-0 == +0`); [`BFloat16::total_cmp`] gives a total order.
///
/// ```
/// use fory_core::types::BFloat16;
///
/// let x = BFloat16::from_f32(1.5);
/// assert_eq!(x.to_bits(), 0x3FC0);
/// assert_eq!(x.to_f32(), 1.5);
/// // 0.1 keeps only 8 significant bits.
/// assert_eq!(BFloat16::from_f32(0.1).to_f32(), 0.100097656);
/// // The largest f32 is beyond the largest bfloat16 (about 3.39e38) and rounds to infinity.
/// assert_eq!(BFloat16::from_f32(f32::MAX), BFloat16::INFINITY);
/// ```
#[derive(Clone, Copy, Default)]
#[repr(transparent)]
pub struct BFloat16(u16);

const SIGN: u16 = 0x8000;
const EXP_MASK: u16 = 0x7F80;
const FRAC_MASK: u16 = 0x007F;
const QUIET: u16 = 0x0040;

impl BFloat16 {
    /// `+0.0`.
    pub const ZERO: BFloat16 = BFloat16(0x0000);
    /// `-0.0`.
    pub const NEG_ZERO: BFloat16 = BFloat16(0x8000);
    /// `1.0`.
    pub const ONE: BFloat16 = BFloat16(0x3F80);
    /// Positive infinity.
    pub const INFINITY: BFloat16 = BFloat16(0x7F80);
    /// Negative infinity.
    pub const NEG_INFINITY: BFloat16 = BFloat16(0xFF80);
    /// The canonical quiet NaN (`0x7FC0`).
    pub const NAN: BFloat16 = BFloat16(0x7FC0);
    /// The smallest positive normal value, 2^-126 ≈ 1.1755e-38 (the same as `f32`'s).
    pub const MIN_POSITIVE: BFloat16 = BFloat16(0x0080);
    /// The smallest positive subnormal value, 2^-133 ≈ 9.1835e-41.
    pub const MIN_POSITIVE_SUBNORMAL: BFloat16 = BFloat16(0x0001);
    /// The largest finite value, (2 - 2^-7) * 2^127 ≈ 3.3895e38.
    pub const MAX: BFloat16 = BFloat16(0x7F7F);
    /// The smallest (most negative) finite value, ≈ -3.3895e38.
    pub const MIN: BFloat16 = BFloat16(0xFF7F);
    /// The difference between 1.0 and the next larger value, 2^-7.
    pub const EPSILON: BFloat16 = BFloat16(0x3C00);

    /// Rounds an `f32` to the nearest bfloat16 value, ties to even.
    ///
    /// Magnitudes from (2 - 2^-8) * 2^127 upwards become infinity; magnitudes up to 2^-134
    /// (inclusive, a tie that goes to the even zero) become a zero of the same sign. A NaN stays
    /// a NaN with the same sign; it is made quiet and keeps the top 6 bits of its payload.
    pub fn from_f32(value: f32) -> Self {
        let x = value.to_bits();
        if x & 0x7FFF_FFFF > 0x7F80_0000 {
            return BFloat16((x >> 16) as u16 | QUIET);
        }
        // Drop the low 16 bits, rounding to even. This cannot overflow 32 bits (the largest
        // non-NaN pattern is -Inf, 0xFF80_0000), and a carry moves into the exponent, up to
        // infinity at the top.
        let round = 0x7FFF + ((x >> 16) & 1);
        BFloat16(((x + round) >> 16) as u16)
    }

    /// Rounds an `f64` to the nearest bfloat16 value, ties to even, in a single rounding step.
    ///
    /// This is not the same as `BFloat16::from_f32(value as f32)`: going through `f32` rounds
    /// twice and can give a different answer when the `f32` rounding lands exactly on a bfloat16
    /// midpoint. Overflow, underflow and NaN are handled as in [`BFloat16::from_f32`].
    pub fn from_f64(value: f64) -> Self {
        let x = value.to_bits();
        let sign = ((x >> 48) as u16) & SIGN;
        let abs = x & 0x7FFF_FFFF_FFFF_FFFF;
        if abs >= 0x7FF0_0000_0000_0000 {
            if abs == 0x7FF0_0000_0000_0000 {
                return BFloat16(sign | EXP_MASK);
            }
            return BFloat16(sign | EXP_MASK | QUIET | ((abs >> 45) as u16 & FRAC_MASK));
        }
        // (2 - 2^-8) * 2^127, the midpoint between MAX and 2^128, rounds to even (Inf).
        if abs >= 0x47EF_F000_0000_0000 {
            return BFloat16(sign | EXP_MASK);
        }
        // 2^-126 and up: rebias the exponent (1023 -> 127) and drop 45 fraction bits.
        if abs >= 0x3810_0000_0000_0000 {
            let rebased = abs - (896 << 52);
            return BFloat16(sign | shr_round_even(rebased, 45) as u16);
        }
        // 2^-134
        if abs <= 0x3790_0000_0000_0000 {
            return BFloat16(sign);
        }
        // Subnormal result in units of 2^-133; the input exponent is 889..=896.
        let exp = (abs >> 52) as u32;
        let significand = (abs & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000;
        BFloat16(sign | shr_round_even(significand, 942 - exp) as u16)
    }

    /// The exact `f32` with this value (the bits shifted into the top half). NaNs keep their
    /// sign and payload.
    #[inline]
    pub fn to_f32(self) -> f32 {
        f32::from_bits((self.0 as u32) << 16)
    }
}

half_float_common!(BFloat16, EXP_MASK);

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact value of the finite bfloat16 pattern `bits` (sign ignored), decoded from the
    /// definition. The pattern 0x7F80 decodes to 2^128, the value the next step above MAX would
    /// have with an unbounded exponent; the oracle uses it as the upper neighbour of MAX.
    fn value_of(bits: u16) -> f64 {
        let e = ((bits >> 7) & 0xFF) as i32;
        let m = (bits & 0x7F) as f64;
        if e == 0 {
            m * 2f64.powi(-133)
        } else {
            (128.0 + m) * 2f64.powi(e - 134)
        }
    }

    /// Round-to-nearest-even by search over `t` (from [`table`]): find the neighbours
    /// `lo <= x < hi` among the bfloat16 values and compare `2x` with `lo + hi`. Both sides are
    /// exact in f64: `x` is an f32 or f64 below 2^128, and `lo + hi = (2k + 1) * ulp` has at
    /// most 10 significant bits.
    fn oracle(t: &[f64], x: f64) -> u16 {
        let sign = if x.is_sign_negative() { 0x8000 } else { 0 };
        let a = x.abs();
        if a >= t[0x7F80] {
            return sign | 0x7F80;
        }
        let (mut lo, mut hi) = (0u16, 0x7F80u16);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if t[mid as usize] <= a {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let twice = 2.0 * a;
        let sum = t[lo as usize] + t[hi as usize];
        let r = if twice < sum {
            lo
        } else if twice > sum {
            hi
        } else if lo & 1 == 0 {
            lo
        } else {
            hi
        };
        sign | r
    }

    /// `value_of` for every pattern up to the virtual upper neighbour of MAX.
    fn table() -> Vec<f64> {
        (0..=0x7F80).map(value_of).collect()
    }

    fn check_f32(t: &[f64], x: f32) {
        let got = BFloat16::from_f32(x);
        if x.is_nan() {
            let b = x.to_bits();
            assert!(got.is_nan(), "{b:#010x}");
            assert_eq!(got.is_sign_negative(), x.is_sign_negative(), "{b:#010x}");
            assert_eq!(got.0 & QUIET, QUIET, "{b:#010x}");
            assert_eq!(got.0 & 0x3F, ((b >> 16) & 0x3F) as u16, "{b:#010x}");
        } else {
            let want = oracle(t, x as f64);
            assert_eq!(got.0, want, "from_f32({x:e}) bits {:#010x}", x.to_bits());
        }
    }

    fn check_f64(t: &[f64], x: f64) {
        let got = BFloat16::from_f64(x);
        if x.is_nan() {
            let b = x.to_bits();
            assert!(got.is_nan(), "{b:#018x}");
            assert_eq!(got.is_sign_negative(), x.is_sign_negative(), "{b:#018x}");
            assert_eq!(got.0 & QUIET, QUIET, "{b:#018x}");
            assert_eq!(got.0 & 0x3F, ((b >> 45) & 0x3F) as u16, "{b:#018x}");
        } else {
            assert_eq!(
                got.0,
                oracle(t, x),
                "from_f64({x:e}) bits {:#018x}",
                x.to_bits()
            );
        }
    }

    /// xorshift64*, enough for a reproducible sweep.
    struct Rng(u64);
    impl Rng {
        fn step(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn to_f32_is_exact_for_every_pattern() {
        for bits in 0..=u16::MAX {
            let h = BFloat16(bits);
            let f = h.to_f32();
            assert_eq!(f.is_sign_negative(), bits & 0x8000 != 0, "{bits:#06x}");
            match bits & 0x7FFF {
                0x7F80 => assert!(f.is_infinite()),
                m if m > 0x7F80 => {
                    assert!(f.is_nan());
                    assert_eq!(f.to_bits() & 0x007F_FFFF, ((bits & 0x7F) as u32) << 16);
                }
                m => assert_eq!(f.abs() as f64, value_of(m), "{bits:#06x}"),
            }
            if !h.is_nan() {
                assert_eq!(h.to_f64(), f as f64);
            }
        }
    }

    #[test]
    fn round_trip_every_pattern() {
        for bits in 0..=u16::MAX {
            let h = BFloat16(bits);
            let back = BFloat16::from_f32(h.to_f32());
            let back64 = BFloat16::from_f64(h.to_f64());
            if h.is_nan() {
                assert!(back.is_nan() && back64.is_nan(), "{bits:#06x}");
                assert_eq!(back.0, bits | QUIET, "{bits:#06x}");
                assert_eq!(back64.0, bits | QUIET, "{bits:#06x}");
            } else {
                assert_eq!(back.0, bits, "{bits:#06x}");
                assert_eq!(back64.0, bits, "{bits:#06x}");
            }
        }
    }

    #[test]
    fn every_boundary_against_oracle() {
        let t = table();
        for bits in 0..0x7F80u16 {
            let v = value_of(bits);
            let mid = (v + value_of(bits + 1)) / 2.0;
            for centre in [v as f32, mid as f32] {
                assert!(centre as f64 == v || centre as f64 == mid);
                let c = centre.to_bits();
                for d in [-2i32, -1, 0, 1, 2] {
                    let b = c.wrapping_add_signed(d);
                    if b & 0x8000_0000 != 0 {
                        continue;
                    }
                    check_f32(&t, f32::from_bits(b));
                    check_f32(&t, -f32::from_bits(b));
                }
            }
            for c in [v.to_bits(), mid.to_bits()] {
                for d in [-1i64, 0, 1] {
                    let b = c.wrapping_add_signed(d);
                    if b >> 63 == 0 {
                        check_f64(&t, f64::from_bits(b));
                        check_f64(&t, -f64::from_bits(b));
                    }
                }
            }
        }
    }

    #[test]
    fn named_edge_cases() {
        let max = BFloat16::MAX.to_f32();
        let cases: &[(f32, u16)] = &[
            (0.0, 0x0000),
            (-0.0, 0x8000),
            (1.0, 0x3F80),
            (-2.0, 0xC000),
            (0.1, 0x3DCD),
            (1.0 / 3.0, 0x3EAB),
            // 1 + 2^-8 ties to 1.0; 1 + 3 * 2^-8 ties to 1 + 2^-6.
            (f32::from_bits(0x3F80_8000), 0x3F80),
            (f32::from_bits(0x3F81_8000), 0x3F82),
            (f32::from_bits(0x3F80_8001), 0x3F81),
            (max, 0x7F7F),
            (3.39e38, 0x7F7F),
            (3.38e38, 0x7F7E),
            (3.4e38, 0x7F80),
            // Just below and at (2 - 2^-8) * 2^127.
            (f32::from_bits(0x7F7F_7FFF), 0x7F7F),
            (f32::from_bits(0x7F7F_8000), 0x7F80),
            (f32::MAX, 0x7F80),
            (-f32::MAX, 0xFF80),
            (f32::INFINITY, 0x7F80),
            (f32::NEG_INFINITY, 0xFF80),
            (f32::MIN_POSITIVE, 0x0080),
            (1.0e-40, 0x0001),
            // 2^-134 ties to 0; one f32 ulp more is nearer 2^-133.
            (f32::from_bits(0x0000_8000), 0x0000),
            (f32::from_bits(0x0000_8001), 0x0001),
            (f32::from_bits(0x0001_8000), 0x0002),
            (f32::from_bits(1), 0x0000),
            (-f32::from_bits(1), 0x8000),
        ];
        for &(x, bits) in cases {
            assert_eq!(BFloat16::from_f32(x).0, bits, "{x:e}");
            assert_eq!(BFloat16::from_f64(x as f64).0, bits, "{x:e}");
        }
        assert_eq!(BFloat16::from_f32(f32::NAN).0, 0x7FC0);
        assert_eq!(BFloat16::from_f32(-f32::NAN).0, 0xFFC0);
        assert_eq!(BFloat16::from_f64(f64::NAN).0, 0x7FC0);
        assert_eq!(BFloat16::from_f32(f32::from_bits(0x7F80_0001)).0, 0x7FC0);
        assert_eq!(BFloat16::from_f32(f32::from_bits(0xFFBF_0000)).0, 0xFFFF);
    }

    #[test]
    fn from_f64_rounds_once() {
        // 1 + 2^-8 + 2^-30 is just above the midpoint of 1 and 1 + 2^-7, so it rounds up.
        // Through f32 it first becomes the midpoint itself, which then ties to 1.0.
        let x = 1.0 + 2f64.powi(-8) + 2f64.powi(-30);
        assert_eq!(BFloat16::from_f64(x).0, 0x3F81);
        assert_eq!(BFloat16::from_f32(x as f32).0, 0x3F80);
        // Beyond the f32 range: still a finite-or-infinite decision made once.
        assert_eq!(BFloat16::from_f64(1e39).0, 0x7F80);
        assert_eq!(BFloat16::from_f64(f64::MAX).0, 0x7F80);
        assert_eq!(BFloat16::from_f64(1e-50).0, 0x0000);
        assert_eq!(BFloat16::from_f64(-1e-300).0, 0x8000);
        // 2^-134 (1 + 2^-40) is below f32's precision there but nearer 2^-133 than 0.
        let y = 2f64.powi(-134) * (1.0 + 2f64.powi(-40));
        assert_eq!(BFloat16::from_f64(y).0, 0x0001);
        assert_eq!(BFloat16::from_f32(y as f32).0, 0x0000);
    }

    #[test]
    fn random_sweep_against_oracle() {
        let t = table();
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        for _ in 0..1_500_000u32 {
            check_f32(&t, f32::from_bits(rng.step() as u32));
        }
        for i in 0..500_000u32 {
            let r = rng.step();
            let mut b = rng.step();
            if i & 1 == 0 {
                // Half of them within (about) the f32 exponent range.
                let e = 885 + (r % 270);
                b = (b & 0x800F_FFFF_FFFF_FFFF) | (e << 52);
            }
            check_f64(&t, f64::from_bits(b));
        }
    }

    #[test]
    fn predicates_and_constants() {
        assert!(BFloat16::NAN.is_nan() && !BFloat16::NAN.is_finite());
        assert!(BFloat16::INFINITY.is_infinite() && BFloat16::NEG_INFINITY.is_infinite());
        assert!(!BFloat16::MAX.is_infinite() && BFloat16::MAX.is_finite());
        assert!(BFloat16::NEG_ZERO.is_sign_negative() && BFloat16::ZERO.is_sign_positive());
        assert_eq!(BFloat16::ONE.to_f32(), 1.0);
        assert_eq!(
            BFloat16::MAX.to_f64(),
            (2.0 - 2f64.powi(-7)) * 2f64.powi(127)
        );
        assert_eq!(BFloat16::MIN.to_f32(), -BFloat16::MAX.to_f32());
        assert_eq!(BFloat16::MIN_POSITIVE.to_f32(), f32::MIN_POSITIVE);
        assert_eq!(BFloat16::MIN_POSITIVE_SUBNORMAL.to_f64(), 2f64.powi(-133));
        assert_eq!(BFloat16::EPSILON.to_f32(), 2f32.powi(-7));
        assert_eq!(BFloat16::INFINITY.to_f32(), f32::INFINITY);
        assert_eq!(BFloat16::NEG_INFINITY.to_f32(), f32::NEG_INFINITY);
        assert_eq!(BFloat16::default().to_bits(), 0);
        assert_eq!(f32::from(BFloat16::ONE), 1.0);
        assert_eq!(f64::from(BFloat16::ONE), 1.0);
        let mut nans = 0;
        let mut infs = 0;
        for bits in 0..=u16::MAX {
            let h = BFloat16(bits);
            let f = h.to_f32();
            assert_eq!(h.is_nan(), f.is_nan());
            assert_eq!(h.is_infinite(), f.is_infinite());
            assert_eq!(h.is_finite(), f.is_finite());
            assert_eq!(h.is_sign_negative(), f.is_sign_negative());
            nans += h.is_nan() as u32;
            infs += h.is_infinite() as u32;
        }
        assert_eq!((nans, infs), (254, 2));
    }

    #[test]
    fn comparisons_follow_ieee() {
        assert_ne!(BFloat16::NAN, BFloat16::NAN);
        assert_eq!(BFloat16::ZERO, BFloat16::NEG_ZERO);
        assert!(BFloat16::NAN.partial_cmp(&BFloat16::ONE).is_none());
        assert!(BFloat16::ONE < BFloat16::from_f32(2.0));
        assert!(BFloat16::NEG_INFINITY < BFloat16::MIN);
        for a in (0..=u16::MAX).step_by(7) {
            for b in (0..=u16::MAX).step_by(1031) {
                let (x, y) = (BFloat16(a), BFloat16(b));
                let (fx, fy) = (x.to_f32(), y.to_f32());
                assert_eq!(x == y, fx == fy, "{a:#06x} {b:#06x}");
                assert_eq!(x.partial_cmp(&y), fx.partial_cmp(&fy), "{a:#06x} {b:#06x}");
                assert_eq!(x.total_cmp(&y), fx.total_cmp(&fy), "{a:#06x} {b:#06x}");
            }
        }
        let mut all: Vec<BFloat16> = (0..=u16::MAX).map(BFloat16).collect();
        all.sort_by(BFloat16::total_cmp);
        assert_eq!(all[0].0, 0xFFFF);
        assert_eq!(all[u16::MAX as usize].0, 0x7FFF);
        for w in all.windows(2) {
            assert!(w[0].to_f32().total_cmp(&w[1].to_f32()).is_lt());
        }
    }

    #[test]
    fn formatting_uses_the_f32_value() {
        assert_eq!(format!("{}", BFloat16::ONE), "1");
        assert_eq!(format!("{:?}", BFloat16::ONE), "1.0");
        assert_eq!(format!("{}", BFloat16::from_f32(0.1)), "0.100097656");
        assert_eq!(format!("{:?}", BFloat16::NAN), "NaN");
        assert_eq!(format!("{}", BFloat16::NEG_INFINITY), "-inf");
        assert_eq!(format!("{:.3}", BFloat16::from_f32(1.5)), "1.500");
    }
}
