//! `usize`, `isize`, `u128` and `i128`: Rust integers without an xlang type of their own.
//!
//! | Rust | written as | `Vec<_>` / `[_; N]` written as |
//! | --- | --- | --- |
//! | `usize` | VAR_UINT64 (as `u64`) | UINT64_ARRAY |
//! | `isize` | VARINT64 (as `i64`) | INT64_ARRAY |
//! | `u128` | DECIMAL, scale 0 | LIST of DECIMAL |
//! | `i128` | DECIMAL, scale 0 | LIST of DECIMAL |
//!
//! `usize` and `isize` are 64-bit integers to every peer (Java `long`, Python `int`, Go
//! `uint64` / `int64`). No peer has a 128-bit integer type, and the type ids Apache Fory Rust
//! gives them (`INT128` 65, `U128` 64) are unknown to the other peers; DECIMAL with scale 0 is
//! the one xlang type that carries every `u128` and `i128` exactly, and reaches Java as a
//! `BigDecimal`, Python as a `decimal.Decimal` and Go as its decimal type.
//!
//! Reading is liberal: each of them reads every wire integer type whose value fits, and `u128` /
//! `i128` also a DECIMAL whose value is an integer (`5.0`, scale 1, reads as 5). A value that does
//! not fit is an error naming it, never a truncation.

use crate::buffer::Reader;
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::decimal::write_decimal;
use crate::serializer::number::read_array_as;
use crate::serializer::{read_list, Deserialize, Serialize};
use crate::types::{Decimal, TypeId};

/// Every wire integer type and DECIMAL, first so that the rest are [`INTEGERS`].
const INTEGERS_AND_DECIMAL: [TypeId; 15] = [
    TypeId::Decimal,
    TypeId::Varint64,
    TypeId::VarUint64,
    TypeId::Varint32,
    TypeId::VarUint32,
    TypeId::Int64,
    TypeId::Uint64,
    TypeId::TaggedInt64,
    TypeId::TaggedUint64,
    TypeId::Int32,
    TypeId::Uint32,
    TypeId::Int16,
    TypeId::Uint16,
    TypeId::Int8,
    TypeId::Uint8,
];

/// Every wire integer type.
const INTEGERS: &[TypeId] = INTEGERS_AND_DECIMAL.split_at(1).1;

/// A sequence of integers: a LIST or any integer array type.
const INTEGER_SEQUENCES: [TypeId; 10] = [
    TypeId::List,
    TypeId::Int64Array,
    TypeId::Uint64Array,
    TypeId::Int32Array,
    TypeId::Uint32Array,
    TypeId::Int16Array,
    TypeId::Uint16Array,
    TypeId::Int8Array,
    TypeId::Uint8Array,
    TypeId::Binary,
];

/// Reads an integer payload of wire type `id`, widened to `i128` (every wire integer fits), or
/// `None` when `id` is not an integer type.
pub(crate) fn read_wire_integer(r: &mut Reader<'_>, id: TypeId) -> Option<Result<i128>> {
    Some(match id {
        TypeId::Int8 => r.read_i8().map(i128::from),
        TypeId::Int16 => r.read_i16().map(i128::from),
        TypeId::Int32 => r.read_i32().map(i128::from),
        TypeId::Varint32 => r.read_varint32().map(i128::from),
        TypeId::Int64 => r.read_i64().map(i128::from),
        TypeId::Varint64 => r.read_varint64().map(i128::from),
        TypeId::TaggedInt64 => r.read_tagged_i64().map(i128::from),
        TypeId::Uint8 => r.read_u8().map(i128::from),
        TypeId::Uint16 => r.read_u16().map(i128::from),
        TypeId::Uint32 => r.read_u32().map(i128::from),
        TypeId::VarUint32 => r.read_varuint32().map(i128::from),
        TypeId::Uint64 => r.read_u64().map(i128::from),
        TypeId::VarUint64 => r.read_varuint64().map(i128::from),
        TypeId::TaggedUint64 => r.read_tagged_u64().map(i128::from),
        _ => return None,
    })
}

/// Reads an integer payload of wire type `id` as `T`: an error at the value's offset naming the
/// value when it does not fit, or naming the type when `id` is not an integer type.
fn read_integer_as<T: TryFrom<i128>>(
    ctx: &mut ReadContext<'_, '_>,
    id: TypeId,
    expected: &'static str,
) -> Result<T> {
    let at = ctx.reader.position();
    let value = match read_wire_integer(&mut ctx.reader, id) {
        Some(value) => value?,
        None => return Err(Error::invalid(at, expected, id.to_string())),
    };
    T::try_from(value).map_err(|_| Error::invalid(at, expected, format!("{value} ({id})")))
}

/// `usize` and `isize`: written as the 64-bit integer of the same signedness.
macro_rules! pointer_sized {
    ($(#[$doc:meta])* $ty:ty as $wide:ty, $id:ident, $array:ident, $write:ident,
     $expected:literal) => {
        $(#[$doc])*
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            #[inline(always)]
            fn fixed_type_id() -> Option<TypeId> {
                Some(TypeId::$id)
            }

            #[inline]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                // Lossless: Rust targets have at most 64-bit pointers.
                ctx.writer.$write(*self as $wide);
                Ok(())
            }

            fn slice_type_id() -> TypeId {
                TypeId::$array
            }

            fn write_slice_data<'v>(
                items: &'v [Self],
                ctx: &mut WriteContext<'v>,
                _declared: bool,
            ) -> Result<()> {
                let bytes = items
                    .iter()
                    .flat_map(|&v| (v as $wide).to_le_bytes())
                    .collect::<Vec<u8>>();
                ctx.write_buffer(TypeId::$array, bytes.into())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(INTEGERS, TypeId::$id)
            }

            #[inline]
            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                read_integer_as(ctx, id, $expected)
            }

            fn declared_type_id() -> TypeId {
                TypeId::$id
            }

            fn read_vec_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(&INTEGER_SEQUENCES, TypeId::$array)
            }

            fn read_vec_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Vec<Self>> {
                if id == TypeId::List || id == TypeId::Set {
                    return read_list(ctx);
                }
                // Element by element, each checked to fit.
                read_array_as(ctx, id)
            }

            fn vec_declared_type_id() -> TypeId {
                TypeId::$array
            }
        }
    };
}

pointer_sized!(
    /// Written as a `u64` is, VAR_UINT64 (a Java `long`, a Python `int`, a Go `uint64`); a
    /// `Vec<usize>` as UINT64_ARRAY. Reads every wire integer type whose value fits (a Python
    /// `int` is a VARINT64), and fails naming the value otherwise.
    ///
    /// ```
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&usize::MAX).unwrap();
    /// assert_eq!(bytes[..3], [0x01, 0xff, 14]); // header, not-null, VAR_UINT64
    /// assert_eq!(fory.deserialize::<usize>(&bytes).unwrap(), usize::MAX);
    /// // pyfory's -1 (VARINT64) is no usize.
    /// let err = fory.deserialize::<usize>(&[0x01, 0xff, 7, 0x01]).unwrap_err();
    /// assert!(err.to_string().contains("-1"), "{err}");
    /// ```
    usize as u64,
    VarUint64,
    Uint64Array,
    write_varuint64,
    "an integer that fits usize"
);
pointer_sized!(
    /// Written as an `i64` is, VARINT64 (a Java `long`, a Python `int`, a Go `int64`); a
    /// `Vec<isize>` as INT64_ARRAY. Reads every wire integer type whose value fits.
    ///
    /// ```
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&-1isize).unwrap();
    /// assert_eq!(bytes, [0x01, 0xff, 7, 0x01]); // VARINT64 -1, as pyfory writes -1
    /// assert_eq!(fory.deserialize::<isize>(&bytes).unwrap(), -1);
    /// ```
    isize as i64,
    Varint64,
    Int64Array,
    write_varint64,
    "an integer that fits isize"
);

/// The integer value of a decimal, if it has one that fits an `i128` / `u128` magnitude: its
/// sign and magnitude.
fn integer_of(d: &Decimal) -> Option<(bool, u128)> {
    let bytes = d.magnitude_le();
    if bytes.len() > 16 {
        return None;
    }
    let mut le = [0u8; 16];
    le[..bytes.len()].copy_from_slice(&bytes);
    let mut magnitude = u128::from_le_bytes(le);
    let scale = d.scale();
    let ten = 10u128.checked_pow(scale.unsigned_abs());
    if scale > 0 {
        // 10^39 and up exceed u128, so only zero is an integer at such scales.
        match ten {
            Some(ten) if magnitude % ten == 0 => magnitude /= ten,
            None if magnitude == 0 => {}
            _ => return None,
        }
    } else if scale < 0 && magnitude != 0 {
        magnitude = magnitude.checked_mul(ten?)?;
    }
    Some((d.is_negative() && magnitude != 0, magnitude))
}

/// `u128` and `i128`: DECIMAL with scale 0.
macro_rules! wide {
    ($(#[$doc:meta])* $ty:ty, $expected:literal, $to_decimal:expr, $from_parts:expr) => {
        $(#[$doc])*
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::Decimal);
                Ok(())
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                let to_decimal: fn($ty) -> Result<Decimal> = $to_decimal;
                write_decimal(&to_decimal(*self)?, ctx)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(&INTEGERS_AND_DECIMAL, TypeId::Decimal)
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                if id != TypeId::Decimal {
                    return read_integer_as(ctx, id, $expected);
                }
                let at = ctx.reader.position();
                let d = Decimal::read_data(ctx, id)?;
                let from_parts: fn(bool, u128) -> Option<$ty> = $from_parts;
                integer_of(&d)
                    .and_then(|(negative, magnitude)| from_parts(negative, magnitude))
                    .ok_or_else(|| Error::invalid(at, $expected, format!("{d} (DECIMAL)")))
            }

            fn declared_type_id() -> TypeId {
                TypeId::Decimal
            }
        }
    };
}

wide!(
    /// Written as a DECIMAL with scale 0, the one xlang type that holds every `u128` exactly (a
    /// Java `BigDecimal`, a Python `decimal.Decimal`, a Go `fory.Decimal`); no peer has a
    /// 128-bit integer. Reads a DECIMAL whose value is a non-negative integer, and every wire
    /// integer type whose value is not negative.
    ///
    /// ```
    /// use fory_core::types::Decimal;
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&u128::MAX).unwrap();
    /// assert_eq!(bytes[2], 40); // DECIMAL
    /// assert_eq!(fory.deserialize::<u128>(&bytes).unwrap(), u128::MAX);
    /// // Python's decimal.Decimal("5.0") is the integer 5.
    /// let five = fory.serialize(&Decimal::from_i128_scale(50, 1)).unwrap();
    /// assert_eq!(fory.deserialize::<u128>(&five).unwrap(), 5);
    /// ```
    u128,
    "an integer that fits u128",
    |v| match i128::try_from(v) {
        Ok(v) => Ok(Decimal::from_i128_scale(v, 0)),
        Err(_) => Decimal::from_magnitude_le(false, &v.to_le_bytes(), 0)
            .map_err(|e| Error::encode(e.to_string())),
    },
    |negative, magnitude| (!negative).then_some(magnitude)
);
wide!(
    /// Written as a DECIMAL with scale 0, like `u128`; reads a DECIMAL whose value is an
    /// integer that fits, and every wire integer type.
    ///
    /// ```
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&i128::MIN).unwrap();
    /// assert_eq!(fory.deserialize::<i128>(&bytes).unwrap(), i128::MIN);
    /// assert!(fory.deserialize::<i64>(&bytes).is_err()); // a DECIMAL, not an integer type
    /// ```
    i128,
    "an integer that fits i128",
    |v| Ok(Decimal::from_i128_scale(v, 0)),
    |negative, magnitude| if negative {
        0i128.checked_sub_unsigned(magnitude)
    } else {
        i128::try_from(magnitude).ok()
    }
);
