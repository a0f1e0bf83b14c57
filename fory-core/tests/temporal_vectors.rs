//! DATE, TIMESTAMP, DURATION and DECIMAL against whole frames written by the released peers:
//!
//! - Java: `org.apache.fory:fory-core` 1.6.0 on OpenJDK 17,
//!   `Fory.builder().withXlang(true).build().serialize(v)` with the value named in the row;
//! - Python: pyfory 1.7.7, `pyfory.Fory(xlang=True).serialize(v)`, run in a process whose local
//!   time zone is UTC (pyfory converts naive `datetime`s from local time).
//!
//! `both` rows are written byte-for-byte and read back equal; `reads` rows are peer frames we
//! read but would write differently. Every strict prefix of every frame must fail to decode.

mod common;

use common::{both, hex, reads, unhex};
use std::fmt::Debug;

use fory_core::types::{Date, Decimal, Duration, Timestamp};
use fory_core::{Deserialize, ErrorKind, Fory, Serialize};

/// Writes and reads back `value`, returning the frame.
fn round_trip<T>(value: &T) -> Vec<u8>
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    let fory = Fory::default();
    let bytes = fory.serialize(value).unwrap();
    assert_eq!(&fory.deserialize::<T>(&bytes).unwrap(), value);
    bytes
}

/// Decoding `frame` as `T` fails with an `Invalid` error at `offset` whose expectation mentions
/// `expected`.
fn rejects<T>(frame: &str, offset: usize, expected: &str)
where
    T: for<'de> Deserialize<'de> + Debug,
{
    let err = Fory::default()
        .deserialize::<T>(&unhex(frame))
        .expect_err(frame);
    assert_eq!(err.offset(), Some(offset), "{frame}: {err}");
    match err.kind() {
        ErrorKind::Invalid { expected: e, .. } => {
            assert!(e.contains(expected), "{frame}: {err}")
        }
        other => panic!("{frame}: expected an Invalid error, got {other:?}"),
    }
}

fn date(y: i64, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

fn ts(seconds: i64, nanos: i64) -> Timestamp {
    Timestamp::new(seconds, nanos).unwrap()
}

fn dur(seconds: i64, nanos: i64) -> Duration {
    Duration::new(seconds, nanos).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn dates_match_java_and_python() {
    // Java LocalDate.of(2024,1,2); Python date(2024,1,2)
    both(date(2024, 1, 2), "01ff2798b402");
    // Java LocalDate.of(1969,12,31); Python date(1969,12,31)
    both(date(1969, 12, 31), "01ff2701");
    // Java LocalDate.of(1970,1,1); Python date(1970,1,1)
    both(date(1970, 1, 1), "01ff2700");
    // Java LocalDate.of(1,1,1); Python date(1,1,1)
    both(date(1, 1, 1), "01ff27f3e457");
    // Java LocalDate.of(9999,12,31); Python date(9999,12,31)
    both(date(9999, 12, 31), "01ff27c082e602");
    // Java LocalDate.MAX
    both(date(999_999_999, 12, 31), "01ff27eea3daa1a115");
    // Java LocalDate.MIN
    both(date(-999_999_999, 1, 1), "01ff27b3f389a3a115");
}

#[test]
fn timestamps_match_java_and_python() {
    // Java Instant.ofEpochSecond(1, 5)
    both(ts(1, 5), "01ff26010000000000000005000000");
    // Java Instant.ofEpochSecond(-1, 5)
    both(ts(-1, 5), "01ff26ffffffffffffffff05000000");
    // Java Instant.ofEpochSecond(0, 0); Python datetime(1970,1,1,tzinfo=timezone.utc)
    both(Timestamp::UNIX_EPOCH, "01ff26000000000000000000000000");
    // Java Instant.ofEpochSecond(-86400, 999999999)
    both(ts(-86_400, 999_999_999), "01ff2680aefeffffffffffffc99a3b");
    // Java Instant.MAX
    both(
        ts(31_556_889_864_403_199, 999_999_999),
        "01ff26ff7895fad21c7000ffc99a3b",
    );
    // Java Instant.MIN
    both(
        ts(-31_557_014_167_219_200, 0),
        "01ff260014641410e38fff00000000",
    );

    // Java Instant.ofEpochSecond(1704164645, 123456000); Python
    // datetime(2024,1,2,3,4,5,123456, tzinfo=timezone.utc), and the naive
    // datetime(2024,1,2,3,4,5,123456) with the local zone UTC.
    both(
        ts(1_704_164_645, 123_456_000),
        "01ff26257d93650000000000ca5b07",
    );
    // Java Instant.ofEpochSecond(-1, 500000000); Python
    // datetime(1969,12,31,23,59,59,500000, tzinfo=timezone.utc) and the naive one.
    both(ts(-1, 500_000_000), "01ff26ffffffffffffffff0065cd1d");
    // Java Instant.parse("1960-06-15T12:00:00.000001Z"); Python
    // datetime(1960,6,15,12,0,0,1, tzinfo=timezone.utc).
    both(ts(-301_233_600, 1_000), "01ff26408a0beeffffffffe8030000");
    // Java Instant.parse("0001-01-01T00:00:00Z"); Python datetime(1,1,1, tzinfo=timezone.utc).
    both(ts(-62_135_596_800, 0), "01ff2600096e88f1ffffff00000000");
    // Java Instant.parse("2024-01-02T01:04:05Z"); Python
    // datetime(2024,1,2,3,4,5, tzinfo=timezone(timedelta(hours=2))).
    both(ts(1_704_157_445, 0), "01ff26056193650000000000000000");
}

#[test]
fn python_timestamps_lose_microseconds_through_a_float() {
    // pyfory computes the payload from `datetime.timestamp()`, a float, so far from 1970 the
    // microseconds it writes are off by one. Java writes the exact instant.

    // Java Instant.parse("1900-01-01T00:00:00.000007Z").
    both(ts(-2_208_988_800, 7_000), "01ff268081557cffffffff581b0000");
    // Python datetime(1900,1,1,0,0,0,7, tzinfo=timezone.utc): 8 µs.
    reads(ts(-2_208_988_800, 8_000), "01ff268081557cffffffff401f0000");

    // Java Instant.parse("2262-04-11T23:47:16.854775Z").
    both(
        ts(9_223_372_036, 854_775_000),
        "01ff26047dc12502000000d8d4f232",
    );
    // Python datetime(2262,4,11,23,47,16,854775, tzinfo=timezone.utc): .854774.
    reads(
        ts(9_223_372_036, 854_774_000),
        "01ff26047dc12502000000f0d0f232",
    );

    // Java Instant.parse("9999-12-31T23:59:59.999999Z").
    both(
        ts(253_402_300_799, 999_999_000),
        "01ff267f41f4ff3a00000018c69a3b",
    );
    // Python datetime(9999,12,31,23,59,59,999999, tzinfo=timezone.utc): rounded up to
    // 10000-01-01T00:00:00Z, which pyfory itself then cannot read back.
    reads(ts(253_402_300_800, 0), "01ff268041f4ff3a00000000000000");
}

#[test]
fn durations_match_java_and_python() {
    // Java Duration.ofSeconds(90, 7)
    both(dur(90, 7), "01ff25b40107000000");
    // Java Duration.ofSeconds(-1, 5)
    both(dur(-1, 5), "01ff250105000000");
    // Java Duration.ofSeconds(90, 7000); Python timedelta(seconds=90, microseconds=7).
    both(dur(90, 7_000), "01ff25b401581b0000");
    // Java Duration.ofSeconds(-1, 5000); Python timedelta(seconds=-1, microseconds=5).
    both(dur(-1, 5_000), "01ff250188130000");
    // Java Duration.ZERO; Python timedelta(0).
    both(Duration::ZERO, "01ff250000000000");
    // Java Duration.ofNanos(-500000000) and Duration.ofSeconds(-1, 500000000); Python
    // timedelta(microseconds=-500000).
    both(dur(0, -500_000_000), "01ff25010065cd1d");
    // Java Duration.ofSeconds(-86400); Python timedelta(days=-1).
    both(dur(-86_400, 0), "01ff25ffc50a00000000");
    // Java Duration.ofSeconds(Long.MAX_VALUE, 999999999)
    both(Duration::MAX, "01ff25feffffffffffffffffffc99a3b");
    // Java Duration.ofSeconds(Long.MIN_VALUE, 0)
    both(Duration::MIN, "01ff25ffffffffffffffffff00000000");
}

#[test]
fn decimals_match_java_and_python() {
    // Java new BigDecimal(s) and Python Decimal(s) write the same frame for every s here.
    for (text, frame) in [
        ("1.5", "01ff28023c"),
        ("-123.456", "01ff2806fe911e"),
        ("0", "01ff280000"),
        (
            "123456789012345678901234567890.5",
            "01ff280235396c760e4fc986a2a39f1a950f",
        ),
        ("1E+5", "01ff280904"),
        ("-1", "01ff280002"),
        ("1", "01ff280004"),
        ("0.00", "01ff280400"),
        ("-0.5", "01ff280212"),
        // The small form ends at ±2^62.
        ("4611686018427387903", "01ff2800fcffffffffffffffff"),
        ("4611686018427387904", "01ff2800210000000000000040"),
        ("-4611686018427387904", "01ff2800feffffffffffffffff"),
        ("-4611686018427387905", "01ff2800230100000000000040"),
        ("9223372036854775807", "01ff280021ffffffffffffff7f"),
        ("9223372036854775808", "01ff2800210000000000000080"),
        ("-9223372036854775808", "01ff2800230000000000000080"),
        ("-9223372036854775809", "01ff2800230100000000000080"),
        ("18446744073709551615", "01ff280021ffffffffffffffff"),
        ("18446744073709551616", "01ff280025000000000000000001"),
        ("1E-10000", "01ff28a09c0104"),
        ("1E+10000", "01ff289f9c0104"),
        // Java new BigDecimal(BigInteger.ONE.shiftLeft(127)) and its negation; Python
        // Decimal(2**127) and Decimal(-2**127).
        (
            "170141183460469231731687303715884105728",
            "01ff28004100000000000000000000000000000080",
        ),
        (
            "-170141183460469231731687303715884105728",
            "01ff28004300000000000000000000000000000080",
        ),
    ] {
        both(dec(text), frame);
    }
    // Python Decimal("0E+3").
    both(dec("0E+3"), "01ff280500");
    // Python Decimal("-0"): the sign of zero is not carried.
    reads(dec("0"), "01ff280000");

    // Java new BigDecimal(BigInteger.ONE.shiftLeft(79999), 0): the largest magnitude length.
    let frame = format!("01ff2800c1b802{}80", "00".repeat(9_999));
    let mut magnitude = vec![0u8; 10_000];
    magnitude[9_999] = 0x80;
    both(
        Decimal::from_magnitude_le(false, &magnitude, 0).unwrap(),
        &frame,
    );
}

#[test]
fn lists_of_temporal_values_match_java_and_python() {
    // Java Arrays.asList(LocalDate.of(2024,1,2), LocalDate.of(1969,12,31)); Python
    // [date(2024,1,2), date(1969,12,31)].
    both(
        vec![date(2024, 1, 2), date(1969, 12, 31)],
        "01ff1602082798b40201",
    );
    // Java Arrays.asList(new BigDecimal("1.5"), new BigDecimal("-123.456")); Python
    // [Decimal("1.5"), Decimal("-123.456")].
    both(
        vec![dec("1.5"), dec("-123.456")],
        "01ff16020828023c06fe911e",
    );
    // Python [timedelta(seconds=-1, microseconds=5)].
    both(vec![dur(-1, 5_000)], "01ff160108250188130000");
    // Java Arrays.asList(Instant.ofEpochSecond(1, 5), Duration.ofSeconds(-1, 5)).
    both(
        (ts(1, 5), dur(-1, 5)),
        "01ff16020026010000000000000005000000250105000000",
    );
}

#[test]
fn out_of_range_nanoseconds_are_rejected() {
    // Java would carry them into the seconds; pyfory rejects them for DURATION only.
    rejects::<Timestamp>(
        "01ff26000000000000000000ca9a3b",
        11,
        "timestamp nanoseconds",
    );
    rejects::<Timestamp>(
        "01ff260000000000000000ffffffff",
        11,
        "timestamp nanoseconds",
    );
    rejects::<Duration>("01ff250000ca9a3b", 4, "duration nanoseconds");
    rejects::<Duration>("01ff2500ffffffff", 4, "duration nanoseconds");
    rejects::<Duration>(
        "01ff25feffffffffffffffffff00ca9a3b",
        12,
        "duration nanoseconds",
    );
    let err = Fory::default()
        .deserialize::<Duration>(&unhex("01ff2500ffffffff"))
        .unwrap_err();
    assert!(err.to_string().contains("found -1"), "{err}");
}

#[test]
fn hostile_decimals_are_rejected_before_allocating() {
    // Scale outside ±10,000 (both peers refuse to write it).
    // 10001
    rejects::<Decimal>("01ff28a29c0104", 3, "scale");
    // -10001
    rejects::<Decimal>("01ff28a19c0104", 3, "scale");
    // i32::MAX
    rejects::<Decimal>("01ff28feffffff0f04", 3, "scale");
    // Big form with length 0, either sign.
    rejects::<Decimal>("01ff280001", 4, "magnitude length");
    rejects::<Decimal>("01ff280003", 4, "magnitude length");
    // Length 10,001: refused from the header alone, even with the bytes present.
    rejects::<Decimal>(
        &format!("01ff2800c5b802{}", "01".repeat(10_001)),
        4,
        "magnitude length",
    );
    // A header claiming about 2^61 bytes.
    rejects::<Decimal>("01ff2800ffffffffffffffffff", 4, "magnitude length");
    // Zero in the big form, and a trailing zero byte.
    rejects::<Decimal>("01ff28000500", 5, "non-zero");
    rejects::<Decimal>("01ff2800090000", 5, "non-zero");
    rejects::<Decimal>("01ff2800090100", 5, "minimal");
    rejects::<Decimal>(
        &format!("01ff2800c1b802{}00", "01".repeat(9_999)),
        7,
        "minimal",
    );
    let err = Fory::default()
        .deserialize::<Decimal>(&unhex("01ff28000500"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("zero, which must use the small form"),
        "{err}"
    );

    // A length of 10,000 with 3 bytes present is a truncation at the magnitude, not an
    // allocation of 10,000 bytes.
    let err = Fory::default()
        .deserialize::<Decimal>(&unhex("01ff2800c1b802010203"))
        .unwrap_err();
    match err.kind() {
        ErrorKind::Truncated {
            offset,
            needed,
            available,
            ..
        } => assert_eq!((*offset, *needed, *available), (7, 10_000, 3)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn big_form_of_a_small_value_is_read_like_the_peers_do() {
    // Not written by any peer, but Java 1.6.0 and pyfory 1.7.7 both read it as 1 and -1, and
    // the spec's canonical rules do not forbid it. We write the small form.
    reads(dec("1"), "01ff28000501");
    reads(dec("-1"), "01ff28000701");
    reads(dec("-0.01"), "01ff28040701");
}

#[test]
fn wrong_type_ids_are_rejected() {
    for (frame, name) in [
        ("01ff26010000000000000005000000", "DATE"),
        ("01ff2798b402", "TIMESTAMP"),
    ] {
        let err = if name == "DATE" {
            Fory::default()
                .deserialize::<Date>(&unhex(frame))
                .unwrap_err()
        } else {
            Fory::default()
                .deserialize::<Timestamp>(&unhex(frame))
                .unwrap_err()
        };
        assert_eq!(err.offset(), Some(2), "{err}");
        assert!(err.to_string().contains(name), "{err}");
    }
    assert!(Fory::default()
        .deserialize::<Duration>(&unhex("01ff28023c"))
        .is_err());
    assert!(Fory::default()
        .deserialize::<Decimal>(&unhex("01ff250105000000"))
        .is_err());
}

#[test]
fn temporal_extremes_round_trip() {
    for d in [Date::MIN, Date::MAX, Date::from_days(-1), Date::UNIX_EPOCH] {
        round_trip(&d);
    }
    assert_eq!(hex(&round_trip(&Date::MIN)), "01ff27ffffffffffffffffff");
    assert_eq!(hex(&round_trip(&Date::MAX)), "01ff27feffffffffffffffff");
    for t in [
        Timestamp::MIN,
        Timestamp::MAX,
        ts(i64::MIN, 999_999_999),
        ts(i64::MAX, 0),
        ts(0, -1),
    ] {
        round_trip(&t);
    }
    assert_eq!(
        hex(&round_trip(&Timestamp::MIN)),
        "01ff26000000000000008000000000"
    );
    assert_eq!(
        hex(&round_trip(&ts(0, -1))),
        format!("01ff26{}ffc99a3b", "ff".repeat(8))
    );
    for d in [
        Duration::MIN,
        Duration::MAX,
        dur(0, -1),
        dur(-1, 1),
        dur(i64::MIN, 999_999_999),
        dur(i64::MIN + 1, -1),
        Duration::from_micros(-1),
    ] {
        round_trip(&d);
    }
    // Minus one nanosecond: seconds -1 (zigzag 01), nanoseconds 999,999,999.
    assert_eq!(hex(&round_trip(&dur(0, -1))), "01ff2501ffc99a3b");
    round_trip(&Some(ts(-1, 5)));
    round_trip(&None::<Duration>);
}

#[test]
fn decimal_extremes_round_trip() {
    let magnitude = |len: usize| {
        let mut bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        bytes[len - 1] = 0xff;
        bytes
    };
    for scale in [0, 1, -1, 10_000, -10_000] {
        for unscaled in [0i128, 1, -1, i128::MAX, i128::MIN, 1 << 62, -(1 << 62) - 1] {
            round_trip(&Decimal::from_i128_scale(unscaled, scale));
        }
        for len in [1, 8, 9, 16, 17, 10_000] {
            for negative in [false, true] {
                let value = Decimal::from_magnitude_le(negative, &magnitude(len), scale).unwrap();
                let frame = round_trip(&value);
                assert_eq!(value.magnitude_le().len(), len);
                if len >= 8 {
                    // Beyond 2^62, so the big form: the magnitude bytes end the frame.
                    assert!(frame.ends_with(&magnitude(len)));
                }
            }
        }
    }
    let frame = round_trip(&Decimal::from_i128_scale(0, -10_000));
    assert_eq!(hex(&frame), "01ff289f9c0100");
    let frame = round_trip(&Decimal::from_i128_scale(i128::MIN, 0));
    assert_eq!(hex(&frame), "01ff28004300000000000000000000000000000080");
}

#[test]
fn unwritable_decimal_scales_are_encode_errors() {
    let fory = Fory::default();
    for scale in [10_001, -10_001, i32::MAX, i32::MIN] {
        let err = fory
            .serialize(&Decimal::from_i128_scale(1, scale))
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Encode { .. }), "{err}");
        assert!(err.to_string().contains("scale"), "{err}");
    }
}

#[cfg(feature = "chrono")]
mod chrono_types {
    use super::*;
    use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};

    fn naive_date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(seconds: i64, nanos: u32) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, nanos).unwrap()
    }

    #[test]
    fn naive_dates_match_java_and_python() {
        // Java LocalDate.of(2024,1,2); Python date(2024,1,2)
        both(naive_date(2024, 1, 2), "01ff2798b402");
        // Java LocalDate.of(1969,12,31); Python date(1969,12,31)
        both(naive_date(1969, 12, 31), "01ff2701");
        // Java LocalDate.of(1,1,1); Python date(1,1,1)
        both(naive_date(1, 1, 1), "01ff27f3e457");
        // Java LocalDate.of(9999,12,31)
        both(naive_date(9999, 12, 31), "01ff27c082e602");
        round_trip(&NaiveDate::MIN);
        round_trip(&NaiveDate::MAX);
        // Java LocalDate.MAX is beyond chrono's range.
        rejects::<NaiveDate>("01ff27eea3daa1a115", 3, "chrono::NaiveDate");
        rejects::<NaiveDate>("01ff27feffffffffffffffff", 3, "chrono::NaiveDate");
        rejects::<NaiveDate>("01ff27ffffffffffffffffff", 3, "chrono::NaiveDate");
    }

    #[test]
    fn date_times_match_java_and_python() {
        // Java Instant.ofEpochSecond(1, 5)
        both(utc(1, 5), "01ff26010000000000000005000000");
        // Java Instant.ofEpochSecond(-1, 5)
        both(utc(-1, 5), "01ff26ffffffffffffffff05000000");
        // Java Instant.ofEpochSecond(1704164645, 123456000); Python
        // datetime(2024,1,2,3,4,5,123456, tzinfo=timezone.utc).
        both(
            utc(1_704_164_645, 123_456_000),
            "01ff26257d93650000000000ca5b07",
        );
        // Python's naive datetime(2024,1,2,3,4,5,123456), written with the local zone UTC.
        let naive =
            NaiveDateTime::parse_from_str("2024-01-02 03:04:05.123456", "%Y-%m-%d %H:%M:%S%.f")
                .unwrap();
        both(naive, "01ff26257d93650000000000ca5b07");
        // Java Instant.ofEpochSecond(-1, 500000000); Python's aware and naive
        // datetime(1969,12,31,23,59,59,500000).
        both(utc(-1, 500_000_000), "01ff26ffffffffffffffff0065cd1d");
        both(
            utc(-1, 500_000_000).naive_utc(),
            "01ff26ffffffffffffffff0065cd1d",
        );
        // Java Instant.parse("0001-01-01T00:00:00Z"); Python datetime(1,1,1, tzinfo=timezone.utc).
        both(utc(-62_135_596_800, 0), "01ff2600096e88f1ffffff00000000");

        round_trip(&DateTime::<Utc>::MIN_UTC);
        round_trip(&DateTime::<Utc>::MAX_UTC);
        round_trip(&NaiveDateTime::MIN);
        round_trip(&NaiveDateTime::MAX);
        // Java Instant.MAX and MIN are beyond chrono's range.
        rejects::<DateTime<Utc>>("01ff26ff7895fad21c7000ffc99a3b", 3, "chrono::DateTime");
        rejects::<NaiveDateTime>("01ff260014641410e38fff00000000", 3, "chrono::DateTime");
        rejects::<DateTime<Utc>>(
            "01ff26000000000000000000ca9a3b",
            11,
            "timestamp nanoseconds",
        );
    }

    #[test]
    fn leap_seconds_are_written_as_the_next_second() {
        let leap = naive_date(2016, 12, 31)
            .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
            .unwrap()
            .and_utc();
        let fory = Fory::default();
        let bytes = fory.serialize(&leap).unwrap();
        let back: DateTime<Utc> = fory.deserialize(&bytes).unwrap();
        assert_eq!(back, utc(1_483_228_800, 500_000_000));
        let ours: Timestamp = fory.deserialize(&bytes).unwrap();
        assert_eq!(ours, ts(1_483_228_800, 500_000_000));
    }

    #[test]
    fn time_deltas_match_java_and_python() {
        // Java Duration.ofSeconds(90, 7)
        both(TimeDelta::new(90, 7).unwrap(), "01ff25b40107000000");
        // Java Duration.ofSeconds(-1, 5): TimeDelta::new takes the same normalized parts.
        both(TimeDelta::new(-1, 5).unwrap(), "01ff250105000000");
        both(TimeDelta::nanoseconds(-999_999_995), "01ff250105000000");
        // Java Duration.ofSeconds(-1, 5000); Python timedelta(seconds=-1, microseconds=5).
        both(TimeDelta::microseconds(-999_995), "01ff250188130000");
        // Java Duration.ofNanos(-500000000); Python timedelta(microseconds=-500000).
        both(TimeDelta::milliseconds(-500), "01ff25010065cd1d");
        // Java Duration.ofSeconds(-86400); Python timedelta(days=-1).
        both(TimeDelta::days(-1), "01ff25ffc50a00000000");
        // Java Duration.ZERO; Python timedelta(0)
        both(TimeDelta::zero(), "01ff250000000000");
        round_trip(&TimeDelta::MIN);
        round_trip(&TimeDelta::MAX);
        round_trip(&TimeDelta::nanoseconds(-1));
        // Java Duration.ofSeconds(Long.MAX_VALUE, 999999999) is beyond chrono's range.
        rejects::<TimeDelta>("01ff25feffffffffffffffffffc99a3b", 3, "chrono::TimeDelta");
        rejects::<TimeDelta>("01ff2500ffffffff", 4, "duration nanoseconds");
    }

    #[test]
    fn chrono_and_our_types_write_the_same_bytes() {
        let fory = Fory::default();
        for days in [-719_162i64, -1, 0, 19_724, 2_932_896] {
            let ours = Date::from_days(days);
            let frame = fory.serialize(&ours).unwrap();
            let theirs: NaiveDate = fory.deserialize(&frame).unwrap();
            assert_eq!(fory.serialize(&theirs).unwrap(), frame);
            assert_eq!(theirs.to_string(), ours.to_string());
        }
        for nanos in [-1_500_000_001i64, -1, 0, 1, 999_999_999, 86_400_000_000_123] {
            let ours = Duration::from_nanos(i128::from(nanos)).unwrap();
            let frame = fory.serialize(&ours).unwrap();
            let theirs: TimeDelta = fory.deserialize(&frame).unwrap();
            assert_eq!(theirs.num_nanoseconds(), Some(nanos));
            assert_eq!(fory.serialize(&theirs).unwrap(), frame);
            let t = Timestamp::from_unix_nanos(i128::from(nanos)).unwrap();
            let frame = fory.serialize(&t).unwrap();
            let theirs: DateTime<Utc> = fory.deserialize(&frame).unwrap();
            assert_eq!(theirs.timestamp_nanos_opt(), Some(nanos));
            assert_eq!(fory.serialize(&theirs).unwrap(), frame);
        }
    }
}

#[test]
fn temporal_values_inside_dynamic_lists() {
    use fory_core::Value;
    // The Java / Python list of two dates above, read without knowing its element type.
    let v: Value = Fory::default()
        .deserialize(&unhex("01ff1602082798b40201"))
        .unwrap();
    assert_eq!(
        v,
        Value::List(vec![
            Value::Date(date(2024, 1, 2)),
            Value::Date(date(1969, 12, 31))
        ])
    );
    let d: Value = Fory::default().deserialize(&unhex("01ff28023c")).unwrap();
    assert_eq!(d, Value::Decimal(dec("1.5")));
}
