//! Sequences and sets: LIST (`Vec<T>`, `VecDeque<T>`, `LinkedList<T>`, `BinaryHeap<T>`,
//! `[T; N]`, `Box<[T]>`, `&[T]`) and SET (`HashSet<T>`, `BTreeSet<T>`, hashbrown's set).
//!
//! A `BinaryHeap` is a LIST, not a SET: it keeps equal elements, which a peer's set would merge.
//! It is written in its internal (heap) order and reads a SET too, which is what Apache Fory Rust
//! 1.7.7 writes for it.
//!
//! Payload: a varuint32 element count, then (if not empty) one header byte and the elements. The
//! header says how elements are written:
//!
//! | bit | meaning when set |
//! | --- | --- |
//! | `0x01` | each element has a reference flag (reference tracking) |
//! | `0x02` | each element has a null / not-null flag |
//! | `0x04` | the element type is declared by the position, so no type info is written |
//! | `0x08` | all elements have one type, written once after the header unless declared |
//!
//! Without `0x08` every element carries its own type info. Writers pick the smallest form the
//! values allow, as the peers do; readers follow whatever the header says.

use std::collections::{BTreeSet, BinaryHeap, HashSet, LinkedList, VecDeque};
use std::hash::{BuildHasher, Hash};

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::{read_flag, read_typed, Deserialize, Serialize, WireType};
use crate::types::{RefFlag, TypeId};

pub(crate) const TRACK_REF: u8 = 0x01;
pub(crate) const HAS_NULL: u8 = 0x02;
pub(crate) const DECLARED: u8 = 0x04;
pub(crate) const SAME_TYPE: u8 = 0x08;

/// Writes the list payload of `items` (count, header, elements).
pub fn write_list<'a, T: Serialize>(
    items: &'a [T],
    ctx: &mut WriteContext<'a>,
    declared: bool,
) -> Result<()> {
    write_elements(items.iter(), items.len(), ctx, declared)
}

/// Writes count, header and elements for any re-iterable sequence of `len` items.
///
/// An empty sequence is its count alone, written in line: a call would cost several times the
/// byte (the leaves of a tree are mostly empty lists).
#[inline(always)]
pub(crate) fn write_elements<'a, T, I>(
    items: I,
    len: usize,
    ctx: &mut WriteContext<'a>,
    declared: bool,
) -> Result<()>
where
    T: Serialize + 'a,
    I: Iterator<Item = &'a T> + Clone,
{
    if len == 0 {
        ctx.writer.write_u8(0);
        return Ok(());
    }
    write_counted_elements(items, len, ctx, declared)
}

/// [`write_elements`] for a sequence of at least one item.
fn write_counted_elements<'a, T, I>(
    items: I,
    len: usize,
    ctx: &mut WriteContext<'a>,
    declared: bool,
) -> Result<()>
where
    T: Serialize + 'a,
    I: Iterator<Item = &'a T> + Clone,
{
    let count = u32::try_from(len)
        .map_err(|_| Error::encode(format!("collection of {len} elements exceeds 2^32 - 1")))?;
    ctx.writer.write_varuint32(count);
    ctx.enter()?;
    let result = write_non_empty(items, len, ctx, declared);
    ctx.leave();
    result
}

fn write_non_empty<'a, T, I>(
    items: I,
    len: usize,
    ctx: &mut WriteContext<'a>,
    declared: bool,
) -> Result<()>
where
    T: Serialize + 'a,
    I: Iterator<Item = &'a T> + Clone,
{
    let mut has_null = false;
    let mut same = true;
    // The first element that is not null, then the rest compared with it: for elements that
    // are never null and of one static type the second loop has an empty body and is dropped
    // (a single loop that also looked for the first was kept, at 5 instructions an element).
    let mut rest = items.clone();
    let first = rest.by_ref().find(|item| {
        let null = item.is_null();
        has_null |= null;
        !null
    });
    if let Some(f) = first {
        for item in rest {
            if item.is_null() {
                has_null = true;
            } else {
                same &= f.same_type(item);
            }
        }
    }
    // A declared element type only saves the type info when it is a concrete type.
    let compatible = ctx.config().compatible;
    let declared = declared && !T::type_info_when_declared(compatible);
    let Some(first) = first else {
        // Only nulls, each just its null flag. Under a declared element type the header says
        // so as Java writes it whatever the elements (`0e`, or `0d` when the declaration tracks
        // them); Apache Fory Rust reads a declared field's list only in that form. Otherwise
        // there is no element type to name: `02`.
        let header = match (
            declared,
            ctx.config().ref_tracking && T::tracks_refs_when_declared(compatible),
        ) {
            (true, true) => SAME_TYPE | DECLARED | TRACK_REF,
            (true, false) => SAME_TYPE | DECLARED | HAS_NULL,
            (false, _) => HAS_NULL,
        };
        ctx.writer.write_u8(header);
        for _ in 0..len {
            ctx.writer.write_u8(RefFlag::Null.to_byte());
        }
        return Ok(());
    };
    // Like Java: elements of differing types always carry reference flags when tracking is on;
    // elements of one declared type when the declaration tracks them (a shared reference, or
    // in schema-consistent mode a type Java tracks by default); elements of one undeclared type
    // when that type is tracked.
    let tracked = if declared {
        T::tracks_refs_when_declared(compatible)
    } else {
        first.needs_ref()
    };
    let track = ctx.config().ref_tracking && (!same || tracked);
    // With reference flags a null is one of them, so Java leaves the null bit out (`0d`, where
    // pyfory and Go write `0f`); every reader takes both.
    let mut header = if has_null && !track { HAS_NULL } else { 0 };
    if track {
        header |= TRACK_REF;
    }
    if same {
        header |= SAME_TYPE;
        if declared {
            header |= DECLARED;
        }
    }
    ctx.writer.write_u8(header);
    if same && !declared {
        first.write_type_info(ctx)?;
    }
    // There is an element to write (`first`), so the elements' level is entered.
    let siblings = T::prepare_siblings(ctx)?;
    ctx.enter_level(siblings.level)?;
    let result = (|| {
        for item in items {
            if (has_null || track) && !item.write_ref_flag(ctx, track)? {
                continue;
            }
            if !same {
                item.write_type_info(ctx)?;
            }
            item.write_sibling_data(ctx, declared, siblings)?;
        }
        Ok(())
    })();
    ctx.leave_level(siblings.level);
    result
}

/// Reads a list payload written by [`write_list`] (or by any peer) into a `Vec`.
pub fn read_list<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>) -> Result<Vec<T>> {
    // An empty list (a leaf's children, say) is its one length byte.
    if ctx.reader.read_u8_below(1).is_some() {
        return Ok(Vec::new());
    }
    if may_stage::<T, STAGED_ELEMENTS>() {
        return read_owning_list(ctx);
    }
    read_list_directly(ctx)
}

/// [`read_list`] for elements that own allocations, out of line: through the stack buffer
/// where [`stages`] says so, else directly.
#[inline(never)]
fn read_owning_list<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>) -> Result<Vec<T>> {
    if ctx.reader.peek_u8().is_ok_and(stages::<T, STAGED_ELEMENTS>) {
        return read_list_staged(ctx);
    }
    read_list_directly(ctx)
}

/// [`read_list`] straight into a vector of the list's length.
#[inline(always)]
fn read_list_directly<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    read_elements(
        ctx,
        &mut out,
        // (`out` is empty: a new vector, where `reserve_exact` would take the growing path.)
        |out, len| *out = Vec::with_capacity(initial_capacity::<T>(len)),
        |out, item| {
            out.push(item);
            Ok(())
        },
    )?;
    Ok(out)
}

/// Elements read into a stack buffer before the list's own allocation is made, at most.
const STAGED_ELEMENTS: usize = 16;
/// The size of that stack buffer, at most.
const STAGED_BYTES: usize = 16 * 1024;
/// The smallest request glibc's malloc serves from its large bins, the kind that first merges
/// the fast bins (see [`read_list_staged`]).
const LARGE_REQUEST: usize = 1024;

/// Whether a collection of `E` whose count starts with byte `first` is read through a stack
/// buffer of `CAPACITY` elements ([`read_list_staged`], and the map reader's twin): its
/// elements own allocations, it has at most `CAPACITY` of them (a count of 128 or more starts
/// with a byte of 128 or more), and its own allocation would be a large request.
#[inline(always)]
pub(crate) fn stages<E, const CAPACITY: usize>(first: u8) -> bool {
    let len = usize::from(first);
    may_stage::<E, CAPACITY>() && len <= CAPACITY && len * std::mem::size_of::<E>() >= LARGE_REQUEST
}

/// Whether some collection of `E` is read through a stack buffer of `CAPACITY` elements: they
/// own allocations and the buffer stays within [`STAGED_BYTES`] (a constant for each `E`).
#[inline(always)]
fn may_stage<E, const CAPACITY: usize>() -> bool {
    std::mem::needs_drop::<E>() && std::mem::size_of::<E>() * CAPACITY <= STAGED_BYTES
}

/// [`read_list`] for a short list of elements that own allocations, whose vector would be a
/// large request: read into a stack buffer first, and its vector allocated after its elements.
///
/// Why: when the previous value has just been dropped, glibc's malloc holds its many small
/// chunks in "fast bins", and any request of 1 KiB or more first merges every fast-bin chunk
/// (`malloc_consolidate`), after which the small requests that follow cannot reuse them
/// cheaply. Allocating the elements' strings and vectors first takes those chunks back; the
/// vector's request then finds the fast bins empty. This halves the allocator's work for a
/// short list of records read in a loop (SampleList: 20.2k to 17.0k instructions).
#[inline(always)]
fn read_list_staged<'de, T: Deserialize<'de>>(ctx: &mut ReadContext<'_, 'de>) -> Result<Vec<T>> {
    let mut staged = smallvec::SmallVec::<[T; STAGED_ELEMENTS]>::new();
    read_elements(
        ctx,
        &mut staged,
        |_, _| {},
        |staged, item| {
            staged.push(item);
            Ok(())
        },
    )?;
    let len = staged.len();
    let mut out = Vec::with_capacity(len);
    // SAFETY: `out` has room for `len` elements and does not overlap the stack buffer; the
    // elements are moved bit for bit, and the buffer's length is set to zero before either
    // vector can be dropped, so each element is owned (and dropped) exactly once, by `out`.
    unsafe {
        std::ptr::copy_nonoverlapping(staged.as_ptr(), out.as_mut_ptr(), len);
        staged.set_len(0);
        out.set_len(len);
    }
    Ok(out)
}

/// Most bytes of elements allocated before any is read: a count is only checked against the
/// input's bytes left (one per element), and an element may take far more room decoded.
const PREALLOCATE_AT_MOST: usize = 64 * 1024;

/// The capacity to allocate for a collection of `len` elements before reading them.
pub(crate) fn initial_capacity<T>(len: usize) -> usize {
    len.min(PREALLOCATE_AT_MOST / std::mem::size_of::<T>().max(1))
}

/// Reads count, header and elements into `out`: hands it the count with `reserve`, then each
/// element with `push`.
pub(crate) fn read_elements<'de, T: Deserialize<'de>, C>(
    ctx: &mut ReadContext<'_, 'de>,
    out: &mut C,
    reserve: impl FnOnce(&mut C, usize),
    mut push: impl FnMut(&mut C, T) -> Result<()>,
) -> Result<()> {
    // Every element takes at least one byte (a flag or a payload byte).
    let len = ctx.read_len(1, "list elements")?;
    reserve(out, len);
    if len == 0 {
        // No level, as the writer counts none for an empty list: what it writes within
        // `max_depth` reads within it.
        return Ok(());
    }
    ctx.enter()?;
    let mut header = ElementsHeader::read::<T>(ctx)?;
    for _ in 0..len {
        let at = ctx.reader.position();
        let item = header.read_element(ctx)?;
        if ctx.reader.position() == at {
            ctx.charge_free_element(std::mem::size_of::<T>(), at)?;
        }
        push(out, item)?;
    }
    ctx.leave();
    Ok(())
}

/// The decoded header of a non-empty list, and the element type id it shares, if any.
pub(crate) struct ElementsHeader {
    flagged: bool,
    only_nulls: bool,
    shared: Option<WireType>,
}

impl ElementsHeader {
    /// Reads the header byte and, when the elements share one written type, that type's info
    /// (read as `First`, the type of the first element).
    pub(crate) fn read<'de, First: Deserialize<'de>>(
        ctx: &mut ReadContext<'_, 'de>,
    ) -> Result<Self> {
        let at = ctx.reader.position();
        let header = ctx.reader.read_u8()?;
        if header & !(TRACK_REF | HAS_NULL | DECLARED | SAME_TYPE) != 0 {
            return Err(Error::invalid(
                at,
                "a list header with bits 4..=7 clear",
                format!("{header:#04x}"),
            ));
        }
        let same = header & SAME_TYPE != 0;
        let declared = header & DECLARED != 0;
        // pyfory names the element type NONE when every element is null.
        let only_nulls = same
            && !declared
            && ctx.reader.peek_u8()? == TypeId::None as u8
            && ctx.reader.skip(1).is_ok();
        let declared_elem = ctx.take_declared_element();
        let shared = if !same || only_nulls {
            None
        } else if declared {
            Some(declared_elem.unwrap_or_else(First::declared_type_id).into())
        } else {
            Some(First::read_wire_type(ctx)?)
        };
        Ok(ElementsHeader {
            flagged: header & (TRACK_REF | HAS_NULL) != 0,
            only_nulls,
            shared,
        })
    }

    /// Reads the next element as a `T`.
    #[inline(always)]
    pub(crate) fn read_element<'de, T: Deserialize<'de>>(
        &mut self,
        ctx: &mut ReadContext<'_, 'de>,
    ) -> Result<T> {
        if self.flagged {
            let at = ctx.reader.position();
            let flag = read_flag(ctx)?;
            if self.only_nulls && flag != RefFlag::Null {
                return Err(Error::invalid(
                    at,
                    "the null flag (the list's element type is NONE)",
                    format!("{flag:?}"),
                ));
            }
            return T::read_after_flag(ctx, flag, at, self.shared);
        }
        read_typed(ctx, self.shared)
    }
}

impl<T: Serialize> Serialize for [T] {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.write_type_id(T::slice_type_id());
        Ok(())
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        T::write_slice_data(self, ctx, declared)
    }
}

macro_rules! forward_to_slice {
    ($($(#[$attr:meta])* [$($gen:tt)*] $ty:ty;)*) => {$(
        $(#[$attr])*
        impl<$($gen)*> Serialize for $ty {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                <[T]>::write_type_info(self, ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                <[T]>::write_data(self, ctx, declared)
            }

            fn tracks_refs() -> bool {
                true
            }
        }
    )*};
}

forward_to_slice! {
    [T: Serialize] Vec<T>;
    [T: Serialize, const N: usize] [T; N];
    [T: Serialize] &[T];
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Vec<T> {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        T::read_vec_type_info(ctx)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        T::read_vec_data(ctx, id)
    }

    fn declared_type_id() -> TypeId {
        T::vec_declared_type_id()
    }
}

/// Reads what a `Vec<T>` reads (`[i32; 4]` an INT32_ARRAY or a LIST, `[u8; N]` BINARY,
/// `[String; 2]` a LIST); a sequence of another length is an error naming both lengths.
///
/// ```
/// use fory_core::Fory;
/// let fory = Fory::default();
/// let bytes = fory.serialize(&[1i32, 2, 3]).unwrap();
/// assert_eq!(bytes, fory.serialize(&vec![1i32, 2, 3]).unwrap());
/// let err = fory.deserialize::<[i32; 4]>(&bytes).unwrap_err();
/// assert!(err.to_string().contains("3 elements for an array of 4"), "{err}");
/// ```
impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for [T; N] {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        T::read_vec_type_info(ctx)
    }

    fn declared_type_id() -> TypeId {
        T::vec_declared_type_id()
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        let at = ctx.reader.position();
        let items = T::read_vec_data(ctx, id)?;
        let found = items.len();
        items.try_into().map_err(|_| {
            Error::invalid(
                at,
                "as many elements as the array type has",
                format!("{found} elements for an array of {N}"),
            )
        })
    }
}

/// Collections that always use the list format under one type id.
macro_rules! element_collection {
    ($($(#[$doc:meta])* $id:ident $(| $also:ident)*: [$($gen:tt)*] $ty:ty, $insert:ident,
        $reserve:expr;)*) => {$(
        $(#[$doc])*
        impl<$($gen)*> Serialize for $ty {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::$id);
                Ok(())
            }

            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                write_elements(self.iter(), self.len(), ctx, declared)
            }

            fn tracks_refs() -> bool {
                true
            }
        }

        impl<'de, $($gen)*> Deserialize<'de> for $ty
        where
            T: Deserialize<'de>,
        {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.read_type_id_among(&[TypeId::$id $(, TypeId::$also)*], TypeId::$id)
            }

            fn declared_type_id() -> TypeId {
                TypeId::$id
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
                let mut out = <$ty>::default();
                if id != TypeId::List && id != TypeId::Set {
                    // A peer's array (a compatible-mode field declared as one): its elements.
                    for item in T::read_vec_data(ctx, id)? {
                        out.$insert(item);
                    }
                    return Ok(out);
                }
                read_elements(ctx, &mut out, $reserve, |out, item| {
                    out.$insert(item);
                    Ok(())
                })?;
                Ok(out)
            }
        }
    )*};
}

// The last expression reserves room for the element count (capped by `initial_capacity`) where
// the collection can.
element_collection! {
    List: [T: Serialize] VecDeque<T>, push_back,
        |out: &mut Self, n| out.reserve(initial_capacity::<T>(n));
    List: [T: Serialize] LinkedList<T>, push_back, |_, _| {};
    /// A LIST (a Java `List`, a Python `list`), not a SET: a heap keeps equal elements, which a
    /// set would merge. Written in the heap's internal order; reads a LIST, or a SET as Apache
    /// Fory Rust 1.7.7 writes a heap.
    ///
    /// ```
    /// use std::collections::BinaryHeap;
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&BinaryHeap::from(vec![3i64, 1, 3])).unwrap();
    /// assert_eq!(bytes[2], 22); // LIST
    /// let heap: BinaryHeap<i64> = fory.deserialize(&bytes).unwrap();
    /// assert_eq!(heap.into_sorted_vec(), [1, 3, 3]);
    /// ```
    List | Set: [T: Serialize + Ord] BinaryHeap<T>, push,
        |out: &mut Self, n| out.reserve(initial_capacity::<T>(n));
    Set: [T: Serialize + Ord] BTreeSet<T>, insert, |_, _| {};
    Set: [T: Serialize + Eq + Hash, S: BuildHasher + Default] HashSet<T, S>, insert,
        |out: &mut Self, n| out.reserve(initial_capacity::<T>(n));
    Set: [T: Serialize + Eq + Hash, S: BuildHasher + Default] hashbrown::HashSet<T, S>, insert,
        |out: &mut Self, n| out.reserve(initial_capacity::<T>(n));
}

#[cfg(test)]
mod tests {
    use crate::Fory;

    /// Records that own allocations, 120 bytes each: ten of them make a vector of 1.2 KiB,
    /// which is read through the stack buffer; twenty do not fit it and are read directly.
    type Record = (String, String, String, String, String);

    fn records(n: usize) -> Vec<Record> {
        (0..n)
            .map(|i| {
                let s = |k: usize| format!("{i}-{k}-{}", "x".repeat(i % 7));
                (s(0), s(1), s(2), s(3), s(4))
            })
            .collect()
    }

    #[test]
    fn short_and_long_lists_of_owning_records_read_back_whole() {
        let fory = Fory::default();
        for n in [0, 1, 8, 9, 10, 16, 17, 20] {
            let value = records(n);
            let bytes = fory.serialize(&value).unwrap();
            let back: Vec<Record> = fory.deserialize(&bytes).unwrap();
            assert_eq!(back, value, "{n} records");
            // Cut short: an error, with the records read so far dropped once
            // (memcheck sees no double free or leak).
            for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
                assert!(fory.deserialize::<Vec<Record>>(&bytes[..cut]).is_err());
            }
        }
    }
}
