//! Type meta of user types: what follows a user kind's type id, and the per-stream tables that
//! deduplicate it.
//!
//! | registered | mode | after the internal type id |
//! | --- | --- | --- |
//! | by id | any | varuint32 user id; compatible structs write a shared TypeDef instead |
//! | by name | schema-consistent | namespace and type name as stream meta strings |
//! | by name | compatible | a shared TypeDef |
//!
//! A stream meta string is `varuint32(len << 1)`, then the encoding byte (`len <= 16`, nothing
//! for an empty string) or an 8-byte hash whose low byte is the encoding (`len > 16`), then the
//! bytes; a repeat is `varuint32(((index + 1) << 1) | 1)`, with one index space for all meta
//! strings of the stream. A shared TypeDef is `varuint32(index << 1)` and the TypeDef the first
//! time, `varuint32((index << 1) | 1)` afterwards.

use std::collections::HashMap;

use crate::buffer::Reader;
use crate::context::{type_mismatch, ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::meta::meta_string::{MetaString, MetaStringDecoder, MetaStringEncoding};
use crate::meta::murmur3::murmurhash3_x64_128;
use crate::meta::struct_def::{decode_body, StructIdentity};
use crate::meta::type_def::{self, NAMESPACE_ENCODINGS, TYPE_NAME_ENCODINGS};
use crate::resolver::type_def_cache::{ReadIdentity, StreamDef, StreamTypeDef};
use crate::resolver::{Identity, Registration, UserKind, UserType};
use crate::serializer::WireType;
use crate::types::TypeId;

const SMALL_META_STRING: usize = 16;

/// Most distinct meta strings (namespaces and type names) one payload may define.
pub const MAX_META_STRINGS: usize = 1 << 16;

/// Most distinct TypeDefs one payload may define.
pub const MAX_TYPE_DEFS: usize = 1 << 12;

/// Meta written so far in one stream, keyed by the address of the registry's entries (stable
/// while a `Fory` is borrowed by the context).
#[derive(Debug, Default)]
pub struct MetaWriteTables {
    /// Meta strings written so far, by content (encoding and bytes): the same text under two
    /// registrations (two types in one namespace) is written once, as Java does.
    meta_strings: HashMap<Vec<u8>, Vec<(MetaStringEncoding, u32)>>,
    meta_string_count: u32,
}

/// What a stream's TypeDef of user type `T` is known by when the derive gave the type a
/// [`SchemaHashSlot`](crate::resolver::SchemaHashSlot) of its own: the slot's address, known
/// without looking the registration up. Other types are known by [`registration_key`]; the two
/// kinds of address never coincide.
#[inline(always)]
fn slot_key<T: UserType>() -> Option<usize> {
    T::schema_hash_slot().map(|slot| slot as *const _ as usize)
}

/// The address of a registration (stable while a `Fory` is borrowed by the context).
fn registration_key(reg: &Registration) -> usize {
    reg as *const Registration as usize
}

/// A meta string as read from a stream, kept undecoded because the same entry may be referred to
/// as a namespace and as a type name, which decode differently.
#[derive(Debug, Clone)]
struct RawMetaString {
    encoding: MetaStringEncoding,
    bytes: Vec<u8>,
}

/// The identity a type info carried: inline (a user id, or names as meta strings), or in a
/// shared TypeDef.
enum Found {
    Inline(ReadIdentity),
    /// The index of the TypeDef in the stream's table.
    TypeDef(u32),
}

impl Found {
    fn identity<'a>(&'a self, ctx: &'a ReadContext<'_, '_>) -> &'a ReadIdentity {
        match self {
            Found::Inline(identity) => identity,
            Found::TypeDef(index) => &ctx.stream_defs()[*index as usize].identity,
        }
    }
}

impl MetaWriteTables {
    /// Clears the tables for another stream; false when one held more than `keep_at_most`
    /// entries (see [`crate::context::pool`]).
    pub(crate) fn reset(&mut self, keep_at_most: usize) -> bool {
        let keep = self.meta_strings.capacity() <= keep_at_most;
        if !self.meta_strings.is_empty() {
            self.meta_strings.clear();
        }
        self.meta_string_count = 0;
        keep
    }
}

/// Meta strings read so far in one stream (its TypeDefs are in the
/// [`ReadContext`], which borrows them from the `Fory`'s cache).
#[derive(Debug, Default)]
pub struct MetaReadTables {
    meta_strings: Vec<RawMetaString>,
}

impl MetaReadTables {
    /// Clears the tables for another stream; false when one held more than `keep_at_most`
    /// entries (see [`crate::context::pool`]).
    pub(crate) fn reset(&mut self, keep_at_most: usize) -> bool {
        self.meta_strings.clear();
        self.meta_strings.capacity() <= keep_at_most
    }
}

/// Writes the type info of registered user type `T`.
///
/// Small on purpose: the two common cases (schema-consistent by id, and a compatible struct's
/// TypeDef this stream wrote already) are answered here with few registers live, and
/// everything else goes on out of line.
#[inline(always)]
pub fn write_user_type_info<T: UserType>(ctx: &mut WriteContext<'_>) -> Result<()> {
    if !ctx.config().compatible {
        // Schema-consistent, by id: the type id and the user id, one store.
        let reg = ctx.registration::<T>()?;
        if let Identity::Id(id) = reg.identity {
            let wire = T::KIND.wire_type_id(false, false);
            ctx.writer.write_u8_and_varuint32(wire as u8, id);
            return Ok(());
        }
    } else if T::KIND == UserKind::Struct {
        if let Some(key) = slot_key::<T>() {
            // A TypeDef this stream has written already (a struct field of every element of
            // a list after the first), found without looking the registration up.
            if write_type_def_reference(ctx, key) {
                return Ok(());
            }
            let reg = ctx.registration::<T>()?;
            return write_first_struct_type_def(ctx, reg, key);
        }
    }
    write_other_user_type_info::<T>(ctx)
}

/// [`write_user_type_info`] for the rest: names, other kinds, generic structs.
#[inline(never)]
fn write_other_user_type_info<T: UserType>(ctx: &mut WriteContext<'_>) -> Result<()> {
    let compatible = ctx.config().compatible;
    let reg = ctx.registration::<T>()?;
    let wire = T::KIND.wire_type_id(reg.by_name(), compatible);
    let shares_type_def = compatible && (wire == TypeId::CompatibleStruct || reg.by_name());
    if !shares_type_def {
        ctx.write_type_id(wire);
        match &reg.identity {
            Identity::Id(id) => ctx.writer.write_varuint32(*id),
            Identity::Name(name) => {
                write_meta_string(ctx, &name.namespace_meta);
                write_meta_string(ctx, &name.type_name_meta);
            }
        }
        return Ok(());
    }
    let key = registration_key(reg);
    if write_type_def_reference(ctx, key) {
        return Ok(());
    }
    if reg.kind == UserKind::Struct {
        return write_first_struct_type_def(ctx, reg, key);
    }
    ctx.write_type_id(wire);
    write_new_type_def(ctx, reg, wire, key)
}

/// When this stream wrote a TypeDef under `key` already: its type id and the reference to it,
/// with one store, and true.
#[inline(always)]
fn write_type_def_reference(ctx: &mut WriteContext<'_>, key: usize) -> bool {
    match ctx.written_type_defs().find(key) {
        Some((index, wire)) => {
            ctx.writer
                .write_u8_and_varuint32(wire as u8, (index << 1) | 1);
            true
        }
        None => false,
    }
}

/// A compatible struct's first type info in this stream: its type id, the new index and the
/// TypeDef, with one capacity check.
#[inline(never)]
fn write_first_struct_type_def(
    ctx: &mut WriteContext<'_>,
    reg: &Registration,
    key: usize,
) -> Result<()> {
    // Built on the type's first use, then only looked at (with no error path to merge).
    let Some(info) = reg.built_struct_info() else {
        reg.struct_info(ctx.registry())?;
        return write_first_struct_type_def(ctx, reg, key);
    };
    let wire = UserKind::Struct.wire_type_id(reg.by_name(), true);
    let index = ctx.written_type_defs().insert(key, wire);
    ctx.writer
        .write_u8_header_and_bytes(wire as u8, u64::from(index) << 1, &info.type_def);
    Ok(())
}

fn write_meta_string(ctx: &mut WriteContext<'_>, ms: &MetaString) {
    let tables = ctx.meta_tables();
    let earlier = tables.meta_strings.get(ms.bytes()).and_then(|same_bytes| {
        same_bytes
            .iter()
            .find(|(encoding, _)| *encoding == ms.encoding())
            .map(|&(_, index)| index)
    });
    if let Some(index) = earlier {
        ctx.writer.write_varuint32(((index + 1) << 1) | 1);
        return;
    }
    let index = tables.meta_string_count;
    tables.meta_string_count += 1;
    tables
        .meta_strings
        .entry(ms.bytes().to_vec())
        .or_default()
        .push((ms.encoding(), index));
    let bytes = ms.bytes();
    ctx.writer.write_varuint32((bytes.len() as u32) << 1);
    if bytes.len() > SMALL_META_STRING {
        ctx.writer.write_u64(meta_string_hash(bytes, ms.encoding()));
    } else if !bytes.is_empty() {
        ctx.writer.write_u8(ms.encoding().id());
    }
    ctx.writer.write_bytes(bytes);
}

/// The 8-byte identity of a large meta string: the first MurmurHash3 lane (seed 47) with its low
/// byte replaced by the encoding id.
fn meta_string_hash(bytes: &[u8], encoding: MetaStringEncoding) -> u64 {
    let (h1, _) = murmurhash3_x64_128(bytes, 47);
    (h1 & !0xff) | u64::from(encoding.id())
}

/// Writes the TypeDef of `reg`, a kind other than a struct (an enum, ext or union registered by
/// name, in compatible mode), which this stream has not written yet, recording it under `key`.
fn write_new_type_def(
    ctx: &mut WriteContext<'_>,
    reg: &Registration,
    wire: TypeId,
    key: usize,
) -> Result<()> {
    let index = ctx.written_type_defs().insert(key, wire);
    let code = type_def::non_struct_kind_code(wire)
        .ok_or_else(|| Error::encode(format!("{}: no TypeDef for {wire}", reg.rust_name)))?;
    let mut body = crate::buffer::Writer::new();
    body.write_u8(code);
    match &reg.identity {
        Identity::Id(id) => body.write_varuint32(*id),
        Identity::Name(name) => {
            type_def::write_name(&mut body, &name.namespace_meta, &NAMESPACE_ENCODINGS);
            type_def::write_name(&mut body, &name.type_name_meta, &TYPE_NAME_ENCODINGS);
        }
    }
    ctx.writer.write_varuint32(index << 1);
    type_def::write_type_def(&mut ctx.writer, body.as_slice());
    Ok(())
}

/// Reads the type info of a value that must be the registered user type `T`, and returns its
/// wire type id.
pub fn read_user_type_info<T: UserType>(ctx: &mut ReadContext<'_, '_>) -> Result<TypeId> {
    read_user_wire_type::<T>(ctx).map(|wire| wire.id)
}

/// [`read_user_type_info`], also returning which stream TypeDef described the value (for
/// compatible structs, whose payload is read by that TypeDef's field list).
pub fn read_user_wire_type<T: UserType>(ctx: &mut ReadContext<'_, '_>) -> Result<WireType> {
    if let Some(wire) = read_own_user_id::<T>(ctx) {
        return Ok(wire);
    }
    let at = ctx.reader.position();
    if ctx.reader.data().get(at) == Some(&(TypeId::CompatibleStruct as u8)) {
        ctx.reader.set_position(at + 1);
        if ctx.skip_verified_ref::<T>(at) {
            // A reference to a TypeDef that the checks below found, earlier in this payload,
            // to read as `T` reads itself.
            return Ok(WireType::from(TypeId::CompatibleStruct));
        }
        // A TypeDef follows (and shows the payload's mode). One already found to read as `T`
        // was checked against `T`'s registration and kind when first found, so those checks
        // are not repeated for it.
        ctx.learn_mode(true);
        if let Some(wire) = read_known_struct_type_def::<T>(ctx, TypeId::CompatibleStruct) {
            return Ok(wire);
        }
        ctx.reader.set_position(at);
    }
    read_user_wire_type_in_full::<T>(ctx)
}

/// [`read_user_wire_type`] past its fast paths.
#[inline(never)]
fn read_user_wire_type_in_full<T: UserType>(ctx: &mut ReadContext<'_, '_>) -> Result<WireType> {
    let at = ctx.reader.position();
    let id = ctx.read_type_id()?;
    if id == TypeId::CompatibleStruct {
        // (The fast path found no TypeDef it could take; the mode still shows.)
        ctx.learn_mode(true);
    }
    let Some((kind, by_name)) = UserKind::of_wire(id) else {
        let expected = T::KIND.wire_type_id(false, ctx.compatible());
        return Err(type_mismatch(at, expected, id as u32));
    };
    let reg = ctx.registration::<T>().map_err(|_| {
        Error::invalid(
            at,
            "a registered user type",
            format!(
                "{} for {}, which is not registered",
                id,
                std::any::type_name::<T>()
            ),
        )
    })?;
    if kind != T::KIND || by_name != reg.by_name() {
        let expected = T::KIND.wire_type_id(reg.by_name(), ctx.compatible());
        return Err(type_mismatch(at, expected, id as u32));
    }
    if let Identity::Id(expected) = &reg.identity {
        // `by_name` is false here (it matched the registration).
        if id != TypeId::CompatibleStruct {
            // The common schema-consistent case: the user id, compared in place.
            let user_id = ctx.reader.read_varuint32()?;
            if user_id != *expected {
                check_identity(reg, &ReadIdentity::Id(user_id), at)?;
            }
            return Ok(id.into());
        }
    }
    let carries = carries_type_def(ctx, id, by_name);
    if carries && id != TypeId::CompatibleStruct {
        if let Some(wire) = read_known_struct_type_def::<T>(ctx, id) {
            return Ok(wire);
        }
    }
    let (found, type_def) = read_identity(ctx, id, by_name, carries)?;
    match type_def {
        Some(index) => {
            // A TypeDef this `Fory` cached was checked against `T` once, on first use.
            let local = std::any::TypeId::of::<T>();
            let def = &ctx.stream_defs()[index as usize];
            if !def.names(local) {
                check_identity(reg, &def.identity, at)?;
                def.remember_named(local);
            }
        }
        None => check_identity(reg, found.identity(ctx), at)?,
    }
    Ok(WireType::new(id, None, type_def))
}

/// The fast path of the schema-consistent case by id: the kind's type id for a type registered
/// by id (`STRUCT`, `ENUM`, `EXT` or `TYPED_UNION`) and a one-byte user id equal to `T`'s,
/// which [`read_user_wire_type`]'s full path accepts with no further check. `None`, with the
/// cursor unmoved, for anything else.
#[inline(always)]
fn read_own_user_id<T: UserType>(ctx: &mut ReadContext<'_, '_>) -> Option<WireType> {
    let at = ctx.reader.position();
    let data = ctx.reader.data();
    let by_id = T::KIND.wire_type_id(false, false);
    // The kind first, on its own: any other (a compatible struct's) leaves at one test.
    if *data.get(at)? != by_id as u8 {
        return None;
    }
    let user_id = *data.get(at + 1).filter(|&&b| b < 0x80)?;
    match ctx.registration::<T>().ok()?.identity {
        Identity::Id(expected) if expected == u32::from(user_id) => {}
        _ => return None,
    }
    ctx.reader.set_position(at + 2);
    Some(WireType::from(by_id))
}

/// The fast path of a compatible struct's TypeDef that this `Fory` has read before: the next
/// TypeDef's bytes equal a cached one already found to name `T` with `T`'s own field list, or
/// the stream refers back to such a TypeDef. Returns the wire type without a TypeDef index, so
/// the fields are read in local order, as the cached plan says. `None`, with the cursor
/// unmoved, sends everything else down the full path (which also records, on a first read,
/// what this path checks).
#[inline(always)]
fn read_known_struct_type_def<T: UserType>(
    ctx: &mut ReadContext<'_, '_>,
    id: TypeId,
) -> Option<WireType> {
    let local = std::any::TypeId::of::<T>();
    let reads_as_local = |def: &StreamTypeDef| def.type_id == id && def.reads_as_declared(local);
    let rest = ctx.reader.data().get(ctx.reader.position()..)?;
    // A one-byte marker: a new TypeDef (the next index, shifted) or a reference (odd).
    let marker = usize::from(*rest.first().filter(|&&b| b < 0x80)?);
    let known = ctx.stream_defs().len();
    if marker == known << 1 && known < MAX_TYPE_DEFS {
        let (def, len) = ctx.type_def_cache().find_front(&rest[1..])?;
        if !reads_as_local(def) {
            return None;
        }
        // The marker and the TypeDef are in `rest`: past them is still inside the input.
        ctx.reader.set_position(ctx.reader.position() + 1 + len);
        ctx.push_stream_def(StreamDef::Cached(def));
    } else if marker & 1 == 1 {
        if !reads_as_local(ctx.stream_defs().get(marker >> 1)?) {
            return None;
        }
        ctx.reader.skip(1).ok()?;
        if id == TypeId::CompatibleStruct {
            ctx.remember_verified_ref::<T>(marker as u8);
        }
    } else {
        return None;
    }
    Some(WireType::from(id))
}

/// Whether a user kind's type id `id` (just read) is followed by a shared TypeDef rather than
/// a user id or names inline. Compatible structs always are, other kinds registered by id never;
/// a by-name struct, enum, ext or union is followed by a TypeDef when the writer was in
/// compatible mode (Java shares the meta of every named type then) and by two meta strings
/// otherwise. Where the payload has not shown the mode yet, the bytes decide (see
/// [`next_is_type_def`]), and that decision is the payload's mode from then on.
///
/// `COMPATIBLE_STRUCT` and `NAMED_COMPATIBLE_STRUCT` are written in compatible mode only, so they
/// show it. (A `STRUCT` may be either: Java writes a class whose evolution is disabled as one in
/// compatible mode too, with no schema hash; `read_struct_data` tells by the hash.)
#[inline(always)]
fn carries_type_def(ctx: &mut ReadContext<'_, '_>, id: TypeId, by_name: bool) -> bool {
    match id {
        TypeId::CompatibleStruct | TypeId::NamedCompatibleStruct => {
            ctx.learn_mode(true);
            true
        }
        _ if !by_name => false,
        _ => match ctx.payload_mode() {
            Some(compatible) => compatible,
            None => named_meta_shows_mode(ctx),
        },
    }
}

/// [`carries_type_def`] for a by-name type first in a payload: the bytes decide, and show the
/// payload's mode.
#[cold]
fn named_meta_shows_mode(ctx: &mut ReadContext<'_, '_>) -> bool {
    let compatible = next_is_type_def(ctx);
    ctx.learn_mode(compatible);
    compatible
}

/// Before the payload has shown its mode, no TypeDef and no meta string has been read, so the
/// marker after a by-name type id is either `00` (TypeDef 0, or an empty namespace) or a meta
/// string's length; a reference to either would be invalid. `00` starts a TypeDef when an
/// 8-byte TypeDef header follows whose hash matches the body after it (a namespace's bytes
/// cannot pass that check but by a 2^-50 chance).
fn next_is_type_def(ctx: &ReadContext<'_, '_>) -> bool {
    let rest = &ctx.reader.data()[ctx.reader.position()..];
    match rest.split_first() {
        Some((0, after)) => {
            let mut r = Reader::new(after);
            type_def::read_type_def_unchecked(&mut r)
                .and_then(|(header, body)| type_def::check_type_def_hash(header, body, 0))
                .is_ok()
        }
        Some(_) => false,
        // Nothing follows: either reading fails the same way.
        None => ctx.config().compatible,
    }
}

/// Reads the identity that follows a user kind's type id, and the index of the shared TypeDef
/// that carried it, if one did (`carries`, from [`carries_type_def`]).
fn read_identity(
    ctx: &mut ReadContext<'_, '_>,
    id: TypeId,
    by_name: bool,
    carries: bool,
) -> Result<(Found, Option<u32>)> {
    Ok(if carries {
        let index = read_shared_type_def(ctx, id)?;
        (Found::TypeDef(index), Some(index))
    } else if by_name {
        let namespace = read_meta_string(ctx, MetaStringDecoder::NAMESPACE)?;
        let type_name = read_meta_string(ctx, MetaStringDecoder::TYPE_NAME)?;
        (
            Found::Inline(ReadIdentity::Name(namespace, type_name)),
            None,
        )
    } else {
        let user_id = ctx.reader.read_varuint32()?;
        (Found::Inline(ReadIdentity::Id(user_id)), None)
    })
}

/// The TypeDef at `index` in this stream, if it is a struct TypeDef.
pub fn read_struct_def<'f>(ctx: &ReadContext<'f, '_>, index: u32) -> Option<StreamDef<'f>> {
    peek_struct_def(ctx, index).cloned()
}

/// [`read_struct_def`] borrowed from the context, for a caller that is done with it before it
/// uses the context again.
#[inline]
pub fn peek_struct_def<'c, 'f>(
    ctx: &'c ReadContext<'f, '_>,
    index: u32,
) -> Option<&'c StreamDef<'f>> {
    ctx.stream_defs()
        .get(index as usize)
        .filter(|d| d.struct_def().is_some())
}

/// Reads the type info of a value of any type the stream may name, registered or not: for
/// skipping a field this side does not know. Returns the type id and, for a struct described by
/// a TypeDef, its field list.
pub fn skip_type_info<'f>(
    ctx: &mut ReadContext<'f, '_>,
) -> Result<(TypeId, Option<StreamDef<'f>>)> {
    let id = ctx.read_type_id()?;
    let Some((_, by_name)) = UserKind::of_wire(id) else {
        return Ok((id, None));
    };
    let carries = carries_type_def(ctx, id, by_name);
    let (_, type_def) = read_identity(ctx, id, by_name, carries)?;
    Ok((id, type_def.and_then(|index| read_struct_def(ctx, index))))
}

/// Reads the identity after a user kind's type id `id`, for a reader that has no registrations
/// ([`crate::inspect`]): the user id or names, and the stream index of the TypeDef that carried
/// them, if one did.
pub(crate) fn read_user_identity(
    ctx: &mut ReadContext<'_, '_>,
    id: TypeId,
) -> Result<(ReadIdentity, Option<u32>)> {
    let by_name = UserKind::of_wire(id).is_some_and(|(_, by_name)| by_name);
    let carries = carries_type_def(ctx, id, by_name);
    let (found, type_def) = read_identity(ctx, id, by_name, carries)?;
    Ok((found.identity(ctx).clone(), type_def))
}

/// Reads the type info of a user type that may be any registered type (a dynamically typed
/// position), after its type id `id` (a user kind) was read at `at`. Returns its registration
/// and the stream index of the TypeDef that described it, if one did.
pub fn read_registered_type_info<'f>(
    ctx: &mut ReadContext<'f, '_>,
    id: TypeId,
    at: usize,
) -> Result<(&'f Registration, Option<u32>)> {
    let (kind, by_name) = UserKind::of_wire(id)
        .ok_or_else(|| Error::invalid(at, "a user type id", id.to_string()))?;
    let carries = carries_type_def(ctx, id, by_name);
    let (found, type_def) = read_identity(ctx, id, by_name, carries)?;
    let registry = ctx.registry();
    let found = found.identity(ctx);
    let reg = match found {
        ReadIdentity::Id(user_id) => registry.by_id(kind, *user_id),
        ReadIdentity::Name(ns, name) => registry.by_name(ns, name),
    };
    let reg = reg.filter(|r| r.kind == kind).ok_or_else(|| {
        let what = match found {
            ReadIdentity::Id(user_id) => format!("{id} with user id {user_id}"),
            ReadIdentity::Name(ns, name) => format!("{id} named {ns}.{name}"),
        };
        Error::invalid(
            at,
            "a registered user type",
            format!("{what}, which is not registered"),
        )
    })?;
    Ok((reg, type_def))
}

fn check_identity(reg: &Registration, found: &ReadIdentity, at: usize) -> Result<()> {
    let matches = match (&reg.identity, found) {
        (Identity::Id(a), ReadIdentity::Id(b)) => a == b,
        (Identity::Name(reg_name), ReadIdentity::Name(ns, name)) => {
            &reg_name.namespace == ns && &reg_name.type_name == name
        }
        _ => false,
    };
    if matches {
        return Ok(());
    }
    let found = match found {
        ReadIdentity::Id(id) => format!("user id {id}"),
        ReadIdentity::Name(ns, name) => format!("type {ns}.{name}"),
    };
    Err(Error::invalid(
        at,
        "the type registered for the target",
        format!("{found}, but the target is {}", reg.describe()),
    ))
}

fn read_meta_string(ctx: &mut ReadContext<'_, '_>, decoder: MetaStringDecoder) -> Result<String> {
    let at = ctx.reader.position();
    let header = ctx.reader.read_varuint32()?;
    let raw = if header & 1 == 1 {
        let index = (header >> 1) as usize;
        ctx.meta_tables()
            .meta_strings
            .get(index.wrapping_sub(1))
            .cloned()
            .ok_or_else(|| {
                Error::invalid(
                    at,
                    "a reference to an earlier meta string",
                    index.to_string(),
                )
            })?
    } else {
        let len = (header >> 1) as usize;
        let encoding_at = ctx.reader.position();
        let encoding = if len > SMALL_META_STRING {
            ctx.reader.read_u64()? & 0xff
        } else if len > 0 {
            u64::from(ctx.reader.read_u8()?)
        } else {
            0
        };
        let encoding = u8::try_from(encoding)
            .ok()
            .and_then(|e| MetaStringEncoding::try_from(e).ok())
            .ok_or_else(|| {
                Error::invalid(
                    encoding_at,
                    "a meta string encoding 0..=4",
                    encoding.to_string(),
                )
            })?;
        let bytes = ctx
            .reader
            .read_bytes_for(len, "meta string bytes")?
            .to_vec();
        if len > SMALL_META_STRING {
            let hash = Reader::new(&ctx.reader.data()[encoding_at..]).read_u64()?;
            if meta_string_hash(&bytes, encoding) != hash {
                return Err(Error::invalid(
                    encoding_at,
                    "a meta string hash that matches its bytes",
                    format!("{hash:#018x}"),
                ));
            }
        }
        let raw = RawMetaString { encoding, bytes };
        let count = ctx.meta_tables().meta_strings.len();
        if count >= MAX_META_STRINGS {
            return Err(Error::limit_exceeded(
                at,
                "meta strings in one payload",
                MAX_META_STRINGS as u64,
                count as u64 + 1,
            ));
        }
        ctx.meta_tables().meta_strings.push(raw.clone());
        raw
    };
    decoder
        .decode(&raw.bytes, raw.encoding)
        .map_err(|e| Error::invalid(at, "a valid meta string", e.to_string()))
}

/// Reads a shared TypeDef marker (and the TypeDef, the first time) and returns the TypeDef's
/// index in the stream's table.
fn read_shared_type_def(ctx: &mut ReadContext<'_, '_>, wire: TypeId) -> Result<u32> {
    let at = ctx.reader.position();
    let marker = ctx.reader.read_varuint32()?;
    let index = (marker >> 1) as usize;
    if marker & 1 == 0 {
        let known = ctx.stream_defs().len();
        if index != known {
            return Err(Error::invalid(
                at,
                "the next TypeDef index",
                format!("{index} where {known} was next"),
            ));
        }
        if known >= MAX_TYPE_DEFS {
            return Err(Error::limit_exceeded(
                at,
                "TypeDefs in one payload",
                MAX_TYPE_DEFS as u64,
                known as u64 + 1,
            ));
        }
        let header_at = ctx.reader.position();
        let (header, body) = type_def::read_type_def_unchecked(&mut ctx.reader)?;
        let body_at = ctx.reader.position() - body.len();
        // A TypeDef already in the cache was checked when it was parsed: same bytes, no hash.
        let def = ctx.type_def_cache().get_or_parse(header, body, || {
            type_def::check_type_def_hash(header, body, header_at)?;
            if body.first().is_some_and(|meta| meta & 0x80 != 0) {
                parse_struct_body(body, body_at)
            } else {
                parse_non_struct_body(body, body_at)
            }
        })?;
        ctx.push_stream_def(def);
    }
    let def = ctx.stream_defs().get(index).ok_or_else(|| {
        Error::invalid(at, "a reference to an earlier TypeDef", index.to_string())
    })?;
    let same_kind = def.type_id == wire
        || (UserKind::of_wire(def.type_id) == UserKind::of_wire(wire)
            && def.struct_def().is_some());
    if !same_kind {
        return Err(type_mismatch(at, wire, def.type_id as u32));
    }
    Ok(index as u32)
}

fn parse_struct_body(body: &[u8], body_at: usize) -> Result<StreamTypeDef> {
    let def = decode_body(body).map_err(|e| e.shifted(body_at))?;
    let identity = match &def.identity {
        StructIdentity::Id(id) => ReadIdentity::Id(*id),
        StructIdentity::Name {
            namespace,
            type_name,
        } => ReadIdentity::Name(namespace.clone(), type_name.clone()),
    };
    Ok(StreamTypeDef::new(def.type_id(), identity, Some(def)))
}

fn parse_non_struct_body(body: &[u8], body_at: usize) -> Result<StreamTypeDef> {
    let mut r = Reader::new(body);
    let meta = r.read_u8()?;
    let type_id = type_def::non_struct_type_id(meta)
        .ok_or_else(|| Error::invalid(body_at, "a TypeDef kind code 0..=5", meta.to_string()))?;
    let identity = if type_id.is_named() {
        let ns = type_def::read_name(&mut r, &NAMESPACE_ENCODINGS, MetaStringDecoder::NAMESPACE)?;
        let name = type_def::read_name(&mut r, &TYPE_NAME_ENCODINGS, MetaStringDecoder::TYPE_NAME)?;
        ReadIdentity::Name(ns, name)
    } else {
        ReadIdentity::Id(r.read_varuint32()?)
    };
    if !r.is_empty() {
        return Err(Error::invalid(
            body_at + r.position(),
            "the end of the TypeDef body",
            format!("{} more bytes", r.remaining()),
        ));
    }
    Ok(StreamTypeDef::new(type_id, identity, None))
}
