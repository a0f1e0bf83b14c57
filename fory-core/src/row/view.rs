//! Reading rows in place: a view holds the bytes of one row, array or map and reads a field or
//! element only when asked, checking its slot's offset and size against those bytes first. A
//! view never copies; what it returns borrows from the buffer.

use std::fmt;
use std::marker::PhantomData;

use super::layout::{bit, bitmap_bytes, u64_at, unplace};
use super::RowType;
use crate::error::{Error, Result};

/// The bytes of one value inside the row, array or map `bytes` (which start at input offset
/// `at`), as its slot at `slot` says: the slot itself for a fixed-width value, the region its
/// offset and size point to otherwise.
fn value_bytes<T: RowType + ?Sized>(
    bytes: &[u8],
    at: usize,
    slot: usize,
) -> Result<(&[u8], usize)> {
    if let Some(width) = T::FIXED {
        return Ok((&bytes[slot..slot + width], at + slot));
    }
    let (offset, size) = unplace(u64_at(bytes, slot));
    match offset.checked_add(size) {
        Some(end) if end <= bytes.len() => Ok((&bytes[offset..end], at + offset)),
        _ => Err(Error::invalid(
            at + slot,
            "an offset and size within the row",
            format!(
                "{size} bytes at offset {offset} of a {}-byte row",
                bytes.len()
            ),
        )),
    }
}

/// The `u64` an array or map starts with (`what` it is, for the error when `bytes`, which start
/// at input offset `at`, are shorter).
fn head_u64(bytes: &[u8], at: usize, what: &'static str) -> Result<u64> {
    if bytes.len() < 8 {
        return Err(Error::truncated(at, what, 8, bytes.len()));
    }
    Ok(u64_at(bytes, 0))
}

/// A struct row: its null bitmap and one 8-byte slot per field. The view types that
/// `#[derive(ForyRow)]` generates wrap one.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct StructView<'a> {
    bytes: &'a [u8],
    at: usize,
    fields: usize,
}

impl<'a> StructView<'a> {
    /// The row of `fields` fields in `bytes`, which start at input offset `at`.
    pub fn new(bytes: &'a [u8], at: usize, fields: usize) -> Result<Self> {
        let fixed = bitmap_bytes(fields) + fields * 8;
        if bytes.len() < fixed {
            return Err(Error::truncated(
                at,
                "a row's null bitmap and field slots",
                fixed,
                bytes.len(),
            ));
        }
        Ok(StructView { bytes, at, fields })
    }

    /// Field `index`, read as a `T`.
    pub fn field<T: RowType + ?Sized>(&self, index: usize) -> Result<T::View<'a>> {
        debug_assert!(index < self.fields);
        if bit(self.bytes, index) {
            return T::read_null(self.at);
        }
        let slot = bitmap_bytes(self.fields) + index * 8;
        let (bytes, at) = value_bytes::<T>(self.bytes, self.at, slot)?;
        T::read(bytes, at)
    }

    /// Whether field `index` is null.
    pub fn is_null(&self, index: usize) -> bool {
        index < self.fields && bit(self.bytes, index)
    }

    /// The row's bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// An array in a row: a list field, or the keys or values of a map. Elements are read one at a
/// time, each checked.
///
/// ```
/// use fory_core::row::{self, ArrayView};
/// let bytes = row::to_row(&vec![1i32, 2, 3])?;
/// let array: ArrayView<'_, i32> = row::view::<Vec<i32>>(&bytes)?;
/// assert_eq!(array.len(), 3);
/// assert_eq!(array.get(2)?, 3);
/// assert_eq!(array.iter().collect::<Result<Vec<_>, _>>()?, [1, 2, 3]);
/// # Ok::<(), fory_core::Error>(())
/// ```
pub struct ArrayView<'a, T: RowType + ?Sized> {
    bytes: &'a [u8],
    at: usize,
    len: usize,
    element: PhantomData<fn() -> T>,
}

impl<T: RowType + ?Sized> Clone for ArrayView<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: RowType + ?Sized> Copy for ArrayView<'_, T> {}

impl<T: RowType + ?Sized> fmt::Debug for ArrayView<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ArrayView({} elements at byte {})", self.len, self.at)
    }
}

impl<'a, T: RowType + ?Sized> ArrayView<'a, T> {
    /// The array in `bytes`, which start at input offset `at`.
    pub(crate) fn new(bytes: &'a [u8], at: usize) -> Result<Self> {
        let count = head_u64(bytes, at, "an array's element count")?;
        let width = T::FIXED.unwrap_or(8) as u64;
        // Each element takes at least its slot: a count the bytes cannot hold is refused
        // before any arithmetic on it.
        let needed = count
            .checked_mul(width)
            .and_then(|slots| slots.checked_add(8 + count.div_ceil(64) * 8))
            .filter(|&n| n <= bytes.len() as u64);
        if needed.is_none() {
            return Err(Error::invalid(
                at,
                "an element count whose slots fit in the array",
                format!("{count} elements in {} bytes", bytes.len()),
            ));
        }
        Ok(ArrayView {
            bytes,
            at,
            len: count as usize,
            element: PhantomData,
        })
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether element `index` is null (false past the end).
    pub fn is_null(&self, index: usize) -> bool {
        index < self.len && bit(&self.bytes[8..], index)
    }

    /// Element `index`.
    pub fn get(&self, index: usize) -> Result<T::View<'a>> {
        if index >= self.len {
            return Err(Error::invalid(
                self.at,
                "an element index within the array",
                format!("index {index} of {} elements", self.len),
            ));
        }
        if bit(&self.bytes[8..], index) {
            return T::read_null(self.at + 8);
        }
        let slot = 8 + bitmap_bytes(self.len) + index * T::FIXED.unwrap_or(8);
        let (bytes, at) = value_bytes::<T>(self.bytes, self.at, slot)?;
        T::read(bytes, at)
    }

    /// The elements in order, each read when reached.
    pub fn iter(&self) -> impl Iterator<Item = Result<T::View<'a>>> + '_ {
        (0..self.len).map(|i| self.get(i))
    }

    /// The array's bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// A map in a row: an array of keys and an array of values, entry `i` being key `i` and value
/// `i`.
///
/// ```
/// use std::collections::BTreeMap;
/// use fory_core::row;
/// let map = BTreeMap::from([("a".to_string(), 1i32), ("b".to_string(), 2)]);
/// let bytes = row::to_row(&map)?;
/// let view = row::view::<BTreeMap<String, i32>>(&bytes)?;
/// assert_eq!(view.len(), 2);
/// assert_eq!(view.entry(1)?, ("b", 2));
/// assert_eq!(view.get("a")?, Some(1));
/// # Ok::<(), fory_core::Error>(())
/// ```
pub struct MapView<'a, K: RowType + ?Sized, V: RowType + ?Sized> {
    keys: ArrayView<'a, K>,
    values: ArrayView<'a, V>,
}

impl<K: RowType + ?Sized, V: RowType + ?Sized> Clone for MapView<'_, K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: RowType + ?Sized, V: RowType + ?Sized> Copy for MapView<'_, K, V> {}

impl<K: RowType + ?Sized, V: RowType + ?Sized> fmt::Debug for MapView<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "MapView({} entries at byte {})",
            self.keys.len,
            self.keys.at - 8
        )
    }
}

impl<'a, K: RowType + ?Sized, V: RowType + ?Sized> MapView<'a, K, V> {
    /// The map in `bytes`, which start at input offset `at`.
    pub(crate) fn new(bytes: &'a [u8], at: usize) -> Result<Self> {
        let keys_size = head_u64(bytes, at, "a map's keys array size")?;
        let keys_end = keys_size
            .checked_add(8)
            .filter(|&end| end <= bytes.len() as u64)
            .ok_or_else(|| {
                Error::invalid(
                    at,
                    "a keys array size within the map",
                    format!("{keys_size} in a {}-byte map", bytes.len()),
                )
            })? as usize;
        let keys = ArrayView::new(&bytes[8..keys_end], at + 8)?;
        let values = ArrayView::new(&bytes[keys_end..], at + keys_end)?;
        if keys.len() != values.len() {
            return Err(Error::invalid(
                at + keys_end,
                "as many values as keys",
                format!("{} values for {} keys", values.len(), keys.len()),
            ));
        }
        Ok(MapView { keys, values })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys.
    pub fn keys(&self) -> ArrayView<'a, K> {
        self.keys
    }

    /// The values.
    pub fn values(&self) -> ArrayView<'a, V> {
        self.values
    }

    /// Entry `index`.
    pub fn entry(&self, index: usize) -> Result<(K::View<'a>, V::View<'a>)> {
        Ok((self.keys.get(index)?, self.values.get(index)?))
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = Result<(K::View<'a>, V::View<'a>)>> + '_ {
        (0..self.len()).map(|i| self.entry(i))
    }

    /// The value of the first entry whose key equals `key` (a scan: the row format keeps no
    /// index), `None` if there is none. `key` is what the keys read as: `"a"` for `String`
    /// keys, `1` for `i32` keys.
    pub fn get<Q>(&self, key: Q) -> Result<Option<V::View<'a>>>
    where
        K::View<'a>: PartialEq<Q>,
    {
        for i in 0..self.len() {
            if self.keys.get(i)? == key {
                return self.values.get(i).map(Some);
            }
        }
        Ok(None)
    }
}
