//! Types whose wire form the derive cannot express, written against fory-core's public
//! serializer traits:
//!
//! - integers in a chosen encoding *inside* a container (the derive's `encoding` attribute
//!   applies to a struct field only, not to list elements or map keys), for the suite's
//!   `Map<@UInt32Type(FIXED) Long, List<@UInt64Type(TAGGED) Long>>` and friends;
//! - [`MyExt`], the suite's type with a custom serializer (an EXT / NAMED_EXT user type), as
//!   a user writes one: `#[fory(ext)]` and a `ForyExt` impl.

use fory_core::__private::meta::struct_def::FieldType;
use fory_core::__private::serializer::Schema;
use fory_core::context::{ReadContext, WriteContext};
use fory_core::types::TypeId;
use fory_core::{Deserialize, Error, ForyExt, ForyObject, Result, Serialize};

/// Declares a newtype over an integer that is always written in one encoding, as a container
/// element or map key.
macro_rules! encoded_integer {
    ($(#[$doc:meta])* $name:ident($ty:ty) as $id:ident, $write:ident, $read:ident;) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub $ty);

        impl Serialize for $name {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                ctx.writer.$write(self.0);
                Ok(())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.expect_type_id(TypeId::$id)
            }

            /// Only its own encoding: another integer type (a peer's VARINT32 element read into
            /// a list of fixed INT32) is an error, not a misread.
            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                if id != TypeId::$id {
                    return Err(Error::invalid(
                        ctx.reader.position(),
                        concat!("a ", stringify!($id), " value"),
                        id.to_string(),
                    ));
                }
                Ok($name(ctx.reader.$read()?))
            }

            fn declared_type_id() -> TypeId {
                TypeId::$id
            }
        }

        impl Schema for $name {
            fn field_type(
                _types: &fory_core::__private::resolver::TypeRegistry,
                _compatible: bool,
            ) -> Result<FieldType> {
                Ok(FieldType::Leaf(TypeId::$id))
            }
        }
    };
}

encoded_integer! {
    /// A `u32` written as UINT32 (4 bytes little-endian), Java `@UInt32Type(encoding = FIXED)`.
    FixedU32(u32) as Uint32, write_u32, read_u32;
}

encoded_integer! {
    /// A `u64` written as TAGGED_UINT64, Java `@UInt64Type(encoding = TAGGED)`.
    TaggedU64(u64) as TaggedUint64, write_tagged_u64, read_tagged_u64;
}

encoded_integer! {
    /// An `i32` written as INT32 (4 bytes little-endian), Java `@Int32Type(encoding = FIXED)`.
    FixedI32(i32) as Int32, write_i32, read_i32;
}

encoded_integer! {
    /// An `i64` written as TAGGED_INT64, Java `@Int64Type(encoding = TAGGED)`.
    TaggedI64(i64) as TaggedInt64, write_tagged_i64, read_tagged_i64;
}

/// The suite's `MyExt { int id; }`, whose Java serializer writes the id as one varint32 and
/// nothing else. Registered as an EXT (by id) or NAMED_EXT (by name) user type.
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[fory(ext)]
pub struct MyExt {
    /// `int id`.
    pub id: i32,
}

impl ForyExt for MyExt {
    fn write_ext<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()> {
        ctx.writer.write_varint32(self.id);
        Ok(())
    }

    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
        Ok(MyExt {
            id: ctx.reader.read_varint32()?,
        })
    }
}
