//! The internal type-id table: the one-byte kind written before every non-primitive value.

use std::fmt;

/// An internal xlang type id (0..=56). User types write one of the user kinds ([`TypeId::Enum`],
/// [`TypeId::Struct`], ...) followed by their own numeric id or name.
///
/// ```
/// use fory_core::types::TypeId;
/// assert_eq!(TypeId::try_from(21), Ok(TypeId::String));
/// assert_eq!(TypeId::String as u8, 21);
/// assert!(TypeId::try_from(57).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum TypeId {
    /// `UNKNOWN` (0): Unknown type; the value carries its own type info (dynamic typing).
    Unknown = 0,
    /// `BOOL` (1): Boolean, one byte.
    Bool = 1,
    /// `INT8` (2): 8-bit signed integer.
    Int8 = 2,
    /// `INT16` (3): 16-bit signed integer, fixed width.
    Int16 = 3,
    /// `INT32` (4): 32-bit signed integer, fixed width.
    Int32 = 4,
    /// `VARINT32` (5): 32-bit signed integer, zigzag varint.
    Varint32 = 5,
    /// `INT64` (6): 64-bit signed integer, fixed width.
    Int64 = 6,
    /// `VARINT64` (7): 64-bit signed integer, zigzag varint.
    Varint64 = 7,
    /// `TAGGED_INT64` (8): 64-bit signed integer, tagged 4-or-9-byte form.
    TaggedInt64 = 8,
    /// `UINT8` (9): 8-bit unsigned integer.
    Uint8 = 9,
    /// `UINT16` (10): 16-bit unsigned integer, fixed width.
    Uint16 = 10,
    /// `UINT32` (11): 32-bit unsigned integer, fixed width.
    Uint32 = 11,
    /// `VAR_UINT32` (12): 32-bit unsigned integer, varint.
    VarUint32 = 12,
    /// `UINT64` (13): 64-bit unsigned integer, fixed width.
    Uint64 = 13,
    /// `VAR_UINT64` (14): 64-bit unsigned integer, varint.
    VarUint64 = 14,
    /// `TAGGED_UINT64` (15): 64-bit unsigned integer, tagged 4-or-9-byte form.
    TaggedUint64 = 15,
    /// `FLOAT8` (16): 8-bit float (reserved).
    Float8 = 16,
    /// `FLOAT16` (17): IEEE 754 half precision.
    Float16 = 17,
    /// `BFLOAT16` (18): bfloat16.
    Bfloat16 = 18,
    /// `FLOAT32` (19): IEEE 754 single precision.
    Float32 = 19,
    /// `FLOAT64` (20): IEEE 754 double precision.
    Float64 = 20,
    /// `STRING` (21): Text in Latin-1, UTF-16 or UTF-8.
    String = 21,
    /// `LIST` (22): Ordered collection.
    List = 22,
    /// `SET` (23): Collection of unique elements.
    Set = 23,
    /// `MAP` (24): Key-value map in chunks.
    Map = 24,
    /// `ENUM` (25): Enum registered by numeric id.
    Enum = 25,
    /// `NAMED_ENUM` (26): Enum registered by namespace and name.
    NamedEnum = 26,
    /// `STRUCT` (27): Struct registered by numeric id, schema-consistent.
    Struct = 27,
    /// `COMPATIBLE_STRUCT` (28): Struct registered by numeric id, with schema evolution.
    CompatibleStruct = 28,
    /// `NAMED_STRUCT` (29): Struct registered by name, schema-consistent.
    NamedStruct = 29,
    /// `NAMED_COMPATIBLE_STRUCT` (30): Struct registered by name, with schema evolution.
    NamedCompatibleStruct = 30,
    /// `EXT` (31): Extension type registered by numeric id.
    Ext = 31,
    /// `NAMED_EXT` (32): Extension type registered by name.
    NamedExt = 32,
    /// `UNION` (33): Union value without embedded schema identity.
    Union = 33,
    /// `TYPED_UNION` (34): Union registered by numeric id.
    TypedUnion = 34,
    /// `NAMED_UNION` (35): Union registered by name.
    NamedUnion = 35,
    /// `NONE` (36): Unit / empty value.
    None = 36,
    /// `DURATION` (37): Duration: seconds and nanoseconds.
    Duration = 37,
    /// `TIMESTAMP` (38): Point in time: seconds and nanoseconds since the epoch.
    Timestamp = 38,
    /// `DATE` (39): Calendar date: days since the epoch.
    Date = 39,
    /// `DECIMAL` (40): Arbitrary-precision decimal.
    Decimal = 40,
    /// `BINARY` (41): Raw bytes.
    Binary = 41,
    /// `ARRAY` (42): Reserved for multi-dimensional arrays.
    Array = 42,
    /// `BOOL_ARRAY` (43): One-dimensional array of bool values.
    BoolArray = 43,
    /// `INT8_ARRAY` (44): One-dimensional array of int8 values.
    Int8Array = 44,
    /// `INT16_ARRAY` (45): One-dimensional array of int16 values.
    Int16Array = 45,
    /// `INT32_ARRAY` (46): One-dimensional array of int32 values.
    Int32Array = 46,
    /// `INT64_ARRAY` (47): One-dimensional array of int64 values.
    Int64Array = 47,
    /// `UINT8_ARRAY` (48): One-dimensional array of uint8 values.
    Uint8Array = 48,
    /// `UINT16_ARRAY` (49): One-dimensional array of uint16 values.
    Uint16Array = 49,
    /// `UINT32_ARRAY` (50): One-dimensional array of uint32 values.
    Uint32Array = 50,
    /// `UINT64_ARRAY` (51): One-dimensional array of uint64 values.
    Uint64Array = 51,
    /// `FLOAT8_ARRAY` (52): One-dimensional array of float8 values.
    Float8Array = 52,
    /// `FLOAT16_ARRAY` (53): One-dimensional array of float16 values.
    Float16Array = 53,
    /// `BFLOAT16_ARRAY` (54): One-dimensional array of bfloat16 values.
    Bfloat16Array = 54,
    /// `FLOAT32_ARRAY` (55): One-dimensional array of float32 values.
    Float32Array = 55,
    /// `FLOAT64_ARRAY` (56): One-dimensional array of float64 values.
    Float64Array = 56,
}

impl TypeId {
    /// Every id, in numeric order (index = id).
    pub const ALL: [TypeId; 57] = [
        TypeId::Unknown,
        TypeId::Bool,
        TypeId::Int8,
        TypeId::Int16,
        TypeId::Int32,
        TypeId::Varint32,
        TypeId::Int64,
        TypeId::Varint64,
        TypeId::TaggedInt64,
        TypeId::Uint8,
        TypeId::Uint16,
        TypeId::Uint32,
        TypeId::VarUint32,
        TypeId::Uint64,
        TypeId::VarUint64,
        TypeId::TaggedUint64,
        TypeId::Float8,
        TypeId::Float16,
        TypeId::Bfloat16,
        TypeId::Float32,
        TypeId::Float64,
        TypeId::String,
        TypeId::List,
        TypeId::Set,
        TypeId::Map,
        TypeId::Enum,
        TypeId::NamedEnum,
        TypeId::Struct,
        TypeId::CompatibleStruct,
        TypeId::NamedStruct,
        TypeId::NamedCompatibleStruct,
        TypeId::Ext,
        TypeId::NamedExt,
        TypeId::Union,
        TypeId::TypedUnion,
        TypeId::NamedUnion,
        TypeId::None,
        TypeId::Duration,
        TypeId::Timestamp,
        TypeId::Date,
        TypeId::Decimal,
        TypeId::Binary,
        TypeId::Array,
        TypeId::BoolArray,
        TypeId::Int8Array,
        TypeId::Int16Array,
        TypeId::Int32Array,
        TypeId::Int64Array,
        TypeId::Uint8Array,
        TypeId::Uint16Array,
        TypeId::Uint32Array,
        TypeId::Uint64Array,
        TypeId::Float8Array,
        TypeId::Float16Array,
        TypeId::Bfloat16Array,
        TypeId::Float32Array,
        TypeId::Float64Array,
    ];

    /// The spec's upper-case name (`"VAR_UINT32"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            TypeId::Unknown => "UNKNOWN",
            TypeId::Bool => "BOOL",
            TypeId::Int8 => "INT8",
            TypeId::Int16 => "INT16",
            TypeId::Int32 => "INT32",
            TypeId::Varint32 => "VARINT32",
            TypeId::Int64 => "INT64",
            TypeId::Varint64 => "VARINT64",
            TypeId::TaggedInt64 => "TAGGED_INT64",
            TypeId::Uint8 => "UINT8",
            TypeId::Uint16 => "UINT16",
            TypeId::Uint32 => "UINT32",
            TypeId::VarUint32 => "VAR_UINT32",
            TypeId::Uint64 => "UINT64",
            TypeId::VarUint64 => "VAR_UINT64",
            TypeId::TaggedUint64 => "TAGGED_UINT64",
            TypeId::Float8 => "FLOAT8",
            TypeId::Float16 => "FLOAT16",
            TypeId::Bfloat16 => "BFLOAT16",
            TypeId::Float32 => "FLOAT32",
            TypeId::Float64 => "FLOAT64",
            TypeId::String => "STRING",
            TypeId::List => "LIST",
            TypeId::Set => "SET",
            TypeId::Map => "MAP",
            TypeId::Enum => "ENUM",
            TypeId::NamedEnum => "NAMED_ENUM",
            TypeId::Struct => "STRUCT",
            TypeId::CompatibleStruct => "COMPATIBLE_STRUCT",
            TypeId::NamedStruct => "NAMED_STRUCT",
            TypeId::NamedCompatibleStruct => "NAMED_COMPATIBLE_STRUCT",
            TypeId::Ext => "EXT",
            TypeId::NamedExt => "NAMED_EXT",
            TypeId::Union => "UNION",
            TypeId::TypedUnion => "TYPED_UNION",
            TypeId::NamedUnion => "NAMED_UNION",
            TypeId::None => "NONE",
            TypeId::Duration => "DURATION",
            TypeId::Timestamp => "TIMESTAMP",
            TypeId::Date => "DATE",
            TypeId::Decimal => "DECIMAL",
            TypeId::Binary => "BINARY",
            TypeId::Array => "ARRAY",
            TypeId::BoolArray => "BOOL_ARRAY",
            TypeId::Int8Array => "INT8_ARRAY",
            TypeId::Int16Array => "INT16_ARRAY",
            TypeId::Int32Array => "INT32_ARRAY",
            TypeId::Int64Array => "INT64_ARRAY",
            TypeId::Uint8Array => "UINT8_ARRAY",
            TypeId::Uint16Array => "UINT16_ARRAY",
            TypeId::Uint32Array => "UINT32_ARRAY",
            TypeId::Uint64Array => "UINT64_ARRAY",
            TypeId::Float8Array => "FLOAT8_ARRAY",
            TypeId::Float16Array => "FLOAT16_ARRAY",
            TypeId::Bfloat16Array => "BFLOAT16_ARRAY",
            TypeId::Float32Array => "FLOAT32_ARRAY",
            TypeId::Float64Array => "FLOAT64_ARRAY",
        }
    }

    /// Whether a numeric user type id follows this kind on the wire.
    pub const fn has_user_id(self) -> bool {
        matches!(
            self,
            TypeId::Enum
                | TypeId::Struct
                | TypeId::CompatibleStruct
                | TypeId::Ext
                | TypeId::TypedUnion
        )
    }

    /// Whether this kind names its type by namespace and type name.
    pub const fn is_named(self) -> bool {
        matches!(
            self,
            TypeId::NamedEnum
                | TypeId::NamedStruct
                | TypeId::NamedCompatibleStruct
                | TypeId::NamedExt
                | TypeId::NamedUnion
        )
    }

    /// Whether a value of this kind is always one nesting level (against `max_depth`) when
    /// read or skipped: a struct, a map or a union. A list or set is one only when it has
    /// elements, an ext value by its own reader, a number, string, date or buffer never.
    pub(crate) const fn always_nests(self) -> bool {
        matches!(
            self,
            TypeId::Struct
                | TypeId::CompatibleStruct
                | TypeId::NamedStruct
                | TypeId::NamedCompatibleStruct
                | TypeId::Map
                | TypeId::Union
                | TypeId::TypedUnion
                | TypeId::NamedUnion
        )
    }

    /// Whether this is one of the one-dimensional primitive array kinds (`BOOL_ARRAY` ..
    /// `FLOAT64_ARRAY`).
    pub const fn is_primitive_array(self) -> bool {
        (self as u8) >= TypeId::BoolArray as u8
    }

    /// The size in bytes of one element of a BINARY or primitive-array payload (1 for BINARY,
    /// 8 for `FLOAT64_ARRAY`); `None` for every other type.
    pub const fn element_size(self) -> Option<usize> {
        match self {
            TypeId::Binary
            | TypeId::BoolArray
            | TypeId::Int8Array
            | TypeId::Uint8Array
            | TypeId::Float8Array => Some(1),
            TypeId::Int16Array
            | TypeId::Uint16Array
            | TypeId::Float16Array
            | TypeId::Bfloat16Array => Some(2),
            TypeId::Int32Array | TypeId::Uint32Array | TypeId::Float32Array => Some(4),
            TypeId::Int64Array | TypeId::Uint64Array | TypeId::Float64Array => Some(8),
            _ => None,
        }
    }
}

impl TryFrom<u8> for TypeId {
    /// The byte that is not a known id.
    type Error = u8;

    #[inline]
    fn try_from(value: u8) -> Result<Self, u8> {
        TypeId::ALL.get(usize::from(value)).copied().ok_or(value)
    }
}

impl From<TypeId> for u8 {
    fn from(id: TypeId) -> u8 {
        id as u8
    }
}

impl fmt::Display for TypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), *self as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_index_equals_id_and_round_trips() {
        for (i, id) in TypeId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(TypeId::try_from(i as u8), Ok(*id));
        }
        for b in 57..=255u8 {
            assert_eq!(TypeId::try_from(b), Err(b));
        }
    }

    #[test]
    fn spot_check_against_the_spec_table() {
        assert_eq!(TypeId::VarUint32 as u8, 12);
        assert_eq!(TypeId::NamedCompatibleStruct as u8, 30);
        assert_eq!(TypeId::Binary as u8, 41);
        assert_eq!(TypeId::Float64Array as u8, 56);
        assert_eq!(TypeId::TaggedUint64.name(), "TAGGED_UINT64");
        assert_eq!(TypeId::Date.to_string(), "DATE (39)");
        assert!(TypeId::TypedUnion.has_user_id() && !TypeId::Union.has_user_id());
        assert!(TypeId::NamedExt.is_named() && !TypeId::Ext.is_named());
        assert!(TypeId::BoolArray.is_primitive_array() && !TypeId::Array.is_primitive_array());
        assert_eq!(TypeId::Binary.element_size(), Some(1));
        assert_eq!(TypeId::Bfloat16Array.element_size(), Some(2));
        assert_eq!(TypeId::Float64Array.element_size(), Some(8));
        assert_eq!(TypeId::List.element_size(), None);
    }
}
