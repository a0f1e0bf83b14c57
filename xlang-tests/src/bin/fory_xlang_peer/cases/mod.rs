//! The cases of Apache Fory's Java-driven xlang suite (`XlangTestBase` and `RustXlangTest` at
//! v1.6.0), one function per case, grouped by theme, and the cases this peer does not support.

mod containers;
mod evolution;
mod fields;
mod raw;
mod refs;
mod scalars;
mod structs;

use fory_core::Fory;

use crate::session::{Outcome, Session};

/// A case: reads the data file's payloads from the session and writes the reply into it.
pub type Case = fn(&mut Session) -> Outcome;

/// A `Fory` in xlang mode, compatible or schema-consistent, no reference tracking.
fn fory(compatible: bool) -> Fory {
    Fory::builder().compatible(compatible).build()
}

/// Every supported case, by the name the driver passes.
pub const SUPPORTED: &[(&str, Case)] = &[
    // Raw buffers.
    ("test_buffer", raw::buffer),
    ("test_buffer_var", raw::buffer_var),
    ("test_murmurhash3", raw::murmurhash3),
    // Root values.
    ("test_string_serializer", scalars::string_serializer),
    (
        "test_cross_language_serializer",
        scalars::cross_language_serializer,
    ),
    ("test_integer", scalars::integer),
    ("test_decimal", scalars::decimal),
    ("test_item", scalars::item),
    ("test_color", scalars::color),
    // Containers.
    ("test_list", containers::list),
    ("test_map", containers::map),
    ("test_struct_with_list", containers::struct_with_list),
    ("test_struct_with_map", containers::struct_with_map),
    ("test_polymorphic_list", containers::polymorphic_list),
    ("test_polymorphic_map", containers::polymorphic_map),
    (
        "test_nested_annotated_container_schema_consistent",
        containers::nested_annotated_schema_consistent,
    ),
    (
        "test_nested_annotated_container_compatible",
        containers::nested_annotated_compatible,
    ),
    (
        "test_signed_nested_annotated_container_schema_consistent",
        containers::signed_nested_annotated_schema_consistent,
    ),
    (
        "test_signed_nested_annotated_container_compatible",
        containers::signed_nested_annotated_compatible,
    ),
    (
        "test_list_array_compatible_list_to_array",
        containers::list_to_array,
    ),
    (
        "test_list_array_compatible_array_to_list",
        containers::array_to_list,
    ),
    (
        "test_list_array_compatible_nullable_list_to_array_error",
        containers::nullable_list_to_array_error,
    ),
    (
        "test_external_type_composition",
        containers::external_type_composition,
    ),
    // Structs.
    ("test_simple_struct", structs::simple_struct),
    ("test_named_simple_struct", structs::named_simple_struct),
    (
        "test_struct_evolving_override",
        structs::struct_evolving_override,
    ),
    ("test_struct_version_check", structs::struct_version_check),
    ("test_skip_id_custom", structs::skip_id_custom),
    ("test_skip_name_custom", structs::skip_name_custom),
    ("test_consistent_named", structs::consistent_named),
    ("test_union_xlang", structs::union_xlang),
    (
        "test_reduced_precision_float_struct",
        structs::reduced_precision_float_struct,
    ),
    // Schema evolution.
    (
        "test_one_string_field_schema",
        evolution::one_string_field_schema,
    ),
    (
        "test_one_string_field_compatible",
        evolution::one_string_field_compatible,
    ),
    (
        "test_two_string_field_compatible",
        evolution::two_string_field_compatible,
    ),
    (
        "test_schema_evolution_compatible",
        evolution::schema_evolution_compatible,
    ),
    (
        "test_schema_evolution_compatible_reverse",
        evolution::schema_evolution_compatible_reverse,
    ),
    (
        "test_one_enum_field_schema",
        evolution::one_enum_field_schema,
    ),
    (
        "test_one_enum_field_compatible",
        evolution::one_enum_field_compatible,
    ),
    (
        "test_two_enum_field_compatible",
        evolution::two_enum_field_compatible,
    ),
    (
        "test_enum_schema_evolution_compatible",
        evolution::enum_schema_evolution_compatible,
    ),
    (
        "test_enum_schema_evolution_compatible_reverse",
        evolution::enum_schema_evolution_compatible_reverse,
    ),
    (
        "test_reduced_precision_float_struct_compatible_skip",
        evolution::reduced_precision_float_struct_compatible_skip,
    ),
    // Field types.
    (
        "test_nullable_field_schema_consistent_not_null",
        fields::nullable_schema_consistent,
    ),
    (
        "test_nullable_field_schema_consistent_null",
        fields::nullable_schema_consistent,
    ),
    (
        "test_nullable_field_compatible_not_null",
        fields::nullable_compatible,
    ),
    (
        "test_nullable_field_compatible_null",
        fields::nullable_compatible,
    ),
    (
        "test_unsigned_schema_consistent_simple",
        fields::unsigned_schema_consistent_simple,
    ),
    (
        "test_unsigned_schema_consistent",
        fields::unsigned_schema_consistent,
    ),
    (
        "test_unsigned_schema_compatible",
        fields::unsigned_schema_compatible,
    ),
    // References.
    ("test_ref_schema_consistent", refs::ref_schema_consistent),
    ("test_ref_compatible", refs::ref_compatible),
    (
        "test_collection_element_ref_override",
        refs::collection_element_ref_override,
    ),
    (
        "test_collection_element_ref_remote_tracking",
        refs::collection_element_ref_remote_tracking,
    ),
    (
        "test_circular_ref_schema_consistent",
        refs::circular_ref_schema_consistent,
    ),
    (
        "test_circular_ref_compatible",
        refs::circular_ref_compatible,
    ),
];

/// Cases of the suite this peer knows but cannot run, with the reason. Empty: the peer runs
/// every case of the suite at v1.6.0.
pub const UNSUPPORTED: &[(&str, &str)] = &[];

/// The function of a supported case.
pub fn find(name: &str) -> Option<Case> {
    SUPPORTED
        .iter()
        .find(|(case, _)| *case == name)
        .map(|(_, run)| *run)
}

/// Why a known case is not supported.
pub fn unsupported_reason(name: &str) -> Option<&'static str> {
    UNSUPPORTED
        .iter()
        .find(|(case, _)| *case == name)
        .map(|(_, reason)| *reason)
}
