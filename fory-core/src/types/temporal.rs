//! Calendar and clock values of the wire format: [`Date`] (DATE), [`Timestamp`] (TIMESTAMP) and
//! [`Duration`] (DURATION).
//!
//! Each type stores exactly what the wire carries, so every value read can be written back
//! unchanged and every value can be written:
//!
//! | type | wire | stored as |
//! | --- | --- | --- |
//! | [`Date`] | signed varint64 days since 1970-01-01 | `i64` days |
//! | [`Timestamp`] | int64 seconds since 1970-01-01T00:00:00Z, uint32 nanoseconds | `i64` + `u32` |
//! | [`Duration`] | signed varint64 seconds, int32 nanoseconds | `i64` + `u32` |
//!
//! [`Timestamp`] and [`Duration`] are normalized: the nanoseconds are always in
//! `0..1_000_000_000` and add to the (possibly negative) seconds, so half a second before the
//! epoch is `-1` second plus `500_000_000` nanoseconds. That makes the derived ordering the
//! chronological one and equal values bitwise equal.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const NANOS_PER_SECOND_I128: i128 = NANOS_PER_SECOND as i128;
const SECONDS_PER_DAY: i64 = 86_400;
/// Days from 0000-03-01 (the start of the proleptic Gregorian era used below) to 1970-01-01.
const EPOCH_SHIFT_DAYS: i128 = 719_468;
const DAYS_PER_ERA: i128 = 146_097;

/// A value that does not fit the target type of a conversion, for example a negative
/// [`Duration`] converted to [`std::time::Duration`].
///
/// ```
/// use fory_core::types::Duration;
/// let negative = Duration::new(-1, 0).unwrap();
/// assert!(std::time::Duration::try_from(negative).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRangeError {
    what: &'static str,
}

impl TimeRangeError {
    const fn new(what: &'static str) -> Self {
        TimeRangeError { what }
    }
}

impl fmt::Display for TimeRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "value out of range: {}", self.what)
    }
}

impl std::error::Error for TimeRangeError {}

/// Splits a count of nanoseconds into normalized seconds and nanoseconds, or `None` if the
/// seconds do not fit an `i64`.
fn split_nanos(total: i128) -> Option<(i64, u32)> {
    let seconds = i64::try_from(total.div_euclid(NANOS_PER_SECOND_I128)).ok()?;
    Some((seconds, total.rem_euclid(NANOS_PER_SECOND_I128) as u32))
}

/// Formats `nanos` (below one second) as a fraction without trailing zeros, or nothing for 0.
fn write_fraction(f: &mut fmt::Formatter<'_>, nanos: u32) -> fmt::Result {
    if nanos == 0 {
        return Ok(());
    }
    let digits = format!("{nanos:09}");
    write!(f, ".{}", digits.trim_end_matches('0'))
}

/// A calendar date without time zone: a count of days since 1970-01-01 in the proleptic
/// Gregorian calendar, the payload of the wire type DATE.
///
/// Any `i64` day count is a valid `Date` (the wire carries a varint64); years are `i64` too.
///
/// ```
/// use fory_core::types::Date;
/// let d = Date::from_ymd(2024, 1, 2).unwrap();
/// assert_eq!(d.days(), 19_724);
/// assert_eq!(d.to_ymd(), (2024, 1, 2));
/// assert_eq!(d.to_string(), "2024-01-02");
/// assert_eq!(Date::from_days(-1).to_ymd(), (1969, 12, 31));
/// assert!(Date::from_ymd(2023, 2, 29).is_none());
/// assert!(Date::from_days(-1) < Date::UNIX_EPOCH);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    days: i64,
}

impl Date {
    /// 1970-01-01, day 0.
    pub const UNIX_EPOCH: Date = Date { days: 0 };
    /// The earliest date: `i64::MIN` days before the epoch.
    pub const MIN: Date = Date { days: i64::MIN };
    /// The latest date: `i64::MAX` days after the epoch.
    pub const MAX: Date = Date { days: i64::MAX };

    /// The date `days` days after 1970-01-01 (before it if negative).
    pub const fn from_days(days: i64) -> Self {
        Date { days }
    }

    /// Days since 1970-01-01, negative before it.
    pub const fn days(self) -> i64 {
        self.days
    }

    /// The date with the given proleptic Gregorian year (year 0 is 1 BC), month (1..=12) and
    /// day of month; `None` if there is no such day or it is beyond [`Date::MIN`]..=[`Date::MAX`].
    ///
    /// ```
    /// use fory_core::types::Date;
    /// assert_eq!(Date::from_ymd(1, 1, 1).unwrap().days(), -719_162);
    /// assert_eq!(Date::from_ymd(2000, 2, 29).unwrap().to_ymd(), (2000, 2, 29));
    /// assert!(Date::from_ymd(1900, 2, 29).is_none());
    /// assert!(Date::from_ymd(2024, 13, 1).is_none());
    /// ```
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Count years from March so that the leap day ends the year.
        let y = i128::from(year) - i128::from(month <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let shifted_month = i128::from(if month > 2 { month - 3 } else { month + 9 });
        let day_of_year = (153 * shifted_month + 2) / 5 + i128::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT_DAYS;
        i64::try_from(days).ok().map(Date::from_days)
    }

    /// The proleptic Gregorian year, month (1..=12) and day of month.
    pub fn to_ymd(self) -> (i64, u32, u32) {
        let z = i128::from(self.days) + EPOCH_SHIFT_DAYS;
        let era = z.div_euclid(DAYS_PER_ERA);
        let day_of_era = z - era * DAYS_PER_ERA;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u32;
        let year = year_of_era + era * 400 + i128::from(month <= 2);
        // |days| < 2^63 keeps the year within about ±2.6e16.
        (year as i64, month, day)
    }
}

fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: i64) -> fmt::Result {
    if (0..=9999).contains(&year) {
        write!(f, "{year:04}")
    } else if year < 0 {
        write!(f, "-{:04}", year.unsigned_abs())
    } else {
        write!(f, "+{year}")
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2024-01-02`; years outside 0..=9999 carry a sign (`+10000-01-01`,
    /// `-0001-12-31`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.to_ymd();
        write_year(f, year)?;
        write!(f, "-{month:02}-{day:02}")
    }
}

impl From<Date> for i64 {
    fn from(date: Date) -> i64 {
        date.days
    }
}

impl From<i64> for Date {
    fn from(days: i64) -> Date {
        Date::from_days(days)
    }
}

/// A point in time: seconds and nanoseconds since 1970-01-01T00:00:00Z (leap seconds not
/// counted), the payload of the wire type TIMESTAMP. Java's `Instant` and Python's aware
/// `datetime` map to it.
///
/// The nanoseconds are always in `0..1_000_000_000`; a time before the epoch has negative
/// seconds and non-negative nanoseconds.
///
/// ```
/// use fory_core::types::Timestamp;
/// let t = Timestamp::new(-1, 500_000_000).unwrap(); // 1969-12-31T23:59:59.5Z
/// assert_eq!((t.seconds(), t.subsec_nanos()), (-1, 500_000_000));
/// assert_eq!(t, Timestamp::from_unix_millis(-500));
/// assert_eq!(t.to_string(), "1969-12-31T23:59:59.5Z");
/// // Nanoseconds outside one second carry into the seconds.
/// assert_eq!(Timestamp::new(0, -1).unwrap(), Timestamp::new(-1, 999_999_999).unwrap());
/// assert!(Timestamp::new(i64::MAX, 1_000_000_000).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp {
    seconds: i64,
    nanos: u32,
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp {
        seconds: 0,
        nanos: 0,
    };
    /// The earliest timestamp: `i64::MIN` seconds.
    pub const MIN: Timestamp = Timestamp {
        seconds: i64::MIN,
        nanos: 0,
    };
    /// The latest timestamp: `i64::MAX` seconds and 999,999,999 nanoseconds.
    pub const MAX: Timestamp = Timestamp {
        seconds: i64::MAX,
        nanos: NANOS_PER_SECOND - 1,
    };

    /// `seconds` since the epoch plus `nanos` nanoseconds (any sign and size; the excess carries
    /// into the seconds). `None` if the seconds then leave the `i64` range.
    pub fn new(seconds: i64, nanos: i64) -> Option<Self> {
        Self::from_unix_nanos(i128::from(seconds) * NANOS_PER_SECOND_I128 + i128::from(nanos))
    }

    /// Whole seconds since the epoch.
    pub const fn from_unix_seconds(seconds: i64) -> Self {
        Timestamp { seconds, nanos: 0 }
    }

    /// Milliseconds since the epoch.
    pub const fn from_unix_millis(millis: i64) -> Self {
        Timestamp {
            seconds: millis.div_euclid(1_000),
            nanos: millis.rem_euclid(1_000) as u32 * 1_000_000,
        }
    }

    /// Microseconds since the epoch.
    pub const fn from_unix_micros(micros: i64) -> Self {
        Timestamp {
            seconds: micros.div_euclid(1_000_000),
            nanos: micros.rem_euclid(1_000_000) as u32 * 1_000,
        }
    }

    /// The timestamp with these parts; `nanos` must be below one second.
    pub(crate) const fn from_parts(seconds: i64, nanos: u32) -> Self {
        debug_assert!(nanos < NANOS_PER_SECOND);
        Timestamp { seconds, nanos }
    }

    /// Nanoseconds since the epoch; `None` if the seconds do not fit an `i64`.
    pub fn from_unix_nanos(nanos: i128) -> Option<Self> {
        split_nanos(nanos).map(|(seconds, nanos)| Timestamp { seconds, nanos })
    }

    /// Seconds since the epoch, rounded down (so negative before it).
    pub const fn seconds(self) -> i64 {
        self.seconds
    }

    /// Nanoseconds after [`Timestamp::seconds`], in `0..1_000_000_000`.
    pub const fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// Nanoseconds since the epoch (always fits an `i128`).
    pub const fn as_unix_nanos(self) -> i128 {
        self.seconds as i128 * NANOS_PER_SECOND_I128 + self.nanos as i128
    }

    /// The calendar date (UTC) this instant falls on.
    ///
    /// ```
    /// use fory_core::types::{Date, Timestamp};
    /// assert_eq!(Timestamp::from_unix_seconds(-1).date(), Date::from_ymd(1969, 12, 31).unwrap());
    /// ```
    pub const fn date(self) -> Date {
        Date::from_days(self.seconds.div_euclid(SECONDS_PER_DAY))
    }

    /// `self + duration`, or `None` beyond [`Timestamp::MIN`]..=[`Timestamp::MAX`].
    pub fn checked_add(self, duration: Duration) -> Option<Self> {
        Self::from_unix_nanos(self.as_unix_nanos() + duration.as_nanos())
    }

    /// `self - duration`, or `None` beyond [`Timestamp::MIN`]..=[`Timestamp::MAX`].
    pub fn checked_sub(self, duration: Duration) -> Option<Self> {
        Self::from_unix_nanos(self.as_unix_nanos() - duration.as_nanos())
    }

    /// The signed time from `earlier` to `self`, or `None` if it exceeds the [`Duration`] range.
    ///
    /// ```
    /// use fory_core::types::{Duration, Timestamp};
    /// let a = Timestamp::from_unix_millis(1_500);
    /// let b = Timestamp::from_unix_millis(-250);
    /// assert_eq!(a.checked_duration_since(b), Some(Duration::from_millis(1_750)));
    /// assert_eq!(b.checked_duration_since(a), Some(Duration::from_millis(-1_750)));
    /// ```
    pub fn checked_duration_since(self, earlier: Timestamp) -> Option<Duration> {
        Duration::from_nanos(self.as_unix_nanos() - earlier.as_unix_nanos())
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC with as many fraction digits as needed: `2024-01-02T03:04:05.123456Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let second_of_day = self.seconds.rem_euclid(SECONDS_PER_DAY);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date(),
            second_of_day / 3600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )?;
        write_fraction(f, self.nanos)?;
        f.write_str("Z")
    }
}

impl TryFrom<SystemTime> for Timestamp {
    type Error = TimeRangeError;

    /// Fails only on platforms whose clock reaches beyond ±2^63 seconds.
    fn try_from(time: SystemTime) -> Result<Self, TimeRangeError> {
        let nanos = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => after.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        };
        Timestamp::from_unix_nanos(nanos)
            .ok_or(TimeRangeError::new("SystemTime beyond the Timestamp range"))
    }
}

impl TryFrom<Timestamp> for SystemTime {
    type Error = TimeRangeError;

    /// Fails where the platform's `SystemTime` cannot hold the instant.
    fn try_from(time: Timestamp) -> Result<Self, TimeRangeError> {
        let nanos = time.as_unix_nanos();
        let magnitude = std_duration_from_nanos(nanos.unsigned_abs());
        let result = if nanos >= 0 {
            UNIX_EPOCH.checked_add(magnitude)
        } else {
            UNIX_EPOCH.checked_sub(magnitude)
        };
        result.ok_or(TimeRangeError::new(
            "Timestamp beyond this platform's SystemTime",
        ))
    }
}

/// A `std::time::Duration` of `nanos` nanoseconds, which must be below 2^64 seconds (true for
/// every magnitude of a `Timestamp` or `Duration`).
fn std_duration_from_nanos(nanos: u128) -> std::time::Duration {
    let per_second = u128::from(NANOS_PER_SECOND);
    std::time::Duration::new((nanos / per_second) as u64, (nanos % per_second) as u32)
}

/// A signed length of time: seconds plus nanoseconds, the payload of the wire type DURATION.
/// Java's `Duration` and Python's `timedelta` map to it.
///
/// The nanoseconds are always in `0..1_000_000_000` and add to the seconds, as the wire requires:
/// minus half a second is `-1` second plus `500_000_000` nanoseconds.
///
/// ```
/// use fory_core::types::Duration;
/// let d = Duration::new(0, -500_000_000).unwrap();
/// assert_eq!((d.seconds(), d.subsec_nanos()), (-1, 500_000_000));
/// assert_eq!(d.as_nanos(), -500_000_000);
/// assert_eq!(d.to_string(), "-0.5s");
/// assert!(d.is_negative());
/// assert_eq!(d.checked_neg(), Some(Duration::from_millis(500)));
/// assert!(std::time::Duration::try_from(d).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    seconds: i64,
    nanos: u32,
}

impl Duration {
    /// No time.
    pub const ZERO: Duration = Duration {
        seconds: 0,
        nanos: 0,
    };
    /// The most negative duration: `i64::MIN` seconds.
    pub const MIN: Duration = Duration {
        seconds: i64::MIN,
        nanos: 0,
    };
    /// The longest duration: `i64::MAX` seconds and 999,999,999 nanoseconds.
    pub const MAX: Duration = Duration {
        seconds: i64::MAX,
        nanos: NANOS_PER_SECOND - 1,
    };

    /// `seconds` plus `nanos` nanoseconds (any sign and size; the excess carries into the
    /// seconds). `None` if the seconds then leave the `i64` range.
    ///
    /// ```
    /// use fory_core::types::Duration;
    /// let d = Duration::new(-1, 5).unwrap(); // -0.999999995 s
    /// assert_eq!((d.seconds(), d.subsec_nanos()), (-1, 5));
    /// assert_eq!(Duration::new(1, 1_500_000_000), Some(Duration::from_millis(2_500)));
    /// ```
    pub fn new(seconds: i64, nanos: i64) -> Option<Self> {
        Self::from_nanos(i128::from(seconds) * NANOS_PER_SECOND_I128 + i128::from(nanos))
    }

    /// Whole seconds.
    pub const fn from_secs(seconds: i64) -> Self {
        Duration { seconds, nanos: 0 }
    }

    /// Milliseconds.
    pub const fn from_millis(millis: i64) -> Self {
        Duration {
            seconds: millis.div_euclid(1_000),
            nanos: millis.rem_euclid(1_000) as u32 * 1_000_000,
        }
    }

    /// Microseconds.
    pub const fn from_micros(micros: i64) -> Self {
        Duration {
            seconds: micros.div_euclid(1_000_000),
            nanos: micros.rem_euclid(1_000_000) as u32 * 1_000,
        }
    }

    /// The duration with these parts; `nanos` must be below one second.
    pub(crate) const fn from_parts(seconds: i64, nanos: u32) -> Self {
        debug_assert!(nanos < NANOS_PER_SECOND);
        Duration { seconds, nanos }
    }

    /// Nanoseconds; `None` if the seconds do not fit an `i64`.
    pub fn from_nanos(nanos: i128) -> Option<Self> {
        split_nanos(nanos).map(|(seconds, nanos)| Duration { seconds, nanos })
    }

    /// Seconds, rounded down (so `-1` for minus half a second).
    pub const fn seconds(self) -> i64 {
        self.seconds
    }

    /// Nanoseconds added to [`Duration::seconds`], in `0..1_000_000_000`.
    pub const fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// The whole duration in nanoseconds (always fits an `i128`).
    pub const fn as_nanos(self) -> i128 {
        self.seconds as i128 * NANOS_PER_SECOND_I128 + self.nanos as i128
    }

    /// Whether the duration is below zero.
    pub const fn is_negative(self) -> bool {
        self.seconds < 0
    }

    /// `-self`, or `None` for [`Duration::MIN`].
    pub fn checked_neg(self) -> Option<Self> {
        Self::from_nanos(-self.as_nanos())
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Duration) -> Option<Self> {
        Self::from_nanos(self.as_nanos() + other.as_nanos())
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Duration) -> Option<Self> {
        Self::from_nanos(self.as_nanos() - other.as_nanos())
    }
}

impl fmt::Display for Duration {
    /// Seconds with as many fraction digits as needed: `90.000000007s`, `-0.999999995s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.as_nanos();
        let magnitude = total.unsigned_abs();
        let per_second = u128::from(NANOS_PER_SECOND);
        if total < 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", magnitude / per_second)?;
        write_fraction(f, (magnitude % per_second) as u32)?;
        f.write_str("s")
    }
}

impl TryFrom<std::time::Duration> for Duration {
    type Error = TimeRangeError;

    /// Fails for durations of 2^63 seconds or more.
    fn try_from(duration: std::time::Duration) -> Result<Self, TimeRangeError> {
        let seconds = i64::try_from(duration.as_secs())
            .map_err(|_| TimeRangeError::new("std::time::Duration of 2^63 seconds or more"))?;
        Ok(Duration {
            seconds,
            nanos: duration.subsec_nanos(),
        })
    }
}

impl TryFrom<Duration> for std::time::Duration {
    type Error = TimeRangeError;

    /// Fails for negative durations.
    fn try_from(duration: Duration) -> Result<Self, TimeRangeError> {
        if duration.is_negative() {
            return Err(TimeRangeError::new(
                "negative Duration as std::time::Duration",
            ));
        }
        Ok(std::time::Duration::new(
            duration.seconds as u64,
            duration.nanos,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip_over_four_centuries_and_at_the_extremes() {
        let mut days = Date::from_ymd(1600, 1, 1).unwrap().days();
        for year in 1600..2001 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let date = Date::from_ymd(year, month, day).unwrap();
                    assert_eq!(date.days(), days, "{year}-{month}-{day}");
                    assert_eq!(date.to_ymd(), (year, month, day));
                    days += 1;
                }
            }
        }
        for date in [Date::MIN, Date::MAX, Date::from_days(-1), Date::UNIX_EPOCH] {
            let (y, m, d) = date.to_ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(date), "{date:?}");
        }
        let (y, m, d) = Date::MAX.to_ymd();
        assert_eq!(Date::from_ymd(y, m, d).unwrap().days(), i64::MAX);
        assert!(Date::from_ymd(y + 1, m, d).is_none());
        assert!(Date::from_ymd(i64::MAX, 12, 31).is_none());
        assert!(Date::from_ymd(i64::MIN, 1, 1).is_none());
    }

    #[test]
    fn display_forms() {
        assert_eq!(Date::from_ymd(1, 1, 1).unwrap().to_string(), "0001-01-01");
        assert_eq!(Date::from_ymd(0, 1, 1).unwrap().to_string(), "0000-01-01");
        assert_eq!(
            Date::from_ymd(-1, 12, 31).unwrap().to_string(),
            "-0001-12-31"
        );
        assert_eq!(
            Date::from_ymd(10_000, 1, 1).unwrap().to_string(),
            "+10000-01-01"
        );
        assert_eq!(
            Timestamp::new(1_704_164_645, 123_456_000)
                .unwrap()
                .to_string(),
            "2024-01-02T03:04:05.123456Z"
        );
        assert_eq!(Timestamp::UNIX_EPOCH.to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Duration::new(90, 7).unwrap().to_string(), "90.000000007s");
        assert_eq!(Duration::new(-1, 5).unwrap().to_string(), "-0.999999995s");
        assert_eq!(Duration::MIN.to_string(), "-9223372036854775808s");
        assert_eq!(Duration::ZERO.to_string(), "0s");
    }

    #[test]
    fn normalization_and_ordering() {
        let half_before = Duration::from_nanos(-500_000_000).unwrap();
        assert_eq!(
            (half_before.seconds(), half_before.subsec_nanos()),
            (-1, 500_000_000)
        );
        assert!(half_before < Duration::ZERO);
        assert!(Duration::new(-1, 999_999_999).unwrap() < Duration::ZERO);
        assert!(Timestamp::new(-1, 999_999_999).unwrap() < Timestamp::UNIX_EPOCH);
        assert_eq!(Duration::from_micros(-1).as_nanos(), -1_000);
        assert_eq!(Timestamp::from_unix_micros(-1).as_unix_nanos(), -1_000);
        assert_eq!(Timestamp::new(i64::MIN, 0), Some(Timestamp::MIN));
        assert_eq!(Timestamp::new(i64::MIN, -1), None);
        assert_eq!(Duration::new(i64::MAX, 999_999_999), Some(Duration::MAX));
        assert_eq!(Duration::MIN.checked_neg(), None);
        assert_eq!(
            Duration::MAX.checked_add(Duration::from_nanos(1).unwrap()),
            None
        );
        assert_eq!(Timestamp::MAX.checked_duration_since(Timestamp::MIN), None);
    }

    #[test]
    fn std_conversions() {
        let t = Timestamp::new(-1, 5).unwrap();
        let system = SystemTime::try_from(t).unwrap();
        assert_eq!(Timestamp::try_from(system), Ok(t));
        let t = Timestamp::new(1_704_164_645, 123_456_789).unwrap();
        assert_eq!(Timestamp::try_from(SystemTime::try_from(t).unwrap()), Ok(t));

        let d = Duration::new(90, 7).unwrap();
        let std = std::time::Duration::try_from(d).unwrap();
        assert_eq!(std, std::time::Duration::new(90, 7));
        assert_eq!(Duration::try_from(std), Ok(d));
        assert!(Duration::try_from(std::time::Duration::MAX).is_err());
        assert!(std::time::Duration::try_from(Duration::new(-1, 5).unwrap()).is_err());
        let err = std::time::Duration::try_from(Duration::MIN).unwrap_err();
        assert!(err.to_string().contains("negative"));
    }
}
