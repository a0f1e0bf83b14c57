//! Struct TypeDef bodies: the field list a compatible-mode struct sends ahead of its first value,
//! and the 32-bit schema hash of same-schema mode.
//!
//! A struct body is laid out as
//!
//! ```text
//! | meta byte | type spec | field info ... |
//! ```
//!
//! - meta byte: bit 7 set (struct), bit 6 compatible, bit 5 registered by name, bits 0..5 the
//!   field count; a count of 31 or more is written as 31 followed by a varuint32 of `count - 31`;
//! - type spec: the user id as a varuint32, or the namespace and type name as TypeDef names (see
//!   [`write_name`]);
//! - field info: a header byte (bits 6..8 the name encoding, `3` meaning a tag id; bits 2..6 the
//!   size, `name length - 1` or the tag id, where 15 is followed by a varuint32 of `size - 15`;
//!   bit 1 nullable; bit 0 reference tracking), then the field type, then the name bytes (none for
//!   a tag id).
//!
//! The field type is the type id as one byte, and for `LIST` / `SET` the element type, for `MAP`
//! the key and value types, each as a varuint32 `(type_id << 2) | (nullable << 1) | track_ref`
//! followed by its own element types when it is itself a container.
//!
//! [`decode_body`] reads bytes from another process: every length is checked against the bytes
//! left, field counts and nesting are bounded by [`MAX_FIELDS`] and [`MAX_TYPE_DEPTH`], and every
//! error carries the offset within the body where reading failed.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::buffer::{Reader, Writer};
use crate::error::{Error, Result};
use crate::meta::meta_string::{MetaStringDecoder, MetaStringEncoder, MetaStringEncoding};
use crate::meta::murmur3::murmurhash3_x64_128;
use crate::meta::type_def::{read_name, write_name, NAMESPACE_ENCODINGS, TYPE_NAME_ENCODINGS};
use crate::types::TypeId;

/// Encodings a field name may use, in the order of the 2-bit value in the field header (the
/// fourth value, 3, marks a tag id instead of a name).
pub const FIELD_NAME_ENCODINGS: [MetaStringEncoding; 3] = [
    MetaStringEncoding::Utf8,
    MetaStringEncoding::AllToLowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
];

/// Most fields [`decode_body`] accepts in one struct TypeDef.
pub const MAX_FIELDS: u32 = 4096;

/// Deepest container nesting [`decode_body`] accepts in one field type (a field of type
/// `list<i32>` has depth 2).
pub const MAX_TYPE_DEPTH: usize = 32;

/// Largest tag id a field may carry (`2^29 - 1`, the bound the peers enforce).
pub const MAX_TAG_ID: u32 = (1 << 29) - 1;

const STRUCT_FLAG: u8 = 0b1000_0000;
const COMPATIBLE_FLAG: u8 = 0b0100_0000;
const BY_NAME_FLAG: u8 = 0b0010_0000;
const SMALL_COUNT: u8 = 0b1_1111;
const SMALL_SIZE: u8 = 0b1111;
const TAG_ID_ENCODING: u8 = 0b11;
const NULLABLE_BIT: u8 = 0b10;
const REF_BIT: u8 = 0b01;

/// How a struct is registered: by numeric user id or by namespace and type name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StructIdentity {
    /// Registered with a numeric user id.
    Id(u32),
    /// Registered by name; the namespace may be empty.
    Name {
        /// The namespace (`.`-separated), possibly empty.
        namespace: String,
        /// The type name.
        type_name: String,
    },
}

/// How a field is identified on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldKey {
    /// A field name, as written by the sender (snake_case by the spec's convention; pyfory 1.7.7
    /// writes the Python attribute name unchanged).
    Name(String),
    /// A numeric tag id (at most [`MAX_TAG_ID`]).
    Tag(u32),
}

/// The type of a field: a leaf type id or a container with its element types.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// Any type id other than `LIST`, `SET` and `MAP`. User types appear as their kind
    /// (`COMPATIBLE_STRUCT`, `NAMED_ENUM`, ...) without their id or name.
    Leaf(TypeId),
    /// `LIST` of the element type.
    List(Box<NestedType>),
    /// `SET` of the element type.
    Set(Box<NestedType>),
    /// `MAP` of the key and value types.
    Map(Box<NestedType>, Box<NestedType>),
}

/// An element, key or value type inside a container type, with the flags the wire keeps for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NestedType {
    /// Elements may be null.
    pub nullable: bool,
    /// Elements are reference-tracked.
    pub track_ref: bool,
    /// The element type.
    pub field_type: FieldType,
}

/// One field of a struct TypeDef.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldDef {
    /// The field's name or tag id.
    pub key: FieldKey,
    /// The field may be null (a null flag precedes its value).
    pub nullable: bool,
    /// The field is reference-tracked.
    pub track_ref: bool,
    /// The field's type.
    pub field_type: FieldType,
}

/// A struct TypeDef body, fields in wire order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StructDef {
    /// Registered as a compatible struct (`COMPATIBLE_STRUCT` / `NAMED_COMPATIBLE_STRUCT`).
    pub compatible: bool,
    /// The registered id or name.
    pub identity: StructIdentity,
    /// The fields, in the order their values are written.
    pub fields: Vec<FieldDef>,
}

impl StructDef {
    /// The type id a value of this struct is written with.
    pub fn type_id(&self) -> TypeId {
        match (&self.identity, self.compatible) {
            (StructIdentity::Id(_), false) => TypeId::Struct,
            (StructIdentity::Id(_), true) => TypeId::CompatibleStruct,
            (StructIdentity::Name { .. }, false) => TypeId::NamedStruct,
            (StructIdentity::Name { .. }, true) => TypeId::NamedCompatibleStruct,
        }
    }
}

impl FieldType {
    /// A list of `element`.
    pub fn list(nullable: bool, track_ref: bool, element: FieldType) -> Self {
        FieldType::List(Box::new(NestedType::new(nullable, track_ref, element)))
    }

    /// A set of `element`.
    pub fn set(nullable: bool, track_ref: bool, element: FieldType) -> Self {
        FieldType::Set(Box::new(NestedType::new(nullable, track_ref, element)))
    }

    /// A map from `key` to `value`.
    pub fn map(key: NestedType, value: NestedType) -> Self {
        FieldType::Map(Box::new(key), Box::new(value))
    }

    /// The type id this type is written with.
    pub fn type_id(&self) -> TypeId {
        match self {
            FieldType::Leaf(id) => *id,
            FieldType::List(_) => TypeId::List,
            FieldType::Set(_) => TypeId::Set,
            FieldType::Map(..) => TypeId::Map,
        }
    }
}

impl std::fmt::Display for FieldType {
    /// The type as the spec names it: `MAP<VARINT32, LIST<UINT8>>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldType::Leaf(id) => f.write_str(id.name()),
            FieldType::List(e) => write!(f, "LIST<{}>", e.field_type),
            FieldType::Set(e) => write!(f, "SET<{}>", e.field_type),
            FieldType::Map(k, v) => write!(f, "MAP<{}, {}>", k.field_type, v.field_type),
        }
    }
}

impl std::fmt::Display for FieldKey {
    /// `"name"` or `tag id 3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldKey::Name(name) => write!(f, "{name:?}"),
            FieldKey::Tag(tag) => write!(f, "tag id {tag}"),
        }
    }
}

impl NestedType {
    /// An element type with its flags.
    pub fn new(nullable: bool, track_ref: bool, field_type: FieldType) -> Self {
        NestedType {
            nullable,
            track_ref,
            field_type,
        }
    }
}

fn is_container(id: TypeId) -> bool {
    matches!(id, TypeId::List | TypeId::Set | TypeId::Map)
}

/// Encodes a struct TypeDef body.
///
/// Field names are written in the encoding [`MetaStringEncoder::FIELD_NAME`] picks, so a body
/// decoded from a peer that chose another encoding re-encodes differently. Fails on an empty field
/// name, a tag id above [`MAX_TAG_ID`], a `Leaf` holding `LIST`, `SET` or `MAP`, or a name the
/// meta string encoders refuse.
pub fn encode_body(def: &StructDef) -> Result<Vec<u8>> {
    let mut w = Writer::new();
    let count = def.fields.len();
    let count32 =
        u32::try_from(count).map_err(|_| Error::encode(format!("a struct with {count} fields")))?;
    let mut meta = STRUCT_FLAG | (count.min(usize::from(SMALL_COUNT)) as u8);
    if def.compatible {
        meta |= COMPATIBLE_FLAG;
    }
    if matches!(def.identity, StructIdentity::Name { .. }) {
        meta |= BY_NAME_FLAG;
    }
    w.write_u8(meta);
    if count32 >= u32::from(SMALL_COUNT) {
        w.write_varuint32(count32 - u32::from(SMALL_COUNT));
    }
    match &def.identity {
        StructIdentity::Id(id) => w.write_varuint32(*id),
        StructIdentity::Name {
            namespace,
            type_name,
        } => {
            let ns = MetaStringEncoder::NAMESPACE.encode(namespace)?;
            write_name(&mut w, &ns, &NAMESPACE_ENCODINGS);
            let tn = MetaStringEncoder::TYPE_NAME.encode(type_name)?;
            write_name(&mut w, &tn, &TYPE_NAME_ENCODINGS);
        }
    }
    for field in &def.fields {
        write_field(&mut w, field)?;
    }
    Ok(w.into_inner())
}

fn write_field(w: &mut Writer, field: &FieldDef) -> Result<()> {
    let mut header = 0u8;
    if field.track_ref {
        header |= REF_BIT;
    }
    if field.nullable {
        header |= NULLABLE_BIT;
    }
    let (encoding, size, name) = match &field.key {
        FieldKey::Tag(tag) => {
            if *tag > MAX_TAG_ID {
                return Err(Error::encode(format!(
                    "field tag id {tag}; the largest is {MAX_TAG_ID}"
                )));
            }
            (TAG_ID_ENCODING, *tag, None)
        }
        FieldKey::Name(name) => {
            if name.is_empty() {
                return Err(Error::encode("an empty field name"));
            }
            let ms = MetaStringEncoder::FIELD_NAME.encode(name)?;
            let index = FIELD_NAME_ENCODINGS
                .iter()
                .position(|e| *e == ms.encoding())
                .ok_or_else(|| {
                    Error::encode(format!(
                        "field name {name:?} in {:?}, which field names cannot use",
                        ms.encoding()
                    ))
                })?;
            let size = u32::try_from(ms.bytes().len() - 1)
                .map_err(|_| Error::encode(format!("field name {name:?} is too long")))?;
            (index as u8, size, Some(ms))
        }
    };
    header |= encoding << 6;
    header |= (size.min(u32::from(SMALL_SIZE)) as u8) << 2;
    w.write_u8(header);
    if size >= u32::from(SMALL_SIZE) {
        w.write_varuint32(size - u32::from(SMALL_SIZE));
    }
    w.write_u8(check_type(&field.field_type)? as u8);
    write_children(w, &field.field_type)?;
    if let Some(ms) = name {
        w.write_bytes(ms.bytes());
    }
    Ok(())
}

fn check_type(t: &FieldType) -> Result<TypeId> {
    match t {
        FieldType::Leaf(id) if is_container(*id) => Err(Error::encode(format!(
            "a leaf field type of {id}, which needs element types"
        ))),
        other => Ok(other.type_id()),
    }
}

fn write_nested(w: &mut Writer, nested: &NestedType) -> Result<()> {
    let id = u32::from(check_type(&nested.field_type)? as u8);
    let mut v = id << 2;
    if nested.nullable {
        v |= u32::from(NULLABLE_BIT);
    }
    if nested.track_ref {
        v |= u32::from(REF_BIT);
    }
    w.write_varuint32(v);
    write_children(w, &nested.field_type)
}

fn write_children(w: &mut Writer, t: &FieldType) -> Result<()> {
    match t {
        FieldType::Leaf(_) => Ok(()),
        FieldType::List(e) | FieldType::Set(e) => write_nested(w, e),
        FieldType::Map(k, v) => {
            write_nested(w, k)?;
            write_nested(w, v)
        }
    }
}

/// Decodes a struct TypeDef body (the bytes after the TypeDef header), consuming all of it.
///
/// Rejects: a meta byte without the struct bit; more than [`MAX_FIELDS`] fields, or more than the
/// remaining bytes could hold; unknown type ids; `LIST` / `SET` / `MAP` nesting deeper than
/// [`MAX_TYPE_DEPTH`]; tag ids above [`MAX_TAG_ID`]; duplicate tag ids or names; names that are
/// not valid meta strings; bytes left over after the last field. Error offsets are positions
/// within `body`.
pub fn decode_body(body: &[u8]) -> Result<StructDef> {
    let mut r = Reader::new(body);
    let meta = r.read_u8()?;
    if meta & STRUCT_FLAG == 0 {
        return Err(Error::invalid(
            0,
            "a struct TypeDef meta byte (bit 7 set)",
            format!("{meta:#04x}"),
        ));
    }
    let compatible = meta & COMPATIBLE_FLAG != 0;
    let by_name = meta & BY_NAME_FLAG != 0;
    let mut count = u64::from(meta & SMALL_COUNT);
    if count == u64::from(SMALL_COUNT) {
        count += u64::from(r.read_varuint32()?);
    }
    if count > u64::from(MAX_FIELDS) {
        return Err(Error::limit_exceeded(
            0,
            "struct TypeDef MAX_FIELDS",
            u64::from(MAX_FIELDS),
            count,
        ));
    }
    let identity = if by_name {
        let namespace = read_name(&mut r, &NAMESPACE_ENCODINGS, MetaStringDecoder::NAMESPACE)?;
        let type_name = read_name(&mut r, &TYPE_NAME_ENCODINGS, MetaStringDecoder::TYPE_NAME)?;
        StructIdentity::Name {
            namespace,
            type_name,
        }
    } else {
        StructIdentity::Id(r.read_varuint32()?)
    };
    // A field takes at least two bytes: its header and its type id.
    r.check_count(r.position(), count, 2, "struct TypeDef field infos")?;
    let mut fields = Vec::with_capacity(count as usize);
    let mut tags = HashSet::new();
    let mut names = HashSet::new();
    for _ in 0..count {
        let at = r.position();
        let field = read_field(&mut r)?;
        let fresh = match &field.key {
            FieldKey::Tag(tag) => tags.insert(*tag),
            FieldKey::Name(name) => names.insert(name.clone()),
        };
        if !fresh {
            return Err(Error::invalid(
                at,
                "a field name or tag id not used by an earlier field",
                format!("{:?}", field.key),
            ));
        }
        fields.push(field);
    }
    if !r.is_empty() {
        return Err(Error::invalid(
            r.position(),
            "the end of the struct TypeDef body",
            format!("{} more bytes", r.remaining()),
        ));
    }
    Ok(StructDef {
        compatible,
        identity,
        fields,
    })
}

fn read_field(r: &mut Reader<'_>) -> Result<FieldDef> {
    let at = r.position();
    let header = r.read_u8()?;
    let track_ref = header & REF_BIT != 0;
    let nullable = header & NULLABLE_BIT != 0;
    let encoding = header >> 6;
    let mut size = u64::from((header >> 2) & SMALL_SIZE);
    if size == u64::from(SMALL_SIZE) {
        size += u64::from(r.read_varuint32()?);
    }
    let type_at = r.position();
    let id = read_type_id(u32::from(r.read_u8()?), type_at)?;
    let field_type = read_children(r, id, 1)?;
    let key = if encoding == TAG_ID_ENCODING {
        if size > u64::from(MAX_TAG_ID) {
            return Err(Error::invalid(
                at,
                "a field tag id of at most 2^29 - 1",
                size.to_string(),
            ));
        }
        FieldKey::Tag(size as u32)
    } else {
        let len = usize::try_from(size + 1).unwrap_or(usize::MAX);
        let name_at = r.position();
        let bytes = r.read_bytes_for(len, "struct TypeDef field name bytes")?;
        let enc = FIELD_NAME_ENCODINGS[usize::from(encoding)];
        let name = MetaStringDecoder::FIELD_NAME
            .decode(bytes, enc)
            .map_err(|e| {
                Error::invalid(
                    name_at + e.offset().unwrap_or(0),
                    "a valid field name meta string",
                    e.to_string(),
                )
            })?;
        if name.is_empty() {
            return Err(Error::invalid(name_at, "a non-empty field name", "\"\""));
        }
        FieldKey::Name(name)
    };
    Ok(FieldDef {
        key,
        nullable,
        track_ref,
        field_type,
    })
}

fn read_type_id(raw: u32, at: usize) -> Result<TypeId> {
    let id = u8::try_from(raw)
        .ok()
        .and_then(|b| TypeId::try_from(b).ok())
        .ok_or_else(|| Error::invalid(at, "a known field type id (0..=56)", raw.to_string()))?;
    // A NONE field would take no bytes at all: a TypeDef of thousands of them would make every
    // element of a list cost thousands of steps for no input.
    if id == TypeId::None {
        return Err(Error::invalid(
            at,
            "a field type other than NONE (36)",
            "36",
        ));
    }
    Ok(id)
}

fn read_nested(r: &mut Reader<'_>, depth: usize) -> Result<NestedType> {
    let at = r.position();
    if depth >= MAX_TYPE_DEPTH {
        return Err(Error::limit_exceeded(
            at,
            "struct TypeDef MAX_TYPE_DEPTH",
            MAX_TYPE_DEPTH as u64,
            depth as u64 + 1,
        ));
    }
    let v = r.read_varuint32()?;
    let id = read_type_id(v >> 2, at)?;
    Ok(NestedType {
        nullable: v & u32::from(NULLABLE_BIT) != 0,
        track_ref: v & u32::from(REF_BIT) != 0,
        field_type: read_children(r, id, depth + 1)?,
    })
}

fn read_children(r: &mut Reader<'_>, id: TypeId, depth: usize) -> Result<FieldType> {
    Ok(match id {
        TypeId::List => FieldType::List(Box::new(read_nested(r, depth)?)),
        TypeId::Set => FieldType::Set(Box::new(read_nested(r, depth)?)),
        TypeId::Map => {
            let k = read_nested(r, depth)?;
            let v = read_nested(r, depth)?;
            FieldType::Map(Box::new(k), Box::new(v))
        }
        other => FieldType::Leaf(other),
    })
}

/// `name` in snake_case by the cross-language rule: an uppercase letter becomes lowercase, with
/// an underscore before it when the previous character is lowercase or a digit, or is uppercase
/// and the next is lowercase (and no underscore is there already); trailing underscores dropped.
pub fn to_snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let split = prev.is_some_and(|p| {
                p.is_lowercase() || p.is_numeric() || (p.is_uppercase() && next_lower)
            });
            if split && !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out.truncate(out.trim_end_matches('_').len());
    out
}

/// The type id a schema fingerprint uses: user kinds (enums, structs, exts, unions) and
/// `UNKNOWN` all count as `UNKNOWN` (0), since their concrete type is resolved at run time.
fn fingerprint_id(id: TypeId) -> u8 {
    use TypeId::*;
    match id {
        Enum
        | NamedEnum
        | Struct
        | CompatibleStruct
        | NamedStruct
        | NamedCompatibleStruct
        | Ext
        | NamedExt
        | Union
        | TypedUnion
        | NamedUnion => 0,
        other => other as u8,
    }
}

fn fingerprint_type(out: &mut String, t: &FieldType, track_ref: bool, nullable: bool) {
    let _ = write!(
        out,
        "{},{},{}",
        fingerprint_id(t.type_id()),
        u8::from(track_ref),
        u8::from(nullable)
    );
    match t {
        FieldType::Leaf(_) => {}
        FieldType::List(e) | FieldType::Set(e) => {
            out.push('[');
            fingerprint_type(out, &e.field_type, false, false);
            out.push(']');
        }
        FieldType::Map(k, v) => {
            out.push('[');
            fingerprint_type(out, &k.field_type, false, false);
            out.push('|');
            fingerprint_type(out, &v.field_type, false, false);
            out.push(']');
        }
    }
}

/// The schema fingerprint string [`schema_hash`] hashes: for every field
/// `<tag id or snake_case name>,<type fingerprint>;`, tagged fields first by id, then named
/// fields by name. A type fingerprint is `<type id>,<ref>,<nullable>`, followed for containers by
/// `[element]` or `[key|value]`, where nested types always have ref and nullable 0 and user kinds
/// count as type id 0.
pub fn schema_fingerprint(def: &StructDef) -> String {
    let mut keyed: Vec<(u8, u32, String, String)> = def
        .fields
        .iter()
        .map(|f| {
            let mut fp = String::new();
            fingerprint_type(&mut fp, &f.field_type, f.track_ref, f.nullable);
            match &f.key {
                FieldKey::Tag(t) => (0, *t, t.to_string(), fp),
                FieldKey::Name(n) => (1, 0, to_snake_case(n), fp),
            }
        })
        .collect();
    keyed.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    let mut out = String::new();
    for (_, _, id, fp) in keyed {
        let _ = write!(out, "{id},{fp};");
    }
    out
}

/// The 32-bit schema hash a same-schema (non-compatible) struct value starts with, written as a
/// little-endian 4-byte integer: the low 32 bits of the first lane of MurmurHash3 x64_128
/// (seed 47) of [`schema_fingerprint`]; 47 for a struct without fields.
pub fn schema_hash(def: &StructDef) -> u32 {
    let fp = schema_fingerprint(def);
    if fp.is_empty() {
        return 47;
    }
    murmurhash3_x64_128(fp.as_bytes(), 47).0 as u32
}

/// Why a writer's schema hash `remote` differs from the one of `local`, where one change to
/// `local` explains it: a field the writer lacks, a field nullable or reference-tracked on one
/// side only, or a field (or a container's element, key or value) of another type. `None` when
/// no single change does (other names, more fields, or several changes).
///
/// ```
/// use fory_core::__private::meta::struct_def::{explain_hash_mismatch, schema_hash, FieldDef, FieldKey, FieldType, StructDef, StructIdentity};
/// use fory_core::types::TypeId;
/// let field = |name: &str, id| FieldDef {
///     key: FieldKey::Name(name.into()), nullable: false, track_ref: false,
///     field_type: FieldType::Leaf(id),
/// };
/// let ours = StructDef { compatible: false, identity: StructIdentity::Id(1),
///     fields: vec![field("id", TypeId::Varint32), field("name", TypeId::String)] };
/// let mut theirs = ours.clone();
/// theirs.fields[0].field_type = FieldType::Leaf(TypeId::Varint64);
/// assert_eq!(
///     explain_hash_mismatch(&ours, schema_hash(&theirs)).unwrap(),
///     "field `id` is VARINT64 (7) on the writer's side, VARINT32 (5) here"
/// );
/// ```
pub fn explain_hash_mismatch(local: &StructDef, remote: u32) -> Option<String> {
    let matches = |def: &StructDef| schema_hash(def) == remote;
    let name = |f: &FieldDef| match &f.key {
        FieldKey::Name(n) => format!("`{}`", to_snake_case(n)),
        FieldKey::Tag(t) => format!("with tag id {t}"),
    };
    for (i, field) in local.fields.iter().enumerate() {
        let mut def = local.clone();
        def.fields.remove(i);
        if matches(&def) {
            return Some(format!(
                "the writer's struct has no field {} (this side declares it)",
                name(field)
            ));
        }
        let mut def = local.clone();
        def.fields[i].nullable = !field.nullable;
        if matches(&def) {
            let side = if field.nullable {
                "here"
            } else {
                "on the writer's side"
            };
            return Some(format!(
                "field {} is nullable {side} only (Option<T>, Java @Nullable, Python Optional[...])",
                name(field)
            ));
        }
        let mut def = local.clone();
        def.fields[i].track_ref = !field.track_ref;
        if matches(&def) {
            let side = if field.track_ref {
                "here"
            } else {
                "on the writer's side"
            };
            return Some(format!(
                "field {} is reference-tracked {side} only",
                name(field)
            ));
        }
        for (path, theirs) in other_types(&field.field_type) {
            let mut def = local.clone();
            def.fields[i].field_type = theirs.clone();
            if matches(&def) {
                let ours = part_type(&field.field_type, path);
                let theirs = part_type(&theirs, path);
                return Some(format!(
                    "field {}{} is {theirs} on the writer's side, {ours} here",
                    name(field),
                    path.label()
                ));
            }
        }
    }
    None
}

/// Which part of a field type [`other_types`] changed.
#[derive(Debug, Clone, Copy)]
enum TypePart {
    Whole,
    Element,
    Key,
    Value,
}

impl TypePart {
    fn label(self) -> &'static str {
        match self {
            TypePart::Whole => "",
            TypePart::Element => "'s element type",
            TypePart::Key => "'s key type",
            TypePart::Value => "'s value type",
        }
    }
}

/// The type id of `part` of `t`, for messages.
fn part_type(t: &FieldType, part: TypePart) -> TypeId {
    match (t, part) {
        (FieldType::List(e) | FieldType::Set(e), TypePart::Element) => e.field_type.type_id(),
        (FieldType::Map(k, _), TypePart::Key) => k.field_type.type_id(),
        (FieldType::Map(_, v), TypePart::Value) => v.field_type.type_id(),
        _ => t.type_id(),
    }
}

/// Every type that differs from `t` in one leaf: `t` replaced by another leaf type, or a
/// container's element, key or value replaced by one. User kinds are left out (the fingerprint
/// counts them all as 0).
fn other_types(t: &FieldType) -> Vec<(TypePart, FieldType)> {
    let leaves = || {
        TypeId::ALL
            .iter()
            .copied()
            .filter(|id| fingerprint_id(*id) != 0 && !is_container(*id) && *id != TypeId::Unknown)
    };
    let mut out: Vec<(TypePart, FieldType)> = leaves()
        .filter(|id| *id != t.type_id())
        .map(|id| (TypePart::Whole, FieldType::Leaf(id)))
        .collect();
    let with = |nested: &NestedType, id| {
        NestedType::new(nested.nullable, nested.track_ref, FieldType::Leaf(id))
    };
    match t {
        FieldType::Leaf(_) => {}
        FieldType::List(e) | FieldType::Set(e) => {
            for id in leaves().filter(|id| *id != e.field_type.type_id()) {
                let element = Box::new(with(e, id));
                out.push((
                    TypePart::Element,
                    match t {
                        FieldType::List(_) => FieldType::List(element),
                        _ => FieldType::Set(element),
                    },
                ));
            }
        }
        FieldType::Map(k, v) => {
            for id in leaves().filter(|id| *id != k.field_type.type_id()) {
                out.push((
                    TypePart::Key,
                    FieldType::Map(Box::new(with(k, id)), v.clone()),
                ));
            }
            for id in leaves().filter(|id| *id != v.field_type.type_id()) {
                out.push((
                    TypePart::Value,
                    FieldType::Map(k.clone(), Box::new(with(v, id))),
                ));
            }
        }
    }
    out
}
