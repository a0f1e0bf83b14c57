//! What each peer can express. The generator leaves a feature out of a peer's schemas when the
//! peer lists it here, and the report says which features each peer skipped and why.
//!
//! Feature names: a scalar's name (`float16`), `<scalar>_<encoding>` for a field in another
//! integer encoding (`int64_tagged`), `array<<scalar>>`, `list`, `set`, `map`,
//! `nullable_element`, `list_of_structs`, `map_of_structs`, `nested_struct`, `enum`, `union`,
//! `tag_id`, `by_name`, `compatible`, `schema_consistent`, `ref_tracking`, `out_of_band`.

/// A peer's features it cannot express, each with the reason.
#[derive(Debug, Clone, Copy)]
pub struct Capabilities {
    /// The peer's name.
    pub peer: &'static str,
    /// `(feature, why)` for every feature left out of its schemas.
    pub excluded: &'static [(&'static str, &'static str)],
}

impl Capabilities {
    /// Whether the peer can express `feature`.
    pub fn allows(&self, feature: &str) -> bool {
        !self.excluded.iter().any(|(f, _)| *f == feature)
    }
}

/// Every peer's capabilities, in the runner's order. A peer not listed can express everything.
pub const PEERS: &[Capabilities] = &[
    Capabilities {
        peer: "java",
        excluded: &[],
    },
    Capabilities {
        peer: "python",
        excluded: &[],
    },
    Capabilities {
        peer: "python-1.7.7",
        excluded: &[],
    },
    Capabilities {
        peer: "go",
        excluded: &[(
            "out_of_band",
            "fory-go 1.6.0 sets the out-of-band bit but never calls the buffer callback and \
             writes every buffer without the in-band flag",
        )],
    },
    Capabilities {
        peer: "apache-rust",
        excluded: &[(
            "out_of_band",
            "Apache Fory Rust 1.7.7 has no buffer callback and rejects the header's \
             out-of-band bit (`03`) as \"unsupported root header bitmap\"",
        )],
    },
];

/// The capabilities of `peer` (everything, for a peer not listed).
pub fn of(peer: &str) -> Capabilities {
    PEERS
        .iter()
        .copied()
        .find(|c| c.peer == peer)
        .unwrap_or(Capabilities {
            peer: "rust",
            excluded: &[],
        })
}
