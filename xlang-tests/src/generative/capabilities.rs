//! What each peer can express. The generator leaves a feature out of a peer's schemas when the
//! peer lists it here, and the report says which features each peer skipped and why.
//!
//! Feature names: a scalar's name (`float16`), `<scalar>_<encoding>` for a field in another
//! integer encoding (`int64_tagged`), `array<<scalar>>`, `list`, `list<<scalar>>` (a list of
//! that scalar: a field's, a map value's or a list element's), `set`, `set<<scalar>>` (a set of
//! that element), `map`, `nullable_<scalar>` (a nullable field of that scalar),
//! `nullable_element`, `list_of_structs`, `map_of_structs`, `nested_struct`, `enum`, `union`,
//! `tag_id`, `by_name`, `compatible`, `schema_consistent`, `ref_tracking`, `out_of_band`,
//! `ref_tracked_binary` (binary list and set elements and map values in a case with reference
//! tracking).

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

/// pyfory's LIST of VARINT32 writer overflows its buffer (measured with pyfory 1.6.0 and 1.7.7;
/// spec/divergences.md, "pyfory writes past its buffer").
const PYFORY_LIST_INT32: (&str, &str) = (
    "list<int32>",
    "pyfory (1.6.0 and 1.7.7, Cython) writes a List[pyfory.Int32] in a fast path whose \
     8-byte stores reach past the end of its buffer when the elements take five varint bytes \
     (v >= 2^27 or v < -2^27): valgrind reports an invalid write of size 8, 99 bytes into a \
     block of 104 (fory::write_primitive_sequence in 1.6.0, \
     Fory_PyPrimitiveCollectionWriteToBuffer in 1.7.7), and the process aborts (`realloc(): \
     invalid next size`) when it hits the allocator's data; the bytes written are right",
);

/// pyfory's reference tracking of equal binaries (measured with pyfory 1.6.0 and 1.7.7;
/// spec/divergences.md, "pyfory's references to binaries").
const PYFORY_REF_BINARY: (&str, &str) = (
    "ref_tracked_binary",
    "with reference tracking, pyfory (1.6.0 and 1.7.7) flags BINARY list and set elements and \
     map values and writes a bytes object met again as a reference to the first; CPython \
     keeps a single b'' and a single object per one-byte value, so equal empty or one-byte \
     binaries anywhere in the value become references though no one shared them (`[b'', b'']` \
     in a List[bytes] field: `02 0d 00 00 fe 01`; two equal Java byte[] are two objects), and \
     fory-core rejects a reference read into a plain Vec<u8> (`expected a value (the target \
     type is not a shared reference such as Rc or Arc), found a reference to an earlier \
     value`)",
);

/// Every peer's capabilities, in the runner's order. A peer not listed can express everything.
pub const PEERS: &[Capabilities] = &[
    Capabilities {
        peer: "java",
        excluded: &[],
    },
    Capabilities {
        peer: "python",
        excluded: &[PYFORY_LIST_INT32, PYFORY_REF_BINARY],
    },
    Capabilities {
        peer: "python-1.7.7",
        excluded: &[PYFORY_LIST_INT32, PYFORY_REF_BINARY],
    },
    Capabilities {
        peer: "go",
        excluded: &[
            (
                "out_of_band",
                "fory-go 1.6.0 sets the out-of-band bit but never calls the buffer callback and \
                 writes every buffer without the in-band flag",
            ),
            (
                "set<binary>",
                "a Go set is a fory.Set[T], a map[T]struct{}, and a []byte cannot be a map key; \
                 a fory.Set[string] tagged type=set(element=bytes) declares BINARY elements \
                 (a6 01) but writes them as strings (0a 01 02 for \"\\x01\\x02\")",
            ),
            (
                "nullable_bfloat16",
                "fory-go 1.6.0 writes a nullable *bfloat16.BFloat16 field without the null flag \
                 its TypeDef declares (42 12): nil as 00 00, 1.0 as 80 3f, where a \
                 *float16.Float16 field writes fd and ff 00 3c; a fresh Fory reads it back the \
                 same way, so a null comes back as 0 (and another writer's ff 80 3f as the bits \
                 80ff); a Fory that has already read the type reads the flag, so its own 80 3f \
                 fails (buffer out of bound)",
            ),
        ],
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
