//! How Rust values map to xlang values: the [`Serialize`] and [`Deserialize`] traits and their
//! implementations for the built-in types, one family per file.
//!
//! # Design
//!
//! A value on the wire has up to three parts: a reference flag (null, not-null, reference), type
//! info (the type id, plus a user id or names for user types), and the payload. Which parts appear
//! depends on the position: a root value or a dynamically typed element carries all three, a list
//! element whose type the list header declares carries only the payload. So the traits split the
//! three parts into separate methods and the *caller* — the root, a collection, a struct field —
//! decides which to call. Every call is statically dispatched when the Rust type is known; the
//! only per-value branching is on the bytes themselves.
//!
//! Deserialization carries the input lifetime `'de`, so types such as `&'de [u8]` and
//! `Cow<'de, str>` can borrow from the input instead of copying.
//!
//! Sequences need one more hook: `Vec<i32>` is an `INT32_ARRAY` (raw little-endian bytes) while
//! `Vec<String>` is a `LIST`, and `Vec<u8>` is `BINARY`. Without specialization a single
//! `impl<T> Serialize for Vec<T>` cannot tell them apart, so the element type decides through
//! [`Serialize::write_slice_data`] and [`Deserialize::read_vec_data`], whose defaults use the list
//! format and which the primitive types override.

mod any;
mod binary;
#[cfg(feature = "bytes")]
mod bytes_;
mod char_;
#[cfg(feature = "chrono")]
mod chrono;
mod decimal;
mod enum_;
mod ext;
mod integer;
pub(crate) mod list;
pub(crate) mod map;
pub(crate) mod number;
mod option;
pub(crate) mod refs;
mod schema;
mod skip;
mod string;
mod struct_;
mod temporal;
mod trait_object;
mod tuple;
mod union;
mod value;

pub use enum_::{
    read_enum_data, read_enum_type_info, write_enum_data, write_enum_type_info, ForyEnum,
};
pub use ext::{read_ext_data, read_ext_type_info, write_ext_data, write_ext_type_info, ForyExt};
pub use list::{read_list, write_list};
pub use refs::{ReadPointee, WritePointee};
pub use schema::{
    field_writes_type_info, nested, struct_field_writes_type_info, user_field_type, Schema,
};
pub use skip::{skip_field, skip_value};
pub(crate) use skip::{skip_fields, undeclared_element};
pub(crate) use struct_::flag_before_type_info;
pub use struct_::{
    field_def, field_run_max, in_local_order, in_order_steps, in_wire_order, match_fields,
    missing_field, prepare_struct_siblings, read_field, read_remote_field, read_struct_data,
    read_struct_wire_type, skip_unread_fields, skipped_field_default, write_field, write_run_head,
    write_sibling_struct_data, write_struct_data, write_struct_type_info, FieldMode, FillByDefault,
    FillByError, ForyStruct, InOrderStep, MissingField, PlanSlot, ReadStruct, SkippedFieldDefault,
};
pub use trait_object::{
    object_is_null, object_needs_ref, read_object, read_object_wire_type, same_object_type,
    write_object_data, write_object_type_info, AsAny, TraitObject,
};
pub use union::{
    read_union_data, read_union_type_info, write_case_struct, write_case_value, write_union_data,
    write_union_type_info, write_unit_case, ForyUnion,
};
pub use value::{UserValue, Value};

use crate::context::{ReadContext, Siblings, WriteContext};
use crate::error::{Error, Result};
use crate::types::{RefFlag, TypeId};
use std::num::NonZeroU32;

/// A Rust type that can be written in the xlang format.
pub trait Serialize {
    /// Writes the type info that precedes the payload where the position does not declare the
    /// type: the internal type id, and for user types their id, names or TypeDef.
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()>;

    /// Writes the payload. `declared` says whether the position declares this value's generic
    /// parameters (a struct field `Vec<String>` does; a root value does not), which decides whether
    /// collection and map headers mark their element types as declared.
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()>;

    /// Whether this value is written as the null flag (`Option::None`).
    fn is_null(&self) -> bool {
        false
    }

    /// Whether `self` and `other` carry the same type info, so a collection of them can write it
    /// once. Always true for statically typed values.
    fn same_type(&self, _other: &Self) -> bool
    where
        Self: Sized,
    {
        true
    }

    /// Whether values of `Self` are written with reference flags inside collections and maps
    /// when reference tracking is on: shared references (`Rc`, `Arc`, `Weak`), and — as the Java
    /// peer does — collections, maps and arrays. Strings, numbers and other scalars are not.
    fn tracks_refs() -> bool
    where
        Self: Sized,
    {
        false
    }

    /// Whether elements of `Self` carry reference flags (tracking on) in a list, set or map whose
    /// element types a struct field declares, as Java 1.6.0 writes them. Where the type use asks
    /// for it (`List<@Ref Node>`), which a Rust declaration says with a shared reference
    /// (`Vec<Rc<Node>>`), and unions, in both modes. In schema-consistent mode also the types
    /// Java tracks by default: collections, maps, arrays, binary ([`Serialize::tracks_refs`]) and
    /// structs (`List<List<String>>`: header `0d`, then `00` before each element; `0c` and no
    /// flag in compatible mode). An annotated type use (`List<@Nullable List<String>>`, an
    /// `Option` in Rust) is tracked only where it asks for it
    /// ([`Serialize::tracks_refs_when_annotated`]). Collections in other positions use
    /// [`Serialize::needs_ref`].
    fn tracks_refs_when_declared(compatible: bool) -> bool
    where
        Self: Sized,
    {
        !compatible && Self::tracks_refs()
    }

    /// [`Serialize::tracks_refs_when_declared`] for a type use Java annotates
    /// (`List<@Nullable Inner>`, `Vec<Option<Inner>>` in Rust): tracked in either mode only when
    /// the annotation asks for it (`@Ref`), which a Rust declaration says with a shared
    /// reference (`Vec<Option<Rc<Inner>>>`).
    fn tracks_refs_when_annotated() -> bool
    where
        Self: Sized,
    {
        false
    }

    /// Whether a union's case value of this type carries a ref-value flag (`00`) when tracking
    /// is on, as Java's serializer of it tracks references: structs, collections, maps, arrays
    /// and binary do; numbers, strings and enums take the not-null flag (`ff`).
    fn union_case_tracks_refs() -> bool
    where
        Self: Sized,
    {
        Self::tracks_refs()
    }

    /// [`Serialize::tracks_refs`] for this value; differs from the type's answer only for
    /// dynamically typed values.
    fn needs_ref(&self) -> bool
    where
        Self: Sized,
    {
        Self::tracks_refs()
    }

    /// Writes the reference flag in front of this value and says whether the payload follows:
    /// null for a null value, otherwise ref-value (taking a reference id) where the position
    /// tracks references (`track`) or not-null where it does not. Shared references override
    /// this to write a reference to an earlier occurrence.
    #[inline]
    fn write_ref_flag(&self, ctx: &mut WriteContext<'_>, track: bool) -> Result<bool> {
        if self.is_null() {
            ctx.writer.write_u8(RefFlag::Null.to_byte());
            return Ok(false);
        }
        if track {
            ctx.writer.write_u8(RefFlag::RefValue.to_byte());
            ctx.take_ref_id();
        } else {
            ctx.writer.write_u8(RefFlag::NotNullValue.to_byte());
        }
        Ok(true)
    }

    /// The type id that is the whole type info of every value of `Self` (numbers, strings), or
    /// `None` where the type info varies or says more (user types, collections, `Option`). A
    /// writer can then put the type id in one store with the bytes before it.
    #[inline(always)]
    fn fixed_type_id() -> Option<TypeId>
    where
        Self: Sized,
    {
        None
    }

    /// Whether values of `Self` carry their own, differing types (dynamic values), so a position
    /// can never declare their type and skip the type info.
    fn is_polymorphic() -> bool
    where
        Self: Sized,
    {
        false
    }

    /// Whether a position that declares this type still writes its type info: dynamic values
    /// always, and derived structs in compatible mode, whose type info carries the TypeDef a
    /// reader needs to read (or skip) them.
    fn type_info_when_declared(compatible: bool) -> bool
    where
        Self: Sized,
    {
        let _ = compatible;
        Self::is_polymorphic()
    }

    /// [`Serialize::type_info_when_declared`] for a map key or value: Java never declares a
    /// struct key or value type, so a map of structs writes their type info once per chunk in
    /// both modes (`Map<String, Inner>` in schema-consistent mode: chunk header `0c`, then
    /// `1b cd01` for `Inner` registered as 205), where a list of them declares it in
    /// schema-consistent mode (header `0d`, no type info).
    fn map_type_info_when_declared(compatible: bool) -> bool
    where
        Self: Sized,
    {
        Self::type_info_when_declared(compatible)
    }

    /// A name for the wire type of `Self`: equal for two Rust types exactly when their values carry
    /// the same type info. Tuples use it to choose the shared-type list form; `Option<T>` and
    /// `Box<T>` answer for `T`.
    fn wire_type_name() -> &'static str
    where
        Self: Sized,
    {
        std::any::type_name::<Self>()
    }

    /// The type id of a sequence of `Self` (`Vec<Self>`, `[Self; N]`, `&[Self]`): `LIST` unless the
    /// element type has a dedicated array or binary type.
    fn slice_type_id() -> TypeId
    where
        Self: Sized,
    {
        TypeId::List
    }

    /// What writing the payloads of several values of `Self` at one nesting level (a list's
    /// elements, a map's keys or values) looks up once rather than per value, for
    /// [`Serialize::write_sibling_data`]: a derived struct's schema hash and that each is a
    /// nesting level (entered once by the caller for all of them); text's string rule.
    #[doc(hidden)]
    #[inline(always)]
    fn prepare_siblings(ctx: &mut WriteContext<'_>) -> Result<Siblings>
    where
        Self: Sized,
    {
        let _ = ctx;
        Ok(Siblings::default())
    }

    /// [`Serialize::write_data`] for one of the values [`Serialize::prepare_siblings`]
    /// prepared, inside the level it asked for.
    #[doc(hidden)]
    #[inline(always)]
    fn write_sibling_data<'v>(
        &'v self,
        ctx: &mut WriteContext<'v>,
        declared: bool,
        siblings: Siblings,
    ) -> Result<()> {
        let _ = siblings;
        self.write_data(ctx, declared)
    }

    /// Writes the payload of a sequence of `Self`; see [`Serialize::slice_type_id`].
    fn write_slice_data<'v>(
        items: &'v [Self],
        ctx: &mut WriteContext<'v>,
        declared: bool,
    ) -> Result<()>
    where
        Self: Sized,
    {
        write_list(items, ctx, declared)
    }
}

/// What the type info in front of a payload said: the internal type id and, for a user type read
/// in a dynamically typed position, the index of its registration.
///
/// Twelve bytes, so that a `Result<WireType>` comes back in two registers rather than through
/// memory (the indices are kept plus one, the niche of `NonZeroU32`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireType {
    /// The internal type id.
    pub id: TypeId,
    user: Option<NonZeroU32>,
    type_def: Option<NonZeroU32>,
}

impl WireType {
    /// Type id `id`, with the registry index of the user type the reader resolved and the
    /// stream's TypeDef that described the value, where there are.
    #[inline]
    pub fn new(id: TypeId, user: Option<u32>, type_def: Option<u32>) -> Self {
        let plus_one = |i: u32| NonZeroU32::new(i.wrapping_add(1));
        WireType {
            id,
            user: user.and_then(plus_one),
            type_def: type_def.and_then(plus_one),
        }
    }

    /// The registry index of the user type, when the reader resolved one.
    #[inline]
    pub fn user(&self) -> Option<u32> {
        self.user.map(|i| i.get() - 1)
    }

    /// The index in the stream of the TypeDef that described the value (compatible structs).
    #[inline]
    pub fn type_def(&self) -> Option<u32> {
        self.type_def.map(|i| i.get() - 1)
    }
}

impl From<TypeId> for WireType {
    #[inline]
    fn from(id: TypeId) -> Self {
        WireType {
            id,
            user: None,
            type_def: None,
        }
    }
}

/// A Rust type that can be read from the xlang format, possibly borrowing from input that lives
/// for `'de`.
///
/// Reading is driven by the type id on the wire: [`Deserialize::read_type_info`] reads it, checks
/// that `Self` can be built from that wire type and returns it, and [`Deserialize::read_data`]
/// reads the payload of that wire type. So an `i64` reads VARINT64, INT64, TAGGED_INT64 and the
/// narrower integers alike, and a `Vec<i32>` reads an INT32_ARRAY or a LIST of integers. Where the
/// position declares the type, no id is on the wire and [`Deserialize::declared_type_id`] stands
/// in for it.
pub trait Deserialize<'de>: Sized {
    /// Reads the type info in front of a payload and returns its type id, failing (with the
    /// offset) if `Self` cannot be read from that type.
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId>;

    /// Reads a payload of wire type `id` (one that [`Deserialize::read_type_info`] accepted, or
    /// [`Deserialize::declared_type_id`]).
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self>;

    /// The wire type assumed where the position declares it and no id is written.
    fn declared_type_id() -> TypeId;

    /// [`Deserialize::read_type_info`] with everything the type info resolved. Collections and
    /// maps call this pair, so dynamically typed values (`Box<dyn Any>`) can carry the resolved
    /// user type from the type info to the payload; other types keep the defaults.
    #[inline]
    fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        Self::read_type_info(ctx).map(WireType::from)
    }

    /// [`Deserialize::read_data`] for a [`WireType`] from [`Deserialize::read_wire_type`].
    #[inline]
    fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
        Self::read_data(ctx, wire.id)
    }

    /// The value a null flag stands for, if `Self` can be null (`Option::None`).
    fn null_value() -> Option<Self> {
        None
    }

    /// Reads a value whose reference flag `flag` (at offset `at`) was just read. `id` is the type
    /// id the position supplies, if any; otherwise the value's own type info is read. Shared
    /// references override this to resolve references to earlier values.
    #[inline]
    fn read_after_flag(
        ctx: &mut ReadContext<'_, 'de>,
        flag: RefFlag,
        at: usize,
        id: Option<WireType>,
    ) -> Result<Self> {
        match flag {
            RefFlag::Null => null_or_error(at),
            RefFlag::Ref => Err(Error::invalid(
                at,
                "a value (the target type is not a shared reference such as Rc or Arc)",
                "a reference to an earlier value",
            )),
            RefFlag::RefValue => {
                ctx.reserve_ref();
                read_typed(ctx, id)
            }
            RefFlag::NotNullValue => read_typed(ctx, id),
        }
    }

    /// For `RefCell<T>`: an empty value to share before its contents are read, which lets a
    /// cycle refer back to it. `None` for every other type.
    fn placeholder() -> Option<Self> {
        None
    }

    /// Reads the payload into a value made by [`Deserialize::placeholder`].
    fn read_into(&self, ctx: &mut ReadContext<'_, 'de>, id: WireType) -> Result<()> {
        let _ = (ctx, id);
        Ok(())
    }

    /// [`Deserialize::read_type_info`] for a sequence of `Self` (`Vec<Self>`, `[Self; N]`).
    fn read_vec_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.expect_type_id(TypeId::List)
    }

    /// [`Deserialize::read_data`] for a sequence of `Self`: a LIST, or a peer's numeric array
    /// (a compatible-mode field the peer declares as an array and this side as a list), whose
    /// elements are read as its element type.
    fn read_vec_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Vec<Self>> {
        if number::array_element(id).is_some() {
            return number::read_array_as(ctx, id);
        }
        read_list(ctx)
    }

    /// [`Deserialize::declared_type_id`] for a sequence of `Self`.
    fn vec_declared_type_id() -> TypeId {
        TypeId::List
    }
}

/// Writes a value in a position that carries everything: flag, type info, payload. With
/// reference tracking on, the flag is ref-value (`00`) as in the Java and Python peers.
///
/// A [`ForyExt`] payload that holds values with serializers of their own writes them so:
///
/// ```
/// use fory_core::context::{ReadContext, WriteContext};
/// use fory_core::{read_value, write_value, Fory, ForyExt, ForyObject, Result};
///
/// #[derive(ForyObject, Debug, PartialEq)]
/// #[fory(ext)]
/// struct Tags(Vec<String>);
///
/// impl ForyExt for Tags {
///     fn write_ext<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()> {
///         write_value(&self.0, ctx) // flag, LIST type id, elements
///     }
///     fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
///         Ok(Tags(read_value(ctx)?))
///     }
/// }
///
/// let mut fory = Fory::default();
/// fory.register::<Tags>(9)?;
/// let tags = Tags(vec!["a".into(), "b".into()]);
/// assert_eq!(fory.deserialize::<Tags>(&fory.serialize(&tags)?)?, tags);
/// # Ok::<(), fory_core::Error>(())
/// ```
#[inline]
pub fn write_value<'v, T: Serialize + ?Sized>(
    value: &'v T,
    ctx: &mut WriteContext<'v>,
) -> Result<()> {
    let track = ctx.config().ref_tracking;
    if value.write_ref_flag(ctx, track)? {
        value.write_type_info(ctx)?;
        value.write_data(ctx, false)?;
    }
    Ok(())
}

/// Reads a value written by [`write_value`].
///
/// [`write_value`]'s example reads one back.
#[inline]
pub fn read_value<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>) -> Result<T> {
    let at = ctx.reader.position();
    let flag = read_flag(ctx)?;
    T::read_after_flag(ctx, flag, at, None)
}

/// Reads type info (unless the position supplies the id) and the payload.
#[inline]
pub fn read_typed<'de, T: Deserialize<'de>>(
    ctx: &mut ReadContext<'_, 'de>,
    wire: Option<WireType>,
) -> Result<T> {
    let wire = match wire {
        Some(wire) => wire,
        None => T::read_wire_type(ctx)?,
    };
    T::read_wire_data(ctx, wire)
}

/// Reads one reference flag.
#[inline]
pub fn read_flag(ctx: &mut ReadContext<'_, '_>) -> Result<RefFlag> {
    let at = ctx.reader.position();
    let byte = ctx.reader.read_u8()?;
    RefFlag::try_from(byte).map_err(|b| {
        Error::invalid(
            at,
            "a reference flag (0xfd null, 0xfe ref, 0xff value, 0x00 ref value)",
            format!("{b:#04x}"),
        )
    })
}

/// The value of a null flag at `offset` for a type that may or may not be nullable.
#[inline]
pub fn null_or_error<'de, T: Deserialize<'de>>(offset: usize) -> Result<T> {
    T::null_value().ok_or_else(|| {
        Error::invalid(
            offset,
            "a non-null value (the target type is not an Option)",
            "the null flag 0xfd",
        )
    })
}
