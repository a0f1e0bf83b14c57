//! Field types: nullable and non-nullable fields of every common type, and unsigned integers in
//! every encoding, in both modes.

use super::fory;
use crate::session::{Outcome, Session};
use crate::types::{
    NullableComprehensiveCompatible, NullableComprehensiveSchemaConsistent,
    UnsignedSchemaCompatible, UnsignedSchemaConsistent, UnsignedSchemaConsistentSimple,
};

/// `test_nullable_field_schema_consistent_not_null` and `..._null`: a
/// `NullableComprehensiveSchemaConsistent` (401) with its nullable fields set or null.
pub fn nullable_schema_consistent(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<NullableComprehensiveSchemaConsistent>(401)?;
    s.echo::<NullableComprehensiveSchemaConsistent>(&f)
}

/// `test_nullable_field_compatible_not_null` and `..._null`: a
/// `NullableComprehensiveCompatible` (402), read with inverted nullability.
pub fn nullable_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<NullableComprehensiveCompatible>(402)?;
    s.echo::<NullableComprehensiveCompatible>(&f)
}

/// `test_unsigned_schema_consistent_simple`: two tagged uint64 fields (1).
pub fn unsigned_schema_consistent_simple(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<UnsignedSchemaConsistentSimple>(1)?;
    s.echo::<UnsignedSchemaConsistentSimple>(&f)
}

/// `test_unsigned_schema_consistent`: every unsigned width and encoding (501).
pub fn unsigned_schema_consistent(s: &mut Session) -> Outcome {
    let mut f = fory(false);
    f.register::<UnsignedSchemaConsistent>(501)?;
    s.echo::<UnsignedSchemaConsistent>(&f)
}

/// `test_unsigned_schema_compatible`: the same with inverted nullability (502), compatible.
pub fn unsigned_schema_compatible(s: &mut Session) -> Outcome {
    let mut f = fory(true);
    f.register::<UnsignedSchemaCompatible>(502)?;
    s.echo::<UnsignedSchemaCompatible>(&f)
}
