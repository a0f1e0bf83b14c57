//! Unit-only enums: ENUM (registered by id) and NAMED_ENUM (registered by name), whose payload is
//! the variant's ordinal as a varuint32.
//!
//! The derive implements [`ForyEnum`] and the two serializer traits by calling the functions here;
//! hand-written impls can do the same.

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::resolver::{read_user_type_info, write_user_type_info, UserType};
use crate::types::TypeId;

/// A unit-only enum whose variants are numbered on the wire (by declaration order unless the
/// type says otherwise).
pub trait ForyEnum: UserType + Sized {
    /// The wire number of this variant.
    fn ordinal(&self) -> u32;
    /// The variant with wire number `ordinal`, if there is one.
    fn from_ordinal(ordinal: u32) -> Option<Self>;

    /// The variant an unknown ordinal reads as in a compatible-mode payload (`#[fory(default)]`);
    /// `None` makes an unknown ordinal an error in both modes.
    fn default_variant() -> Option<Self> {
        None
    }
}

/// Writes the type info of enum `T` (its registration decides ENUM or NAMED_ENUM).
pub fn write_enum_type_info<T: ForyEnum>(ctx: &mut WriteContext<'_>) -> Result<()> {
    write_user_type_info::<T>(ctx)
}

/// Writes the payload of an enum value: its ordinal.
pub fn write_enum_data<T: ForyEnum>(value: &T, ctx: &mut WriteContext<'_>) -> Result<()> {
    ctx.writer.write_varuint32(value.ordinal());
    Ok(())
}

/// Reads and checks the type info of enum `T`.
pub fn read_enum_type_info<T: ForyEnum>(ctx: &mut ReadContext<'_, '_>) -> Result<TypeId> {
    read_user_type_info::<T>(ctx)
}

/// Reads the payload of an enum value. An ordinal with no variant reads as the
/// [`default_variant`](ForyEnum::default_variant) in compatible mode, where the writer may know
/// variants this side does not; otherwise it is an error naming the ordinal.
pub fn read_enum_data<T: ForyEnum>(ctx: &mut ReadContext<'_, '_>) -> Result<T> {
    let at = ctx.reader.position();
    let ordinal = ctx.reader.read_varuint32()?;
    if let Some(value) = T::from_ordinal(ordinal) {
        return Ok(value);
    }
    // The payload's mode where it has shown it (reading follows the writer), else ours.
    if ctx.compatible() {
        if let Some(value) = T::default_variant() {
            return Ok(value);
        }
    }
    Err(unknown_variant::<T>(
        at,
        "the ordinal of a variant of the target enum",
        ordinal,
        ctx.compatible(),
    ))
}

/// The error for an ordinal or case id (`id`, at `at`) that `T` has no variant for; in
/// compatible mode it says that no variant is marked to stand in for it.
#[cold]
pub(crate) fn unknown_variant<T>(
    at: usize,
    expected: &'static str,
    id: u32,
    compatible: bool,
) -> Error {
    let hint = if compatible {
        " (no variant is marked #[fory(default)])"
    } else {
        ""
    };
    Error::invalid(
        at,
        expected,
        format!("{id} for {}{hint}", std::any::type_name::<T>()),
    )
}
