//! Enums with data: variants with several fields are union cases whose value is a generated
//! case struct (`{Enum}{Variant}`), in both modes, at the root, as a struct field and in a list.
//! And the evolution of enums and unions: an unknown ordinal or case id reads as the variant
//! marked `#[fory(default)]` in compatible mode, and is an error otherwise.

mod common;

use common::{both_with, hex, unhex};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub enum Event {
    Click {
        x: i32,
        y: i32,
    },
    Pair(String, i32),
    Key(String),
    #[default]
    Quit,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Log {
    pub first: Event,
    pub events: Vec<Event>,
    pub count: i32,
}

fn fory(compatible: bool, ref_tracking: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .ref_tracking(ref_tracking)
        .build();
    fory.register::<Event>(113).unwrap();
    fory.register::<EventClick>(237).unwrap();
    fory.register::<EventPair>(238).unwrap();
    fory.register::<Log>(239).unwrap();
    fory
}

fn events() -> Vec<Event> {
    vec![
        Event::Click { x: 1, y: -2 },
        Event::Pair("p".into(), 3),
        Event::Key("k".into()),
        Event::Quit,
    ]
}

#[test]
fn round_trips_in_both_modes_at_the_root_in_a_field_and_in_a_list() {
    for (compatible, tracking) in [(false, false), (true, false), (false, true), (true, true)] {
        let fory = fory(compatible, tracking);
        for event in events() {
            let bytes = fory.serialize(&event).unwrap();
            assert_eq!(fory.deserialize::<Event>(&bytes).unwrap(), event);
        }
        let list = events();
        let bytes = fory.serialize(&list).unwrap();
        assert_eq!(fory.deserialize::<Vec<Event>>(&bytes).unwrap(), list);
        let log = Log {
            first: Event::Click { x: 5, y: 6 },
            events: events(),
            count: 4,
        };
        let bytes = fory.serialize(&log).unwrap();
        assert_eq!(fory.deserialize::<Log>(&bytes).unwrap(), log);
    }
}

#[test]
fn a_variant_with_several_fields_is_written_as_its_case_struct() {
    // The same bytes as the union case holding an `EventClick` value.
    for compatible in [false, true] {
        let fory = fory(compatible, false);
        let event = fory.serialize(&Event::Click { x: 1, y: -2 }).unwrap();
        let click = fory.serialize(&EventClick { x: 1, y: -2 }).unwrap();
        // header, not-null, TYPED_UNION, user id 113, case 0: then the struct as a full value.
        assert_eq!(hex(&event[..5]), "01ff227100");
        assert_eq!(
            hex(&event[5..]),
            hex(&click[1..]),
            "compatible {compatible}"
        );
        let pair = fory.serialize(&Event::Pair("p".into(), 3)).unwrap();
        let pair_struct = fory.serialize(&EventPair("p".into(), 3)).unwrap();
        assert_eq!(hex(&pair[..5]), "01ff227101");
        assert_eq!(hex(&pair[5..]), hex(&pair_struct[1..]));
    }
}

#[test]
fn an_unregistered_case_struct_is_an_error_naming_it() {
    let mut fory = Fory::builder().compatible(false).build();
    fory.register::<Event>(113).unwrap();
    let err = fory
        .serialize(&Event::Click { x: 1, y: 2 })
        .unwrap_err()
        .to_string();
    assert!(err.contains("EventClick"), "{err}");
}

/// The `struct_data_enum` conformance value: `EventLog` (252) with one field per case.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EventLog {
    pub click: Event,
    pub pair: Event,
    pub key: Event,
    pub quit: Event,
    pub count: i32,
}

fn event_log_fory(compatible: bool) -> Fory {
    let mut fory = Fory::builder().compatible(compatible).build();
    fory.register::<Event>(113).unwrap();
    fory.register::<EventClick>(250).unwrap();
    fory.register::<EventPair>(251).unwrap();
    fory.register::<EventLog>(252).unwrap();
    fory
}

fn event_log() -> EventLog {
    EventLog {
        click: Event::Click { x: 1, y: -2 },
        pair: Event::Pair("p".into(), 3),
        key: Event::Key("k".into()),
        quit: Event::Quit,
        count: 4,
    }
}

/// Java 1.6.0's `xlang-tests/golden/java/struct_data_enum.bin`: a `Union` subclass whose cases
/// 0 and 1 hold the structs `EventClick` and `EventPair` (pyfory writes the same bytes).
const JAVA_EVENT_LOG: &str = concat!(
    "01ff1bfc01aef74fe908",
    "00ff1bfa0168608b240203",   // click: case 0, STRUCT 250, hash, x 1, y -2
    "02ff15046b",               // key: case 2, STRING "k"
    "01ff1bfb017e818949060470", // pair: case 1, STRUCT 251, hash, f1 3, f0 "p"
    "03fd",                     // quit: case 3, null
);

/// Java's `struct_data_enum_compatible.bin`: the case structs carry their TypeDefs.
const JAVA_EVENT_LOG_COMPATIBLE: &str = concat!(
    "01ff1c001dc0f757ef5b512fc5fc014c0589d46cc04c21896812804421289848213c08884821428898",
    "0800ff1c020910083f71b81458c2fa0140055c400560020302ff15046b01ff1c040b8077f1d7d6a473c2",
    "fb0184050ba884150ba006047003fd",
);

#[test]
fn java_golden_vectors_in_both_modes() {
    both_with(&event_log_fory(false), event_log(), JAVA_EVENT_LOG);
    both_with(
        &event_log_fory(true),
        event_log(),
        JAVA_EVENT_LOG_COMPATIBLE,
    );
}

/// Field attributes of a variant with several fields apply to its case struct.
#[derive(ForyObject, Debug, Clone, PartialEq)]
#[fory(namespace = "example")]
pub enum Tagged {
    #[fory(id = 5, name = "Sample")]
    Sample {
        #[fory(encoding = "fixed")]
        at: u64,
        #[fory(rename = "label")]
        name: String,
        #[fory(skip)]
        cache: Vec<u8>,
    },
    Empty,
}

#[test]
fn variant_attributes_shape_the_case_struct() {
    use fory_core::UserType;
    assert_eq!(<TaggedSample as UserType>::NAMESPACE, "example");
    assert_eq!(<TaggedSample as UserType>::NAME, "Sample");
    for compatible in [false, true] {
        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register_named::<Tagged>().unwrap();
        fory.register_named::<TaggedSample>().unwrap();
        let value = Tagged::Sample {
            at: 7,
            name: "n".into(),
            cache: vec![1],
        };
        let bytes = fory.serialize(&value).unwrap();
        let as_struct = fory
            .serialize(&TaggedSample {
                at: 7,
                name: "n".into(),
                cache: vec![1],
            })
            .unwrap();
        // The case struct's fields end both payloads, as the struct writes them alone: the
        // fixed-width u64 (8 bytes), then "n"; the skipped field is not written.
        let fields = "0700000000000000046e";
        assert!(hex(&bytes).ends_with(fields), "{}", hex(&bytes));
        assert!(hex(&as_struct).ends_with(fields), "{}", hex(&as_struct));
        assert_eq!(
            fory.deserialize::<Tagged>(&bytes).unwrap(),
            Tagged::Sample {
                at: 7,
                name: "n".into(),
                cache: vec![],
            }
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Evolution: unknown ordinals and case ids.

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Default)]
pub enum Level {
    #[default]
    Low,
    #[fory(default)]
    Mid,
    High,
}

#[derive(ForyObject, Debug, Clone, Copy, PartialEq)]
pub enum Strict {
    A,
    B,
    C,
}

/// An ENUM payload (id 101) with ordinal 7.
const ORDINAL_7: &str = "01ff196507";

fn enum_fory(compatible: bool) -> Fory {
    let mut fory = Fory::builder().compatible(compatible).build();
    fory.register::<Level>(101).unwrap();
    fory
}

#[test]
fn an_unknown_ordinal_reads_as_the_default_variant_in_compatible_mode() {
    assert_eq!(
        enum_fory(true)
            .deserialize::<Level>(&unhex(ORDINAL_7))
            .unwrap(),
        Level::Mid
    );
    // Known ordinals are unaffected.
    assert_eq!(
        enum_fory(true)
            .deserialize::<Level>(&unhex("01ff196502"))
            .unwrap(),
        Level::High
    );
}

#[test]
fn an_unknown_ordinal_is_an_error_in_schema_consistent_mode() {
    let err = enum_fory(false)
        .deserialize::<Level>(&unhex(ORDINAL_7))
        .unwrap_err()
        .to_string();
    assert!(err.contains('7') && err.contains("at byte 4"), "{err}");
}

#[test]
fn an_unknown_ordinal_without_a_default_is_an_error_naming_it() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Strict>(101).unwrap();
    let err = fory
        .deserialize::<Strict>(&unhex(ORDINAL_7))
        .unwrap_err()
        .to_string();
    assert!(err.contains("7 for") && err.contains("at byte 4"), "{err}");
    assert!(err.contains("#[fory(default)]"), "{err}");
}

mod newer_level {
    use fory_core::ForyObject;

    #[derive(ForyObject, Debug, Clone, Copy, PartialEq, Default)]
    pub enum Level {
        #[default]
        Low,
        Mid,
        High,
        Extreme,
    }

    #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
    pub struct Reading {
        pub level: Level,
        pub count: i32,
    }
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Reading {
    pub level: Level,
    pub count: i32,
}

#[test]
fn the_default_follows_the_writers_mode() {
    // A compatible reader: a struct field's unknown ordinal reads as the default when the
    // payload is compatible, and is an error when its schema hash shows schema-consistent mode.
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<Level>(101).unwrap();
    reader.register::<Reading>(260).unwrap();
    let value = newer_level::Reading {
        level: newer_level::Level::Extreme,
        count: 2,
    };
    for compatible in [true, false] {
        let mut writer = Fory::builder().compatible(compatible).build();
        writer.register::<newer_level::Level>(101).unwrap();
        writer.register::<newer_level::Reading>(260).unwrap();
        let bytes = writer.serialize(&value).unwrap();
        let got = reader.deserialize::<Reading>(&bytes);
        if compatible {
            let want = Reading {
                level: Level::Mid,
                count: 2,
            };
            assert_eq!(got.unwrap(), want);
        } else {
            let err = got.unwrap_err().to_string();
            assert!(err.contains("3 for"), "{err}");
        }
    }
}

/// A newer `Shape` with a case this side does not know.
mod newer {
    use fory_core::ForyObject;

    #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
    pub struct Inner {
        pub x: i32,
        pub label: String,
    }

    #[derive(ForyObject, Debug, Clone, PartialEq)]
    pub enum Shape {
        Name(String),
        Radius(f64),
        Inner(Inner),
        Text(String),
    }

    impl Default for Shape {
        fn default() -> Self {
            Shape::Radius(0.0)
        }
    }

    #[derive(ForyObject, Debug, Clone, PartialEq)]
    pub struct Holder {
        pub shape: Shape,
        pub count: i32,
        pub tail: String,
    }
}

mod older {
    use fory_core::ForyObject;

    #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
    pub enum Shape {
        Name(String),
        Radius(f64),
        #[fory(default)]
        #[default]
        Unknown,
    }

    #[derive(ForyObject, Debug, Clone, PartialEq)]
    pub enum StrictShape {
        Name(String),
        Radius(f64),
    }

    #[derive(ForyObject, Debug, Clone, PartialEq)]
    pub struct Holder {
        pub shape: Shape,
        pub count: i32,
        pub tail: String,
    }
}

#[test]
fn an_unknown_union_case_is_skipped_and_reads_as_the_default() {
    let mut writer = Fory::builder().compatible(true).build();
    writer.register::<newer::Inner>(205).unwrap();
    writer.register::<newer::Shape>(111).unwrap();
    writer.register::<newer::Holder>(208).unwrap();
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<older::Shape>(111).unwrap();
    reader.register::<older::Holder>(208).unwrap();
    let cases = [
        newer::Shape::Inner(newer::Inner {
            x: 1,
            label: "i".into(),
        }),
        newer::Shape::Text("a string".into()),
    ];
    for shape in cases {
        let holder = newer::Holder {
            shape,
            count: 4,
            tail: "after".into(),
        };
        let bytes = writer.serialize(&holder).unwrap();
        let got: older::Holder = reader.deserialize(&bytes).unwrap();
        // The fields after the union still read: the unknown value was skipped in full.
        assert_eq!(
            got,
            older::Holder {
                shape: older::Shape::Unknown,
                count: 4,
                tail: "after".into(),
            }
        );
        // Known cases read as themselves.
        let known = newer::Holder {
            shape: newer::Shape::Radius(2.5),
            count: 1,
            tail: "t".into(),
        };
        let got: older::Holder = reader
            .deserialize(&writer.serialize(&known).unwrap())
            .unwrap();
        assert_eq!(got.shape, older::Shape::Radius(2.5));
    }
}

#[test]
fn an_unknown_union_case_without_a_default_is_an_error_naming_it() {
    let mut writer = Fory::builder().compatible(true).build();
    writer.register::<newer::Inner>(205).unwrap();
    writer.register::<newer::Shape>(111).unwrap();
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<older::StrictShape>(111).unwrap();
    let bytes = writer.serialize(&newer::Shape::Text("s".into())).unwrap();
    // header, not-null, TYPED_UNION, 111, then case 3 at offset 4.
    assert_eq!(hex(&bytes[..5]), "01ff226f03");
    let err = reader
        .deserialize::<older::StrictShape>(&bytes)
        .unwrap_err()
        .to_string();
    assert!(err.contains("3 for") && err.contains("at byte 4"), "{err}");
}

#[test]
fn an_unknown_union_case_is_an_error_in_schema_consistent_mode() {
    let mut writer = Fory::builder().compatible(false).build();
    writer.register::<newer::Inner>(205).unwrap();
    writer.register::<newer::Shape>(111).unwrap();
    let mut reader = Fory::builder().compatible(false).build();
    reader.register::<older::Shape>(111).unwrap();
    let bytes = writer.serialize(&newer::Shape::Text("s".into())).unwrap();
    let err = reader
        .deserialize::<older::Shape>(&bytes)
        .unwrap_err()
        .to_string();
    assert!(err.contains("3 for") && err.contains("at byte 4"), "{err}");
}

#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum WithDataDefault {
    Key(String),
    #[fory(default)]
    Move {
        dx: i32,
        dy: i32,
    },
}

#[test]
fn a_default_variant_with_fields_reads_with_default_fields() {
    let mut writer = Fory::builder().compatible(true).build();
    writer.register::<newer::Inner>(205).unwrap();
    writer.register::<newer::Shape>(111).unwrap();
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<WithDataDefault>(111).unwrap();
    reader.register::<WithDataDefaultMove>(240).unwrap();
    let bytes = writer.serialize(&newer::Shape::Text("t".into())).unwrap();
    assert_eq!(
        reader.deserialize::<WithDataDefault>(&bytes).unwrap(),
        WithDataDefault::Move { dx: 0, dy: 0 }
    );
}
