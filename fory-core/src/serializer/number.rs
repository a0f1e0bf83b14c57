//! bool, integers and floats: their scalar encodings and their one-dimensional array types.
//!
//! | Rust | scalar type id | `Vec<_>` / `[_; N]` type id |
//! | --- | --- | --- |
//! | `bool` | BOOL | BOOL_ARRAY |
//! | `i8` | INT8 | INT8_ARRAY |
//! | `i16` | INT16 | INT16_ARRAY |
//! | `i32` | VARINT32 | INT32_ARRAY |
//! | `i64` | VARINT64 | INT64_ARRAY |
//! | `u8` | UINT8 | BINARY |
//! | `u16` | UINT16 | UINT16_ARRAY |
//! | `u32` | VAR_UINT32 | UINT32_ARRAY |
//! | `u64` | VAR_UINT64 | UINT64_ARRAY |
//! | `Float16` | FLOAT16 | FLOAT16_ARRAY |
//! | `BFloat16` | BFLOAT16 | BFLOAT16_ARRAY |
//! | `f32` | FLOAT32 | FLOAT32_ARRAY |
//! | `f64` | FLOAT64 | FLOAT64_ARRAY |
//!
//! Reading accepts every wire integer type that converts without loss (an `i64` reads VARINT64,
//! INT64, TAGGED_INT64 and the narrower signed types; `f64` reads every float type), and a `Vec`
//! of numbers reads either the array type or a LIST.
//!
//! The scalar ids are what the Java, Python and Go peers write for their native `int`, `long`,
//! `float`, ... at the root (32- and 64-bit integers as varints). Arrays are a varuint32 byte count
//! and the elements' little-endian bytes.

use crate::buffer::Reader;
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::{read_list, Deserialize, Serialize};
use crate::types::{BFloat16, Float16, TypeId};

macro_rules! number {
    ($ty:ty, $id:ident, $array:ident, $width:literal, $write:ident, $write_elem:ident,
     $read_elem:ident, accepts { $($wire:ident => $read:expr),* $(,)? }) => {
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            #[inline]
            fn write_data(&self, ctx: &mut WriteContext<'_>, _declared: bool) -> Result<()> {
                ctx.writer.$write(*self);
                Ok(())
            }

            fn slice_type_id() -> TypeId {
                TypeId::$array
            }

            fn write_slice_data(
                items: &[Self],
                ctx: &mut WriteContext<'_>,
                _declared: bool,
            ) -> Result<()> {
                write_array_len(ctx, items.len(), $width)?;
                ctx.writer.reserve(items.len() * $width);
                for item in items {
                    ctx.writer.$write_elem(*item);
                }
                Ok(())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(&[$(TypeId::$wire),*], TypeId::$id)
            }

            #[inline]
            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                let r = &mut ctx.reader;
                match id {
                    $(TypeId::$wire => $read(r),)*
                    other => Err(Error::invalid(
                        r.position(),
                        concat!("a wire type readable as ", stringify!($ty)),
                        other.to_string(),
                    )),
                }
            }

            fn declared_type_id() -> TypeId {
                TypeId::$id
            }

            fn read_vec_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(&[TypeId::$array, TypeId::List], TypeId::$array)
            }

            fn read_vec_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Vec<Self>> {
                if id == TypeId::List {
                    return read_list(ctx);
                }
                let bytes = read_array_bytes(ctx, $width)?;
                let mut out = Vec::with_capacity(bytes.len() / $width);
                let mut elems = Reader::new(bytes);
                while !elems.is_empty() {
                    out.push(elems.$read_elem()?);
                }
                Ok(out)
            }

            fn vec_declared_type_id() -> TypeId {
                TypeId::$array
            }
        }
    };
}

number!(bool, Bool, BoolArray, 1, write_bool, write_bool, read_bool, accepts {
    Bool => Reader::read_bool,
});
number!(i8, Int8, Int8Array, 1, write_i8, write_i8, read_i8, accepts {
    Int8 => Reader::read_i8,
});
number!(i16, Int16, Int16Array, 2, write_i16, write_i16, read_i16, accepts {
    Int16 => Reader::read_i16,
    Int8 => |r: &mut Reader| r.read_i8().map(i16::from),
});
number!(i32, Varint32, Int32Array, 4, write_varint32, write_i32, read_i32, accepts {
    Varint32 => Reader::read_varint32,
    Int32 => Reader::read_i32,
    Int16 => |r: &mut Reader| r.read_i16().map(i32::from),
    Int8 => |r: &mut Reader| r.read_i8().map(i32::from),
});
number!(i64, Varint64, Int64Array, 8, write_varint64, write_i64, read_i64, accepts {
    Varint64 => Reader::read_varint64,
    Int64 => Reader::read_i64,
    TaggedInt64 => Reader::read_tagged_i64,
    Varint32 => |r: &mut Reader| r.read_varint32().map(i64::from),
    Int32 => |r: &mut Reader| r.read_i32().map(i64::from),
    Int16 => |r: &mut Reader| r.read_i16().map(i64::from),
    Int8 => |r: &mut Reader| r.read_i8().map(i64::from),
});
number!(u8, Uint8, Binary, 1, write_u8, write_u8, read_u8, accepts {
    Uint8 => Reader::read_u8,
});
number!(u16, Uint16, Uint16Array, 2, write_u16, write_u16, read_u16, accepts {
    Uint16 => Reader::read_u16,
    Uint8 => |r: &mut Reader| r.read_u8().map(u16::from),
});
number!(u32, VarUint32, Uint32Array, 4, write_varuint32, write_u32, read_u32, accepts {
    VarUint32 => Reader::read_varuint32,
    Uint32 => Reader::read_u32,
    Uint16 => |r: &mut Reader| r.read_u16().map(u32::from),
    Uint8 => |r: &mut Reader| r.read_u8().map(u32::from),
});
number!(u64, VarUint64, Uint64Array, 8, write_varuint64, write_u64, read_u64, accepts {
    VarUint64 => Reader::read_varuint64,
    Uint64 => Reader::read_u64,
    TaggedUint64 => Reader::read_tagged_u64,
    VarUint32 => |r: &mut Reader| r.read_varuint32().map(u64::from),
    Uint32 => |r: &mut Reader| r.read_u32().map(u64::from),
    Uint16 => |r: &mut Reader| r.read_u16().map(u64::from),
    Uint8 => |r: &mut Reader| r.read_u8().map(u64::from),
});
number!(f32, Float32, Float32Array, 4, write_f32, write_f32, read_f32, accepts {
    Float32 => Reader::read_f32,
    Float16 => |r: &mut Reader| r.read_float16().map(f32::from),
    Bfloat16 => |r: &mut Reader| r.read_bfloat16().map(f32::from),
});
number!(f64, Float64, Float64Array, 8, write_f64, write_f64, read_f64, accepts {
    Float64 => Reader::read_f64,
    Float32 => |r: &mut Reader| r.read_f32().map(f64::from),
    Float16 => |r: &mut Reader| r.read_float16().map(f64::from),
    Bfloat16 => |r: &mut Reader| r.read_bfloat16().map(f64::from),
});
number!(Float16, Float16, Float16Array, 2, write_float16, write_float16, read_float16, accepts {
    Float16 => Reader::read_float16,
});
number!(BFloat16, Bfloat16, Bfloat16Array, 2, write_bfloat16, write_bfloat16, read_bfloat16, accepts {
    Bfloat16 => Reader::read_bfloat16,
});

/// Writes the byte count of an array of `len` elements of `width` bytes.
pub(crate) fn write_array_len(ctx: &mut WriteContext<'_>, len: usize, width: usize) -> Result<()> {
    let bytes = u32::try_from(len * width)
        .map_err(|_| Error::encode(format!("array of {len} elements exceeds 2^32 - 1 bytes")))?;
    ctx.writer.write_varuint32(bytes);
    Ok(())
}

/// Reads an array's byte count and its bytes, checking the count against the element width, the
/// binary limit and the input left.
pub(crate) fn read_array_bytes<'de>(
    ctx: &mut ReadContext<'_, 'de>,
    width: usize,
) -> Result<&'de [u8]> {
    let at = ctx.reader.position();
    let len = ctx.reader.read_varuint32()?;
    let max = ctx.config().limits.max_binary_bytes;
    if u64::from(len) > max {
        return Err(Error::limit_exceeded(
            at,
            "max_binary_bytes",
            max,
            u64::from(len),
        ));
    }
    if len as usize % width != 0 {
        return Err(Error::invalid(
            at,
            "an array byte count that is a multiple of the element size",
            format!("{len} bytes for {width}-byte elements"),
        ));
    }
    ctx.reader.read_bytes_for(len as usize, "array bytes")
}
