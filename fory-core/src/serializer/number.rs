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
//! of numbers reads either the array type or a LIST (or a SET, as a peer's set field arrives in
//! a compatible-mode sequence field). In compatible mode a sequence field reads a
//! peer's array of another declaration too (a Java `int[]` into a LIST field, an INT32_ARRAY into
//! `Vec<i64>`): element by element as the array's element type, an error where the element
//! types differ in kind ([`read_array_as`]).
//!
//! The scalar ids are what the Java, Python and Go peers write for their native `int`, `long`,
//! `float`, ... at the root (32- and 64-bit integers as varints). Arrays are a varuint32 byte count
//! and the elements' little-endian bytes.

use std::borrow::Cow;

use crate::buffer::{copy_bytes, Reader, Writer};
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::list::initial_capacity;
use crate::serializer::{read_list, read_typed, Deserialize, Serialize, WireType};
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

            #[inline(always)]
            fn fixed_type_id() -> Option<TypeId> {
                Some(TypeId::$id)
            }

            #[inline(always)]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
                ctx.writer.$write(*self);
                Ok(())
            }

            fn slice_type_id() -> TypeId {
                TypeId::$array
            }

            fn write_slice_data<'v>(
                items: &'v [Self],
                ctx: &mut WriteContext<'v>,
                _declared: bool,
            ) -> Result<()> {
                ctx.write_buffer(TypeId::$array, le_bytes(items, Writer::$write_elem))
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
                // BINARY's payload is UINT8_ARRAY's (pyfory's `array('B')` and uint8 numpy
                // arrays, Java's `@UInt8Type byte[]`), so a `Vec<u8>` reads both.
                if TypeId::$array == TypeId::Binary {
                    let ids = [TypeId::Binary, TypeId::Uint8Array, TypeId::List];
                    return ctx.read_type_id_among(&ids, TypeId::Binary);
                }
                ctx.read_type_id_among(&[TypeId::$array, TypeId::List], TypeId::$array)
            }

            #[inline(always)]
            fn read_vec_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Vec<Self>> {
                // The usual case in line: this type's own array, in band, copied in one go.
                if id == TypeId::$array {
                    if let Some((bytes, end)) = ctx.peek_in_band_buffer() {
                        if let Some(items) = <Self as ArrayElement>::copied(bytes) {
                            ctx.reader.set_position(end);
                            return Ok(items);
                        }
                    }
                }
                read_vec_in_full(ctx, id, TypeId::$array, $width, |r| r.$read_elem())
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

/// `Cow<'de, [T]>` of a numeric type reads its array payload without copying when the bytes (in
/// the input, or in an out-of-band buffer) are aligned for `T` on a little-endian target, and
/// copies otherwise; it writes like `[T]`.
macro_rules! borrowed_array {
    ($($ty:ty),*) => {$(
        impl Serialize for Cow<'_, [$ty]> {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                <[$ty]>::write_type_info(self, ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                <[$ty]>::write_data(self, ctx, declared)
            }
        }

        impl<'de> Deserialize<'de> for Cow<'de, [$ty]> {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                <$ty>::read_vec_type_info(ctx)
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                if id != <$ty>::vec_declared_type_id() {
                    // A LIST, or another array type: read (and converted) as a `Vec`.
                    return <$ty>::read_vec_data(ctx, id).map(Cow::Owned);
                }
                let bytes = read_array_bytes(ctx, id, std::mem::size_of::<$ty>())?;
                Ok(match borrow_elements::<$ty>(bytes) {
                    Some(items) => Cow::Borrowed(items),
                    None => Cow::Owned(
                        bytes
                            .chunks_exact(std::mem::size_of::<$ty>())
                            .map(|c| <$ty>::from_le_bytes(c.try_into().expect("exact chunk")))
                            .collect(),
                    ),
                })
            }

            fn declared_type_id() -> TypeId {
                <$ty>::vec_declared_type_id()
            }
        }
    )*};
}

borrowed_array!(i8, i16, i32, i64, u16, u32, u64, f32, f64);

/// The element type of an array type id (BINARY's elements are UINT8) and its width in bytes.
pub(crate) fn array_element(id: TypeId) -> Option<(TypeId, usize)> {
    Some(match id {
        TypeId::BoolArray => (TypeId::Bool, 1),
        TypeId::Int8Array => (TypeId::Int8, 1),
        TypeId::Int16Array => (TypeId::Int16, 2),
        TypeId::Int32Array => (TypeId::Int32, 4),
        TypeId::Int64Array => (TypeId::Int64, 8),
        TypeId::Binary | TypeId::Uint8Array => (TypeId::Uint8, 1),
        TypeId::Uint16Array => (TypeId::Uint16, 2),
        TypeId::Uint32Array => (TypeId::Uint32, 4),
        TypeId::Uint64Array => (TypeId::Uint64, 8),
        TypeId::Float16Array => (TypeId::Float16, 2),
        TypeId::Bfloat16Array => (TypeId::Bfloat16, 2),
        TypeId::Float32Array => (TypeId::Float32, 4),
        TypeId::Float64Array => (TypeId::Float64, 8),
        _ => return None,
    })
}

/// Whether elements of scalar type `element` (bool, an integer or a float) can be read as a
/// type whose declared type id is `declared`: a scalar of the same kind, or a dynamic type.
/// The element's own reader then checks the details (an `i32` rejects an INT64).
fn reads_element(declared: TypeId, element: TypeId) -> bool {
    fn kind(id: TypeId) -> Option<u8> {
        let id = id as u8;
        if id == TypeId::Bool as u8 {
            Some(0)
        } else if (TypeId::Int8 as u8..=TypeId::TaggedUint64 as u8).contains(&id) {
            Some(1)
        } else if (TypeId::Float8 as u8..=TypeId::Float64 as u8).contains(&id) {
            Some(2)
        } else {
            None
        }
    }
    declared == TypeId::Unknown || (kind(declared).is_some() && kind(declared) == kind(element))
}

/// Reads an array payload of wire type `id` as a sequence of `T`, each element read as the
/// array's element type (four little-endian bytes of INT32 for an INT32_ARRAY). This is how a
/// sequence declared as a LIST (`VecDeque<i32>`, `Vec<Option<i32>>`, a newtype over `i32`)
/// reads a peer's array in compatible mode, and an array of another width converts where the
/// element type allows (an INT32_ARRAY into `Vec<i64>`). Elements of another kind (strings,
/// structs), or an element reader that does not take exactly one element's bytes, are an error
/// naming the types; the bytes are never read as a LIST.
pub(crate) fn read_array_as<'de, T: Deserialize<'de>>(
    ctx: &mut ReadContext<'_, 'de>,
    id: TypeId,
) -> Result<Vec<T>> {
    let at = ctx.reader.position();
    let Some((element, width)) = array_element(id) else {
        return Err(Error::invalid(at, "a numeric array type", id.to_string()));
    };
    if !reads_element(T::declared_type_id(), element) {
        return Err(Error::invalid(
            at,
            "an array whose elements the field's element type reads (the field type differs)",
            format!("{id} read as a sequence of {}", std::any::type_name::<T>()),
        ));
    }
    let bytes = read_array_bytes(ctx, id, width)?;
    let count = bytes.len() / width;
    // The elements are read with the context's reader moved onto the array's bytes, which may
    // be an out-of-band buffer rather than part of the input.
    let input = std::mem::replace(&mut ctx.reader, Reader::new(bytes));
    let result = read_elements_as::<T>(ctx, count, element, width);
    ctx.reader = input;
    result.map_err(|e| in_input(e, ctx, bytes))
}

/// The loop of [`read_array_as`]: `count` elements of `width` bytes from `ctx.reader`.
fn read_elements_as<'de, T: Deserialize<'de>>(
    ctx: &mut ReadContext<'_, 'de>,
    count: usize,
    element: TypeId,
    width: usize,
) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(initial_capacity::<T>(count));
    for _ in 0..count {
        let at = ctx.reader.position();
        out.push(read_typed::<T>(ctx, Some(WireType::from(element)))?);
        if ctx.reader.position() != at + width {
            return Err(Error::invalid(
                at,
                "an element reader that takes exactly one array element",
                format!(
                    "{} bytes of a {width}-byte {element} read as {}",
                    ctx.reader.position() - at,
                    std::any::type_name::<T>()
                ),
            ));
        }
    }
    Ok(out)
}

/// `bytes` as a slice of `T`, when their layout allows it without a copy: a little-endian
/// target, and `bytes` aligned for `T` (its length is a multiple of `T`'s size, checked by the
/// caller).
fn borrow_elements<T: PlainBytes + AnyBitPattern>(bytes: &[u8]) -> Option<&[T]> {
    let size = std::mem::size_of::<T>();
    if !cfg!(target_endian = "little")
        || bytes.len() % size != 0
        || bytes.as_ptr() as usize % std::mem::align_of::<T>() != 0
    {
        return None;
    }
    // SAFETY: the pointer is aligned for `T` (checked above), the length is a whole number of
    // `T`s inside `bytes`, which stays borrowed for the returned lifetime, and every bit pattern
    // is a valid `T` (`AnyBitPattern`); on little-endian targets that memory is the wire form.
    Some(unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<T>(), bytes.len() / size) })
}

/// `error`, found at an offset within `bytes`, with the offset in the input when `bytes` lie in
/// it (an out-of-band buffer keeps the offset within the buffer).
fn in_input(error: Error, ctx: &ReadContext<'_, '_>, bytes: &[u8]) -> Error {
    let input = ctx.reader.data().as_ptr_range();
    if input.contains(&bytes.as_ptr()) {
        error.shifted(bytes.as_ptr() as usize - input.start as usize)
    } else {
        error
    }
}

/// [`Deserialize::read_vec_data`] of a number type past its fast path: a LIST or SET, another
/// array type, out-of-band buffers, a byte count of three bytes or more, and every error.
#[inline(never)]
fn read_vec_in_full<'de, T: Deserialize<'de> + ArrayElement>(
    ctx: &mut ReadContext<'_, 'de>,
    id: TypeId,
    array: TypeId,
    width: usize,
    decode: fn(&mut Reader<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    if id == TypeId::List || id == TypeId::Set {
        return read_list(ctx);
    }
    let id = if id == TypeId::Uint8Array && array == TypeId::Binary {
        TypeId::Binary
    } else {
        id
    };
    if id != array {
        // Another array type: element by element, converting where `T` reads that element
        // type (an INT32_ARRAY as `i64`s), an error where it does not.
        return read_array_as(ctx, id);
    }
    let bytes = read_array_bytes(ctx, id, width)?;
    T::vec_from_le_bytes(bytes, decode).map_err(|e| in_input(e, ctx, bytes))
}

/// How an array payload becomes a `Vec`: one copy of the bytes where the layout allows it.
trait ArrayElement: Sized {
    /// The elements of `bytes` (a whole number of them, little-endian); `decode` reads one.
    fn vec_from_le_bytes(
        bytes: &[u8],
        decode: fn(&mut Reader<'_>) -> Result<Self>,
    ) -> Result<Vec<Self>> {
        Self::copied(bytes).map_or_else(|| decode_each(bytes, decode), Ok)
    }

    /// The elements of `bytes` in one copy, if they are a whole number of valid elements in
    /// this target's layout; `None` where they are not (a `bool` byte other than 0 or 1, a
    /// length that is no multiple of the size, a big-endian target).
    fn copied(bytes: &[u8]) -> Option<Vec<Self>>;
}

/// Element by element: the only way for `bool` (a byte other than 0 or 1 is an error) and the
/// oracle of the fast path in the tests.
fn decode_each<T>(bytes: &[u8], decode: fn(&mut Reader<'_>) -> Result<T>) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(bytes.len() / std::mem::size_of::<T>().max(1));
    let mut elems = Reader::new(bytes);
    while !elems.is_empty() {
        out.push(decode(&mut elems)?);
    }
    Ok(out)
}

impl ArrayElement for bool {
    #[inline(always)]
    fn copied(bytes: &[u8]) -> Option<Vec<Self>> {
        // Two passes that vectorize: the OR of all bytes is at most 1 exactly when each is 0
        // or 1 (a short-circuiting `all` would test them one at a time, about 25x slower).
        // Invalid input is decoded one by one, which finds the offending byte and reports its
        // offset.
        if bytes.iter().fold(0u8, |any, &b| any | b) > 1 {
            return None;
        }
        let mut out = Vec::<bool>::with_capacity(bytes.len());
        // SAFETY: every byte is 0 or 1 (checked just above), the two bit patterns of a
        // `bool`, which is one byte; `out` has room for `bytes.len()` of them and is a fresh
        // allocation, so the regions do not overlap.
        unsafe {
            copy_bytes(bytes.as_ptr(), out.as_mut_ptr().cast::<u8>(), bytes.len());
            out.set_len(bytes.len());
        }
        Some(out)
    }
}

macro_rules! copied_elements {
    ($($ty:ty),*) => {$(
        impl ArrayElement for $ty {
            #[inline(always)]
            fn copied(bytes: &[u8]) -> Option<Vec<Self>> {
                copy_elements(bytes)
            }
        }
    )*};
}

copied_elements!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Float16, BFloat16);

/// The elements of `bytes`, copied in one go on little-endian targets.
#[inline(always)]
fn copy_elements<T: PlainBytes + AnyBitPattern>(bytes: &[u8]) -> Option<Vec<T>> {
    let size = std::mem::size_of::<T>();
    if !cfg!(target_endian = "little") || bytes.len() % size != 0 {
        return None;
    }
    let n = bytes.len() / size;
    let mut out = Vec::<T>::with_capacity(n);
    // SAFETY: `out` has capacity for `n` elements, `n * size == bytes.len()` bytes are copied
    // into its spare capacity (the regions cannot overlap: `out` is freshly allocated), every
    // bit pattern is a valid `T` (`AnyBitPattern`), and on little-endian targets the wire bytes
    // are the memory layout; only then is the length set.
    unsafe {
        copy_bytes(bytes.as_ptr(), out.as_mut_ptr().cast::<u8>(), bytes.len());
        out.set_len(n);
    }
    Some(out)
}

/// Types for which every bit pattern of their size is a valid value (not `bool`).
///
/// # Safety
///
/// Implement only for plain integers and floats.
unsafe trait AnyBitPattern {}

/// Implements an unsafe marker trait for each listed type, under the one `SAFETY` reason given.
macro_rules! unsafe_marker {
    ($trait_:ident, $why:literal: $($ty:ty),+) => {$(
        #[doc = $why]
        // SAFETY: the reason above holds for this type.
        unsafe impl $trait_ for $ty {}
    )+};
}

unsafe_marker!(AnyBitPattern, "Every bit pattern is a valid integer or float; Float16 and \
    BFloat16 are repr(transparent) over u16.":
    u8, i8, i16, i32, i64, u16, u32, u64, f32, f64, Float16, BFloat16);

/// Types whose in-memory representation is their little-endian wire form on little-endian
/// targets: no padding, every byte initialized.
///
/// # Safety
///
/// Implement only for types whose every bit pattern of their size is a valid byte sequence
/// (plain integers, floats, `bool`, and `repr(transparent)` wrappers of those).
unsafe trait PlainBytes: Copy {}

unsafe_marker!(PlainBytes, "Primitive numbers and bool have no padding and fully initialized \
    bytes; Float16 and BFloat16 are repr(transparent) over u16.":
    bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Float16, BFloat16);

/// The wire bytes of an array: the elements in little-endian order. Borrowed from `items` on
/// little-endian targets, where that is their memory layout, so an array is written with one
/// copy (or none, out-of-band); encoded element by element elsewhere. `encode` is the per-element
/// writer, which the tests use as the oracle for the borrowed form.
fn le_bytes<T: PlainBytes>(items: &[T], encode: fn(&mut Writer, T)) -> Cow<'_, [u8]> {
    if cfg!(target_endian = "little") {
        // SAFETY: `T: PlainBytes` has no padding and fully initialized bytes; the pointer and
        // length cover exactly the memory of `items`, borrowed for the returned lifetime; `u8`
        // has alignment 1.
        let bytes = unsafe {
            std::slice::from_raw_parts(items.as_ptr().cast::<u8>(), std::mem::size_of_val(items))
        };
        return Cow::Borrowed(bytes);
    }
    let mut w = Writer::new();
    for &item in items {
        encode(&mut w, item);
    }
    Cow::Owned(w.into_inner())
}

/// Reads the byte count and bytes of an array of wire type `id`, checking the count against the
/// element width (a power of two), the binary limit and the input left. Inlined, so the width
/// is a constant and the check a mask rather than a division.
#[inline(always)]
pub(crate) fn read_array_bytes<'de>(
    ctx: &mut ReadContext<'_, 'de>,
    id: TypeId,
    width: usize,
) -> Result<&'de [u8]> {
    debug_assert!(width.is_power_of_two());
    let at = ctx.reader.position();
    let bytes = ctx.read_buffer(id)?;
    if bytes.len() & (width - 1) != 0 {
        return Err(Error::invalid(
            at,
            "an array byte count that is a multiple of the element size",
            format!("{} bytes for {width}-byte elements", bytes.len()),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowed little-endian view equals the safe element-by-element encoding.
    #[test]
    fn le_bytes_matches_the_element_writer() {
        fn check<T: PlainBytes>(items: &[T], encode: fn(&mut Writer, T)) {
            let mut w = Writer::new();
            for &item in items {
                encode(&mut w, item);
            }
            assert_eq!(&*le_bytes(items, encode), w.as_slice());
        }
        check(&[true, false], Writer::write_bool);
        check(&[1i8, -1, i8::MIN], Writer::write_i8);
        check(&[1i16, -1, i16::MAX], Writer::write_i16);
        check(&[1i32, -1, i32::MIN], Writer::write_i32);
        check(&[1i64, -1, i64::MAX], Writer::write_i64);
        check(&[0u8, 255], Writer::write_u8);
        check(&[1u16, u16::MAX], Writer::write_u16);
        check(&[1u32, u32::MAX], Writer::write_u32);
        check(&[1u64, u64::MAX], Writer::write_u64);
        check(&[1.5f32, -0.0, f32::NAN], Writer::write_f32);
        check(&[1.5f64, -2.0, f64::INFINITY], Writer::write_f64);
        check(
            &[Float16::from_f32(1.5), Float16::from_bits(0x7c01)],
            Writer::write_float16,
        );
        check(&[BFloat16::from_f32(1.5)], Writer::write_bfloat16);
    }

    /// The one-copy read equals the element-by-element decoding.
    #[test]
    fn copied_elements_match_decoding_each() {
        fn check<T: ArrayElement + PartialEq + std::fmt::Debug>(
            bytes: &[u8],
            decode: fn(&mut Reader<'_>) -> Result<T>,
        ) {
            assert_eq!(
                T::vec_from_le_bytes(bytes, decode).unwrap(),
                decode_each(bytes, decode).unwrap()
            );
        }
        let bytes: Vec<u8> = (0..64u8).map(|b| b.wrapping_mul(37)).collect();
        check::<i8>(&bytes, |r| r.read_i8());
        check::<i16>(&bytes, |r| r.read_i16());
        check::<i32>(&bytes, |r| r.read_i32());
        check::<i64>(&bytes, |r| r.read_i64());
        check::<u16>(&bytes, |r| r.read_u16());
        check::<u32>(&bytes, |r| r.read_u32());
        check::<u64>(&bytes, |r| r.read_u64());
        check::<Float16>(&bytes, |r| r.read_float16());
        let floats: Vec<u8> = [1.5f64, -2.0, 1e300]
            .iter()
            .flat_map(|f| f.to_le_bytes())
            .collect();
        check::<f64>(&floats, |r| r.read_f64());
        check::<f32>(&floats, |r| r.read_f32());
        assert!(bool::vec_from_le_bytes(&[0, 1, 2], |r| r.read_bool()).is_err());
        let flags: Vec<u8> = (0..70u32).map(|b| u8::from(b * 7 % 3 == 0)).collect();
        check::<bool>(&flags, |r| r.read_bool());
    }
}
