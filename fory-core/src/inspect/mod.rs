//! Reading a payload without its types: what `fory inspect` prints.
//!
//! [`inspect`] walks one or more payloads (back to back, as a stream holds them) with no
//! registrations and returns a tree: each value with its byte range, reference flag, wire type,
//! user type id or name, string encoding, out-of-band buffer and value. A compatible-mode payload
//! carries its structs' TypeDefs, so its fields appear by name. Three things cannot be read
//! without the writer's code, and end the walk without an error ([`Inspection::stopped`]):
//!
//! - a schema-consistent struct: its payload is the schema hash and the fields' bytes, with no
//!   type info for them;
//! - an EXT value: its layout is its serializer's own, with no length before it;
//! - a struct written in compatible mode without a TypeDef (Java, for a class whose evolution is
//!   disabled).
//!
//! Malformed bytes end the walk with [`Inspection::error`]; everything read before them stays in
//! the tree.
//!
//! ```
//! use fory_core::inspect::{inspect, Leaf, Options};
//! use fory_core::Fory;
//!
//! let bytes = Fory::default().serialize(&vec!["a".to_string(), "b".to_string()])?;
//! let found = inspect(&bytes, &[], &Options::default());
//! assert!(found.error.is_none() && found.stopped.is_none());
//! let list = &found.payloads[0].children[0];
//! assert_eq!(list.type_name(), "LIST");
//! assert_eq!(list.children[1].value, Some(Leaf::Text("b".into())));
//! assert_eq!(list.children[1].range, 8..10);
//! assert!(found.tree(false).contains("[1]: STRING \"b\" (Latin-1)"));
//! # Ok::<(), fory_core::Error>(())
//! ```

mod json;
mod render;
mod walk;

use std::fmt;
use std::ops::Range;

use crate::buffer::StringEncoding;
use crate::error::Error;
use crate::oob::OobArrayForm;
use crate::types::{RefFlag, TypeId};

/// How [`inspect`] reads.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep at most this many children of one list, set, map or struct in the tree (the others
    /// are still read and checked, and counted in [`Node::elided`]); `None` keeps all.
    pub max_children: Option<usize>,
    /// How numeric arrays in a payload with out-of-band buffers are read where the bytes cannot
    /// tell Java's form from pyfory's (see [`OobArrayForm`]).
    pub oob_array_form: OobArrayForm,
}

/// What [`inspect`] found.
#[derive(Debug, Clone)]
pub struct Inspection {
    /// One node per payload, in order: its children are the header's parts and the root value.
    pub payloads: Vec<Node>,
    /// Where and why the walk stopped before the end of the input without the bytes being
    /// wrong (a value only its writer's code can read).
    pub stopped: Option<Stopped>,
    /// The error that ended the walk, if the bytes are malformed.
    pub error: Option<Error>,
    /// The out-of-band buffers the payloads took, of those given.
    pub buffers_used: usize,
    /// The length of the input.
    pub input_len: usize,
}

/// Where the walk stopped on bytes it cannot read without the writer's types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    /// The first byte not read.
    pub offset: usize,
    /// Why.
    pub reason: String,
}

/// One value (or a payload) in the tree.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    /// Its bytes in the input, from its reference flag (if any) to its last byte.
    pub range: Range<usize>,
    /// Its place: `root`, a field name, `#3` (a field known by tag id), `[2]` (an element),
    /// `[2].key` / `[2].value` (a map entry), `case 1` (a union's value).
    pub name: String,
    /// The reference flag before it, if one was written.
    pub ref_flag: Option<RefFlag>,
    /// The reference id it takes (after `RefValue`) or points to (after `Ref`).
    pub ref_id: Option<u32>,
    /// Its wire type; `None` for a null or a reference.
    pub type_id: Option<TypeId>,
    /// For a user type: the id or name it was written with.
    pub user_type: Option<UserTypeName>,
    /// The TypeDef that described its struct: its index in the payload's table.
    pub type_def: Option<u32>,
    /// A string's encoding.
    pub encoding: Option<StringEncoding>,
    /// Where a BINARY or array payload was: in the main buffer or in an out-of-band buffer.
    pub buffer: Option<BufferPlace>,
    /// A list's or set's element count, a map's entry count.
    pub len: Option<usize>,
    /// A scalar, string, bytes or array value.
    pub value: Option<Leaf>,
    /// A remark: what a struct's TypeDef declares, why a value could not be read.
    pub note: Option<String>,
    /// The bytes this node read itself (flag, type info, headers, payload), in order.
    pub parts: Vec<Part>,
    /// The values inside it, in order.
    pub children: Vec<Node>,
    /// Children read but not kept ([`Options::max_children`]).
    pub elided: usize,
}

/// A run of bytes one node read itself, and what they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The bytes in the input.
    pub range: Range<usize>,
    /// What they say.
    pub what: String,
}

/// How a user type was named on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserTypeName {
    /// A numeric user id.
    Id(u32),
    /// A namespace (possibly empty) and a type name.
    Name {
        /// The namespace.
        namespace: String,
        /// The type name.
        name: String,
    },
}

impl fmt::Display for UserTypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserTypeName::Id(id) => write!(f, "id {id}"),
            UserTypeName::Name { namespace, name } if namespace.is_empty() => f.write_str(name),
            UserTypeName::Name { namespace, name } => write!(f, "{namespace}.{name}"),
        }
    }
}

/// Where a BINARY or numeric-array payload was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BufferPlace {
    /// In the main buffer.
    InBand,
    /// In the out-of-band buffer with this index (counting from 0 over the whole input).
    OutOfBand(usize),
}

/// A value read from the bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Leaf {
    /// A boolean.
    Bool(bool),
    /// An integer of any width, or an enum's ordinal.
    Int(i128),
    /// A 32- or 64-bit float.
    Float(f64),
    /// A string, decoded.
    Text(String),
    /// A value shown in its display form: a date, timestamp, duration, decimal or 16-bit float.
    Shown(String),
    /// BINARY bytes.
    Bytes(Vec<u8>),
    /// A numeric array: its element type and its bytes (little-endian).
    Array {
        /// The array's type (`INT32_ARRAY`, ...).
        type_id: TypeId,
        /// Its bytes.
        bytes: Vec<u8>,
    },
}

impl Node {
    /// The wire type's name (`LIST`, `NAMED_STRUCT`, ...), `null` or `ref` for a value that is
    /// not there, `payload` for a payload.
    pub fn type_name(&self) -> &'static str {
        match (self.type_id, self.ref_flag) {
            (Some(id), _) => id.name(),
            (None, Some(RefFlag::Null)) => "null",
            (None, Some(RefFlag::Ref)) => "ref",
            (None, _) => "payload",
        }
    }
}

impl Inspection {
    /// Whether the input was read to its end without an error.
    pub fn is_complete(&self) -> bool {
        self.error.is_none() && self.stopped.is_none()
    }

    /// The annotated tree: one line per value, its byte range first. `full` shows whole
    /// strings, byte strings and arrays (otherwise shortened).
    pub fn tree(&self, full: bool) -> String {
        render::tree(self, full)
    }

    /// The bytes beside the tree: offset, up to 16 bytes in hex, and what they are, one line
    /// per part, indented by depth. `full` shows every byte of long parts.
    pub fn hex(&self, input: &[u8], full: bool) -> String {
        render::hex(self, input, full)
    }

    /// The tree as JSON: one object with `payloads` (nodes), `stopped` and `error` when they
    /// apply, `buffers_used` and `input_len`. A node has `name`, `range` (`[start, end]`),
    /// `parts` (`range`, `what`) and, where they apply, `ref_flag`, `ref_id`, `type`, `type_id`,
    /// `user_type` (`id`, or `namespace` and `name`), `type_def`, `encoding`, `buffer`, `len`,
    /// `value`, `note`, `children` and `elided`. Values are whole: strings, byte strings (hex),
    /// arrays (JSON arrays; NaN and infinities as strings).
    pub fn json(&self) -> String {
        json::inspection(self)
    }
}

/// Reads `input` (one payload, or several back to back) with its out-of-band `buffers` in
/// order, and returns what it holds; see the [module](self) for what can and cannot be shown.
pub fn inspect(input: &[u8], buffers: &[&[u8]], options: &Options) -> Inspection {
    walk::inspect(input, buffers, options)
}
