//! Per-thread reuse of the tables a context fills while it works (meta strings, TypeDefs,
//! reference ids): a context takes them the first time it needs them and gives them back,
//! cleared, when it is dropped, so a hot loop of small payloads allocates and frees nothing.
//!
//! Each thread keeps at most one set per kind. A context created while another one on the same
//! thread holds the set (a serializer that serializes something else inside) gets a fresh one.

use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::thread::LocalKey;

/// Tables that can be cleared and kept for the next context.
pub(crate) trait Reusable: Default + 'static {
    /// This kind's per-thread slot.
    fn slot() -> &'static LocalKey<Cell<Option<Box<Self>>>>;

    /// Clears the tables for the next context; returns false when they grew too large to be
    /// worth keeping (so one huge payload does not pin its memory to the thread).
    fn reset(&mut self) -> bool;
}

/// Tables borrowed from the thread's slot, given back on drop.
pub(crate) struct Pooled<T: Reusable>(ManuallyDrop<Box<T>>);

impl<T: Reusable> Pooled<T> {
    /// The thread's tables, or new ones when they are in use (or the thread is exiting).
    pub(crate) fn take() -> Self {
        let kept = T::slot().try_with(Cell::take).ok().flatten();
        Pooled(ManuallyDrop::new(kept.unwrap_or_default()))
    }
}

impl<T: Reusable> Drop for Pooled<T> {
    fn drop(&mut self) {
        // SAFETY: `self.0` is taken once, here, and `self` is not used afterwards.
        let mut tables = unsafe { ManuallyDrop::take(&mut self.0) };
        if tables.reset() {
            // Fails only while the thread's locals are being destroyed: then the tables are
            // simply dropped.
            let _ = T::slot().try_with(|slot| slot.set(Some(tables)));
        }
    }
}

impl<T: Reusable> Deref for Pooled<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Reusable> DerefMut for Pooled<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: Reusable + std::fmt::Debug> std::fmt::Debug for Pooled<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Declares `$ty`'s per-thread slot and implements [`Reusable`] with `$reset`.
macro_rules! reusable {
    ($ty:ty, |$this:ident| $reset:expr) => {
        impl $crate::context::pool::Reusable for $ty {
            fn slot() -> &'static ::std::thread::LocalKey<::std::cell::Cell<Option<Box<Self>>>> {
                thread_local! {
                    static SLOT: ::std::cell::Cell<Option<Box<$ty>>> =
                        const { ::std::cell::Cell::new(None) };
                }
                &SLOT
            }

            fn reset(&mut self) -> bool {
                let $this = self;
                $reset
            }
        }
    };
}
pub(crate) use reusable;
