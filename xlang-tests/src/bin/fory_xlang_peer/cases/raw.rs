//! Cases that exchange raw buffer contents rather than Fory payloads: fixed-width and
//! variable-length integers, and MurmurHash3.

use fory_core::__private::meta::murmur3::murmurhash3_x64_128;
use fory_core::{Reader, Writer};

use crate::session::{Failure, Outcome, Session};

/// A raw buffer is one "payload" starting at byte 0.
fn raw(error: fory_core::Error) -> Failure {
    Failure::Decode {
        payload: 0,
        start: 0,
        error,
    }
}

/// `test_buffer`: bool, int8, int16, int32, int64 (fixed width), float32, float64, a varuint32,
/// then an int32 length and that many bytes.
pub fn buffer(s: &mut Session) -> Outcome {
    let mut r = Reader::new(s.input());
    let mut w = Writer::new();
    w.write_bool(r.read_bool().map_err(raw)?);
    w.write_i8(r.read_i8().map_err(raw)?);
    w.write_i16(r.read_i16().map_err(raw)?);
    w.write_i32(r.read_i32().map_err(raw)?);
    w.write_i64(r.read_i64().map_err(raw)?);
    w.write_f32(r.read_f32().map_err(raw)?);
    w.write_f64(r.read_f64().map_err(raw)?);
    w.write_varuint32(r.read_varuint32().map_err(raw)?);
    let len = r.read_i32().map_err(raw)?;
    let len_usize = usize::try_from(len)
        .map_err(|_| Failure::Check(format!("negative byte count {len} in test_buffer")))?;
    let bytes = r.read_bytes(len_usize).map_err(raw)?;
    w.write_i32(len);
    w.write_bytes(bytes);
    check_consumed(&r)?;
    s.consume_all();
    s.write_raw(w.as_slice());
    Ok(())
}

/// `test_buffer_var`: 18 varint32, 12 varuint32, 19 varuint64 and 15 varint64 values, in that
/// order (the counts of the Java driver's value lists).
pub fn buffer_var(s: &mut Session) -> Outcome {
    let mut r = Reader::new(s.input());
    let mut w = Writer::new();
    for _ in 0..18 {
        w.write_varint32(r.read_varint32().map_err(raw)?);
    }
    for _ in 0..12 {
        w.write_varuint32(r.read_varuint32().map_err(raw)?);
    }
    for _ in 0..19 {
        w.write_varuint64(r.read_varuint64().map_err(raw)?);
    }
    for _ in 0..15 {
        w.write_varint64(r.read_varint64().map_err(raw)?);
    }
    check_consumed(&r)?;
    s.consume_all();
    s.write_raw(w.as_slice());
    Ok(())
}

/// `test_murmurhash3`: the file starts with the two 64-bit lanes of MurmurHash3_x64_128 of
/// `[1, 2, 8]` (seed 47), little-endian; on the first run they are followed by the hash of
/// `"01234567890123456789"`. The peer checks them and leaves the file as it is.
pub fn murmurhash3(s: &mut Session) -> Outcome {
    let inputs: [&[u8]; 2] = [&[1, 2, 8], b"01234567890123456789"];
    let count = match s.input().len() {
        16 => 1,
        32 => 2,
        n => {
            return Err(Failure::Check(format!(
                "test_murmurhash3 expects 16 or 32 bytes, got {n}"
            )))
        }
    };
    let mut r = Reader::new(s.input());
    for data in &inputs[..count] {
        let (h1, h2) = murmurhash3_x64_128(data, 47);
        let (f1, f2) = (r.read_u64().map_err(raw)?, r.read_u64().map_err(raw)?);
        if (f1, f2) != (h1, h2) {
            return Err(Failure::Check(format!(
                "MurmurHash3 of {data:?}: expected {h1:#018x} {h2:#018x}, the file has \
                 {f1:#018x} {f2:#018x}"
            )));
        }
    }
    let input = s.input().to_vec();
    s.consume_all();
    s.write_raw(&input);
    Ok(())
}

fn check_consumed(r: &Reader<'_>) -> Outcome {
    if r.remaining() != 0 {
        return Err(Failure::Check(format!(
            "{} bytes left at byte {} after the values the case defines",
            r.remaining(),
            r.position()
        )));
    }
    Ok(())
}
