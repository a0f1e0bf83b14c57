//! [`Date`] as DATE, [`Timestamp`] as TIMESTAMP and [`Duration`] as DURATION.
//!
//! | type | payload |
//! | --- | --- |
//! | `Date` | signed varint64 days since 1970-01-01 |
//! | `Timestamp` | int64 seconds since the epoch, uint32 nanoseconds (12 bytes) |
//! | `Duration` | signed varint64 seconds, int32 nanoseconds |
//!
//! Nanoseconds are always in `0..1_000_000_000` on the wire; anything else is rejected on read
//! (Java 1.6.0 carries such nanoseconds into the seconds; pyfory 1.7.7 does so for TIMESTAMP and
//! rejects them for DURATION).

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::{Deserialize, Serialize};
use crate::types::{Date, Duration, Timestamp, TypeId};

const NANOS_PER_SECOND: u32 = 1_000_000_000;

/// Reads the 4-byte nanosecond field of a TIMESTAMP (uint32) or DURATION (int32, `signed`),
/// which must be below one second. A negative int32 read as unsigned is above it.
fn read_nanos(ctx: &mut ReadContext<'_, '_>, signed: bool) -> Result<u32> {
    let at = ctx.reader.position();
    let nanos = ctx.reader.read_u32()?;
    if nanos >= NANOS_PER_SECOND {
        let (expected, found) = if signed {
            (
                "duration nanoseconds in 0..1000000000 (int32)",
                i64::from(nanos as i32),
            )
        } else {
            (
                "timestamp nanoseconds in 0..1000000000 (uint32)",
                i64::from(nanos),
            )
        };
        return Err(Error::invalid(at, expected, found.to_string()));
    }
    Ok(nanos)
}

/// A [`Timestamp`] payload: int64 seconds and uint32 nanoseconds.
pub(crate) fn read_timestamp(ctx: &mut ReadContext<'_, '_>) -> Result<Timestamp> {
    let seconds = ctx.reader.read_i64()?;
    let nanos = read_nanos(ctx, false)?;
    Ok(Timestamp::from_parts(seconds, nanos))
}

/// Writes a [`Timestamp`] payload.
pub(crate) fn write_timestamp(ctx: &mut WriteContext<'_>, value: Timestamp) {
    ctx.writer.write_i64(value.seconds());
    ctx.writer.write_u32(value.subsec_nanos());
}

/// A [`Duration`] payload: varint64 seconds and int32 nanoseconds.
pub(crate) fn read_duration(ctx: &mut ReadContext<'_, '_>) -> Result<Duration> {
    let seconds = ctx.reader.read_varint64()?;
    let nanos = read_nanos(ctx, true)?;
    Ok(Duration::from_parts(seconds, nanos))
}

/// Writes a [`Duration`] payload.
pub(crate) fn write_duration(ctx: &mut WriteContext<'_>, value: Duration) {
    ctx.writer.write_varint64(value.seconds());
    // Below 10^9, so the int32 is the same number.
    ctx.writer.write_i32(value.subsec_nanos() as i32);
}

fn read_date(ctx: &mut ReadContext<'_, '_>) -> Result<Date> {
    ctx.reader.read_varint64().map(Date::from_days)
}

fn write_date(ctx: &mut WriteContext<'_>, value: Date) {
    ctx.writer.write_varint64(value.days());
}

/// `Serialize` and `Deserialize` for a `Copy` type with the given type id and payload functions.
macro_rules! temporal {
    ($ty:ty, $id:ident, $write:ident, $read:ident) => {
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            #[inline]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                $write(ctx, *self);
                Ok(())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.expect_type_id(TypeId::$id)
            }

            #[inline]
            fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
                $read(ctx)
            }

            fn declared_type_id() -> TypeId {
                TypeId::$id
            }
        }
    };
}

temporal!(Date, Date, write_date, read_date);
temporal!(Timestamp, Timestamp, write_timestamp, read_timestamp);
temporal!(Duration, Duration, write_duration, read_duration);
