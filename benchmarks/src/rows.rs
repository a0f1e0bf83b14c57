//! The row format: a 50-field struct (ROWS.md's `wide50`: `i64`, `String` and `f64` fields in
//! turn) as a row, ours against Apache Fory Rust's, and against decoding the same struct as an
//! object (the xlang object graph, schema-consistent). Ids `Row/{op}/{lib}`:
//!
//! - `one-field`: a view of the row and one string field read from it (`ours-view`,
//!   `apache-view`), against decoding the whole object from its xlang payload (`ours-object`);
//! - `encode`: the row written into a reused buffer (`ours`, `apache`);
//! - `decode`: the row decoded into the owned struct (`ours`: `from_row`; `apache`: its view's 50
//!   accessors into the owned struct, as Apache Fory Rust has no owned decode).

use std::hint::black_box;

use criterion::Criterion;
use fory_core::row::{self, RowWriter};

use crate::probe::Operation;

/// The rows of the `Row` group, as (op, lib).
pub const ROWS: [(&str, &str); 7] = [
    ("one-field", "ours-view"),
    ("one-field", "apache-view"),
    ("one-field", "ours-object"),
    ("encode", "ours"),
    ("encode", "apache"),
    ("decode", "ours"),
    ("decode", "apache"),
];

/// The criterion and report id of a row.
pub fn id(op: &str, lib: &str) -> String {
    format!("Row/{op}/{lib}")
}

/// The 50-field struct with the derives `$derive`, and its `sample()` (ROWS.md's `wide50`
/// value); `$own` builds it from a view of the same struct (a closure over the view).
macro_rules! wide50 {
    ($name:ident, [$($derive:path),*] $(, $attr:meta)?) => {
        #[derive($($derive),*)]
        $(#[$attr])?
        pub struct $name {
            pub f0: i64, pub f1: String, pub f2: f64, pub f3: i64, pub f4: String,
            pub f5: f64, pub f6: i64, pub f7: String, pub f8: f64, pub f9: i64,
            pub f10: String, pub f11: f64, pub f12: i64, pub f13: String, pub f14: f64,
            pub f15: i64, pub f16: String, pub f17: f64, pub f18: i64, pub f19: String,
            pub f20: f64, pub f21: i64, pub f22: String, pub f23: f64, pub f24: i64,
            pub f25: String, pub f26: f64, pub f27: i64, pub f28: String, pub f29: f64,
            pub f30: i64, pub f31: String, pub f32: f64, pub f33: i64, pub f34: String,
            pub f35: f64, pub f36: i64, pub f37: String, pub f38: f64, pub f39: i64,
            pub f40: String, pub f41: f64, pub f42: i64, pub f43: String, pub f44: f64,
            pub f45: i64, pub f46: String, pub f47: f64, pub f48: i64, pub f49: String,
        }

        impl $name {
            pub fn sample() -> Self {
                let i = |i: i64| i * 1_000_003 - 25_000_000;
                let s = |i: usize| format!("value {i}");
                let f = |i: usize| i as f64 + 0.25;
                $name {
                    f0: i(0), f1: s(1), f2: f(2), f3: i(3), f4: s(4), f5: f(5), f6: i(6),
                    f7: s(7), f8: f(8), f9: i(9), f10: s(10), f11: f(11), f12: i(12),
                    f13: s(13), f14: f(14), f15: i(15), f16: s(16), f17: f(17), f18: i(18),
                    f19: s(19), f20: f(20), f21: i(21), f22: s(22), f23: f(23), f24: i(24),
                    f25: s(25), f26: f(26), f27: i(27), f28: s(28), f29: f(29), f30: i(30),
                    f31: s(31), f32: f(32), f33: i(33), f34: s(34), f35: f(35), f36: i(36),
                    f37: s(37), f38: f(38), f39: i(39), f40: s(40), f41: f(41), f42: i(42),
                    f43: s(43), f44: f(44), f45: i(45), f46: s(46), f47: f(47), f48: i(48),
                    f49: s(49),
                }
            }
        }
    };
}

wide50!(OursRow, [fory_core::row::ForyRow, Debug, PartialEq]);
wide50!(ApacheRow, [apache_fory::ForyRow, Debug, PartialEq]);
wide50!(
    OursObject,
    [fory_core::ForyObject, Debug, PartialEq, Default]
);

/// Apache Fory Rust's owned decode: every accessor of its view, into the owned struct.
fn apache_decode(bytes: &[u8]) -> ApacheRow {
    let v = apache_fory::from_row::<ApacheRow>(bytes).unwrap();
    macro_rules! own {
        ($($int:ident $text:ident $float:ident),*; $last_int:ident $last_text:ident) => {
            ApacheRow {
                $($int: v.$int().unwrap(), $text: v.$text().unwrap().to_owned(),
                  $float: v.$float().unwrap(),)*
                $last_int: v.$last_int().unwrap(),
                $last_text: v.$last_text().unwrap().to_owned(),
            }
        };
    }
    own!(f0 f1 f2, f3 f4 f5, f6 f7 f8, f9 f10 f11, f12 f13 f14, f15 f16 f17, f18 f19 f20,
         f21 f22 f23, f24 f25 f26, f27 f28 f29, f30 f31 f32, f33 f34 f35, f36 f37 f38,
         f39 f40 f41, f42 f43 f44, f45 f46 f47; f48 f49)
}

fn object_fory() -> fory_core::Fory {
    let mut fory = fory_core::Fory::builder().compatible(false).build();
    fory.register::<OursObject>(50).unwrap();
    fory
}

/// Panics unless both libraries write the same row, each reads it back, and the object
/// round-trips.
pub fn check() {
    let ours = row::to_row(&OursRow::sample()).unwrap();
    let apache = apache_fory::to_row(&ApacheRow::sample()).unwrap();
    assert_eq!(ours, apache, "the two libraries' rows of wide50");
    assert_eq!(
        row::from_row::<OursRow>(&apache).unwrap(),
        OursRow::sample()
    );
    assert_eq!(apache_decode(&ours), ApacheRow::sample());
    let fory = object_fory();
    let bytes = fory.serialize(&OursObject::sample()).unwrap();
    assert_eq!(
        fory.deserialize::<OursObject>(&bytes).unwrap(),
        OursObject::sample()
    );
}

/// The operation of the row `Row/{op}/{lib}` (for criterion and the instruction counter).
pub fn operation(op: &str, lib: &str) -> Option<Operation> {
    let bytes = row::to_row(&OursRow::sample()).unwrap();
    Some(match (op, lib) {
        ("one-field", "ours-view") => Box::new(move || {
            let view = row::view::<OursRow>(black_box(&bytes)).unwrap();
            view.f25().unwrap().len()
        }),
        ("one-field", "apache-view") => Box::new(move || {
            let view = apache_fory::from_row::<ApacheRow>(black_box(&bytes)).unwrap();
            view.f25().unwrap().len()
        }),
        ("one-field", "ours-object") => {
            let fory = object_fory();
            let payload = fory.serialize(&OursObject::sample()).unwrap();
            Box::new(move || {
                let value: OursObject = fory.deserialize(black_box(&payload)).unwrap();
                value.f25.len()
            })
        }
        ("encode", "ours") => {
            let (value, mut writer) = (OursRow::sample(), RowWriter::new());
            Box::new(move || writer.write(black_box(&value)).unwrap().len())
        }
        ("encode", "apache") => {
            let (value, mut buf) = (ApacheRow::sample(), Vec::new());
            Box::new(move || {
                apache_fory::to_row_into(black_box(&value), &mut buf).unwrap();
                buf.len()
            })
        }
        ("decode", "ours") => Box::new(move || {
            let value = row::from_row::<OursRow>(black_box(&bytes)).unwrap();
            value.f49.len()
        }),
        ("decode", "apache") => Box::new(move || apache_decode(black_box(&bytes)).f49.len()),
        _ => return None,
    })
}

pub fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("Row");
    for (op, lib) in ROWS {
        let mut run = operation(op, lib).expect("every row has an operation");
        group.bench_function(format!("{op}/{lib}"), |b| b.iter(&mut run));
    }
    group.finish();
}
