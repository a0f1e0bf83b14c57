//! TypeDef: the self-describing type metadata of compatible mode.
//!
//! A TypeDef is an 8-byte little-endian header followed by a body:
//!
//! - header bits 0..8: body size (`0xff` means "255 or more": a varuint32 of `size - 255`
//!   follows the header); bit 8: compressed (never set in xlang, rejected); bits 9..12:
//!   reserved, zero; bits 12..64: a 52-bit hash of the body (see [`header_hash`]);
//! - body: one meta byte, then the type spec. For non-struct kinds (this module) the meta byte is
//!   the kind code (ENUM 0, NAMED_ENUM 1, EXT 2, NAMED_EXT 3, TYPED_UNION 4, NAMED_UNION 5) and
//!   the spec is the user id (varuint32) or the namespace and type name. Struct TypeDefs (meta
//!   byte bit 7 set) add field infos; their body is built by the derive.
//!
//! Names inside a TypeDef are meta strings with a one-byte header `(size << 2) | index`, where
//! `index` points into the context's allowed encodings and a size of 63 or more is written as 63
//! followed by a varuint32 of `size - 63`.

use crate::buffer::{Reader, Writer};
use crate::error::{Error, Result};
use crate::meta::meta_string::{MetaString, MetaStringDecoder, MetaStringEncoding};
use crate::meta::murmur3::murmurhash3_x64_128;
use crate::types::TypeId;

/// The size bits of a TypeDef header: the body's size, or, all set, 255 and more in a varint.
pub(crate) const SIZE_MASK: u64 = 0xff;
const COMPRESSED: u64 = 1 << 8;
const RESERVED: u64 = 0b111 << 9;
const LOW_BITS: u64 = 0xfff;
const BIG_NAME: usize = 63;

/// Encodings a namespace inside a TypeDef may use, in the order of their 2-bit index.
pub const NAMESPACE_ENCODINGS: [MetaStringEncoding; 3] = [
    MetaStringEncoding::Utf8,
    MetaStringEncoding::AllToLowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
];

/// Encodings a type name inside a TypeDef may use, in the order of their 2-bit index.
pub const TYPE_NAME_ENCODINGS: [MetaStringEncoding; 4] = [
    MetaStringEncoding::Utf8,
    MetaStringEncoding::AllToLowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
    MetaStringEncoding::FirstToLowerSpecial,
];

/// The 52 hash bits of a header: MurmurHash3 x64_128 (seed 47) of the body followed by the two
/// little-endian bytes of the header's low 12 bits; the first 64-bit lane as a signed value, shifted left
/// by 12, made non-negative (wrapping at `i64::MIN`), low 12 bits cleared.
pub fn header_hash(body: &[u8], low_bits: u64) -> u64 {
    let mut data = Vec::with_capacity(body.len() + 2);
    data.extend_from_slice(body);
    data.extend_from_slice(&((low_bits & LOW_BITS) as u16).to_le_bytes());
    let (h1, _) = murmurhash3_x64_128(&data, 47);
    let shifted = (h1 as i64).wrapping_shl(12);
    (shifted.wrapping_abs() as u64) & !LOW_BITS
}

/// Writes a whole TypeDef (header and body).
pub fn write_type_def(w: &mut Writer, body: &[u8]) {
    let size = body.len() as u64;
    let low = size.min(SIZE_MASK);
    w.write_u64(header_hash(body, low) | low);
    if size >= SIZE_MASK {
        w.write_varuint32((size - SIZE_MASK) as u32);
    }
    w.write_bytes(body);
}

/// Reads a whole TypeDef and returns its body, after checking the flags and the hash.
pub fn read_type_def<'a>(r: &mut Reader<'a>) -> Result<&'a [u8]> {
    let at = r.position();
    let (header, body) = read_type_def_unchecked(r)?;
    check_type_def_hash(header, body, at)?;
    Ok(body)
}

/// Reads a whole TypeDef and returns its header and body, checking the flags but not the hash
/// (for a reader that recognizes the bytes of a TypeDef it already checked; then call
/// [`check_type_def_hash`] on anything new).
#[inline]
pub fn read_type_def_unchecked<'a>(r: &mut Reader<'a>) -> Result<(u64, &'a [u8])> {
    let at = r.position();
    let header = r.read_u64()?;
    if header & COMPRESSED != 0 {
        return Err(Error::unsupported(at, "a compressed TypeDef"));
    }
    if header & RESERVED != 0 {
        return Err(Error::invalid(
            at,
            "a TypeDef header with reserved bits 9..=11 clear",
            format!("{header:#018x}"),
        ));
    }
    let mut size = header & SIZE_MASK;
    if size == SIZE_MASK {
        size += u64::from(r.read_varuint32()?);
    }
    let body = r.read_bytes_for(size as usize, "TypeDef body")?;
    Ok((header, body))
}

/// Checks that a TypeDef header's hash bits match its body (`at`: the header's offset).
pub fn check_type_def_hash(header: u64, body: &[u8], at: usize) -> Result<()> {
    if header_hash(body, header & LOW_BITS) != header & !LOW_BITS {
        return Err(Error::invalid(
            at,
            "a TypeDef whose header hash matches its body",
            format!("{header:#018x}"),
        ));
    }
    Ok(())
}

/// The TypeDef kind code of a non-struct user kind.
pub fn non_struct_kind_code(id: TypeId) -> Option<u8> {
    Some(match id {
        TypeId::Enum => 0,
        TypeId::NamedEnum => 1,
        TypeId::Ext => 2,
        TypeId::NamedExt => 3,
        TypeId::TypedUnion => 4,
        TypeId::NamedUnion => 5,
        _ => return None,
    })
}

/// The type id of a non-struct TypeDef kind code.
pub fn non_struct_type_id(code: u8) -> Option<TypeId> {
    Some(match code {
        0 => TypeId::Enum,
        1 => TypeId::NamedEnum,
        2 => TypeId::Ext,
        3 => TypeId::NamedExt,
        4 => TypeId::TypedUnion,
        5 => TypeId::NamedUnion,
        _ => return None,
    })
}

/// Writes a name inside a TypeDef. `allowed` is the context's encoding list; the name must have
/// been encoded with one of them.
pub fn write_name(w: &mut Writer, name: &MetaString, allowed: &[MetaStringEncoding]) {
    let index = allowed
        .iter()
        .position(|e| *e == name.encoding())
        .unwrap_or(0) as u8;
    let len = name.bytes().len();
    if len >= BIG_NAME {
        w.write_u8(((BIG_NAME as u8) << 2) | index);
        w.write_varuint32((len - BIG_NAME) as u32);
    } else {
        w.write_u8(((len as u8) << 2) | index);
    }
    w.write_bytes(name.bytes());
}

/// Reads a name written by [`write_name`] and decodes it.
pub fn read_name(
    r: &mut Reader<'_>,
    allowed: &[MetaStringEncoding],
    decoder: MetaStringDecoder,
) -> Result<String> {
    let at = r.position();
    let header = r.read_u8()?;
    let index = usize::from(header & 0b11);
    let encoding = *allowed.get(index).ok_or_else(|| {
        Error::invalid(
            at,
            "a TypeDef name encoding index for this context",
            index.to_string(),
        )
    })?;
    let mut len = usize::from(header >> 2);
    if len == BIG_NAME {
        len += r.read_varuint32()? as usize;
    }
    let body_at = r.position();
    let bytes = r.read_bytes_for(len, "TypeDef name bytes")?;
    decoder.decode(bytes, encoding).map_err(|e| {
        Error::invalid(
            body_at + e.offset().unwrap_or(0),
            "a valid meta string in a TypeDef",
            e.to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// pyfory 1.7.7, `Fory(xlang=True, compatible=True)`, an enum registered with
    /// `name="example.Color"`: the TypeDef in its NAMED_ENUM frame.
    const PYFORY_NAMED_ENUM_TYPE_DEF: &str = "0ce02e7992d35970011512e063d6401389cb7440";

    #[test]
    fn header_hash_matches_pyfory() {
        let bytes = unhex(PYFORY_NAMED_ENUM_TYPE_DEF);
        let mut w = Writer::new();
        write_type_def(&mut w, &bytes[8..]);
        assert_eq!(w.as_slice(), &bytes[..]);
        let mut r = Reader::new(&bytes);
        assert_eq!(read_type_def(&mut r).unwrap(), &bytes[8..]);
    }

    #[test]
    fn corrupted_type_defs_are_errors() {
        let bytes = unhex(PYFORY_NAMED_ENUM_TYPE_DEF);
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert!(read_type_def(&mut Reader::new(&bad)).is_err(), "byte {i}");
        }
        for cut in 0..bytes.len() {
            assert!(read_type_def(&mut Reader::new(&bytes[..cut])).is_err());
        }
    }
}
