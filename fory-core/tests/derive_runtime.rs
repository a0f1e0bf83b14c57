//! `#[derive(ForyObject)]` behaviour that needs no peer: schema evolution between two Rust
//! schemas, the schema-hash check, skipping, generics, references, and hostile input.

use std::collections::BTreeMap;
use std::rc::Rc;

use fory_core::{Fory, ForyObject, Value};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Inner {
    x: i32,
    label: String,
}

/// The writer's schema.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct V1 {
    id: i64,
    name: String,
    inner: Inner,
    inners: Vec<Inner>,
    tags: BTreeMap<String, Vec<Inner>>,
    dynamic: Value,
    #[fory(id = 9)]
    tagged: Option<String>,
}

/// The reader's schema: `name`, `inner`, `inners`, `tags` and `dynamic` gone, `extra` new.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct V2 {
    id: i64,
    extra: Vec<String>,
    #[fory(id = 9)]
    renamed_but_same_tag: Option<String>,
}

fn v1() -> V1 {
    let inner = Inner {
        x: 7,
        label: "in".into(),
    };
    V1 {
        id: 42,
        name: "n".into(),
        inner: inner.clone(),
        inners: vec![inner.clone(), inner.clone()],
        tags: BTreeMap::from([("k".into(), vec![inner])]),
        dynamic: Value::List(vec![Value::Int64(1), Value::String("s".into())]),
        tagged: Some("t".into()),
    }
}

fn fory(compatible: bool) -> Fory {
    Fory::builder().compatible(compatible).build()
}

/// A compatible-mode `Fory` with the writer's schema registered.
fn v1_fory() -> Fory {
    let mut f = fory(true);
    f.register::<Inner>(1).unwrap();
    f.register::<V1>(2).unwrap();
    f
}

#[test]
fn compatible_reader_skips_unknown_fields_and_defaults_missing_ones() {
    let bytes = v1_fory().serialize(&v1()).unwrap();

    // The reader never registered Inner: its values are skipped by their TypeDef.
    let mut reader = fory(true);
    reader.register::<V2>(2).unwrap();
    let got: V2 = reader.deserialize(&bytes).unwrap();
    assert_eq!(
        got,
        V2 {
            id: 42,
            extra: vec![],
            renamed_but_same_tag: Some("t".into()),
        }
    );

    // And back: the V1 reader gets defaults for what V2 does not have.
    let mut back_writer = fory(true);
    back_writer.register::<V2>(2).unwrap();
    let bytes = back_writer.serialize(&got).unwrap();
    let old: V1 = v1_fory().deserialize(&bytes).unwrap();
    assert_eq!(
        old,
        V1 {
            id: 42,
            tagged: Some("t".into()),
            ..V1::default()
        }
    );
}

#[test]
fn same_schema_round_trips_in_both_modes() {
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Inner>(1).unwrap();
        f.register::<V1>(2).unwrap();
        let bytes = f.serialize(&v1()).unwrap();
        assert_eq!(f.deserialize::<V1>(&bytes).unwrap(), v1(), "{compatible}");
        // A TypeDef is written once per payload and referred to afterwards.
        let pair = (v1(), v1());
        let bytes = f.serialize(&pair).unwrap();
        let back: (V1, V1) = f.deserialize(&bytes).unwrap();
        assert_eq!(back, pair);
    }
}

/// A reader keeps what it learned from a TypeDef (that it names the local type, and how the
/// fields map), and a later payload with the same TypeDef bytes takes a shorter path: it must
/// read the same values, whether the field lists match or not.
#[test]
fn later_payloads_with_a_known_type_def_read_the_same() {
    let writer = v1_fory();
    let evolved = writer.serialize(&v1()).unwrap();
    let same = writer.serialize(&vec![v1(), v1()]).unwrap();

    let old_reader = v1_fory();
    let mut new_reader = fory(true);
    new_reader.register::<V2>(2).unwrap();
    for round in 0..3 {
        let got: V2 = new_reader.deserialize(&evolved).unwrap();
        assert_eq!(
            (got.id, got.renamed_but_same_tag),
            (42, Some("t".into())),
            "{round}"
        );
        let got: Vec<V1> = old_reader.deserialize(&same).unwrap();
        assert_eq!(got, vec![v1(), v1()], "{round}");
        let got: V1 = old_reader.deserialize(&evolved).unwrap();
        assert_eq!(got, v1(), "{round}");
    }
}

/// `Inner`'s twin: the same fields, registered under another id.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct InnerTwin {
    x: i32,
    label: String,
}

/// What a reader learned about a TypeDef (that it reads as `Inner`, field for field) is kept
/// for `Inner` alone: the same bytes read as `Inner`'s twin, registered under another id, are
/// still refused, before and after `Inner` has read them many times.
#[test]
fn a_known_type_def_reads_as_its_own_type_only() {
    let mut f = fory(true);
    f.register::<Inner>(1).unwrap();
    f.register::<InnerTwin>(2).unwrap();
    let inner = Inner {
        x: 7,
        label: "in".into(),
    };
    let bytes = f.serialize(&inner).unwrap();
    let twin_err = |f: &Fory| f.deserialize::<InnerTwin>(&bytes).unwrap_err().to_string();
    let before = twin_err(&f);
    for _ in 0..3 {
        assert_eq!(f.deserialize::<Inner>(&bytes).unwrap(), inner);
    }
    assert_eq!(twin_err(&f), before);
    assert!(
        before.starts_with("invalid input at byte 2") && before.contains("found user id 1"),
        "{before}"
    );
}

#[test]
fn schema_hash_mismatch_names_both_hashes() {
    let mut writer = fory(false);
    writer.register::<Inner>(1).unwrap();
    writer.register::<V1>(2).unwrap();
    let bytes = writer.serialize(&v1()).unwrap();
    let mut reader = fory(false);
    reader.register::<V2>(2).unwrap();
    let err = reader.deserialize::<V2>(&bytes).unwrap_err();
    let msg = err.to_string();
    assert_eq!(err.offset(), Some(4), "{msg}");
    assert!(msg.contains("schema hash"), "{msg}");
    assert_eq!(msg.matches("0x").count(), 2, "{msg}");
}

#[test]
fn unregistered_nested_type_is_an_error_not_a_panic() {
    let mut f = fory(false);
    f.register::<V1>(2).unwrap();
    let err = f.serialize(&v1()).unwrap_err();
    assert!(err.to_string().contains("Inner is not registered"), "{err}");
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Wrapper<T> {
    value: T,
    values: Vec<T>,
    maybe: Option<T>,
}

#[test]
fn generic_structs_order_fields_by_their_real_types() {
    use fory_core::__private::serializer::ForyStruct;
    // i32 is a primitive and sorts first; String is not and sorts by name with the rest.
    assert_eq!(<Wrapper<i32> as ForyStruct>::FIELD_ORDER, &[0, 2, 1]);
    assert_eq!(<Wrapper<String> as ForyStruct>::FIELD_ORDER, &[2, 0, 1]);
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Wrapper<i32>>(1).unwrap();
        f.register::<Wrapper<String>>(2).unwrap();
        let a = Wrapper {
            value: 3,
            values: vec![1, 2],
            maybe: None,
        };
        let b = Wrapper {
            value: "v".to_string(),
            values: vec![],
            maybe: Some("m".to_string()),
        };
        assert_eq!(
            f.deserialize::<Wrapper<i32>>(&f.serialize(&a).unwrap())
                .unwrap(),
            a
        );
        assert_eq!(
            f.deserialize::<Wrapper<String>>(&f.serialize(&b).unwrap())
                .unwrap(),
            b
        );
    }
}

#[derive(ForyObject, Debug, Default)]
struct Shared {
    first: Rc<Inner>,
    second: Rc<Inner>,
}

#[test]
fn rc_fields_share_one_value_with_ref_tracking() {
    let mut f = Fory::builder().ref_tracking(true).build();
    f.register::<Inner>(1).unwrap();
    f.register::<Shared>(2).unwrap();
    let inner = Rc::new(Inner {
        x: 1,
        label: "shared".into(),
    });
    let value = Shared {
        first: inner.clone(),
        second: inner,
    };
    let back: Shared = f.deserialize(&f.serialize(&value).unwrap()).unwrap();
    assert!(Rc::ptr_eq(&back.first, &back.second));
    assert_eq!(back.first.label, "shared");
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
enum Event {
    Started(u64),
    Named {
        name: String,
    },
    #[default]
    Stopped,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Log {
    events: Vec<Event>,
    last: Event,
}

#[test]
fn unions_round_trip_every_variant_shape() {
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Event>(5).unwrap();
        f.register::<Log>(6).unwrap();
        let log = Log {
            events: vec![
                Event::Started(9),
                Event::Named { name: "x".into() },
                Event::Stopped,
            ],
            last: Event::Named { name: "y".into() },
        };
        assert_eq!(
            f.deserialize::<Log>(&f.serialize(&log).unwrap()).unwrap(),
            log
        );
    }
}

#[test]
fn every_truncation_and_byte_flip_is_an_error_or_a_value() {
    for compatible in [false, true] {
        let mut f = fory(compatible);
        f.register::<Inner>(1).unwrap();
        f.register::<V1>(2).unwrap();
        let bytes = f.serialize(&v1()).unwrap();
        for end in 0..bytes.len() {
            assert!(f.deserialize::<V1>(&bytes[..end]).is_err(), "prefix {end}");
        }
        for at in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut bad = bytes.clone();
                bad[at] ^= flip;
                // Ok or Err, never a panic.
                let _ = f.deserialize::<V1>(&bad);
            }
        }
    }
}

/// A writer whose scalars and strings are interleaved with fields the reader dropped, so that
/// the reader skips before its first field, between scalars of its own, and after its last.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Wide {
    a: i64,
    dropped_f64: f64,
    b: i32,
    dropped_i16: i16,
    c: bool,
    dropped_u8: u8,
    text: String,
    dropped_text: String,
    dropped_list: Vec<Inner>,
    tail: Vec<i32>,
    zz_dropped: i64,
    zz_dropped_text: String,
}

/// [`Wide`] evolved: six fields dropped, three added (two among the scalars). With `B = i32`
/// the rest are kept exactly as declared, so the reader reads in its own field order; with
/// `B = i64` field `b` is widened, which makes the reader follow the writer's field list
/// instead. Both readers must agree.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Narrow<B> {
    a: i64,
    b: B,
    added_f64: f64,
    c: bool,
    added_u16: u16,
    text: String,
    added_text: String,
    tail: Vec<i32>,
}

#[test]
fn dropped_fields_are_skipped_wherever_they_fall_among_the_kept_ones() {
    let mut w = fory(true);
    w.register::<Inner>(1).unwrap();
    w.register::<Wide>(3).unwrap();
    let wide = |i: i64| Wide {
        a: -7 * i,
        dropped_f64: 1.5,
        b: 300 + i as i32,
        dropped_i16: -2,
        c: i % 2 == 0,
        dropped_u8: 0xaa,
        text: format!("kept {i}"),
        dropped_text: "gone".repeat(i as usize),
        dropped_list: vec![
            Inner {
                x: 1,
                label: "l".into()
            };
            i as usize
        ],
        tail: vec![i as i32; 3],
        zz_dropped: i64::MAX - i,
        zz_dropped_text: "last".into(),
    };
    let one = w.serialize(&wide(1)).unwrap();
    let many: Vec<Wide> = (0..5).map(wide).collect();
    let many_bytes = w.serialize(&many).unwrap();

    let mut r = fory(true);
    r.register::<Narrow<i32>>(3).unwrap();
    let mut widened = fory(true);
    widened.register::<Narrow<i64>>(3).unwrap();
    let narrow = |w: &Wide| Narrow {
        a: w.a,
        b: w.b,
        c: w.c,
        text: w.text.clone(),
        tail: w.tail.clone(),
        ..Narrow::default()
    };
    let widen = |n: Narrow<i32>| Narrow {
        a: n.a,
        b: i64::from(n.b),
        added_f64: n.added_f64,
        c: n.c,
        added_u16: n.added_u16,
        text: n.text,
        added_text: n.added_text,
        tail: n.tail,
    };
    // Twice each: the first read makes the plan, the second finds it kept.
    for round in 0..2 {
        let got: Narrow<i32> = r.deserialize(&one).unwrap();
        assert_eq!(got, narrow(&wide(1)), "{round}");
        let got: Narrow<i64> = widened.deserialize(&one).unwrap();
        assert_eq!(got, widen(narrow(&wide(1))), "{round}");
        let got: Vec<Narrow<i32>> = r.deserialize(&many_bytes).unwrap();
        assert_eq!(got, many.iter().map(narrow).collect::<Vec<_>>(), "{round}");
        let got: Vec<Narrow<i64>> = widened.deserialize(&many_bytes).unwrap();
        let want: Vec<_> = many.iter().map(|w| widen(narrow(w))).collect();
        assert_eq!(got, want, "{round}");
    }
    for end in 0..one.len() {
        assert!(
            r.deserialize::<Narrow<i32>>(&one[..end]).is_err(),
            "prefix {end}"
        );
    }
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct AsArray {
    v: Vec<i32>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct AsList {
    v: std::collections::VecDeque<i32>,
}

#[test]
fn compatible_fields_convert_between_arrays_and_lists() {
    let mut a = fory(true);
    a.register::<AsArray>(1).unwrap();
    let mut l = fory(true);
    l.register::<AsList>(1).unwrap();
    let array = AsArray { v: vec![1, -2, 3] };
    let list: AsList = l.deserialize(&a.serialize(&array).unwrap()).unwrap();
    assert_eq!(list.v, [1, -2, 3]);
    let back: AsArray = a.deserialize(&l.serialize(&list).unwrap()).unwrap();
    assert_eq!(back, array);
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MaybeName {
    name: Option<String>,
    count: Option<i32>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct PlainName {
    name: String,
    count: i32,
}

#[test]
fn a_peers_null_reads_as_default_in_a_non_nullable_field() {
    let mut w = fory(true);
    w.register::<MaybeName>(1).unwrap();
    let mut r = fory(true);
    r.register::<PlainName>(1).unwrap();
    let bytes = w.serialize(&MaybeName::default()).unwrap();
    assert_eq!(
        r.deserialize::<PlainName>(&bytes).unwrap(),
        PlainName::default()
    );
    let bytes = w
        .serialize(&MaybeName {
            name: Some("n".into()),
            count: Some(3),
        })
        .unwrap();
    let got: PlainName = r.deserialize(&bytes).unwrap();
    assert_eq!((got.name.as_str(), got.count), ("n", 3));
}

#[derive(ForyObject, Debug, Default)]
struct MaybeShared {
    first: Option<Rc<Inner>>,
    second: Option<Rc<Inner>>,
    none: Option<Rc<Inner>>,
}

#[test]
fn option_rc_fields_resolve_references() {
    let mut f = Fory::builder().ref_tracking(true).build();
    f.register::<Inner>(1).unwrap();
    f.register::<MaybeShared>(2).unwrap();
    let inner = Rc::new(Inner::default());
    let value = MaybeShared {
        first: Some(inner.clone()),
        second: Some(inner),
        none: None,
    };
    let back: MaybeShared = f.deserialize(&f.serialize(&value).unwrap()).unwrap();
    assert!(Rc::ptr_eq(
        back.first.as_ref().unwrap(),
        back.second.as_ref().unwrap()
    ));
    assert!(back.none.is_none());
}

/// Scalars first in wire order, with one in a non-default encoding among them and a nullable one
/// after them: the derive writes the leading scalars through one `WriteRun` and stops at the
/// first field that needs `write_field`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Scalars {
    big: i64,
    #[fory(encoding = "tagged")]
    tagged: i64,
    small: i32,
    flag: bool,
    ratio: f64,
    count: u64,
    maybe: Option<i32>,
    name: String,
}

#[test]
fn scalar_runs_write_the_bytes_field_by_field_writing_does() {
    use fory_core::__private::serializer::{write_field, FieldMode, ForyStruct};
    use fory_core::context::WriteContext;
    use fory_core::types::TypeId;
    use fory_core::Writer;

    let (run_fields, _) = <Scalars as ForyStruct>::WRITE_RUN;
    let order = <Scalars as ForyStruct>::FIELD_ORDER;
    assert!(run_fields > 0, "{order:?}");
    assert_eq!(
        order[run_fields], 1,
        "the tagged field ends the run: {order:?}"
    );

    let f = fory(false);
    let value = Scalars {
        big: -(1 << 40),
        tagged: 1 << 50,
        small: -300,
        flag: true,
        ratio: 0.25,
        count: u64::MAX,
        maybe: Some(7),
        name: "scalars".into(),
    };
    let mut by_run = WriteContext::new(Writer::new(), &f);
    value.write_fields(&mut by_run).unwrap();

    let plain = FieldMode {
        nullable: false,
        track_ref: false,
        encoding: None,
    };
    let mut by_field = WriteContext::new(Writer::new(), &f);
    for &i in order {
        let ctx = &mut by_field;
        match i {
            0 => write_field(&value.big, ctx, plain),
            1 => write_field(
                &value.tagged,
                ctx,
                FieldMode {
                    encoding: Some(TypeId::TaggedInt64),
                    ..plain
                },
            ),
            2 => write_field(&value.small, ctx, plain),
            3 => write_field(&value.flag, ctx, plain),
            4 => write_field(&value.ratio, ctx, plain),
            5 => write_field(&value.count, ctx, plain),
            6 => write_field(
                &value.maybe,
                ctx,
                FieldMode {
                    nullable: true,
                    ..plain
                },
            ),
            _ => write_field(&value.name, ctx, plain),
        }
        .unwrap();
    }
    assert_eq!(by_run.writer.as_slice(), by_field.writer.as_slice());

    let mut f = fory(false);
    f.register::<Scalars>(1).unwrap();
    let back: Scalars = f.deserialize(&f.serialize(&value).unwrap()).unwrap();
    assert_eq!(back, value);
}
