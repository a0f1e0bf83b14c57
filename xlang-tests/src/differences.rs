//! Accepted byte differences between our output and a peer's, each explained in
//! spec/divergences.md. A listed difference that becomes byte-equal is a failure too, so the
//! list stays true.
//!
//! Entries name a library (`java`, `python`, `go`) or one peer (`python-1.7.7`): an entry for a
//! library applies to every peer of that library ([`library`]), so `python`'s entries are checked
//! against pyfory 1.6.0 and 1.7.7 alike, and one that a version no longer needs fails there.

use crate::generative::schema::{Case, Scalar, Type};
use crate::peers::library;

/// A group of accepted differences: one peer, one reason, the cases it explains.
pub struct Difference {
    /// A library (`python`: every Python peer) or one peer (`python-1.7.7`).
    pub peer: &'static str,
    /// Why our bytes differ, in one line.
    pub reason: &'static str,
    /// The cases where it shows.
    pub cases: &'static [&'static str],
}

const NAMESPACE_TAG: &str =
    "namespace meta string tagged ALL_TO_LOWER_SPECIAL (04) as Java writes it; pyfory tags 01";

/// The difference the UTF-8 string rule removes (`golden.rs` checks that it does).
pub const GO_UTF8: &str =
    "strings in Latin-1 or UTF-16 as Java writes them; Go 1.6 writes every string as \
     UTF-8 (header `16` for \"hello\" where Java writes `14`)";

/// Every accepted difference. Java's bytes are the reference: no entry names Java.
pub const DIFFERENCES: &[Difference] = &[
    Difference {
        peer: "python",
        reason: "text with characters above U+FFFF: UTF-16 as Java writes it; pyfory writes UTF-8",
        cases: &["string_astral"],
    },
    Difference {
        peer: "python",
        reason: NAMESPACE_TAG,
        cases: &[
            "enum_by_name",
            "enum_list_by_name",
            "struct_named",
            "struct_nested_by_name",
            "ext_value_by_name",
        ],
    },
    Difference {
        peer: "python",
        reason: "container element types in TypeDefs marked nullable (`56` for list<string>) as \
                 Java and Go write them; pyfory leaves the bit clear (`54`)",
        cases: &[
            "struct_collections_compatible",
            "struct_options_null_compatible",
            "struct_options_set_compatible",
        ],
    },
    Difference {
        peer: "go",
        reason: GO_UTF8,
        cases: &[
            "string_empty",
            "string_ascii",
            "string_latin1",
            "string_cjk",
            "string_astral",
            "string_long",
            "list_strings",
            "list_with_null",
            "list_mixed",
            "list_nested",
            "map_string_int",
            "map_mixed_values",
            "map_nested",
            "map_300",
            "ref_shared_list",
            "struct_strings",
            "struct_strings_compatible",
            "struct_nested",
            "struct_nested_compatible",
            "struct_collections",
            "struct_collections_compatible",
            "struct_options_set",
            "struct_options_set_compatible",
            "struct_tag_ids",
            "struct_tag_ids_compatible",
            "struct_generic",
            "struct_generic_compatible",
            "struct_many_fields",
            "struct_many_fields_compatible",
            "struct_named",
            "struct_nested_by_name",
            "struct_nested_by_name_compatible",
            "struct_named_compatible",
            "struct_data_enum",
            "struct_data_enum_compatible",
            "ref_self",
            "ref_self_compatible",
            "ref_cycle",
            "ref_cycle_compatible",
            "ref_map_of_lists",
            "polymorphic_list",
            "polymorphic_list_compatible",
            "polymorphic_list_field",
            "polymorphic_list_field_compatible",
            "ext_value",
            "ext_value_compatible",
            "ext_value_by_name",
            "ext_value_by_name_compatible",
            "ext_field",
            "ext_field_compatible",
            "ext_field_by_name",
            "ext_field_by_name_compatible",
        ],
    },
    Difference {
        peer: "python",
        reason: "ext values in collections as Java writes them: a list declares its element \
                 type in schema-consistent mode (`0c`) and a map never declares its value type \
                 (chunk header `04`, then `1f 8e02`); pyfory writes the list's element type info \
                 (`08 1f8e02`) in both modes and declares the map's value type (`24`), and in \
                 compatible mode leaves the element types' nullable bit clear in the TypeDef",
        cases: &["ext_collections", "ext_collections_compatible"],
    },
    Difference {
        peer: "go",
        reason: "ext values in collections as Java writes them: a list declares its element \
                 type in schema-consistent mode (`0c`) and a map never declares its value type \
                 (chunk header `04`, then `1f 8e02`); Go writes the list's element type info \
                 (`08 1f8e02`) in both modes and declares the map's value type (`24`), and its \
                 strings as UTF-8",
        cases: &["ext_collections", "ext_collections_compatible"],
    },
    Difference {
        peer: "go",
        reason: "a null map value as Java writes it (chunk header `11`, key ref flag `ff`); Go \
                 writes header `10` without the flag (and its strings as UTF-8)",
        cases: &["map_null_value"],
    },
    Difference {
        peer: "go",
        reason: "Go iterates sets in random order; ours are sorted (BTreeSet)",
        cases: &["set_ints"],
    },
    // ref_tree: a struct whose list field holds structs of its own type.
    Difference {
        peer: "python",
        reason: "a list field of structs in schema-consistent mode with its element type declared \
                 (header `0d`, no type info) as Java writes it; pyfory writes the element type \
                 info (`09 1be601`)",
        cases: &["ref_tree"],
    },
    Difference {
        peer: "python",
        reason: "the list element type in the TypeDef nullable and tracked (`73`) as Java writes \
                 it; pyfory leaves the nullable bit clear (`71`)",
        cases: &["ref_tree_compatible"],
    },
    Difference {
        peer: "go",
        reason: "a list field of structs in schema-consistent mode with its element type declared \
                 (header `0d`) as Java writes it; Go writes the element type info (`09 1be601`), \
                 and its strings as UTF-8",
        cases: &["ref_tree"],
    },
    Difference {
        peer: "go",
        reason: "a list element referring to its struct's TypeDef sent earlier (`1c 01`) as Java \
                 writes it; Go sends the same TypeDef again as a new one (`1c 02` and its 31 \
                 bytes) for a list of struct pointers, and its strings as UTF-8",
        cases: &["ref_tree_compatible"],
    },
    // ref_map_of_lists, ref_union_cases: reference flags of declared collections and of unions.
    Difference {
        peer: "python",
        reason: "in compatible mode the lists in a map value and in a list field without \
                 reference flags (chunk header `24`, list header `0c`) as Java writes them; \
                 pyfory tracks them as in schema-consistent mode (`2c`, `0d`, `00` before each \
                 list) and leaves the TypeDef's element types not nullable (`54` for \
                 list<string>)",
        cases: &["ref_map_of_lists_compatible"],
    },
    Difference {
        peer: "go",
        reason: "in compatible mode the lists in a map value and in a list field without \
                 reference flags (chunk header `24`, list header `0c`) as Java writes them; Go \
                 tracks them as in schema-consistent mode (`2c`, `0d`, `00` before each list), \
                 and writes its strings as UTF-8",
        cases: &["ref_map_of_lists_compatible"],
    },
    Difference {
        peer: "go",
        reason: "union fields declared untracked in the TypeDef (`4c 21`) and written without a \
                 reference flag, a struct case value flagged `00`, as Java writes them; Go \
                 declares them tracked (`4d 21`), writes `ff` before each, flags the struct case \
                 value `ff`, and writes its strings as UTF-8",
        cases: &["ref_union_cases_compatible"],
    },
    // ref_list_with_nulls: a list of shared structs holding a null.
    Difference {
        peer: "python",
        reason: "a list of shared structs with a null, header `0d` (`09` and the TypeDef in \
                 compatible mode) as Java writes it: a null is its reference flag; pyfory sets \
                 the null bit and names the element type (`0b 1b cd 01`; `0b` in compatible \
                 mode)",
        cases: &["ref_list_with_nulls", "ref_list_with_nulls_compatible"],
    },
    Difference {
        peer: "go",
        reason: "a list of shared structs with a null, header `0d` (`09` and the TypeDef in \
                 compatible mode) as Java writes it: a null is its reference flag; Go sets the \
                 null bit and names the element type (`0b 1b cd 01`; `0b` in compatible mode), \
                 and writes its strings as UTF-8",
        cases: &["ref_list_with_nulls", "ref_list_with_nulls_compatible"],
    },
    // polymorphic_list_field: a struct field declared as a list of anything.
    Difference {
        peer: "python",
        reason: "the element type of a list of anything (UNKNOWN) in the TypeDef nullable (`4c 16 \
                 02`) as Java and Go write it; pyfory leaves the nullable bit clear (`4c 16 00`), \
                 so the TypeDef hash differs too",
        cases: &[
            "polymorphic_list_field_compatible",
            "trait_object_fields_compatible",
            "trait_object_shared_compatible",
        ],
    },
    // trait_object_fields: fields typed by a trait (Java interface, Go interface).
    Difference {
        peer: "go",
        reason: "a field typed by a trait starts with its value's type info (`1b 8402`) as Java \
                 and pyfory write it; Go writes the not-null flag first (`ff 1b 8402`) although \
                 its TypeDef declares the field not nullable, and writes its strings as UTF-8",
        cases: &["trait_object_fields", "trait_object_fields_compatible"],
    },
    Difference {
        peer: "go",
        reason: GO_UTF8,
        cases: &["trait_object_shared", "trait_object_shared_compatible"],
    },
];

/// Whether an entry naming `listed` (a library or a peer) applies to `peer`.
fn applies(listed: &str, peer: &str) -> bool {
    listed == peer || listed == library(peer)
}

/// The reason our bytes may differ from `peer`'s for `case`, if that difference is accepted
/// (listed for the peer or for its library).
pub fn accepted(peer: &str, case: &str) -> Option<&'static str> {
    DIFFERENCES
        .iter()
        .find(|d| applies(d.peer, peer) && d.cases.contains(&case))
        .map(|d| d.reason)
}

/// Golden files a peer does not write the same way twice, so regenerating them cannot
/// reproduce the committed file: peer (or library, as in `DIFFERENCES`), case, reason. The
/// conformance runner shows their "regenerated" check as n/a.
pub const NON_DETERMINISTIC: &[(&str, &str, &str)] = &[
    ("go", "map_300", GO_MAP_ORDER),
    ("go", "map_null_value", GO_MAP_ORDER),
    ("go", "map_string_int", GO_MAP_ORDER),
    ("go", "map_mixed_values", GO_MAP_ORDER),
    ("go", "set_ints", GO_MAP_ORDER),
    ("go", "ref_map_of_lists", GO_MAP_ORDER),
    ("go", "ref_map_of_lists_compatible", GO_MAP_ORDER),
    ("go", "interop_by_id", GO_MAP_ORDER),
    ("go", "interop_by_name", GO_MAP_ORDER),
];

const GO_MAP_ORDER: &str = "Go iterates maps and sets with several entries in random order";

/// The reason `peer`'s golden file for `case` may differ from one generation to the next,
/// if it is listed in `NON_DETERMINISTIC` (for the peer or its library).
pub fn non_deterministic(peer: &str, case: &str) -> Option<&'static str> {
    NON_DETERMINISTIC
        .iter()
        .find(|(p, c, _)| applies(p, peer) && *c == case)
        .map(|(_, _, reason)| *reason)
}

/// A reason our bytes for a random case (`xlang-tests/GENERATIVE.md`) may differ from a peer's,
/// measured and recorded in spec/divergences.md, and the cases it covers. The value is still
/// checked both ways; a byte difference no entry covers is a failure.
pub struct RandomBytes {
    /// A library or one peer, as in [`DIFFERENCES`].
    pub peer: &'static str,
    /// Why the bytes differ.
    pub reason: &'static str,
    /// Whether the reason can apply to `case`.
    pub covers: fn(&Case) -> bool,
}

/// Every accepted byte difference of the random cases.
pub const RANDOM_BYTES: &[RandomBytes] = &[
    RandomBytes {
        peer: "python",
        reason: "pyfory's forms: namespace meta strings tagged 01 (we 04, as Java); container \
                 element types in TypeDefs not nullable (56 -> 54); text with characters above \
                 U+FFFF as UTF-8; sets of strings and binary in hash order; the element type info \
                 of a list of structs in schema-consistent mode",
        covers: |_| true,
    },
    RandomBytes {
        peer: "go",
        reason: "Go's forms: every string as UTF-8; maps and sets in random order; the element \
                 type info of a list of structs in schema-consistent mode; a nested list's \
                 element type repeated per element",
        covers: |_| true,
    },
    RandomBytes {
        peer: "apache-rust",
        reason: "Apache Fory Rust's forms: every string as UTF-8; container element types in \
                 TypeDefs not nullable; lists and maps of structs without a declared element \
                 type in schema-consistent mode; its reference flags of union case values",
        covers: |_| true,
    },
    RandomBytes {
        peer: "java",
        reason: "in compatible mode Java writes a list of float16 or bfloat16 without the \
                 declared-type flag (`01 08 11 00 3c` for [1.0]) and a null map value of \
                 float16, bfloat16 or struct type with the key's type id (`10 15 …`); in both \
                 modes it writes a map's float16 or bfloat16 values with their type (chunk \
                 header `04`, then `11` or `12` after the chunk size) where we declare them \
                 (`24`)",
        covers: java_half_floats_or_null_struct_values,
    },
];

/// Java's quirks: in compatible mode a list of half floats or a map whose null values are
/// structs; in either mode a map whose values are half floats.
fn java_half_floats_or_null_struct_values(case: &Case) -> bool {
    let half = |t: &Type| {
        matches!(
            t,
            Type::Scalar(Scalar::Float16) | Type::Scalar(Scalar::Bfloat16)
        )
    };
    case.any_type(&|t| match t {
        Type::List { element, .. } => case.compatible && half(element),
        Type::Map {
            value, nullable, ..
        } => half(value) || (case.compatible && *nullable && matches!(**value, Type::Struct(_))),
        _ => false,
    })
}

/// Why `peer`'s bytes for the random case `case` may differ from ours, if they may.
pub fn random_bytes_accepted(peer: &str, case: &Case) -> Option<&'static str> {
    RANDOM_BYTES
        .iter()
        .find(|d| applies(d.peer, peer) && (d.covers)(case))
        .map(|d| d.reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_entry_applies_to_each_of_its_peers() {
        let reason = accepted("python", "string_astral");
        assert!(reason.is_some());
        assert_eq!(accepted("python-1.7.7", "string_astral"), reason);
        assert_eq!(accepted("java", "string_astral"), None);
        assert!(non_deterministic("go", "set_ints").is_some());
        assert_eq!(non_deterministic("python-1.7.7", "set_ints"), None);
    }
}
