//! The forms in which Java 1.6.0 and pyfory 1.6.0 / 1.7.7 write user types inside structs, and
//! the errors a schema-consistent reader gives when a struct differs. The frames were written by
//! the peers with the types of `xlang-tests/CASES.md` (`Outer` 204 `{name, inner, count}`,
//! `Inner` `{x: int32, label}`, `WithEnum` 207 `{color, count}`, `Color` `RED, GREEN, BLUE`):
//!
//! ```python
//! f = pyfory.Fory(xlang=True, compatible=C)
//! f.register(Outer, type_id=204); f.register(Inner, name="example.Inner")
//! f.serialize(Outer(name="outer", inner=Inner(x=7, label="in"), count=2)).hex()
//! ```
//!
//! and the same registrations on `Fory.builder().withXlang(true).withCompatible(C)` in Java.

mod common;

use common::{hex, reads_with, unhex};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, PartialEq, Default, Clone)]
struct Inner {
    x: i32,
    label: String,
}

#[derive(ForyObject, Debug, PartialEq, Default, Clone)]
struct Outer {
    name: String,
    inner: Inner,
    count: i32,
}

#[derive(ForyObject, Debug, PartialEq, Default, Clone, Copy)]
enum Color {
    #[default]
    Red,
    Green,
    Blue,
}

#[derive(ForyObject, Debug, PartialEq, Default)]
struct WithEnum {
    color: Color,
    count: i32,
}

fn outer() -> Outer {
    Outer {
        name: "outer".into(),
        inner: Inner {
            x: 7,
            label: "in".into(),
        },
        count: 2,
    }
}

/// `Outer` by id 204 and `Inner` by name `example.Inner`.
fn nested_fory(compatible: bool, pyfory_form: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .named_struct_field_type_info(pyfory_form)
        .build();
    fory.register::<Outer>(204).unwrap();
    fory.register_by_name::<Inner>("example", "Inner").unwrap();
    fory
}

/// Java writes no type info before a nested struct field in schema-consistent mode, whether its
/// type is registered by id or by name.
const JAVA_NESTED_BY_NAME: &str = "01ff1bcc01475201a304abaee4250e08696e146f75746572";
/// pyfory writes `NAMED_STRUCT`, the namespace (LOWER_SPECIAL) and the type name before it.
const PYFORY_NESTED_BY_NAME: &str =
    "01ff1bcc01475201a3041d0a0112e063d6400803a1ad2440abaee4250e08696e146f75746572";
/// In compatible mode the two write the same bytes: the field type in Outer's TypeDef is
/// NAMED_COMPATIBLE_STRUCT (`1e`), and the field carries Inner's TypeDef.
const BOTH_NESTED_BY_NAME_COMPATIBLE: &str = "01ff1c0014a0f977f565d030c3cc014c0589d46cc04c1ea1ad24404815340c20041e0215e064657197f248e21512e063d64013a1ad244040055c4c15ac0122c00e08696e146f75746572";

#[test]
fn a_by_name_nested_struct_reads_in_java_s_and_pyfory_s_form() {
    for compatible in [false, true] {
        for pyfory_form in [false, true] {
            let fory = nested_fory(compatible, pyfory_form);
            reads_with(&fory, outer(), JAVA_NESTED_BY_NAME);
            reads_with(&fory, outer(), PYFORY_NESTED_BY_NAME);
            reads_with(&fory, outer(), BOTH_NESTED_BY_NAME_COMPATIBLE);
        }
    }
}

#[test]
fn a_by_name_nested_struct_is_written_in_the_form_asked_for() {
    let java = nested_fory(false, false).serialize(&outer()).unwrap();
    assert_eq!(hex(&java), JAVA_NESTED_BY_NAME);
    // pyfory writes the namespace `example` as LOWER_SPECIAL (`01`), we as Java's
    // ALL_TO_LOWER_SPECIAL (`04`): the same bytes under another encoding id, read by both.
    let pyfory = nested_fory(false, true).serialize(&outer()).unwrap();
    assert_eq!(
        hex(&pyfory),
        PYFORY_NESTED_BY_NAME.replace("0a0112e063d640", "0a0412e063d640")
    );
    // An Option field of it too, and the setting changes nothing in compatible mode.
    let compatible = nested_fory(true, true).serialize(&outer()).unwrap();
    assert_eq!(hex(&compatible), BOTH_NESTED_BY_NAME_COMPATIBLE);
}

#[test]
fn an_optional_by_name_nested_struct_gets_type_info_after_its_flag() {
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct Holder {
        inner: Option<Inner>,
    }
    let build = |pyfory_form| {
        let mut fory = Fory::builder()
            .compatible(false)
            .named_struct_field_type_info(pyfory_form)
            .build();
        fory.register::<Holder>(1).unwrap();
        fory.register_by_name::<Inner>("example", "Inner").unwrap();
        fory
    };
    let value = Holder {
        inner: Some(outer().inner),
    };
    let java = build(false).serialize(&value).unwrap();
    let pyfory = build(true).serialize(&value).unwrap();
    // header, flag, STRUCT 1, hash: then the field's not-null flag, and type info or the hash.
    assert_eq!(&java[8..10], [0xff, 0xab]);
    assert_eq!(&pyfory[8..10], [0xff, 0x1d]);
    for bytes in [&java, &pyfory] {
        assert_eq!(build(false).deserialize::<Holder>(bytes).unwrap(), value);
    }
    let none = build(true).serialize(&Holder { inner: None }).unwrap();
    assert_eq!(&none[8..], [0xfd]);
}

/// Java and pyfory write an enum field's TypeDef type as ENUM (`19`) whether the enum is
/// registered by id or by name: these bytes are Java's and pyfory's for `WithEnum` (207) with
/// `Color` registered as `example.Color`, and for `Color` registered by id 101.
#[test]
fn an_enum_field_is_typed_enum_in_typedefs_whether_registered_by_id_or_name() {
    let peers = "01ff1c000f40367176aa510ac2cf014c0589d46cc04c1989cb74400602";
    for by_name in [false, true] {
        let mut fory = Fory::default();
        fory.register::<WithEnum>(207).unwrap();
        if by_name {
            fory.register_by_name::<Color>("example", "Color").unwrap();
        } else {
            fory.register::<Color>(101).unwrap();
        }
        let value = WithEnum {
            color: Color::Blue,
            count: 3,
        };
        assert_eq!(hex(&fory.serialize(&value).unwrap()), peers);
        reads_with(&fory, value, peers);
    }
}

/// A schema-consistent reader whose struct differs from the writer's names what differs when
/// one change explains the hash.
#[test]
fn a_schema_hash_mismatch_says_what_differs() {
    #[derive(ForyObject, Debug, PartialEq, Default)]
    #[fory(name = "Point")]
    struct Wide {
        x: i64,
        y: i32,
    }
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct Point {
        x: i32,
        y: i32,
    }
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct MaybePoint {
        x: Option<i32>,
        y: i32,
    }
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct Flat {
        y: i32,
    }
    fn fory_with<T: fory_core::Registrable>() -> Fory {
        let mut fory = Fory::builder().compatible(false).build();
        fory.register::<T>(1).unwrap();
        fory
    }
    let point = fory_with::<Point>()
        .serialize(&Point { x: 1, y: 2 })
        .unwrap();
    let err = |bytes: &[u8], reader: Fory| reader.deserialize::<Wide>(bytes).unwrap_err();

    let e = err(&point, fory_with::<Wide>()).to_string();
    assert!(
        e.starts_with("invalid input at byte 4: expected the schema hash"),
        "{e}"
    );
    assert!(
        e.contains("field `x` is VARINT32 (5) on the writer's side, VARINT64 (7) here"),
        "{e}"
    );
    let e = fory_with::<MaybePoint>()
        .deserialize::<MaybePoint>(&point)
        .unwrap_err()
        .to_string();
    assert!(e.contains("field `x` is nullable here only"), "{e}");
    let e = fory_with::<Flat>()
        .deserialize::<Flat>(&fory_with::<Point>().serialize(&Point::default()).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("other fields"), "{e}");
    let e = fory_with::<Point>()
        .deserialize::<Point>(&fory_with::<Flat>().serialize(&Flat::default()).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("the writer's struct has no field `x`"), "{e}");
}

/// Type info that names another type where a nested struct's hash was expected.
#[test]
fn type_info_naming_another_type_where_a_hash_was_expected() {
    // The type name `Inner` (`a1ad2440`) replaced by `Outer` (`ba932440`, as pyfory encodes it).
    let bytes = unhex(&PYFORY_NESTED_BY_NAME.replacen("0803a1ad2440", "0803ba932440", 1));
    let e = nested_fory(false, false)
        .deserialize::<Outer>(&bytes)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("expected the schema hash of the target struct"),
        "{e}"
    );
    assert!(e.contains("found type info that does not name"), "{e}");
    assert!(e.contains("type example.Outer, but the target is"), "{e}");
}

#[test]
fn registration_errors_say_cannot_register() {
    let mut fory = Fory::default();
    fory.register::<Inner>(5).unwrap();
    let e = fory.register::<Outer>(5);
    // Another kind could share the id; the same kind cannot.
    assert!(e.is_err());
    let e = e.unwrap_err().to_string();
    assert!(
        e.starts_with("cannot register: user id 5 is already registered"),
        "{e}"
    );
    let e = fory.register_by_name::<Outer>("example", "").unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot register: a type name must not be empty"
    );
}

/// Java writes a class whose evolution is disabled (`@ForyStruct(evolution =
/// Evolution.DISABLED)`) as STRUCT / NAMED_STRUCT in compatible mode too, with no schema hash;
/// by name, its type info is a TypeDef. `Fixed {f1: "a", n: 5}`, registered as 300 or
/// `test.fixed`, from `Fory.builder().withXlang(true).withCompatible(true)`:
#[test]
fn java_s_struct_without_evolution_in_compatible_mode() {
    #[derive(ForyObject, Debug, PartialEq, Default)]
    struct Fixed {
        f1: String,
        n: i32,
    }
    let value = || Fixed {
        f1: "a".into(),
        n: 5,
    };
    let by_id = "01ff1bac020a0461";
    let by_name = "01ff1d0011a07628c8d37503a20d4c929811951720c040053484150ba80a0461";
    for compatible in [false, true] {
        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register_by_name::<Fixed>("test", "fixed").unwrap();
        // The TypeDef after NAMED_STRUCT shows compatible mode whatever the reader's.
        reads_with(&fory, value(), by_name);

        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register::<Fixed>(300).unwrap();
        if compatible {
            reads_with(&fory, value(), by_id);
        } else {
            // A STRUCT first in a payload shows its mode only by its hash: with none, a
            // schema-consistent reader cannot tell it from a struct that differs, and says both.
            let e = fory
                .deserialize::<Fixed>(&unhex(by_id))
                .unwrap_err()
                .to_string();
            assert!(e.contains("expected the schema hash"), "{e}");
            assert!(e.contains("compatible(true) reads it"), "{e}");
        }
    }
}

/// A pyfory field annotated with a bare `np.ndarray` is declared UNKNOWN in its TypeDef
/// (`... 5c` field header, type 0), and its value carries its own type info (`38`,
/// FLOAT64_ARRAY). A compatible-mode `Vec<f64>` field reads that value: the TypeDef says only
/// "any type", and the value's own type fits. Written by pyfory 1.6.0 and 1.7.7 alike:
///
/// ```python
/// @dataclass
/// class Probe:
///     name: str = ""
///     temperatures: np.ndarray = None
/// f = pyfory.Fory(xlang=True); f.register(Probe, type_id=40)
/// f.serialize(Probe("p", np.array([1.5, -2.0]))).hex()
/// ```
#[derive(ForyObject, Debug, PartialEq, Default)]
struct Probe {
    name: String,
    temperatures: Vec<f64>,
}

const PYFORY_PROBE: &str = "01ff1c00110006974237465ec2284815340c205c004c8c792209d22490047038\
                            10000000000000f83f00000000000000c0";

#[test]
fn a_field_a_peer_declares_unknown_reads_the_value_s_own_type() {
    let mut fory = Fory::default();
    fory.register::<Probe>(40).unwrap();
    let value = Probe {
        name: "p".into(),
        temperatures: vec![1.5, -2.0],
    };
    reads_with(&fory, value, PYFORY_PROBE);
}

/// The same field holding a value the local field cannot take is an error naming it, never a
/// silent default.
#[derive(ForyObject, Debug, PartialEq, Default)]
#[fory(name = "Probe")]
struct ProbeAsText {
    name: String,
    temperatures: String,
}

#[test]
fn an_unknown_field_whose_value_does_not_fit_is_an_error() {
    let mut fory = Fory::default();
    fory.register::<ProbeAsText>(40).unwrap();
    let err = fory
        .deserialize::<ProbeAsText>(&unhex(PYFORY_PROBE))
        .unwrap_err();
    assert!(err.to_string().contains("FLOAT64_ARRAY"), "{err}");
}
