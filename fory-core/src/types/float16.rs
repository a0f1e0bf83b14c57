//! IEEE 754 binary16 ("half precision"), the value type of the `FLOAT16` wire type.
//!
//! Conversions are done with integer operations on the bit patterns, so they give the same answer
//! on every platform and never depend on the floating-point environment.

use super::half::{half_float_common, shr_round_even};

/// An IEEE 754 binary16 value: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
///
/// It is stored as its bit pattern, which is also what goes on the wire (2 bytes, little-endian).
/// Narrowing from `f32`/`f64` rounds to nearest, ties to even; widening to `f32`/`f64` is exact.
/// Equality and ordering follow IEEE 754 (`NaN != NaN`, `-0 == +0`); [`Float16::total_cmp`] gives
/// a total order.
///
/// ```
/// use fory_core::types::Float16;
///
/// let x = Float16::from_f32(1.5);
/// assert_eq!(x.to_bits(), 0x3E00);
/// assert_eq!(x.to_f32(), 1.5);
/// // 0.1 is not representable; it rounds to the nearest binary16 value.
/// assert_eq!(Float16::from_f32(0.1).to_f32(), 0.099975586);
/// // Anything from 65520 upwards overflows to infinity.
/// assert_eq!(Float16::from_f32(65520.0), Float16::INFINITY);
/// assert_eq!(Float16::from_f32(65519.99), Float16::MAX);
/// ```
#[derive(Clone, Copy, Default)]
#[repr(transparent)]
pub struct Float16(u16);

const SIGN: u16 = 0x8000;
const EXP_MASK: u16 = 0x7C00;
const FRAC_MASK: u16 = 0x03FF;
const QUIET: u16 = 0x0200;

impl Float16 {
    /// `+0.0`.
    pub const ZERO: Float16 = Float16(0x0000);
    /// `-0.0`.
    pub const NEG_ZERO: Float16 = Float16(0x8000);
    /// `1.0`.
    pub const ONE: Float16 = Float16(0x3C00);
    /// Positive infinity.
    pub const INFINITY: Float16 = Float16(0x7C00);
    /// Negative infinity.
    pub const NEG_INFINITY: Float16 = Float16(0xFC00);
    /// The canonical quiet NaN (`0x7E00`).
    pub const NAN: Float16 = Float16(0x7E00);
    /// The smallest positive normal value, 2^-14 ≈ 6.1035e-5.
    pub const MIN_POSITIVE: Float16 = Float16(0x0400);
    /// The smallest positive subnormal value, 2^-24 ≈ 5.9605e-8.
    pub const MIN_POSITIVE_SUBNORMAL: Float16 = Float16(0x0001);
    /// The largest finite value, 65504.
    pub const MAX: Float16 = Float16(0x7BFF);
    /// The smallest (most negative) finite value, -65504.
    pub const MIN: Float16 = Float16(0xFBFF);
    /// The difference between 1.0 and the next larger value, 2^-10.
    pub const EPSILON: Float16 = Float16(0x1400);

    /// Rounds an `f32` to the nearest binary16 value, ties to even.
    ///
    /// Magnitudes from 65520 upwards become infinity; magnitudes up to 2^-25 (inclusive, a tie
    /// that goes to the even zero) become a zero of the same sign. A NaN stays a NaN with the same
    /// sign; it is made quiet and keeps the top 9 bits of its payload.
    pub fn from_f32(value: f32) -> Self {
        let x = value.to_bits();
        let sign = ((x >> 16) as u16) & SIGN;
        let abs = x & 0x7FFF_FFFF;
        if abs >= 0x7F80_0000 {
            if abs == 0x7F80_0000 {
                return Float16(sign | EXP_MASK);
            }
            return Float16(sign | EXP_MASK | QUIET | ((abs >> 13) as u16 & FRAC_MASK));
        }
        // 65520.0 = 0x477F_F000: the midpoint between MAX and 2^16, which rounds to even (Inf).
        if abs >= 0x477F_F000 {
            return Float16(sign | EXP_MASK);
        }
        // 2^-14 (MIN_POSITIVE) and up: a normal result. Rebias the exponent (127 -> 15) and drop
        // 13 fraction bits; a carry out of the fraction correctly bumps the exponent.
        if abs >= 0x3880_0000 {
            let rebased = (abs - (112 << 23)) as u64;
            return Float16(sign | shr_round_even(rebased, 13) as u16);
        }
        // 2^-25 = 0x3300_0000 and below round to zero.
        if abs <= 0x3300_0000 {
            return Float16(sign);
        }
        // A subnormal result, in units of 2^-24. The input is normal here (exponent 102..=112):
        // value = (2^23 + frac) * 2^(exp - 150) = (2^23 + frac) * 2^(exp - 126) units.
        let exp = abs >> 23;
        let significand = ((abs & 0x007F_FFFF) | 0x0080_0000) as u64;
        Float16(sign | shr_round_even(significand, 126 - exp) as u16)
    }

    /// Rounds an `f64` to the nearest binary16 value, ties to even, in a single rounding step.
    ///
    /// This is not the same as `Float16::from_f32(value as f32)`: going through `f32` rounds
    /// twice and can give a different answer when the `f32` rounding lands exactly on a binary16
    /// midpoint. Overflow, underflow and NaN are handled as in [`Float16::from_f32`].
    pub fn from_f64(value: f64) -> Self {
        let x = value.to_bits();
        let sign = ((x >> 48) as u16) & SIGN;
        let abs = x & 0x7FFF_FFFF_FFFF_FFFF;
        if abs >= 0x7FF0_0000_0000_0000 {
            if abs == 0x7FF0_0000_0000_0000 {
                return Float16(sign | EXP_MASK);
            }
            return Float16(sign | EXP_MASK | QUIET | ((abs >> 42) as u16 & FRAC_MASK));
        }
        // 65520.0
        if abs >= 0x40EF_FE00_0000_0000 {
            return Float16(sign | EXP_MASK);
        }
        // 2^-14: rebias the exponent (1023 -> 15) and drop 42 fraction bits.
        if abs >= 0x3F10_0000_0000_0000 {
            let rebased = abs - (1008 << 52);
            return Float16(sign | shr_round_even(rebased, 42) as u16);
        }
        // 2^-25
        if abs <= 0x3E60_0000_0000_0000 {
            return Float16(sign);
        }
        // Subnormal result; the input exponent is 998..=1008.
        let exp = (abs >> 52) as u32;
        let significand = (abs & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000;
        Float16(sign | shr_round_even(significand, 1051 - exp) as u16)
    }

    /// The exact `f32` with this value. NaNs keep their sign and payload.
    pub fn to_f32(self) -> f32 {
        let sign = ((self.0 & SIGN) as u32) << 16;
        let exp = (self.0 & EXP_MASK) >> 10;
        let frac = (self.0 & FRAC_MASK) as u32;
        let bits = match exp {
            0x1F => 0x7F80_0000 | (frac << 13),
            0 if frac == 0 => 0,
            0 => {
                // frac * 2^-24 with its highest set bit at position p: normalise so that bit
                // becomes the implicit one. The f32 exponent is (p - 24) + 127.
                let p = 31 - frac.leading_zeros();
                ((p + 103) << 23) | ((frac << (23 - p)) & 0x007F_FFFF)
            }
            _ => ((exp as u32 + 112) << 23) | (frac << 13),
        };
        f32::from_bits(sign | bits)
    }
}

half_float_common!(Float16, EXP_MASK);

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact value of the finite binary16 pattern `bits` (sign ignored), decoded from the
    /// definition. The pattern 0x7C00 decodes to 2^16, the value the next step above MAX would
    /// have with an unbounded exponent; the oracle uses it as the upper neighbour of MAX.
    fn value_of(bits: u16) -> f64 {
        let e = ((bits >> 10) & 0x1F) as i32;
        let m = (bits & 0x3FF) as f64;
        if e == 0 {
            m * 2f64.powi(-24)
        } else {
            (1024.0 + m) * 2f64.powi(e - 25)
        }
    }

    /// Round-to-nearest-even by search over `t` (from [`table`]): find the neighbours
    /// `lo <= x < hi` among the binary16 values and compare `2x` with `lo + hi`. Both sides are
    /// exact in f64: `x` is an f32 or f64, and `lo + hi = (2k + 1) * ulp` has at most 12
    /// significant bits.
    fn oracle(t: &[f64], x: f64) -> u16 {
        let sign = if x.is_sign_negative() { 0x8000 } else { 0 };
        let a = x.abs();
        if a >= t[0x7C00] {
            // At or beyond 2^16 even an unbounded exponent could not round back below it.
            return sign | 0x7C00;
        }
        let (mut lo, mut hi) = (0u16, 0x7C00u16);
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
        (0..=0x7C00).map(value_of).collect()
    }

    fn check_f32(t: &[f64], x: f32) {
        let got = Float16::from_f32(x);
        if x.is_nan() {
            let b = x.to_bits();
            assert!(got.is_nan(), "{b:#010x}");
            assert_eq!(got.is_sign_negative(), x.is_sign_negative(), "{b:#010x}");
            assert_eq!(got.0 & QUIET, QUIET, "{b:#010x}");
            assert_eq!(got.0 & 0x1FF, ((b >> 13) & 0x1FF) as u16, "{b:#010x}");
        } else {
            let want = oracle(t, x as f64);
            assert_eq!(got.0, want, "from_f32({x:e}) bits {:#010x}", x.to_bits());
        }
    }

    fn check_f64(t: &[f64], x: f64) {
        let got = Float16::from_f64(x);
        if x.is_nan() {
            let b = x.to_bits();
            assert!(got.is_nan(), "{b:#018x}");
            assert_eq!(got.is_sign_negative(), x.is_sign_negative(), "{b:#018x}");
            assert_eq!(got.0 & QUIET, QUIET, "{b:#018x}");
            assert_eq!(got.0 & 0x1FF, ((b >> 42) & 0x1FF) as u16, "{b:#018x}");
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
            let h = Float16(bits);
            let f = h.to_f32();
            let neg = bits & 0x8000 != 0;
            assert_eq!(f.is_sign_negative(), neg, "{bits:#06x}");
            match bits & 0x7FFF {
                0x7C00 => assert!(f.is_infinite()),
                m if m > 0x7C00 => {
                    assert!(f.is_nan());
                    assert_eq!(f.to_bits() & 0x007F_FFFF, ((bits & 0x3FF) as u32) << 13);
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
            let h = Float16(bits);
            let back = Float16::from_f32(h.to_f32());
            let back64 = Float16::from_f64(h.to_f64());
            if h.is_nan() {
                assert!(back.is_nan() && back64.is_nan(), "{bits:#06x}");
                // Quiet NaNs come back bit for bit; signalling ones come back quietened.
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
        // Each finite value and each midpoint between neighbours (MAX's upper neighbour being
        // 2^16), both signs, with the f32 values up to 2 ulps either side.
        for bits in 0..0x7C00u16 {
            let v = value_of(bits);
            let mid = (v + value_of(bits + 1)) / 2.0;
            for centre in [v as f32, mid as f32] {
                assert!(centre as f64 == v || centre as f64 == mid);
                let c = centre.to_bits();
                for d in [-2i32, -1, 0, 1, 2] {
                    let b = c.wrapping_add_signed(d);
                    if b & 0x8000_0000 != 0 {
                        continue; // below +0
                    }
                    check_f32(&t, f32::from_bits(b));
                    check_f32(&t, -f32::from_bits(b));
                }
            }
            let (v64, mid64) = (v.to_bits(), mid.to_bits());
            for c in [v64, mid64] {
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
        let cases: &[(f32, u16)] = &[
            (0.0, 0x0000),
            (-0.0, 0x8000),
            (1.0, 0x3C00),
            (65504.0, 0x7BFF),
            (65519.99, 0x7BFF),
            (65520.0, 0x7C00),
            (-65520.0, 0xFC00),
            (1.0e6, 0x7C00),
            (f32::MAX, 0x7C00),
            (f32::INFINITY, 0x7C00),
            (f32::NEG_INFINITY, 0xFC00),
            // 2^-24 and the largest subnormal.
            (5.960_464_5e-8, 0x0001),
            (6.097_555e-5, 0x03FF),
            // 2^-25 is a tie between 0 and 2^-24: to even, zero. Just above it: 2^-24.
            (2.980_232_2e-8, 0x0000),
            (2.980_232_6e-8, 0x0001),
            (-2.980_232_2e-8, 0x8000),
            // 3 * 2^-25 is a tie between 2^-24 and 2^-23: to even, 2^-23.
            (8.940_697e-8, 0x0002),
            // 5 * 2^-25: tie between 2 and 3 units, to even 2.
            (1.490_116_1e-7, 0x0002),
            (1.0e-8, 0x0000),
            (f32::MIN_POSITIVE, 0x0000),
            (1.0e-45, 0x0000),
            // 1 + 2^-11 ties to 1.0; 1 + 3 * 2^-11 ties to 1 + 2^-9.
            (1.000_488_3, 0x3C00),
            (1.001_464_8, 0x3C02),
            // 1 - 2^-12, the midpoint just below 1.0, ties up into the next binade (even).
            (0.999_755_86, 0x3C00),
            (0.1, 0x2E66),
            (1.0 / 3.0, 0x3555),
        ];
        for &(x, bits) in cases {
            assert_eq!(Float16::from_f32(x).0, bits, "{x:e}");
            assert_eq!(Float16::from_f64(x as f64).0, bits, "{x:e}");
        }
        assert_eq!(Float16::from_f32(f32::NAN).0, 0x7E00);
        assert_eq!(Float16::from_f32(-f32::NAN).0, 0xFE00);
        assert_eq!(Float16::from_f64(f64::NAN).0, 0x7E00);
        // A signalling f32 NaN with only low payload bits comes out quiet.
        assert_eq!(Float16::from_f32(f32::from_bits(0x7F80_0001)).0, 0x7E00);
        assert_eq!(Float16::from_f32(f32::from_bits(0xFFBF_E000)).0, 0xFFFF);
    }

    #[test]
    fn from_f64_rounds_once() {
        // 1 + 2^-11 + 2^-40 is just above the midpoint of 1 and 1 + 2^-10, so it rounds up.
        // Through f32 it first becomes the midpoint itself, which then ties to 1.0.
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(Float16::from_f64(x).0, 0x3C01);
        assert_eq!(Float16::from_f32(x as f32).0, 0x3C00);
        // The same below the smallest subnormal: 2^-25 (1 + 2^-30) is nearer 2^-24 than 0.
        let y = 2f64.powi(-25) * (1.0 + 2f64.powi(-30));
        assert_eq!(Float16::from_f64(y).0, 0x0001);
        assert_eq!(Float16::from_f32(y as f32).0, 0x0000);
        assert_eq!(Float16::from_f64(65_519.999_999_999).0, 0x7BFF);
        assert_eq!(Float16::from_f64(f64::MAX).0, 0x7C00);
        assert_eq!(Float16::from_f64(f64::from_bits(1)).0, 0x0000);
    }

    #[test]
    fn random_sweep_against_oracle() {
        let t = table();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for i in 0..1_500_000u32 {
            let r = rng.step();
            let mut b = r as u32;
            if i & 1 == 0 {
                // Half of them with an exponent where binary16 rounding is interesting
                // (2^-27 .. 2^17).
                let e = 100 + ((r >> 32) as u32 % 45);
                b = (b & 0x807F_FFFF) | (e << 23);
            }
            check_f32(&t, f32::from_bits(b));
        }
        for i in 0..500_000u32 {
            let r = rng.step();
            let mut b = rng.step();
            if i & 1 == 0 {
                let e = 997 + (r % 45);
                b = (b & 0x800F_FFFF_FFFF_FFFF) | (e << 52);
            }
            check_f64(&t, f64::from_bits(b));
        }
    }

    #[test]
    fn predicates_and_constants() {
        assert!(Float16::NAN.is_nan() && !Float16::NAN.is_finite());
        assert!(Float16::INFINITY.is_infinite() && Float16::NEG_INFINITY.is_infinite());
        assert!(!Float16::MAX.is_infinite() && Float16::MAX.is_finite());
        assert!(Float16::NEG_ZERO.is_sign_negative() && Float16::ZERO.is_sign_positive());
        assert_eq!(Float16::ZERO.to_f32(), 0.0);
        assert_eq!(Float16::ONE.to_f32(), 1.0);
        assert_eq!(Float16::MAX.to_f32(), 65504.0);
        assert_eq!(Float16::MIN.to_f32(), -65504.0);
        assert_eq!(Float16::MIN_POSITIVE.to_f32(), 2f32.powi(-14));
        assert_eq!(Float16::MIN_POSITIVE_SUBNORMAL.to_f32(), 2f32.powi(-24));
        assert_eq!(Float16::EPSILON.to_f32(), 2f32.powi(-10));
        assert_eq!(Float16::INFINITY.to_f32(), f32::INFINITY);
        assert_eq!(Float16::NEG_INFINITY.to_f32(), f32::NEG_INFINITY);
        assert_eq!(Float16::default().to_bits(), 0);
        assert_eq!(f32::from(Float16::ONE), 1.0);
        assert_eq!(f64::from(Float16::MAX), 65504.0);
        let mut nans = 0;
        let mut infs = 0;
        for bits in 0..=u16::MAX {
            let h = Float16(bits);
            let f = h.to_f32();
            assert_eq!(h.is_nan(), f.is_nan());
            assert_eq!(h.is_infinite(), f.is_infinite());
            assert_eq!(h.is_finite(), f.is_finite());
            assert_eq!(h.is_sign_negative(), f.is_sign_negative());
            nans += h.is_nan() as u32;
            infs += h.is_infinite() as u32;
        }
        assert_eq!((nans, infs), (2046, 2));
    }

    #[test]
    fn comparisons_follow_ieee() {
        assert_ne!(Float16::NAN, Float16::NAN);
        assert_eq!(Float16::ZERO, Float16::NEG_ZERO);
        assert!(Float16::NAN.partial_cmp(&Float16::ONE).is_none());
        assert!(Float16::ONE < Float16::from_f32(2.0));
        assert!(Float16::NEG_INFINITY < Float16::MIN);
        // Against f32 semantics on a grid of patterns (every pattern against a stride of others).
        for a in (0..=u16::MAX).step_by(7) {
            for b in (0..=u16::MAX).step_by(1031) {
                let (x, y) = (Float16(a), Float16(b));
                let (fx, fy) = (x.to_f32(), y.to_f32());
                assert_eq!(x == y, fx == fy, "{a:#06x} {b:#06x}");
                assert_eq!(x.partial_cmp(&y), fx.partial_cmp(&fy), "{a:#06x} {b:#06x}");
                assert_eq!(x.total_cmp(&y), fx.total_cmp(&fy), "{a:#06x} {b:#06x}");
            }
        }
        let mut all: Vec<Float16> = (0..=u16::MAX).map(Float16).collect();
        all.sort_by(Float16::total_cmp);
        assert_eq!(all[0].0, 0xFFFF);
        assert_eq!(all[u16::MAX as usize].0, 0x7FFF);
        for w in all.windows(2) {
            assert!(w[0].to_f32().total_cmp(&w[1].to_f32()).is_lt());
        }
    }

    #[test]
    fn formatting_uses_the_f32_value() {
        assert_eq!(format!("{}", Float16::ONE), "1");
        assert_eq!(format!("{:?}", Float16::ONE), "1.0");
        assert_eq!(format!("{}", Float16::from_f32(0.1)), "0.099975586");
        assert_eq!(format!("{:?}", Float16::NAN), "NaN");
        assert_eq!(format!("{}", Float16::NEG_INFINITY), "-inf");
        assert_eq!(format!("{:.2}", Float16::from_f32(1.5)), "1.50");
    }
}
