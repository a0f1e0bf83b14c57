//! The walk behind [`inspect`](super::inspect): reads every value as the bytes describe it, with
//! no registrations, and builds the tree as it goes. Open nodes are kept on a stack, so a walk
//! that stops (malformed bytes, or a value only its writer can read) still returns everything
//! read before.

use crate::buffer::{decode_str, Reader, StringEncoding};
use crate::context::ReadContext;
use crate::error::{Error, Result};
use crate::fory::{Fory, FrameHeader};
use crate::meta::struct_def::{FieldDef, FieldKey, FieldType, StructIdentity};
use crate::resolver::{read_struct_def, read_user_identity, ReadIdentity, StreamDef, UserKind};
use crate::serializer::list::{DECLARED, HAS_NULL, SAME_TYPE, TRACK_REF};
use crate::serializer::map::{
    KEY_DECLARED, KEY_HAS_NULL, KEY_TRACK_REF, VALUE_DECLARED, VALUE_HAS_NULL, VALUE_TRACK_REF,
};
use crate::serializer::{
    field_writes_type_info, flag_before_type_info, undeclared_element, Deserialize,
};
use crate::types::{BFloat16, Date, Decimal, Duration, Float16, RefFlag, Timestamp, TypeId};

use super::{BufferPlace, Inspection, Leaf, Node, Options, Part, Stopped, UserTypeName};

/// Why the walk ended early.
enum Halt {
    /// The bytes are wrong.
    Malformed(Error),
    /// The bytes at `offset` are only readable with the writer's types.
    Opaque(usize, String),
}

impl From<Error> for Halt {
    fn from(e: Error) -> Self {
        Halt::Malformed(e)
    }
}

type Step<T = ()> = std::result::Result<T, Halt>;

/// What is known of a value's type before its payload.
#[derive(Clone)]
struct Shape<'f> {
    id: TypeId,
    user: Option<UserTypeName>,
    type_def: Option<u32>,
    def: Option<StreamDef<'f>>,
    /// The type its position declares, for a container's element types.
    declared: Option<FieldType>,
}

impl Shape<'_> {
    fn declared(declared: &FieldType) -> Self {
        Shape {
            id: declared.type_id(),
            user: None,
            type_def: None,
            def: None,
            declared: Some(declared.clone()),
        }
    }
}

pub(super) fn inspect(input: &[u8], buffers: &[&[u8]], options: &Options) -> Inspection {
    let fory = Fory::builder()
        .oob_array_form(options.oob_array_form)
        .build();
    let mut found = Inspection {
        payloads: Vec::new(),
        stopped: None,
        error: None,
        buffers_used: 0,
        input_len: input.len(),
    };
    let mut start = 0;
    while start < input.len() {
        let mut walk = Walk {
            ctx: ReadContext::new(Reader::new(input), &fory),
            open: Vec::new(),
            refs: 0,
            max_children: options.max_children.unwrap_or(usize::MAX),
            buffers_before: found.buffers_used,
            buffers_given: 0,
            described: Vec::new(),
        };
        walk.ctx.reader.set_position(start);
        let result = walk.payload(found.payloads.len(), &buffers[found.buffers_used..]);
        if let (Err(Halt::Malformed(e)), Some(node)) = (&result, walk.open.last_mut()) {
            node.note = Some(format!("cut short: {e}"));
        }
        // A value only its writer can read runs on to the end of the input, as far as is known.
        let end = match result {
            Err(Halt::Opaque(..)) => input.len(),
            _ => walk.ctx.reader.position(),
        };
        found.buffers_used += walk.buffers_taken();
        let payload = walk.close_all(end);
        found.payloads.push(payload);
        match result {
            Ok(()) => start = end,
            Err(Halt::Malformed(e)) => {
                found.error = Some(e);
                return found;
            }
            Err(Halt::Opaque(offset, reason)) => {
                found.stopped = Some(Stopped { offset, reason });
                return found;
            }
        }
    }
    if found.buffers_used < buffers.len() {
        found.error = Some(Error::invalid(
            input.len(),
            "as many out-of-band buffers as the payloads take",
            format!("{} given, {} taken", buffers.len(), found.buffers_used),
        ));
    }
    found
}

struct Walk<'f, 'de> {
    ctx: ReadContext<'f, 'de>,
    /// The nodes being read, outermost first.
    open: Vec<Node>,
    /// Reference ids taken so far in this payload.
    refs: u32,
    max_children: usize,
    /// Out-of-band buffers taken by earlier payloads.
    buffers_before: usize,
    /// Out-of-band buffers handed to this payload.
    buffers_given: usize,
    /// The TypeDefs whose fields a node's note has shown (the first struct each described).
    described: Vec<u32>,
}

impl<'f, 'de> Walk<'f, 'de> {
    fn pos(&self) -> usize {
        self.ctx.reader.position()
    }

    fn top(&mut self) -> &mut Node {
        self.open.last_mut().expect("a node is open while reading")
    }

    fn begin(&mut self, name: String) {
        let at = self.pos();
        self.open.push(Node {
            name,
            range: at..at,
            ..Node::default()
        });
    }

    fn end(&mut self) {
        let mut node = self.open.pop().expect("a node is open while reading");
        node.range.end = self.pos();
        let max = self.max_children;
        let parent = self.top();
        if parent.children.len() < max {
            parent.children.push(node);
        } else {
            parent.elided += 1;
        }
    }

    /// Closes every open node at `end` and returns the outermost.
    fn close_all(&mut self, end: usize) -> Node {
        while self.open.len() > 1 {
            let mut node = self.open.pop().expect("checked above");
            node.range.end = end;
            self.top().children.push(node);
        }
        let mut payload = self.open.pop().unwrap_or_default();
        payload.range.end = end;
        payload
    }

    /// Records the bytes from `from` to here as a part of the innermost node.
    fn part(&mut self, from: usize, what: impl Into<String>) {
        let to = self.pos();
        self.top().parts.push(Part {
            range: from..to,
            what: what.into(),
        });
    }

    fn buffers_taken(&self) -> usize {
        self.buffers_given - self.ctx.buffers_left()
    }

    fn payload(&mut self, index: usize, buffers: &[&'de [u8]]) -> Step {
        let at = self.pos();
        self.open.push(Node {
            name: format!("payload {index}"),
            range: at..at,
            ..Node::default()
        });
        let byte = self.ctx.reader.read_u8()?;
        let header = FrameHeader::from_byte(byte, at)?;
        if header.out_of_band {
            self.ctx.set_buffers(buffers);
            self.buffers_given = buffers.len();
            self.part(at, "header: xlang, out-of-band buffers");
        } else {
            self.part(at, "header: xlang");
        }
        self.value("root".into())
    }

    /// A value with its own flag and type info.
    fn value(&mut self, name: String) -> Step {
        self.begin(name);
        if self.flag()? {
            let shape = self.type_info()?;
            self.data(&shape)?;
        }
        self.end();
        Ok(())
    }

    /// Reads a reference flag into the innermost node; whether a payload follows.
    fn flag(&mut self) -> Step<bool> {
        let at = self.pos();
        let byte = self.ctx.reader.read_u8()?;
        let flag = RefFlag::try_from(byte).map_err(|b| {
            Error::invalid(
                at,
                "a reference flag (fd null, fe ref, ff not null, 00 ref value)",
                format!("{b:#04x}"),
            )
        })?;
        self.top().ref_flag = Some(flag);
        Ok(match flag {
            RefFlag::Null => {
                self.part(at, "null");
                false
            }
            RefFlag::Ref => {
                let id = self.ctx.reader.read_varuint32()?;
                if id >= self.refs {
                    return Err(Error::invalid(
                        at + 1,
                        "the id of a value read before",
                        format!("{id} with {} read", self.refs),
                    )
                    .into());
                }
                self.top().ref_id = Some(id);
                self.part(at, format!("reference to #{id}"));
                false
            }
            RefFlag::RefValue => {
                let id = self.refs;
                self.refs += 1;
                self.top().ref_id = Some(id);
                self.part(at, format!("ref value #{id}"));
                true
            }
            RefFlag::NotNullValue => {
                self.part(at, "not null");
                true
            }
        })
    }

    /// Reads type info (a type id and, for a user type, its id, names or TypeDef).
    fn type_info(&mut self) -> Step<Shape<'f>> {
        self.type_info_of("")
    }

    /// [`Self::type_info`] shared by several values: `whose` says which (`element type: `).
    fn type_info_of(&mut self, whose: &str) -> Step<Shape<'f>> {
        let at = self.pos();
        let id = self.ctx.read_type_id()?;
        if UserKind::of_wire(id).is_none() {
            self.part(at, format!("{whose}{}", id.name()));
            return Ok(Shape {
                id,
                user: None,
                type_def: None,
                def: None,
                declared: None,
            });
        }
        let defs_before = self.ctx.stream_defs().len();
        let (identity, type_def) = read_user_identity(&mut self.ctx, id)?;
        let user = match identity {
            ReadIdentity::Id(id) => UserTypeName::Id(id),
            ReadIdentity::Name(namespace, name) => UserTypeName::Name { namespace, name },
        };
        let def = type_def.and_then(|index| read_struct_def(&self.ctx, index));
        let what = whose.to_string()
            + &match type_def {
                Some(index) if self.ctx.stream_defs().len() > defs_before => {
                    let mut what = format!("{} {user}, TypeDef #{index} (new)", id.name());
                    if let Some(s) = def.as_deref().and_then(|d| d.struct_def()) {
                        what = format!("{what}: {}", describe_struct(&s.identity, &s.fields));
                    }
                    what
                }
                Some(index) => format!("{} {user}, TypeDef #{index}", id.name()),
                None => format!("{} {user}", id.name()),
            };
        self.part(at, what);
        Ok(Shape {
            id,
            user: Some(user),
            type_def,
            def,
            declared: None,
        })
    }

    /// Reads the payload of a value of shape `shape` into the innermost node.
    fn data(&mut self, shape: &Shape<'f>) -> Step {
        {
            let node = self.top();
            node.type_id = Some(shape.id);
            node.user_type = shape.user.clone();
            node.type_def = shape.type_def;
        }
        // Nesting levels count as when the value is read into a type (a list or set with
        // elements in `elements`), so what a writer wrote within the default `max_depth` is
        // shown in full.
        if !shape.id.always_nests() {
            return self.payload_of(shape);
        }
        self.ctx.enter()?;
        self.payload_of(shape)?;
        self.ctx.leave();
        Ok(())
    }

    fn payload_of(&mut self, shape: &Shape<'f>) -> Step {
        use TypeId::*;
        let at = self.pos();
        let id = shape.id;
        let leaf =
            match id {
                None => return Ok(()),
                Bool => Leaf::Bool(self.read(id)?),
                Int8 => Leaf::Int(self.read::<i8>(id)?.into()),
                Int16 => Leaf::Int(self.read::<i16>(id)?.into()),
                Int32 | Varint32 => Leaf::Int(self.read::<i32>(id)?.into()),
                Int64 | Varint64 | TaggedInt64 => Leaf::Int(self.read::<i64>(id)?.into()),
                Uint8 => Leaf::Int(self.read::<u8>(id)?.into()),
                Uint16 => Leaf::Int(self.read::<u16>(id)?.into()),
                Uint32 | VarUint32 => Leaf::Int(self.read::<u32>(id)?.into()),
                Uint64 | VarUint64 | TaggedUint64 => Leaf::Int(self.read::<u64>(id)?.into()),
                Float8 => Leaf::Shown(format!("{:#04x} (8-bit float)", self.ctx.reader.read_u8()?)),
                Float16 => Leaf::Shown(self.read::<self::Float16>(id)?.to_string()),
                Bfloat16 => Leaf::Shown(self.read::<BFloat16>(id)?.to_string()),
                Float32 => Leaf::Float(self.read::<f32>(id)?.into()),
                Float64 => Leaf::Float(self.read(id)?),
                String => self.string()?,
                Date => Leaf::Shown(self.read::<self::Date>(id)?.to_string()),
                Timestamp => Leaf::Shown(self.read::<self::Timestamp>(id)?.to_string()),
                Duration => Leaf::Shown(self.read::<self::Duration>(id)?.to_string()),
                Decimal => Leaf::Shown(self.read::<self::Decimal>(id)?.to_string()),
                Enum | NamedEnum => {
                    let ordinal = self.ctx.reader.read_varuint32()?;
                    self.part(at, format!("ordinal {ordinal}"));
                    self.top().value = Some(Leaf::Int(ordinal.into()));
                    return Ok(());
                }
                Binary => self.buffer(id, |bytes| Leaf::Bytes(bytes.to_vec()))?,
                _ if id.element_size().is_some() => self.buffer(id, |bytes| Leaf::Array {
                    type_id: id,
                    bytes: bytes.to_vec(),
                })?,
                List | Set | Map => return self.container(shape),
                Struct | CompatibleStruct | NamedStruct | NamedCompatibleStruct => {
                    return self.struct_fields(shape)
                }
                Union | TypedUnion | NamedUnion => {
                    let case = self.ctx.reader.read_varuint32()?;
                    self.part(at, format!("case {case}"));
                    return self.value(format!("case {case}"));
                }
                Ext | NamedExt => return Err(Halt::Opaque(
                    at,
                    "an EXT value: its bytes are laid out by the serializer registered for it, \
                     with no length before them"
                        .into(),
                )),
                other => {
                    return Err(
                        Error::unsupported(at, format!("{other} as the type of a value")).into(),
                    )
                }
            };
        let mut what = leaf_summary(&leaf);
        if shape.declared.is_some() {
            // No type info before it: say the type its position declares.
            what = format!("{} {what}", id.name());
        }
        let node = self.top();
        if let Some(encoding) = node.encoding {
            what = format!("{what} ({})", encoding_name(encoding));
        }
        if let Some(BufferPlace::OutOfBand(index)) = node.buffer {
            what = format!("out-of-band buffer {index}: {what}");
        }
        node.value = Some(leaf);
        self.part(at, what);
        Ok(())
    }

    fn read<T: Deserialize<'de>>(&mut self, id: TypeId) -> Result<T> {
        T::read_data(&mut self.ctx, id)
    }

    fn string(&mut self) -> Step<Leaf> {
        // Read on a copy, so that a cut-short string leaves its node empty at its start.
        let mut reader = self.ctx.reader.clone();
        let (encoding, bytes) = reader.read_str_raw()?;
        self.ctx.reader = reader;
        let text = decode_str(encoding, bytes, self.pos() - bytes.len())?;
        self.top().encoding = Some(encoding);
        Ok(Leaf::Text(text.into_owned()))
    }

    fn buffer(&mut self, id: TypeId, leaf: impl FnOnce(&[u8]) -> Leaf) -> Step<Leaf> {
        let before = self.buffers_taken();
        let bytes = self.ctx.read_buffer(id)?;
        let place = if self.buffers_taken() > before {
            BufferPlace::OutOfBand(self.buffers_before + before)
        } else {
            BufferPlace::InBand
        };
        self.top().buffer = Some(place);
        Ok(leaf(bytes))
    }

    /// A list, set or map: its count, then its elements or entries.
    fn container(&mut self, shape: &Shape<'f>) -> Step {
        let at = self.pos();
        let (what, min) = match shape.id {
            TypeId::Map => ("map entries", "entry"),
            _ => ("list elements", "element"),
        };
        let len = self.ctx.read_len(1, what)?;
        self.top().len = Some(len);
        let mut what = count(len, min);
        if shape.declared.is_some() {
            // No type info before it: say the type its position declares.
            what = format!("{} of {what}", shape.id.name());
        }
        self.part(at, what);
        match shape.id {
            TypeId::Map => self.entries(len, shape.declared.as_ref()),
            _ => self.elements(len, shape.declared.as_ref()),
        }
    }

    fn elements(&mut self, len: usize, declared: Option<&FieldType>) -> Step {
        let element = match declared {
            Some(FieldType::List(e) | FieldType::Set(e)) => Some(&e.field_type),
            _ => None,
        };
        if len == 0 {
            return Ok(());
        }
        self.ctx.enter()?;
        let at = self.pos();
        let header = self.ctx.reader.read_u8()?;
        self.part(at, element_header(header));
        let flagged = header & (TRACK_REF | HAS_NULL) != 0;
        let shared = if header & SAME_TYPE == 0 {
            None
        } else if header & DECLARED != 0 {
            Some(declared_shape(at, element)?)
        } else {
            Some(self.type_info_of("element type: ")?)
        };
        for i in 0..len {
            self.begin(format!("[{i}]"));
            if !flagged || self.flag()? {
                let shape = match &shared {
                    Some(shape) => shape.clone(),
                    None => self.type_info()?,
                };
                self.data(&shape)?;
            }
            self.end();
        }
        self.ctx.leave();
        Ok(())
    }

    fn entries(&mut self, len: usize, declared: Option<&FieldType>) -> Step {
        let (key_type, value_type) = match declared {
            Some(FieldType::Map(k, v)) => (Some(&k.field_type), Some(&v.field_type)),
            _ => (None, None),
        };
        let mut read = 0;
        while read < len {
            let at = self.pos();
            let header = self.ctx.reader.read_u8()?;
            if header & (KEY_HAS_NULL | VALUE_HAS_NULL) != 0 {
                self.part(at, format!("[{read}]: {}", map_header(header)));
                let sides = [
                    ("key", KEY_HAS_NULL, KEY_TRACK_REF, KEY_DECLARED, key_type),
                    (
                        "value",
                        VALUE_HAS_NULL,
                        VALUE_TRACK_REF,
                        VALUE_DECLARED,
                        value_type,
                    ),
                ];
                for (side, null, tracked, decl, declared) in sides {
                    self.begin(format!("[{read}].{side}"));
                    if header & null != 0 {
                        self.top().ref_flag = Some(RefFlag::Null);
                    } else if header & tracked == 0 || self.flag()? {
                        let shape = self.side_shape(header & decl != 0, declared, at, "")?;
                        self.data(&shape)?;
                    }
                    self.end();
                }
                read += 1;
                continue;
            }
            let size = usize::from(self.ctx.reader.read_u8()?);
            if size == 0 || size > len - read {
                return Err(Error::invalid(
                    at + 1,
                    "a chunk size from 1 to the entries still to come",
                    format!("{size} with {} left", len - read),
                )
                .into());
            }
            self.part(
                at,
                format!("chunk of {}: {}", count(size, "entry"), map_header(header)),
            );
            let key = self.side_shape(header & KEY_DECLARED != 0, key_type, at, "key type: ")?;
            let value =
                self.side_shape(header & VALUE_DECLARED != 0, value_type, at, "value type: ")?;
            for i in read..read + size {
                for (side, tracked, shape) in [
                    ("key", header & KEY_TRACK_REF != 0, &key),
                    ("value", header & VALUE_TRACK_REF != 0, &value),
                ] {
                    self.begin(format!("[{i}].{side}"));
                    if !tracked || self.flag()? {
                        self.data(shape)?;
                    }
                    self.end();
                }
            }
            read += size;
        }
        Ok(())
    }

    fn side_shape(
        &mut self,
        declared: bool,
        declared_type: Option<&FieldType>,
        at: usize,
        whose: &str,
    ) -> Step<Shape<'f>> {
        if declared {
            return Ok(declared_shape(at, declared_type)?);
        }
        self.type_info_of(whose)
    }

    fn struct_fields(&mut self, shape: &Shape<'f>) -> Step {
        let at = self.pos();
        let Some(def) = shape.def.clone() else {
            if self.ctx.payload_mode() == Some(true) {
                return Err(Halt::Opaque(
                    at,
                    format!(
                        "a {} without a TypeDef in a compatible-mode payload (Java writes a class \
                         whose evolution is disabled so): its fields are not described",
                        shape.id.name()
                    ),
                ));
            }
            let hash = self
                .ctx
                .reader
                .read_bytes_for(4, "a struct's schema hash")?;
            let hash = u32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]]);
            self.part(at, format!("schema hash {hash:#010x}"));
            self.top().note = Some(format!("schema hash {hash:#010x}"));
            return Err(Halt::Opaque(
                self.pos(),
                "the fields of a schema-consistent struct: the payload holds no type info for \
                 them (write it in compatible mode to see them by name)"
                    .into(),
            ));
        };
        let Some(struct_def) = def.struct_def() else {
            return Err(Error::invalid(at, "a struct TypeDef", "a TypeDef of another kind").into());
        };
        if let Some(index) = shape.type_def.filter(|i| !self.described.contains(i)) {
            self.described.push(index);
            self.top().note = Some(format!(
                "TypeDef #{index}: {}",
                describe_struct(&struct_def.identity, &struct_def.fields)
            ));
        }
        for field in &struct_def.fields {
            self.field(field)?;
        }
        Ok(())
    }

    fn field(&mut self, field: &FieldDef) -> Step {
        self.begin(match &field.key {
            FieldKey::Name(name) => name.clone(),
            FieldKey::Tag(tag) => format!("#{tag}"),
        });
        let typed = field_writes_type_info(field.field_type.type_id(), self.ctx.compatible());
        let flagged = field.nullable || field.track_ref || flag_before_type_info(&self.ctx, typed);
        if !flagged || self.flag()? {
            let shape = if typed {
                self.type_info()?
            } else {
                Shape::declared(&field.field_type)
            };
            self.data(&shape)?;
        }
        self.end();
        Ok(())
    }
}

fn declared_shape<'f>(at: usize, declared: Option<&FieldType>) -> Result<Shape<'f>> {
    let declared = declared.ok_or_else(|| undeclared_element(at))?;
    Ok(Shape::declared(declared))
}

fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {what}s"),
    }
}

fn element_header(header: u8) -> String {
    let bits = header_bits(
        header,
        &[
            (TRACK_REF, "tracks refs"),
            (HAS_NULL, "has null"),
            (DECLARED, "declared type"),
            (SAME_TYPE, "same type"),
        ],
        "each with its own type",
    );
    format!("elements: {bits}")
}

fn map_header(header: u8) -> String {
    header_bits(
        header,
        &[
            (KEY_TRACK_REF, "key tracks refs"),
            (KEY_HAS_NULL, "null key"),
            (KEY_DECLARED, "key declared"),
            (VALUE_TRACK_REF, "value tracks refs"),
            (VALUE_HAS_NULL, "null value"),
            (VALUE_DECLARED, "value declared"),
        ],
        "types follow",
    )
}

/// The names of the bits set in `header`, or `none` when none is.
fn header_bits(header: u8, names: &[(u8, &str)], none: &str) -> String {
    let set: Vec<&str> = names
        .iter()
        .filter(|(bit, _)| header & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    if set.is_empty() {
        none.to_string()
    } else {
        set.join(", ")
    }
}

/// What a part of the payload holding `leaf` says, shortened.
fn leaf_summary(leaf: &Leaf) -> String {
    super::render::leaf_text(leaf, false)
}

/// `example.Person {name: STRING, age: VARINT32}`, as a TypeDef declares it.
fn describe_struct(identity: &StructIdentity, fields: &[FieldDef]) -> String {
    let name = match identity {
        StructIdentity::Id(id) => format!("id {id}"),
        StructIdentity::Name {
            namespace,
            type_name,
        } if namespace.is_empty() => type_name.clone(),
        StructIdentity::Name {
            namespace,
            type_name,
        } => format!("{namespace}.{type_name}"),
    };
    let fields: Vec<String> = fields
        .iter()
        .map(|f| {
            let key = match &f.key {
                FieldKey::Name(name) => name.clone(),
                FieldKey::Tag(tag) => format!("#{tag}"),
            };
            let mut text = format!("{key}: {}", field_type_text(&f.field_type));
            if f.nullable {
                text.push('?');
            }
            if f.track_ref {
                text.push_str(" (ref)");
            }
            text
        })
        .collect();
    format!("{name} {{{}}}", fields.join(", "))
}

fn field_type_text(t: &FieldType) -> String {
    match t {
        FieldType::Leaf(id) => id.name().to_string(),
        FieldType::List(e) => format!("LIST<{}>", field_type_text(&e.field_type)),
        FieldType::Set(e) => format!("SET<{}>", field_type_text(&e.field_type)),
        FieldType::Map(k, v) => format!(
            "MAP<{}, {}>",
            field_type_text(&k.field_type),
            field_type_text(&v.field_type)
        ),
    }
}

/// The encoding's name as the spec writes it.
pub(super) fn encoding_name(encoding: StringEncoding) -> &'static str {
    match encoding {
        StringEncoding::Latin1 => "Latin-1",
        StringEncoding::Utf16 => "UTF-16",
        StringEncoding::Utf8 => "UTF-8",
    }
}
