//! The TypeDefs one deserialization has read so far, by index.

use std::mem::ManuallyDrop;
use std::ops::Deref;

use smallvec::SmallVec;

use crate::resolver::StreamDef;

/// The stream's TypeDefs: a payload rarely holds more than a few, mostly borrowed from the
/// `Fory`'s cache, so they are kept inline; and then dropping the list has nothing to do. It
/// is dropped only when it holds a shared TypeDef (a reference count) or spilled to the heap:
/// one test of a flag, where the drop glue of the vector is a call and a loop on every
/// deserialization.
#[derive(Default)]
pub(crate) struct StreamDefList<'f> {
    defs: ManuallyDrop<SmallVec<[StreamDef<'f>; 4]>>,
    /// Whether `defs` holds anything to drop: a `Shared` TypeDef or a heap allocation.
    owns: bool,
}

impl<'f> StreamDefList<'f> {
    /// Adds the stream's next TypeDef.
    #[inline]
    pub(crate) fn push(&mut self, def: StreamDef<'f>) {
        self.owns |=
            matches!(def, StreamDef::Shared(_)) || self.defs.len() == self.defs.inline_size();
        self.defs.push(def);
    }
}

impl<'f> Deref for StreamDefList<'f> {
    type Target = [StreamDef<'f>];

    #[inline]
    fn deref(&self) -> &[StreamDef<'f>] {
        &self.defs
    }
}

impl Drop for StreamDefList<'_> {
    #[inline]
    fn drop(&mut self) {
        if self.owns {
            // SAFETY: dropped once, here; the list is not used afterwards.
            unsafe { ManuallyDrop::drop(&mut self.defs) };
        }
        // Otherwise every entry is a borrowed `Cached` TypeDef in the inline array: nothing
        // to release.
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::resolver::{StreamTypeDef, TypeDefCache};

    /// Shared TypeDefs past the inline entries are released with the list: the reference
    /// counts go back to one.
    #[test]
    fn shared_type_defs_are_released_inline_or_spilled() {
        let cache = TypeDefCache::default();
        let cached = cache
            .get_or_parse(1, b"cached", || {
                Ok::<_, ()>(StreamTypeDef::new(
                    crate::types::TypeId::CompatibleStruct,
                    crate::resolver::ReadIdentity::Id(1),
                    None,
                ))
            })
            .unwrap();
        let shared = Arc::new(StreamTypeDef::new(
            crate::types::TypeId::CompatibleStruct,
            crate::resolver::ReadIdentity::Id(2),
            None,
        ));
        for (borrowed, counted) in [(0, 1), (3, 1), (4, 0), (6, 3)] {
            let mut list = StreamDefList::default();
            for _ in 0..borrowed {
                list.push(cached.clone());
            }
            for _ in 0..counted {
                list.push(StreamDef::Shared(shared.clone()));
            }
            assert_eq!(list.len(), borrowed + counted);
            assert_eq!(Arc::strong_count(&shared), 1 + counted);
            drop(list);
            assert_eq!(Arc::strong_count(&shared), 1);
        }
    }
}
