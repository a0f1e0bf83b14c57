//! Unions: enums whose variants each carry one value, as UNION / TYPED_UNION / NAMED_UNION.
//!
//! The payload is the case id (varuint32) and the case value as a full xlang value (flag, type
//! info, payload), so a reader that does not know a case can still skip it. The derive implements
//! [`ForyUnion`] and the serializer traits by calling the functions here. Type meta follows the
//! registration: TYPED_UNION plus the user id, or NAMED_UNION plus names or a TypeDef; UNION (no
//! type meta) is for positions whose declared type already names the union.

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::resolver::{read_user_type_info, write_user_type_info, UserType};
use crate::serializer::Serialize;
use crate::types::TypeId;

/// A union type: each value is one case, identified by a stable case id.
pub trait ForyUnion: UserType + Sized {
    /// The case id of this value.
    fn case_id(&self) -> u32;

    /// Writes this value's case value as a full xlang value (use [`write_case_value`]).
    fn write_case_value<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()>;

    /// Reads the case value of case `case_id` (use
    /// [`read_value`](crate::serializer::read_value)); `Ok(None)` for a case this type does not
    /// know, which the caller reports.
    fn read_case_value(case_id: u32, ctx: &mut ReadContext<'_, '_>) -> Result<Option<Self>>;
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
pub fn write_union_data<'v, T: ForyUnion>(value: &'v T, ctx: &mut WriteContext<'v>) -> Result<()> {
    ctx.enter()?;
    ctx.writer.write_varuint32(value.case_id());
    let result = value.write_case_value(ctx);
    ctx.leave();
    result
}

/// Writes a union's case value as a full value: reference flag, type info, payload. With
/// tracking on, the flag is ref-value (`00`) for the types Java tracks there
/// ([`Serialize::union_case_tracks_refs`]) and not-null (`ff`) for the others, as Java writes it.
pub fn write_case_value<'v, T: Serialize>(value: &'v T, ctx: &mut WriteContext<'v>) -> Result<()> {
    let track = ctx.config().ref_tracking && T::union_case_tracks_refs();
    if value.write_ref_flag(ctx, track)? {
        value.write_type_info(ctx)?;
        value.write_data(ctx, false)?;
    }
    Ok(())
}

/// Reads a union payload; a case id the type does not know is an error naming it.
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
    T::read_case_value(case_id, ctx)?.ok_or_else(|| {
        Error::invalid(
            at,
            "a case id of the target union",
            format!("{case_id} for {}", std::any::type_name::<T>()),
        )
    })
}
