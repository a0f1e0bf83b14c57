//! What the fault tests of the blocking and async transports share: the values sent, the
//! layout of the messages on the wire (where each part starts), the error a cut at any byte
//! must give, and an allocator that records the largest allocation a thread asks for.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use fory_core::oob::{AllOutOfBand, SizeThreshold};
use fory_core::{Error, ErrorKind, Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub id: i64,
    pub name: String,
    pub blob: Vec<u8>,
    pub values: Vec<f64>,
}

pub fn fory() -> Fory {
    let mut fory = Fory::default();
    fory.register::<Record>(21).unwrap();
    fory
}

/// Three messages of different shapes: two buffers, no buffer (all in-band), one buffer.
pub fn records() -> Vec<Record> {
    vec![
        Record {
            id: 1,
            name: "first".into(),
            blob: (0..40).collect(),
            values: vec![0.5; 9],
        },
        Record {
            id: 2,
            name: "in-band".into(),
            blob: vec![3; 5],
            values: vec![],
        },
        Record {
            id: 3,
            name: "third".into(),
            blob: vec![9; 3],
            values: (0..20).map(f64::from).collect(),
        },
    ]
}

/// The callback each record is sent with (the second stays in-band).
pub fn callback(i: usize) -> SizeThreshold {
    SizeThreshold(if i == 1 { usize::MAX } else { 16 })
}

pub fn all_out_of_band() -> AllOutOfBand {
    AllOutOfBand
}

/// Where one part of a message lies in the stream, and the name the reader gives it.
#[derive(Debug, Clone, Copy)]
pub struct PartSpan {
    pub start: usize,
    pub len: usize,
    pub expected: &'static str,
}

/// The parts of every message, in stream order, and the message boundaries.
pub fn layout(fory: &Fory, records: &[Record]) -> (Vec<PartSpan>, Vec<usize>) {
    let mut parts = Vec::new();
    let mut boundaries = vec![0];
    let mut at = 0;
    for (i, r) in records.iter().enumerate() {
        let frame = fory.serialize_with_callback(r, callback(i)).unwrap();
        let n = frame.buffers.len();
        let mut push = |len: usize, expected: &'static str| {
            parts.push(PartSpan {
                start: at,
                len,
                expected,
            });
            at += len;
        };
        push(4, "a message's out-of-band buffer count (u32)");
        push(8 * (n + 1), "a message's length table (one u64 per part)");
        push(frame.main.len(), "a message's main buffer");
        for b in &frame.buffers {
            push(b.total_bytes(), "a message's out-of-band buffer");
        }
        boundaries.push(at);
    }
    (parts, boundaries)
}

/// What receiving from the first `cut` bytes must give: the number of whole messages, then
/// `None` (a clean end, when `cut` is a boundary) or the truncation of the part `cut` falls in.
pub fn expected_cut(
    parts: &[PartSpan],
    boundaries: &[usize],
    cut: usize,
) -> (usize, Option<PartSpan>) {
    let whole = boundaries.iter().filter(|&&b| b <= cut).count() - 1;
    if boundaries.contains(&cut) {
        return (whole, None);
    }
    let part = parts
        .iter()
        .find(|p| p.start <= cut && cut < p.start + p.len)
        .copied();
    (whole, part)
}

/// Asserts that `err` is the truncation of `part` with `cut - part.start` bytes received.
pub fn assert_truncated(err: &Error, part: PartSpan, cut: usize) {
    match err.kind() {
        ErrorKind::Truncated {
            offset,
            expected,
            needed,
            available,
        } => {
            assert_eq!(*offset, part.start, "cut at {cut}: {err}");
            assert_eq!(*expected, part.expected, "cut at {cut}: {err}");
            assert_eq!(*needed, part.len, "cut at {cut}: {err}");
            assert_eq!(*available, cut - part.start, "cut at {cut}: {err}");
        }
        _ => panic!("cut at {cut}: not a truncation: {err}"),
    }
}

/// Records the largest single allocation of the threads that ask for it.
pub struct Tracking;

thread_local! {
    static TRACK: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the bookkeeping touches
// only const-initialized thread-locals, which never allocate.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract for `alloc`, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract for `alloc_zeroed`, passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: the caller's contract for `realloc`, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc`, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn note(size: usize) {
    let _ = TRACK.try_with(|track| {
        if track.get() {
            let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
        }
    });
}

/// The largest single allocation `f` makes on this thread.
pub fn largest_allocation<T>(f: impl FnOnce() -> T) -> (T, usize) {
    start_tracking();
    let out = f();
    (out, stop_tracking())
}

/// Starts recording this thread's largest allocation.
pub fn start_tracking() {
    LARGEST.with(|l| l.set(0));
    TRACK.with(|t| t.set(true));
}

/// Stops recording, and returns the largest allocation since [`start_tracking`].
pub fn stop_tracking() -> usize {
    TRACK.with(|t| t.set(false));
    LARGEST.with(Cell::get)
}

/// A message header claiming `count` buffers and these lengths, and nothing after it.
pub fn hostile_header(count: u32, lengths: &[u64]) -> Vec<u8> {
    let mut bytes = count.to_le_bytes().to_vec();
    for len in lengths {
        bytes.extend_from_slice(&len.to_le_bytes());
    }
    bytes
}
