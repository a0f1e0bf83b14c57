//! Single values at the root: numbers, strings, dates, arrays, collections, decimals, enums,
//! and the one-struct cases that go with them.

use std::collections::{BTreeMap, BTreeSet};

use fory_core::types::{Date, Decimal, Timestamp};

use super::fory;
use crate::session::{Outcome, Session};
use crate::types::{Color, Item, Item1};

/// `test_string_serializer`: seven strings (Latin-1, UTF-16 and UTF-8 on the Java side; the
/// second run sends them compressed). Compatible mode.
pub fn string_serializer(s: &mut Session) -> Outcome {
    s.echo_n::<String>(&fory(true), 7)
}

/// `test_cross_language_serializer`: one value of each common type, Color registered as 101.
/// Compatible mode.
pub fn cross_language_serializer(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Color>(101)?;
    s.echo_n::<bool>(&f, 2)?;
    s.echo::<i32>(&f)?; // -1
    s.echo_n::<i8>(&f, 2)?;
    s.echo_n::<i16>(&f, 2)?;
    s.echo_n::<i32>(&f, 2)?;
    s.echo_n::<i64>(&f, 2)?;
    s.echo::<f32>(&f)?;
    s.echo::<f64>(&f)?;
    s.echo::<String>(&f)?;
    s.echo::<Date>(&f)?;
    s.echo::<Timestamp>(&f)?;
    s.echo::<Vec<bool>>(&f)?; // BOOL_ARRAY
    s.echo::<Vec<u8>>(&f)?; // BINARY
    s.echo::<Vec<i16>>(&f)?; // INT16_ARRAY
    s.echo::<Vec<i32>>(&f)?; // INT32_ARRAY
    s.echo::<Vec<i64>>(&f)?; // INT64_ARRAY
    s.echo::<Vec<f32>>(&f)?; // FLOAT32_ARRAY
    s.echo::<Vec<f64>>(&f)?; // FLOAT64_ARRAY
    s.echo::<Vec<String>>(&f)?; // LIST
    s.echo::<BTreeSet<String>>(&f)?; // SET
    s.echo::<BTreeMap<String, String>>(&f)?; // MAP
    s.echo::<Color>(&f)
}

/// `test_integer`: an `Item1` (registered as 101), then six `int`s. Compatible mode.
pub fn integer(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Item1>(101)?;
    s.echo::<Item1>(&f)?;
    s.echo_n::<i32>(&f, 6)
}

/// `test_decimal`: thirteen decimals, from zero to 39-digit values with negative scales.
pub fn decimal(s: &mut Session) -> Outcome {
    s.echo_n::<Decimal>(&fory(true), 13)
}

/// `test_item`: three `Item`s (registered as 102), the last with an empty name.
pub fn item(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Item>(102)?;
    s.echo_n::<Item>(&f, 3)
}

/// `test_color`: the four `Color` values (registered as 101).
pub fn color(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Color>(101)?;
    s.echo_n::<Color>(&f, 4)
}
