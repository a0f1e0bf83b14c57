//! A list field of shared structs holding nulls, tracking on. With reference flags a null is the
//! flag `fd`, so Java 1.6.0 leaves the list header's null bit out: `0d` (tracking, declared,
//! same type) in schema-consistent mode, `09` and the element's TypeDef in compatible mode
//! (pyfory and Go write the bit: `0b`). Found by the generative suite (seed 1, case 5); the
//! frames below were written by Java (its random peer):
//!
//! ```java
//! public static class Holder { public List<@Ref @Nullable Item> fa; }
//! public static class Item { public int fa; }
//! Fory f = Fory.builder().withXlang(true).withCompatible(C).withRefTracking(true).build();
//! f.register(Holder.class, 100); f.register(Item.class, 101);
//! Item s = new Item(); s.fa = 7; h.fa = Arrays.asList(null, s, s);
//! ```

mod common;

use std::rc::Rc;

use common::{hex, unhex};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, PartialEq, Default)]
struct Item {
    fa: i32,
}

#[derive(ForyObject, Debug, PartialEq, Default)]
struct Holder {
    fa: Vec<Option<Rc<Item>>>,
}

fn fory(compatible: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .ref_tracking(true)
        .build();
    fory.register::<Holder>(100).unwrap();
    fory.register::<Item>(101).unwrap();
    fory
}

/// Writes Java's bytes, and reads them back to one shared object.
fn check(compatible: bool, java: &str) {
    let fory = fory(compatible);
    let s = Rc::new(Item { fa: 7 });
    let value = Holder {
        fa: vec![None, Some(s.clone()), Some(s)],
    };
    assert_eq!(hex(&fory.serialize(&value).unwrap()), java);
    let read: Holder = fory.deserialize(&unhex(java)).unwrap();
    assert_eq!(read, value);
    let (a, b) = (read.fa[1].as_ref().unwrap(), read.fa[2].as_ref().unwrap());
    assert!(Rc::ptr_eq(a, b), "one object, read twice");
}

#[test]
fn schema_consistent_header_has_no_null_bit() {
    check(false, "01001b640c994ebd030dfd00916ed3570efe01");
}

#[test]
fn compatible_header_has_no_null_bit() {
    check(
        true,
        "01001c0007e07c6961986e0bc164441673940003091c020610aefab0297133c16544059400fd000efe01",
    );
}
