//! The Apache Fory Rust side of the row format cases (xlang-tests/ROWS.md): one
//! `#[derive(ForyRow)]` struct per case schema, fields declared in the order ROWS.md gives.
//!
//!   rows gen OUT    writes OUT/<case>.bin for every case (`fory::to_row` of the case's value)
//!   rows check IN   reads IN/<case>.bin of every case whose file exists with `fory::from_row`,
//!                   reads every field through the generated view's accessors (nested rows,
//!                   arrays and maps element by element) and compares with the case's value
//!
//! Each prints one line per case, `PASS <case>` or `FAIL <case>: <why>`, and exits 1 when any
//! case failed (check: also when IN holds no case file at all), else 0. Keep the cases in step
//! with ROWS.md and peers/python/rows.py.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use fory::__private::row::RowValue;
use fory::{from_row, to_row, Date, Error, ForyRow, Row, Timestamp};

/// A value read back from its row view into an owned value, one accessor call per field.
trait Own: RowValue + Sized {
    fn own(view: Self::View<'_>) -> Result<Self, Error>;
}

macro_rules! own_copy {
    ($($ty:ty),*) => {
        $(impl Own for $ty {
            fn own(view: Self::View<'_>) -> Result<Self, Error> {
                Ok(view)
            }
        })*
    };
}
own_copy!(bool, i8, i16, i32, i64, f32, f64, Date, Timestamp);

impl Own for String {
    fn own(view: &str) -> Result<Self, Error> {
        Ok(view.to_owned())
    }
}

impl Own for Vec<u8> {
    fn own(view: &[u8]) -> Result<Self, Error> {
        Ok(view.to_vec())
    }
}

impl<T: Own> Own for Option<T> {
    fn own(view: Self::View<'_>) -> Result<Self, Error> {
        view.map(T::own).transpose()
    }
}

impl<T: Own> Own for Vec<T> {
    fn own(view: Self::View<'_>) -> Result<Self, Error> {
        view.iter().map(|element| T::own(element?)).collect()
    }
}

impl<K: Own + Ord, V: Own> Own for BTreeMap<K, V> {
    fn own(view: Self::View<'_>) -> Result<Self, Error> {
        let mut map = BTreeMap::new();
        for index in 0..view.len() {
            let key = K::own(view.key(index)?)?;
            if map.insert(key, V::own(view.value(index)?)?).is_some() {
                return Err(Error::invalid_data("row map with a repeated key"));
            }
        }
        Ok(map)
    }
}

/// A case schema: the `ForyRow` struct, and `Own` through its view's field accessors.
macro_rules! row_struct {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(ForyRow, Debug, Clone, PartialEq)]
        struct $name {
            $($field: $ty),*
        }

        impl Own for $name {
            fn own(view: Self::View<'_>) -> Result<Self, Error> {
                Ok($name {
                    $($field: <$ty as Own>::own(view.$field()?)?),*
                })
            }
        }
    };
}

row_struct!(Scalars {
    flag: bool,
    tiny: i8,
    small: i16,
    medium: i32,
    large: i64,
    single: f32,
    double: f64,
});

row_struct!(Strings {
    ascii: String,
    unicode: String,
    empty: String,
});

row_struct!(Binary { data: Vec<u8> });

row_struct!(BinaryEmpty {
    data: Vec<u8>,
    after: String,
});

row_struct!(Temporal {
    day: Date,
    moment: Timestamp,
});

row_struct!(TimestampRounding { moment: Timestamp });

row_struct!(Inner {
    code: i64,
    label: String,
});

row_struct!(Nested {
    id: i32,
    inner: Inner,
    name: String,
});

row_struct!(ListInt32 {
    values: Vec<i32>,
    empty: Vec<i32>,
});

row_struct!(ListString { names: Vec<String> });

row_struct!(ListStruct { items: Vec<Inner> });

row_struct!(MapStringInt32 {
    counts: BTreeMap<String, i32>,
});

row_struct!(Nulls {
    id: i32,
    name: Option<String>,
    inner: Option<Inner>,
    count: Option<i64>,
    values: Vec<Option<i32>>,
    names: Vec<Option<String>>,
});

row_struct!(Wide50 {
    f0: i64,
    f1: String,
    f2: f64,
    f3: i64,
    f4: String,
    f5: f64,
    f6: i64,
    f7: String,
    f8: f64,
    f9: i64,
    f10: String,
    f11: f64,
    f12: i64,
    f13: String,
    f14: f64,
    f15: i64,
    f16: String,
    f17: f64,
    f18: i64,
    f19: String,
    f20: f64,
    f21: i64,
    f22: String,
    f23: f64,
    f24: i64,
    f25: String,
    f26: f64,
    f27: i64,
    f28: String,
    f29: f64,
    f30: i64,
    f31: String,
    f32: f64,
    f33: i64,
    f34: String,
    f35: f64,
    f36: i64,
    f37: String,
    f38: f64,
    f39: i64,
    f40: String,
    f41: f64,
    f42: i64,
    f43: String,
    f44: f64,
    f45: i64,
    f46: String,
    f47: f64,
    f48: i64,
    f49: String,
});

fn wide50() -> Wide50 {
    Wide50 {
        f0: -25000000,
        f1: "value 1".to_string(),
        f2: 2.25,
        f3: -21999991,
        f4: "value 4".to_string(),
        f5: 5.25,
        f6: -18999982,
        f7: "value 7".to_string(),
        f8: 8.25,
        f9: -15999973,
        f10: "value 10".to_string(),
        f11: 11.25,
        f12: -12999964,
        f13: "value 13".to_string(),
        f14: 14.25,
        f15: -9999955,
        f16: "value 16".to_string(),
        f17: 17.25,
        f18: -6999946,
        f19: "value 19".to_string(),
        f20: 20.25,
        f21: -3999937,
        f22: "value 22".to_string(),
        f23: 23.25,
        f24: -999928,
        f25: "value 25".to_string(),
        f26: 26.25,
        f27: 2000081,
        f28: "value 28".to_string(),
        f29: 29.25,
        f30: 5000090,
        f31: "value 31".to_string(),
        f32: 32.25,
        f33: 8000099,
        f34: "value 34".to_string(),
        f35: 35.25,
        f36: 11000108,
        f37: "value 37".to_string(),
        f38: 38.25,
        f39: 14000117,
        f40: "value 40".to_string(),
        f41: 41.25,
        f42: 17000126,
        f43: "value 43".to_string(),
        f44: 44.25,
        f45: 20000135,
        f46: "value 46".to_string(),
        f47: 47.25,
        f48: 23000144,
        f49: "value 49".to_string(),
    }
}

fn inner(code: i64, label: &str) -> Inner {
    Inner {
        code,
        label: label.to_string(),
    }
}

/// One case: its name, its row from the value, and the check of a row against the value.
struct Case {
    name: &'static str,
    gen: fn() -> Result<Vec<u8>, Error>,
    check: fn(&[u8]) -> Result<(), String>,
}

fn gen_of<T: Row>(value: fn() -> T) -> Result<Vec<u8>, Error> {
    to_row(&value())
}

fn check_of<T: Row + Own + PartialEq + std::fmt::Debug>(
    value: fn() -> T,
    bytes: &[u8],
) -> Result<(), String> {
    let view = from_row::<T>(bytes).map_err(|e| format!("from_row: {e}"))?;
    let read = T::own(view).map_err(|e| format!("reading the fields: {e}"))?;
    let expected = value();
    if read == expected {
        Ok(())
    } else {
        Err(format!("read {read:?}, expected {expected:?}"))
    }
}

macro_rules! case {
    ($name:literal, $value:expr) => {
        Case {
            name: $name,
            gen: || gen_of($value),
            check: |bytes| check_of($value, bytes),
        }
    };
}

fn cases() -> Vec<Case> {
    vec![
        case!("scalars", || Scalars {
            flag: true,
            tiny: -128,
            small: 32767,
            medium: -2147483648,
            large: 9007199254740993,
            single: 1.5,
            double: -0.1,
        }),
        case!("strings", || Strings {
            ascii: "hello".to_string(),
            unicode: "héllo 世界".to_string(),
            empty: String::new(),
        }),
        case!("binary", || Binary {
            data: vec![0x00, 0x01, 0x7f, 0x80, 0xff],
        }),
        case!("binary_empty", || BinaryEmpty {
            data: Vec::new(),
            after: "x".to_string(),
        }),
        case!("temporal", || Temporal {
            // 2024-02-29 and 2024-02-29T12:34:56.789012Z
            day: Date::from_epoch_days(19782),
            moment: Timestamp::from_epoch_micros(1_709_210_096_789_012),
        }),
        case!("timestamp_rounding", || TimestampRounding {
            // 2004-11-13T18:12:43.316063Z, which pyfory 1.7.7 writes 1 us early
            moment: Timestamp::from_epoch_micros(1_100_369_563_316_063),
        }),
        case!("nested", || Nested {
            id: 7,
            inner: inner(-42, "inner"),
            name: "outer".to_string(),
        }),
        case!("list_int32", || ListInt32 {
            values: vec![1, -2, 3, 2147483647, -2147483648],
            empty: Vec::new(),
        }),
        case!("list_string", || ListString {
            names: vec!["a".to_string(), "héllo".to_string(), String::new()],
        }),
        case!("list_struct", || ListStruct {
            items: vec![inner(1, "one"), inner(2, "two")],
        }),
        case!("map_string_int32", || MapStringInt32 {
            counts: BTreeMap::from([
                ("apple".to_string(), 1),
                ("banana".to_string(), -2),
                ("cherry".to_string(), 3),
            ]),
        }),
        // The same map given in the order cherry, apple, banana: a BTreeMap writes it sorted
        // (pyfory writes its dict in insertion order, so the peers' rows differ).
        case!("map_unsorted", || MapStringInt32 {
            counts: BTreeMap::from([
                ("cherry".to_string(), 3),
                ("apple".to_string(), 1),
                ("banana".to_string(), -2),
            ]),
        }),
        case!("nulls", || Nulls {
            id: 1,
            name: None,
            inner: None,
            count: None,
            values: vec![Some(1), None, Some(3)],
            names: vec![Some("x".to_string()), None, Some("z".to_string())],
        }),
        case!("wide50", wide50),
    ]
}

fn gen(out: &Path) -> bool {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("rows gen: cannot create {}: {e}", out.display());
        return false;
    }
    let mut ok = true;
    for case in cases() {
        let path = out.join(format!("{}.bin", case.name));
        match (case.gen)().map_err(|e| e.to_string()).and_then(|bytes| {
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
        }) {
            Ok(()) => println!("PASS {}", case.name),
            Err(why) => {
                ok = false;
                println!("FAIL {}: {why}", case.name);
            }
        }
    }
    ok
}

fn check(dir: &Path) -> bool {
    let cases = cases();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if let Some(name) = file.strip_suffix(".bin") {
                if !cases.iter().any(|case| case.name == name) {
                    eprintln!("rows check: {file} is no case, ignored");
                }
            }
        }
    }
    let mut ok = true;
    let mut seen = 0;
    for case in &cases {
        let path = dir.join(format!("{}.bin", case.name));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        seen += 1;
        match (case.check)(&bytes) {
            Ok(()) => println!("PASS {}", case.name),
            Err(why) => {
                ok = false;
                println!("FAIL {}: {why}", case.name);
            }
        }
    }
    if seen == 0 {
        eprintln!("rows check: no case file in {}", dir.display());
        return false;
    }
    ok
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ok = match args.as_slice() {
        [command, dir] if command == "gen" => gen(Path::new(dir)),
        [command, dir] if command == "check" => check(Path::new(dir)),
        _ => {
            eprintln!("usage: rows gen OUT | rows check IN");
            return ExitCode::from(2);
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
