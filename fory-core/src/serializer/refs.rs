//! Shared references: `Rc<T>` / `Arc<T>`, their `Weak`s, and `RefCell<T>` / `Mutex<T>` for
//! cycles.
//!
//! With reference tracking on (`Fory::builder().ref_tracking(true)`), the first occurrence of a
//! shared value is written with the ref-value flag (`00`) and takes the next reference id; later
//! occurrences of the same allocation are the ref flag (`fe`) and that id. Without tracking a
//! shared value is written in full each time it appears.
//!
//! Reading rebuilds the sharing: every reference to an id yields a clone of the same `Rc`/`Arc`.
//! A cycle can only be rebuilt through a `RefCell` or `Mutex`: its `Rc`/`Arc` is made, empty,
//! before its contents are read, so references inside the contents can point back to it. A
//! reference to an id never assigned, or to a value still being read that is not behind one, is
//! an error.
//!
//! `Rc<T>` and `Arc<T>` take any `T` that implements [`WritePointee`] and [`ReadPointee`]: every
//! sized type that implements `Serialize` and `Deserialize`, `str`, and trait objects (`dyn Any`,
//! `dyn Any + Send + Sync`, and each `dyn Trait` named in [`register_trait!`](crate::register_trait)).
//!
//! A `Weak` is written as its `Rc`/`Arc` would be, and one that cannot be upgraded as the null
//! flag, which reads back as `Weak::new()`: a tree's child can point back to its parent through a
//! `Weak<RefCell<_>>` (or `sync::Weak<Mutex<_>>`) field, the root's parent being a dead `Weak`.
//! Writing locks a `Mutex` without blocking: where a value reachable from inside its own locked
//! `Mutex` is needed again in full (without tracking, or as a list element whose type info is
//! read from it), writing is an error rather than a deadlock; a tracked field that meets it again
//! writes only the reference.

use std::cell::RefCell;
use std::rc::{self, Rc};
use std::sync::{self, Arc, Mutex};

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::{null_or_error, Deserialize, Serialize, WireType};
use crate::types::{RefFlag, TypeId};

/// What `Rc<T>` and `Arc<T>` need to write the value they point to. Implemented for every sized
/// [`Serialize`] type, for `str`, and for trait objects; the methods mirror `Serialize`'s, which
/// cannot be called on an unsized `T`.
pub trait WritePointee {
    /// [`Serialize::write_type_info`].
    fn pointee_write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()>;
    /// [`Serialize::write_data`].
    fn pointee_write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()>;
    /// [`Serialize::same_type`].
    fn pointee_same_type(&self, other: &Self) -> bool;
    /// [`Serialize::is_polymorphic`].
    fn pointee_is_polymorphic() -> bool;
    /// [`Serialize::wire_type_name`].
    fn pointee_wire_type_name() -> &'static str;
    /// [`Serialize::type_info_when_declared`].
    fn pointee_type_info_when_declared(compatible: bool) -> bool;
    /// [`Serialize::map_type_info_when_declared`].
    fn pointee_map_type_info_when_declared(compatible: bool) -> bool;
}

impl<T: Serialize> WritePointee for T {
    #[inline]
    fn pointee_write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        Serialize::write_type_info(self, ctx)
    }

    #[inline]
    fn pointee_write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        Serialize::write_data(self, ctx, declared)
    }

    fn pointee_same_type(&self, other: &Self) -> bool {
        Serialize::same_type(self, other)
    }

    fn pointee_is_polymorphic() -> bool {
        <T as Serialize>::is_polymorphic()
    }

    fn pointee_wire_type_name() -> &'static str {
        <T as Serialize>::wire_type_name()
    }

    fn pointee_type_info_when_declared(compatible: bool) -> bool {
        <T as Serialize>::type_info_when_declared(compatible)
    }

    fn pointee_map_type_info_when_declared(compatible: bool) -> bool {
        <T as Serialize>::map_type_info_when_declared(compatible)
    }
}

/// What `Rc<T>` and `Arc<T>` need to read the value they point to; implemented where
/// [`WritePointee`] is. A sized value is read and then moved into its pointer; a trait object is
/// read boxed and moved from the box.
pub trait ReadPointee<'de>: 'static {
    /// [`Deserialize::read_type_info`].
    fn pointee_read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId>;
    /// [`Deserialize::read_wire_type`].
    fn pointee_read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType>;
    /// [`Deserialize::declared_type_id`].
    fn pointee_declared_type_id() -> TypeId;
    /// Reads the payload of wire type `wire` into an `Rc`.
    fn read_rc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Rc<Self>>;
    /// Reads the payload of wire type `wire` into an `Arc`.
    fn read_arc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Arc<Self>>;
    /// [`Deserialize::placeholder`], already in its `Rc`.
    fn placeholder_rc() -> Option<Rc<Self>> {
        None
    }
    /// [`Deserialize::placeholder`], already in its `Arc`.
    fn placeholder_arc() -> Option<Arc<Self>> {
        None
    }
    /// [`Deserialize::read_into`].
    fn pointee_read_into(&self, ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<()> {
        let _ = (ctx, wire);
        Ok(())
    }
}

impl<'de, T: Deserialize<'de> + 'static> ReadPointee<'de> for T {
    #[inline]
    fn pointee_read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        <T as Deserialize<'de>>::read_type_info(ctx)
    }

    #[inline]
    fn pointee_read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        <T as Deserialize<'de>>::read_wire_type(ctx)
    }

    fn pointee_declared_type_id() -> TypeId {
        <T as Deserialize<'de>>::declared_type_id()
    }

    #[inline]
    fn read_rc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Rc<Self>> {
        T::read_wire_data(ctx, wire).map(Rc::new)
    }

    #[inline]
    fn read_arc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Arc<Self>> {
        T::read_wire_data(ctx, wire).map(Arc::new)
    }

    fn placeholder_rc() -> Option<Rc<Self>> {
        T::placeholder().map(Rc::new)
    }

    fn placeholder_arc() -> Option<Arc<Self>> {
        T::placeholder().map(Arc::new)
    }

    fn pointee_read_into(&self, ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<()> {
        Deserialize::read_into(self, ctx, wire)
    }
}

/// `Rc<str>` and `Arc<str>` are STRING, as `String` is.
impl WritePointee for str {
    fn pointee_write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        Serialize::write_type_info(self, ctx)
    }

    fn pointee_write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        Serialize::write_data(self, ctx, declared)
    }

    fn pointee_same_type(&self, _: &Self) -> bool {
        true
    }

    fn pointee_is_polymorphic() -> bool {
        false
    }

    fn pointee_wire_type_name() -> &'static str {
        <String as Serialize>::wire_type_name()
    }

    fn pointee_type_info_when_declared(_: bool) -> bool {
        false
    }

    fn pointee_map_type_info_when_declared(_: bool) -> bool {
        false
    }
}

impl<'de> ReadPointee<'de> for str {
    fn pointee_read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        <String as Deserialize<'de>>::read_type_info(ctx)
    }

    fn pointee_read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        <String as Deserialize<'de>>::read_wire_type(ctx)
    }

    fn pointee_declared_type_id() -> TypeId {
        <String as Deserialize<'de>>::declared_type_id()
    }

    fn read_rc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Rc<Self>> {
        String::read_wire_data(ctx, wire).map(Rc::from)
    }

    fn read_arc(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Arc<Self>> {
        String::read_wire_data(ctx, wire).map(Arc::from)
    }
}

macro_rules! shared_pointer {
    ($ptr:ident, $weak:ty, $downgrade:path, $read:ident, $placeholder:ident) => {
        impl<T: WritePointee + ?Sized> Serialize for $ptr<T> {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                WritePointee::pointee_write_type_info(&**self, ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                WritePointee::pointee_write_data(&**self, ctx, declared)
            }

            fn same_type(&self, other: &Self) -> bool {
                WritePointee::pointee_same_type(&**self, &**other)
            }

            fn is_polymorphic() -> bool {
                T::pointee_is_polymorphic()
            }

            fn tracks_refs() -> bool {
                true
            }

            fn tracks_refs_when_declared(_compatible: bool) -> bool {
                true
            }

            fn tracks_refs_when_annotated() -> bool {
                true
            }

            fn write_ref_flag(&self, ctx: &mut WriteContext<'_>, track: bool) -> Result<bool> {
                if !track {
                    ctx.writer.write_u8(RefFlag::NotNullValue.to_byte());
                    return Ok(true);
                }
                // The data address alone: a trait object's pointer also carries its vtable.
                let address = $ptr::as_ptr(self) as *const () as usize;
                match ctx.ref_id_of(address) {
                    Some(id) => {
                        ctx.writer.write_u8(RefFlag::Ref.to_byte());
                        ctx.writer.write_varuint32(id);
                        Ok(false)
                    }
                    None => {
                        ctx.writer.write_u8(RefFlag::RefValue.to_byte());
                        Ok(true)
                    }
                }
            }

            fn wire_type_name() -> &'static str {
                T::pointee_wire_type_name()
            }

            fn type_info_when_declared(compatible: bool) -> bool {
                T::pointee_type_info_when_declared(compatible)
            }

            fn map_type_info_when_declared(compatible: bool) -> bool {
                T::pointee_map_type_info_when_declared(compatible)
            }
        }

        impl<'de, T: ReadPointee<'de> + ?Sized> Deserialize<'de> for $ptr<T> {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                T::pointee_read_type_info(ctx)
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                T::$read(ctx, id.into())
            }

            fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
                T::pointee_read_wire_type(ctx)
            }

            fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
                T::$read(ctx, wire)
            }

            fn declared_type_id() -> TypeId {
                T::pointee_declared_type_id()
            }

            fn read_after_flag(
                ctx: &mut ReadContext<'_, 'de>,
                flag: RefFlag,
                at: usize,
                id: Option<WireType>,
            ) -> Result<Self> {
                let wire = |ctx: &mut ReadContext<'_, 'de>| match id {
                    Some(id) => Ok(id),
                    None => T::pointee_read_wire_type(ctx),
                };
                match flag {
                    RefFlag::Null => null_or_error(at),
                    RefFlag::NotNullValue => {
                        let wire = wire(ctx)?;
                        T::$read(ctx, wire)
                    }
                    RefFlag::Ref => {
                        let ref_id = ctx.reader.read_varuint32()?;
                        ctx.get_ref::<$ptr<T>>(ref_id, at)
                    }
                    RefFlag::RefValue => {
                        let slot = ctx.reserve_ref();
                        if let Some(shared) = T::$placeholder() {
                            // Shared before its contents are read, so they can refer back to it.
                            ctx.fill_ref(slot, Box::new(shared.clone()));
                            let wire = wire(ctx)?;
                            T::pointee_read_into(&*shared, ctx, wire)?;
                            Ok(shared)
                        } else {
                            let wire = wire(ctx)?;
                            let shared = T::$read(ctx, wire)?;
                            ctx.fill_ref(slot, Box::new(shared.clone()));
                            Ok(shared)
                        }
                    }
                }
            }
        }

        impl<T: Serialize> Serialize for $weak {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                match self.upgrade() {
                    Some(strong) => strong.write_type_info(ctx),
                    None => Ok(()),
                }
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                match self.upgrade() {
                    // The upgraded pointer lives only for this call.
                    Some(strong) => ctx.with_short_borrow(|ctx| strong.write_data(ctx, declared)),
                    None => Ok(()),
                }
            }

            /// A `Weak` whose value is gone is written as null.
            fn is_null(&self) -> bool {
                self.strong_count() == 0
            }

            fn tracks_refs() -> bool {
                true
            }

            fn tracks_refs_when_declared(_compatible: bool) -> bool {
                true
            }

            fn tracks_refs_when_annotated() -> bool {
                true
            }

            fn wire_type_name() -> &'static str {
                T::wire_type_name()
            }

            /// As for the strong pointer: a list of `Weak` structs in compatible mode carries
            /// their type info (and TypeDef) even where the field declares the element type.
            fn type_info_when_declared(compatible: bool) -> bool {
                T::type_info_when_declared(compatible)
            }

            fn map_type_info_when_declared(compatible: bool) -> bool {
                T::map_type_info_when_declared(compatible)
            }

            fn write_ref_flag(&self, ctx: &mut WriteContext<'_>, track: bool) -> Result<bool> {
                match self.upgrade() {
                    Some(strong) => strong.write_ref_flag(ctx, track),
                    None => {
                        ctx.writer.write_u8(RefFlag::Null.to_byte());
                        Ok(false)
                    }
                }
            }
        }

        impl<'de, T: Deserialize<'de> + 'static> Deserialize<'de> for $weak {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                T::read_type_info(ctx)
            }

            /// Without a reference flag nothing else can hold the value: the `Weak` is empty.
            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                T::read_data(ctx, id).map(|v| $downgrade(&$ptr::new(v)))
            }

            fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
                T::read_wire_type(ctx)
            }

            fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
                T::read_wire_data(ctx, wire).map(|v| $downgrade(&$ptr::new(v)))
            }

            fn declared_type_id() -> TypeId {
                T::declared_type_id()
            }

            fn null_value() -> Option<Self> {
                Some(<$weak>::new())
            }

            /// The null flag is a `Weak` that cannot be upgraded (`Weak::new()`), as a dead
            /// `Weak` is written; every other flag reads the value as the strong pointer would.
            fn read_after_flag(
                ctx: &mut ReadContext<'_, 'de>,
                flag: RefFlag,
                at: usize,
                id: Option<WireType>,
            ) -> Result<Self> {
                match flag {
                    RefFlag::Null => Ok(<$weak>::new()),
                    flag => <$ptr<T>>::read_after_flag(ctx, flag, at, id)
                        .map(|strong| $downgrade(&strong)),
                }
            }
        }
    };
}

shared_pointer!(Rc, rc::Weak<T>, Rc::downgrade, read_rc, placeholder_rc);
shared_pointer!(
    Arc,
    sync::Weak<T>,
    Arc::downgrade,
    read_arc,
    placeholder_arc
);

fn busy(what: &str) -> Error {
    Error::encode(format!(
        "a {what} was borrowed mutably, locked or poisoned while being serialized \
         (a value inside its own Mutex cannot be written)"
    ))
}

/// `$borrow` is a non-blocking borrow for writing (a cycle written without reference tracking
/// would otherwise deadlock on a `Mutex`); `$borrow_mut` fills a placeholder while reading.
macro_rules! interior {
    ($cell:ident, $borrow:ident, $borrow_mut:ident, $what:literal) => {
        impl<T: Serialize> Serialize for $cell<T> {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                self.$borrow()
                    .map_err(|_| busy($what))?
                    .write_type_info(ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                let guard = self.$borrow().map_err(|_| busy($what))?;
                // The contents are borrowed only while the guard lives.
                ctx.with_short_borrow(|ctx| guard.write_data(ctx, declared))
            }

            fn wire_type_name() -> &'static str {
                T::wire_type_name()
            }

            fn type_info_when_declared(compatible: bool) -> bool {
                T::type_info_when_declared(compatible)
            }

            fn map_type_info_when_declared(compatible: bool) -> bool {
                T::map_type_info_when_declared(compatible)
            }

            fn tracks_refs() -> bool {
                T::tracks_refs()
            }

            fn tracks_refs_when_declared(compatible: bool) -> bool {
                T::tracks_refs_when_declared(compatible)
            }

            fn tracks_refs_when_annotated() -> bool {
                T::tracks_refs_when_annotated()
            }

            fn union_case_tracks_refs() -> bool {
                T::union_case_tracks_refs()
            }
        }

        impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for $cell<T> {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                T::read_type_info(ctx)
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                T::read_data(ctx, id).map($cell::new)
            }

            fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
                T::read_wire_type(ctx)
            }

            fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
                T::read_wire_data(ctx, wire).map($cell::new)
            }

            fn declared_type_id() -> TypeId {
                T::declared_type_id()
            }

            fn placeholder() -> Option<Self> {
                Some($cell::new(T::default()))
            }

            fn read_into(&self, ctx: &mut ReadContext<'_, 'de>, id: WireType) -> Result<()> {
                let value = T::read_wire_data(ctx, id)?;
                let at = ctx.reader.position();
                *self.$borrow_mut().map_err(|_| {
                    Error::invalid(at, concat!("a ", $what, " free to fill"), "one in use")
                })? = value;
                Ok(())
            }
        }
    };
}

interior!(RefCell, try_borrow, try_borrow_mut, "RefCell");
interior!(Mutex, try_lock, lock, "Mutex");
