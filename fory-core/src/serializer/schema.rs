//! The static schema of a Rust type as a struct field or container element: its TypeDef field
//! type, whether it sorts as a primitive, and whether it can be null.
//!
//! A derived struct builds its TypeDef and its field order from these, so they are constants or
//! functions of the registry only, never of a value. Types that appear as struct fields implement
//! [`Schema`]; the derive implements it for user types.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::{self, Rc};
use std::sync::{self, Arc, Mutex};

use crate::buffer::{ReadRun, WriteRun};
use crate::context::WriteContext;
use crate::error::Result;
use crate::meta::struct_def::{FieldType, NestedType};
use crate::resolver::{TypeRegistry, UserKind, UserType};
use crate::serializer::{Serialize, Value};
use crate::types::{BFloat16, Date, Decimal, Duration, Float16, Timestamp, TypeId};

/// What a struct field of this type declares.
pub trait Schema {
    /// The primitive type id (`BOOL` 1 ..= `FLOAT64` 20) a field of this type sorts by, or 0 for
    /// every non-primitive type. `Option<i32>` answers 5 (`VARINT32`) and is [`Schema::NULLABLE`].
    const SORT_TYPE_ID: u8 = 0;

    /// Whether values of this type can be null (`Option`, `Weak`, a dynamic [`Value`]), so a
    /// field or element of it carries a null flag.
    const NULLABLE: bool = false;

    /// Whether values of this type are shared references (`Rc`, `Arc`), so a field or element of
    /// it is reference-tracked.
    const SHARED: bool = false;

    /// The field type a TypeDef records for this type. User types answer with their kind as
    /// registered (`COMPATIBLE_STRUCT`, `NAMED_ENUM`, ...), which is why the registry is needed.
    fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType>;

    /// Whether a field of this type writes type info before its payload: only dynamically typed
    /// values, and structs in compatible mode (their TypeDef travels with the first value).
    fn field_type_info(compatible: bool) -> bool {
        let _ = compatible;
        false
    }

    /// Whether a field of this type writes type info when written with `ctx`:
    /// [`Schema::field_type_info`] in the writer's mode, and in schema-consistent mode with
    /// [`Config::named_struct_field_type_info`](crate::fory::Config::named_struct_field_type_info)
    /// also a struct registered by name (pyfory's form). Readers accept both forms, so only
    /// the write side asks this.
    #[inline(always)]
    fn writes_field_type_info(ctx: &WriteContext<'_>) -> bool {
        Self::field_type_info(ctx.config().compatible)
    }

    /// Writes the payload in the integer encoding `id` (`INT32`, `VARINT32`, `TAGGED_INT64`, ...)
    /// chosen by a field attribute. Only integers have several encodings; every other type
    /// writes its one payload.
    fn write_encoded<'v>(&'v self, ctx: &mut WriteContext<'v>, id: TypeId) -> Result<()>
    where
        Self: Serialize,
    {
        let _ = id;
        self.write_data(ctx, true)
    }

    /// For scalars (numbers and `bool`): the most bytes [`Schema::write_run_data`] writes; 0
    /// for every other type. A derived struct writes its leading fields of such types (not
    /// nullable, in their default encoding) through one [`WriteRun`] and reads them back
    /// through one [`ReadRun`]. A type that sets this implements both `write_run_data` and
    /// `read_run_data`, and writes no type info as a field, in either mode.
    #[doc(hidden)]
    const RUN_MAX: usize = 0;

    /// Writes the payload through a run, the same bytes as the default encoding's
    /// `write_data`; called only when [`Schema::RUN_MAX`] is not 0.
    #[doc(hidden)]
    #[inline(always)]
    fn write_run_data(&self, run: &mut WriteRun<'_>) {
        let _ = run;
        unreachable!("write_run_data of a type whose RUN_MAX is 0")
    }

    /// Reads the payload through a run, the value the default encoding's `read_data` reads;
    /// called only when [`Schema::RUN_MAX`] is not 0 (a derived struct reads the fields it
    /// wrote through a [`WriteRun`] through one [`ReadRun`]).
    #[doc(hidden)]
    #[inline(always)]
    fn read_run_data(run: &mut ReadRun<'_, '_>) -> Result<Self>
    where
        Self: Sized,
    {
        let _ = run;
        unreachable!("read_run_data of a type whose RUN_MAX is 0")
    }
}

/// Whether a struct field of wire type `id` carries type info in front of its payload; the rule
/// behind [`Schema::field_type_info`], applied to a field described by a peer's TypeDef.
pub fn field_writes_type_info(id: TypeId, compatible: bool) -> bool {
    match id {
        TypeId::Unknown => true,
        // Java writes a custom serializer's (EXT) type info before its field in compatible mode.
        TypeId::Struct
        | TypeId::CompatibleStruct
        | TypeId::NamedStruct
        | TypeId::NamedCompatibleStruct
        | TypeId::Ext
        | TypeId::NamedExt => compatible,
        _ => false,
    }
}

/// The element (or key, or value) entry of a container field type. Marked nullable whatever the
/// Rust type, as the Java and Go peers mark every element type (pyfory marks none): the list or
/// map header says per value whether nulls occur, so the bit only describes the schema.
pub fn nested<T: Schema + ?Sized>(types: &TypeRegistry, compatible: bool) -> Result<NestedType> {
    Ok(NestedType::new(
        true,
        T::SHARED,
        T::field_type(types, compatible)?,
    ))
}

/// [`Schema::writes_field_type_info`] of a derived struct `T`: in compatible mode, or in
/// schema-consistent mode when the `Fory` writes pyfory's form and `T` is registered by name.
#[inline]
pub fn struct_field_writes_type_info<T: UserType>(ctx: &WriteContext<'_>) -> bool {
    let config = ctx.config();
    config.compatible
        || (config.named_struct_field_type_info
            && ctx.registry().get::<T>().is_ok_and(|reg| reg.by_name()))
}

/// The field type of a registered user type, as Java's and pyfory's TypeDefs record it:
///
/// - an enum field is `ENUM` whether the enum is registered by id or by name (its payload is the
///   ordinal alone either way; Java cannot skip a field typed `NAMED_ENUM` and pyfory rejects
///   it as an unregistered type id);
/// - a union field is plain `UNION`: the case value carries its own type info;
/// - structs and exts are their kind as registered, in this mode (`NAMED_COMPATIBLE_STRUCT`,
///   `EXT`, ...), which tells a reader that skips the field what type info precedes it.
pub fn user_field_type<T: UserType>(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
    let reg = types.get::<T>()?;
    Ok(FieldType::Leaf(match T::KIND {
        UserKind::Enum => TypeId::Enum,
        UserKind::Union => TypeId::Union,
        kind => kind.wire_type_id(reg.by_name(), compatible),
    }))
}

macro_rules! integer_schema {
    ($($ty:ty => $id:ident, run: $run_max:literal, $run_read:ident, { $($enc:ident => $write:ident),* };)*) => {$(
        impl Schema for $ty {
            const SORT_TYPE_ID: u8 = TypeId::$id as u8;
            const RUN_MAX: usize = $run_max;

            #[inline(always)]
            fn write_run_data(&self, run: &mut WriteRun<'_>) {
                // The default encoding is the first listed.
                integer_schema!(@first run, *self, $($write),*);
            }

            #[inline(always)]
            fn read_run_data(run: &mut ReadRun<'_, '_>) -> Result<Self> {
                run.$run_read()
            }

            fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
                Ok(FieldType::Leaf(TypeId::$id))
            }

            #[inline]
            fn write_encoded<'v>(&'v self, ctx: &mut WriteContext<'v>, id: TypeId) -> Result<()> {
                match id {
                    $(TypeId::$enc => ctx.writer.$write(*self),)*
                    other => {
                        return Err(crate::error::Error::encode(format!(
                            "{} cannot be written as {other}",
                            stringify!($ty)
                        )))
                    }
                }
                Ok(())
            }
        }
    )*};
    (@first $run:expr, $value:expr, $write:ident $(, $rest:ident)*) => {
        $run.$write($value)
    };
}

// `run:` the most bytes of the default (first) encoding, and the run's read of it.
integer_schema! {
    i8 => Int8, run: 1, read_i8, { Int8 => write_i8 };
    i16 => Int16, run: 2, read_i16, { Int16 => write_i16 };
    i32 => Varint32, run: 5, read_varint32, { Varint32 => write_varint32, Int32 => write_i32 };
    i64 => Varint64, run: 9, read_varint64, {
        Varint64 => write_varint64, Int64 => write_i64, TaggedInt64 => write_tagged_i64
    };
    u8 => Uint8, run: 1, read_u8, { Uint8 => write_u8 };
    u16 => Uint16, run: 2, read_u16, { Uint16 => write_u16 };
    u32 => VarUint32, run: 5, read_varuint32, { VarUint32 => write_varuint32, Uint32 => write_u32 };
    u64 => VarUint64, run: 9, read_varuint64, {
        VarUint64 => write_varuint64, Uint64 => write_u64, TaggedUint64 => write_tagged_u64
    };
}

/// `usize` and `isize`: primitive fields of the 64-bit type of their signedness (a Java `long`),
/// written outside the struct's run of scalars.
macro_rules! pointer_sized_schema {
    ($($ty:ty => $id:ident;)*) => {$(
        impl Schema for $ty {
            const SORT_TYPE_ID: u8 = TypeId::$id as u8;

            fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
                Ok(FieldType::Leaf(TypeId::$id))
            }
        }
    )*};
}

pointer_sized_schema! {
    usize => VarUint64;
    isize => Varint64;
}

/// `bool` and the floats: primitives with one encoding.
macro_rules! scalar_schema {
    ($($ty:ty => $id:ident, run: $run_max:literal, $write:ident, $read:ident;)*) => {$(
        impl Schema for $ty {
            const SORT_TYPE_ID: u8 = TypeId::$id as u8;
            const RUN_MAX: usize = $run_max;

            fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
                Ok(FieldType::Leaf(TypeId::$id))
            }

            #[inline(always)]
            fn write_run_data(&self, run: &mut WriteRun<'_>) {
                run.$write(*self);
            }

            #[inline(always)]
            fn read_run_data(run: &mut ReadRun<'_, '_>) -> Result<Self> {
                run.$read()
            }
        }
    )*};
}

scalar_schema! {
    bool => Bool, run: 1, write_bool, read_bool;
    f32 => Float32, run: 4, write_f32, read_f32;
    f64 => Float64, run: 8, write_f64, read_f64;
    Float16 => Float16, run: 2, write_float16, read_float16;
    BFloat16 => Bfloat16, run: 2, write_bfloat16, read_bfloat16;
}

/// Non-primitive types with one field type.
macro_rules! leaf_schema {
    ($($ty:ty => $id:ident;)*) => {$(
        impl Schema for $ty {
            fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
                Ok(FieldType::Leaf(TypeId::$id))
            }
        }
    )*};
}

leaf_schema! {
    String => String;
    str => String;
    Cow<'_, str> => String;
    Cow<'_, [u8]> => Binary;
    Date => Date;
    Timestamp => Timestamp;
    Duration => Duration;
    Decimal => Decimal;
    u128 => Decimal;
    i128 => Decimal;
    char => String;
}

#[cfg(feature = "bytes")]
leaf_schema! {
    ::bytes::Bytes => Binary;
}

#[cfg(feature = "chrono")]
leaf_schema! {
    chrono::NaiveDate => Date;
    chrono::DateTime<chrono::Utc> => Timestamp;
    chrono::NaiveDateTime => Timestamp;
    chrono::TimeDelta => Duration;
}

impl Schema for Value {
    const NULLABLE: bool = true;

    fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
        Ok(FieldType::Leaf(TypeId::Unknown))
    }

    fn field_type_info(_: bool) -> bool {
        true
    }
}

/// A sequence: its element type's array type (`Vec<i32>` is `INT32_ARRAY`, `Vec<u8>` is
/// `BINARY`), or a `LIST` of it.
fn sequence<T: Schema + Serialize>(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
    Ok(match T::slice_type_id() {
        TypeId::List => FieldType::List(Box::new(nested::<T>(types, compatible)?)),
        array => FieldType::Leaf(array),
    })
}

macro_rules! sequence_schema {
    ($([$($gen:tt)*] $ty:ty;)*) => {$(
        impl<$($gen)*> Schema for $ty {
            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                sequence::<T>(types, compatible)
            }
        }
    )*};
}

sequence_schema! {
    [T: Schema + Serialize] Vec<T>;
    [T: Schema + Serialize, const N: usize] [T; N];
    [T: Schema + Serialize] [T];
}

macro_rules! borrowed_array_schema {
    ($($ty:ty),*) => {$(
        impl Schema for Cow<'_, [$ty]> {
            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                sequence::<$ty>(types, compatible)
            }
        }
    )*};
}

borrowed_array_schema!(i8, i16, i32, i64, u16, u32, u64, f32, f64);

macro_rules! collection_schema {
    ($($kind:ident [$($gen:tt)*] $ty:ty;)*) => {$(
        impl<$($gen)*> Schema for $ty {
            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                Ok(FieldType::$kind(Box::new(nested::<T>(types, compatible)?)))
            }
        }
    )*};
}

collection_schema! {
    List [T: Schema] VecDeque<T>;
    List [T: Schema] LinkedList<T>;
    List [T: Schema] BinaryHeap<T>;
    Set [T: Schema, S] HashSet<T, S>;
    Set [T: Schema] BTreeSet<T>;
    Set [T: Schema, S] hashbrown::HashSet<T, S>;
}

macro_rules! map_schema {
    ($([$($gen:tt)*] $ty:ty;)*) => {$(
        impl<$($gen)*> Schema for $ty {
            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                Ok(FieldType::map(
                    nested::<K>(types, compatible)?,
                    nested::<V>(types, compatible)?,
                ))
            }
        }
    )*};
}

map_schema! {
    [K: Schema, V: Schema, S] HashMap<K, V, S>;
    [K: Schema, V: Schema] BTreeMap<K, V>;
    [K: Schema, V: Schema, S] hashbrown::HashMap<K, V, S>;
}

/// Wrappers that are the wrapped type on the wire; `$nullable` / `$shared` add to its flags.
macro_rules! forward_schema {
    ($($ty:ident, nullable: $nullable:literal, shared: $shared:literal;)*) => {$(
        impl<T: Schema + ?Sized> Schema for $ty<T> {
            const SORT_TYPE_ID: u8 = T::SORT_TYPE_ID;
            const NULLABLE: bool = $nullable || T::NULLABLE;
            const SHARED: bool = $shared || T::SHARED;

            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                T::field_type(types, compatible)
            }

            fn field_type_info(compatible: bool) -> bool {
                T::field_type_info(compatible)
            }

            #[inline(always)]
            fn writes_field_type_info(ctx: &WriteContext<'_>) -> bool {
                T::writes_field_type_info(ctx)
            }
        }
    )*};
}

forward_schema! {
    Box, nullable: false, shared: false;
    Rc, nullable: false, shared: true;
    Arc, nullable: false, shared: true;
    RefCell, nullable: false, shared: false;
    Mutex, nullable: false, shared: false;
}

impl<T: Schema + Serialize> Schema for Option<T> {
    const SORT_TYPE_ID: u8 = T::SORT_TYPE_ID;
    const NULLABLE: bool = true;
    const SHARED: bool = T::SHARED;

    fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
        T::field_type(types, compatible)
    }

    fn field_type_info(compatible: bool) -> bool {
        T::field_type_info(compatible)
    }

    #[inline(always)]
    fn writes_field_type_info(ctx: &WriteContext<'_>) -> bool {
        T::writes_field_type_info(ctx)
    }

    #[inline]
    fn write_encoded<'v>(&'v self, ctx: &mut WriteContext<'v>, id: TypeId) -> Result<()>
    where
        Self: Serialize,
    {
        match self {
            Some(v) => v.write_encoded(ctx, id),
            None => Ok(()),
        }
    }
}

macro_rules! weak_schema {
    ($($weak:ty;)*) => {$(
        impl<T: Schema> Schema for $weak {
            const NULLABLE: bool = true;
            const SHARED: bool = true;

            fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
                T::field_type(types, compatible)
            }

            fn field_type_info(compatible: bool) -> bool {
                T::field_type_info(compatible)
            }

            #[inline(always)]
            fn writes_field_type_info(ctx: &WriteContext<'_>) -> bool {
                T::writes_field_type_info(ctx)
            }
        }
    )*};
}

weak_schema! {
    rc::Weak<T>;
    sync::Weak<T>;
}

impl<T: Schema + ?Sized> Schema for &T {
    const SORT_TYPE_ID: u8 = T::SORT_TYPE_ID;
    const NULLABLE: bool = T::NULLABLE;
    const SHARED: bool = T::SHARED;

    fn field_type(types: &TypeRegistry, compatible: bool) -> Result<FieldType> {
        T::field_type(types, compatible)
    }

    fn field_type_info(compatible: bool) -> bool {
        T::field_type_info(compatible)
    }

    #[inline(always)]
    fn writes_field_type_info(ctx: &WriteContext<'_>) -> bool {
        T::writes_field_type_info(ctx)
    }
}

/// Tuples are lists whose elements carry their own type info.
macro_rules! tuple_schema {
    ($(($($name:ident),+);)*) => {$(
        impl<$($name),+> Schema for ($($name,)+) {
            fn field_type(_: &TypeRegistry, _: bool) -> Result<FieldType> {
                Ok(FieldType::list(false, false, FieldType::Leaf(TypeId::Unknown)))
            }
        }
    )*};
}

tuple_schema! {
    (A);
    (A, B);
    (A, B, C);
    (A, B, C, D);
    (A, B, C, D, E);
    (A, B, C, D, E, F);
    (A, B, C, D, E, F, G);
    (A, B, C, D, E, F, G, H);
    (A, B, C, D, E, F, G, H, I);
    (A, B, C, D, E, F, G, H, I, J);
    (A, B, C, D, E, F, G, H, I, J, K);
    (A, B, C, D, E, F, G, H, I, J, K, L);
    (A, B, C, D, E, F, G, H, I, J, K, L, M);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V);
}
