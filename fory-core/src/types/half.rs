//! What [`Float16`](super::Float16) and [`BFloat16`](super::BFloat16) share: both are a sign bit,
//! an exponent and a fraction in 16 bits, so bit access, classification, the total order,
//! comparisons and formatting are the same code over a different exponent mask. Only the
//! conversions differ, and stay in each type's file.

/// Shifts `v` right by `s` bits (`1 <= s <= 63`), rounding to nearest, ties to even.
#[inline]
pub(super) const fn shr_round_even(v: u64, s: u32) -> u64 {
    let q = v >> s;
    let rem = v & ((1u64 << s) - 1);
    let half = 1u64 << (s - 1);
    if rem > half || (rem == half && q & 1 == 1) {
        q + 1
    } else {
        q
    }
}

/// The items shared by the 16-bit float types `$ty`, whose exponent bits are `$exp_mask`. The
/// type must provide `to_f32` itself.
macro_rules! half_float_common {
    ($ty:ident, $exp_mask:expr) => {
        impl $ty {
            /// The value with the given bit pattern.
            #[inline]
            pub const fn from_bits(bits: u16) -> Self {
                $ty(bits)
            }

            /// The bit pattern of this value.
            #[inline]
            pub const fn to_bits(self) -> u16 {
                self.0
            }

            /// The exact `f64` with this value.
            #[inline]
            pub fn to_f64(self) -> f64 {
                self.to_f32() as f64
            }

            /// Whether this is a NaN.
            #[inline]
            pub const fn is_nan(self) -> bool {
                self.0 & 0x7FFF > $exp_mask
            }

            /// Whether this is positive or negative infinity.
            #[inline]
            pub const fn is_infinite(self) -> bool {
                self.0 & 0x7FFF == $exp_mask
            }

            /// Whether this is neither infinite nor NaN.
            #[inline]
            pub const fn is_finite(self) -> bool {
                self.0 & $exp_mask != $exp_mask
            }

            /// Whether the sign bit is set (also for `-0.0` and NaNs with the sign bit set).
            #[inline]
            pub const fn is_sign_negative(self) -> bool {
                self.0 & 0x8000 != 0
            }

            /// Whether the sign bit is clear (also for `+0.0` and NaNs without the sign bit).
            #[inline]
            pub const fn is_sign_positive(self) -> bool {
                !self.is_sign_negative()
            }

            /// The IEEE 754 `totalOrder` relation, like [`f32::total_cmp`]: `-NaN < -Inf < ... <
            /// -0 < +0 < ... < +Inf < +NaN`, NaNs ordered by payload.
            #[inline]
            pub fn total_cmp(&self, other: &Self) -> core::cmp::Ordering {
                // Flip the magnitude bits of negative values so that signed integer order is the
                // total order.
                let key = |b: u16| {
                    let b = b as i16;
                    b ^ ((((b >> 15) as u16) >> 1) as i16)
                };
                key(self.0).cmp(&key(other.0))
            }
        }

        impl PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                if self.is_nan() || other.is_nan() {
                    return false;
                }
                self.0 == other.0 || (self.0 | other.0) & 0x7FFF == 0
            }
        }

        impl PartialOrd for $ty {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                self.to_f32().partial_cmp(&other.to_f32())
            }
        }

        impl From<$ty> for f32 {
            #[inline]
            fn from(value: $ty) -> f32 {
                value.to_f32()
            }
        }

        impl From<$ty> for f64 {
            #[inline]
            fn from(value: $ty) -> f64 {
                value.to_f64()
            }
        }

        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Debug::fmt(&self.to_f32(), f)
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(&self.to_f32(), f)
            }
        }
    };
}

pub(super) use half_float_common;
