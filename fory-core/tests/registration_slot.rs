//! Each user type remembers where its registration sits in the registry that looked it up
//! last. That index is a hint: several `Fory` instances registering the same types in a
//! different order, and a generic type's instantiations sharing one slot, must still write
//! and read each type under its own instance's registration.

use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Left {
    a: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Right {
    b: i32,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Wrapper<T: Default + 'static> {
    inner: T,
}

/// The user id written after the struct's type id: frame header, ref flag, type id, user id.
fn user_id_of(bytes: &[u8]) -> u8 {
    bytes[3]
}

#[test]
fn instances_with_different_registration_orders_each_use_their_own() {
    // `Left` is entry 0 in `first` and entry 1 in `second`.
    let mut first = Fory::builder().compatible(false).build();
    first.register::<Left>(10).unwrap();
    first.register::<Right>(20).unwrap();
    let mut second = Fory::builder().compatible(false).build();
    second.register::<Right>(21).unwrap();
    second.register::<Left>(11).unwrap();
    for _ in 0..3 {
        for (fory, left_id, right_id) in [(&first, 10, 20), (&second, 11, 21)] {
            let left = fory.serialize(&Left { a: 1 }).unwrap();
            let right = fory.serialize(&Right { b: 2 }).unwrap();
            assert_eq!(user_id_of(&left), left_id);
            assert_eq!(user_id_of(&right), right_id);
            assert_eq!(fory.deserialize::<Left>(&left).unwrap(), Left { a: 1 });
            assert_eq!(fory.deserialize::<Right>(&right).unwrap(), Right { b: 2 });
        }
    }
    // Each instance still rejects the other's ids.
    let left_by_second = second.serialize(&Left { a: 1 }).unwrap();
    assert!(first.deserialize::<Left>(&left_by_second).is_err());
}

#[test]
fn a_generic_type_s_instantiations_keep_their_own_registrations() {
    let mut fory = Fory::builder().compatible(false).build();
    fory.register::<Wrapper<i32>>(30).unwrap();
    fory.register::<Wrapper<String>>(31).unwrap();
    for _ in 0..3 {
        let ints = fory.serialize(&Wrapper { inner: 5i32 }).unwrap();
        let text = fory
            .serialize(&Wrapper {
                inner: "x".to_string(),
            })
            .unwrap();
        assert_eq!(user_id_of(&ints), 30);
        assert_eq!(user_id_of(&text), 31);
        let back: Wrapper<String> = fory.deserialize(&text).unwrap();
        assert_eq!(back.inner, "x");
        assert!(fory.deserialize::<Wrapper<String>>(&ints).is_err());
    }
}

#[test]
fn an_unregistered_type_is_still_an_error_after_another_instance_registered_it() {
    let mut registered = Fory::default();
    registered.register::<Left>(10).unwrap();
    registered.serialize(&Left { a: 1 }).unwrap();
    let empty = Fory::default();
    let err = empty.serialize(&Left { a: 1 }).unwrap_err();
    assert!(err.to_string().contains("is not registered"), "{err}");
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Outer {
    left: Left,
}

#[test]
fn schema_hashes_remembered_for_one_instance_are_not_used_by_another() {
    let mut full = Fory::default();
    let before = full.registry().stamp();
    full.register::<Left>(1).unwrap();
    assert_ne!(
        full.registry().stamp(),
        before,
        "a registration changes the stamp"
    );
    full.register::<Outer>(2).unwrap();
    let value = Outer {
        left: Left { a: 5 },
    };
    // Remembers `Outer`'s and `Left`'s hashes under `full`'s stamp.
    let bytes = full.serialize(&value).unwrap();
    assert_eq!(full.deserialize::<Outer>(&bytes).unwrap(), value);

    // `Left` is not registered here: `Outer`'s schema cannot be computed, whatever `full`
    // remembered.
    let mut partial = Fory::default();
    partial.register::<Outer>(2).unwrap();
    assert_ne!(partial.registry().stamp(), full.registry().stamp());
    let err = partial.serialize(&value).unwrap_err().to_string();
    assert!(err.contains("Left"), "{err}");
    assert!(partial.deserialize::<Outer>(&bytes).is_err());
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Wrappers {
    first_int: Wrapper<i32>,
    first_text: Wrapper<String>,
    second_int: Wrapper<i32>,
    second_text: Wrapper<String>,
}

#[test]
fn a_generic_struct_s_type_defs_are_written_once_and_referred_to_in_compatible_mode() {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<Wrappers>(40).unwrap();
    fory.register::<Wrapper<i32>>(41).unwrap();
    fory.register::<Wrapper<String>>(42).unwrap();
    let value = Wrappers {
        first_int: Wrapper { inner: 1 },
        first_text: Wrapper {
            inner: "a".to_string(),
        },
        second_int: Wrapper { inner: 2 },
        second_text: Wrapper {
            inner: "b".to_string(),
        },
    };
    let bytes = fory.serialize(&value).unwrap();
    // Each instantiation's TypeDef once; its second field refers back to it.
    let registry = fory.registry();
    for type_def in [
        &registry
            .get::<Wrapper<i32>>()
            .unwrap()
            .struct_info(registry)
            .unwrap()
            .type_def,
        &registry
            .get::<Wrapper<String>>()
            .unwrap()
            .struct_info(registry)
            .unwrap()
            .type_def,
    ] {
        let found = bytes
            .windows(type_def.len())
            .filter(|w| w == type_def)
            .count();
        assert_eq!(found, 1, "TypeDef {type_def:02x?} in {bytes:02x?}");
    }
    for _ in 0..3 {
        assert_eq!(fory.deserialize::<Wrappers>(&bytes).unwrap(), value);
    }
}
