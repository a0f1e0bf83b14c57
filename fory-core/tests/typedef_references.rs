//! Compatible mode: a struct's TypeDef is written in full the first time a payload uses it and
//! referred back to after that. The reader checks a reference for the local type that reads it
//! and then takes the same reference for the same type without checking it again. These tests
//! make sure that shortcut reads a recursive struct right and never applies a reference checked
//! for one local type to another.

use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Node {
    id: i32,
    children: Vec<Node>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Point {
    x: i32,
    y: i32,
}

/// The same fields as [`Point`], registered under another id.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Size {
    x: i32,
    y: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct ThreePointLists {
    a: Vec<Point>,
    b: Vec<Point>,
    c: Vec<Point>,
}

/// [`ThreePointLists`] as a reader that takes its last list for sizes.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct PointsThenSizes {
    a: Vec<Point>,
    b: Vec<Point>,
    c: Vec<Size>,
}

fn compatible() -> Fory {
    Fory::builder().compatible(true).build()
}

/// A tree of `levels` levels below `id`, three children each.
fn tree(id: i32, levels: u32) -> Node {
    let children = if levels == 0 {
        Vec::new()
    } else {
        (1..=3).map(|k| tree(id * 10 + k, levels - 1)).collect()
    };
    Node { id, children }
}

#[test]
fn a_recursive_struct_reads_back_through_repeated_references() {
    let mut fory = compatible();
    fory.register::<Node>(40).unwrap();
    // 40 lists of children, each headed by the same reference to `Node`'s TypeDef.
    let value = tree(1, 3);
    let bytes = fory.serialize(&value).unwrap();
    assert_eq!(fory.deserialize::<Node>(&bytes).unwrap(), value);
    // A second payload from the same `Fory` reads the same way (the shortcut is per payload).
    assert_eq!(fory.deserialize::<Node>(&bytes).unwrap(), value);
}

#[test]
fn a_reference_checked_for_one_type_is_checked_again_for_another() {
    let points = |n: i32| (0..n).map(|k| Point { x: k, y: -k }).collect::<Vec<_>>();
    let value = ThreePointLists {
        a: points(2),
        b: points(3),
        c: points(1),
    };
    let mut writer = compatible();
    writer.register::<Point>(41).unwrap();
    writer.register::<Size>(42).unwrap();
    writer.register::<ThreePointLists>(43).unwrap();
    let bytes = writer.serialize(&value).unwrap();

    // `b` refers back to the TypeDef of `Point` that `a` wrote in full, and so does `c`: the
    // reader found the reference to read as `Point` at `b`, and must not take it as `Size`.
    let mut reader = compatible();
    reader.register::<Point>(41).unwrap();
    reader.register::<Size>(42).unwrap();
    reader.register::<PointsThenSizes>(43).unwrap();
    let err = reader.deserialize::<PointsThenSizes>(&bytes).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("42") || message.contains("Size"),
        "{message}"
    );

    // The same payload read with the writer's own types.
    let mut same = compatible();
    same.register::<Point>(41).unwrap();
    same.register::<ThreePointLists>(43).unwrap();
    assert_eq!(same.deserialize::<ThreePointLists>(&bytes).unwrap(), value);
}
