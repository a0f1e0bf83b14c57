//! Regression tests for hostile inputs found by fuzzing and by hand: each must be a prompt
//! error, not a stack overflow, a huge allocation or a long loop.

mod common;

use common::unhex;
use fory_core::__private::meta::struct_def::{encode_body, StructDef, StructIdentity};
use fory_core::__private::meta::type_def::write_type_def;
use fory_core::io::StreamReader;
use fory_core::Writer;
use fory_core::{ErrorKind, Fory, ForyObject, Value};

#[derive(ForyObject, Debug, Clone, PartialEq)]
enum Nest {
    Leaf(i32),
    Deeper(Box<Nest>),
}

impl Default for Nest {
    fn default() -> Self {
        Nest::Leaf(0)
    }
}

/// A union nested in itself far beyond max_depth: an error, not a stack overflow.
#[test]
fn recursive_unions_count_against_max_depth() {
    let mut fory = Fory::default();
    fory.register::<Nest>(77).unwrap();
    let mut bytes = vec![0x01];
    for _ in 0..100_000 {
        bytes.extend_from_slice(&unhex("ff224d01"));
    }
    bytes.extend_from_slice(&unhex("ff224d00ff0502"));
    let err = fory.deserialize::<Nest>(&bytes).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { limit, .. } if limit.contains("depth")),
        "{err}"
    );
    // Within the limit it reads.
    let shallow = Nest::Deeper(Box::new(Nest::Deeper(Box::new(Nest::Leaf(2)))));
    let back: Nest = fory
        .deserialize(&fory.serialize(&shallow).unwrap())
        .unwrap();
    assert_eq!(back, shallow);
}

/// Writing counts a union's level as reading does, whatever its case holds: a value the
/// writer accepts at the limit, the reader accepts too, and one level more fails on both sides.
#[test]
fn unions_count_the_same_depth_when_written_and_read() {
    let limit = 8;
    let mut limited = Fory::builder().max_depth(limit).build();
    limited.register::<Nest>(77).unwrap();
    let mut unlimited = Fory::default();
    unlimited.register::<Nest>(77).unwrap();
    assert_depth_limit_agrees(&limited, &unlimited, limit, "", |levels| {
        let mut value = Nest::Leaf(5);
        for _ in 1..levels {
            value = Nest::Deeper(Box::new(value));
        }
        value
    });
}

/// Builds `nested(levels)` for 1 to `limit + 2` levels and asserts that `limited` (whose
/// `max_depth` is `limit`) writes exactly the values it reads back from `unlimited`'s bytes,
/// and that the limit falls inside the range tried. `what` names the case in failures.
fn assert_depth_limit_agrees<T>(
    limited: &Fory,
    unlimited: &Fory,
    limit: u32,
    what: &str,
    nested: impl Fn(u32) -> T,
) where
    T: fory_core::Serialize + for<'de> fory_core::Deserialize<'de>,
{
    let mut outcomes = Vec::new();
    for levels in 1..=limit + 2 {
        let value = nested(levels);
        let written = limited.serialize(&value).is_ok();
        let read = limited
            .deserialize::<T>(&unlimited.serialize(&value).unwrap())
            .is_ok();
        assert_eq!(
            written, read,
            "{what}{levels} levels: written {written}, read {read}"
        );
        outcomes.push(written);
    }
    // The limit falls inside the range tried.
    assert!(
        outcomes.contains(&true) && outcomes.contains(&false),
        "{what}{outcomes:?}"
    );
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Twig {
    id: i32,
    next: std::collections::BTreeMap<String, Twig>,
}

/// A struct value of a map counts its own level as a struct field does, in both modes: the
/// writer (which enters that level once for all of the map's keys and values) accepts exactly
/// the depths the reader accepts, with one value and with three. (Lists of structs:
/// `structs_count_one_level_each_when_read_by_fields_or_by_plan` below.)
#[test]
fn struct_values_of_maps_count_the_same_depth_when_written_and_read() {
    let limit = 9;
    for (compatible, width) in [(false, 1), (false, 3), (true, 1), (true, 3)] {
        let mut limited = Fory::builder()
            .compatible(compatible)
            .max_depth(limit)
            .build();
        limited.register::<Twig>(79).unwrap();
        let mut unlimited = Fory::builder().compatible(compatible).build();
        unlimited.register::<Twig>(79).unwrap();
        let what = format!("compatible {compatible}, width {width}: ");
        assert_depth_limit_agrees(&limited, &unlimited, limit, &what, |levels| {
            let mut value = Twig::default();
            for id in 1..levels as i32 {
                let next = (0..width).map(|k| (k.to_string(), value.clone())).collect();
                value = Twig { id, next };
            }
            value
        });
    }
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Tree {
    name: String,
    children: Vec<String>,
    weights: Vec<f64>,
    counts: std::collections::BTreeMap<String, i64>,
}

/// A list of many structs whose TypeDef has no fields: every element takes no input, so the
/// count is bounded by the budget of such elements, not by a 1-byte-per-element check.
#[test]
fn elements_that_take_no_input_are_bounded() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Tree>(1004).unwrap();
    let empty = StructDef {
        compatible: true,
        identity: StructIdentity::Id(1004),
        fields: vec![],
    };
    let mut type_def = Writer::new();
    write_type_def(&mut type_def, &encode_body(&empty).unwrap());
    let n = 100_000u32;
    let mut w = Writer::new();
    w.write_bytes(&[0x01, 0xff, 0x16]);
    w.write_varuint32(n);
    w.write_bytes(&[0x08, 0x1c, 0x00]);
    w.write_bytes(type_def.as_slice());
    let mut bytes = w.into_inner();
    bytes.resize(bytes.len() + n as usize, 0); // enough bytes to pass the length check
    let err = fory.deserialize::<Vec<Tree>>(&bytes).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
    // A map chunk of NONE keys and values.
    let err = Fory::default()
        .deserialize::<Value>(&unhex("01ff180300032424000000"))
        .unwrap_err();
    assert!(err.to_string().contains("NONE"), "{err}");
}

/// A TypeDef field of type NONE would take no input per field.
#[test]
fn none_field_types_are_rejected() {
    // struct, compatible, 1 field, user id 1004; field: tag id 0, type NONE (36).
    let body = unhex("c1ec07c024");
    let err = fory_core::__private::meta::struct_def::decode_body(&body).unwrap_err();
    assert!(err.to_string().contains("NONE"), "{err}");
}

/// A stream whose first payload claims a 1 GiB binary but ends after 8 bytes: an error after
/// reading what is there, without allocating for the claim.
#[test]
fn a_stream_claiming_a_huge_payload_allocates_only_what_arrives() {
    let fory = Fory::default();
    let bytes = unhex("01ff298080808004");
    let mut reader = StreamReader::new(&fory, bytes.as_slice());
    let err = reader.read::<Vec<u8>>().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Truncated { .. } | ErrorKind::LimitExceeded { .. }
        ),
        "{err}"
    );
}

#[test]
fn a_bool_array_byte_other_than_0_or_1_is_an_error_at_its_offset() {
    let fory = Fory::default();
    let mut bytes = fory.serialize(&vec![true, false, true, true]).unwrap();
    let last = bytes.len() - 1;
    bytes[last] = 2;
    let err = fory.deserialize::<Vec<bool>>(&bytes).unwrap_err();
    assert_eq!(err.offset(), Some(last), "{err}");
    // Valid bytes still decode, through the vectorized path.
    bytes[last] = 0;
    let back: Vec<bool> = fory.deserialize(&bytes).unwrap();
    assert_eq!(back, [true, false, true, false]);
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Branch {
    #[fory(id = 1)]
    value: i32,
    #[fory(id = 2)]
    children: Vec<Branch>,
}

/// `Branch` as a reader with one field more: in compatible mode it reads a `Branch` in its own
/// field order, the missing field defaulted (`read_fields_in_order`), where `Branch` itself
/// reads the fields as declared.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct EvolvedBranch {
    #[fory(id = 1)]
    value: i32,
    #[fory(id = 2)]
    children: Vec<EvolvedBranch>,
    #[fory(id = 3)]
    added: i64,
}

/// `Branch` with its `value` widened: read by the writer's TypeDef, field by field
/// (`read_fields_by_plan`), as that field is converted.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct WidenedBranch {
    #[fory(id = 1)]
    value: i64,
    #[fory(id = 2)]
    children: Vec<WidenedBranch>,
}

/// `levels` branches, each the only child of the one before.
fn branch_chain(levels: u32) -> Branch {
    let mut branch = Branch {
        value: 0,
        children: Vec::new(),
    };
    for value in 1..levels {
        branch = Branch {
            value: value as i32,
            children: vec![branch],
        };
    }
    branch
}

/// A struct counts one nesting level however it is read (as declared, or by a peer's TypeDef)
/// and gives it back when read: a chain fails past `max_depth` where the writer fails too, and
/// many sibling structs at one level read whatever their number.
#[test]
fn structs_count_one_level_each_when_read_by_fields_or_by_plan() {
    let limit = 9;
    for compatible in [false, true] {
        let mut writer = Fory::builder().compatible(compatible).build();
        writer.register::<Branch>(78).unwrap();
        let mut limited = Fory::builder()
            .compatible(compatible)
            .max_depth(limit)
            .build();
        limited.register::<Branch>(78).unwrap();
        let mut evolved = Fory::builder()
            .compatible(compatible)
            .max_depth(limit)
            .build();
        evolved.register::<EvolvedBranch>(78).unwrap();
        let mut widened = Fory::builder()
            .compatible(compatible)
            .max_depth(limit)
            .build();
        widened.register::<WidenedBranch>(78).unwrap();

        let mut outcomes = Vec::new();
        for levels in 1..=limit {
            let bytes = writer.serialize(&branch_chain(levels)).unwrap();
            let written = limited.serialize(&branch_chain(levels)).is_ok();
            let read = limited.deserialize::<Branch>(&bytes);
            assert_eq!(
                written,
                read.is_ok(),
                "{levels} levels, compatible {compatible}"
            );
            if let Err(err) = read {
                assert!(
                    matches!(err.kind(), ErrorKind::LimitExceeded { limit, .. } if limit.contains("depth")),
                    "{err}"
                );
            }
            if compatible {
                let in_order = evolved.deserialize::<EvolvedBranch>(&bytes);
                assert_eq!(written, in_order.is_ok(), "{levels} levels in order");
                let by_plan = widened.deserialize::<WidenedBranch>(&bytes);
                assert_eq!(written, by_plan.is_ok(), "{levels} levels by plan");
            }
            outcomes.push(written);
        }
        assert!(
            outcomes.contains(&true) && outcomes.contains(&false),
            "{outcomes:?}"
        );

        // Three times the limit in siblings, one level below the root, each with a child (a
        // level given back, or the writer would run out of them).
        let wide = Branch {
            value: 1,
            children: (0..3 * limit as i32)
                .map(|value| Branch {
                    value,
                    children: vec![branch_chain(1)],
                })
                .collect(),
        };
        let bytes = writer.serialize(&wide).unwrap();
        assert_eq!(limited.serialize(&wide).unwrap(), bytes);
        assert_eq!(limited.deserialize::<Branch>(&bytes).unwrap(), wide);
        if compatible {
            let back = evolved.deserialize::<EvolvedBranch>(&bytes).unwrap();
            assert_eq!(back.children.len(), wide.children.len());
            let back = widened.deserialize::<WidenedBranch>(&bytes).unwrap();
            assert_eq!(back.children.len(), wide.children.len());
        }
    }
}

/// `Branch` as a reader without its `children`: in compatible mode it skips them, every
/// nested `Branch` by the writer's TypeDef.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct PrunedBranch {
    #[fory(id = 1)]
    value: i32,
}

/// Skipped values count nesting levels as values read into a type do (a struct, a non-empty
/// list; a number or an empty list none): a reader that skips a chain reads exactly the
/// chains that a writer with the same `max_depth` writes.
#[test]
fn skipped_values_count_levels_as_read_ones() {
    let limit = 9;
    let mut writer = Fory::default();
    writer.register::<Branch>(78).unwrap();
    let mut limited = Fory::builder().max_depth(limit).build();
    limited.register::<Branch>(78).unwrap();
    let mut pruned = Fory::builder().max_depth(limit).build();
    pruned.register::<PrunedBranch>(78).unwrap();
    let mut outcomes = Vec::new();
    for levels in 1..=limit {
        let bytes = writer.serialize(&branch_chain(levels)).unwrap();
        let written = limited.serialize(&branch_chain(levels)).is_ok();
        let skipped = pruned.deserialize::<PrunedBranch>(&bytes);
        assert_eq!(written, skipped.is_ok(), "{levels} levels: {skipped:?}");
        if let Err(err) = skipped {
            assert!(
                matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
                "{err}"
            );
        }
        outcomes.push(written);
    }
    assert!(
        outcomes.contains(&true) && outcomes.contains(&false),
        "{outcomes:?}"
    );
}

/// An empty list is no nesting level, on either side: `[[[]]]` is written and read with
/// `max_depth = 2`, typed and as a `Value`; `[[[""]]]` fails on both sides.
#[test]
fn an_empty_list_is_no_level() {
    let fory = Fory::builder().max_depth(2).build();
    let empty_inside: Vec<Vec<Vec<String>>> = vec![vec![vec![]]];
    let bytes = fory.serialize(&empty_inside).unwrap();
    assert_eq!(
        fory.deserialize::<Vec<Vec<Vec<String>>>>(&bytes).unwrap(),
        empty_inside
    );
    fory.deserialize::<Value>(&bytes).unwrap();

    let full_inside: Vec<Vec<Vec<String>>> = vec![vec![vec![String::new()]]];
    assert!(fory.serialize(&full_inside).is_err());
    let bytes = Fory::default().serialize(&full_inside).unwrap();
    let err = fory
        .deserialize::<Vec<Vec<Vec<String>>>>(&bytes)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
}

/// Bytes after the root value are an error naming their offset, and the value read before
/// them is dropped (the memcheck run's leak check covers that path).
#[test]
fn bytes_after_a_struct_are_an_error() {
    let mut fory = Fory::default();
    fory.register::<Branch>(78).unwrap();
    let mut bytes = fory.serialize(&branch_chain(3)).unwrap();
    let end = bytes.len();
    bytes.extend_from_slice(&[0, 0]);
    let err = fory.deserialize::<Branch>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid input at byte {end}: expected the end of the payload after the root value, \
             found 2 more bytes"
        )
    );
    assert_eq!(
        fory.deserialize::<Branch>(&bytes[..end]).unwrap(),
        branch_chain(3)
    );
}

/// An array's byte count above `max_binary_bytes` is refused at the count's offset, whether the
/// count takes one varint byte or two (the fast path) or three; a count past the end of the
/// input is a truncation where the array's bytes start.
#[test]
fn array_byte_counts_are_checked_against_the_limit_and_the_input() {
    // 40 bytes: a one-byte count; 400 and 4,000: two bytes; 40,000: three.
    for (len, count_len) in [(10, 1), (100, 2), (1000, 2), (10_000, 3)] {
        let values: Vec<i32> = (0..len).collect();
        let bytes = Fory::default().serialize(&values).unwrap();
        // Header, reference flag, INT32_ARRAY: the count is at offset 3.
        let count_at = 3;
        let byte_count = 4 * len as u64;
        let limited = Fory::builder().max_binary_bytes(byte_count - 1).build();
        let err = limited.deserialize::<Vec<i32>>(&bytes).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::LimitExceeded { offset, found, .. }
                if *offset == count_at && *found == byte_count),
            "{len}: {err}"
        );
        let exact = Fory::builder().max_binary_bytes(byte_count).build();
        assert_eq!(exact.deserialize::<Vec<i32>>(&bytes).unwrap(), values);
        let err = Fory::default()
            .deserialize::<Vec<i32>>(&bytes[..bytes.len() - 1])
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Truncated { offset, needed, .. }
                if *offset == count_at + count_len && *needed as u64 == byte_count),
            "{len}: {err}"
        );
    }
}

/// An array whose byte count is not a whole number of elements is an error at the count, for
/// each element width; the same bytes as an array of single bytes read.
#[test]
fn an_array_of_a_partial_element_is_an_error_at_its_count() {
    fn check<T: fory_core::Serialize + for<'de> fory_core::Deserialize<'de> + std::fmt::Debug>(
        items: Vec<T>,
    ) {
        let fory = Fory::default();
        let mut bytes = fory.serialize(&items).unwrap();
        // Header, reference flag, array type id, then the one-byte count: one byte short of
        // the last element.
        assert_eq!(usize::from(bytes[3]), bytes.len() - 4);
        bytes[3] -= 1;
        bytes.pop();
        let err = fory.deserialize::<Vec<T>>(&bytes).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Invalid { offset: 3, expected, .. }
                if expected.contains("multiple of the element size")),
            "{}: {err}",
            std::any::type_name::<T>()
        );
    }
    check(vec![1i16, 2]);
    check(vec![1i32, 2]);
    check(vec![1i64, 2]);
    check(vec![1.5f32, 2.5]);
    check(vec![1.5f64, 2.5]);
}
