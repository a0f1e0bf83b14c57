//! Borrowed bytes: `&'de [u8]` and `Cow<'de, [u8]>` read BINARY (or UINT8_ARRAY) without copying.
//! (`Vec<u8>`, `[u8; N]` and `&[u8]` are written as BINARY through the `u8` sequence hooks.)

use std::borrow::Cow;

use crate::context::{ReadContext, WriteContext};
use crate::error::Result;
use crate::serializer::number::read_array_bytes;
use crate::serializer::{Deserialize, Serialize};
use crate::types::TypeId;

impl<'de> Deserialize<'de> for &'de [u8] {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.read_type_id_among(&[TypeId::Binary, TypeId::Uint8Array], TypeId::Binary)
    }

    /// Borrows the payload from the input.
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        read_array_bytes(ctx, id, 1)
    }

    fn declared_type_id() -> TypeId {
        TypeId::Binary
    }
}

impl<'de> Deserialize<'de> for Cow<'de, [u8]> {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        <&[u8]>::read_type_info(ctx)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        <&[u8]>::read_data(ctx, id).map(Cow::Borrowed)
    }

    fn declared_type_id() -> TypeId {
        TypeId::Binary
    }
}

impl Serialize for Cow<'_, [u8]> {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        <[u8]>::write_type_info(self, ctx)
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        <[u8]>::write_data(self, ctx, declared)
    }
}
