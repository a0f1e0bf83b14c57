//! [`Decimal`] as DECIMAL.
//!
//! The payload is the scale as a signed varint32, then a varuint64 header whose low bit picks the
//! form of the unscaled integer:
//!
//! - small (bit 0 clear): `header = zigzag(unscaled) << 1`, for unscaled integers in
//!   `-2^62..2^62` (so the shifted zigzag value fits 64 bits); nothing follows;
//! - big (bit 0 set): `header = (((len << 1) | negative) << 1) | 1`, then `len` little-endian
//!   magnitude bytes, minimal (the last is not zero) and at most 10,000 of them.
//!
//! Writers use the small form whenever it can hold the value, as the Java and Python peers do.
//! Readers accept the big form for such values too, as both peers do, but reject a scale outside
//! ±10,000, a zero length, a magnitude over 10,000 bytes (before reading it) and a magnitude with
//! a trailing zero byte (which includes zero in the big form).
//!
//! A compatible-mode field declared DECIMAL here (`Decimal`, `u128`, `i128`) that a peer declares
//! as an integer (a Java `long`) reads that integer as a decimal of scale 0.

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::integer::read_wire_integer;
use crate::serializer::{Deserialize, Serialize};
use crate::types::{Decimal, TypeId};

/// The unscaled integers the small form holds: zigzag fits 63 bits.
const SMALL_RANGE: std::ops::RangeInclusive<i128> = -(1 << 62)..=(1 << 62) - 1;

impl Serialize for Decimal {
    #[inline]
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.write_type_id(TypeId::Decimal);
        Ok(())
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        write_decimal(self, ctx)
    }
}

/// The DECIMAL payload of `value`, for callers holding a temporary `Decimal` (`u128`, `i128`).
pub(crate) fn write_decimal(value: &Decimal, ctx: &mut WriteContext<'_>) -> Result<()> {
    let scale = value.scale();
    if scale.unsigned_abs() > Decimal::MAX_SCALE as u32 {
        return Err(Error::encode(format!(
            "decimal scale {scale} is outside -10000..=10000"
        )));
    }
    ctx.writer.write_varint32(scale);
    match value.to_i128() {
        Some(unscaled) if SMALL_RANGE.contains(&unscaled) => {
            let unscaled = unscaled as i64;
            let zigzag = ((unscaled << 1) ^ (unscaled >> 63)) as u64;
            ctx.writer.write_varuint64(zigzag << 1);
        }
        _ => {
            // A Decimal's magnitude is at most 10,000 bytes, so the header cannot overflow.
            let magnitude = value.magnitude_le();
            let meta = ((magnitude.len() as u64) << 1) | u64::from(value.is_negative());
            ctx.writer.write_varuint64((meta << 1) | 1);
            ctx.writer.write_bytes(&magnitude);
        }
    }
    Ok(())
}

impl<'de> Deserialize<'de> for Decimal {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.expect_type_id(TypeId::Decimal)
    }

    fn declared_type_id() -> TypeId {
        TypeId::Decimal
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        if let Some(integer) = read_wire_integer(&mut ctx.reader, id) {
            return Ok(Decimal::from_i128_scale(integer?, 0));
        }
        let at = ctx.reader.position();
        let scale = ctx.reader.read_varint32()?;
        if scale.unsigned_abs() > Decimal::MAX_SCALE as u32 {
            return Err(Error::invalid(
                at,
                "a decimal scale in -10000..=10000",
                scale.to_string(),
            ));
        }
        let at = ctx.reader.position();
        let header = ctx.reader.read_varuint64()?;
        if header & 1 == 0 {
            let zigzag = header >> 1;
            let unscaled = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
            return Ok(Decimal::from_i128_scale(i128::from(unscaled), scale));
        }
        let meta = header >> 1;
        let negative = meta & 1 == 1;
        let len = meta >> 1;
        if len == 0 {
            return Err(Error::invalid(
                at,
                "a big-form decimal header with a magnitude length of 1..=10000 bytes",
                "length 0 (zero uses the small form)",
            ));
        }
        if len > Decimal::MAX_MAGNITUDE_BYTES as u64 {
            return Err(Error::invalid(
                at,
                "a big-form decimal header with a magnitude length of 1..=10000 bytes",
                format!("length {len}"),
            ));
        }
        let at = ctx.reader.position();
        let magnitude = ctx
            .reader
            .read_bytes_for(len as usize, "decimal magnitude bytes")?;
        if magnitude.last() == Some(&0) {
            let found = if magnitude.iter().all(|&b| b == 0) {
                "zero, which must use the small form"
            } else {
                "a trailing zero byte"
            };
            return Err(Error::invalid(
                at,
                "a minimal, non-zero little-endian decimal magnitude",
                found,
            ));
        }
        Decimal::from_magnitude_le(negative, magnitude, scale)
            .map_err(|e| Error::invalid(at, "a decimal magnitude", e.to_string()))
    }
}
