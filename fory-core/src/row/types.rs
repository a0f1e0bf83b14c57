//! [`RowType`] for the types a row holds: the fixed-width scalars, strings, binary, dates,
//! timestamps and durations, optional values, lists and maps (derived structs implement it themselves).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use super::view::{ArrayView, MapView};
use super::write::{write_array, write_map};
use super::{Budget, RowType};
use crate::error::{Error, Result};
use crate::types::{Date, Duration, Timestamp};

macro_rules! fixed_number {
    ($($ty:ty),*) => {$(
        impl RowType for $ty {
            type View<'a> = $ty;
            const FIXED: Option<usize> = Some(std::mem::size_of::<$ty>());

            fn put_fixed(&self, slot: &mut [u8]) {
                slot.copy_from_slice(&self.to_le_bytes());
            }

            fn read(bytes: &[u8], _at: usize) -> Result<$ty> {
                let mut le = [0u8; std::mem::size_of::<$ty>()];
                le.copy_from_slice(bytes);
                Ok(<$ty>::from_le_bytes(le))
            }

            fn from_view(view: $ty, _budget: &mut Budget) -> Result<$ty> {
                Ok(view)
            }
        }
    )*};
}

fixed_number!(i8, i16, i32, i64, f32, f64);

impl RowType for bool {
    type View<'a> = bool;
    const FIXED: Option<usize> = Some(1);

    fn put_fixed(&self, slot: &mut [u8]) {
        slot[0] = u8::from(*self);
    }

    fn read(bytes: &[u8], at: usize) -> Result<bool> {
        match bytes[0] {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(Error::invalid(
                at,
                "a bool (0 or 1)",
                format!("{other:#04x}"),
            )),
        }
    }

    fn from_view(view: bool, _budget: &mut Budget) -> Result<bool> {
        Ok(view)
    }
}

/// DATE: days since 1970-01-01 as an `i32`.
impl RowType for Date {
    type View<'a> = Date;
    const FIXED: Option<usize> = Some(4);

    fn put_fixed(&self, slot: &mut [u8]) {
        // Outside i32 (about 5.8 million years from 1970) the days are cut to its range.
        let days = self.days().clamp(i32::MIN.into(), i32::MAX.into()) as i32;
        slot.copy_from_slice(&days.to_le_bytes());
    }

    fn read(bytes: &[u8], at: usize) -> Result<Date> {
        i32::read(bytes, at).map(|days| Date::from_days(days.into()))
    }

    fn from_view(view: Date, _budget: &mut Budget) -> Result<Date> {
        Ok(view)
    }
}

/// A time type stored as an `i64` of microseconds: `$micros` gives them from the value's
/// nanoseconds (cut to the `i64` range), `$from` builds the value back.
macro_rules! micros_type {
    ($(#[$doc:meta])* $ty:ty, $micros:expr, $from:expr) => {
        $(#[$doc])*
        impl RowType for $ty {
            type View<'a> = $ty;
            const FIXED: Option<usize> = Some(8);

            fn put_fixed(&self, slot: &mut [u8]) {
                let micros: i128 = $micros(self);
                let micros = micros.clamp(i64::MIN.into(), i64::MAX.into()) as i64;
                slot.copy_from_slice(&micros.to_le_bytes());
            }

            fn read(bytes: &[u8], at: usize) -> Result<$ty> {
                i64::read(bytes, at).map($from)
            }

            fn from_view(view: $ty, _budget: &mut Budget) -> Result<$ty> {
                Ok(view)
            }
        }
    };
}

micros_type!(
    /// TIMESTAMP: microseconds since the Unix epoch (sub-microsecond digits are cut toward the
    /// past).
    Timestamp,
    |t: &Timestamp| t.as_unix_nanos().div_euclid(1000),
    Timestamp::from_unix_micros
);

micros_type!(
    /// DURATION: microseconds (sub-microsecond digits are cut toward zero), as Apache Fory Rust
    /// writes it (pyfory has no duration in rows).
    Duration,
    |d: &Duration| d.as_nanos() / 1000,
    Duration::from_micros
);

/// A UTF-8 string, read as a `&str` borrowed from the row.
impl RowType for String {
    type View<'a> = &'a str;
    const FIXED: Option<usize> = None;

    fn append(&self, out: &mut Vec<u8>) -> Result<()> {
        out.extend_from_slice(self.as_bytes());
        Ok(())
    }

    fn read(bytes: &[u8], at: usize) -> Result<&str> {
        std::str::from_utf8(bytes).map_err(|e| {
            Error::invalid(
                at + e.valid_up_to(),
                "a UTF-8 string",
                format!("invalid byte {:#04x}", bytes[e.valid_up_to()]),
            )
        })
    }

    fn from_view(view: &str, budget: &mut Budget) -> Result<String> {
        budget.charge(view.len())?;
        Ok(view.to_owned())
    }
}

/// Binary, read as a `&[u8]` borrowed from the row.
impl RowType for Vec<u8> {
    type View<'a> = &'a [u8];
    const FIXED: Option<usize> = None;

    fn append(&self, out: &mut Vec<u8>) -> Result<()> {
        out.extend_from_slice(self);
        Ok(())
    }

    fn read(bytes: &[u8], _at: usize) -> Result<&[u8]> {
        Ok(bytes)
    }

    fn from_view(view: &[u8], budget: &mut Budget) -> Result<Vec<u8>> {
        budget.charge(view.len())?;
        Ok(view.to_vec())
    }
}

/// A value that may be null: `None` sets the null bit of its field or element.
impl<T: RowType> RowType for Option<T> {
    type View<'a> = Option<T::View<'a>>;
    const FIXED: Option<usize> = T::FIXED;

    fn put_fixed(&self, slot: &mut [u8]) {
        if let Some(value) = self {
            value.put_fixed(slot);
        }
    }

    fn append(&self, out: &mut Vec<u8>) -> Result<()> {
        match self {
            Some(value) => value.append(out),
            None => Ok(()),
        }
    }

    fn read(bytes: &[u8], at: usize) -> Result<Self::View<'_>> {
        T::read(bytes, at).map(Some)
    }

    fn is_null(&self) -> bool {
        self.is_none()
    }

    fn read_null<'a>(_at: usize) -> Result<Self::View<'a>> {
        Ok(None)
    }

    fn from_view(view: Self::View<'_>, budget: &mut Budget) -> Result<Self> {
        view.map(|v| T::from_view(v, budget)).transpose()
    }
}

/// An array (a list): read as an [`ArrayView`]. (`u8` is no row type: `Vec<u8>` is binary.)
impl<T: RowType> RowType for Vec<T> {
    type View<'a> = ArrayView<'a, T>;
    const FIXED: Option<usize> = None;

    fn append(&self, out: &mut Vec<u8>) -> Result<()> {
        write_array(out, self.iter())
    }

    fn read(bytes: &[u8], at: usize) -> Result<ArrayView<'_, T>> {
        ArrayView::new(bytes, at)
    }

    fn from_view(view: ArrayView<'_, T>, budget: &mut Budget) -> Result<Self> {
        budget.charge(view.len().saturating_mul(std::mem::size_of::<T>()))?;
        view.iter()
            .map(|e| e.and_then(|v| T::from_view(v, budget)))
            .collect()
    }
}

/// `RowType` for a map type: written as keys then values in the map's iteration order, read as
/// a [`MapView`], decoded by collecting its entries.
macro_rules! map_row_type {
    ($(#[$doc:meta])* [$($generics:tt)*] $map:ty) => {
        $(#[$doc])*
        impl<$($generics)*> RowType for $map {
            type View<'a> = MapView<'a, K, V>;
            const FIXED: Option<usize> = None;

            fn append(&self, out: &mut Vec<u8>) -> Result<()> {
                write_map(out, self.keys(), self.values())
            }

            fn read(bytes: &[u8], at: usize) -> Result<MapView<'_, K, V>> {
                MapView::new(bytes, at)
            }

            fn from_view(view: MapView<'_, K, V>, budget: &mut Budget) -> Result<Self> {
                entries(view, budget)
            }
        }
    };
}

map_row_type!(
    /// A map: read as a [`MapView`], entries in key order.
    [K: RowType + Ord, V: RowType] BTreeMap<K, V>
);

map_row_type!(
    /// A map: read as a [`MapView`], entries in the map's iteration order.
    [K: RowType + Eq + Hash, V: RowType, S: std::hash::BuildHasher + Default] HashMap<K, V, S>
);

/// The owned entries of a map view, collected into `C`.
fn entries<K: RowType, V: RowType, C: FromIterator<(K, V)>>(
    view: MapView<'_, K, V>,
    budget: &mut Budget,
) -> Result<C> {
    budget.charge(view.len().saturating_mul(std::mem::size_of::<(K, V)>()))?;
    view.iter()
        .map(|e| e.and_then(|(k, v)| Ok((K::from_view(k, budget)?, V::from_view(v, budget)?))))
        .collect()
}
