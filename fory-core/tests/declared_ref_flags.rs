//! The reference flags (tracking on) of the elements, keys and values of collections that a
//! struct field declares, as Java 1.6.0 writes them. Each frame is
//!
//! ```java
//! Fory f = Fory.builder().withXlang(true).withCompatible(C).withRefTracking(true)
//!     .requireClassRegistration(true).build();
//! f.register(Inner.class, 205); f.register(Holder.class, 250);
//! f.serialize(holder);
//! ```
//!
//! (and `f.registerUnion(Choice.class, 112, new UnionSerializer(f.getTypeResolver(),
//! Choice.class))`) for a `Holder` with the one field `fa` of the type each test names, `Inner
//! {int x; String label}` = `{x: 1, label: "i"}` and the union `Choice` of `ref_union_cases`
//! (case 0 `int32`, case 1 `string`, case 2 `Inner`) = case 0 with 7. In schema-consistent mode
//! Java tracks a declared element of a collection, map, array, binary, struct or union type; in
//! compatible mode only a `@Ref` one (an `Rc` here) and a union; an annotated type use
//! (`List<@Nullable List<String>>`, an `Option` here) only when it is `@Ref`. A struct key or
//! value of a map is never declared: its type info is in the chunk.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::rc::Rc;

use common::both_with;
use fory_core::Registrable;
use fory_core::{Deserialize, Fory, ForyObject, Serialize};

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Inner {
    x: i32,
    label: String,
}

fn inner() -> Inner {
    Inner {
        x: 1,
        label: "i".to_string(),
    }
}

#[derive(ForyObject, Debug, Clone, PartialEq)]
enum Choice {
    Number(i32),
    Text(String),
    Inner(Inner),
}

impl Default for Choice {
    fn default() -> Self {
        Choice::Number(0)
    }
}

fn strings() -> Vec<String> {
    vec!["a".to_string()]
}

/// Our bytes for `holder` equal Java's in both modes, and Java's read back to it.
fn java<T>(holder: T, schema_consistent: &str, compatible: &str)
where
    T: Registrable + Serialize + for<'de> Deserialize<'de> + PartialEq + Debug + Clone + 'static,
{
    for (mode, peer) in [(false, schema_consistent), (true, compatible)] {
        let mut fory = Fory::builder().compatible(mode).ref_tracking(true).build();
        fory.register::<Inner>(205).unwrap();
        fory.register::<Choice>(112).unwrap();
        fory.register::<T>(250).unwrap();
        both_with(&fory, holder.clone(), peer);
    }
}

macro_rules! holder {
    ($name:ident, $ty:ty) => {
        #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
        struct $name {
            fa: $ty,
        }
    };
}

holder!(ListOfStructs, Vec<Inner>);
holder!(ListOfNullableStructs, Vec<Option<Inner>>);
holder!(MapToStructs, BTreeMap<String, Inner>);
holder!(MapOfStructs, BTreeMap<Inner, i32>);
holder!(ListOfLists, Vec<Vec<String>>);
holder!(ListOfNullableLists, Vec<Option<Vec<String>>>);
holder!(ListOfSharedLists, Vec<Rc<Vec<String>>>);
holder!(ListOfBinaries, Vec<Vec<u8>>);
holder!(ListOfArrays, Vec<Vec<i64>>);
holder!(ListOfMaps, Vec<BTreeMap<String, i64>>);
holder!(SetOfLists, BTreeSet<Vec<String>>);
holder!(MapOfListsOfLists, BTreeMap<String, Vec<Vec<String>>>);
holder!(MapFromLists, BTreeMap<Vec<String>, i64>);
holder!(ListOfStrings, Vec<String>);
holder!(ListOfUnions, Vec<Choice>);
holder!(ListOfNullableUnions, Vec<Option<Choice>>);
holder!(MapToUnions, BTreeMap<String, Choice>);

/// `List<Inner>`: `0d 00` (tracked, declared) in schema-consistent mode; `08` and the type info
/// in compatible mode.
#[test]
fn list_of_structs() {
    java(
        ListOfStructs { fa: vec![inner()] },
        "01001bfa010c994ebd010d00abaee425020469",
        "01001c0008f005ad785deb79c1fa01441672940001081c020cc036c95d93aa23c2cd0140055c4c15ac0122c0020469",
    );
}

/// `List<@Nullable Inner>`: `0c`, untracked, in both modes' declared form.
#[test]
fn list_of_nullable_structs() {
    java(
        ListOfNullableStructs {
            fa: vec![Some(inner())],
        },
        "01001bfa010c994ebd010cabaee425020469",
        "01001c0008f005ad785deb79c1fa01441672940001081c020cc036c95d93aa23c2cd0140055c4c15ac0122c0020469",
    );
}

/// `Map<String, Inner>`: chunk header `0c` (key declared, value tracked) and the value's type
/// info `1b cd01` in schema-consistent mode; `04` and the TypeDef in compatible mode.
#[test]
fn map_to_structs() {
    java(
        MapToStructs {
            fa: BTreeMap::from([("k".to_string(), inner())]),
        },
        "01001bfa01783abf11010c011bcd01046b00abaee425020469",
        "01001c0009700eb3263ed97bc1fa014418567294000104011c020cc036c95d93aa23c2cd0140055c4c15ac0122c0046b020469",
    );
}

/// `Map<Inner, Integer>`: chunk header `21` (key tracked, value declared) in schema-consistent
/// mode, `20` in compatible mode.
#[test]
fn map_with_struct_keys() {
    java(
        MapOfStructs {
            fa: BTreeMap::from([(inner(), 3)]),
        },
        "01001bfa0165bf86480121011bcd0100abaee42502046906",
        "01001c0009402ef08166056bc1fa014418721694000120011c020cc036c95d93aa23c2cd0140055c4c15ac0122c002046906",
    );
}

/// `List<List<String>>`, `Set<List<String>>`, `List<byte[]>`, `List<long[]>`,
/// `List<Map<String, Long>>`: `0d 00` in schema-consistent mode, `0c` in compatible mode.
#[test]
fn collections_of_collections() {
    java(
        ListOfLists {
            fa: vec![strings()],
        },
        "01001bfa01f120bc2d010d00010c0461",
        "01001c0009804a5d149fc803c1fa0144165a569400010c010c0461",
    );
    java(
        SetOfLists {
            fa: BTreeSet::from([strings()]),
        },
        "01001bfa017c3db7ea010d00010c0461",
        "01001c00099075e95e60bd10c1fa0144175a569400010c010c0461",
    );
    java(
        ListOfBinaries { fa: vec![vec![1]] },
        "01001bfa01570af991010d000101",
        "01001c0009803068ff856052c1fa014416a6019400010c0101",
    );
    java(
        ListOfArrays { fa: vec![vec![1]] },
        "01001bfa0180a6a80f010d00080100000000000000",
        "01001c0009b098a5e4bceb2ec1fa014416be019400010c080100000000000000",
    );
    java(
        ListOfMaps {
            fa: vec![BTreeMap::from([("a".to_string(), 1)])],
        },
        "01001bfa01533f51c6010d00012401046102",
        "01001c000a205c051c81251dc1fa01441662561e9400010c012401046102",
    );
}

/// `Map<String, List<List<String>>>`: chunk header `2c` (value tracked) and the inner list `0d`
/// in schema-consistent mode, `24` and `0c` in compatible mode. `Map<List<String>, Long>`: `25`
/// (key tracked) and `24`.
#[test]
fn maps_of_collections() {
    java(
        MapOfListsOfLists {
            fa: BTreeMap::from([("k".to_string(), vec![strings()])]),
        },
        "01001bfa012620a8a9012c01046b00010d00010c0461",
        "01001c000b105b24e782a74fc1fa014418565a5a569400012401046b010c010c0461",
    );
    java(
        MapFromLists {
            fa: BTreeMap::from([(strings(), 1)]),
        },
        "01001bfa014599f57c01250100010c046102",
        "01001c000aa083e622058010c1fa0144185a561e9400012401010c046102",
    );
}

/// `List<@Nullable List<String>>`: `0c` in both modes; `List<@Ref List<String>>`: `0d 00` in both.
/// `List<String>`: `0c`.
#[test]
fn annotated_element_types() {
    java(
        ListOfNullableLists {
            fa: vec![Some(strings())],
        },
        "01001bfa01f120bc2d010c010c0461",
        "01001c0009804a5d149fc803c1fa0144165a569400010c010c0461",
    );
    java(
        ListOfSharedLists {
            fa: vec![Rc::new(strings())],
        },
        "01001bfa01f120bc2d010d00010c0461",
        "01001c0009d039eacfdbed0ac1fa0144165b569400010d00010c0461",
    );
    java(
        ListOfStrings { fa: strings() },
        "01001bfa01c8084e95010c0461",
        "01001c0008e0a63c3ae4b54ac1fa014416569400010c0461",
    );
}

/// `List<Choice>`: `0d 00` (tracked, declared) in both modes; `List<@Nullable Choice>`: `0c`.
/// `Map<String, Choice>`: chunk header `2c` (value tracked and declared) in both modes.
#[test]
fn unions() {
    java(
        ListOfUnions {
            fa: vec![Choice::Number(7)],
        },
        "01001bfa010c994ebd010d0000ff050e",
        "01001c0009c0f5a6f529ef15c1fa01441686019400010d0000ff050e",
    );
    java(
        ListOfNullableUnions {
            fa: vec![Some(Choice::Number(7))],
        },
        "01001bfa010c994ebd010c00ff050e",
        "01001c0009c0f5a6f529ef15c1fa01441686019400010c00ff050e",
    );
    java(
        MapToUnions {
            fa: BTreeMap::from([("k".to_string(), Choice::Number(7))]),
        },
        "01001bfa01783abf11012c01046b0000ff050e",
        "01001c000ab04b21d05b455ec1fa0144185686019400012c01046b0000ff050e",
    );
}
