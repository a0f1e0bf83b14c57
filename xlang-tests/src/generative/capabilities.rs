//! What each peer can express. The generator leaves a feature out of a peer's schemas when the
//! peer lists it here, and the report says which features each peer skipped and why.
//!
//! Feature names: a scalar's name (`float16`), `<scalar>_<encoding>` for a field in another
//! integer encoding (`int64_tagged`), `array<<scalar>>`, `list`, `list<<scalar>>` (a list of
//! that scalar: a field's, a map value's or a list element's), `set`, `set<<scalar>>` (a set of
//! that scalar), `map`, `nullable_<scalar>` (a nullable field of that scalar), `nullable_element`
//! (any null list element or map value), `nullable_element<<class>>` (null elements in a list of
//! that class) and `nullable_value<<class>>` (null values in a map of that class), the classes
//! being `numeric` (bool, integers, floats), `string`, `binary`, `struct`, `enum`, `list` and
//! `shared` (shared struct objects), and
//! for a scalar also its name (`nullable_element<float16>`); `list_of_structs`,
//! `map_of_structs`, `nested_struct`, `enum`, `union`, `tag_id`, `by_name`, `compatible`,
//! `schema_consistent`, `ref_tracking`, `out_of_band`, `ref_tracked_binary` (binary list and set
//! elements and map values in a case with reference tracking), `shared_ref` (struct objects
//! named from several positions, fields, list elements and map values, in a case with reference
//! tracking), `map_of_shared` (shared struct objects as map values),
//! `shared_cycle` (a shared struct that holds itself, directly or through other shared structs,
//! so its objects can form cycles).
//!
//! A feature qualified as `<feature>@compatible`, `<feature>@schema_consistent` or
//! `<feature>@ref_tracking` is left out of the cases in that mode (or with reference tracking on)
//! only.

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
        // fory-core 1.6.0; each measured, with its bytes, in spec/divergences.md ("The Java peer
        // in the generative suite").
        excluded: &[
            (
                "set<binary>",
                "fory-core 1.6.0 cannot write or read a struct with a Set<byte[]> field: its \
                 generated serializer does not compile (janino: Cannot cast \"byte[]\" to \
                 \"java.lang.Object[]\")",
            ),
            (
                "nullable_element<float16>",
                "fory-core 1.6.0 writes a list of nullable Float16 holding only nulls with the \
                 element type java.lang.Object (NAMED_STRUCT, `0a 1d 0c 04 24 15 06 96 06 98 08 \
                 03 38 29 20 a6 fd`), which it cannot read: ClassUnregisteredException",
            ),
            (
                "nullable_element<bfloat16>",
                "fory-core 1.6.0 writes a list of nullable BFloat16 holding only nulls with the \
                 element type java.lang.Object (NAMED_STRUCT, as for float16), which it cannot \
                 read: ClassUnregisteredException",
            ),
            (
                "nullable_element<struct>",
                "fory-core 1.6.0 writes a list of nullable structs holding only nulls with the \
                 element type java.lang.Object (`01 0a 1d 0c 04 24 15 06 96 06 98 08 03 38 29 20 \
                 a6 fd` in schema-consistent mode, which it cannot read: \
                 ClassUnregisteredException; in compatible mode a TypeDef of java.lang.Object, \
                 which only Java reads back)",
            ),
            (
                "nullable_element<shared>",
                "fory-core 1.6.0 cannot write a List<@Ref S> holding only nulls, in either mode: \
                 ClassUnregisteredException: Class void is not registered",
            ),
            (
                "nullable_value<shared>@compatible",
                "in compatible mode with tracking on, fory-core 1.6.0 writes a Map<Long, @Ref S> \
                 null value's chunk with the key tracked (`11 00 07 02` for key 1), so an equal \
                 cached Long key in a later null-value chunk is a reference to the first \
                 (`11 fe 01`), which a reader keeping no scalars for references cannot take, and \
                 every later reference id is one higher than ours",
            ),
            (
                "nullable_element<numeric>@compatible",
                "in compatible mode fory-core 1.6.0 reads a LIST field of nullable bool, integers \
                 or floats holding a null (`02 0e ff 02 fd`) only when n * (1 + element width) \
                 bytes remain from its first element to the end of the payload (it checks as if \
                 no element were null): near the end, IndexOutOfBoundsException",
            ),
            (
                "nullable_value<list>@compatible",
                "in compatible mode fory-core 1.6.0's generated serializer writes a map entry with \
                 a null list value with its key's type id (chunk header 0x10: `10 15 04 61` for \
                 \"a\"), then reads the key as declared (\"UTF-16 byte size 5 is not aligned\", \
                 a lost key, or a NullPointerException)",
            ),
            (
                "nullable_value<binary>@compatible",
                "in compatible mode fory-core 1.6.0's generated serializer writes a map entry with \
                 a null binary value with its key's type id (`10 15 04 61`), then reads the key as \
                 declared (\"UTF-16 byte size 5 is not aligned to element size 2\")",
            ),
            (
                "nullable_element<list>@ref_tracking",
                "with reference tracking on, fory-core 1.6.0's generated reader fails on a list of \
                 nullable lists holding a null and a list (`02 0e ff 01 0c 04 61 fd`): \
                 ArrayIndexOutOfBoundsException: Index -1",
            ),
        ],
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
            (
                "shared_ref@compatible",
                "in compatible mode, with a shared struct S1 as a list element ([]*S1, \
                 list(element=_(ref=true))) holding a map<string, S2> whose S2 has a struct \
                 field, fory-go 1.6.0 writes the map chunk with the value type declared \
                 (header `24`, no type info or TypeDef of S2, where we and Java write `04` \
                 and S2's type info `1c 04 …`) and S2's struct field with the reference flag \
                 its own TypeDef would declare (`ff`); with no TypeDef of S2 sent, the reader \
                 takes `ff 1c` for a type id (3711): shrunk case r3_0158, \
                 spec/divergences.md",
            ),
        ],
    },
    Capabilities {
        peer: "apache-rust",
        excluded: &[
            (
                "out_of_band",
                "Apache Fory Rust 1.7.7 has no buffer callback and rejects the header's \
                 out-of-band bit (`03`) as \"unsupported root header bitmap\"",
            ),
            (
                "shared_cycle",
                "the Apache peer holds a shared struct as an Arc<S>, which cannot hold itself; \
                 a cycle there needs Arc<Mutex<S>> with its ArcWeak back-links, which the peer \
                 does not generate (Apache's derive also rejects an Rc held through a nested \
                 struct, spec/divergences.md)",
            ),
            (
                "ref_tracking@schema_consistent",
                "with reference tracking on, Java (and we) flag the lists, maps, arrays, \
                 binaries and structs a schema-consistent struct's list declares (`03 0d 00 …`); \
                 Apache Fory Rust 1.7.7's reader ignores the tracking bit of a declared list \
                 without nulls and reads each `00` flag as the element: `[[\"a\"], [], [\"b\", \
                 \"c\"]]` reads as `[[], [\"a\"], []]` with no error, and a struct after it as a \
                 schema hash that does not match (\"Read class … version … is not consistent\")",
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
