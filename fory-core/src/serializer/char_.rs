//! `char` as a STRING of one character.
//!
//! No xlang type is a single character: Java leaves `char` out of xlang mode altogether, Python
//! has only `str`, Go's `rune` is an `int32`, and Apache Fory Rust has no `char` serializer. A
//! one-character STRING is the form every peer reads as text (a Java `String`, a Python `str`, a
//! Go `string`) and the one a peer's `"é"` arrives in.
//!
//! Reading accepts a STRING of exactly one Unicode scalar value, and an integer of any wire type
//! that is a Unicode scalar value (a Go `rune` is a VARINT32 code point). Anything else is an error
//! naming what was found: the length of a longer or empty string, the integer that is not a
//! scalar value (`0xd800`, a surrogate).

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::integer::read_wire_integer;
use crate::serializer::string::write_by_rule;
use crate::serializer::{Deserialize, Serialize};
use crate::types::TypeId;

/// STRING and every wire integer type.
const CHAR_SOURCES: [TypeId; 15] = [
    TypeId::String,
    TypeId::Varint32,
    TypeId::VarUint32,
    TypeId::Int32,
    TypeId::Uint32,
    TypeId::Varint64,
    TypeId::VarUint64,
    TypeId::Int64,
    TypeId::Uint64,
    TypeId::TaggedInt64,
    TypeId::TaggedUint64,
    TypeId::Int16,
    TypeId::Uint16,
    TypeId::Int8,
    TypeId::Uint8,
];

/// Written as a STRING of this one character, as the text types are: a Java `String`, a Python
/// `str`, a Go `string` of one character.
///
/// ```
/// use fory_core::Fory;
/// let fory = Fory::default();
/// let bytes = fory.serialize(&'é').unwrap();
/// assert_eq!(bytes, [0x01, 0xff, 21, 0x04, 0xe9]); // STRING "é", as pyfory writes it
/// assert_eq!(fory.deserialize::<char>(&bytes).unwrap(), 'é');
/// // Go's rune('é') is a VARINT32 code point.
/// assert_eq!(fory.deserialize::<char>(&[0x01, 0xff, 5, 0xd2, 0x03]).unwrap(), 'é');
/// // Two characters are no char.
/// assert!(fory.deserialize::<char>(&fory.serialize("ab").unwrap()).is_err());
/// ```
impl Serialize for char {
    #[inline]
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.write_type_id(TypeId::String);
        Ok(())
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        let mut buf = [0u8; 4];
        let text = self.encode_utf8(&mut buf);
        let rule = ctx.string_rule();
        write_by_rule(text, ctx, rule)
    }
}

/// Reads a STRING of one character, or an integer code point.
impl<'de> Deserialize<'de> for char {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.read_type_id_among(&CHAR_SOURCES, TypeId::String)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        let at = ctx.reader.position();
        if id == TypeId::String {
            let text = ctx.reader.read_str()?;
            let mut chars = text.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(Error::invalid(
                    at,
                    "a string of exactly one character",
                    format!("a string of {} characters", text.chars().count()),
                )),
            };
        }
        let value = match read_wire_integer(&mut ctx.reader, id) {
            Some(value) => value?,
            None => {
                return Err(Error::invalid(
                    at,
                    "a string or an integer code point",
                    id.to_string(),
                ))
            }
        };
        u32::try_from(value)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                let shown = if value < 0 {
                    value.to_string()
                } else {
                    format!("{value:#x}")
                };
                Error::invalid(
                    at,
                    "a Unicode scalar value (0..=0x10ffff, not a surrogate)",
                    format!("{shown} ({id})"),
                )
            })
    }

    fn declared_type_id() -> TypeId {
        TypeId::String
    }
}
