//! Structs registered by id and by name, custom (EXT) serializers, unions and half-precision
//! floats.

use fory_core::Fory;

use super::fory;
use crate::session::{Outcome, Session};
use crate::types::{
    Color, EvolvingOverrideStruct, FixedOverrideStruct, Item, MyStruct, MyWrapper,
    ReducedPrecisionFloatStruct, SimpleStruct, StringOrLong, StructWithUnion2, VersionCheckStruct,
};
use crate::wire::MyExt;

/// `test_simple_struct`: a `SimpleStruct` (103) with an `Item` (102) and a `Color` (101).
pub fn simple_struct(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Color>(101)?;
    f.register::<Item>(102)?;
    f.register::<SimpleStruct>(103)?;
    s.echo::<SimpleStruct>(&f)
}

/// `test_named_simple_struct`: the same types registered by name in namespace `demo`.
pub fn named_simple_struct(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register_by_name::<Color>("demo", "color")?;
    f.register_by_name::<Item>("demo", "item")?;
    f.register_by_name::<SimpleStruct>("demo", "simple_struct")?;
    s.echo::<SimpleStruct>(&f)
}

/// `test_struct_evolving_override`: two one-field structs named `test.evolving_yes` and
/// `test.evolving_off`; Java writes the second as a NAMED_STRUCT (evolution disabled for that
/// class) although the instance is in compatible mode.
pub fn struct_evolving_override(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register_by_name::<EvolvingOverrideStruct>("test", "evolving_yes")?;
    f.register_by_name::<FixedOverrideStruct>("test", "evolving_off")?;
    s.echo::<EvolvingOverrideStruct>(&f)?;
    s.echo::<FixedOverrideStruct>(&f)
}

/// `test_struct_version_check`: a `VersionCheckStruct` (201), schema-consistent with the
/// schema hash checked.
pub fn struct_version_check(s: &mut Session) -> Outcome {
    let mut f = Fory::builder()
        .compatible(false)
        .check_struct_version(true)
        .build();
    f.register::<VersionCheckStruct>(201)?;
    s.echo::<VersionCheckStruct>(&f)
}

/// `test_skip_id_custom`: a `MyWrapper` (104) holding a `Color` (101), a `MyStruct` (102) and a
/// `MyExt` (103, custom serializer). The Java side reads the result as an empty struct, so
/// what matters is that the payload is a well-formed `MyWrapper`.
pub fn skip_id_custom(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Color>(101)?;
    f.register::<MyStruct>(102)?;
    f.register::<MyExt>(103)?;
    f.register::<MyWrapper>(104)?;
    s.echo::<MyWrapper>(&f)
}

/// `test_skip_name_custom`: [`skip_id_custom`] with every type registered by name (namespace
/// empty): `color`, `my_struct`, `my_ext`, `my_wrapper`. Java reads the result as an empty
/// struct that registers only `my_ext`, so it skips the enum and struct fields by their TypeDef
/// entries. Java 1.6.0 declares a by-name enum field as ENUM (0x19) there, as fory-core does,
/// and fails to skip one declared NAMED_ENUM (0x1a).
pub fn skip_name_custom(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register_by_name::<Color>("", "color")?;
    f.register_by_name::<MyStruct>("", "my_struct")?;
    f.register_by_name::<MyExt>("", "my_ext")?;
    f.register_by_name::<MyWrapper>("", "my_wrapper")?;
    s.echo::<MyWrapper>(&f)
}

/// `test_consistent_named`: three `Color`s, three `MyStruct`s and three `MyExt`s, each a
/// payload of its own, all registered by name, schema-consistent with the hash checked.
pub fn consistent_named(s: &mut Session) -> Outcome {
    let mut f = Fory::builder()
        .compatible(false)
        .check_struct_version(true)
        .build();
    f.register_by_name::<Color>("", "color")?;
    f.register_by_name::<MyStruct>("", "my_struct")?;
    f.register_by_name::<MyExt>("", "my_ext")?;
    s.echo_n::<Color>(&f, 3)?;
    s.echo_n::<MyStruct>(&f, 3)?;
    s.echo_n::<MyExt>(&f, 3)
}

/// `test_union_xlang`: two `StructWithUnion2`s (301), one per case of `Union2<String, Long>`.
/// Java registers only the struct; a union field is written as plain UNION, so the id the union
/// is registered under here never reaches the wire.
pub fn union_xlang(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<StringOrLong>(3010)?;
    f.register::<StructWithUnion2>(301)?;
    s.echo_n::<StructWithUnion2>(&f, 2)
}

/// `test_reduced_precision_float_struct`: float16 and bfloat16 scalars and arrays (213),
/// schema-consistent.
pub fn reduced_precision_float_struct(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<ReducedPrecisionFloatStruct>(213)?;
    s.echo::<ReducedPrecisionFloatStruct>(&f)
}
