//! TypeDefs read from streams, parsed once per [`Fory`](crate::Fory) and shared by every later
//! payload that carries the same bytes, with the field-matching plan each local struct computed
//! for them.
//!
//! A compatible-mode payload repeats its TypeDefs in every message; parsing a struct TypeDef
//! (names, field types) costs far more than comparing its bytes, so the cache keys entries by
//! the 8-byte TypeDef header (size and body hash) and confirms a hit by comparing the body. Its
//! size is bounded, so a peer sending ever new TypeDefs cannot grow it without limit: past the
//! bound, TypeDefs are parsed per payload and not kept.

use std::any::TypeId as RustTypeId;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use crate::meta::struct_def::StructDef;
use crate::resolver::registry::TypeIdHasher;
use crate::types::TypeId;

/// Most distinct TypeDefs kept.
const MAX_ENTRIES: usize = 4096;

/// Largest TypeDef body kept (larger ones are parsed per payload), so the cache holds at most
/// `MAX_ENTRIES * MAX_BODY` bytes of bodies, 16 MiB, whatever peers send.
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
    /// For each of the peer's fields, the local declaration index it fills, or `None` to skip.
    Matched(Vec<Option<usize>>),
}

/// A parsed TypeDef.
#[derive(Debug)]
pub struct StreamTypeDef {
    pub(crate) type_id: TypeId,
    pub(crate) identity: ReadIdentity,
    struct_def: Option<StructDef>,
    /// The plan of the first local struct that read this TypeDef.
    plan: OnceLock<(RustTypeId, FieldPlan)>,
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
            plan: OnceLock::new(),
        }
    }

    /// The field list, for a struct TypeDef.
    pub fn struct_def(&self) -> Option<&StructDef> {
        self.struct_def.as_ref()
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

/// A TypeDef's body bytes and its parse.
type Entry = (Box<[u8]>, Arc<StreamTypeDef>);

/// Parsed TypeDefs by header (which holds a hash of the body already, so it is not hashed
/// again), shared by every payload a [`Fory`](crate::Fory) reads.
#[derive(Debug)]
pub struct TypeDefCache {
    /// Unique for the life of the process: names this cache in the per-thread
    /// [`RecentTypeDefs`], which outlive no entry's meaning (an id is never reused).
    id: u64,
    entries: RwLock<HashMap<u64, Vec<Entry>, BuildHasherDefault<TypeIdHasher>>>,
}

impl Default for TypeDefCache {
    fn default() -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        TypeDefCache {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            entries: RwLock::default(),
        }
    }
}

impl Clone for TypeDefCache {
    /// A clone starts empty (the entries are a cache, rebuilt on use).
    fn clone(&self) -> Self {
        TypeDefCache::default()
    }
}

/// The TypeDefs one thread read last, in front of the shared caches: a hit costs a short scan
/// and one reference count, where the shared cache takes a lock and a hash lookup. Lives in the
/// thread's pooled read tables, across payloads and `Fory` instances (entries name their
/// cache). Holds at most [`RecentTypeDefs::SIZE`] entries of at most 4 KiB each, which may keep
/// a dropped `Fory`'s TypeDefs alive until replaced.
#[derive(Debug, Default)]
pub(crate) struct RecentTypeDefs {
    entries: Vec<(u64, u64, Entry)>,
    /// The entry to replace next once full.
    next: usize,
}

impl RecentTypeDefs {
    const SIZE: usize = 16;

    fn get(&self, cache: u64, header: u64, body: &[u8]) -> Option<&Arc<StreamTypeDef>> {
        self.entries
            .iter()
            .find(|(c, h, (b, _))| *h == header && *c == cache && **b == *body)
            .map(|(_, _, (_, def))| def)
    }

    fn put(&mut self, cache: u64, header: u64, body: &[u8], def: &Arc<StreamTypeDef>) {
        let entry = (cache, header, (body.into(), def.clone()));
        if self.entries.len() < Self::SIZE {
            self.entries.push(entry);
        } else {
            self.entries[self.next] = entry;
            self.next = (self.next + 1) % Self::SIZE;
        }
    }
}

impl TypeDefCache {
    /// The TypeDef with this header and body, from this thread's `recent` ones or the shared
    /// cache, parsing and keeping it if it is new.
    pub(crate) fn get_or_parse<E>(
        &self,
        recent: &mut RecentTypeDefs,
        header: u64,
        body: &[u8],
        parse: impl FnOnce() -> Result<StreamTypeDef, E>,
    ) -> Result<Arc<StreamTypeDef>, E> {
        if let Some(def) = recent.get(self.id, header, body) {
            return Ok(def.clone());
        }
        let def = self.get_or_parse_shared(header, body, parse)?;
        if body.len() <= MAX_BODY {
            recent.put(self.id, header, body, &def);
        }
        Ok(def)
    }

    fn get_or_parse_shared<E>(
        &self,
        header: u64,
        body: &[u8],
        parse: impl FnOnce() -> Result<StreamTypeDef, E>,
    ) -> Result<Arc<StreamTypeDef>, E> {
        if let Ok(entries) = self.entries.read() {
            if let Some(found) = entries
                .get(&header)
                .and_then(|list| list.iter().find(|(b, _)| &**b == body))
            {
                return Ok(found.1.clone());
            }
        }
        let parsed = Arc::new(parse()?);
        if let Ok(mut entries) = self.entries.write() {
            let total: usize = entries.values().map(Vec::len).sum();
            if total < MAX_ENTRIES && body.len() <= MAX_BODY {
                entries
                    .entry(header)
                    .or_default()
                    .push((body.into(), parsed.clone()));
            }
        }
        Ok(parsed)
    }
}
