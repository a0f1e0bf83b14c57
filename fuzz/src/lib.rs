//! Shared pieces of the fuzz targets: the derived types, the `Fory` configurations, the
//! input layouts (selector byte, out-of-band split) and the decode drivers. The drivers are
//! plain functions so that a crash artifact can be replayed from a test or an example too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::OnceLock;

use fory_core::__private::meta::meta_string::{MetaStringDecoder, MetaStringEncoder, MetaStringEncoding};
use fory_core::__private::meta::{struct_def, type_def};
use fory_core::oob::OobArrayForm;
use fory_core::{Fory, ForyObject, Reader, Result, Value};
use xlang_tests::cases::{all, Case, Payload};

// ---------------------------------------------------------------------------------------------
// Allocation bound: the largest single allocation of a decode, measured by a counting allocator.
// ---------------------------------------------------------------------------------------------

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

/// Forwards to `System`, recording the largest single allocation while `MEASURING` is set.
pub struct Counting;

fn note(size: usize) {
    if MEASURING.try_with(Cell::get).unwrap_or(false) {
        LARGEST.with(|l| l.set(l.get().max(size)));
    }
}

// SAFETY: forwards every call to `System` unchanged; `note` touches only const-initialized
// thread-locals (no allocation, no destructor).
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

/// The largest single allocation a decode of `input_len` bytes may make (the same bound as
/// `xlang-tests/tests/mutations.rs`): 128 bytes per input byte plus 64 KiB.
pub fn alloc_bound(input_len: usize) -> usize {
    128 * input_len + 64 * 1024
}

/// Runs `decode` on an input of `input_len` bytes and panics (a fuzz crash) if it made a single
/// allocation over [`alloc_bound`].
pub fn bounded<R>(input_len: usize, what: &str, decode: impl FnOnce() -> R) -> R {
    LARGEST.with(|l| l.set(0));
    MEASURING.with(|m| m.set(true));
    let result = decode();
    MEASURING.with(|m| m.set(false));
    let largest = LARGEST.with(Cell::get);
    assert!(
        largest <= alloc_bound(input_len),
        "{what}: a single allocation of {largest} bytes for {input_len} input bytes (bound {})",
        alloc_bound(input_len)
    );
    result
}

// ---------------------------------------------------------------------------------------------
// Derived types: nested structs with lists, maps, sets, options, enums, unions and references.
// ---------------------------------------------------------------------------------------------

/// A plain enum (ENUM on the wire), also used as a map key.
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Kind {
    /// Ordinal 0.
    #[default]
    Alpha,
    /// Ordinal 1.
    Beta,
    /// Ordinal 2.
    Gamma,
}

/// A leaf struct.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Leaf {
    pub id: u32,
    pub name: String,
    pub kind: Kind,
    pub tags: Vec<String>,
    pub weight: Option<f32>,
    #[fory(encoding = "tagged")]
    pub stamp: i64,
}

/// A union (one value per case).
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum Event {
    /// Case 0.
    Text(String),
    /// Case 1.
    Count(i64),
    /// Case 2.
    Leaf(Leaf),
    /// Case 3.
    Many(Vec<i32>),
}

impl Default for Event {
    fn default() -> Self {
        Event::Count(0)
    }
}

/// A recursive struct with every container kind.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Tree {
    pub label: String,
    pub leaves: Vec<Leaf>,
    pub children: Vec<Tree>,
    pub next: Option<Box<Tree>>,
    pub index: BTreeMap<String, Leaf>,
    pub counts: HashMap<i32, Option<String>>,
    pub event: Event,
    pub events: Vec<Event>,
    pub raw: Vec<u8>,
    pub floats: Vec<f64>,
    pub grid: Vec<Vec<Option<i64>>>,
    pub set: BTreeSet<i16>,
    pub any: Value,
    pub kinds: Vec<Kind>,
    pub by_kind: Option<BTreeMap<Kind, Vec<Leaf>>>,
}

/// Shared and mutable references.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub a: Rc<Leaf>,
    pub b: Rc<Leaf>,
    pub cells: Vec<Rc<RefCell<Leaf>>>,
    pub maybe: Option<Rc<Tree>>,
}

/// A struct registered by name.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
#[fory(namespace = "fuzz.ns", name = "NamedThing")]
pub struct Named {
    pub tree: Option<Tree>,
    pub kind: Kind,
    pub event: Event,
}

/// A recursive union: nothing but the input bounds its depth.
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum Nest {
    /// Case 0.
    Leaf(i32),
    /// Case 1.
    Deeper(Box<Nest>),
}

impl Default for Nest {
    fn default() -> Self {
        Nest::Leaf(0)
    }
}

/// Registers the fuzz types (ids 1001..; `Named` by name).
pub fn register_fuzz_types(fory: &mut Fory) -> Result<()> {
    fory.register::<Kind>(1001)?;
    fory.register::<Event>(1002)?;
    fory.register::<Leaf>(1003)?;
    fory.register::<Tree>(1004)?;
    fory.register::<Shared>(1005)?;
    fory.register::<Nest>(1006)?;
    fory.register_named::<Named>()
}

/// Registers the conformance cases' struct types: those of the struct cases and the out-of-band
/// cases' `Rec` and `Samples`.
pub fn register_case_types(fory: &mut Fory) -> Result<()> {
    use xlang_tests::cases::structs::{register_all, register_rec, register_samples};
    register_all(fory)?;
    register_rec(fory)?;
    register_samples(fory)
}

/// A `Fory` in one of the four modes (bit 0: compatible, bit 1: reference tracking), with the
/// fuzz types registered, and, when `with_cases`, the conformance cases' struct types too.
pub fn fory(mode: u8, with_cases: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(mode & 1 != 0)
        .ref_tracking(mode & 2 != 0)
        .build();
    register_fuzz_types(&mut fory).expect("fresh registry");
    if with_cases {
        register_case_types(&mut fory).expect("no clash with fuzz ids");
    }
    fory
}

/// Schema-consistent and compatible `Fory`s (mode 0 and 1) reading and writing numeric arrays in
/// pyfory's out-of-band form, built once.
pub fn pyfory_forys() -> &'static [Fory; 2] {
    static FORYS: OnceLock<[Fory; 2]> = OnceLock::new();
    FORYS.get_or_init(|| {
        [0, 1].map(|mode| {
            let mut fory = Fory::builder()
                .compatible(mode & 1 != 0)
                .oob_array_form(OobArrayForm::Pyfory)
                .build();
            register_fuzz_types(&mut fory).expect("fresh registry");
            register_case_types(&mut fory).expect("no clash with fuzz ids");
            fory
        })
    })
}

/// The four registered `Fory`s, built once.
pub fn forys() -> &'static [Fory; 4] {
    static FORYS: OnceLock<[Fory; 4]> = OnceLock::new();
    FORYS.get_or_init(|| [fory(0, true), fory(1, true), fory(2, true), fory(3, true)])
}

/// The conformance cases, built once.
pub fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(all)
}

// ---------------------------------------------------------------------------------------------
// Target: dynamic values.
// ---------------------------------------------------------------------------------------------

/// Decodes `data` as a `Value` and a `Box<dyn Any>` in every mode, with and without types
/// registered, and as a prefix. Only panics matter; results are ignored.
pub fn decode_value(data: &[u8]) {
    forys();
    let n = data.len();
    let plain = Fory::default();
    let _ = bounded(n, "Value", || plain.deserialize::<Value>(data));
    for fory in forys() {
        let _ = bounded(n, "Value", || fory.deserialize::<Value>(data));
        let _ = bounded(n, "dyn Any", || {
            fory.deserialize::<Box<dyn std::any::Any>>(data)
        });
    }
    let _ = bounded(n, "prefix", || forys()[3].deserialize_prefix::<Value>(data));
}

// ---------------------------------------------------------------------------------------------
// Target: derived structs.
// ---------------------------------------------------------------------------------------------

/// How many target types `decode_derived` has besides the conformance cases.
pub const OWN_TYPES: usize = 9;

/// Decodes `payload` into own type `index` (mod [`OWN_TYPES`]) with `fory`.
pub fn decode_own(fory: &Fory, index: usize, payload: &[u8]) {
    bounded(payload.len(), "own type", || {
        decode_own_unbounded(fory, index, payload)
    })
}

fn decode_own_unbounded(fory: &Fory, index: usize, payload: &[u8]) {
    match index % OWN_TYPES {
        0 => drop(fory.deserialize::<Tree>(payload)),
        1 => drop(fory.deserialize::<Leaf>(payload)),
        2 => drop(fory.deserialize::<Event>(payload)),
        3 => drop(fory.deserialize::<Shared>(payload)),
        4 => drop(fory.deserialize::<Named>(payload)),
        5 => drop(fory.deserialize::<Vec<Tree>>(payload)),
        6 => drop(fory.deserialize::<BTreeMap<String, Option<Tree>>>(payload)),
        7 => drop(fory.deserialize::<Option<Box<Named>>>(payload)),
        _ => drop(fory.deserialize::<Nest>(payload)),
    }
}

/// The selector byte of own type `index` in `mode` (bit 0 compatible, bit 1 ref tracking).
pub fn own_selector(index: usize, mode: u8) -> u8 {
    (cases().len() + usize::from(mode) * OWN_TYPES + index) as u8
}

/// The selector byte of conformance case `name`.
pub fn case_selector(name: &str) -> Option<u8> {
    cases().iter().position(|c| c.name == name).map(|i| i as u8)
}

/// First byte: a selector. Below the number of conformance cases it picks a case, whose
/// type decodes the rest with the case's registrations, in both modes (`Case::check`); above, one of the own types in one
/// of the four modes.
pub fn decode_derived(data: &[u8]) {
    forys();
    let Some((&selector, payload)) = data.split_first() else {
        return;
    };
    let cases = cases();
    let selector = usize::from(selector);
    if let Some(case) = cases.get(selector) {
        let payload = Payload::plain(payload.to_vec());
        // In both modes: a reader follows the payload's mode whatever its own (and writes the
        // decoded value back in its own, pyfory's by-name field form in one of them).
        for compatible in [false, true] {
            let mut mode = case.mode;
            mode.compatible = compatible;
            mode.named_struct_field_type_info = !compatible;
            let _ = bounded(payload.main.len(), case.name, || {
                (case.check)(&mode.fory(), mode.callback, &payload)
            });
        }
        return;
    }
    let own = (selector - cases.len()) % (4 * OWN_TYPES);
    let mode = (own / OWN_TYPES) as u8;
    decode_own(&forys()[usize::from(mode)], own % OWN_TYPES, payload);
}

// ---------------------------------------------------------------------------------------------
// Target: meta strings.
// ---------------------------------------------------------------------------------------------

const ENCODINGS: [MetaStringEncoding; 5] = [
    MetaStringEncoding::Utf8,
    MetaStringEncoding::LowerSpecial,
    MetaStringEncoding::LowerUpperDigitSpecial,
    MetaStringEncoding::FirstToLowerSpecial,
    MetaStringEncoding::AllToLowerSpecial,
];

/// First byte: encoding (bits 0..3, mod 5) and decoder (bits 3..5: namespace, type name, field
/// name). The rest is decoded; decoded text is re-encoded and must decode to itself. Then the
/// whole input is read as a TypeDef name (`type_def::read_name`) in both contexts, and, when
/// it is UTF-8, encoded in the selected context and decoded back (the round trip must hold).
pub fn decode_meta_string(data: &[u8]) {
    bounded(data.len(), "meta string", || {
        decode_meta_string_unbounded(data)
    })
}

fn decode_meta_string_unbounded(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let encoding = ENCODINGS[usize::from(selector & 7) % 5];
    let (decoder, encoder) = match (selector >> 3) % 3 {
        0 => (MetaStringDecoder::NAMESPACE, MetaStringEncoder::NAMESPACE),
        1 => (MetaStringDecoder::TYPE_NAME, MetaStringEncoder::TYPE_NAME),
        _ => (MetaStringDecoder::FIELD_NAME, MetaStringEncoder::FIELD_NAME),
    };
    let _ = decoder.decode(bytes, encoding);
    let _ = type_def::read_name(
        &mut Reader::new(bytes),
        &type_def::NAMESPACE_ENCODINGS,
        MetaStringDecoder::NAMESPACE,
    );
    let _ = type_def::read_name(
        &mut Reader::new(bytes),
        &type_def::TYPE_NAME_ENCODINGS,
        MetaStringDecoder::TYPE_NAME,
    );
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(encoded) = encoder.encode(text) {
            let back = decoder
                .decode(encoded.bytes(), encoded.encoding())
                .unwrap_or_else(|e| panic!("{text:?} encoded as {encoded:?} fails to decode: {e}"));
            assert_eq!(back, text, "meta string round trip of {encoded:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Target: TypeDefs.
// ---------------------------------------------------------------------------------------------

/// The input as a whole TypeDef (header and body), as a struct TypeDef body, and as the body
/// of a TypeDef with a correct header (so the hash check does not stop the fuzzer), read by a
/// compatible-mode `Fory` as the TypeDef of a compatible struct and of a named enum.
pub fn decode_type_def(data: &[u8]) {
    forys();
    let n = data.len();
    let _ = bounded(n, "read_type_def", || {
        type_def::read_type_def(&mut Reader::new(data)).map(<[u8]>::len)
    });
    if let Ok(def) = bounded(n, "decode_body", || struct_def::decode_body(data)) {
        // A decoded body encodes, and that encoding decodes to the same def.
        if let Ok(again) = struct_def::encode_body(&def) {
            let back = struct_def::decode_body(&again)
                .unwrap_or_else(|e| panic!("re-encoded TypeDef body fails to decode: {e}"));
            assert_eq!(back, def, "TypeDef body round trip");
        }
        let _ = struct_def::schema_hash(&def);
    }
    // A framed TypeDef with this body, read through a compatible-mode payload:
    // header, ref flag (-1: not null), type id, TypeDef index 0, the TypeDef, then a few bytes
    // of payload taken from the body itself.
    // A fresh `Fory`: each input is a new valid TypeDef, and a shared `Fory` would keep them
    // in its TypeDef cache (bounded by the cache, not by the input), so the cache's own growth
    // would be measured against one small input.
    let fory = &fory(1, false);
    // COMPATIBLE_STRUCT, NAMED_COMPATIBLE_STRUCT, NAMED_ENUM, NAMED_UNION: the kinds whose
    // compatible-mode type info is a shared TypeDef.
    for type_id in [28u8, 30, 26, 35] {
        let mut w = fory_core::Writer::new();
        w.write_u8(0x01);
        w.write_u8(0xff);
        w.write_u8(type_id);
        w.write_u8(0x00);
        type_def::write_type_def(&mut w, data);
        w.write_bytes(data);
        let bytes = w.into_inner();
        let _ = bounded(bytes.len(), "Value by TypeDef", || {
            fory.deserialize::<Value>(&bytes)
        });
        let _ = bounded(bytes.len(), "Tree by TypeDef", || {
            fory.deserialize::<Tree>(&bytes)
        });
        // A list of data.len() elements sharing that TypeDef, the body again as the elements.
        let mut w = fory_core::Writer::new();
        w.write_u8(0x01);
        w.write_u8(0xff);
        w.write_u8(0x16);
        w.write_varuint32(data.len() as u32);
        w.write_u8(0x08);
        w.write_u8(type_id);
        w.write_u8(0x00);
        type_def::write_type_def(&mut w, data);
        w.write_bytes(data);
        let bytes = w.into_inner();
        let _ = bounded(bytes.len(), "Vec<Value> by TypeDef", || {
            fory.deserialize::<Vec<Value>>(&bytes)
        });
        let _ = bounded(bytes.len(), "Vec<Tree> by TypeDef", || {
            fory.deserialize::<Vec<Tree>>(&bytes)
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Target: out-of-band buffers.
// ---------------------------------------------------------------------------------------------

/// Splits a fuzz input into the main buffer and out-of-band buffers: byte 0 is the number of
/// buffers (mod 8), then one little-endian u16 length per buffer, then the buffers' bytes back to
/// back (each cut short at the end of the input), then the main buffer (the rest).
pub fn split_buffers(data: &[u8]) -> (&[u8], Vec<&[u8]>) {
    let Some((&count, mut rest)) = data.split_first() else {
        return (data, Vec::new());
    };
    let count = usize::from(count % 8);
    let mut lens = Vec::with_capacity(count);
    for _ in 0..count {
        let len = match rest {
            [a, b, tail @ ..] => {
                rest = tail;
                usize::from(u16::from_le_bytes([*a, *b]))
            }
            _ => 0,
        };
        lens.push(len);
    }
    let mut buffers = Vec::with_capacity(count);
    for len in lens {
        let (buffer, tail) = rest.split_at(len.min(rest.len()));
        buffers.push(buffer);
        rest = tail;
    }
    (rest, buffers)
}

/// The inverse of [`split_buffers`] (for the seeds).
pub fn join_buffers(main: &[u8], buffers: &[Vec<u8>]) -> Vec<u8> {
    assert!(buffers.len() < 8 && buffers.iter().all(|b| b.len() <= usize::from(u16::MAX)));
    let mut out = vec![buffers.len() as u8];
    for b in buffers {
        out.extend_from_slice(&(b.len() as u16).to_le_bytes());
    }
    for b in buffers {
        out.extend_from_slice(b);
    }
    out.extend_from_slice(main);
    out
}

/// The structs of the out-of-band conformance cases, for decoding.
pub use xlang_tests::cases::structs::{Rec, Samples};

/// Decodes the split input with `Fory::deserialize_with_buffers` into every type that can take
/// out-of-band payloads, owned and borrowed, in schema-consistent and compatible mode, with
/// numeric arrays in Java's form and in pyfory's.
pub fn decode_oob(data: &[u8]) {
    forys();
    pyfory_forys();
    bounded(data.len(), "out-of-band", || decode_oob_unbounded(data))
}

fn decode_oob_unbounded(data: &[u8]) {
    let (main, buffers) = split_buffers(data);
    for fory in forys()[..2].iter().chain(pyfory_forys()) {
        let _ = fory.deserialize_with_buffers::<Value>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<u8>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<&[u8]>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Cow<[u8]>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<Vec<u8>>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<i32>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Cow<[f64]>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<f64>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<i8>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Vec<bool>>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Rec>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Samples>(main, &buffers);
        let _ = fory.deserialize_with_buffers::<Tree>(main, &buffers);
    }
}

// ---------------------------------------------------------------------------------------------
// The row format.
// ---------------------------------------------------------------------------------------------

/// The row cases of `xlang-tests/ROWS.md` (their schemas as `ForyRow` structs).
pub fn row_cases() -> &'static [xlang_tests::rows::RowCase] {
    static CASES: OnceLock<Vec<xlang_tests::rows::RowCase>> = OnceLock::new();
    CASES.get_or_init(xlang_tests::rows::cases)
}

/// The selector byte of the row case `name`.
pub fn row_selector(name: &str) -> Option<u8> {
    row_cases()
        .iter()
        .position(|c| c.name == name)
        .map(|i| i as u8)
}

/// First byte: a row case (mod their number); the rest: a row of its schema, read field by
/// field through the views and decoded whole (`RowCase::check`: any `Err` is fine).
pub fn decode_row(data: &[u8]) {
    let Some((&selector, row)) = data.split_first() else {
        return;
    };
    let cases = row_cases();
    let case = &cases[usize::from(selector) % cases.len()];
    bounded(row.len(), case.name, || {
        let _ = (case.check)(row);
    });
}
