//! The `snake_case` form of a field name: the name its TypeDef entry carries and the identifier
//! the field order and schema hash use. The same rule as pyfory's (checked below against its
//! output); fory-core's `struct_def::to_snake_case` applies it to names received from peers.

/// Converts a field name to the `snake_case` form used as its identifier.
///
/// Underscores are kept as they are. An upper-case letter is lower-cased and gets an `_`
/// in front of it when the output so far does not already end in `_` and either the previous
/// character is lower-case or a digit, or the previous character is upper-case and the next
/// one is lower-case (so acronyms stay together: `HTTPServer` → `http_server`). Trailing
/// underscores are dropped. Names that are already `snake_case` come back unchanged, apart
/// from trailing underscores (`type_` → `type`).
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for (index, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push(c);
            previous = Some(c);
            continue;
        }
        if c.is_uppercase() {
            let next_is_lower = chars.get(index + 1).is_some_and(|n| n.is_lowercase());
            let previous_lower_or_digit = previous.is_some_and(|p| p.is_lowercase() || is_digit(p));
            let previous_upper = previous.is_some_and(|p| p.is_uppercase());
            if !out.is_empty()
                && !out.ends_with('_')
                && (previous_lower_or_digit || (previous_upper && next_is_lower))
            {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    let kept = out.trim_end_matches('_').len();
    out.truncate(kept);
    out
}

/// A decimal digit of any script; letters with a numeric value (Roman numerals) do not count.
fn is_digit(c: char) -> bool {
    c.is_numeric() && !c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Pairs printed by xlang-tests/peers/python/field_order_vectors.py (pyfory 1.7.7).
    #[test]
    fn snake_case_matches_pyfory() {
        let cases = [
            ("fieldName", "field_name"),
            ("HTTPServer", "http_server"),
            ("f1Name", "f1_name"),
            ("a_b", "a_b"),
            ("aB", "a_b"),
            ("ABC", "abc"),
            ("ABCd", "ab_cd"),
            ("a1B2", "a1_b2"),
            ("myURLParser", "my_url_parser"),
            ("_private", "_private"),
            ("trailing_", "trailing"),
            ("double__under", "double__under"),
            ("Already_Snake", "already_snake"),
            ("x", "x"),
            ("X", "x"),
            ("getHTTP2Response", "get_http2_response"),
            ("a_B", "a_b"),
            ("snake_case_name", "snake_case_name"),
            ("userID", "user_id"),
            ("IDs", "i_ds"),
            ("v2", "v2"),
            ("v2X", "v2_x"),
            ("ab12cd", "ab12cd"),
            ("__dunder__", "__dunder"),
        ];
        for (input, expected) in cases {
            assert_eq!(snake_case(input), expected, "{input}");
        }
    }

    #[test]
    fn snake_case_edge_cases() {
        assert_eq!(snake_case(""), "");
        assert_eq!(snake_case("__"), "");
        assert_eq!(snake_case("type_"), "type");
        assert_eq!(snake_case("ÉtéFort"), "été_fort");
        assert_eq!(snake_case("x٣Y"), "x٣_y");
    }
}
