//! [`Value`]: any xlang value whose type is only known at run time, for the `List<Object>` and
//! `Map<Object, Object>` that Java and Python programs send.

use std::any::Any;
use std::borrow::Cow;
use std::rc::Rc;

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::resolver::Registration;
use crate::serializer::any::read_dynamic_wire_type;
use crate::serializer::list::{read_list, write_elements};
use crate::serializer::map::{read_entries, write_entries};
use crate::serializer::number::read_array_bytes;
use crate::serializer::{Deserialize, Serialize, WireType};
use crate::types::{BFloat16, Date, Decimal, Duration, Float16, Timestamp, TypeId};

/// A dynamically typed xlang value.
///
/// Each variant is one wire type, so a value read from a peer writes back with the same type ids.
/// Integers keep their width; Java's `Integer` arrives as `Int32` (VARINT32), Python's `int` as
/// `Int64` (VARINT64).
///
/// ```
/// use fory_core::{Fory, Value};
/// let fory = Fory::default();
/// // pyfory: serialize([1, "a", None])
/// let bytes = [0x01, 0xff, 0x16, 0x03, 0x02, 0xff, 0x07, 0x02, 0xff, 0x15, 0x04, b'a', 0xfd];
/// let value: Value = fory.deserialize(&bytes).unwrap();
/// assert_eq!(
///     value,
///     Value::List(vec![Value::Int64(1), Value::String("a".into()), Value::Null])
/// );
/// assert_eq!(fory.serialize(&value).unwrap(), bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// The null value.
    #[default]
    Null,
    /// BOOL.
    Bool(bool),
    /// INT8.
    Int8(i8),
    /// INT16.
    Int16(i16),
    /// VARINT32 (read also from INT32).
    Int32(i32),
    /// VARINT64 (read also from INT64 and TAGGED_INT64).
    Int64(i64),
    /// UINT8.
    UInt8(u8),
    /// UINT16.
    UInt16(u16),
    /// VAR_UINT32 (read also from UINT32).
    UInt32(u32),
    /// VAR_UINT64 (read also from UINT64 and TAGGED_UINT64).
    UInt64(u64),
    /// FLOAT16.
    Float16(Float16),
    /// BFLOAT16.
    BFloat16(BFloat16),
    /// FLOAT32.
    Float32(f32),
    /// FLOAT64.
    Float64(f64),
    /// STRING.
    String(String),
    /// BINARY.
    Binary(Vec<u8>),
    /// BOOL_ARRAY.
    BoolArray(Vec<bool>),
    /// INT8_ARRAY.
    Int8Array(Vec<i8>),
    /// INT16_ARRAY.
    Int16Array(Vec<i16>),
    /// INT32_ARRAY.
    Int32Array(Vec<i32>),
    /// INT64_ARRAY.
    Int64Array(Vec<i64>),
    /// UINT8_ARRAY (BINARY is the usual form of bytes).
    UInt8Array(Vec<u8>),
    /// UINT16_ARRAY.
    UInt16Array(Vec<u16>),
    /// UINT32_ARRAY.
    UInt32Array(Vec<u32>),
    /// UINT64_ARRAY.
    UInt64Array(Vec<u64>),
    /// FLOAT16_ARRAY.
    Float16Array(Vec<Float16>),
    /// BFLOAT16_ARRAY.
    BFloat16Array(Vec<BFloat16>),
    /// FLOAT32_ARRAY.
    Float32Array(Vec<f32>),
    /// FLOAT64_ARRAY.
    Float64Array(Vec<f64>),
    /// DATE.
    Date(Date),
    /// TIMESTAMP.
    Timestamp(Timestamp),
    /// DURATION.
    Duration(Duration),
    /// DECIMAL.
    Decimal(Decimal),
    /// LIST of any values.
    List(Vec<Value>),
    /// SET of any values, in wire order.
    Set(Vec<Value>),
    /// MAP of any keys and values, in wire order.
    Map(Vec<(Value, Value)>),
    /// A value of a registered user type (enum, struct, union, ext).
    User(UserValue),
}

/// A value of a registered user type inside a [`Value`]: shared, so `Value` stays cheap to clone.
/// Two `UserValue`s are equal when they are the same allocation.
///
/// [`Value`]'s example shows one read from a payload.
#[derive(Clone)]
pub struct UserValue(pub Rc<dyn Any>);

impl UserValue {
    /// Wraps a value of a registered type.
    pub fn new<T: Any>(value: T) -> Self {
        UserValue(Rc::new(value))
    }

    /// The value as a `T`, if it is one.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }
}

impl PartialEq for UserValue {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for UserValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UserValue(..)")
    }
}

fn registration_of<'f>(value: &UserValue, ctx: &WriteContext<'f>) -> Result<&'f Registration> {
    ctx.registry()
        .by_rust_type((*value.0).type_id())
        .ok_or_else(|| Error::encode("a Value::User holding a type that is not registered"))
}

impl Value {
    /// The wire type id of this value (`None` for null).
    pub fn type_id(&self) -> Option<TypeId> {
        Some(match self {
            Value::Null => return None,
            Value::Bool(_) => TypeId::Bool,
            Value::Int8(_) => TypeId::Int8,
            Value::Int16(_) => TypeId::Int16,
            Value::Int32(_) => TypeId::Varint32,
            Value::Int64(_) => TypeId::Varint64,
            Value::UInt8(_) => TypeId::Uint8,
            Value::UInt16(_) => TypeId::Uint16,
            Value::UInt32(_) => TypeId::VarUint32,
            Value::UInt64(_) => TypeId::VarUint64,
            Value::Float16(_) => TypeId::Float16,
            Value::BFloat16(_) => TypeId::Bfloat16,
            Value::Float32(_) => TypeId::Float32,
            Value::Float64(_) => TypeId::Float64,
            Value::String(_) => TypeId::String,
            Value::Binary(_) => TypeId::Binary,
            Value::BoolArray(_) => TypeId::BoolArray,
            Value::Int8Array(_) => TypeId::Int8Array,
            Value::Int16Array(_) => TypeId::Int16Array,
            Value::Int32Array(_) => TypeId::Int32Array,
            Value::Int64Array(_) => TypeId::Int64Array,
            Value::UInt8Array(_) => TypeId::Uint8Array,
            Value::UInt16Array(_) => TypeId::Uint16Array,
            Value::UInt32Array(_) => TypeId::Uint32Array,
            Value::UInt64Array(_) => TypeId::Uint64Array,
            Value::Float16Array(_) => TypeId::Float16Array,
            Value::BFloat16Array(_) => TypeId::Bfloat16Array,
            Value::Float32Array(_) => TypeId::Float32Array,
            Value::Float64Array(_) => TypeId::Float64Array,
            Value::Date(_) => TypeId::Date,
            Value::Timestamp(_) => TypeId::Timestamp,
            Value::Duration(_) => TypeId::Duration,
            Value::Decimal(_) => TypeId::Decimal,
            Value::List(_) => TypeId::List,
            Value::Set(_) => TypeId::Set,
            Value::Map(_) => TypeId::Map,
            // The registration decides; see `write_type_info`.
            Value::User(_) => TypeId::Unknown,
        })
    }
}

impl Serialize for Value {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        if let Value::User(user) = self {
            let reg = registration_of(user, ctx)?;
            return ctx.with_short_borrow(|ctx| (reg.write)(&*user.0, ctx, None));
        }
        if let Some(id) = self.type_id() {
            ctx.write_type_id(id);
        }
        Ok(())
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        let d = declared;
        match self {
            Value::Null => Ok(()),
            Value::Bool(v) => v.write_data(ctx, d),
            Value::Int8(v) => v.write_data(ctx, d),
            Value::Int16(v) => v.write_data(ctx, d),
            Value::Int32(v) => v.write_data(ctx, d),
            Value::Int64(v) => v.write_data(ctx, d),
            Value::UInt8(v) => v.write_data(ctx, d),
            Value::UInt16(v) => v.write_data(ctx, d),
            Value::UInt32(v) => v.write_data(ctx, d),
            Value::UInt64(v) => v.write_data(ctx, d),
            Value::Float16(v) => v.write_data(ctx, d),
            Value::BFloat16(v) => v.write_data(ctx, d),
            Value::Float32(v) => v.write_data(ctx, d),
            Value::Float64(v) => v.write_data(ctx, d),
            Value::String(v) => v.write_data(ctx, d),
            Value::Binary(v) => v.write_data(ctx, d),
            // Not through `[u8]`, which names BINARY to the buffer callback and the array form.
            Value::UInt8Array(v) => ctx.write_buffer(TypeId::Uint8Array, Cow::Borrowed(v)),
            Value::BoolArray(v) => v.write_data(ctx, d),
            Value::Int8Array(v) => v.write_data(ctx, d),
            Value::Int16Array(v) => v.write_data(ctx, d),
            Value::Int32Array(v) => v.write_data(ctx, d),
            Value::Int64Array(v) => v.write_data(ctx, d),
            Value::UInt16Array(v) => v.write_data(ctx, d),
            Value::UInt32Array(v) => v.write_data(ctx, d),
            Value::UInt64Array(v) => v.write_data(ctx, d),
            Value::Float16Array(v) => v.write_data(ctx, d),
            Value::BFloat16Array(v) => v.write_data(ctx, d),
            Value::Float32Array(v) => v.write_data(ctx, d),
            Value::Float64Array(v) => v.write_data(ctx, d),
            Value::Date(v) => v.write_data(ctx, d),
            Value::Timestamp(v) => v.write_data(ctx, d),
            Value::Duration(v) => v.write_data(ctx, d),
            Value::Decimal(v) => v.write_data(ctx, d),
            Value::List(v) => v.write_data(ctx, d),
            Value::Set(items) => write_elements(items.iter(), items.len(), ctx, d),
            Value::Map(entries) => {
                write_entries(entries.iter().map(|(k, v)| (k, v)), entries.len(), ctx, d)
            }
            Value::User(user) => {
                let reg = registration_of(user, ctx)?;
                (reg.write)(&*user.0, ctx, Some(d))
            }
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    fn same_type(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::User(a), Value::User(b)) => (*a.0).type_id() == (*b.0).type_id(),
            _ => self.type_id() == other.type_id(),
        }
    }

    fn is_polymorphic() -> bool {
        true
    }

    /// Collections, maps, binary and arrays are tracked (as in the Java peer); scalars are not.
    fn needs_ref(&self) -> bool {
        !matches!(
            self,
            Value::Null
                | Value::Bool(_)
                | Value::Int8(_)
                | Value::Int16(_)
                | Value::Int32(_)
                | Value::Int64(_)
                | Value::UInt8(_)
                | Value::UInt16(_)
                | Value::UInt32(_)
                | Value::UInt64(_)
                | Value::Float16(_)
                | Value::BFloat16(_)
                | Value::Float32(_)
                | Value::Float64(_)
                | Value::String(_)
                | Value::Date(_)
                | Value::Timestamp(_)
                | Value::Duration(_)
                | Value::Decimal(_)
        )
    }
}

impl<'de> Deserialize<'de> for Value {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        Self::read_wire_type(ctx).map(|wire| wire.id)
    }

    /// Resolves user types to their registration, so their payload can be read.
    fn read_wire_type(ctx: &mut ReadContext<'_, 'de>) -> Result<WireType> {
        read_dynamic_wire_type(ctx)
    }

    fn read_wire_data(ctx: &mut ReadContext<'_, 'de>, wire: WireType) -> Result<Self> {
        match wire.user().and_then(|i| ctx.registry().entry(i)) {
            Some(reg) => Ok(Value::User(UserValue((reg.read)(ctx, wire)?.into()))),
            None => Self::read_data(ctx, wire.id),
        }
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        fn read<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<T> {
            T::read_data(ctx, id)
        }
        Ok(match id {
            TypeId::Bool => Value::Bool(read(ctx, id)?),
            TypeId::Int8 => Value::Int8(read(ctx, id)?),
            TypeId::Int16 => Value::Int16(read(ctx, id)?),
            TypeId::Int32 | TypeId::Varint32 => Value::Int32(read(ctx, id)?),
            TypeId::Int64 | TypeId::Varint64 | TypeId::TaggedInt64 => Value::Int64(read(ctx, id)?),
            TypeId::Uint8 => Value::UInt8(read(ctx, id)?),
            TypeId::Uint16 => Value::UInt16(read(ctx, id)?),
            TypeId::Uint32 | TypeId::VarUint32 => Value::UInt32(read(ctx, id)?),
            TypeId::Uint64 | TypeId::VarUint64 | TypeId::TaggedUint64 => {
                Value::UInt64(read(ctx, id)?)
            }
            TypeId::Float16 => Value::Float16(read(ctx, id)?),
            TypeId::Bfloat16 => Value::BFloat16(read(ctx, id)?),
            TypeId::Float32 => Value::Float32(read(ctx, id)?),
            TypeId::Float64 => Value::Float64(read(ctx, id)?),
            TypeId::String => Value::String(read(ctx, id)?),
            TypeId::Binary => Value::Binary(read(ctx, id)?),
            TypeId::BoolArray => Value::BoolArray(read(ctx, id)?),
            TypeId::Int8Array => Value::Int8Array(read(ctx, id)?),
            TypeId::Int16Array => Value::Int16Array(read(ctx, id)?),
            TypeId::Int32Array => Value::Int32Array(read(ctx, id)?),
            TypeId::Int64Array => Value::Int64Array(read(ctx, id)?),
            TypeId::Uint8Array => Value::UInt8Array(read_array_bytes(ctx, id, 1)?.to_vec()),
            TypeId::Uint16Array => Value::UInt16Array(read(ctx, id)?),
            TypeId::Uint32Array => Value::UInt32Array(read(ctx, id)?),
            TypeId::Uint64Array => Value::UInt64Array(read(ctx, id)?),
            TypeId::Float16Array => Value::Float16Array(read(ctx, id)?),
            TypeId::Bfloat16Array => Value::BFloat16Array(read(ctx, id)?),
            TypeId::Float32Array => Value::Float32Array(read(ctx, id)?),
            TypeId::Float64Array => Value::Float64Array(read(ctx, id)?),
            TypeId::Date => Value::Date(read(ctx, id)?),
            TypeId::Timestamp => Value::Timestamp(read(ctx, id)?),
            TypeId::Duration => Value::Duration(read(ctx, id)?),
            TypeId::Decimal => Value::Decimal(read(ctx, id)?),
            TypeId::List => Value::List(read(ctx, id)?),
            // A set's payload is a list's.
            TypeId::Set => Value::Set(read_list(ctx)?),
            TypeId::Map => {
                let mut entries = Vec::new();
                read_entries(
                    ctx,
                    &mut entries,
                    |e, n| e.reserve(n),
                    |e, k, v| e.push((k, v)),
                )?;
                Value::Map(entries)
            }
            TypeId::None => Value::Null,
            other => {
                return Err(Error::unsupported(
                    ctx.reader.position(),
                    format!("{other} as a dynamically typed value"),
                ))
            }
        })
    }

    fn declared_type_id() -> TypeId {
        TypeId::Unknown
    }

    fn null_value() -> Option<Self> {
        Some(Value::Null)
    }
}
