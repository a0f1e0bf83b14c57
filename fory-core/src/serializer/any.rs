//! `Box<dyn Any>`: a value of any registered user type, or of any built-in type, whose Rust type
//! is only known at run time (a Java `Object` field, a Python attribute without annotation).
//!
//! Writing looks the concrete type up in the registry and uses its serializer; built-in values
//! are written by boxing them as a [`Value`]. Reading resolves the type info on the wire to a
//! registration (by user id or name) and boxes the value it reads; built-in types come back as a
//! boxed [`Value`]. A user type that is not registered is an error on both sides.

use std::any::Any;

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::resolver::{read_registered_type_info, Registration, UserKind};
use crate::serializer::{Deserialize, Serialize, Value, WireType};
use crate::types::TypeId;

/// Reads the type info of a dynamically typed value: any built-in id, or a user kind resolved to
/// its registration (an unregistered user type is an error naming it).
pub(crate) fn read_dynamic_wire_type(ctx: &mut ReadContext<'_, '_>) -> Result<WireType> {
    let at = ctx.reader.position();
    let id = ctx.read_type_id()?;
    if UserKind::of_wire(id).is_none() {
        return Ok(id.into());
    }
    let (reg, type_def) = read_registered_type_info(ctx, id, at)?;
    Ok(WireType::new(id, ctx.registry().index_of(reg), type_def))
}

fn registration<'f>(value: &dyn Any, ctx: &WriteContext<'f>) -> Result<&'f Registration> {
    ctx.registry().by_rust_type(value.type_id()).ok_or_else(|| {
        Error::encode(
            "a Box<dyn Any> holding a type that is not registered (register it, or box a Value)",
        )
    })
}

impl Serialize for Box<dyn Any> {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        if let Some(value) = self.downcast_ref::<Value>() {
            return value.write_type_info(ctx);
        }
        let reg = registration(&**self, ctx)?;
        ctx.with_short_borrow(|ctx| (reg.write)(&**self, ctx, None))
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        if let Some(value) = self.downcast_ref::<Value>() {
            return value.write_data(ctx, declared);
        }
        let reg = registration(&**self, ctx)?;
        (reg.write)(&**self, ctx, Some(declared))
    }

    fn is_null(&self) -> bool {
        matches!(self.downcast_ref::<Value>(), Some(Value::Null))
    }

    fn same_type(&self, other: &Self) -> bool {
        match (self.downcast_ref::<Value>(), other.downcast_ref::<Value>()) {
            (Some(a), Some(b)) => a.same_type(b),
            (None, None) => (**self).type_id() == (**other).type_id(),
            _ => false,
        }
    }

    fn is_polymorphic() -> bool {
        true
    }

    fn needs_ref(&self) -> bool {
        self.downcast_ref::<Value>().is_some_and(Value::needs_ref)
    }
}

impl<'de> Deserialize<'de> for Box<dyn Any> {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        Self::read_wire_type(ctx).map(|wire| wire.id)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        Self::read_wire_data(ctx, id.into())
    }

    fn declared_type_id() -> TypeId {
        TypeId::Unknown
    }

    fn null_value() -> Option<Self> {
        Some(Box::new(Value::Null))
    }

    fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        read_dynamic_wire_type(ctx)
    }

    fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
        match wire.user().and_then(|i| ctx.registry().entry(i)) {
            Some(reg) => (reg.read)(ctx, wire),
            None if UserKind::of_wire(wire.id).is_some() => Err(Error::invalid(
                ctx.reader.position(),
                "type info naming a registered user type before a dynamically typed value",
                wire.id.to_string(),
            )),
            None => Ok(Box::new(Value::read_data(ctx, wire.id)?)),
        }
    }
}
