//! MAP: `HashMap`, `BTreeMap` and hashbrown's `HashMap`, in the chunked format.
//!
//! Payload: a varuint32 entry count, then chunks until that many entries are read. A chunk is a
//! header byte, a size byte (1..=255 pairs), the key and value type info (each unless declared),
//! then the pairs. An entry with a null key or value is a chunk of its own with no size byte.
//!
//! | bit | meaning when set |
//! | --- | --- |
//! | `0x01` / `0x08` | each key / value has a reference flag |
//! | `0x02` / `0x10` | the key / value of this (single-entry) chunk is null |
//! | `0x04` / `0x20` | the key / value type is declared by the position, so no type info |
//!
//! A new chunk starts after 255 pairs, at a null, and when a key or value changes type (only
//! dynamically typed values can). For the non-null side of an entry with a null, writers that do
//! not declare its type write it whole — flag, type info, payload — and set its reference bit, as
//! pyfory does.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::context::{ReadContext, Siblings, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::list::{initial_capacity, stages};
use crate::serializer::{null_or_error, read_flag, read_typed, Deserialize, Serialize, WireType};
use crate::types::TypeId;

pub(crate) const KEY_TRACK_REF: u8 = 0x01;
pub(crate) const KEY_HAS_NULL: u8 = 0x02;
pub(crate) const KEY_DECLARED: u8 = 0x04;
pub(crate) const VALUE_TRACK_REF: u8 = 0x08;
pub(crate) const VALUE_HAS_NULL: u8 = 0x10;
pub(crate) const VALUE_DECLARED: u8 = 0x20;
const MAX_CHUNK: u8 = 255;

/// Writes the map payload of `len` entries.
pub(crate) fn write_entries<'a, K, V, I>(
    entries: I,
    len: usize,
    ctx: &mut WriteContext<'a>,
    declared: bool,
) -> Result<()>
where
    K: Serialize + 'a,
    V: Serialize + 'a,
    I: Iterator<Item = (&'a K, &'a V)>,
{
    let count = u32::try_from(len)
        .map_err(|_| Error::encode(format!("map of {len} entries exceeds 2^32 - 1")))?;
    ctx.writer.write_varuint32(count);
    ctx.enter()?;
    if len == 0 {
        ctx.leave();
        return Ok(());
    }
    // The keys' and the values' siblings, and the one level they share (a struct key and a
    // struct value are each one level down). Only a type that cannot be null asks for one, so
    // each entry writes a payload in it.
    let result = K::prepare_siblings(ctx).and_then(|keys| {
        let values = V::prepare_siblings(ctx)?;
        let level = keys.level || values.level;
        ctx.enter_level(level)?;
        let result = write_chunks(entries, ctx, declared, (keys, values));
        ctx.leave_level(level);
        result
    });
    ctx.leave();
    result
}

fn write_chunks<'a, K, V, I>(
    entries: I,
    ctx: &mut WriteContext<'a>,
    declared: bool,
    sides: (Siblings, Siblings),
) -> Result<()>
where
    K: Serialize + 'a,
    V: Serialize + 'a,
    I: Iterator<Item = (&'a K, &'a V)>,
{
    // Keys and values of dynamic types never have a declared type, nor (as Java writes them)
    // structs. Whether they are tracked follows the declaration all the same, as in lists: a
    // struct value of a field's map is tracked in schema-consistent mode though its type info
    // is written.
    let compatible = ctx.config().compatible;
    let (key_static, value_static) = (
        declared && !K::type_info_when_declared(compatible),
        declared && !V::type_info_when_declared(compatible),
    );
    let (key_declared, value_declared) = (
        declared && !K::map_type_info_when_declared(compatible),
        declared && !V::map_type_info_when_declared(compatible),
    );
    let tracking = ctx.config().ref_tracking;
    let decl_bits = if key_declared { KEY_DECLARED } else { 0 }
        | if value_declared { VALUE_DECLARED } else { 0 };
    // Open chunk: where its size byte is, its size, its first pair (for type comparison) and
    // whether its keys and values carry reference flags.
    // The size byte is written as 1 when a chunk opens and set once when it closes.
    let close = |chunk: &mut Option<(usize, u8, &K, &V, bool, bool)>,
                 ctx: &mut WriteContext<'a>| {
        if let Some((pos, size, ..)) = chunk.take() {
            if size > 1 {
                ctx.writer.set_u8(pos, size);
            }
        }
    };
    let mut chunk: Option<(usize, u8, &K, &V, bool, bool)> = None;
    for (k, v) in entries {
        if k.is_null() || v.is_null() {
            close(&mut chunk, ctx);
            write_null_entry(k, v, ctx, (key_declared, value_declared), sides)?;
            continue;
        }
        // One call site of the inlined `write_pair`, for the first pair of a chunk and the rest.
        let tracks = match chunk.as_mut() {
            Some((_, size, k0, v0, key_track, value_track))
                if *size < MAX_CHUNK && k0.same_type(k) && v0.same_type(v) =>
            {
                *size += 1;
                Some((*key_track, *value_track))
            }
            _ => None,
        };
        let (key_track, value_track) = match tracks {
            Some(tracks) => tracks,
            None => {
                close(&mut chunk, ctx);
                // As in lists: declared keys and values are tracked when the declaration says
                // so.
                let key_track = tracking
                    && if key_static {
                        K::tracks_refs_when_declared(compatible)
                    } else {
                        k.needs_ref()
                    };
                let value_track = tracking
                    && if value_static {
                        V::tracks_refs_when_declared(compatible)
                    } else {
                        v.needs_ref()
                    };
                ctx.writer.write_u8(
                    decl_bits
                        | if key_track { KEY_TRACK_REF } else { 0 }
                        | if value_track { VALUE_TRACK_REF } else { 0 },
                );
                let size_pos = ctx.writer.len();
                ctx.writer.write_u8(1);
                if !key_declared {
                    k.write_type_info(ctx)?;
                }
                if !value_declared {
                    v.write_type_info(ctx)?;
                }
                chunk = Some((size_pos, 1, k, v, key_track, value_track));
                (key_track, value_track)
            }
        };
        write_pair(k, v, ctx, declared, (key_track, value_track), sides)?;
    }
    close(&mut chunk, ctx);
    Ok(())
}

/// Writes one pair of a chunk: each side's reference flag when tracked, then its payload unless
/// the flag was a reference to an earlier value. Inlined into the loop over the entries (its
/// one call site): a call per pair cost about 15 instructions of a 200-instruction pair.
#[inline(always)]
fn write_pair<'a, K: Serialize, V: Serialize>(
    k: &'a K,
    v: &'a V,
    ctx: &mut WriteContext<'a>,
    declared: bool,
    (key_track, value_track): (bool, bool),
    (keys, values): (Siblings, Siblings),
) -> Result<()> {
    if !key_track || k.write_ref_flag(ctx, true)? {
        k.write_sibling_data(ctx, declared, keys)?;
    }
    if !value_track || v.write_ref_flag(ctx, true)? {
        v.write_sibling_data(ctx, declared, values)?;
    }
    Ok(())
}

/// Writes an entry with a null side, the other in the level of `sides`.
fn write_null_entry<'a, K: Serialize, V: Serialize>(
    k: &'a K,
    v: &'a V,
    ctx: &mut WriteContext<'a>,
    (key_declared, value_declared): (bool, bool),
    (keys, values): (Siblings, Siblings),
) -> Result<()> {
    match (k.is_null(), v.is_null()) {
        (true, true) => ctx.writer.write_u8(KEY_HAS_NULL | VALUE_HAS_NULL),
        (false, true) => {
            if key_declared {
                ctx.writer.write_u8(VALUE_HAS_NULL | KEY_DECLARED);
            } else {
                ctx.writer.write_u8(VALUE_HAS_NULL | KEY_TRACK_REF);
                let track = ctx.config().ref_tracking && k.needs_ref();
                if !k.write_ref_flag(ctx, track)? {
                    return Ok(());
                }
                k.write_type_info(ctx)?;
            }
            k.write_sibling_data(ctx, key_declared, keys)?;
        }
        (true, false) => {
            if value_declared {
                ctx.writer.write_u8(KEY_HAS_NULL | VALUE_DECLARED);
            } else {
                ctx.writer.write_u8(KEY_HAS_NULL | VALUE_TRACK_REF);
                let track = ctx.config().ref_tracking && v.needs_ref();
                if !v.write_ref_flag(ctx, track)? {
                    return Ok(());
                }
                v.write_type_info(ctx)?;
            }
            v.write_sibling_data(ctx, value_declared, values)?;
        }
        // Not reached: callers only pass entries with a null side.
        (false, false) => {}
    }
    Ok(())
}

/// Reads a map payload into `out`: hands it the entry count with `reserve` (capped like a
/// list's, see [`initial_capacity`]), then each entry with `insert`.
pub(crate) fn read_entries<'de, K, V, M>(
    ctx: &mut ReadContext<'_, 'de>,
    out: &mut M,
    reserve: impl FnOnce(&mut M, usize),
    insert: impl Fn(&mut M, K, V),
) -> Result<()>
where
    K: Deserialize<'de>,
    V: Deserialize<'de>,
{
    ctx.enter()?;
    // Each entry takes at least one byte (a null entry's header); a pair at least two.
    let len = ctx.read_len(1, "map entries")?;
    reserve(out, initial_capacity::<(K, V)>(len));
    let mut read = 0usize;
    while read < len {
        let at = ctx.reader.position();
        let header = ctx.reader.read_u8()?;
        if header & 0xc0 != 0 {
            return Err(Error::invalid(
                at,
                "a map chunk header with bits 6 and 7 clear",
                format!("{header:#04x}"),
            ));
        }
        if header & (KEY_HAS_NULL | VALUE_HAS_NULL) != 0 {
            let key = read_side::<K>(ctx, header, KEY_HAS_NULL, KEY_TRACK_REF, KEY_DECLARED, at)?;
            let value = read_side::<V>(
                ctx,
                header,
                VALUE_HAS_NULL,
                VALUE_TRACK_REF,
                VALUE_DECLARED,
                at,
            )?;
            insert(out, key, value);
            read += 1;
            continue;
        }
        let size_at = ctx.reader.position();
        let size = ctx.reader.read_u8()? as usize;
        if size == 0 || size > len - read {
            return Err(Error::invalid(
                size_at,
                "a chunk size from 1 to the entries still to come",
                format!("{size} with {} left", len - read),
            ));
        }
        let key_id = if header & KEY_DECLARED != 0 {
            K::declared_type_id().into()
        } else {
            K::read_wire_type(ctx)?
        };
        let value_id = if header & VALUE_DECLARED != 0 {
            V::declared_type_id().into()
        } else {
            V::read_wire_type(ctx)?
        };
        if key_id.id == TypeId::None || value_id.id == TypeId::None {
            // Entries of NONE would take no input at all; no peer writes them.
            return Err(Error::invalid(
                size_at,
                "map chunk key and value types other than NONE (36)",
                "NONE",
            ));
        }
        for _ in 0..size {
            let at = ctx.reader.position();
            let key = read_pair_side::<K>(ctx, header & KEY_TRACK_REF != 0, key_id)?;
            let value = read_pair_side::<V>(ctx, header & VALUE_TRACK_REF != 0, value_id)?;
            if ctx.reader.position() == at {
                ctx.charge_free_element(std::mem::size_of::<(K, V)>(), at)?;
            }
            insert(out, key, value);
        }
        read += size;
    }
    ctx.leave();
    Ok(())
}

/// One side of a single-entry chunk: null, or (flag if tracked) (type info unless declared) data.
fn read_side<'de, T: Deserialize<'de>>(
    ctx: &mut ReadContext<'_, 'de>,
    header: u8,
    null_bit: u8,
    ref_bit: u8,
    declared_bit: u8,
    header_at: usize,
) -> Result<T> {
    if header & null_bit != 0 {
        return null_or_error(header_at);
    }
    let id = if header & declared_bit != 0 {
        Some(T::declared_type_id().into())
    } else {
        None
    };
    if header & ref_bit != 0 {
        let at = ctx.reader.position();
        let flag = read_flag(ctx)?;
        return T::read_after_flag(ctx, flag, at, id);
    }
    read_typed(ctx, id)
}

fn read_pair_side<'de, T: Deserialize<'de>>(
    ctx: &mut ReadContext<'_, 'de>,
    tracked: bool,
    id: WireType,
) -> Result<T> {
    if tracked {
        let at = ctx.reader.position();
        let flag = read_flag(ctx)?;
        return T::read_after_flag(ctx, flag, at, Some(id));
    }
    T::read_wire_data(ctx, id)
}

/// Entries read into a stack buffer before a hash map's table is allocated, at most.
const STAGED_ENTRIES: usize = 64;

/// [`read_entries`] for a hash map of a few entries that own allocations, whose table would be
/// a large request: read into a stack buffer first, and its table allocated after its entries,
/// for the reason `read_list_staged` gives for lists: glibc's malloc merges every freed small
/// chunk on the first request of 1 KiB or more, and the entries' own small requests after that
/// cannot reuse them cheaply (the benchmark's StructMap, 32 entries of a string and a struct:
/// 47.4k to 39.7k instructions).
#[inline(never)]
fn read_map_staged<'de, K, V, M: Default>(
    ctx: &mut ReadContext<'_, 'de>,
    reserve: impl FnOnce(&mut M, usize),
    insert: impl Fn(&mut M, K, V),
) -> Result<M>
where
    K: Deserialize<'de>,
    V: Deserialize<'de>,
{
    let mut staged = smallvec::SmallVec::<[(K, V); STAGED_ENTRIES]>::new();
    read_entries(
        ctx,
        &mut staged,
        |_, _| {},
        |staged, key, value| staged.push((key, value)),
    )?;
    let mut map = M::default();
    reserve(&mut map, staged.len());
    for (key, value) in staged {
        insert(&mut map, key, value);
    }
    Ok(map)
}

macro_rules! map_type {
    ($([$($gen:tt)*] $ty:ty, $reserve:expr, $staged:expr;)*) => {$(
        impl<$($gen)*> Serialize for $ty
        where
            K: Serialize,
            V: Serialize,
        {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::Map);
                Ok(())
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                write_entries(self.iter(), self.len(), ctx, declared)
            }

            fn tracks_refs() -> bool {
                true
            }
        }

        impl<'de, $($gen)*> Deserialize<'de> for $ty
        where
            K: Deserialize<'de>,
            V: Deserialize<'de>,
        {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.expect_type_id(TypeId::Map)
            }

            fn declared_type_id() -> TypeId {
                TypeId::Map
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
                let insert = |out: &mut Self, k, v| {
                    out.insert(k, v);
                };
                if $staged && ctx.reader.peek_u8().is_ok_and(stages::<(K, V), STAGED_ENTRIES>) {
                    return read_map_staged(ctx, $reserve, insert);
                }
                let mut out = <$ty>::default();
                read_entries(ctx, &mut out, $reserve, insert)?;
                Ok(out)
            }
        }
    )*};
}

map_type! {
    [K: Ord, V] BTreeMap<K, V>, |_: &mut Self, _| {}, false;
    [K: Eq + Hash, V, S: BuildHasher + Default] HashMap<K, V, S>,
        |m: &mut Self, n| m.reserve(n), true;
    [K: Eq + Hash, V, S: BuildHasher + Default] hashbrown::HashMap<K, V, S>,
        |m: &mut Self, n| m.reserve(n), true;
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::{Fory, Value};

    /// Entries that own allocations, 48 bytes each: from 22 entries on the table is a large
    /// request, read through the stack buffer up to 64 entries and directly beyond.
    fn entries(n: usize) -> HashMap<String, String> {
        (0..n)
            .map(|i| (format!("key-{i}"), "v".repeat(i % 40)))
            .collect()
    }

    #[test]
    fn short_and_long_maps_of_owning_entries_read_back_whole() {
        let fory = Fory::default();
        for n in [0, 1, 21, 22, 40, 64, 65, 100, 300] {
            let value = entries(n);
            let bytes = fory.serialize(&value).unwrap();
            let back: HashMap<String, String> = fory.deserialize(&bytes).unwrap();
            assert_eq!(back, value, "{n} entries");
            let back: hashbrown::HashMap<String, String> = fory.deserialize(&bytes).unwrap();
            assert_eq!(back.len(), n, "{n} entries into hashbrown's map");
            assert!(value.iter().all(|(k, v)| back.get(k) == Some(v)), "{n}");
            // Cut short: an error, with the entries read so far dropped once
            // (memcheck sees no double free or leak).
            for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
                assert!(fory
                    .deserialize::<HashMap<String, String>>(&bytes[..cut])
                    .is_err());
            }
        }
    }

    #[test]
    fn a_key_written_twice_keeps_its_last_value_whether_staged_or_not() {
        // A map payload of `n` entries whose last repeats the first key: every entry but the
        // last is "key-i" -> "i", the last "key-0" -> "last".
        let fory = Fory::default();
        for n in [3, 30, 64, 65, 80] {
            let text = |s: String| Value::String(s);
            let mut pairs: Vec<(Value, Value)> = (0..n - 1)
                .map(|i| (text(format!("key-{i}")), text(i.to_string())))
                .collect();
            pairs.push((text("key-0".into()), text("last".into())));
            let bytes = fory.serialize(&Value::Map(pairs)).unwrap();
            let back: HashMap<String, String> = fory.deserialize(&bytes).unwrap();
            assert_eq!(back.len(), n - 1, "{n}");
            assert_eq!(back["key-0"], "last", "{n}");
            assert_eq!(back["key-1"], "1", "{n}");
        }
    }
}
