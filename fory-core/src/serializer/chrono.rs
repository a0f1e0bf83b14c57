//! chrono's types (feature `chrono`):
//!
//! | chrono | wire type |
//! | --- | --- |
//! | `NaiveDate` | DATE |
//! | `DateTime<Utc>` | TIMESTAMP |
//! | `NaiveDateTime` | TIMESTAMP, taking the date and time as UTC |
//! | `TimeDelta` (`Duration`) | DURATION |
//!
//! Every chrono value can be written. A leap second (chrono's nanoseconds of 1,000,000,000 and
//! more) is written as the following second, since the wire counts no leap seconds. Reading fails
//! with an error naming the offset for wire values beyond chrono's ranges (about ±262,000 years;
//! `TimeDelta` about ±292 million years).
//!
//! `NaiveDateTime` is the closest match for Java's `LocalDateTime` and Python's naive `datetime`,
//! but neither peer writes those as a wall-clock time: pyfory 1.7.7 converts a naive `datetime`
//! from the writing process's local time zone to UTC (so it matches here only where that zone is
//! UTC) and reads TIMESTAMP back as a UTC-aware `datetime`.

use ::chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Utc};

use super::temporal::{read_duration, read_timestamp, write_duration, write_timestamp};
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::{Deserialize, Serialize};
use crate::types::{Duration, Timestamp, TypeId};

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// `Serialize` and `Deserialize` for a chrono type with the given type id and payload functions.
macro_rules! chrono_type {
    ($ty:ty, $id:ident, $write:ident, $read:ident) => {
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            #[inline]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                $write(ctx, self)
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

fn write_naive_date(ctx: &mut WriteContext<'_>, value: &NaiveDate) -> Result<()> {
    let days = i64::from(value.num_days_from_ce()) - EPOCH_DAYS_FROM_CE;
    ctx.writer.write_varint64(days);
    Ok(())
}

fn read_naive_date(ctx: &mut ReadContext<'_, '_>) -> Result<NaiveDate> {
    let at = ctx.reader.position();
    let days = ctx.reader.read_varint64()?;
    days.checked_add(EPOCH_DAYS_FROM_CE)
        .and_then(|d| i32::try_from(d).ok())
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| {
            Error::invalid(
                at,
                "a day count within the range of chrono::NaiveDate",
                format!("{days} days since 1970-01-01"),
            )
        })
}

fn write_date_time(ctx: &mut WriteContext<'_>, value: &DateTime<Utc>) -> Result<()> {
    // Leap-second nanoseconds (up to 1,999,999,999) carry into the next second.
    let t = Timestamp::new(value.timestamp(), i64::from(value.timestamp_subsec_nanos()))
        .ok_or_else(|| Error::encode(format!("{value} is beyond the TIMESTAMP range")))?;
    write_timestamp(ctx, t);
    Ok(())
}

fn read_date_time(ctx: &mut ReadContext<'_, '_>) -> Result<DateTime<Utc>> {
    let at = ctx.reader.position();
    let t = read_timestamp(ctx)?;
    DateTime::from_timestamp(t.seconds(), t.subsec_nanos()).ok_or_else(|| {
        Error::invalid(
            at,
            "a timestamp within the range of chrono::DateTime",
            t.to_string(),
        )
    })
}

fn write_naive_date_time(ctx: &mut WriteContext<'_>, value: &NaiveDateTime) -> Result<()> {
    write_date_time(ctx, &value.and_utc())
}

fn read_naive_date_time(ctx: &mut ReadContext<'_, '_>) -> Result<NaiveDateTime> {
    read_date_time(ctx).map(|t| t.naive_utc())
}

fn write_time_delta(ctx: &mut WriteContext<'_>, value: &TimeDelta) -> Result<()> {
    // subsec_nanos has the sign of the whole delta; Duration::new normalizes it.
    let duration = Duration::new(value.num_seconds(), i64::from(value.subsec_nanos()))
        .ok_or_else(|| Error::encode(format!("{value} is beyond the DURATION range")))?;
    write_duration(ctx, duration);
    Ok(())
}

fn read_time_delta(ctx: &mut ReadContext<'_, '_>) -> Result<TimeDelta> {
    let at = ctx.reader.position();
    let d = read_duration(ctx)?;
    TimeDelta::new(d.seconds(), d.subsec_nanos()).ok_or_else(|| {
        Error::invalid(
            at,
            "a duration within the range of chrono::TimeDelta",
            d.to_string(),
        )
    })
}

chrono_type!(NaiveDate, Date, write_naive_date, read_naive_date);
chrono_type!(DateTime<Utc>, Timestamp, write_date_time, read_date_time);
chrono_type!(
    NaiveDateTime,
    Timestamp,
    write_naive_date_time,
    read_naive_date_time
);
chrono_type!(TimeDelta, Duration, write_time_delta, read_time_delta);
