//! Compatible-mode schema evolution: structs read with fewer or more fields than the writer's,
//! string and enum fields, and a struct with half-precision fields read as an empty one.

use super::fory;
use crate::session::{Outcome, Session};
use crate::types::{
    EmptyStruct, OneEnumFieldStruct, OneStringFieldStruct, TestEnum, TwoEnumFieldStruct,
    TwoStringFieldStruct,
};

/// `test_one_string_field_schema`: a `OneStringFieldStruct` (200), schema-consistent.
pub fn one_string_field_schema(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<OneStringFieldStruct>(200)?;
    s.echo::<OneStringFieldStruct>(&f)
}

/// `test_one_string_field_compatible`: the same in compatible mode.
pub fn one_string_field_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<OneStringFieldStruct>(200)?;
    s.echo::<OneStringFieldStruct>(&f)
}

/// `test_two_string_field_compatible`: a `TwoStringFieldStruct` (201).
pub fn two_string_field_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TwoStringFieldStruct>(201)?;
    s.echo::<TwoStringFieldStruct>(&f)
}

/// `test_schema_evolution_compatible`: a two-string struct (200) read as an empty struct, which
/// is written back.
pub fn schema_evolution_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<EmptyStruct>(200)?;
    s.echo::<EmptyStruct>(&f)
}

/// `test_schema_evolution_compatible_reverse`: a one-string struct (200) read as a two-string
/// struct (`f2` becomes empty) and written back as that.
pub fn schema_evolution_compatible_reverse(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TwoStringFieldStruct>(200)?;
    s.echo::<TwoStringFieldStruct>(&f)
}

/// `test_one_enum_field_schema`: a `OneEnumFieldStruct` (211, enum 210), schema-consistent.
pub fn one_enum_field_schema(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<TestEnum>(210)?;
    f.register::<OneEnumFieldStruct>(211)?;
    s.echo::<OneEnumFieldStruct>(&f)
}

/// `test_one_enum_field_compatible`: the same in compatible mode.
pub fn one_enum_field_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TestEnum>(210)?;
    f.register::<OneEnumFieldStruct>(211)?;
    s.echo::<OneEnumFieldStruct>(&f)
}

/// `test_two_enum_field_compatible`: a `TwoEnumFieldStruct` (212).
pub fn two_enum_field_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TestEnum>(210)?;
    f.register::<TwoEnumFieldStruct>(212)?;
    s.echo::<TwoEnumFieldStruct>(&f)
}

/// `test_enum_schema_evolution_compatible`: a two-enum struct (211) read as an empty struct.
pub fn enum_schema_evolution_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TestEnum>(210)?;
    f.register::<EmptyStruct>(211)?;
    s.echo::<EmptyStruct>(&f)
}

/// `test_enum_schema_evolution_compatible_reverse`: a one-enum struct (211) read as a two-enum
/// struct (`f2` becomes `VALUE_A`, the default).
pub fn enum_schema_evolution_compatible_reverse(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<TestEnum>(210)?;
    f.register::<TwoEnumFieldStruct>(211)?;
    s.echo::<TwoEnumFieldStruct>(&f)
}

/// `test_reduced_precision_float_struct_compatible_skip`: the half-precision struct (213) read
/// as an empty struct, skipping float16 / bfloat16 scalars and arrays.
pub fn reduced_precision_float_struct_compatible_skip(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<EmptyStruct>(213)?;
    s.echo::<EmptyStruct>(&f)
}
