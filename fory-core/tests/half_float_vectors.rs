//! Half-precision floats against the bytes pyfory writes.
//!
//! The tables below were produced by pyfory 1.7.7 (PyPI) through the call named above each one;
//! `xlang-tests/peers/python/half_float_vectors.py` regenerates them. The script feeds each value
//! to pyfory as a Python float and keeps the 2 payload bytes of the frame (it also checks that a
//! dataclass field annotated `pyfory.Float16` / `pyfory.BFloat16` writes the same 2 bytes). Each
//! row is
//!
//! `(label, input bits, pyfory bytes, IEEE bytes, read-back bits)`
//!
//! where the input is an f32 (the `*_FROM_F32` tables, values exact in f32 so pyfory's own cast to
//! C `float` changes nothing) or an arbitrary f64 (the `*_FROM_F64` tables), the IEEE bytes are
//! round-to-nearest-even computed by the script with exact fractions (a NaN stays a quiet NaN
//! with its sign and the payload bits that fit), and the read-back bits are the f32 that pyfory's
//! `Fory.deserialize` returns for its own frame.
//!
//! Our conversions must give the IEEE bytes. pyfory's bytes differ from them on the rows listed
//! in each `*_PYFORY_DIFFERS` table; those lists are pinned so that a regenerated table showing a
//! new difference (or a fixed one) fails here:
//!
//! - float16, (2^-25, 2^-24) exclusive: pyfory writes ±0; the nearest value is ±2^-24 (0x0001).
//! - float16 NaN: pyfory writes 0x7E01 / 0xFE01 for the default quiet NaN (an f32 NaN whose
//!   top 9 payload bits are zero gets its lowest fraction bit set); we write 0x7E00 / 0xFE00.
//! - bfloat16 NaN: pyfory always writes 0x7FC0, dropping the sign and payload; we keep the sign.
//! - Python floats: pyfory converts f64 -> f32 -> half, rounding twice; an f64 just above a
//!   half-precision midpoint whose f32 rounding lands on the midpoint then ties to even. Our
//!   `from_f64` rounds once; `from_f32(x as f32)` reproduces pyfory's answer.

mod common;

use common::{hex, unhex};
use fory_core::types::{BFloat16, Float16};
use fory_core::{Reader, Writer};

/// `(label, f32 input bits, pyfory bytes, IEEE bytes, f32 bits pyfory reads back)`.
type F32Row = (&'static str, u32, &'static str, &'static str, u32);
/// `(label, f64 input bits, pyfory bytes, IEEE bytes, f32 bits pyfory reads back)`.
type F64Row = (&'static str, u64, &'static str, &'static str, u32);

/// The operations shared by the two types, so one checker serves both.
trait Half: Copy {
    fn from_f32(x: f32) -> Self;
    fn from_f64(x: f64) -> Self;
    fn to_f32(self) -> f32;
    fn write(self, w: &mut Writer);
    fn read(r: &mut Reader<'_>) -> Self;
}

impl Half for Float16 {
    fn from_f32(x: f32) -> Self {
        Float16::from_f32(x)
    }
    fn from_f64(x: f64) -> Self {
        Float16::from_f64(x)
    }
    fn to_f32(self) -> f32 {
        Float16::to_f32(self)
    }
    fn write(self, w: &mut Writer) {
        w.write_float16(self);
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.read_float16().unwrap()
    }
}

impl Half for BFloat16 {
    fn from_f32(x: f32) -> Self {
        BFloat16::from_f32(x)
    }
    fn from_f64(x: f64) -> Self {
        BFloat16::from_f64(x)
    }
    fn to_f32(self) -> f32 {
        BFloat16::to_f32(self)
    }
    fn write(self, w: &mut Writer) {
        w.write_bfloat16(self);
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.read_bfloat16().unwrap()
    }
}

fn wire<T: Half>(value: T) -> String {
    let mut w = Writer::new();
    value.write(&mut w);
    hex(w.as_slice())
}

/// Reads 2 bytes as `T` with our reader, insisting every byte is consumed, and widens to f32 bits.
fn read_back<T: Half>(bytes: &str) -> u32 {
    let data = unhex(bytes);
    let mut r = Reader::new(&data);
    let v = T::read(&mut r);
    assert!(r.is_empty(), "{bytes}: bytes left over");
    v.to_f32().to_bits()
}

/// The labels of the rows where pyfory's bytes are not the IEEE bytes.
fn differing<'a>(rows: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<&'a str> {
    rows.filter(|(_, peer, ieee)| peer != ieee)
        .map(|(label, _, _)| label)
        .collect()
}

fn check_f32_rows<T: Half>(rows: &[F32Row], pinned_differences: &[&str]) {
    for &(label, input, peer, ieee, peer_read_back) in rows {
        let ours = T::from_f32(f32::from_bits(input));
        assert_eq!(wire(ours), ieee, "{label}: our bytes");
        // Reading pyfory's bytes gives the value pyfory itself reads back.
        assert_eq!(
            read_back::<T>(peer),
            peer_read_back,
            "{label}: reading pyfory's bytes"
        );
        // Our bytes read back to a value that narrows to the same bytes again.
        let ours_back = f32::from_bits(read_back::<T>(ieee));
        assert_eq!(
            wire(T::from_f32(ours_back)),
            ieee,
            "{label}: our round trip"
        );
    }
    let found = differing(rows.iter().map(|r| (r.0, r.2, r.3)));
    assert_eq!(found, pinned_differences);
}

fn check_f64_rows<T: Half>(rows: &[F64Row], pinned_differences: &[&str]) {
    for &(label, input, peer, ieee, peer_read_back) in rows {
        let x = f64::from_bits(input);
        assert_eq!(wire(T::from_f64(x)), ieee, "{label}: our bytes");
        // pyfory casts the Python float to f32 first, then rounds to half precision.
        assert_eq!(wire(T::from_f32(x as f32)), peer, "{label}: through f32");
        assert_eq!(
            read_back::<T>(peer),
            peer_read_back,
            "{label}: reading pyfory's bytes"
        );
    }
    let found = differing(rows.iter().map(|r| (r.0, r.2, r.3)));
    assert_eq!(found, pinned_differences);
}

// pyfory 1.7.7: Fory(xlang=True).serialize(Float16Array([v])), payload bytes.
const FLOAT16_FROM_F32: &[F32Row] = &[
    ("0.0", 0x00000000, "0000", "0000", 0x00000000),
    ("-0.0", 0x80000000, "0080", "0080", 0x80000000),
    ("1.0", 0x3f800000, "003c", "003c", 0x3f800000),
    ("-1.0", 0xbf800000, "00bc", "00bc", 0xbf800000),
    ("0.5", 0x3f000000, "0038", "0038", 0x3f000000),
    ("65504 (MAX)", 0x477fe000, "ff7b", "ff7b", 0x477fe000),
    ("65519.99", 0x477feffd, "ff7b", "ff7b", 0x477fe000),
    ("65520 (overflows)", 0x477ff000, "007c", "007c", 0x7f800000),
    ("-65520", 0xc77ff000, "00fc", "00fc", 0xff800000),
    ("1e5", 0x47c35000, "007c", "007c", 0x7f800000),
    ("f32::MAX", 0x7f7fffff, "007c", "007c", 0x7f800000),
    ("1e-8", 0x322bcc77, "0000", "0000", 0x00000000),
    (
        "2^-24 (smallest subnormal)",
        0x33800000,
        "0100",
        "0100",
        0x33800000,
    ),
    (
        "1023 * 2^-24 (largest subnormal)",
        0x387fc000,
        "ff03",
        "ff03",
        0x387fc000,
    ),
    (
        "2^-14 (MIN_POSITIVE)",
        0x38800000,
        "0004",
        "0004",
        0x38800000,
    ),
    (
        "2^-25 (tie to zero)",
        0x33000000,
        "0000",
        "0000",
        0x00000000,
    ),
    ("2^-25 + 1 f32 ulp", 0x33000001, "0000", "0100", 0x00000000),
    ("3 * 2^-26", 0x33400000, "0000", "0100", 0x00000000),
    ("-3 * 2^-26", 0xb3400000, "0080", "0180", 0x80000000),
    ("4e-8", 0x332bcc77, "0000", "0100", 0x00000000),
    (
        "3 * 2^-25 (tie to 2 * 2^-24)",
        0x33c00000,
        "0200",
        "0200",
        0x34000000,
    ),
    (
        "5 * 2^-25 (tie to 2 * 2^-24)",
        0x34200000,
        "0200",
        "0200",
        0x34000000,
    ),
    (
        "1 + 2^-11 (tie to 1.0)",
        0x3f801000,
        "003c",
        "003c",
        0x3f800000,
    ),
    (
        "1 + 3 * 2^-11 (tie up)",
        0x3f803000,
        "023c",
        "023c",
        0x3f804000,
    ),
    ("0.1", 0x3dcccccd, "662e", "662e", 0x3dccc000),
    ("1/3", 0x3eaaaaab, "5535", "5535", 0x3eaaa000),
    ("NaN", 0x7fc00000, "017e", "007e", 0x7fc02000),
    ("-NaN", 0xffc00000, "01fe", "00fe", 0xffc02000),
    ("+Inf", 0x7f800000, "007c", "007c", 0x7f800000),
    ("-Inf", 0xff800000, "00fc", "00fc", 0xff800000),
];
// The rows where pyfory's bytes differ from IEEE round-to-nearest-even.
const FLOAT16_FROM_F32_PYFORY_DIFFERS: &[&str] = &[
    "2^-25 + 1 f32 ulp",
    "3 * 2^-26",
    "-3 * 2^-26",
    "4e-8",
    "NaN",
    "-NaN",
];

// pyfory 1.7.7: Fory(xlang=True).serialize(Float16Array([v])), payload bytes.
const FLOAT16_FROM_F64: &[F64Row] = &[
    ("0.1", 0x3fb999999999999a, "662e", "662e", 0x3dccc000),
    ("1/3", 0x3fd5555555555555, "5535", "5535", 0x3eaaa000),
    ("1e-8", 0x3e45798ee2308c3a, "0000", "0000", 0x00000000),
    ("65519.99", 0x40effdffae147ae1, "ff7b", "ff7b", 0x477fe000),
    (
        "1 + 2^-11 + 2^-40",
        0x3ff0020000001000,
        "003c",
        "013c",
        0x3f800000,
    ),
    (
        "(2.5 + 2^-30) * 2^-24",
        0x3e84000000200000,
        "0200",
        "0300",
        0x34000000,
    ),
    (
        "-(1 + 2^-11 + 2^-40)",
        0xbff0020000001000,
        "00bc",
        "01bc",
        0xbf800000,
    ),
];
// The rows where pyfory's bytes differ from IEEE round-to-nearest-even.
const FLOAT16_FROM_F64_PYFORY_DIFFERS: &[&str] = &[
    "1 + 2^-11 + 2^-40",
    "(2.5 + 2^-30) * 2^-24",
    "-(1 + 2^-11 + 2^-40)",
];

// pyfory 1.7.7: Fory(xlang=True).serialize(BFloat16Array([v])), payload bytes.
const BFLOAT16_FROM_F32: &[F32Row] = &[
    ("0.0", 0x00000000, "0000", "0000", 0x00000000),
    ("-0.0", 0x80000000, "0080", "0080", 0x80000000),
    ("1.0", 0x3f800000, "803f", "803f", 0x3f800000),
    ("-1.0", 0xbf800000, "80bf", "80bf", 0xbf800000),
    ("0.5", 0x3f000000, "003f", "003f", 0x3f000000),
    ("3.39e38", 0x7f7f0906, "7f7f", "7f7f", 0x7f7f0000),
    ("3.4e38 (overflows)", 0x7f7fc99e, "807f", "807f", 0x7f800000),
    ("-3.4e38", 0xff7fc99e, "80ff", "80ff", 0xff800000),
    (
        "(2 - 2^-8) * 2^127 (tie to Inf)",
        0x7f7f8000,
        "807f",
        "807f",
        0x7f800000,
    ),
    ("f32::MAX", 0x7f7fffff, "807f", "807f", 0x7f800000),
    (
        "2^-126 (MIN_POSITIVE)",
        0x00800000,
        "8000",
        "8000",
        0x00800000,
    ),
    ("1e-40", 0x000116c2, "0100", "0100", 0x00010000),
    (
        "2^-133 (smallest subnormal)",
        0x00010000,
        "0100",
        "0100",
        0x00010000,
    ),
    (
        "2^-134 (tie to zero)",
        0x00008000,
        "0000",
        "0000",
        0x00000000,
    ),
    (
        "3 * 2^-134 (tie to 2 * 2^-133)",
        0x00018000,
        "0200",
        "0200",
        0x00020000,
    ),
    (
        "2^-149 (smallest f32)",
        0x00000001,
        "0000",
        "0000",
        0x00000000,
    ),
    (
        "1 + 2^-8 (tie to 1.0)",
        0x3f808000,
        "803f",
        "803f",
        0x3f800000,
    ),
    (
        "1 + 3 * 2^-8 (tie up)",
        0x3f818000,
        "823f",
        "823f",
        0x3f820000,
    ),
    ("0.1", 0x3dcccccd, "cd3d", "cd3d", 0x3dcd0000),
    ("1/3", 0x3eaaaaab, "ab3e", "ab3e", 0x3eab0000),
    ("NaN", 0x7fc00000, "c07f", "c07f", 0x7fc00000),
    ("-NaN", 0xffc00000, "c07f", "c0ff", 0x7fc00000),
    ("+Inf", 0x7f800000, "807f", "807f", 0x7f800000),
    ("-Inf", 0xff800000, "80ff", "80ff", 0xff800000),
];
// The rows where pyfory's bytes differ from IEEE round-to-nearest-even.
const BFLOAT16_FROM_F32_PYFORY_DIFFERS: &[&str] = &["-NaN"];

// pyfory 1.7.7: Fory(xlang=True).serialize(BFloat16Array([v])), payload bytes.
const BFLOAT16_FROM_F64: &[F64Row] = &[
    ("0.1", 0x3fb999999999999a, "cd3d", "cd3d", 0x3dcd0000),
    ("1/3", 0x3fd5555555555555, "ab3e", "ab3e", 0x3eab0000),
    ("3.4e38", 0x47eff933c78cdfad, "807f", "807f", 0x7f800000),
    ("1e39", 0x48078287f49c4a1d, "807f", "807f", 0x7f800000),
    (
        "1 + 2^-8 + 2^-30",
        0x3ff0100000400000,
        "803f",
        "813f",
        0x3f800000,
    ),
    (
        "-(1 + 2^-8 + 2^-30)",
        0xbff0100000400000,
        "80bf",
        "81bf",
        0xbf800000,
    ),
];
// The rows where pyfory's bytes differ from IEEE round-to-nearest-even.
const BFLOAT16_FROM_F64_PYFORY_DIFFERS: &[&str] = &["1 + 2^-8 + 2^-30", "-(1 + 2^-8 + 2^-30)"];

#[test]
fn float16_from_f32_vectors() {
    check_f32_rows::<Float16>(FLOAT16_FROM_F32, FLOAT16_FROM_F32_PYFORY_DIFFERS);
}

#[test]
fn float16_from_f64_vectors() {
    check_f64_rows::<Float16>(FLOAT16_FROM_F64, FLOAT16_FROM_F64_PYFORY_DIFFERS);
}

#[test]
fn bfloat16_from_f32_vectors() {
    check_f32_rows::<BFloat16>(BFLOAT16_FROM_F32, BFLOAT16_FROM_F32_PYFORY_DIFFERS);
}

#[test]
fn bfloat16_from_f64_vectors() {
    check_f64_rows::<BFloat16>(BFLOAT16_FROM_F64, BFLOAT16_FROM_F64_PYFORY_DIFFERS);
}

#[test]
fn exact_values_read_back_unchanged() {
    // Every input that is itself a half-precision value comes back from pyfory's bytes exactly.
    for &(label, input, _, _, back) in FLOAT16_FROM_F32 {
        let x = f32::from_bits(input);
        if Float16::from_f32(x).to_f32() == x {
            assert_eq!(back, input, "{label}");
        }
    }
    for &(label, input, _, _, back) in BFLOAT16_FROM_F32 {
        let x = f32::from_bits(input);
        if BFloat16::from_f32(x).to_f32() == x {
            assert_eq!(back, input, "{label}");
        }
    }
}

#[test]
fn every_prefix_of_every_vector_is_an_error() {
    let f16_rows = FLOAT16_FROM_F32.iter().map(|r| r.2);
    let bf16_rows = BFLOAT16_FROM_F32.iter().map(|r| r.2);
    for bytes in f16_rows.chain(bf16_rows).map(unhex) {
        for cut in 0..bytes.len() {
            assert!(Reader::new(&bytes[..cut]).read_float16().is_err());
            assert!(Reader::new(&bytes[..cut]).read_bfloat16().is_err());
        }
    }
}
