//! Hostile input: every committed golden file, cut short at every length, with every byte
//! replaced by a fixed set of values, and with a few thousand seeded multi-byte mutations,
//! decodes to `Ok` or `Err` through its case (`Case::check`, the same call as the golden test),
//! and is read by `fory inspect`'s walk and views: never a panic, an abort or a hang, and no
//! single allocation made while decoding is larger than [`alloc_bound`] of the input.
//!
//! - Panics are caught (`catch_unwind`) and collected, so one run lists every failing input
//!   (case, peer, mutation, hex) rather than the first.
//! - A watchdog thread aborts the run, naming the input, if one decode takes longer than
//!   [`HANG`]; a decode slower than [`SLOW`] is a failure.
//! - A counting global allocator records the largest single allocation (`alloc`,
//!   `alloc_zeroed`, the new size of `realloc`) made by the decoding thread while a thread-local
//!   flag is set; the `Fory` is built before the flag is set, so only the decode (and the
//!   re-encode of a value that decoded to the case's expected value) is measured. An allocation
//!   over [`ABORT_ALLOC`] aborts the run naming the input, instead of an anonymous OOM.
//!
//! Everything is deterministic: the mutations come from a xorshift generator with a fixed seed
//! per file, independent of how the files are spread over threads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::fs;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fory_core::inspect;
use fory_core::oob::OobArrayForm;
use fory_core::Value;
use xlang_tests::cases::{all, is_pyfory_peer, Case, Payload};
use xlang_tests::interop;
use xlang_tests::payload::case_of_file;

// ---------------------------------------------------------------------------------------------
// The counting allocator.
// ---------------------------------------------------------------------------------------------

/// An allocation this large while decoding a golden-sized input is a bug: stop and say where.
const ABORT_ALLOC: usize = 1 << 30;

struct Counting;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

/// The input being decoded, for the abort messages (the allocator's and the watchdog's).
static CURRENT: Mutex<Vec<Option<InFlight>>> = Mutex::new(Vec::new());

/// A decode under way: when it started, which golden file and mutation, the input.
type InFlight = (Instant, String, Payload);

fn note(size: usize) {
    let measuring = MEASURING.try_with(Cell::get).unwrap_or(false);
    if !measuring {
        return;
    }
    LARGEST.with(|l| l.set(l.get().max(size)));
    if size > ABORT_ALLOC {
        MEASURING.with(|m| m.set(false));
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "\nallocation of {size} bytes while decoding; inputs in flight:"
        );
        if let Ok(current) = CURRENT.try_lock() {
            for (_, what, p) in current.iter().flatten() {
                let _ = writeln!(err, "  {what} {}", hex_payload(p));
            }
        }
        std::process::abort();
    }
}

// SAFETY: every method forwards to `System` with the same arguments; `note` only reads and
// writes const-initialized thread-locals (no allocation, no destructor).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc_zeroed`'s contract, which is `System`'s.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract, which is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract, which is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The largest single allocation a decode of `input_len` bytes may make: 128 bytes per input
/// byte plus 64 KiB.
///
/// The 64 KiB covers what does not depend on the input: the struct schemas and TypeDefs a
/// `Fory` computes on first use, the case's expected value (built inside `Case::check`; 9.6 KB
/// for `map_300`), error messages. The 128 per byte: the decoder sizes a collection by its
/// length only after checking that length against the bytes left (each element taking at least
/// one byte), so the largest vector is at most (bytes left) elements of the largest in-memory
/// element type these cases decode into (`Value`, 48 bytes; `String` and `Vec`, 24), and a
/// vector that grows by pushing may reach twice its length: 2 x 48 = 96 <= 128.
fn alloc_bound(input_len: usize) -> usize {
    128 * input_len + 64 * 1024
}

// ---------------------------------------------------------------------------------------------
// Panics, hangs.
// ---------------------------------------------------------------------------------------------

/// A decode that takes this long aborts the run (a hang).
const HANG: Duration = Duration::from_secs(20);
/// A decode slower than this is a failure (golden inputs are at most a few KiB).
const SLOW: Duration = Duration::from_secs(2);

thread_local! {
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the panic hook by one that records the message and location for the collecting
/// code instead of printing each of possibly thousands of panics.
fn quiet_panics() {
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "<non-string panic payload>".into());
        let at = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let _ = PANIC_MESSAGE.try_with(|m| *m.borrow_mut() = Some(format!("{message} at {at}")));
    }));
}

// ---------------------------------------------------------------------------------------------
// The inputs and their mutations.
// ---------------------------------------------------------------------------------------------

/// xorshift64*: tiny, deterministic, good enough to pick offsets and bytes.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

/// Seeded multi-byte mutations per golden file (321 files: about 6,400 in all).
const MULTI_PER_FILE: usize = 20;
/// The fixed seed of the whole run.
const SEED: u64 = 0x0066_6f72_792d_7273; // "fory-rs"

/// Bytes that make varints long, lengths huge, flags odd.
const INTERESTING: [&[u8]; 8] = [
    &[0xff, 0xff, 0xff, 0xff, 0x0f],
    &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    &[0x80, 0x80, 0x80, 0x80, 0x80],
    &[0xfe],
    &[0xfd],
    &[0x00],
    &[0x7f],
    &[0x3f],
];

/// One golden file.
struct Golden {
    case: usize,
    /// Whether the peer is a Python one: its case runs in pyfory's out-of-band array form.
    pyfory: bool,
    label: String,
    payload: Payload,
}

/// A payload's main buffer and buffers as one list of segments, for mutating by flat offset.
fn segments(p: &Payload) -> Vec<&Vec<u8>> {
    std::iter::once(&p.main).chain(&p.buffers).collect()
}

/// `p` with the byte at flat offset `at` replaced by `value`.
fn with_byte(p: &Payload, at: usize, value: u8) -> Payload {
    let mut out = p.clone();
    let mut at = at;
    for seg in std::iter::once(&mut out.main).chain(&mut out.buffers) {
        if at < seg.len() {
            seg[at] = value;
            return out;
        }
        at -= seg.len();
    }
    unreachable!("offset inside the payload")
}

/// Every truncation: the main buffer cut at every length, each buffer cut at every length, and
/// the buffer list cut at every count.
fn truncations(p: &Payload) -> Vec<(String, Payload)> {
    let mut out = Vec::new();
    for cut in 0..p.main.len() {
        let mut q = p.clone();
        q.main.truncate(cut);
        out.push((format!("main truncated to {cut}"), q));
    }
    for (i, b) in p.buffers.iter().enumerate() {
        for cut in 0..b.len() {
            let mut q = p.clone();
            q.buffers[i].truncate(cut);
            out.push((format!("buffer {i} truncated to {cut}"), q));
        }
    }
    for keep in 0..p.buffers.len() {
        let mut q = p.clone();
        q.buffers.truncate(keep);
        out.push((format!("only {keep} buffers"), q));
    }
    if !p.buffers.is_empty() {
        let mut q = p.clone();
        q.buffers.push(vec![0xff; 8]);
        out.push(("an extra buffer".into(), q));
    }
    out
}

/// Every single-byte mutation: at each offset, 0x00, 0xff, 0x7f, 0x80, b ^ 0x01, b ^ 0x40 and
/// b ^ 0x80 (those that differ from b, without repeats).
fn byte_mutations(p: &Payload) -> Vec<(String, Payload)> {
    let mut out = Vec::new();
    let mut at = 0;
    for seg in segments(p) {
        for &b in seg.iter() {
            let mut values = vec![0x00, 0xff, 0x7f, 0x80, b ^ 0x01, b ^ 0x40, b ^ 0x80];
            values.retain(|&v| v != b);
            values.sort_unstable();
            values.dedup();
            for v in values {
                out.push((
                    format!("byte {at}: {b:#04x} -> {v:#04x}"),
                    with_byte(p, at, v),
                ));
            }
            at += 1;
        }
    }
    out
}

/// `MULTI_PER_FILE` mutants of `p`, each 1 to 4 of: random bytes overwritten, an interesting
/// sequence overwritten or inserted, a range deleted, a range duplicated, random bytes
/// inserted, a range from another golden file spliced in. Applied to the main buffer (and,
/// one time in four, to an out-of-band buffer).
fn multi_mutations(p: &Payload, seed: u64, donors: &[&[u8]]) -> Vec<(String, Payload)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for n in 0..MULTI_PER_FILE {
        let mut q = p.clone();
        let target = if !q.buffers.is_empty() && rng.below(4) == 0 {
            let i = rng.below(q.buffers.len());
            &mut q.buffers[i]
        } else {
            &mut q.main
        };
        let mut ops = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let len = target.len();
            let at = rng.below(len + 1);
            match rng.below(6) {
                0 if len > 0 => {
                    let k = 2 + rng.below(7);
                    for _ in 0..k {
                        let i = rng.below(len);
                        target[i] = rng.byte();
                    }
                    ops.push(format!("{k} random bytes"));
                }
                1 => {
                    let seq = INTERESTING[rng.below(INTERESTING.len())];
                    if rng.below(2) == 0 {
                        let end = (at + seq.len()).min(len);
                        target.splice(at..end, seq.iter().copied());
                        ops.push(format!("{seq:02x?} over {at}"));
                    } else {
                        target.splice(at..at, seq.iter().copied());
                        ops.push(format!("{seq:02x?} inserted at {at}"));
                    }
                }
                2 if len > 0 => {
                    let end = (at + 1 + rng.below(8)).min(len);
                    let at = at.min(len - 1);
                    target.drain(at..end);
                    ops.push(format!("deleted {at}..{end}"));
                }
                3 if len > 0 => {
                    let at = at.min(len - 1);
                    let end = (at + 1 + rng.below(32)).min(len);
                    let chunk: Vec<u8> = target[at..end].to_vec();
                    let to = rng.below(target.len() + 1);
                    let times = 1 + rng.below(3);
                    for _ in 0..times {
                        target.splice(to..to, chunk.iter().copied());
                    }
                    ops.push(format!("{at}..{end} copied {times}x to {to}"));
                }
                4 => {
                    let k = 1 + rng.below(8);
                    let bytes: Vec<u8> = (0..k).map(|_| rng.byte()).collect();
                    target.splice(at..at, bytes);
                    ops.push(format!("{k} random bytes inserted at {at}"));
                }
                _ => {
                    let donor = donors[rng.below(donors.len())];
                    if donor.is_empty() {
                        continue;
                    }
                    let from = rng.below(donor.len());
                    let end = (from + 1 + rng.below(48)).min(donor.len());
                    target.splice(at..at, donor[from..end].iter().copied());
                    ops.push(format!("{} donor bytes inserted at {at}", end - from));
                }
            }
        }
        out.push((format!("multi #{n}: {}", ops.join(", ")), q));
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_payload(p: &Payload) -> String {
    let mut s = format!("main={}", hex(&p.main));
    for (i, b) in p.buffers.iter().enumerate() {
        s.push_str(&format!(" buf{i}={}", hex(b)));
    }
    s
}

fn describe(g: &Golden, what: &str, p: &Payload) -> String {
    format!("{} [{what}] {}", g.label, hex_payload(p))
}

fn golden_files(cases: &[Case]) -> Vec<Golden> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let mut paths: Vec<PathBuf> = Vec::new();
    for peer in fs::read_dir(&root).expect("golden/ exists") {
        let peer = peer.expect("readable").path();
        if !peer.is_dir() {
            continue;
        }
        for file in fs::read_dir(&peer).expect("readable peer directory") {
            let path = file.expect("readable").path();
            // The interop example's files are not cases: tests/interop_golden.rs mutates them.
            let interop = path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .is_some_and(interop::is_row);
            if path.extension().is_some_and(|e| e == "bin") && !interop {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            let stem = case_of_file(name).expect("a .bin file");
            let case = cases
                .iter()
                .position(|c| c.name == stem)
                .unwrap_or_else(|| panic!("{}: no case", path.display()));
            let peer = path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap();
            Golden {
                case,
                pyfory: is_pyfory_peer(peer),
                label: format!("{peer}/{stem}"),
                payload: Payload::read(&path).expect("readable golden file"),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------------------

/// Inputs shorter than this are left out of the reported worst ratio.
const RATIO_MIN_INPUT: usize = 512;

#[derive(Default)]
struct Outcome {
    decodes: usize,
    ok: usize,
    failures: Vec<String>,
    /// Largest allocation / input length, with the allocation, the length and the input.
    worst_ratio: (f64, usize, usize, String),
    /// Largest allocation seen at all.
    largest: (usize, String),
}

/// Decodes one mutant with a fresh `Fory` of the case's mode, as the case's type
/// (`Case::check`) and as a dynamic `Value`, measuring both decodes.
fn check_one(
    case: &Case,
    g: &Golden,
    what: &str,
    p: &Payload,
    slot: &Mutex<Vec<Option<InFlight>>>,
    index: usize,
    out: &mut Outcome,
) {
    let fory = case.mode.fory();
    // Out-of-band payloads are also read in the other array form, whose reading of the
    // ambiguous bytes differs.
    let other_form = case.mode.callback.map(|_| {
        let mut mode = case.mode;
        mode.oob_array_form = match mode.oob_array_form {
            OobArrayForm::Java => OobArrayForm::Pyfory,
            _ => OobArrayForm::Java,
        };
        mode.fory()
    });
    let started = Instant::now();
    slot.lock().unwrap()[index] = Some((started, format!("{} [{what}]", g.label), p.clone()));
    LARGEST.with(|l| l.set(0));
    MEASURING.with(|m| m.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let _ = match case.mode.callback {
            Some(_) => fory.deserialize_with_buffers::<Value>(&p.main, &p.buffer_slices()),
            None => fory.deserialize::<Value>(&p.main),
        };
        if let Some(other) = &other_form {
            let _ = other.deserialize_with_buffers::<Value>(&p.main, &p.buffer_slices());
        }
        inspect_as_the_command_does(p);
        (case.check)(&fory, case.mode.callback, p)
    }));
    MEASURING.with(|m| m.set(false));
    let elapsed = started.elapsed();
    let largest = LARGEST.with(Cell::get);
    slot.lock().unwrap()[index] = None;
    drop(fory);
    drop(other_form);

    out.decodes += 1;
    match result {
        Ok(Ok(_)) => out.ok += 1,
        Ok(Err(_)) => {}
        Err(_) => {
            let message = PANIC_MESSAGE
                .with(|m| m.borrow_mut().take())
                .unwrap_or_default();
            out.failures
                .push(format!("PANIC {message}\n    {}", describe(g, what, p)));
        }
    }
    if elapsed > SLOW {
        out.failures
            .push(format!("SLOW {elapsed:?}\n    {}", describe(g, what, p)));
    }
    let len = p.len().max(1);
    if largest > alloc_bound(p.len()) {
        out.failures.push(format!(
            "ALLOC {largest} bytes for a {}-byte input (bound {})\n    {}",
            p.len(),
            alloc_bound(p.len()),
            describe(g, what, p)
        ));
    }
    let ratio = largest as f64 / len as f64;
    // The ratio of tiny inputs only shows the fixed part of the bound.
    if p.len() >= RATIO_MIN_INPUT && ratio > out.worst_ratio.0 {
        out.worst_ratio = (ratio, largest, p.len(), describe(g, what, p));
    }
    if largest > out.largest.0 {
        out.largest = (largest, describe(g, what, p));
    }
}

/// `fory inspect`'s walk and its three views, with the command's default of 20 children kept
/// per node: any outcome but a panic (caught above) is fine, as the command then exits 0 or 1.
fn inspect_as_the_command_does(p: &Payload) {
    let options = inspect::Options {
        max_children: Some(20),
        ..Default::default()
    };
    let found = inspect::inspect(&p.main, &p.buffer_slices(), &options);
    let _ = (found.tree(false), found.hex(&p.main, false), found.json());
}

#[test]
fn mutated_goldens_decode_to_ok_or_err() {
    quiet_panics();
    let started = Instant::now();
    let cases = all();
    let goldens = golden_files(&cases);
    // The cases as run against the Python peers (Java's form against the others).
    let py_cases: Vec<Case> = all().into_iter().map(|c| c.for_peer("python")).collect();
    assert!(
        goldens.len() > 100,
        "found only {} golden files",
        goldens.len()
    );
    let donors: Vec<&[u8]> = goldens.iter().map(|g| g.payload.main.as_slice()).collect();

    // Largest files first, so the threads finish together.
    let mut order: Vec<usize> = (0..goldens.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(goldens[i].payload.len()));

    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    *CURRENT.lock().unwrap() = vec![None; threads];
    let next = AtomicUsize::new(0);
    let done = Arc::new(AtomicBool::new(false));
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let watchdog = {
            let done = done.clone();
            s.spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(200));
                    let current = CURRENT.lock().unwrap();
                    for (started, what, p) in current.iter().flatten() {
                        if started.elapsed() > HANG {
                            eprintln!(
                                "\nHANG: a decode has run for over {HANG:?}:\n  {what} {}",
                                hex_payload(p)
                            );
                            std::process::abort();
                        }
                    }
                }
            })
        };
        let workers: Vec<_> = (0..threads)
            .map(|index| {
                let (goldens, order, donors, cases, py_cases, next) =
                    (&goldens, &order, &donors, &cases, &py_cases, &next);
                s.spawn(move || {
                    let mut out = Outcome::default();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&gi) = order.get(k) else { break };
                        let g = &goldens[gi];
                        let case = if g.pyfory {
                            &py_cases[g.case]
                        } else {
                            &cases[g.case]
                        };
                        let mut mutants = truncations(&g.payload);
                        mutants.extend(byte_mutations(&g.payload));
                        mutants.extend(multi_mutations(
                            &g.payload,
                            SEED ^ (gi as u64).wrapping_mul(0x1000_0000_01b3),
                            donors,
                        ));
                        // The unmodified file too: it must decode, and its allocations count.
                        mutants.push(("unmodified".into(), g.payload.clone()));
                        for (what, p) in &mutants {
                            check_one(case, g, what, p, &CURRENT, index, &mut out);
                        }
                    }
                    out
                })
            })
            .collect();
        let outcomes = workers.into_iter().map(|w| w.join().unwrap()).collect();
        done.store(true, Ordering::Relaxed);
        watchdog.join().unwrap();
        outcomes
    });

    let mut total = Outcome::default();
    for o in outcomes {
        total.decodes += o.decodes;
        total.ok += o.ok;
        total.failures.extend(o.failures);
        if o.worst_ratio.0 > total.worst_ratio.0 {
            total.worst_ratio = o.worst_ratio;
        }
        if o.largest.0 > total.largest.0 {
            total.largest = o.largest;
        }
    }
    let (ratio, bytes, len, input) = &total.worst_ratio;
    println!(
        "{} golden files, {} decodes ({} Ok) on {threads} threads in {:.1?}",
        goldens.len(),
        total.decodes,
        total.ok,
        started.elapsed()
    );
    println!(
        "largest allocation / input length (inputs of {RATIO_MIN_INPUT}+ bytes): {ratio:.1} \
         ({bytes} bytes for {len} bytes)\n    {input}"
    );
    println!(
        "largest allocation: {} bytes\n    {}",
        total.largest.0, total.largest.1
    );
    total.failures.sort();
    assert!(
        total.failures.is_empty(),
        "{} failing inputs:\n{}",
        total.failures.len(),
        total.failures.join("\n")
    );
}
