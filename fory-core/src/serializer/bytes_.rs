//! `bytes::Bytes` (feature `bytes`) as BINARY.
//!
//! Written like `&[u8]`: with a buffer callback, a `Bytes` sent out-of-band is borrowed from
//! the value (no copy). Read from a message received as `Bytes` parts
//! ([`Fory::deserialize_with_bytes`](crate::Fory::deserialize_with_bytes), or a
//! `BytesFrame`), it is a slice of the received allocation (no copy, the allocation kept alive
//! by reference count); read from plain slices, it is a copy.

use ::bytes::Bytes;

use crate::context::{ReadContext, WriteContext};
use crate::error::Result;
use crate::serializer::number::read_array_bytes;
use crate::serializer::{Deserialize, Serialize};
use crate::types::TypeId;

impl Serialize for Bytes {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        <[u8]>::write_type_info(self, ctx)
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        <[u8]>::write_data(self, ctx, declared)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        <&[u8]>::read_type_info(ctx)
    }

    /// A slice of the received `Bytes` the payload lies in, or a copy.
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        let bytes = read_array_bytes(ctx, id, 1)?;
        Ok(ctx.shared_bytes(bytes))
    }

    fn declared_type_id() -> TypeId {
        TypeId::Binary
    }
}
