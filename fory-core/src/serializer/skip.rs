//! Skipping values this side has no field for: a compatible-mode reader passes over a peer's
//! fields it does not know, of any type, including structs it never registered (their TypeDef
//! describes them) and collections of them.

use crate::buffer::Reader;
use crate::context::ReadContext;
use crate::error::{Error, Result};
use crate::meta::struct_def::{FieldDef, FieldType};
use crate::resolver::{
    read_registered_type_info, skip_type_info, Registration, StreamDef, StreamTypeDef,
};
use crate::serializer::list::{DECLARED, HAS_NULL, SAME_TYPE, TRACK_REF};
use crate::serializer::map::{
    KEY_DECLARED, KEY_HAS_NULL, KEY_TRACK_REF, VALUE_DECLARED, VALUE_HAS_NULL, VALUE_TRACK_REF,
};
use crate::serializer::{field_writes_type_info, read_flag, Deserialize, WireType};
use crate::types::{Date, Decimal, Duration, RefFlag, Timestamp, TypeId};

/// What the reader knows about a value's type before its payload: the type id, the TypeDef of a
/// struct, and the declared element types of a container.
struct Shape<'a, 'f> {
    id: TypeId,
    def: Option<StreamDef<'f>>,
    declared: Option<&'a FieldType>,
    /// For an EXT value: its registration, whose reader is the only way past its payload.
    ext: Option<&'f Registration>,
}

impl<'a, 'f> Shape<'a, 'f> {
    /// The shape the value's own type info names (read here).
    fn read(ctx: &mut ReadContext<'f, '_>) -> Result<Self> {
        if matches!(ctx.reader.peek_u8(), Ok(b) if b == TypeId::Ext as u8 || b == TypeId::NamedExt as u8)
        {
            // An ext payload has no length: only its registered reader finds its end.
            let at = ctx.reader.position();
            let id = ctx.read_type_id()?;
            let (reg, _) = read_registered_type_info(ctx, id, at)?;
            return Ok(Shape {
                id,
                def: None,
                declared: None,
                ext: Some(reg),
            });
        }
        let (id, def) = skip_type_info(ctx)?;
        Ok(Shape {
            id,
            def,
            declared: None,
            ext: None,
        })
    }

    /// The shape of a value whose position declares its type.
    fn declared(declared: &'a FieldType) -> Self {
        Shape {
            id: declared.type_id(),
            def: None,
            declared: Some(declared),
            ext: None,
        }
    }
}

/// Skips one struct field as the peer's TypeDef entry describes it.
pub fn skip_field(ctx: &mut ReadContext<'_, '_>, field: &FieldDef) -> Result<()> {
    skip_one_field(ctx, field)
}

/// Skips struct fields one after the other, as [`skip_field`] skips each, in one call.
pub(crate) fn skip_fields(ctx: &mut ReadContext<'_, '_>, fields: &[FieldDef]) -> Result<()> {
    fields
        .iter()
        .try_for_each(|field| skip_one_field(ctx, field))
}

#[inline(always)]
fn skip_one_field(ctx: &mut ReadContext<'_, '_>, field: &FieldDef) -> Result<()> {
    // A number or string field without a flag: its payload is all there is, and cannot nest.
    if let (FieldType::Leaf(id), false, false) =
        (&field.field_type, field.nullable, field.track_ref)
    {
        if skip_scalar(&mut ctx.reader, *id)? {
            return Ok(());
        }
    }
    if (field.nullable || field.track_ref) && !skip_flag(ctx)? {
        return Ok(());
    }
    skip_declared(ctx, &field.field_type)
}

/// Skips a value whose type the position declares as `declared` (type info only where the
/// field rule writes it).
fn skip_declared(ctx: &mut ReadContext<'_, '_>, declared: &FieldType) -> Result<()> {
    let shape = if field_writes_type_info(declared.type_id(), ctx.compatible()) {
        Shape::read(ctx)?
    } else {
        Shape::declared(declared)
    };
    skip_data(ctx, &shape)
}

/// Reads a reference flag; `false` when no payload follows (null, or a reference).
fn skip_flag(ctx: &mut ReadContext<'_, '_>) -> Result<bool> {
    Ok(match read_flag(ctx)? {
        RefFlag::Null => false,
        RefFlag::Ref => {
            ctx.reader.read_varuint32()?;
            false
        }
        RefFlag::RefValue => {
            ctx.reserve_ref();
            true
        }
        RefFlag::NotNullValue => true,
    })
}

/// Skips a value that carries its own flag and type info.
pub fn skip_value(ctx: &mut ReadContext<'_, '_>) -> Result<()> {
    if !skip_flag(ctx)? {
        return Ok(());
    }
    let shape = Shape::read(ctx)?;
    skip_data(ctx, &shape)
}

/// Skips a payload, counting a nesting level where reading it into a type does
/// ([`TypeId::always_nests`]; a list or set with elements in [`skip_elements`]), so that a
/// reader skips what a writer with the same `max_depth` wrote.
fn skip_data(ctx: &mut ReadContext<'_, '_>, shape: &Shape<'_, '_>) -> Result<()> {
    if shape.ext.is_some() || !shape.id.always_nests() {
        return skip_payload(ctx, shape);
    }
    ctx.enter()?;
    let result = skip_payload(ctx, shape);
    ctx.leave();
    result
}

/// Skips the payload of a number, an enum or a string; `false` (nothing read) for any other
/// type.
#[inline]
fn skip_scalar(r: &mut Reader<'_>, id: TypeId) -> Result<bool> {
    use TypeId::*;
    match id {
        None => {}
        Bool | Int8 | Uint8 | Float8 => r.skip(1)?,
        Int16 | Uint16 | Float16 | Bfloat16 => r.skip(2)?,
        Int32 | Uint32 | Float32 => r.skip(4)?,
        Int64 | Uint64 | Float64 => r.skip(8)?,
        Varint32 | VarUint32 | Varint64 | VarUint64 => {
            r.read_varuint64()?;
        }
        TaggedInt64 => {
            r.read_tagged_i64()?;
        }
        TaggedUint64 => {
            r.read_tagged_u64()?;
        }
        Enum | NamedEnum => {
            r.read_varuint32()?;
        }
        String => {
            // Its header and bytes are checked (length, limit, encoding); the text is not
            // decoded or copied, as nothing keeps it.
            r.read_str_raw()?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn skip_payload(ctx: &mut ReadContext<'_, '_>, shape: &Shape<'_, '_>) -> Result<()> {
    use TypeId::*;
    if let Some(ext) = shape.ext {
        // Read and dropped: the type's own reader is the only way past its payload.
        (ext.read)(ctx, WireType::from(shape.id))?;
        return Ok(());
    }
    let at = ctx.reader.position();
    if skip_scalar(&mut ctx.reader, shape.id)? {
        return Ok(());
    }
    match shape.id {
        Date => {
            <self::Date as Deserialize>::read_data(ctx, Date)?;
        }
        Timestamp => {
            <self::Timestamp as Deserialize>::read_data(ctx, Timestamp)?;
        }
        Duration => {
            <self::Duration as Deserialize>::read_data(ctx, Duration)?;
        }
        Decimal => {
            <self::Decimal as Deserialize>::read_data(ctx, Decimal)?;
        }
        id if id == Binary || (BoolArray as u8..=Float64Array as u8).contains(&(id as u8)) => {
            // The in-band flag and the out-of-band buffer, in a payload with buffers.
            ctx.read_buffer(id)?;
        }
        List | Set => skip_elements(ctx, element_of(shape.declared))?,
        Map => skip_map(ctx, shape.declared)?,
        Struct | CompatibleStruct | NamedStruct | NamedCompatibleStruct => {
            let Some(def) = shape.def.as_deref().and_then(StreamTypeDef::struct_def) else {
                return Err(Error::unsupported(
                    at,
                    "skipping a struct value without its TypeDef (schema-consistent mode)",
                ));
            };
            for field in &def.fields {
                skip_field(ctx, field)?;
            }
        }
        Union | TypedUnion | NamedUnion => {
            ctx.reader.read_varuint32()?;
            skip_value(ctx)?;
        }
        other => {
            return Err(Error::unsupported(
                at,
                format!("skipping a value of type {other}"),
            ))
        }
    }
    Ok(())
}

fn element_of(declared: Option<&FieldType>) -> Option<&FieldType> {
    match declared {
        Some(FieldType::List(e) | FieldType::Set(e)) => Some(&e.field_type),
        _ => None,
    }
}

/// The shape of elements the header declares: the declared element type, or an error when the
/// position declared none.
fn declared_shape<'a, 'f>(at: usize, declared: Option<&'a FieldType>) -> Result<Shape<'a, 'f>> {
    let declared = declared.ok_or_else(|| undeclared_element(at))?;
    Ok(Shape::declared(declared))
}

/// The error for a container header at `at` whose declared-type bit is set where the position
/// declares no element type.
pub(crate) fn undeclared_element(at: usize) -> Error {
    Error::invalid(
        at,
        "element type info (the position declares no element type)",
        "the declared-type bit",
    )
}

fn skip_elements(ctx: &mut ReadContext<'_, '_>, element: Option<&FieldType>) -> Result<()> {
    let len = ctx.read_len(1, "list elements")?;
    if len == 0 {
        return Ok(());
    }
    // A non-empty list is a nesting level, as when read into a type.
    ctx.enter()?;
    let at = ctx.reader.position();
    let header = ctx.reader.read_u8()?;
    let flagged = header & (TRACK_REF | HAS_NULL) != 0;
    let shared = if header & SAME_TYPE == 0 {
        Option::None
    } else if header & DECLARED != 0 {
        Some(declared_shape(at, element)?)
    } else {
        Some(Shape::read(ctx)?)
    };
    for _ in 0..len {
        if flagged && !skip_flag(ctx)? {
            continue;
        }
        match &shared {
            Some(shape) => skip_data(ctx, shape)?,
            Option::None => {
                let shape = Shape::read(ctx)?;
                skip_data(ctx, &shape)?;
            }
        }
    }
    ctx.leave();
    Ok(())
}

fn skip_map(ctx: &mut ReadContext<'_, '_>, declared: Option<&FieldType>) -> Result<()> {
    let (key_type, value_type) = match declared {
        Some(FieldType::Map(k, v)) => (Some(&k.field_type), Some(&v.field_type)),
        _ => (Option::None, Option::None),
    };
    let len = ctx.read_len(1, "map entries")?;
    let mut read = 0usize;
    while read < len {
        let at = ctx.reader.position();
        let header = ctx.reader.read_u8()?;
        if header & (KEY_HAS_NULL | VALUE_HAS_NULL) != 0 {
            for (null, tracked, decl, t) in [
                (KEY_HAS_NULL, KEY_TRACK_REF, KEY_DECLARED, key_type),
                (VALUE_HAS_NULL, VALUE_TRACK_REF, VALUE_DECLARED, value_type),
            ] {
                if header & null == 0 {
                    skip_side(ctx, header & tracked != 0, header & decl != 0, t, at)?;
                }
            }
            read += 1;
            continue;
        }
        let size = usize::from(ctx.reader.read_u8()?);
        if size == 0 || size > len - read {
            return Err(Error::invalid(
                at + 1,
                "a chunk size from 1 to the entries still to come",
                format!("{size} with {} left", len - read),
            ));
        }
        let key = side_shape(ctx, header & KEY_DECLARED != 0, key_type, at)?;
        let value = side_shape(ctx, header & VALUE_DECLARED != 0, value_type, at)?;
        for _ in 0..size {
            if header & KEY_TRACK_REF == 0 || skip_flag(ctx)? {
                skip_data(ctx, &key)?;
            }
            if header & VALUE_TRACK_REF == 0 || skip_flag(ctx)? {
                skip_data(ctx, &value)?;
            }
        }
        read += size;
    }
    Ok(())
}

fn side_shape<'a, 'f>(
    ctx: &mut ReadContext<'f, '_>,
    declared: bool,
    t: Option<&'a FieldType>,
    at: usize,
) -> Result<Shape<'a, 'f>> {
    if declared {
        return declared_shape(at, t);
    }
    Shape::read(ctx)
}

fn skip_side(
    ctx: &mut ReadContext<'_, '_>,
    tracked: bool,
    declared: bool,
    t: Option<&FieldType>,
    at: usize,
) -> Result<()> {
    if tracked && !skip_flag(ctx)? {
        return Ok(());
    }
    let shape = side_shape(ctx, declared, t, at)?;
    skip_data(ctx, &shape)
}
