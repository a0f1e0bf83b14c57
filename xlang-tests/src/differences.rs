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
