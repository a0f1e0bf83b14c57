//! Struct field order of the xlang wire format.
//!
//! Every peer sorts a struct's fields the same way, independently of declaration order, and
//! writes both the field values and the TypeDef field list in that order:
//!
//! 1. Groups: primitive fields without nullable metadata, then nullable primitive fields, then
//!    every other field. "Primitive" means the numeric and boolean type ids `BOOL` (1) through
//!    `FLOAT64` (20).
//! 2. Inside each primitive group: fixed-width types before the compressed integer types
//!    (`VARINT32`, `VAR_UINT32`, `VARINT64`, `VAR_UINT64`, `TAGGED_INT64`, `TAGGED_UINT64`),
//!    then by byte size descending, then by type id ascending, then by field identifier.
//! 3. Inside the non-primitive group: by field identifier only.
//!
//! The field identifier is the tag id when one is configured, otherwise the field name in
//! `snake_case`. Tagged fields sort before named ones, tag ids compare numerically, names compare
//! byte-wise. Remaining ties (only possible for duplicate tag ids or names that collapse to the
//! same `snake_case`) are broken by the original field name and then by declaration index, so the
//! result is always deterministic.
//!
//! [`order`] is a `const fn`: the derive evaluates it per struct type at compile time, from each
//! field's [`Schema`](crate::serializer::Schema) constants, so generic structs and type aliases
//! are ordered by their real field types and the generated code indexes a constant array.

use std::cmp::Ordering;

/// What the ordering needs to know about one struct field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSortKey<'a> {
    /// The field identifier's name: the field name in `snake_case`.
    pub id_name: &'a str,
    /// The field name as declared (a tie-breaker).
    pub name: &'a str,
    /// The configured tag id, if the field has one.
    pub tag_id: Option<u32>,
    /// Internal xlang type id of the field's declared type (e.g. 5 for `VARINT32`); only
    /// primitive ids (1..=20) influence the order.
    pub type_id: u8,
    /// Whether the field carries nullable metadata (e.g. `Option<i32>`).
    pub nullable: bool,
}

const BOOL: u8 = 1;
const INT8: u8 = 2;
const INT16: u8 = 3;
const INT32: u8 = 4;
const VARINT32: u8 = 5;
const INT64: u8 = 6;
const VARINT64: u8 = 7;
const TAGGED_INT64: u8 = 8;
const UINT8: u8 = 9;
const UINT16: u8 = 10;
const UINT32: u8 = 11;
const VAR_UINT32: u8 = 12;
const UINT64: u8 = 13;
const VAR_UINT64: u8 = 14;
const TAGGED_UINT64: u8 = 15;
const FLOAT8: u8 = 16;
const FLOAT16: u8 = 17;
const BFLOAT16: u8 = 18;
const FLOAT32: u8 = 19;
const FLOAT64: u8 = 20;

/// Byte size of a primitive type id, or 0 when the type is not primitive for ordering.
pub const fn primitive_size(type_id: u8) -> u8 {
    match type_id {
        BOOL | INT8 | UINT8 | FLOAT8 => 1,
        INT16 | UINT16 | FLOAT16 | BFLOAT16 => 2,
        INT32 | VARINT32 | UINT32 | VAR_UINT32 | FLOAT32 => 4,
        INT64 | VARINT64 | TAGGED_INT64 | UINT64 | VAR_UINT64 | TAGGED_UINT64 | FLOAT64 => 8,
        _ => 0,
    }
}

/// Whether the type id is one of the variable-length integer encodings.
pub const fn is_compressed(type_id: u8) -> bool {
    matches!(
        type_id,
        VARINT32 | VAR_UINT32 | VARINT64 | VAR_UINT64 | TAGGED_INT64 | TAGGED_UINT64
    )
}

const fn cmp_u64(a: u64, b: u64) -> Ordering {
    if a < b {
        Ordering::Less
    } else if a > b {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

const fn cmp_str(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return cmp_u64(a[i] as u64, b[i] as u64);
        }
        i += 1;
    }
    cmp_u64(a.len() as u64, b.len() as u64)
}

/// Tagged fields first by id, then names by `snake_case`, then the declared name.
const fn cmp_identifier(a: &FieldSortKey<'_>, b: &FieldSortKey<'_>) -> Ordering {
    let by_id = match (a.tag_id, b.tag_id) {
        (Some(x), Some(y)) => cmp_u64(x as u64, y as u64),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => cmp_str(a.id_name, b.id_name),
    };
    match by_id {
        Ordering::Equal => cmp_str(a.name, b.name),
        other => other,
    }
}

const fn group(f: &FieldSortKey<'_>) -> u64 {
    match (primitive_size(f.type_id) != 0, f.nullable) {
        (true, false) => 0,
        (true, true) => 1,
        (false, _) => 2,
    }
}

/// The wire-order comparison of two fields (declaration index aside).
const fn cmp_wire(a: &FieldSortKey<'_>, b: &FieldSortKey<'_>) -> Ordering {
    let (ga, gb) = (group(a), group(b));
    if ga != gb {
        return cmp_u64(ga, gb);
    }
    if ga != 2 {
        let (ca, cb) = (is_compressed(a.type_id), is_compressed(b.type_id));
        if ca != cb {
            return if ca {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        }
        let (sa, sb) = (primitive_size(a.type_id), primitive_size(b.type_id));
        if sa != sb {
            return cmp_u64(sb as u64, sa as u64);
        }
        if a.type_id != b.type_id {
            return cmp_u64(a.type_id as u64, b.type_id as u64);
        }
    }
    cmp_identifier(a, b)
}

/// Stable insertion sort of `0..N` by `less_or_equal`, usable in constant evaluation.
const fn sort_indices<const N: usize>(
    keys: &[FieldSortKey<'_>; N],
    by_identifier_only: bool,
) -> [usize; N] {
    let mut out = [0usize; N];
    let mut i = 0;
    while i < N {
        out[i] = i;
        i += 1;
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 {
            let (a, b) = (&keys[out[j - 1]], &keys[out[j]]);
            let ord = if by_identifier_only {
                cmp_identifier(a, b)
            } else {
                cmp_wire(a, b)
            };
            if !matches!(ord, Ordering::Greater) {
                break;
            }
            let t = out[j - 1];
            out[j - 1] = out[j];
            out[j] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// The declaration indices of `keys` in wire order.
///
/// ```
/// use fory_core::__private::meta::field_order::{order, FieldSortKey};
/// let key = |name, type_id, nullable| FieldSortKey {
///     id_name: name, name, tag_id: None, type_id, nullable,
/// };
/// // name: STRING, count: VARINT64, ratio: FLOAT64, maybe: nullable BOOL
/// const KEYS: [FieldSortKey<'static>; 0] = [];
/// assert_eq!(order(&KEYS), [0usize; 0]);
/// let keys = [key("name", 21, false), key("count", 7, false), key("ratio", 20, false),
///             key("maybe", 1, true)];
/// assert_eq!(order(&keys), [2, 1, 3, 0]);
/// ```
pub const fn order<const N: usize>(keys: &[FieldSortKey<'_>; N]) -> [usize; N] {
    sort_indices(keys, false)
}

/// The declaration indices of `keys` sorted by field identifier alone, ignoring types and
/// nullability (the order the schema hash concatenates fields in).
pub const fn identifier_order<const N: usize>(keys: &[FieldSortKey<'_>; N]) -> [usize; N] {
    sort_indices(keys, true)
}

/// The order is usable in constant evaluation, which is how derived structs use it.
#[cfg(test)]
const _CONST_EVALUATED: [usize; 2] = order(&[
    FieldSortKey {
        id_name: "b",
        name: "b",
        tag_id: None,
        type_id: BOOL,
        nullable: false,
    },
    FieldSortKey {
        id_name: "a",
        name: "a",
        tag_id: None,
        type_id: 21,
        nullable: false,
    },
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::struct_def::to_snake_case;

    const STRING: u8 = 21;
    const LIST: u8 = 22;
    const SET: u8 = 23;
    const MAP: u8 = 24;
    const ENUM: u8 = 25;
    const COMPATIBLE_STRUCT: u8 = 28;
    const BINARY: u8 = 41;
    const INT32_ARRAY: u8 = 46;

    fn key(
        name: &'static str,
        tag_id: Option<u32>,
        type_id: u8,
        nullable: bool,
    ) -> FieldSortKey<'static> {
        // Leaked for the `'static` key, and kept in a static list so that memcheck sees the
        // names as reachable rather than lost.
        static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
        let id_name: &'static str = Box::leak(to_snake_case(name).into_boxed_str());
        NAMES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(id_name);
        FieldSortKey {
            id_name,
            name,
            tag_id,
            type_id,
            nullable,
        }
    }

    fn n(name: &'static str, type_id: u8) -> FieldSortKey<'static> {
        key(name, None, type_id, false)
    }

    fn opt(name: &'static str, type_id: u8) -> FieldSortKey<'static> {
        key(name, None, type_id, true)
    }

    fn t(name: &'static str, tag: u32, type_id: u8) -> FieldSortKey<'static> {
        key(name, Some(tag), type_id, false)
    }

    fn ordered_names<const N: usize>(fields: &[FieldSortKey<'static>; N]) -> Vec<&'static str> {
        order(fields).into_iter().map(|i| fields[i].name).collect()
    }

    fn split(expected: &str) -> Vec<&str> {
        expected.split_whitespace().collect()
    }

    #[test]
    fn type_tables() {
        for id in 1..=20u8 {
            assert_ne!(primitive_size(id), 0, "{id}");
        }
        for id in [0u8, 21, 22, 25, 27, 28, 31, 33, 41, 46] {
            assert_eq!(primitive_size(id), 0, "{id}");
        }
        let compressed: Vec<u8> = (0..=255u8).filter(|&id| is_compressed(id)).collect();
        assert_eq!(compressed, vec![5, 7, 8, 12, 14, 15]);
    }

    // Expected orders in the `pyfory_*` tests are the output of
    // xlang-tests/peers/python/field_order_vectors.py run with pyfory 1.7.7; the fields are
    // given here in the dataclass's declaration order.

    #[test]
    fn pyfory_all_fixed_and_compressed() {
        let fields = [
            n("a_bool", BOOL),
            n("b_i8", INT8),
            n("c_i16", INT16),
            n("d_var_i32", VARINT32),
            n("e_fixed_i32", INT32),
            n("f_var_i64", VARINT64),
            n("g_fixed_i64", INT64),
            n("h_tagged_i64", TAGGED_INT64),
            n("i_u8", UINT8),
            n("j_u16", UINT16),
            n("k_var_u32", VAR_UINT32),
            n("l_fixed_u32", UINT32),
            n("m_var_u64", VAR_UINT64),
            n("n_fixed_u64", UINT64),
            n("o_tagged_u64", TAGGED_UINT64),
            n("p_f16", FLOAT16),
            n("q_bf16", BFLOAT16),
            n("r_f32", FLOAT32),
            n("s_f64", FLOAT64),
            n("t_int", VARINT64),
        ];
        assert_eq!(
            ordered_names(&fields),
            split(
                "g_fixed_i64 n_fixed_u64 s_f64 e_fixed_i32 l_fixed_u32 r_f32 c_i16 j_u16 p_f16 \
                 q_bf16 a_bool b_i8 i_u8 f_var_i64 t_int h_tagged_i64 m_var_u64 o_tagged_u64 \
                 d_var_i32 k_var_u32"
            )
        );
    }

    #[test]
    fn pyfory_reversed_names() {
        let fields = [
            n("z_bool", BOOL),
            n("y_i8", INT8),
            n("x_i16", INT16),
            n("w_var_i32", VARINT32),
            n("v_fixed_i32", INT32),
            n("u_var_i64", VARINT64),
            n("t_fixed_i64", INT64),
            n("s_f32", FLOAT32),
            n("r_f64", FLOAT64),
            n("q_u8", UINT8),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("t_fixed_i64 r_f64 v_fixed_i32 s_f32 x_i16 z_bool y_i8 q_u8 u_var_i64 w_var_i32")
        );
    }

    #[test]
    fn pyfory_nullable_split() {
        let fields = [
            opt("a_opt_f64", FLOAT64),
            n("b_i32", VARINT32),
            opt("c_opt_i32", VARINT32),
            opt("d_opt_fixed_i32", INT32),
            opt("e_opt_bool", BOOL),
            n("f_f64", FLOAT64),
            opt("g_opt_i8", INT8),
            n("h_str", STRING),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("f_f64 b_i32 a_opt_f64 d_opt_fixed_i32 e_opt_bool g_opt_i8 c_opt_i32 h_str")
        );
    }

    #[test]
    fn pyfory_non_primitives() {
        let fields = [
            n("z_str", STRING),
            n("y_list", LIST),
            n("x_map", MAP),
            n("w_set", SET),
            n("v_bytes", BINARY),
            opt("u_inner", COMPATIBLE_STRUCT),
            n("t_color", ENUM),
            opt("s_opt_str", STRING),
            n("r_i32", VARINT32),
            n("q_i32_array", INT32_ARRAY),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("r_i32 q_i32_array s_opt_str t_color u_inner v_bytes w_set x_map y_list z_str")
        );
    }

    #[test]
    fn pyfory_same_type_names() {
        let fields = [
            n("fieldB", VARINT32),
            n("field_a", VARINT32),
            n("aB", VARINT32),
            n("a_a", VARINT32),
            n("aa", VARINT32),
            n("fooBar", VARINT32),
            n("foo_bar", VARINT32),
            n("HTTPServer", VARINT32),
            n("f1Name", VARINT32),
            n("name", STRING),
            n("nameList", STRING),
            n("name_a", STRING),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("a_a aB aa f1Name field_a fieldB fooBar foo_bar HTTPServer name name_a nameList")
        );
    }

    #[test]
    fn pyfory_tagged() {
        let fields = [
            n("u_b", VARINT32),
            t("t10", 10, VARINT32),
            t("t2", 2, VARINT32),
            n("u_a", VARINT32),
            t("t7_f64", 7, FLOAT64),
            n("s_b", STRING),
            t("s10", 30, STRING),
            t("s3", 3, STRING),
            n("s_a", STRING),
            key("n5", Some(5), VARINT32, true),
            opt("n_z", VARINT32),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("t7_f64 t2 t10 u_a u_b n5 n_z s3 s10 s_a s_b")
        );
    }

    #[test]
    fn spec_groups_and_compression() {
        let fields = [
            n("name", STRING),
            opt("maybe_count", VARINT64),
            n("count", VARINT64),
            n("flag", BOOL),
            n("ratio", FLOAT64),
            opt("maybe_flag", BOOL),
            n("small", INT8),
        ];
        assert_eq!(
            ordered_names(&fields),
            split("ratio flag small count maybe_flag maybe_count name")
        );
    }

    #[test]
    fn spec_compressed_after_all_fixed_even_when_larger() {
        let fields = [n("a", VARINT64), n("b", INT8), n("c", VAR_UINT32)];
        assert_eq!(ordered_names(&fields), split("b a c"));
    }

    #[test]
    fn spec_type_id_breaks_size_ties() {
        let fields = [
            n("a", FLOAT64),
            n("b", UINT64),
            n("c", INT64),
            n("d", FLOAT8),
            n("e", UINT8),
            n("f", INT8),
            n("g", BOOL),
        ];
        assert_eq!(ordered_names(&fields), split("c b a g f e d"));
    }

    #[test]
    fn non_primitive_types_do_not_affect_order() {
        let fields = [
            n("b", STRING),
            n("a", MAP),
            opt("d", LIST),
            n("c", COMPATIBLE_STRUCT),
        ];
        assert_eq!(ordered_names(&fields), split("a b c d"));
    }

    #[test]
    fn tags_compare_numerically_and_before_names() {
        let fields = [
            n("a", STRING),
            t("z", 100, STRING),
            t("y", 9, STRING),
            t("x", 0, STRING),
        ];
        assert_eq!(ordered_names(&fields), split("x y z a"));
        let prims = [n("a", INT32), t("b", 1, INT32), t("c", 0, INT64)];
        assert_eq!(ordered_names(&prims), split("c b a"));
    }

    #[test]
    fn ties_are_deterministic() {
        let fields = [n("foo_bar", INT32), n("fooBar", INT32)];
        assert_eq!(ordered_names(&fields), split("fooBar foo_bar"));
        let dup = [t("b", 3, STRING), t("a", 3, STRING)];
        assert_eq!(ordered_names(&dup), split("a b"));
        let same = [t("a", 3, STRING), t("a", 3, STRING)];
        assert_eq!(order(&same), [0, 1]);
        assert_eq!(order::<0>(&[]), []);
    }

    #[test]
    fn identifier_order_ignores_types() {
        let fields = [
            n("b_str", STRING),
            n("aB", INT64),
            opt("a_a", VARINT32),
            t("z", 4, STRING),
        ];
        let names: Vec<&str> = identifier_order(&fields)
            .into_iter()
            .map(|i| fields[i].name)
            .collect();
        assert_eq!(names, split("z a_a aB b_str"));
    }
}
