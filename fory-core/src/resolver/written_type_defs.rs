//! The TypeDefs one stream has written so far, so that each is written once and referred to by
//! its index afterwards.

use std::collections::HashMap;

use crate::types::TypeId;

/// How many TypeDefs are kept in the context itself and found by a scan; a payload rarely has
/// more, and the ones past these go to a hash map.
const INLINE: usize = 8;

/// The TypeDefs one stream has written so far, by key (the address of the type's schema hash
/// slot, or of its registration) with the wire type id they were written under; the index is
/// the order of writing. Lives in the [`WriteContext`](crate::context::WriteContext) itself.
#[derive(Debug)]
pub(crate) struct WrittenTypeDefs {
    /// How many TypeDefs were written; the first `min(len, INLINE)` are in `keys` and `wires`.
    len: u32,
    /// One bit per written key, at [`seen_bit`]: a key whose bit is clear was not written.
    seen: u64,
    /// The keys of the first TypeDefs; 0 where none was written yet.
    keys: [usize; INLINE],
    wires: [TypeId; INLINE],
    /// The TypeDefs from the `INLINE`-th on: index and wire type id by key.
    more: Option<HashMap<usize, (u32, TypeId)>>,
}

impl Default for WrittenTypeDefs {
    fn default() -> Self {
        WrittenTypeDefs {
            len: 0,
            seen: 0,
            keys: [0; INLINE],
            wires: [TypeId::Unknown; INLINE],
            more: None,
        }
    }
}

impl WrittenTypeDefs {
    /// The index and wire type id of the TypeDef written under `key` (an address, never 0),
    /// if any. A key never written is usually turned away by `seen` alone; otherwise the
    /// inline keys not yet used are 0, so the scan needs no bound: a compare and a branch per
    /// key.
    #[inline(always)]
    pub(crate) fn find(&self, key: usize) -> Option<(u32, TypeId)> {
        debug_assert!(key != 0);
        if self.seen & seen_bit(key) == 0 {
            return None;
        }
        if let Some(i) = self.keys.iter().position(|&k| k == key) {
            return Some((i as u32, self.wires[i]));
        }
        self.more.as_ref()?.get(&key).copied()
    }

    /// Records `key` (not found before), written as `wire`, and returns its index.
    #[inline(always)]
    pub(crate) fn insert(&mut self, key: usize, wire: TypeId) -> u32 {
        let index = self.len;
        self.seen |= seen_bit(key);
        if let (Some(k), Some(w)) = (
            self.keys.get_mut(index as usize),
            self.wires.get_mut(index as usize),
        ) {
            (*k, *w) = (key, wire);
        } else {
            self.insert_more(key, wire, index);
        }
        self.len += 1;
        index
    }

    #[cold]
    #[inline(never)]
    fn insert_more(&mut self, key: usize, wire: TypeId, index: u32) {
        self.more
            .get_or_insert_with(HashMap::new)
            .insert(key, (index, wire));
    }
}

/// The bit of `key` in [`WrittenTypeDefs::seen`]: keys are addresses of 8-byte-aligned
/// statics or registrations, so the bits above the lowest three tell them apart.
#[inline(always)]
fn seen_bit(key: usize) -> u64 {
    1 << ((key >> 3) & 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_and_wire_ids_hold_past_the_inline_entries() {
        let mut defs = WrittenTypeDefs::default();
        let keys: Vec<usize> = (0..40).map(|i| 0x1000 + i * 24).collect();
        let wire = |i: usize| {
            if i % 2 == 0 {
                TypeId::CompatibleStruct
            } else {
                TypeId::NamedEnum
            }
        };
        for (i, &key) in keys.iter().enumerate() {
            assert_eq!(defs.find(key), None);
            assert_eq!(defs.insert(key, wire(i)), i as u32);
            for (j, &earlier) in keys[..=i].iter().enumerate() {
                assert_eq!(defs.find(earlier), Some((j as u32, wire(j))));
            }
        }
    }
}
