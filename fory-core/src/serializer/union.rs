//! Unions: enums whose variants each carry one value, as UNION / TYPED_UNION / NAMED_UNION.
//!
//! The payload is the case id (varuint32) and the case value as a full xlang value (flag, type
//! info, payload), so a reader that does not know a case can still skip it. The derive implements
//! [`ForyUnion`] and the serializer traits by calling the functions here. Type meta follows the
//! registration: TYPED_UNION plus the user id, or NAMED_UNION plus names or a TypeDef; UNION (no
//! type meta) is for positions whose declared type already names the union.
//!
//! A variant with several fields is written as a struct, its case struct ([`write_case_struct`]),
//! so that Java and pyfory read it as a union case holding a registered struct. In compatible
//! mode an unknown case id reads as the [`default_case`](ForyUnion::default_case), its value
//! skipped by its type info.

use crate::context::{ReadContext, WriteContext};
use crate::error::Result;
use crate::resolver::{read_user_type_info, write_user_type_info, UserType};
use crate::serializer::enum_::unknown_variant;
use crate::serializer::struct_::write_struct_payload;
use crate::serializer::{skip_value, ForyStruct, Serialize};
use crate::types::{RefFlag, TypeId};

/// A union type: each value is one case, identified by a stable case id.
pub trait ForyUnion: UserType + Sized {
    /// The case id of this value.
    fn case_id(&self) -> u32;

    /// Writes this value's case id and then its case value as a full xlang value (use
    /// [`write_case_value`], [`write_unit_case`] or [`write_case_struct`]).
    fn write_case<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()>;

    /// Reads the case value of case `case_id` (use
    /// [`read_value`](crate::serializer::read_value)); `Ok(None)` for a case this type does not
    /// know, which the caller reports.
    fn read_case_value(case_id: u32, ctx: &mut ReadContext<'_, '_>) -> Result<Option<Self>>;

    /// The value an unknown case reads as in compatible mode (`#[fory(default)]`), after its
    /// case value is skipped; `None` makes an unknown case an error in both modes.
    fn default_case() -> Option<Self> {
        None
    }
}

/// Writes the type info of union `T` as registered (TYPED_UNION or NAMED_UNION).
pub fn write_union_type_info<T: ForyUnion>(ctx: &mut WriteContext<'_>) -> Result<()> {
    write_user_type_info::<T>(ctx)
}

/// Reads the type info of union `T`: its registered form, or plain UNION.
pub fn read_union_type_info<T: ForyUnion>(ctx: &mut ReadContext<'_, '_>) -> Result<TypeId> {
    if ctx.reader.peek_u8()? == TypeId::Union as u8 {
        ctx.reader.skip(1)?;
        return Ok(TypeId::Union);
    }
    read_user_type_info::<T>(ctx)
}

/// Writes a union payload: case id, then the case value.
#[inline]
pub fn write_union_data<'v, T: ForyUnion>(value: &'v T, ctx: &mut WriteContext<'v>) -> Result<()> {
    value.write_case(ctx)
}

/// Writes case `case_id` holding `value` as a full value: reference flag, type info, payload.
/// With tracking on, the flag is ref-value (`00`) for the types Java tracks there
/// ([`Serialize::union_case_tracks_refs`]) and not-null (`ff`) for the others, as Java writes it.
///
/// The union counts as a nesting level, as on reading, since it may hold itself
/// (`Deeper(Box<Nest>)`). A number or string ([`Serialize::fixed_type_id`]), which nests
/// nothing, has its case id, flag and type id put in one store, and the level is only checked.
#[inline(always)]
pub fn write_case_value<'v, T: Serialize>(
    case_id: u32,
    value: &'v T,
    ctx: &mut WriteContext<'v>,
) -> Result<()> {
    let track = ctx.config().ref_tracking && T::union_case_tracks_refs();
    if let (Some(id), false) = (T::fixed_type_id(), track) {
        ctx.check_depth()?;
        // A type with a fixed type id is never null (`Option` has none).
        let flag_and_id = u16::from_le_bytes([RefFlag::NotNullValue.to_byte(), id as u8]);
        ctx.writer.write_varuint32_and_u16(case_id, flag_and_id);
        return value.write_data(ctx, false);
    }
    ctx.enter()?;
    ctx.writer.write_varuint32(case_id);
    let result = write_full_value(value, track, ctx);
    ctx.leave();
    result
}

fn write_full_value<'v, T: Serialize>(
    value: &'v T,
    track: bool,
    ctx: &mut WriteContext<'v>,
) -> Result<()> {
    if value.write_ref_flag(ctx, track)? {
        value.write_type_info(ctx)?;
        value.write_data(ctx, false)?;
    }
    Ok(())
}

/// Writes case `case_id` of a variant without a value: the case id and the null flag, which
/// Java and pyfory read as a case holding null. The union's nesting level is checked as in
/// [`write_case_value`].
#[inline]
pub fn write_unit_case(case_id: u32, ctx: &mut WriteContext<'_>) -> Result<()> {
    ctx.check_depth()?;
    ctx.writer
        .write_varuint32_and_u8(case_id, RefFlag::Null.to_byte());
    Ok(())
}

/// Writes case `case_id` of a variant with several fields as struct `S` (its case struct):
/// case id, reference flag, `S`'s type info, schema hash where structs carry one, then `fields`,
/// which writes the variant's fields in `S`'s wire order. The bytes are those of
/// [`write_case_value`] on an `S` holding the same fields, without building one.
pub fn write_case_struct<'v, S: ForyStruct + Serialize>(
    case_id: u32,
    ctx: &mut WriteContext<'v>,
    fields: impl FnOnce(&mut WriteContext<'v>) -> Result<()>,
) -> Result<()> {
    ctx.enter()?;
    ctx.writer.write_varuint32(case_id);
    let result = write_case_struct_value::<S>(ctx, fields);
    ctx.leave();
    result
}

fn write_case_struct_value<'v, S: ForyStruct + Serialize>(
    ctx: &mut WriteContext<'v>,
    fields: impl FnOnce(&mut WriteContext<'v>) -> Result<()>,
) -> Result<()> {
    if ctx.config().ref_tracking && S::union_case_tracks_refs() {
        ctx.writer.write_u8(RefFlag::RefValue.to_byte());
        ctx.take_ref_id();
    } else {
        ctx.writer.write_u8(RefFlag::NotNullValue.to_byte());
    }
    write_user_type_info::<S::Registered>(ctx)?;
    write_struct_payload::<S>(ctx, fields)
}

/// Reads a union payload. A case id the type does not know reads as the
/// [`default_case`](ForyUnion::default_case) in compatible mode (its value skipped first);
/// otherwise it is an error naming the case id.
pub fn read_union_data<T: ForyUnion>(ctx: &mut ReadContext<'_, '_>) -> Result<T> {
    // A union may hold itself (`Deeper(Box<Nest>)`): each level counts against max_depth.
    ctx.enter()?;
    let result = read_union_case(ctx);
    ctx.leave();
    result
}

fn read_union_case<T: ForyUnion>(ctx: &mut ReadContext<'_, '_>) -> Result<T> {
    let at = ctx.reader.position();
    let case_id = ctx.reader.read_varuint32()?;
    if let Some(value) = T::read_case_value(case_id, ctx)? {
        return Ok(value);
    }
    // The payload's mode where it has shown it (reading follows the writer), else ours.
    let compatible = ctx.compatible();
    if compatible {
        if let Some(value) = T::default_case() {
            skip_value(ctx)?;
            return Ok(value);
        }
    }
    Err(unknown_variant::<T>(
        at,
        "a case id of the target union",
        case_id,
        compatible,
    ))
}
