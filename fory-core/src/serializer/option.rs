//! `Option<T>` (None is the null flag) and `Box<T>` (transparent): `Box<[T]>` is what `Vec<T>`
//! is (`Box<[i32]>` an INT32_ARRAY, `Box<[u8]>` BINARY, `Box<[String]>` a LIST) and `Box<str>`
//! a STRING.

use crate::context::{ReadContext, WriteContext};
use crate::error::Result;
use crate::serializer::{Deserialize, Serialize, WireType};
use crate::types::{RefFlag, TypeId};

impl<T: Serialize> Serialize for Option<T> {
    #[inline]
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        match self {
            Some(v) => v.write_type_info(ctx),
            // Only reached when a caller writes type info for a null value; nothing to say.
            None => Ok(()),
        }
    }

    #[inline]
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        match self {
            Some(v) => v.write_data(ctx, declared),
            None => Ok(()),
        }
    }

    #[inline]
    fn is_null(&self) -> bool {
        self.is_none()
    }

    /// Null for `None`; otherwise the inner type's flag, so an `Option<Rc<T>>` writes a
    /// reference to an earlier occurrence.
    fn write_ref_flag(&self, ctx: &mut WriteContext<'_>, track: bool) -> Result<bool> {
        match self {
            Some(v) => v.write_ref_flag(ctx, track),
            None => {
                ctx.writer.write_u8(RefFlag::Null.to_byte());
                Ok(false)
            }
        }
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

    /// An annotated type use in Java (`List<@Nullable List<String>>`): tracked in either mode
    /// only when it asks for it (`@Ref`, a shared reference).
    fn tracks_refs_when_declared(_compatible: bool) -> bool {
        T::tracks_refs_when_annotated()
    }

    fn tracks_refs_when_annotated() -> bool {
        T::tracks_refs_when_annotated()
    }

    fn union_case_tracks_refs() -> bool {
        T::union_case_tracks_refs()
    }

    fn needs_ref(&self) -> bool {
        self.as_ref().is_some_and(T::needs_ref)
    }

    fn same_type(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.same_type(b),
            _ => true,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Option<T> {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        T::read_type_info(ctx)
    }

    #[inline]
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        T::read_data(ctx, id).map(Some)
    }

    fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        T::read_wire_type(ctx)
    }

    fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
        T::read_wire_data(ctx, wire).map(Some)
    }

    fn declared_type_id() -> TypeId {
        T::declared_type_id()
    }

    #[inline]
    fn null_value() -> Option<Self> {
        Some(None)
    }

    /// Null is `None`; every other flag is the inner type's to interpret, so an
    /// `Option<Rc<T>>` resolves a reference to an earlier value.
    fn read_after_flag(
        ctx: &mut ReadContext<'_, 'de>,
        flag: RefFlag,
        at: usize,
        id: Option<WireType>,
    ) -> Result<Self> {
        match flag {
            RefFlag::Null => Ok(None),
            flag => T::read_after_flag(ctx, flag, at, id).map(Some),
        }
    }
}

impl<T: Serialize + ?Sized> Serialize for Box<T> {
    #[inline]
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        (**self).write_type_info(ctx)
    }

    #[inline]
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        (**self).write_data(ctx, declared)
    }

    fn is_null(&self) -> bool {
        (**self).is_null()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Box<T> {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        T::read_type_info(ctx)
    }

    #[inline]
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        T::read_data(ctx, id).map(Box::new)
    }

    fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        T::read_wire_type(ctx)
    }

    fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
        T::read_wire_data(ctx, wire).map(Box::new)
    }

    fn declared_type_id() -> TypeId {
        T::declared_type_id()
    }

    fn null_value() -> Option<Self> {
        T::null_value().map(Box::new)
    }
}

/// Reads what a `Vec<T>` reads: `Box<[i32]>` an INT32_ARRAY or a LIST, `Box<[u8]>` BINARY.
///
/// ```
/// use fory_core::Fory;
/// let fory = Fory::default();
/// let boxed: Box<[i32]> = Box::from([1, 2]);
/// let bytes = fory.serialize(&boxed).unwrap();
/// assert_eq!(bytes, fory.serialize(&vec![1i32, 2]).unwrap());
/// assert_eq!(fory.deserialize::<Box<[i32]>>(&bytes).unwrap(), boxed);
/// ```
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Box<[T]> {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        T::read_vec_type_info(ctx)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        T::read_vec_data(ctx, id).map(Vec::into_boxed_slice)
    }

    fn declared_type_id() -> TypeId {
        T::vec_declared_type_id()
    }
}

/// Reads a STRING, as `String` does.
impl<'de> Deserialize<'de> for Box<str> {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        String::read_type_info(ctx)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        String::read_data(ctx, id).map(String::into_boxed_str)
    }

    fn declared_type_id() -> TypeId {
        TypeId::String
    }
}
