//! A list field holding only nulls. Java 1.6.0 writes a declared element type of a final class
//! (`List<Double>`, `List<String>`) as `0e` (same type, declared, has null) followed by the null
//! flags, whatever the elements are; Apache Fory Rust 1.7.7 writes the same and reads a declared
//! field's list only in that form (`02 fd fd`, with no type named, fails there with "ID harness
//! not found" for a list of structs and "Type mismatch: local FLOAT64 vs remote UNKNOWN_TYPE"
//! for a list of float64). The frames below were written by Java:
//!
//! ```java
//! public static class Lists { public List<Double> numbers; public List<String> texts; }
//! Fory f = Fory.builder().withLanguage(Language.XLANG).withCompatible(C).build();
//! f.register(Lists.class, 235);
//! l.numbers = Arrays.asList(null, null); l.texts = Arrays.asList((String) null);
//! ```

mod common;

use common::{both_with, hex};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, PartialEq, Default)]
struct Lists {
    numbers: Vec<Option<f64>>,
    texts: Vec<Option<String>>,
}

#[derive(ForyObject, Debug, PartialEq, Default)]
struct Inner {
    x: i32,
}

#[derive(ForyObject, Debug, PartialEq, Default)]
struct Inners {
    inners: Vec<Option<Inner>>,
}

fn fory(compatible: bool) -> Fory {
    let mut fory = Fory::builder().compatible(compatible).build();
    fory.register::<Lists>(235).unwrap();
    fory.register::<Inner>(205).unwrap();
    fory.register::<Inners>(236).unwrap();
    fory
}

fn all_null() -> Lists {
    Lists {
        numbers: vec![None, None],
        texts: vec![None],
    }
}

#[test]
fn all_null_lists_as_java_writes_them() {
    both_with(&fory(false), all_null(), "01ff1beb018625a502020efdfd010efd");
    both_with(
        &fory(true),
        all_null(),
        "01ff1c0012104e8401511877c2eb01501652368c0923204c1656cc979c80020efdfd010efd",
    );
}

#[test]
fn a_schema_consistent_list_of_structs_holding_only_nulls_declares_its_type() {
    // Java writes this one with the element type java.lang.Object, which no peer (Java
    // included) reads back; the declared form is what Apache Fory Rust reads and what Java
    // writes for any other declared element type.
    let bytes = fory(false)
        .serialize(&Inners {
            inners: vec![None, None],
        })
        .unwrap();
    assert!(hex(&bytes).ends_with("020efdfd"), "{}", hex(&bytes));
    let back: Inners = fory(false).deserialize(&bytes).unwrap();
    assert_eq!(back.inners, vec![None, None]);
}

#[test]
fn the_undeclared_form_still_reads() {
    // `02 fd fd`: has null, no element type (what this library wrote before, and what a
    // writer with no declared type may send).
    let consistent = "01ff1beb018625a5020202fdfd0102fd";
    let back: Lists = fory(false).deserialize(&common::unhex(consistent)).unwrap();
    assert_eq!(back, all_null());
}
