//! Accepted byte differences between our output and a peer's, each explained in
//! spec/divergences.md. A listed difference that becomes byte-equal is a failure too, so the
//! list stays true.

/// One accepted difference: peer, case, reason.
pub struct Difference {
    /// `java`, `python` or `go`.
    pub peer: &'static str,
    /// The case name.
    pub case: &'static str,
    /// Why our bytes differ, in one line.
    pub reason: &'static str,
}

/// Every accepted difference.
pub const DIFFERENCES: &[Difference] = &[
    Difference {
        peer: "python",
        case: "string_astral",
        reason: "text with characters above U+FFFF: UTF-16 as Java writes it; pyfory writes UTF-8",
    },
    Difference {
        peer: "python",
        case: "enum_by_name",
        reason: "namespace meta string tagged ALL_TO_LOWER_SPECIAL (04) as Java writes it; pyfory tags 01",
    },
    Difference {
        peer: "python",
        case: "struct_named",
        reason: "namespace meta string tagged ALL_TO_LOWER_SPECIAL (04) as Java writes it; pyfory tags 01",
    },
    Difference {
        peer: "python",
        case: "enum_list_by_name",
        reason: "namespace meta string tagged ALL_TO_LOWER_SPECIAL (04) as Java writes it; pyfory tags 01",
    },
];

/// The reason our bytes may differ from `peer`'s for `case`, if that difference is accepted.
pub fn accepted(peer: &str, case: &str) -> Option<&'static str> {
    DIFFERENCES
        .iter()
        .find(|d| d.peer == peer && d.case == case)
        .map(|d| d.reason)
}

/// Golden files a peer does not write the same way twice, so regenerating them cannot
/// reproduce the committed file: peer, case, reason. The conformance runner shows their
/// "regenerated" check as n/a.
pub const NON_DETERMINISTIC: &[(&str, &str, &str)] = &[];

/// The reason `peer`'s golden file for `case` may differ from one generation to the next,
/// if it is listed in `NON_DETERMINISTIC`.
pub fn non_deterministic(peer: &str, case: &str) -> Option<&'static str> {
    NON_DETERMINISTIC
        .iter()
        .find(|(p, c, _)| *p == peer && *c == case)
        .map(|(_, _, reason)| *reason)
}
