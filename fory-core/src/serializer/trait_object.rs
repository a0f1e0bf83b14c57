//! Trait objects: `Box<dyn Trait>`, `Rc<dyn Trait>` and `Arc<dyn Trait>` for a trait named in
//! [`register_trait!`](crate::register_trait), and `dyn Any` (`Box<dyn Any>`, `Rc<dyn Any>`,
//! `Arc<dyn Any + Send + Sync>`).
//!
//! On the wire a trait object is what Java writes for a field typed by an interface, pyfory for
//! an attribute typed by a base class and Go for an interface field: the concrete value's type
//! info, then its payload. So the value's concrete type must be registered with the `Fory`
//! (`register` or `register_by_name`), and reading resolves the type info to that registration.
//! A user trait also lists its implementations in `register_trait!`: a payload naming a
//! registered type that is not one of them is an error naming both, never a panic.
//!
//! `dyn Any` also holds built-in values: a boxed [`Value`] (`Box<dyn Any>`, `Rc<dyn Any>`), and
//! for `dyn Any + Send + Sync`, which cannot hold a `Value` (it may hold an `Rc`), the plain
//! scalars `bool`, `i8`, `i16`, `i32`, `i64`, `f32`, `f64` and `String`.

use std::any::{Any, TypeId as RustTypeId};

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::resolver::{Registration, UserKind};
use crate::serializer::any::read_dynamic_wire_type;
use crate::serializer::{Deserialize, Serialize, Value, WireType};

/// The supertrait of a trait whose objects are serialized: it lets a `&dyn Trait` be seen as
/// the concrete value it holds. Every `'static` type implements it, so declaring
/// `trait Shape: AsAny` asks nothing more of the implementations.
///
/// ```
/// use fory_core::{register_trait, AsAny, ForyObject};
///
/// trait Shape: AsAny {
///     fn area(&self) -> f64;
/// }
///
/// #[derive(ForyObject, Debug, PartialEq, Default)]
/// struct Square {
///     side: f64,
/// }
///
/// impl Shape for Square {
///     fn area(&self) -> f64 {
///         self.side * self.side
///     }
/// }
///
/// register_trait!(Shape, Square);
///
/// let mut fory = fory_core::Fory::default();
/// fory.register::<Square>(1)?;
/// let shape: Box<dyn Shape> = Box::new(Square { side: 2.0 });
/// let back: Box<dyn Shape> = fory.deserialize(&fory.serialize(&shape)?)?;
/// assert_eq!(back.area(), 4.0);
/// # Ok::<(), fory_core::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be serialized as a trait object: its trait needs `AsAny` as a \
               supertrait",
    label = "declare the trait as `trait Name: fory_core::AsAny`",
    note = "`AsAny` lets a `&dyn Trait` be seen as the concrete value it holds, which the \
            serializer writes"
)]
pub trait AsAny: Any {
    /// The value as `&dyn Any`, whose `type_id` is the concrete type's.
    fn as_any(&self) -> &dyn Any;

    /// `std::any::type_name` of the concrete type, for messages.
    fn type_name(&self) -> &'static str;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn type_name(&self) -> &'static str {
        std::any::type_name::<T>()
    }
}

/// A trait object type (`dyn Shape`, `dyn Any`) whose boxes and shared pointers are serialized.
/// [`register_trait!`](crate::register_trait) implements it; so does fory-core for `dyn Any`
/// and `dyn Any + Send + Sync`.
pub trait TraitObject: 'static {
    /// The type as messages name it: `dyn Shape`.
    const NAME: &'static str;

    /// The implementations that can be read, as messages list them.
    const IMPLEMENTATIONS: &'static str;

    /// Whether built-in values (those without a user type id) can be held.
    const HOLDS_BUILTINS: bool = false;

    /// The concrete value.
    fn object_as_any(&self) -> &dyn Any;

    /// `std::any::type_name` of the concrete value, for messages.
    fn object_type_name(&self) -> &'static str;

    /// Whether values of the Rust type `rust` can be held.
    fn implemented_by(rust: RustTypeId) -> bool;

    /// The value read through registration `reg`, as this trait object; `None` when its type is
    /// not an implementation.
    fn from_registered(value: Box<dyn Any>, reg: &Registration) -> Option<Box<Self>>;

    /// A built-in value (one without a user type id) as this trait object; `None` (the default)
    /// for traits of user types, which built-in values never implement.
    fn from_builtin(value: Value) -> Option<Box<Self>> {
        let _ = value;
        None
    }
}

/// The scalars a `dyn Any` may hold as themselves rather than as a [`Value`].
fn builtin_scalar(any: &dyn Any) -> Option<&dyn Serialize> {
    macro_rules! first_of {
        ($($ty:ty),*) => {
            $(if let Some(v) = any.downcast_ref::<$ty>() {
                return Some(v);
            })*
        };
    }
    first_of!(String, bool, i8, i16, i32, i64, f32, f64);
    None
}

/// The registration that writes `value`, which must also be one its trait can read back.
fn registration<'f, T: TraitObject + ?Sized>(
    value: &T,
    ctx: &WriteContext<'f>,
) -> Result<&'f Registration> {
    let rust = value.object_as_any().type_id();
    if !T::implemented_by(rust) {
        return Err(Error::encode(format!(
            "a {} holding {}, which register_trait! does not list ({}), so no reader could \
             read it back",
            T::NAME,
            value.object_type_name(),
            T::IMPLEMENTATIONS
        )));
    }
    ctx.registry().by_rust_type(rust).ok_or_else(|| {
        Error::encode(format!(
            "a {} holding {}, which is not registered (call Fory::register or \
             Fory::register_by_name for it)",
            T::NAME,
            value.object_type_name()
        ))
    })
}

/// `write_type_info` of a trait object: the concrete value's type info.
#[doc(hidden)]
pub fn write_object_type_info<T: TraitObject + ?Sized>(
    value: &T,
    ctx: &mut WriteContext<'_>,
) -> Result<()> {
    let any = value.object_as_any();
    if let Some(v) = any.downcast_ref::<Value>() {
        return v.write_type_info(ctx);
    }
    if let Some(v) = builtin_scalar(any) {
        return v.write_type_info(ctx);
    }
    let reg = registration(value, ctx)?;
    ctx.with_short_borrow(|ctx| (reg.write)(any, ctx, None))
}

/// `write_data` of a trait object: the concrete value's payload.
#[doc(hidden)]
pub fn write_object_data<'v, T: TraitObject + ?Sized>(
    value: &'v T,
    ctx: &mut WriteContext<'v>,
    declared: bool,
) -> Result<()> {
    let any = value.object_as_any();
    if let Some(v) = any.downcast_ref::<Value>() {
        return v.write_data(ctx, declared);
    }
    if let Some(v) = builtin_scalar(any) {
        return v.write_data(ctx, declared);
    }
    let reg = registration(value, ctx)?;
    (reg.write)(any, ctx, Some(declared))
}

/// Whether a trait object holds the null [`Value`].
#[doc(hidden)]
pub fn object_is_null<T: TraitObject + ?Sized>(value: &T) -> bool {
    matches!(
        value.object_as_any().downcast_ref::<Value>(),
        Some(Value::Null)
    )
}

/// Whether two trait objects carry the same type info.
#[doc(hidden)]
pub fn same_object_type<T: TraitObject + ?Sized>(a: &T, b: &T) -> bool {
    let (a, b) = (a.object_as_any(), b.object_as_any());
    match (a.downcast_ref::<Value>(), b.downcast_ref::<Value>()) {
        (Some(a), Some(b)) => a.same_type(b),
        (None, None) => a.type_id() == b.type_id(),
        _ => false,
    }
}

/// Whether a trait object is written with a reference flag where tracking is on: as the
/// [`Value`] it holds says; registered values are not.
#[doc(hidden)]
pub fn object_needs_ref<T: TraitObject + ?Sized>(value: &T) -> bool {
    value
        .object_as_any()
        .downcast_ref::<Value>()
        .is_some_and(Value::needs_ref)
}

/// Reads the type info of a trait object: a registered implementation, or for `dyn Any` a
/// built-in type. Anything else is an error naming what the payload holds and the trait.
#[doc(hidden)]
pub fn read_object_wire_type<T: TraitObject + ?Sized>(
    ctx: &mut ReadContext<'_, '_>,
) -> Result<WireType> {
    let at = ctx.reader.position();
    let wire = read_dynamic_wire_type(ctx)?;
    let found = match wire.user().and_then(|i| ctx.registry().entry(i)) {
        Some(reg) if T::implemented_by(reg.rust_type) => return Ok(wire),
        Some(reg) => reg.describe(),
        None if T::HOLDS_BUILTINS => return Ok(wire),
        None => format!("a value of the built-in type {}", wire.id),
    };
    Err(Error::invalid(
        at,
        "type info of an implementation of the trait object being read",
        format!(
            "{found}, which is not an implementation of {} (it reads {})",
            T::NAME,
            T::IMPLEMENTATIONS
        ),
    ))
}

/// Reads the payload of a trait object whose type info [`read_object_wire_type`] read.
#[doc(hidden)]
pub fn read_object<T: TraitObject + ?Sized>(
    ctx: &mut ReadContext<'_, '_>,
    wire: WireType,
) -> Result<Box<T>> {
    let at = ctx.reader.position();
    let not_held = |found: String| {
        Error::invalid(
            at,
            "a value the trait object being read can hold",
            format!("{found} (a {} holds {})", T::NAME, T::IMPLEMENTATIONS),
        )
    };
    match wire.user().and_then(|i| ctx.registry().entry(i)) {
        Some(reg) => {
            let value = (reg.read)(ctx, wire)?;
            T::from_registered(value, reg).ok_or_else(|| not_held(reg.describe()))
        }
        None if UserKind::of_wire(wire.id).is_some() => Err(Error::invalid(
            at,
            "type info naming a registered user type before a dynamically typed value",
            wire.id.to_string(),
        )),
        None => {
            let value = Value::read_data(ctx, wire.id)?;
            T::from_builtin(value).ok_or_else(|| not_held(format!("a {}", wire.id)))
        }
    }
}

/// The serializer impls of `Box<$obj>` and the pointee impls (for `Rc<$obj>` and `Arc<$obj>`)
/// and `Schema` of a trait object type `$obj` that implements
/// [`TraitObject`](crate::serializer::TraitObject).
#[doc(hidden)]
#[macro_export]
macro_rules! __trait_object_impls {
    ($($obj:tt)+) => {
        impl $crate::Serialize for ::std::boxed::Box<$($obj)+> {
            fn write_type_info(
                &self,
                ctx: &mut $crate::context::WriteContext<'_>,
            ) -> $crate::Result<()> {
                $crate::__private::serializer::write_object_type_info::<$($obj)+>(&**self, ctx)
            }

            fn write_data<'v>(
                &'v self,
                ctx: &mut $crate::context::WriteContext<'v>,
                declared: bool,
            ) -> $crate::Result<()> {
                $crate::__private::serializer::write_object_data::<$($obj)+>(&**self, ctx, declared)
            }

            fn is_null(&self) -> bool {
                $crate::__private::serializer::object_is_null::<$($obj)+>(&**self)
            }

            fn same_type(&self, other: &Self) -> bool {
                $crate::__private::serializer::same_object_type::<$($obj)+>(&**self, &**other)
            }

            fn is_polymorphic() -> bool {
                true
            }

            fn needs_ref(&self) -> bool {
                $crate::__private::serializer::object_needs_ref::<$($obj)+>(&**self)
            }
        }

        impl<'de> $crate::Deserialize<'de> for ::std::boxed::Box<$($obj)+> {
            fn read_type_info(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
            ) -> $crate::Result<$crate::types::TypeId> {
                $crate::__private::serializer::read_object_wire_type::<$($obj)+>(ctx).map(|wire| wire.id)
            }

            fn read_data(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
                id: $crate::types::TypeId,
            ) -> $crate::Result<Self> {
                $crate::__private::serializer::read_object::<$($obj)+>(ctx, id.into())
            }

            fn declared_type_id() -> $crate::types::TypeId {
                $crate::types::TypeId::Unknown
            }

            fn null_value() -> ::core::option::Option<Self> {
                <$($obj)+ as $crate::__private::serializer::TraitObject>::from_builtin(
                    $crate::Value::Null,
                )
            }

            fn read_wire_type(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
            ) -> $crate::Result<$crate::__private::serializer::WireType> {
                $crate::__private::serializer::read_object_wire_type::<$($obj)+>(ctx)
            }

            fn read_wire_data(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
                wire: $crate::__private::serializer::WireType,
            ) -> $crate::Result<Self> {
                $crate::__private::serializer::read_object::<$($obj)+>(ctx, wire)
            }
        }

        impl $crate::__private::serializer::WritePointee for $($obj)+ {
            fn pointee_write_type_info(
                &self,
                ctx: &mut $crate::context::WriteContext<'_>,
            ) -> $crate::Result<()> {
                $crate::__private::serializer::write_object_type_info::<$($obj)+>(self, ctx)
            }

            fn pointee_write_data<'v>(
                &'v self,
                ctx: &mut $crate::context::WriteContext<'v>,
                declared: bool,
            ) -> $crate::Result<()> {
                $crate::__private::serializer::write_object_data::<$($obj)+>(self, ctx, declared)
            }

            fn pointee_same_type(&self, other: &Self) -> bool {
                $crate::__private::serializer::same_object_type::<$($obj)+>(self, other)
            }

            fn pointee_is_polymorphic() -> bool {
                true
            }

            fn pointee_wire_type_name() -> &'static str {
                <$($obj)+ as $crate::__private::serializer::TraitObject>::NAME
            }

            fn pointee_type_info_when_declared(_compatible: bool) -> bool {
                true
            }

            fn pointee_map_type_info_when_declared(_compatible: bool) -> bool {
                true
            }
        }

        impl<'de> $crate::__private::serializer::ReadPointee<'de> for $($obj)+ {
            fn pointee_read_type_info(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
            ) -> $crate::Result<$crate::types::TypeId> {
                $crate::__private::serializer::read_object_wire_type::<$($obj)+>(ctx).map(|wire| wire.id)
            }

            fn pointee_read_wire_type(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
            ) -> $crate::Result<$crate::__private::serializer::WireType> {
                $crate::__private::serializer::read_object_wire_type::<$($obj)+>(ctx)
            }

            fn pointee_declared_type_id() -> $crate::types::TypeId {
                $crate::types::TypeId::Unknown
            }

            fn read_rc(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
                wire: $crate::__private::serializer::WireType,
            ) -> $crate::Result<::std::rc::Rc<Self>> {
                $crate::__private::serializer::read_object::<$($obj)+>(ctx, wire).map(::std::rc::Rc::from)
            }

            fn read_arc(
                ctx: &mut $crate::context::ReadContext<'_, 'de>,
                wire: $crate::__private::serializer::WireType,
            ) -> $crate::Result<::std::sync::Arc<Self>> {
                $crate::__private::serializer::read_object::<$($obj)+>(ctx, wire)
                    .map(::std::sync::Arc::from)
            }
        }

        impl $crate::__private::serializer::Schema for $($obj)+ {
            fn field_type(
                _: &$crate::__private::resolver::TypeRegistry,
                _: bool,
            ) -> $crate::Result<$crate::__private::meta::struct_def::FieldType> {
                ::core::result::Result::Ok($crate::__private::meta::struct_def::FieldType::Leaf(
                    $crate::types::TypeId::Unknown,
                ))
            }

            fn field_type_info(_: bool) -> bool {
                true
            }
        }
    };
}

/// Makes `Box<dyn Trait>`, `Rc<dyn Trait>` and `Arc<dyn Trait>` serializable, for a trait whose
/// implementations are the listed types. The trait must have [`AsAny`] as a supertrait, and
/// each listed type must be registered with the `Fory` that writes or reads it.
///
/// The macro also gives `dyn Trait` the inherent methods `downcast_ref::<T>()` and `is::<T>()`.
/// Use them rather than `as_any()` on a `Box<dyn Trait>` or `Rc<dyn Trait>`: `AsAny` is
/// implemented for the box itself too, so `boxed.as_any()` sees the box, while
/// `boxed.downcast_ref::<Dog>()` (or `(*boxed).as_any()`) sees the value.
///
/// `register_trait!(sync Trait, ...)` does the same for `dyn Trait + Send + Sync` as well, so
/// `Arc<dyn Trait + Send + Sync>` can cross threads; every listed type must then be `Send +
/// Sync`.
///
/// On the wire each value is its concrete type's type info and payload, as Java writes a field
/// typed by an interface: a Java peer declares `Animal animal` with `Dog` and `Cat` registered
/// under the same ids or names.
///
/// ```
/// use std::rc::Rc;
/// use fory_core::{register_trait, AsAny, Fory, ForyObject};
///
/// trait Animal: AsAny {
///     fn speak(&self) -> String;
/// }
///
/// #[derive(ForyObject, Debug, PartialEq, Default)]
/// struct Dog {
///     name: String,
/// }
///
/// #[derive(ForyObject, Debug, PartialEq, Default)]
/// struct Cat {
///     lives: i32,
/// }
///
/// impl Animal for Dog {
///     fn speak(&self) -> String {
///         format!("{}: woof", self.name)
///     }
/// }
///
/// impl Animal for Cat {
///     fn speak(&self) -> String {
///         format!("meow x{}", self.lives)
///     }
/// }
///
/// register_trait!(Animal, Dog, Cat);
///
/// #[derive(ForyObject)]
/// struct Zoo {
///     star: Box<dyn Animal>,
///     animals: Vec<Rc<dyn Animal>>,
/// }
///
/// let mut fory = Fory::default();
/// fory.register::<Dog>(1)?;
/// fory.register::<Cat>(2)?;
/// fory.register::<Zoo>(3)?;
/// let zoo = Zoo {
///     star: Box::new(Dog { name: "Rex".into() }),
///     animals: vec![Rc::new(Cat { lives: 9 }), Rc::new(Dog { name: "Ace".into() })],
/// };
/// let back: Zoo = fory.deserialize(&fory.serialize(&zoo)?)?;
/// assert_eq!(back.star.speak(), "Rex: woof");
/// assert_eq!(back.animals[0].speak(), "meow x9");
/// // The concrete value is there to downcast.
/// assert_eq!(back.animals[1].downcast_ref::<Dog>(), Some(&Dog { name: "Ace".into() }));
/// # Ok::<(), fory_core::Error>(())
/// ```
#[macro_export]
macro_rules! register_trait {
    (sync $trait_:ident, $($implementation:ty),+ $(,)?) => {
        $crate::register_trait!(@object [dyn $trait_], $trait_, $($implementation),+);
        $crate::register_trait!(
            @object [dyn $trait_ + ::core::marker::Send + ::core::marker::Sync],
            $trait_,
            $($implementation),+
        );
    };
    ($trait_:ident, $($implementation:ty),+ $(,)?) => {
        $crate::register_trait!(@object [dyn $trait_], $trait_, $($implementation),+);
    };
    (@object [$($obj:tt)+], $trait_:ident, $($implementation:ty),+) => {
        const _: () = {
            fn trait_has_as_any<T: ?::core::marker::Sized + $crate::AsAny>() {}
            let _ = trait_has_as_any::<$($obj)+>;
        };

        impl $crate::__private::serializer::TraitObject for $($obj)+ {
            const NAME: &'static str = ::core::concat!("dyn ", ::core::stringify!($trait_));
            const IMPLEMENTATIONS: &'static str =
                ::core::stringify!($($implementation),+);

            fn object_as_any(&self) -> &dyn ::core::any::Any {
                $crate::AsAny::as_any(self)
            }

            fn object_type_name(&self) -> &'static str {
                $crate::AsAny::type_name(self)
            }

            fn implemented_by(rust: ::core::any::TypeId) -> bool {
                $(rust == ::core::any::TypeId::of::<$implementation>())||+
            }

            fn from_registered(
                value: ::std::boxed::Box<dyn ::core::any::Any>,
                _: &$crate::__private::resolver::Registration,
            ) -> ::core::option::Option<::std::boxed::Box<Self>> {
                let value = value;
                $(
                    let value = match value.downcast::<$implementation>() {
                        ::core::result::Result::Ok(found) => {
                            return ::core::option::Option::Some(found as ::std::boxed::Box<Self>)
                        }
                        ::core::result::Result::Err(other) => other,
                    };
                )+
                let _ = value;
                ::core::option::Option::None
            }
        }

        // Inherent, so `boxed.downcast_ref::<Dog>()` reaches the trait object through the box
        // (the blanket `AsAny` would answer for the `Box` itself).
        #[allow(dead_code)]
        impl $($obj)+ {
            /// The concrete value, if it is a `T`.
            pub fn downcast_ref<T: ::core::any::Any>(&self) -> ::core::option::Option<&T> {
                $crate::AsAny::as_any(self).downcast_ref::<T>()
            }

            /// Whether the concrete value is a `T`.
            pub fn is<T: ::core::any::Any>(&self) -> bool {
                $crate::AsAny::as_any(self).is::<T>()
            }
        }

        $crate::__trait_object_impls!($($obj)+);
    };
}
