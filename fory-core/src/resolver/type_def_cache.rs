//! TypeDefs read from streams, parsed once per [`Fory`](crate::Fory) and shared by every later
//! payload that carries the same bytes, with what each local type learned from them (that the
//! TypeDef names it, and how its fields map).
//!
//! A compatible-mode payload repeats its TypeDefs in every message; parsing a struct TypeDef
//! (names, field types) costs far more than comparing its bytes, so the cache keys entries by
//! the 8-byte TypeDef header (size and body hash) and confirms a hit by comparing the body.
//!
//! The first [`FRONT_SLOTS`] TypeDefs go into a table that is read without a lock: each slot is
//! set once and never replaced, so a hit is a borrow for as long as the `Fory` is, with no
//! reference count. The rest go into a map behind a lock. The total is bounded, so a peer
//! sending ever new TypeDefs cannot grow the cache without limit: past the bound, TypeDefs are
//! parsed per payload and not kept.

use std::any::TypeId as RustTypeId;
use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Deref;
use std::sync::{Arc, OnceLock, RwLock};

use crate::meta::struct_def::StructDef;
use crate::meta::type_def::SIZE_MASK;
use crate::serializer::{InOrderStep, PlanSlot};
use crate::types::TypeId;

/// TypeDefs kept in the lock-free table.
const FRONT_SLOTS: usize = 256;

/// Slots tried from a TypeDef's home slot, in the lock-free table.
const PROBES: usize = 4;

/// Most TypeDefs kept behind the lock.
const MAX_OVERFLOW: usize = 4096;

/// Largest TypeDef body kept (larger ones are parsed per payload), so the cache holds at most
/// `(FRONT_SLOTS + MAX_OVERFLOW) * MAX_BODY` bytes of bodies, about 17 MiB, whatever peers send.
const MAX_BODY: usize = 4 * 1024;

/// How a TypeDef names its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadIdentity {
    Id(u32),
    Name(String, String),
}

/// How a peer's struct fields map onto a local struct's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPlan {
    /// The peer's field list is the local one: read fields in local order.
    Same,
    /// The peer's fields that the local struct reads are declared alike on both sides and come
    /// in the local wire order, with other fields of the peer's among them: one step per local
    /// field position, and a last one for the peer's fields after them (see
    /// [`in_local_order`](crate::serializer::in_local_order)).
    InOrder(Vec<InOrderStep>),
    /// For each of the peer's fields, the local field it fills, and how, or a skip.
    Matched(Vec<PlanSlot>),
    /// A peer's field matches a local one by name or tag id, but the bytes it declares cannot be
    /// read as the local field's type (a map value of another kind, say): reading fails, with
    /// this description of the two types.
    Rejected(String),
}

/// A parsed TypeDef.
#[derive(Debug)]
pub struct StreamTypeDef {
    pub(crate) type_id: TypeId,
    pub(crate) identity: ReadIdentity,
    struct_def: Option<StructDef>,
    /// The first local type found to be the type this TypeDef names; later reads into it skip
    /// the identity check. Valid for the `Fory` that cached the TypeDef, whose registrations
    /// cannot change while it is borrowed (registering clears the cache).
    named_type: OnceLock<RustTypeId>,
    /// The plan of the first local struct that read this TypeDef.
    plan: OnceLock<(RustTypeId, FieldPlan)>,
    /// `named_type` once its plan is known to be [`FieldPlan::Same`]: the one check of the
    /// fast path for a TypeDef read again.
    declared_reader: OnceLock<RustTypeId>,
}

impl StreamTypeDef {
    pub(crate) fn new(
        type_id: TypeId,
        identity: ReadIdentity,
        struct_def: Option<StructDef>,
    ) -> Self {
        StreamTypeDef {
            type_id,
            identity,
            struct_def,
            named_type: OnceLock::new(),
            plan: OnceLock::new(),
            declared_reader: OnceLock::new(),
        }
    }

    /// The field list, for a struct TypeDef.
    pub fn struct_def(&self) -> Option<&StructDef> {
        self.struct_def.as_ref()
    }

    /// Whether `local` was found to be the type this TypeDef names.
    #[inline]
    pub(crate) fn names(&self, local: RustTypeId) -> bool {
        self.named_type.get() == Some(&local)
    }

    /// Whether `local` is the type this TypeDef names and reads it as its own field list
    /// ([`FieldPlan::Same`]), found once and then answered by one comparison.
    #[inline(always)]
    pub(crate) fn reads_as_declared(&self, local: RustTypeId) -> bool {
        self.declared_reader.get() == Some(&local) || self.first_reads_as_declared(local)
    }

    /// [`StreamTypeDef::reads_as_declared`] before the answer is kept.
    #[cold]
    fn first_reads_as_declared(&self, local: RustTypeId) -> bool {
        let found = self.names(local) && matches!(self.plan_if_known(local), Some(FieldPlan::Same));
        if found {
            let _ = self.declared_reader.set(local);
        }
        found
    }

    /// Records that `local` is the type this TypeDef names (kept for the first such type).
    pub(crate) fn remember_named(&self, local: RustTypeId) {
        let _ = self.named_type.set(local);
    }

    /// The plan for local type `local`, if it was the first to read this TypeDef.
    #[inline]
    pub fn plan_if_known(&self, local: RustTypeId) -> Option<&FieldPlan> {
        match self.plan.get() {
            Some((ty, plan)) if *ty == local => Some(plan),
            _ => None,
        }
    }

    /// The plan for local type `local`, computed by `make` the first time (and every time for a
    /// second local type reading the same TypeDef).
    pub fn plan_for(&self, local: RustTypeId, make: impl Fn() -> FieldPlan) -> Cow<'_, FieldPlan> {
        let (ty, plan) = self.plan.get_or_init(|| (local, make()));
        if *ty == local {
            Cow::Borrowed(plan)
        } else {
            Cow::Owned(make())
        }
    }
}

/// Whether `a` and `b` hold the same bytes, compared sixteen at a time in line: a TypeDef
/// body is a few dozen bytes, for which a call to `memcmp` costs more than the comparison
/// (and a loop of 8-byte words is unrolled behind a longer setup).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (Some(a_last), Some(b_last)) = (a.last_chunk::<16>(), b.last_chunk::<16>()) else {
        return a == b;
    };
    // Whole 16-byte blocks, then the last sixteen bytes (which may overlap the last whole
    // block).
    let mut differ = 0;
    let (mut a_rest, mut b_rest) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    while let (Some((x, a_next)), Some((y, b_next))) = (
        a_rest.split_first_chunk::<16>(),
        b_rest.split_first_chunk::<16>(),
    ) {
        differ |= u128::from_ne_bytes(*x) ^ u128::from_ne_bytes(*y);
        (a_rest, b_rest) = (a_next, b_next);
    }
    differ == 0 && a_last == b_last
}

/// A TypeDef in one stream's table: borrowed from the `Fory`'s cache for `'f`, or shared with
/// the part of the cache behind the lock (or with nothing, when it was not kept).
#[derive(Debug, Clone)]
pub enum StreamDef<'f> {
    /// In the lock-free table: no reference count to take or drop.
    Cached(&'f StreamTypeDef),
    /// Behind the lock, or parsed for this payload only.
    Shared(Arc<StreamTypeDef>),
}

impl Deref for StreamDef<'_> {
    type Target = StreamTypeDef;

    #[inline]
    fn deref(&self) -> &StreamTypeDef {
        match self {
            StreamDef::Cached(def) => def,
            StreamDef::Shared(def) => def,
        }
    }
}

/// A TypeDef in the lock-free table, with the bytes that identify it.
#[derive(Debug)]
struct FrontEntry {
    header: u64,
    body: Box<[u8]>,
    def: StreamTypeDef,
}

/// A TypeDef's body bytes and its parse, behind the lock.
type OverflowEntry = (Box<[u8]>, Arc<StreamTypeDef>);

/// Parsed TypeDefs by header (which holds a hash of the body), shared by every payload a
/// [`Fory`](crate::Fory) reads.
#[derive(Debug)]
pub struct TypeDefCache {
    /// Allocated on first use; slots are filled in probe order and never emptied, so a lookup
    /// stops at the first empty slot.
    front: OnceLock<Box<[OnceLock<Box<FrontEntry>>]>>,
    /// Odd multiplier choosing a TypeDef's home slot, random per cache so that a peer cannot
    /// aim TypeDefs at one slot.
    slot_key: u64,
    overflow: RwLock<HashMap<u64, Vec<OverflowEntry>>>,
}

impl Default for TypeDefCache {
    fn default() -> Self {
        TypeDefCache {
            front: OnceLock::new(),
            slot_key: RandomState::new().hash_one(0x5eed_u64) | 1,
            overflow: RwLock::default(),
        }
    }
}

impl Clone for TypeDefCache {
    /// A clone starts empty (the entries are a cache, rebuilt on use).
    fn clone(&self) -> Self {
        TypeDefCache::default()
    }
}

impl TypeDefCache {
    /// The TypeDef with this header and body, parsing and keeping it if it is new.
    #[inline]
    pub(crate) fn get_or_parse<E>(
        &self,
        header: u64,
        body: &[u8],
        parse: impl FnOnce() -> Result<StreamTypeDef, E>,
    ) -> Result<StreamDef<'_>, E> {
        match self.probe_front(self.front_slots(), header, body) {
            Ok(def) => Ok(StreamDef::Cached(def)),
            Err(free) => self.get_or_parse_slow(free, header, body, parse),
        }
    }

    /// The TypeDef that `input` starts with, and its length in bytes, if the lock-free table
    /// holds it: found by its header and confirmed by its body, with nothing parsed or hashed.
    /// `None` for a TypeDef the table does not hold, or one whose size needs the extension
    /// varint (the caller then reads it in full).
    #[inline(always)]
    pub(crate) fn find_front(&self, input: &[u8]) -> Option<(&StreamTypeDef, usize)> {
        let header = u64::from_le_bytes(*input.first_chunk::<8>()?);
        let size = (header & SIZE_MASK) as usize;
        if size == SIZE_MASK as usize {
            return None;
        }
        let body = input.get(8..8 + size)?;
        let def = self.probe_front(self.front.get()?, header, body).ok()?;
        Some((def, 8 + size))
    }

    /// The TypeDef with `header` and `body` in the lock-free table, or else the first empty
    /// slot of its probe sequence (where it would go), if there is one.
    #[inline(always)]
    fn probe_front<'c>(
        &self,
        slots: &'c [OnceLock<Box<FrontEntry>>],
        header: u64,
        body: &[u8],
    ) -> Result<&'c StreamTypeDef, Option<&'c OnceLock<Box<FrontEntry>>>> {
        let home = self.home_slot(header);
        for probe in 0..PROBES {
            let slot = &slots[(home + probe) % FRONT_SLOTS];
            match slot.get() {
                Some(entry) if entry.header == header && same_bytes(&entry.body, body) => {
                    return Ok(&entry.def);
                }
                Some(_) => {}
                None => return Err(Some(slot)),
            }
        }
        Err(None)
    }

    /// The first slot of the lock-free table that a TypeDef with `header` may occupy.
    #[inline]
    fn home_slot(&self, header: u64) -> usize {
        (header.wrapping_mul(self.slot_key) >> 56) as usize
    }

    fn front_slots(&self) -> &[OnceLock<Box<FrontEntry>>] {
        self.front
            .get_or_init(|| (0..FRONT_SLOTS).map(|_| OnceLock::new()).collect())
    }

    #[cold]
    fn get_or_parse_slow<'c, E>(
        &'c self,
        free: Option<&'c OnceLock<Box<FrontEntry>>>,
        header: u64,
        body: &[u8],
        parse: impl FnOnce() -> Result<StreamTypeDef, E>,
    ) -> Result<StreamDef<'c>, E> {
        if let Ok(overflow) = self.overflow.read() {
            if let Some((_, def)) = overflow
                .get(&header)
                .and_then(|list| list.iter().find(|(b, _)| **b == *body))
            {
                return Ok(StreamDef::Shared(def.clone()));
            }
        }
        let def = parse()?;
        if body.len() > MAX_BODY {
            return Ok(StreamDef::Shared(Arc::new(def)));
        }
        let def = match free {
            Some(slot) => {
                let entry = Box::new(FrontEntry {
                    header,
                    body: body.into(),
                    def,
                });
                match slot.set(entry) {
                    Ok(()) => {
                        let entry = slot.get().expect("the slot was just set");
                        return Ok(StreamDef::Cached(&entry.def));
                    }
                    // Another thread filled the slot meanwhile.
                    Err(entry) => entry.def,
                }
            }
            None => def,
        };
        let def = Arc::new(def);
        if let Ok(mut overflow) = self.overflow.write() {
            let total: usize = overflow.values().map(Vec::len).sum();
            if total < MAX_OVERFLOW {
                overflow
                    .entry(header)
                    .or_default()
                    .push((body.into(), def.clone()));
            }
        }
        Ok(StreamDef::Shared(def))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(id: u32) -> StreamTypeDef {
        StreamTypeDef::new(TypeId::CompatibleStruct, ReadIdentity::Id(id), None)
    }

    fn id_of(found: &StreamDef<'_>) -> u32 {
        match found.identity {
            ReadIdentity::Id(id) => id,
            ReadIdentity::Name(..) => unreachable!(),
        }
    }

    /// More TypeDefs than the lock-free table holds: each is parsed once, found again by its
    /// bytes, and the first ones are borrowed rather than shared.
    #[test]
    fn every_kept_type_def_is_parsed_once_and_found_by_its_bytes() {
        let cache = TypeDefCache::default();
        let count = FRONT_SLOTS as u32 * 2;
        let body = |i: u32| i.to_le_bytes().repeat(3);
        // Headers as TypeDefs carry them: hash bits (here splitmix64 of `i`) above the body
        // size. Headers in arithmetic progression (`i << 12`, or `i` times a constant) meet
        // the cache's random multiplier in a few home slots about once in fifty runs, and
        // the count of borrowed entries below would then fail by luck.
        let header = |i: u32| {
            let mut z = u64::from(i).wrapping_add(0x9e37_79b9_7f4a_7c15);
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) & !0xff) | 12
        };
        let mut parsed = 0;
        for round in 0..2 {
            let mut borrowed = 0;
            for i in 0..count {
                let found = cache
                    .get_or_parse(header(i), &body(i), || {
                        parsed += 1;
                        Ok::<_, ()>(def(i))
                    })
                    .unwrap();
                assert_eq!(id_of(&found), i);
                borrowed += usize::from(matches!(found, StreamDef::Cached(_)));
            }
            assert_eq!(parsed, count, "round {round}");
            assert!(borrowed > FRONT_SLOTS / 2 && borrowed <= FRONT_SLOTS);
        }
    }

    /// Same header, other bytes (a hash collision, or a forged header): not the cached TypeDef.
    #[test]
    fn a_header_match_with_other_bytes_is_parsed_on_its_own() {
        let cache = TypeDefCache::default();
        let first = cache.get_or_parse(7, b"first", || Ok::<_, ()>(def(1)));
        let second = cache.get_or_parse(7, b"other", || Ok::<_, ()>(def(2)));
        assert_eq!(id_of(&first.unwrap()), 1);
        assert_eq!(id_of(&second.unwrap()), 2);
        let again = cache.get_or_parse(7, b"other", || Err(()));
        assert_eq!(id_of(&again.unwrap()), 2);
    }

    #[test]
    fn same_bytes_compares_every_byte_at_every_length() {
        // Past several sixteen-byte blocks, and around each block's edges.
        let a: Vec<u8> = (0..100u8).collect();
        for len in 0..=a.len() {
            assert!(same_bytes(&a[..len], &a[..len]));
            assert!(!same_bytes(&a[..len], &a[..len.saturating_sub(1)]) || len == 0);
            for at in 0..len {
                let mut b = a[..len].to_vec();
                b[at] ^= 0x10;
                assert!(!same_bytes(&a[..len], &b), "length {len}, byte {at}");
            }
        }
    }

    /// The lock-free lookup by bytes finds a kept TypeDef at the front of the input, with what
    /// follows it, and nothing whose body differs or whose size continues past the header.
    #[test]
    fn a_kept_type_def_is_found_at_the_front_of_the_input() {
        let cache = TypeDefCache::default();
        let input = |header: u64, body: &[u8]| [&header.to_le_bytes()[..], body, b"rest"].concat();
        assert!(
            cache.find_front(&input(5, b"first")).is_none(),
            "empty table"
        );
        cache
            .get_or_parse(5, b"first", || Ok::<_, ()>(def(1)))
            .unwrap();
        let (found, len) = cache.find_front(&input(5, b"first")).unwrap();
        assert!(matches!(found.identity, ReadIdentity::Id(1)));
        assert_eq!(len, 8 + 5);
        assert!(cache.find_front(&input(5, b"other")).is_none());
        assert!(cache.find_front(&input(6, b"first")).is_none());
        assert!(cache.find_front(&input(5, b"fir")).is_none(), "truncated");
        cache
            .get_or_parse(0x1ff, b"long", || Ok::<_, ()>(def(2)))
            .unwrap();
        assert!(cache.find_front(&input(0x1ff, b"long")).is_none());
    }
}
