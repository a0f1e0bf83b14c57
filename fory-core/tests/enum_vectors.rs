//! Registered enums against pyfory 1.7.7 frames:
//!
//! ```python
//! class Color(enum.Enum): RED = 0; GREEN = 1; BLUE = 2
//! f = pyfory.Fory(xlang=True, compatible=C)
//! f.register(Color, type_id=101)            # or name="example.Color"
//! f.serialize(v).hex()
//! ```
//!
//! The impls below are what the derive will generate, written by hand.

mod common;

use common::{both_with as both, hex, reads_with as reads, unhex};
use std::collections::BTreeMap;

use fory_core::__private::resolver::{UserKind, UserType};
use fory_core::__private::serializer::{
    read_enum_data, read_enum_type_info, write_enum_data, write_enum_type_info, ForyEnum,
};
use fory_core::context::{ReadContext, WriteContext};
use fory_core::types::TypeId;
use fory_core::{Deserialize, Fory, Result, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Color {
    Red,
    Green,
    Blue,
}

impl UserType for Color {
    const KIND: UserKind = UserKind::Enum;
}

impl ForyEnum for Color {
    fn ordinal(&self) -> u32 {
        *self as u32
    }
    fn from_ordinal(ordinal: u32) -> Option<Self> {
        [Color::Red, Color::Green, Color::Blue]
            .get(ordinal as usize)
            .copied()
    }
}

impl Serialize for Color {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        write_enum_type_info::<Self>(ctx)
    }
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        write_enum_data(self, ctx)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        read_enum_type_info::<Self>(ctx)
    }
    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        read_enum_data(ctx)
    }
    fn declared_type_id() -> TypeId {
        TypeId::Enum
    }
}

fn fory(compatible: bool, by_name: bool) -> Fory {
    let mut f = Fory::builder().compatible(compatible).build();
    if by_name {
        f.register_by_name::<Color>("example", "Color").unwrap();
    } else {
        f.register::<Color>(101).unwrap();
    }
    f
}

#[test]
fn enum_by_id_in_both_modes() {
    for compatible in [false, true] {
        let f = fory(compatible, false);
        both(&f, Color::Green, "01ff196501");
        both(&f, vec![Color::Green, Color::Blue], "01ff16020819650102");
    }
}

#[test]
fn enum_by_name_schema_consistent() {
    let f = fory(false, true);
    // Java 1.6.0 and Go 1.6.1 (`withCompatible(false)`, registered as "example"/"Color"): the
    // namespace "example" as ALL_TO_LOWER_SPECIAL (04) and the type name "Color" as
    // FIRST_TO_LOWER_SPECIAL (03), as stream meta strings.
    both(&f, Color::Green, "01ff1a0a0412e063d640080389cb744001");
    both(
        &f,
        vec![Color::Green, Color::Blue],
        "01ff1602081a0a0412e063d640080389cb74400102",
    );
    // pyfory tags the same namespace bytes LOWER_SPECIAL (01); the second occurrence refers back
    // to both strings (03, 05).
    reads(&f, Color::Green, "01ff1a0a0112e063d640080389cb744001");
    reads(
        &f,
        BTreeMap::from([(Color::Red, Color::Green)]),
        "01ff180100011a0a0112e063d640080389cb74401a03050001",
    );
    let ours = f
        .serialize(&BTreeMap::from([(Color::Red, Color::Green)]))
        .unwrap();
    assert_eq!(
        hex(&ours),
        "01ff180100011a0a0412e063d640080389cb74401a03050001"
    );
}

#[test]
fn enum_by_name_compatible_uses_a_shared_type_def() {
    let f = fory(true, true);
    both(
        &f,
        Color::Green,
        "01ff1a000ce02e7992d35970011512e063d6401389cb744001",
    );
    both(
        &f,
        BTreeMap::from([(Color::Red, Color::Green)]),
        "01ff180100011a000ce02e7992d35970011512e063d6401389cb74401a010001",
    );
}

#[test]
fn long_names_carry_a_hash() {
    let mut f = Fory::default();
    f.register_by_name::<Color>("example.very.long.namespace", "AVeryLongColorTypeName")
        .unwrap();
    // pyfory's namespace is LOWER_SPECIAL, ours (Java's) ALL_TO_LOWER_SPECIAL: the same bytes,
    // but the encoding is the low byte of the hash, so we only read pyfory's frame here.
    reads(
        &f,
        Color::Green,
        "01ff1a220107a43c2de17d4412e063d64d5491c696e69b4d03092780442202d23f6bc4a5d9de357888b129c68ce1c59c8dac1e24e0182001",
    );
    let mut f = Fory::builder().compatible(true).build();
    f.register_by_name::<Color>("example.very.long.namespace", "AVeryLongColorTypeName")
        .unwrap();
    both(
        &f,
        Color::Green,
        "01ff1a0025d099359be4074a014512e063d64d5491c696e69b4d030927804446357888b129c68ce1c59c8dac1e24e0182001",
    );
}

#[test]
fn unregistered_and_mismatched_types_are_errors() {
    let unregistered = Fory::default();
    let err = unregistered.serialize(&Color::Red).unwrap_err();
    assert!(err.to_string().contains("is not registered"), "{err}");
    let err = unregistered
        .deserialize::<Color>(&unhex("01ff196501"))
        .unwrap_err();
    assert!(err.to_string().contains("not registered"), "{err}");
    // Registered under another id.
    let mut other = Fory::default();
    other.register::<Color>(7).unwrap();
    let err = other
        .deserialize::<Color>(&unhex("01ff196501"))
        .unwrap_err();
    assert!(err.to_string().contains("user id 101"), "{err}");
    // Registered under another name.
    let mut other = Fory::default();
    other.register_by_name::<Color>("other", "Color").unwrap();
    let err = other
        .deserialize::<Color>(&unhex("01ff1a0a0112e063d640080389cb744001"))
        .unwrap_err();
    assert!(err.to_string().contains("example.Color"), "{err}");
    // An ordinal with no variant.
    let err = fory(false, false)
        .deserialize::<Color>(&unhex("01ff196507"))
        .unwrap_err();
    assert!(err.to_string().contains("7 for"), "{err}");
    // A meta string reference to an index never written.
    let err = fory(false, true)
        .deserialize::<Color>(&unhex("01ff1a0301"))
        .unwrap_err();
    assert!(err.to_string().contains("earlier meta string"), "{err}");
    // Registering twice.
    let mut f = Fory::default();
    f.register::<Color>(1).unwrap();
    assert!(f.register::<Color>(2).is_err());
}

#[test]
fn registered_types_inside_dynamically_typed_lists() {
    use fory_core::Value;
    use std::any::Any;
    // pyfory: serialize([Color.RED, 1, Color.GREEN]) with Color registered by name.
    for (compatible, peer) in [
        (
            false,
            "01ff1603001a0a0112e063d640080389cb74400007021a030501",
        ),
        (
            true,
            "01ff1603001a000ce02e7992d35970011512e063d6401389cb74400007021a0101",
        ),
    ] {
        let f = fory(compatible, true);
        let items: Vec<Box<dyn Any>> = f.deserialize(&unhex(peer)).unwrap();
        assert_eq!(items[0].downcast_ref::<Color>(), Some(&Color::Red));
        assert_eq!(items[1].downcast_ref::<Value>(), Some(&Value::Int64(1)));
        assert_eq!(items[2].downcast_ref::<Color>(), Some(&Color::Green));
        let ours = f.serialize(&items).unwrap();
        if compatible {
            // Java writes the same TypeDef, so pyfory's bytes are Java's here.
            assert_eq!(hex(&ours), peer);
        } else {
            // Only the namespace's encoding tag differs (Java's 04 where pyfory writes 01).
            assert_eq!(hex(&ours), peer.replacen("0a01", "0a04", 1));
        }
    }
    // A type that is not registered cannot be written from a Box<dyn Any>.
    let items: Vec<Box<dyn Any>> = vec![Box::new(3u8)];
    let err = Fory::default().serialize(&items).unwrap_err();
    assert!(err.to_string().contains("not registered"), "{err}");
    // An unregistered user type on the wire cannot be read into one.
    let err = Fory::default()
        .deserialize::<Vec<Box<dyn Any>>>(&unhex(
            "01ff1603001a0a0112e063d640080389cb74400007021a030501",
        ))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("example.Color, which is not registered"),
        "{err}"
    );
}

#[test]
fn registered_types_inside_values() {
    use fory_core::UserValue;
    use fory_core::Value;
    // pyfory (compatible): serialize([Color.RED, 1, Color.GREEN]).
    let peer = "01ff1603001a000ce02e7992d35970011512e063d6401389cb74400007021a0101";
    let f = fory(true, true);
    let v: Value = f.deserialize(&unhex(peer)).unwrap();
    let Value::List(items) = &v else {
        panic!("{v:?}")
    };
    let Value::User(first) = &items[0] else {
        panic!("{v:?}")
    };
    assert_eq!(first.downcast_ref::<Color>(), Some(&Color::Red));
    assert_eq!(items[1], Value::Int64(1));
    assert_eq!(hex(&f.serialize(&v).unwrap()), peer);
    let built = Value::List(vec![
        Value::User(UserValue::new(Color::Red)),
        Value::Int64(1),
        Value::User(UserValue::new(Color::Green)),
    ]);
    assert_eq!(hex(&f.serialize(&built).unwrap()), peer);
}

#[derive(fory_core::ForyObject, Debug, Clone, Copy, PartialEq, Default)]
enum Size {
    #[default]
    S,
    M,
}

/// Two named enums in one namespace: the namespace meta string is written once and referred to
/// (`03`) the second time. Java 1.6.0, `List.of(Color.GREEN, Size.M)` with both enums registered
/// as `example.Color` / `example.Size`, schema-consistent.
#[test]
fn a_shared_namespace_is_written_once_as_java_does() {
    use fory_core::UserValue;
    use fory_core::Value;
    #[derive(fory_core::ForyObject, Debug, Clone, Copy, PartialEq, Default)]
    enum Color {
        #[default]
        Red,
        Green,
    }
    let mut fory = fory_core::Fory::builder().compatible(false).build();
    fory.register_by_name::<Color>("example", "Color").unwrap();
    fory.register_by_name::<Size>("example", "Size").unwrap();
    let java = "01ff1602001a0a0412e063d640080389cb7440011a03060349192001";
    let value = Value::List(vec![
        Value::User(UserValue::new(Color::Green)),
        Value::User(UserValue::new(Size::M)),
    ]);
    assert_eq!(common::hex(&fory.serialize(&value).unwrap()), java);
    let back: Value = fory.deserialize(&common::unhex(java)).unwrap();
    let Value::List(items) = back else {
        panic!("a list")
    };
    assert_eq!(items.len(), 2);
}

/// A by-name enum's type id is followed by a TypeDef (compatible mode) or by two meta strings
/// (schema-consistent); with nothing else in the payload to show the mode, the reader tells them
/// apart by the bytes, even where both start with `00` (TypeDef 0, or an empty namespace).
#[test]
fn a_by_name_enum_reads_in_the_mode_it_was_written_in() {
    for namespace in ["example", ""] {
        let build = |compatible: bool| {
            let mut f = Fory::builder().compatible(compatible).build();
            f.register_by_name::<Color>(namespace, "Color").unwrap();
            f
        };
        for writer in [false, true] {
            let bytes = build(writer).serialize(&Color::Blue).unwrap();
            for reader in [false, true] {
                let back: Color = build(reader).deserialize(&bytes).unwrap_or_else(|e| {
                    panic!("namespace {namespace:?}, written compatible={writer}: {e}")
                });
                assert_eq!(back, Color::Blue);
                let list = build(writer)
                    .serialize(&vec![Color::Green, Color::Blue])
                    .unwrap();
                let back: Vec<Color> = build(reader).deserialize(&list).unwrap();
                assert_eq!(back, [Color::Green, Color::Blue]);
            }
        }
    }
    // The empty namespace of a schema-consistent payload is the meta string `00`.
    let mut f = Fory::builder().compatible(false).build();
    f.register_by_name::<Color>("", "Color").unwrap();
    assert_eq!(
        &f.serialize(&Color::Blue).unwrap()[..4],
        [0x01, 0xff, 0x1a, 0x00]
    );
}
