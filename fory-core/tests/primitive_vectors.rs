//! Wire primitives against bytes written by a real peer.
//!
//! Every expected hex string below was produced by pyfory 1.7.7 (PyPI), by the `Buffer.write_*`
//! call named above each table; `xlang-tests/peers/python/primitive_vectors.py` regenerates them.
//! For each row our writer must produce exactly those bytes and our reader must read them back to
//! the value, consuming every byte. Every strict prefix of every vector must fail with an error.

mod common;

use common::{hex, unhex};
use fory_core::{Error, ErrorKind, Reader, Writer};

// bool: pyfory 1.7.7 Buffer.write_bool(v)
const BOOL: &[(bool, &str)] = &[(false, "00"), (true, "01")];

// int8: pyfory 1.7.7 Buffer.write_int8(v)
const INT8: &[(i8, &str)] = &[(-128, "80"), (-1, "ff"), (0, "00"), (1, "01"), (127, "7f")];

// uint8: pyfory 1.7.7 Buffer.write_uint8(v)
const UINT8: &[(u8, &str)] = &[(0, "00"), (1, "01"), (127, "7f"), (128, "80"), (255, "ff")];

// int16: pyfory 1.7.7 Buffer.write_int16(v)
const INT16: &[(i16, &str)] = &[
    (-32768, "0080"),
    (-16384, "00c0"),
    (-129, "7fff"),
    (-128, "80ff"),
    (-1, "ffff"),
    (0, "0000"),
    (1, "0100"),
    (127, "7f00"),
    (128, "8000"),
    (16384, "0040"),
    (32767, "ff7f"),
];

// uint16: pyfory 1.7.7 Buffer.write_uint16(v)
const UINT16: &[(u16, &str)] = &[
    (0, "0000"),
    (1, "0100"),
    (127, "7f00"),
    (128, "8000"),
    (16384, "0040"),
    (65535, "ffff"),
];

// int32: pyfory 1.7.7 Buffer.write_int32(v)
const INT32: &[(i32, &str)] = &[
    (-2147483648, "00000080"),
    (-268435456, "000000f0"),
    (-2097152, "0000e0ff"),
    (-16384, "00c0ffff"),
    (-129, "7fffffff"),
    (-128, "80ffffff"),
    (-1, "ffffffff"),
    (0, "00000000"),
    (1, "01000000"),
    (127, "7f000000"),
    (128, "80000000"),
    (16384, "00400000"),
    (2097152, "00002000"),
    (268435456, "00000010"),
    (2147483647, "ffffff7f"),
];

// uint32: pyfory 1.7.7 Buffer.write_uint32(v)
const UINT32: &[(u32, &str)] = &[
    (0, "00000000"),
    (1, "01000000"),
    (127, "7f000000"),
    (128, "80000000"),
    (16384, "00400000"),
    (2097152, "00002000"),
    (268435456, "00000010"),
    (4294967295, "ffffffff"),
];

// int64: pyfory 1.7.7 Buffer.write_int64(v)
const INT64: &[(i64, &str)] = &[
    (-9223372036854775808, "0000000000000080"),
    (-72057594037927936, "00000000000000ff"),
    (-34359738368, "00000000f8ffffff"),
    (-268435456, "000000f0ffffffff"),
    (-2097152, "0000e0ffffffffff"),
    (-16384, "00c0ffffffffffff"),
    (-129, "7fffffffffffffff"),
    (-128, "80ffffffffffffff"),
    (-1, "ffffffffffffffff"),
    (0, "0000000000000000"),
    (1, "0100000000000000"),
    (127, "7f00000000000000"),
    (128, "8000000000000000"),
    (16384, "0040000000000000"),
    (2097152, "0000200000000000"),
    (268435456, "0000001000000000"),
    (34359738368, "0000000008000000"),
    (72057594037927936, "0000000000000001"),
    (9223372036854775807, "ffffffffffffff7f"),
];

// uint64: pyfory 1.7.7 Buffer.write_uint64(v)
const UINT64: &[(u64, &str)] = &[
    (0, "0000000000000000"),
    (1, "0100000000000000"),
    (127, "7f00000000000000"),
    (128, "8000000000000000"),
    (16384, "0040000000000000"),
    (2097152, "0000200000000000"),
    (268435456, "0000001000000000"),
    (34359738368, "0000000008000000"),
    (72057594037927936, "0000000000000001"),
    (18446744073709551615, "ffffffffffffffff"),
];

// varuint32: pyfory 1.7.7 Buffer.write_var_uint32(v)
const VARUINT32: &[(u32, &str)] = &[
    (0, "00"),
    (1, "01"),
    (127, "7f"),
    (128, "8001"),
    (16384, "808001"),
    (2097152, "80808001"),
    (268435456, "8080808001"),
    (4294967295, "ffffffff0f"),
];

// varint32: pyfory 1.7.7 Buffer.write_varint32(v)
const VARINT32: &[(i32, &str)] = &[
    (-2147483648, "ffffffff0f"),
    (-268435456, "ffffffff01"),
    (-2097152, "ffffff01"),
    (-16384, "ffff01"),
    (-129, "8102"),
    (-128, "ff01"),
    (-1, "01"),
    (0, "00"),
    (1, "02"),
    (127, "fe01"),
    (128, "8002"),
    (16384, "808002"),
    (2097152, "80808002"),
    (268435456, "8080808002"),
    (2147483647, "feffffff0f"),
];

// varuint64: pyfory 1.7.7 Buffer.write_var_uint64(v)
const VARUINT64: &[(u64, &str)] = &[
    (0, "00"),
    (1, "01"),
    (127, "7f"),
    (128, "8001"),
    (16384, "808001"),
    (2097152, "80808001"),
    (268435456, "8080808001"),
    (34359738368, "808080808001"),
    (72057594037927936, "808080808080808001"),
    (18446744073709551615, "ffffffffffffffffff"),
];

// varint64: pyfory 1.7.7 Buffer.write_varint64(v)
const VARINT64: &[(i64, &str)] = &[
    (-9223372036854775808, "ffffffffffffffffff"),
    (-72057594037927936, "ffffffffffffffff01"),
    (-34359738368, "ffffffffff01"),
    (-268435456, "ffffffff01"),
    (-2097152, "ffffff01"),
    (-16384, "ffff01"),
    (-129, "8102"),
    (-128, "ff01"),
    (-1, "01"),
    (0, "00"),
    (1, "02"),
    (127, "fe01"),
    (128, "8002"),
    (16384, "808002"),
    (2097152, "80808002"),
    (268435456, "8080808002"),
    (34359738368, "808080808002"),
    (72057594037927936, "808080808080808002"),
    (9223372036854775807, "feffffffffffffffff"),
];

// tagged_int64: pyfory 1.7.7 Buffer.write_tagged_int64(v)
const TAGGED_INT64: &[(i64, &str)] = &[
    (-9223372036854775808, "010000000000000080"),
    (-72057594037927936, "0100000000000000ff"),
    (-34359738368, "0100000000f8ffffff"),
    (-1073741825, "01ffffffbfffffffff"),
    (-1073741824, "00000080"),
    (-268435456, "000000e0"),
    (-2097152, "0000c0ff"),
    (-16384, "0080ffff"),
    (-129, "fefeffff"),
    (-128, "00ffffff"),
    (-1, "feffffff"),
    (0, "00000000"),
    (1, "02000000"),
    (127, "fe000000"),
    (128, "00010000"),
    (16384, "00800000"),
    (2097152, "00004000"),
    (268435456, "00000020"),
    (1073741823, "feffff7f"),
    (1073741824, "010000004000000000"),
    (34359738368, "010000000008000000"),
    (72057594037927936, "010000000000000001"),
    (9223372036854775807, "01ffffffffffffff7f"),
];

// tagged_uint64: pyfory 1.7.7 Buffer.write_tagged_uint64(v)
const TAGGED_UINT64: &[(u64, &str)] = &[
    (0, "00000000"),
    (1, "02000000"),
    (127, "fe000000"),
    (128, "00010000"),
    (16384, "00800000"),
    (2097152, "00004000"),
    (268435456, "00000020"),
    (2147483647, "feffffff"),
    (2147483648, "010000008000000000"),
    (34359738368, "010000000008000000"),
    (72057594037927936, "010000000000000001"),
    (18446744073709551615, "01ffffffffffffffff"),
];

// float32 (as bits): pyfory 1.7.7 Buffer.write_float32(v)
const FLOAT32_BITS: &[(u32, &str)] = &[
    (0x00000000, "00000000"),
    (0x80000000, "00000080"),
    (0x3f800000, "0000803f"),
    (0xbf800000, "000080bf"),
    (0x3fc00000, "0000c03f"),
    (0x3dcccccd, "cdcccc3d"),
    (0x7f800000, "0000807f"),
    (0xff800000, "000080ff"),
    (0x7fc00000, "0000c07f"),
    (0x00000001, "01000000"),
    (0x7f7fffff, "ffff7f7f"),
];

// float64 (as bits): pyfory 1.7.7 Buffer.write_float64(v)
const FLOAT64_BITS: &[(u64, &str)] = &[
    (0x0000000000000000, "0000000000000000"),
    (0x8000000000000000, "0000000000000080"),
    (0x3ff0000000000000, "000000000000f03f"),
    (0xbff0000000000000, "000000000000f0bf"),
    (0x3ff8000000000000, "000000000000f83f"),
    (0x3fb999999999999a, "9a9999999999b93f"),
    (0x7ff0000000000000, "000000000000f07f"),
    (0xfff0000000000000, "000000000000f0ff"),
    (0x7ff8000000000000, "000000000000f87f"),
    (0x36a0000000000000, "000000000000a036"),
    (0x47efffffe0000000, "000000e0ffffef47"),
    (0x0010000000000000, "0000000000001000"),
    (0x0000000000000001, "0100000000000000"),
    (0x7fefffffffffffff, "ffffffffffffef7f"),
];

// string header (varuint36_small): pyfory 1.7.7 Buffer.write_string('a' * n), header bytes only
const STRING_HEADER_A_TIMES_N: &[(u64, &str)] = &[
    (0, "00"),
    (1, "04"),
    (31, "7c"),
    (32, "8001"),
    (4095, "fc7f"),
    (4096, "808001"),
    (524287, "fcff7f"),
    (524288, "80808001"),
    (67108863, "fcffff7f"),
    (67108864, "8080808001"),
];

macro_rules! peer_vector_tests {
    ($($test:ident: $table:ident, $write:ident, $read:ident;)*) => {$(
        #[test]
        fn $test() {
            for &(value, expected) in $table {
                let mut w = Writer::new();
                w.$write(value);
                assert_eq!(hex(w.as_slice()), expected, "writing {value:?}");
                let bytes = unhex(expected);
                let mut r = Reader::new(&bytes);
                assert_eq!(r.$read().unwrap(), value, "reading {expected}");
                assert!(r.is_empty(), "{expected}: {} bytes left", r.remaining());
            }
        }
    )*};
}

peer_vector_tests! {
    bool_matches_pyfory: BOOL, write_bool, read_bool;
    int8_matches_pyfory: INT8, write_i8, read_i8;
    uint8_matches_pyfory: UINT8, write_u8, read_u8;
    int16_matches_pyfory: INT16, write_i16, read_i16;
    uint16_matches_pyfory: UINT16, write_u16, read_u16;
    int32_matches_pyfory: INT32, write_i32, read_i32;
    uint32_matches_pyfory: UINT32, write_u32, read_u32;
    int64_matches_pyfory: INT64, write_i64, read_i64;
    uint64_matches_pyfory: UINT64, write_u64, read_u64;
    varuint32_matches_pyfory: VARUINT32, write_varuint32, read_varuint32;
    varint32_matches_pyfory: VARINT32, write_varint32, read_varint32;
    varuint64_matches_pyfory: VARUINT64, write_varuint64, read_varuint64;
    varint64_matches_pyfory: VARINT64, write_varint64, read_varint64;
    tagged_int64_matches_pyfory: TAGGED_INT64, write_tagged_i64, read_tagged_i64;
    tagged_uint64_matches_pyfory: TAGGED_UINT64, write_tagged_u64, read_tagged_u64;
}

#[test]
fn float32_matches_pyfory_bit_for_bit() {
    for &(bits, expected) in FLOAT32_BITS {
        let mut w = Writer::new();
        w.write_f32(f32::from_bits(bits));
        assert_eq!(hex(w.as_slice()), expected);
        let bytes = unhex(expected);
        assert_eq!(Reader::new(&bytes).read_f32().unwrap().to_bits(), bits);
    }
}

#[test]
fn float64_matches_pyfory_bit_for_bit() {
    for &(bits, expected) in FLOAT64_BITS {
        let mut w = Writer::new();
        w.write_f64(f64::from_bits(bits));
        assert_eq!(hex(w.as_slice()), expected);
        let bytes = unhex(expected);
        assert_eq!(Reader::new(&bytes).read_f64().unwrap().to_bits(), bits);
    }
}

#[test]
fn string_headers_match_pyfory() {
    for &(n, expected) in STRING_HEADER_A_TIMES_N {
        let mut w = Writer::new();
        w.write_varuint36_small(n << 2);
        assert_eq!(hex(w.as_slice()), expected, "header of {n} Latin-1 bytes");
        let bytes = unhex(expected);
        let mut r = Reader::new(&bytes);
        assert_eq!(r.read_varuint36_small().unwrap(), n << 2);
        assert!(r.is_empty());
    }
}

#[test]
fn varuint36_uses_a_full_fifth_byte() {
    // No peer can cheaply produce a header of 2^33 bytes or more; the layout follows the Java
    // peer's MemoryBuffer.writeVarUint36Small: four 7-bit groups, then 8 bits whole.
    let max = fory_core::__private::buffer::VARUINT36_MAX;
    let mut w = Writer::new();
    w.write_varuint36_small(max);
    assert_eq!(hex(w.as_slice()), "ffffffffff");
    assert_eq!(
        Reader::new(w.as_slice()).read_varuint36_small().unwrap(),
        max
    );
    let mut w = Writer::new();
    w.write_varuint36_small(1 << 35);
    assert_eq!(hex(w.as_slice()), "8080808080");
}

/// Every strict prefix of every vector above, fed to the matching read, is an error that points
/// inside the input; none panics.
#[test]
fn every_prefix_of_every_vector_is_an_error() {
    type Read = fn(&mut Reader) -> Result<(), Error>;
    macro_rules! vectors {
        ($($table:ident => $read:ident),*) => {{
            let mut all: Vec<(Vec<u8>, Read)> = Vec::new();
            $(for &(_, h) in $table {
                all.push((unhex(h), |r: &mut Reader| r.$read().map(|_| ())));
            })*
            all
        }};
    }
    let all = vectors!(
        BOOL => read_bool, INT8 => read_i8, UINT8 => read_u8, INT16 => read_i16,
        UINT16 => read_u16, INT32 => read_i32, UINT32 => read_u32, INT64 => read_i64,
        UINT64 => read_u64, VARUINT32 => read_varuint32, VARINT32 => read_varint32,
        VARUINT64 => read_varuint64, VARINT64 => read_varint64,
        TAGGED_INT64 => read_tagged_i64, TAGGED_UINT64 => read_tagged_u64,
        FLOAT32_BITS => read_f32, FLOAT64_BITS => read_f64,
        STRING_HEADER_A_TIMES_N => read_varuint36_small
    );
    assert!(all.len() > 150);
    for (bytes, read) in all {
        for cut in 0..bytes.len() {
            let mut r = Reader::new(&bytes[..cut]);
            let err = read(&mut r).expect_err("a strict prefix must not decode");
            assert!(
                matches!(err.kind(), ErrorKind::Truncated { .. }),
                "{}: prefix {cut}: {err}",
                hex(&bytes)
            );
            assert!(err.offset().unwrap() <= cut, "{err}");
        }
    }
}

#[test]
fn malformed_varints_are_errors() {
    // With and without bytes after the varint: a reader decodes from an 8-byte word when
    // that many remain, and byte by byte near the end; both must reject the same input.
    for tail in ["", "00", "0000000000000000"] {
        let input = |h: &str| unhex(&format!("{h}{tail}"));
        // A fifth varuint32 byte may only carry bits 28..32.
        let err = Reader::new(&input("ffffffff1f"))
            .read_varuint32()
            .unwrap_err();
        assert!(err.to_string().contains("beyond the type's width"), "{err}");
        // A continuation bit on the fifth byte would make a sixth: never written by any peer.
        let six = input("ffffffff8f01");
        let mut r = Reader::new(&six);
        let err = r.read_varuint32().unwrap_err();
        assert_eq!(err.offset(), Some(0));
        assert_eq!(r.position(), 0, "a failed read leaves the cursor in place");
        // The ninth varuint64 byte carries 8 bits whole, so any value is fine there.
        assert_eq!(
            Reader::new(&input("ffffffffffffffffff"))
                .read_varuint64()
                .unwrap(),
            u64::MAX
        );
        // So does the fifth byte of a string header.
        assert_eq!(
            Reader::new(&input("ffffffffff"))
                .read_varuint36_small()
                .unwrap(),
            fory_core::__private::buffer::VARUINT36_MAX
        );
    }
    // The long tagged form starts with exactly 0x01.
    let err = Reader::new(&unhex("030000000000000000"))
        .read_tagged_i64()
        .unwrap_err();
    assert!(err.to_string().contains("tag byte 0x01"), "{err}");
    let err = Reader::new(&unhex("02")).read_bool().unwrap_err();
    assert!(err.to_string().contains("bool 0 or 1"), "{err}");
}

#[test]
fn errors_report_offsets_within_the_stream() {
    let bytes = unhex("7f8080");
    let mut r = Reader::new(&bytes);
    assert_eq!(r.read_varuint32().unwrap(), 127);
    let err = r.read_varuint32().unwrap_err();
    assert_eq!(err.offset(), Some(1));
    assert_eq!(
        err.to_string(),
        "truncated input at byte 1: expected varuint32 (3 bytes needed, 2 left)"
    );
    // A failed read leaves the cursor where it was.
    assert_eq!(r.position(), 1);
}
