//! Lists, sets and maps: with null elements, of structs, of values of mixed types, with
//! annotated element encodings, and lists read as arrays (and back) under schema evolution.

use std::any::Any;
use std::collections::BTreeMap;

use fory_core::Fory;

use super::fory;
use crate::session::{Failure, Outcome, Session};
use crate::types::{
    AnimalListHolder, AnimalMapHolder, Cat, CompatibleInt32ArrayField, CompatibleInt32ListField,
    Dog, ExternalUser, Item, NestedAnnotatedContainer, SignedNestedAnnotatedContainer,
    StructWithList, StructWithMap,
};

/// `test_list`: two string lists and two `Item` lists (102), each second one with a null.
pub fn list(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Item>(102)?;
    s.echo_n::<Vec<Option<String>>>(&f, 2)?;
    s.echo_n::<Vec<Option<Item>>>(&f, 2)
}

/// `test_map`: a string map and an `Item` map (102), both with a null key and a null value.
pub fn map(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<Item>(102)?;
    s.echo::<BTreeMap<Option<String>, Option<String>>>(&f)?;
    s.echo::<BTreeMap<Option<String>, Option<Item>>>(&f)
}

/// `test_struct_with_list`: two `StructWithList`s (201).
pub fn struct_with_list(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<StructWithList>(201)?;
    s.echo_n::<StructWithList>(&f, 2)
}

/// `test_struct_with_map`: two `StructWithMap`s (202).
pub fn struct_with_map(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<StructWithMap>(202)?;
    s.echo_n::<StructWithMap>(&f, 2)
}

fn animals(holder: u32) -> Result<Fory, Failure> {
    let mut f = fory(true);
    f.register::<Dog>(302)?;
    f.register::<Cat>(303)?;
    if holder == 304 {
        f.register::<AnimalListHolder>(304)?;
    } else {
        f.register::<AnimalMapHolder>(305)?;
    }
    Ok(f)
}

/// `test_polymorphic_list`: a list of a `Dog` (302) and a `Cat` (303), then an
/// `AnimalListHolder` (304) holding the same kind of list.
pub fn polymorphic_list(s: &mut Session) -> Outcome {
    let f = animals(304)?;
    s.echo::<Vec<Box<dyn Any>>>(&f)?;
    s.echo::<AnimalListHolder>(&f)
}

/// `test_polymorphic_map`: a map of names to a `Dog` and a `Cat`, then an `AnimalMapHolder`
/// (305).
pub fn polymorphic_map(s: &mut Session) -> Outcome {
    let f = animals(305)?;
    s.echo::<BTreeMap<String, Box<dyn Any>>>(&f)?;
    s.echo::<AnimalMapHolder>(&f)
}

/// `test_nested_annotated_container_schema_consistent`: unsigned fixed keys, tagged elements
/// (801), schema-consistent.
pub fn nested_annotated_schema_consistent(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<NestedAnnotatedContainer>(801)?;
    s.echo::<NestedAnnotatedContainer>(&f)
}

/// `test_nested_annotated_container_compatible`: the same in compatible mode (802).
pub fn nested_annotated_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<NestedAnnotatedContainer>(802)?;
    s.echo::<NestedAnnotatedContainer>(&f)
}

/// `test_signed_nested_annotated_container_schema_consistent`: signed fixed keys, tagged
/// elements (803), schema-consistent.
pub fn signed_nested_annotated_schema_consistent(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<SignedNestedAnnotatedContainer>(803)?;
    s.echo::<SignedNestedAnnotatedContainer>(&f)
}

/// `test_signed_nested_annotated_container_compatible`: the same in compatible mode (804).
pub fn signed_nested_annotated_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<SignedNestedAnnotatedContainer>(804)?;
    s.echo::<SignedNestedAnnotatedContainer>(&f)
}

/// `test_list_array_compatible_list_to_array`: Java writes its list-of-int32 struct (901): a
/// LIST of fixed-width INT32 elements, or of nullable VARINT32 elements without a null. The
/// peer reads it into its int32-array struct under the same id, so the list becomes an
/// INT32_ARRAY, and writes that back.
pub fn list_to_array(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<CompatibleInt32ArrayField>(901)?;
    s.echo::<CompatibleInt32ArrayField>(&f)
}

/// `test_list_array_compatible_array_to_list`: the reverse. Java writes its int32-array struct
/// (901); the peer reads the INT32_ARRAY into its list-of-fixed-int32 struct and writes the
/// LIST back.
pub fn array_to_list(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<CompatibleInt32ListField>(901)?;
    s.echo::<CompatibleInt32ListField>(&f)
}

/// `test_list_array_compatible_nullable_list_to_array_error`: a list of int32 *with a null*
/// cannot become an INT32_ARRAY, so reading it must fail; the peer then leaves the file as it
/// is. Reading it successfully is the failure.
pub fn nullable_list_to_array_error(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<CompatibleInt32ArrayField>(901)?;
    match s.read::<CompatibleInt32ArrayField>(&f) {
        Err(Failure::Decode { error, .. }) => {
            eprintln!("fory-xlang-peer: rejected as expected: {error}");
            let input = s.input().to_vec();
            s.consume_all();
            s.write_raw(&input);
            Ok(())
        }
        Err(other) => Err(other),
        Ok(value) => Err(Failure::Check(format!(
            "a list with a null element was read into an int32 array: {value:?}"
        ))),
    }
}

/// `test_external_type_composition` (RustXlangTest only): an `ExternalUser` (801), a list of
/// them, a `List<Object>` of a name and a user, and a map of such lists. Schema-consistent.
pub fn external_type_composition(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<ExternalUser>(801)?;
    s.echo::<ExternalUser>(&f)?;
    s.echo::<Vec<ExternalUser>>(&f)?;
    s.echo::<(String, ExternalUser)>(&f)?;
    s.echo::<BTreeMap<String, Vec<(String, ExternalUser)>>>(&f)
}
