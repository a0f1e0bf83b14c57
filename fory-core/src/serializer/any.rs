//! `dyn Any`: a value of any registered user type, or of any built-in type, whose Rust type is
//! only known at run time (a Java `Object` field, a Python attribute without annotation), in a
//! `Box`, an `Rc` or (as `dyn Any + Send + Sync`) an `Arc`.
//!
//! Writing looks the concrete type up in the registry and uses its serializer; built-in values
//! are written by boxing them as a [`Value`] (or, for the scalars, as themselves). Reading
//! resolves the type info on the wire to a registration (by user id or name) and boxes the value
//! it reads; built-in types come back as a boxed [`Value`], or for `dyn Any + Send + Sync`,
//! which cannot hold a `Value`, as the scalar itself. A user type that is not registered is an
//! error on both sides. The machinery is that of every trait object
//! ([`trait_object`](super::trait_object)).

use std::any::{Any, TypeId as RustTypeId};

use crate::context::ReadContext;
use crate::error::Result;
use crate::resolver::{read_registered_type_info, Registration, UserKind};
use crate::serializer::trait_object::TraitObject;
use crate::serializer::{Value, WireType};

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

impl TraitObject for dyn Any {
    const NAME: &'static str = "dyn Any";
    const IMPLEMENTATIONS: &'static str = "any registered type, or a Value";
    const HOLDS_BUILTINS: bool = true;

    fn object_as_any(&self) -> &dyn Any {
        self
    }

    fn object_type_name(&self) -> &'static str {
        "a type that is not registered (register it, or box a Value)"
    }

    fn implemented_by(_: RustTypeId) -> bool {
        true
    }

    fn from_registered(value: Box<dyn Any>, _: &Registration) -> Option<Box<Self>> {
        Some(value)
    }

    fn from_builtin(value: Value) -> Option<Box<Self>> {
        Some(Box::new(value))
    }
}

impl TraitObject for dyn Any + Send + Sync {
    const NAME: &'static str = "dyn Any + Send + Sync";
    const IMPLEMENTATIONS: &'static str = "any registered type that is Send + Sync, \
         or bool, i8, i16, i32, i64, f32, f64, String";
    const HOLDS_BUILTINS: bool = true;

    fn object_as_any(&self) -> &dyn Any {
        self
    }

    fn object_type_name(&self) -> &'static str {
        "a type that is not registered"
    }

    fn implemented_by(_: RustTypeId) -> bool {
        true
    }

    fn from_registered(value: Box<dyn Any>, reg: &Registration) -> Option<Box<Self>> {
        reg.send_sync.and_then(|cast| cast(value).ok())
    }

    fn from_builtin(value: Value) -> Option<Box<Self>> {
        Some(match value {
            Value::Bool(v) => Box::new(v),
            Value::Int8(v) => Box::new(v),
            Value::Int16(v) => Box::new(v),
            Value::Int32(v) => Box::new(v),
            Value::Int64(v) => Box::new(v),
            Value::Float32(v) => Box::new(v),
            Value::Float64(v) => Box::new(v),
            Value::String(v) => Box::new(v),
            _ => return None,
        })
    }
}

crate::__trait_object_impls!(dyn Any);
crate::__trait_object_impls!(dyn Any + Send + Sync);
