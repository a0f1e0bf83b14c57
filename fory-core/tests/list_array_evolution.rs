//! Compatible mode, a field that one side declares as a numeric array and the other as a LIST
//! (Java `int[]` against `List<Integer>`): the value converts where the element types allow,
//! and is a clean error where they do not; the bytes of one are never read as the other.

use std::collections::VecDeque;

use fory_core::oob::{AllOutOfBand, BufferObject};
use fory_core::{Fory, ForyObject};

/// `int[] values` (INT32_ARRAY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int32Array {
    #[fory(id = 1)]
    values: Vec<i32>,
}

/// `long[] values` (INT64_ARRAY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int64Array {
    #[fory(id = 1)]
    values: Vec<i64>,
}

/// `double[] values` (FLOAT64_ARRAY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Float64Array {
    #[fory(id = 1)]
    values: Vec<f64>,
}

/// `List<Integer> values` (LIST of VARINT32), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int32List {
    #[fory(id = 1)]
    values: VecDeque<i32>,
}

/// `List<Long> values` (LIST of VARINT64), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int64List {
    #[fory(id = 1)]
    values: VecDeque<i64>,
}

/// `List<@Nullable Integer> values`: a `Vec` whose element type has no array type, so it is a
/// LIST read by the generic sequence reader.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct OptionalInt32List {
    #[fory(id = 1)]
    values: Vec<Option<i32>>,
}

/// `List<String> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct StringList {
    #[fory(id = 1)]
    values: VecDeque<String>,
}

/// A `Fory` in compatible mode with `T` registered as 901, the id both sides use.
fn fory<T: fory_core::Registrable>() -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<T>(901).unwrap();
    fory
}

/// The error reading `written`, a `W`, as an `R`.
fn read_error<W, R>(written: &W) -> String
where
    W: fory_core::Registrable,
    R: fory_core::Registrable + std::fmt::Debug,
{
    let bytes = fory::<W>().serialize(written).unwrap();
    fory::<R>()
        .deserialize::<R>(&bytes)
        .unwrap_err()
        .to_string()
}

#[test]
fn an_array_reads_into_a_list_field() {
    let bytes = fory::<Int32Array>()
        .serialize(&Int32Array {
            values: vec![4, 5, -6],
        })
        .unwrap();
    let list: Int32List = fory::<Int32List>().deserialize(&bytes).unwrap();
    assert_eq!(list.values, [4, 5, -6]);
    let optional: OptionalInt32List = fory::<OptionalInt32List>().deserialize(&bytes).unwrap();
    assert_eq!(optional.values, [Some(4), Some(5), Some(-6)]);
    // A wider element type converts.
    let wide: Int64List = fory::<Int64List>().deserialize(&bytes).unwrap();
    assert_eq!(wide.values, [4, 5, -6]);

    let empty = fory::<Int32Array>()
        .serialize(&Int32Array { values: vec![] })
        .unwrap();
    let list: Int32List = fory::<Int32List>().deserialize(&empty).unwrap();
    assert!(list.values.is_empty());
    let optional: OptionalInt32List = fory::<OptionalInt32List>().deserialize(&empty).unwrap();
    assert!(optional.values.is_empty());
}

#[test]
fn an_out_of_band_array_reads_into_a_list_field() {
    let writer = fory::<Int32Array>();
    let value = Int32Array {
        values: vec![7, -8, 9],
    };
    let frame = writer
        .serialize_with_callback(&value, AllOutOfBand)
        .unwrap();
    assert_eq!(frame.buffers.len(), 1);
    let buffers: Vec<&[u8]> = frame.buffers.iter().map(BufferObject::as_bytes).collect();
    let list: OptionalInt32List = fory::<OptionalInt32List>()
        .deserialize_with_buffers(&frame.main, &buffers)
        .unwrap();
    assert_eq!(list.values, [Some(7), Some(-8), Some(9)]);
    let list: Int64List = fory::<Int64List>()
        .deserialize_with_buffers(&frame.main, &buffers)
        .unwrap();
    assert_eq!(list.values, [7, -8, 9]);
}

#[test]
fn a_list_reads_into_an_array_field() {
    let bytes = fory::<Int32List>()
        .serialize(&Int32List {
            values: VecDeque::from([1, -2, 3]),
        })
        .unwrap();
    let array: Int32Array = fory::<Int32Array>().deserialize(&bytes).unwrap();
    assert_eq!(array.values, [1, -2, 3]);
    let wide: Int64Array = fory::<Int64Array>().deserialize(&bytes).unwrap();
    assert_eq!(wide.values, [1, -2, 3]);

    // Nullable elements, none of them null.
    let bytes = fory::<OptionalInt32List>()
        .serialize(&OptionalInt32List {
            values: vec![Some(1), Some(2)],
        })
        .unwrap();
    let array: Int32Array = fory::<Int32Array>().deserialize(&bytes).unwrap();
    assert_eq!(array.values, [1, 2]);

    let empty = fory::<Int32List>()
        .serialize(&Int32List::default())
        .unwrap();
    let array: Int32Array = fory::<Int32Array>().deserialize(&empty).unwrap();
    assert!(array.values.is_empty());
}

#[test]
fn a_list_with_a_null_is_an_error_as_an_array() {
    let err = read_error::<OptionalInt32List, Int32Array>(&OptionalInt32List {
        values: vec![Some(1), None, Some(3)],
    });
    assert!(err.contains("non-null value"), "{err}");
}

#[test]
fn elements_of_another_kind_or_width_are_an_error_not_a_misread() {
    // INT64_ARRAY into a list of i32: each 8-byte element is an INT64, which an i32 does not
    // read; never two 4-byte halves.
    let err = read_error::<Int64Array, Int32List>(&Int64Array { values: vec![1, 2] });
    assert!(err.contains("readable as i32"), "{err}");
    assert!(err.contains("INT64"), "{err}");

    // Floats into integers, integers into strings: the field type differs.
    let err = read_error::<Float64Array, Int64List>(&Float64Array { values: vec![1.5] });
    assert!(err.contains("field type differs"), "{err}");
    assert!(err.contains("FLOAT64_ARRAY"), "{err}");

    let err = read_error::<Int32Array, StringList>(&Int32Array { values: vec![1] });
    assert!(err.contains("field type differs"), "{err}");
    assert!(err.contains("INT32_ARRAY"), "{err}");
}

/// `short[] values` (INT16_ARRAY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int16Array {
    #[fory(id = 1)]
    values: Vec<i16>,
}

/// `byte[] values` as Java declares it (BINARY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Binary {
    #[fory(id = 1)]
    values: Vec<u8>,
}

/// `@Int8Type byte[] values` (INT8_ARRAY), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Int8Array {
    #[fory(id = 1)]
    values: Vec<i8>,
}

#[test]
fn an_array_reads_into_an_array_field_of_a_wider_type() {
    let bytes = fory::<Int32Array>()
        .serialize(&Int32Array {
            values: vec![1, -2, i32::MIN, i32::MAX],
        })
        .unwrap();
    let wide: Int64Array = fory::<Int64Array>().deserialize(&bytes).unwrap();
    assert_eq!(wide.values, [1, -2, i32::MIN.into(), i32::MAX.into()]);

    let bytes = fory::<Int16Array>()
        .serialize(&Int16Array {
            values: vec![i16::MIN, 7],
        })
        .unwrap();
    let wide: Int32Array = fory::<Int32Array>().deserialize(&bytes).unwrap();
    assert_eq!(wide.values, [i16::MIN.into(), 7]);
}

/// An array field of another element type is an error naming the types, never skipped with
/// the field left at its default (every peer rejects these payloads too).
#[test]
fn an_array_of_another_element_type_is_an_error_not_an_empty_field() {
    // INT64_ARRAY into `Vec<i32>`: narrower, even though the values fit.
    let err = read_error::<Int64Array, Int32Array>(&Int64Array {
        values: vec![1, -2],
    });
    assert!(err.contains("readable as i32"), "{err}");
    assert!(err.contains("INT64"), "{err}");

    // FLOAT64_ARRAY into `Vec<i32>`: another kind.
    let err = read_error::<Float64Array, Int32Array>(&Float64Array { values: vec![1.5] });
    assert!(err.contains("field type differs"), "{err}");
    assert!(err.contains("FLOAT64_ARRAY"), "{err}");

    // Java's `byte[]` (BINARY, unsigned elements) into `Vec<i8>` (INT8_ARRAY), and back.
    let err = read_error::<Binary, Int8Array>(&Binary {
        values: vec![1, 200],
    });
    assert!(err.contains("readable as i8"), "{err}");
    assert!(err.contains("UINT8"), "{err}");
    let err = read_error::<Int8Array, Binary>(&Int8Array {
        values: vec![1, -1],
    });
    assert!(err.contains("readable as u8"), "{err}");

    // Empty arrays carry no element to object to: they read as empty.
    let empty = fory::<Int64Array>()
        .serialize(&Int64Array::default())
        .unwrap();
    let array: Int32Array = fory::<Int32Array>().deserialize(&empty).unwrap();
    assert!(array.values.is_empty());
}
