//! Which fields need `Default`: none that are always on the wire. A field the input lacks (a
//! compatible-mode writer without it, a peer's null in a non-nullable field, or a `skip` field)
//! takes its `#[fory(default = "...")]` function, else its type's `Default`, else the read
//! fails with an error naming the struct and the field.

use fory_core::{Fory, ForyObject};

/// A field type with no `Default`.
#[derive(ForyObject, Debug, Clone, PartialEq)]
struct Celsius {
    degrees: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq)]
struct Reading {
    at: i64,
    temp: Celsius,
    #[fory(skip, default = "unknown_site")]
    site: Celsius,
    #[fory(skip)]
    note: String,
}

fn unknown_site() -> Celsius {
    Celsius { degrees: -273 }
}

fn fory(compatible: bool) -> Fory {
    let mut f = Fory::builder().compatible(compatible).build();
    f.register::<Celsius>(1).unwrap();
    f
}

#[test]
fn fields_without_default_round_trip_in_both_modes() {
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Reading>(2).unwrap();
        let value = Reading {
            at: 5,
            temp: Celsius { degrees: 21 },
            site: Celsius { degrees: 3 },
            note: "not sent".into(),
        };
        let bytes = f.serialize(&value).unwrap();
        let back: Reading = f.deserialize(&bytes).unwrap();
        // The skip fields are not on the wire: `default` and `Default` fill them.
        assert_eq!(
            back,
            Reading {
                site: unknown_site(),
                note: String::new(),
                ..value
            },
            "compatible: {compatible}"
        );
    }
}

/// The writer's schema: no `limit`, no `offset`.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Sensor")]
struct SensorV1 {
    at: i64,
}

/// The reader's schema: `limit` (no `Default`) has a default function, `offset` takes
/// `Default`.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Sensor")]
struct SensorV2 {
    at: i64,
    #[fory(default = "freezing")]
    limit: Celsius,
    offset: i32,
}

fn freezing() -> Celsius {
    Celsius { degrees: 0 }
}

/// The reader's schema: `limit` has neither a default function nor a `Default` type.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Sensor")]
struct SensorStrict {
    at: i64,
    limit: Celsius,
}

#[test]
fn a_missing_field_takes_its_default_function_then_default() {
    let mut w = fory(true);
    w.register::<SensorV1>(3).unwrap();
    let bytes = w.serialize(&SensorV1 { at: 9 }).unwrap();
    let mut r = fory(true);
    r.register::<SensorV2>(3).unwrap();
    let back: SensorV2 = r.deserialize(&bytes).unwrap();
    assert_eq!(
        back,
        SensorV2 {
            at: 9,
            limit: freezing(),
            offset: 0
        }
    );
}

#[test]
fn a_missing_field_without_any_default_is_an_error_naming_it() {
    let mut w = fory(true);
    w.register::<SensorV1>(3).unwrap();
    let bytes = w.serialize(&SensorV1 { at: 9 }).unwrap();
    let mut r = fory(true);
    r.register::<SensorStrict>(3).unwrap();
    let err = r.deserialize::<SensorStrict>(&bytes).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("field `limit`"), "{text}");
    assert!(text.contains("SensorStrict"), "{text}");
    assert!(text.contains("default = "), "{text}");
    assert!(err.offset().is_some(), "{text}");
    // Written with the field, the same reader reads it.
    let mut w2 = fory(true);
    w2.register::<SensorStrict>(3).unwrap();
    let full = SensorStrict {
        at: 1,
        limit: Celsius { degrees: 4 },
    };
    let bytes = w2.serialize(&full).unwrap();
    assert_eq!(r.deserialize::<SensorStrict>(&bytes).unwrap(), full);
}

/// A peer's null in a field this side declares non-nullable is a missing value too.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Limit")]
struct MaybeLimit {
    #[fory(nullable)]
    limit: Option<i32>,
    #[fory(nullable)]
    floor: Option<i32>,
}

#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Limit")]
struct PlainLimit {
    #[fory(default = "minus_one")]
    limit: i32,
    floor: i32,
}

fn minus_one() -> i32 {
    -1
}

#[test]
fn a_peers_null_takes_the_default_function() {
    let mut w = fory(true);
    w.register_named::<MaybeLimit>().unwrap();
    let bytes = w
        .serialize(&MaybeLimit {
            limit: None,
            floor: None,
        })
        .unwrap();
    let mut r = fory(true);
    r.register_named::<PlainLimit>().unwrap();
    let back: PlainLimit = r.deserialize(&bytes).unwrap();
    assert_eq!(
        back,
        PlainLimit {
            limit: -1,
            floor: 0
        }
    );
}

/// A generic struct's type parameter needs no `Default` either.
#[derive(ForyObject, Debug, PartialEq)]
struct Boxed<T> {
    value: T,
}

#[test]
fn a_type_parameter_without_default_is_accepted() {
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Boxed<Celsius>>(4).unwrap();
        let value = Boxed {
            value: Celsius { degrees: 8 },
        };
        let bytes = f.serialize(&value).unwrap();
        assert_eq!(f.deserialize::<Boxed<Celsius>>(&bytes).unwrap(), value);
    }
}

/// In a generic struct the choice is made with the bounds the struct declares: a type
/// parameter declared `Default` defaults, one without the bound needs a `default` function.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Pair")]
struct PairV1 {
    left: i32,
}

#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Pair")]
struct PairDefault<T: Default> {
    left: i32,
    right: T,
}

#[derive(ForyObject, Debug, PartialEq)]
#[fory(name = "Pair")]
struct PairUnbounded<T> {
    left: i32,
    right: T,
}

#[test]
fn a_missing_generic_field_defaults_only_with_a_default_bound() {
    let mut w = fory(true);
    w.register_named::<PairV1>().unwrap();
    let bytes = w.serialize(&PairV1 { left: 1 }).unwrap();
    let mut r = fory(true);
    r.register_named::<PairDefault<i64>>().unwrap();
    let back: PairDefault<i64> = r.deserialize(&bytes).unwrap();
    assert_eq!(back, PairDefault { left: 1, right: 0 });
    let mut r = fory(true);
    r.register_named::<PairUnbounded<i64>>().unwrap();
    let err = r.deserialize::<PairUnbounded<i64>>(&bytes).unwrap_err();
    assert!(err.to_string().contains("field `right`"), "{err}");
}
