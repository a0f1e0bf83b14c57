//! Custom encodings: a user type whose payload its own code writes, as EXT (registered by id) or
//! NAMED_EXT (by name), the kind Java's `registerSerializer`, pyfory's `register_serializer` and
//! Go's extension types write.
//!
//! The type derives `ForyObject` with `#[fory(ext)]`, which makes it a registrable user type with
//! the EXT type info, and implements [`ForyExt`] for the payload. The fields of an ext type are
//! not looked at: the payload is whatever [`ForyExt::write_ext`] writes.

use crate::context::{ReadContext, WriteContext};
use crate::error::Result;
use crate::resolver::{read_user_type_info, write_user_type_info, UserType};
use crate::types::TypeId;

/// The payload of a type with a custom encoding (`#[derive(ForyObject)] #[fory(ext)]`).
///
/// The payload has no length of its own: a reader must know the type to find its end, so both
/// sides register it. In compatible mode a reader whose struct has no field for a peer's ext
/// field skips it with the registered type's reader, as Java, pyfory and Go do; with the type
/// unregistered, reading that struct is an error naming the type. Write with the
/// context's [`writer`](WriteContext::writer) (scalars, varints, strings, bytes) and, for values
/// with a serializer of their own, [`write_value`](crate::serializer::write_value) (a full value:
/// reference flag, type info, payload; its example shows one); read them back the same way, in
/// the same order. The lifetime `'v` lets the context keep borrowing the value's buffers until
/// the payload is done (out-of-band buffers are not copied).
///
/// ```
/// use fory_core::{Fory, ForyExt, ForyObject, Result};
/// use fory_core::context::{ReadContext, WriteContext};
///
/// /// An amount of money in cents and its currency, written as a varint and a string, as a
/// /// Java `Serializer<Money>` registered for the same id might.
/// #[derive(ForyObject, Debug, PartialEq)]
/// #[fory(ext)]
/// struct Money {
///     cents: i64,
///     currency: String,
/// }
///
/// impl ForyExt for Money {
///     fn write_ext<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()> {
///         ctx.writer.write_varint64(self.cents);
///         ctx.writer.write_str(&self.currency)
///     }
///
///     fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
///         let cents = ctx.reader.read_varint64()?;
///         let currency = ctx.reader.read_str()?.to_string();
///         Ok(Money { cents, currency })
///     }
/// }
///
/// let mut fory = Fory::default();
/// fory.register::<Money>(300)?;
/// let price = Money { cents: 1999, currency: "EUR".into() };
/// let bytes = fory.serialize(&price)?;
/// // Header, not-null, EXT (0x1f) and the user id 300, then our payload.
/// assert_eq!(&bytes[..5], [0x01, 0xff, 0x1f, 0xac, 0x02]);
/// assert_eq!(fory.deserialize::<Money>(&bytes)?, price);
/// # Ok::<(), fory_core::Error>(())
/// ```
pub trait ForyExt: Sized + 'static {
    /// Writes the payload (no reference flag or type info: those are written around it).
    fn write_ext<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()>;

    /// Reads the payload [`write_ext`](ForyExt::write_ext) wrote.
    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self>;
}

/// Writes the type info of ext type `T` as registered (EXT or NAMED_EXT).
pub fn write_ext_type_info<T: UserType>(ctx: &mut WriteContext<'_>) -> Result<()> {
    write_user_type_info::<T>(ctx)
}

/// Writes the payload of an ext value: [`ForyExt::write_ext`], one nesting level deeper.
pub fn write_ext_data<'v, T: ForyExt>(value: &'v T, ctx: &mut WriteContext<'v>) -> Result<()> {
    ctx.enter()?;
    let result = value.write_ext(ctx);
    ctx.leave();
    result
}

/// Reads and checks the type info of ext type `T`.
pub fn read_ext_type_info<T: UserType>(ctx: &mut ReadContext<'_, '_>) -> Result<TypeId> {
    read_user_type_info::<T>(ctx)
}

/// Reads the payload of an ext value: [`ForyExt::read_ext`], one nesting level deeper.
pub fn read_ext_data<T: ForyExt>(ctx: &mut ReadContext<'_, '_>) -> Result<T> {
    ctx.enter()?;
    let result = T::read_ext(ctx);
    ctx.leave();
    result
}
