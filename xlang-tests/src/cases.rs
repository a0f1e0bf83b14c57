//! The conformance cases, mirrored by name in every peer (`peers/python/peer.py` holds the same
//! names, values and modes). A case decodes a peer's bytes into its Rust type, checks the value,
//! and re-encodes it.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Debug;
use std::rc::Rc;

use fory_core::oob::{BufferObject, OobArrayForm};
use fory_core::types::{Date, Decimal, Duration, Timestamp};
use fory_core::{Deserialize, Fory, Result, Serialize, StringRule, Value};

pub use crate::payload::Payload;

pub mod structs;

use structs::*;

/// How a case's `Fory` is configured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    /// Compatible mode.
    pub compatible: bool,
    /// Reference tracking.
    pub ref_tracking: bool,
    /// How `Color` is registered: not at all, by id 101, or as `example.Color`.
    pub color: ColorRegistration,
    /// Registers the case's struct types.
    pub register: Option<fn(&mut Fory) -> Result<()>>,
    /// The buffer callback the case is written with, if any.
    pub callback: Option<Callback>,
    /// How strings are written (every case uses Java's rule; the Go goldens are also checked
    /// with the UTF-8 rule, which Go writes).
    pub string_rule: StringRule,
    /// Type info before by-name struct fields in schema-consistent mode, as pyfory writes and
    /// reads them (see [`Mode::for_peer`]).
    pub named_struct_field_type_info: bool,
    /// The form of numeric arrays under the out-of-band bit: Java's, except with the Python
    /// peers (see [`Mode::for_peer`]).
    pub oob_array_form: OobArrayForm,
}

/// The buffer callbacks of the out-of-band cases (and of the random cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Callback {
    /// Every buffer in-band.
    InBand,
    /// Every buffer out-of-band.
    OutOfBand,
    /// Out-of-band, in-band, out-of-band, ... in the order buffers are met.
    Alternating,
}

impl Callback {
    /// The callback as a function.
    pub fn policy(self) -> impl FnMut(&BufferObject<'_>) -> bool {
        let mut seen = 0usize;
        move |_| {
            seen += 1;
            match self {
                Callback::InBand => true,
                Callback::OutOfBand => false,
                Callback::Alternating => seen % 2 == 0,
            }
        }
    }
}

/// How `Color` is registered in a case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorRegistration {
    /// Not registered.
    #[default]
    None,
    /// `register::<Color>(101)`.
    ById,
    /// `register_by_name::<Color>("example", "Color")`.
    ByName,
}

impl Mode {
    /// The settings a user chooses for `peer` where the peers read different forms. With the
    /// Python peers: numeric arrays under the out-of-band bit in pyfory's form
    /// ([`OobArrayForm::Pyfory`]: plain, in the main buffer), and type info before a struct
    /// field whose type is registered by name in schema-consistent mode, both of which pyfory
    /// writes and expects. With the others, Java's forms.
    pub fn for_peer(mut self, peer: &str) -> Self {
        if is_pyfory_peer(peer) {
            self.oob_array_form = OobArrayForm::Pyfory;
            self.named_struct_field_type_info = true;
        }
        self
    }

    /// The `Fory` for this mode.
    pub fn fory(self) -> Fory {
        let mut fory = Fory::builder()
            .compatible(self.compatible)
            .ref_tracking(self.ref_tracking)
            .string_rule(self.string_rule)
            .named_struct_field_type_info(self.named_struct_field_type_info)
            .oob_array_form(self.oob_array_form)
            .build();
        match self.color {
            ColorRegistration::None => {}
            ColorRegistration::ById => fory.register::<Color>(101).expect("fresh registry"),
            ColorRegistration::ByName => fory
                .register_by_name::<Color>("example", "Color")
                .expect("fresh registry"),
        }
        if let Some(register) = self.register {
            register(&mut fory).expect("fresh registry");
        }
        fory
    }
}

/// One case: its name, mode, and how to check a peer's bytes.
pub struct Case {
    /// The name shared with the peers (and the golden file's stem).
    pub name: &'static str,
    /// The configuration both sides use.
    pub mode: Mode,
    /// Whether our bytes must equal the peer's (false where the two sides write different
    /// types on purpose, as in the schema-evolution cases).
    pub byte_equal: bool,
    /// Decodes a payload into the case's type, checks the value, and returns our encoding of it.
    pub check: CheckFn,
    /// Our encoding of the case's value, without any peer's bytes.
    pub encode: EncodeFn,
}

/// See [`Case::check`].
pub type CheckFn = fn(&Fory, Option<Callback>, &Payload) -> std::result::Result<Payload, String>;
/// See [`Case::encode`].
pub type EncodeFn = fn(&Fory, Option<Callback>) -> std::result::Result<Payload, String>;

/// Whether `peer` is one of the Python peers (`python`, `python-<version>`), which run pyfory.
pub fn is_pyfory_peer(peer: &str) -> bool {
    peer == "python" || peer.starts_with("python-")
}

impl Case {
    /// The case as exchanged with `peer` (see [`Mode::for_peer`]).
    pub fn for_peer(mut self, peer: &str) -> Self {
        self.mode = self.mode.for_peer(peer);
        self
    }

    /// Decodes `payload` (a peer's), checks the value and returns our encoding of it.
    pub fn check_payload(&self, payload: &Payload) -> std::result::Result<Payload, String> {
        (self.check)(&self.mode.fory(), self.mode.callback, payload)
    }

    /// Our encoding of the case's value.
    pub fn encode_payload(&self) -> std::result::Result<Payload, String> {
        (self.encode)(&self.mode.fory(), self.mode.callback)
    }
}

fn encode_value<T: Serialize>(
    fory: &Fory,
    callback: Option<Callback>,
    value: T,
) -> std::result::Result<Payload, String> {
    encode_ref(fory, callback, &value)
}

/// [`encode_value`] of a value the caller keeps.
fn encode_ref<T: Serialize>(
    fory: &Fory,
    callback: Option<Callback>,
    value: &T,
) -> std::result::Result<Payload, String> {
    let encoded = match callback {
        None => fory.serialize(value).map(Payload::plain),
        Some(callback) => fory
            .serialize_with_callback(value, callback.policy())
            .map(Payload::of_frame),
    };
    encoded.map_err(|e| format!("encode: {e}"))
}

fn check_value<T>(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
    want: T,
) -> std::result::Result<Payload, String>
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    let got: std::result::Result<T, _> = match callback {
        None if !payload.buffers.is_empty() => {
            return Err(format!(
                "{} out-of-band buffer files for a case without a callback",
                payload.buffers.len()
            ))
        }
        None => fory.deserialize(&payload.main),
        Some(_) => fory.deserialize_with_buffers(&payload.main, &payload.buffer_slices()),
    };
    let got = got.map_err(|e| format!("decode: {e}"))?;
    if got != want {
        return Err(format!("decoded {got:?}, expected {want:?}"));
    }
    encode_value(fory, callback, got)
}

macro_rules! cases {
    ($($name:ident [$($mode:tt)*]: $ty:ty = $value:expr;)*) => {
        /// The cases of plain values.
        fn value_cases() -> Vec<Case> {
            vec![$(Case {
                name: stringify!($name),
                mode: Mode { $($mode)* ..Mode::default() },
                byte_equal: true,
                check: |fory, callback, payload| check_value::<$ty>(fory, callback, payload, $value),
                encode: |fory, callback| encode_value::<$ty>(fory, callback, $value),
            },)*]
        }
    };
}

/// Each struct case twice: schema-consistent (`name`) and compatible (`name_compatible`), with
/// the registrations of `register_all` unless the case names others in brackets.
macro_rules! struct_cases {
    ($($name:ident $([$register:expr])?: $ty:ty = $value:expr;)*) => {
        /// The struct cases.
        fn struct_cases() -> Vec<Case> {
            let mut out = Vec::new();
            $(
                for compatible in [false, true] {
                    out.push(Case {
                        name: if compatible {
                            concat!(stringify!($name), "_compatible")
                        } else {
                            stringify!($name)
                        },
                        mode: Mode {
                            compatible,
                            register: Some(struct_cases!(@register $($register)?)),
                            ..Mode::default()
                        },
                        byte_equal: true,
                        check: |fory, callback, payload| check_value::<$ty>(fory, callback, payload, $value),
                        encode: |fory, callback| encode_value::<$ty>(fory, callback, $value),
                    });
                }
            )*
            out
        }
    };
    (@register) => { register_all };
    (@register $register:expr) => { $register };
}

/// Every case as a Rust program exchanging with `peer` writes it (see [`Mode::for_peer`]).
pub fn for_peer(peer: &str) -> Vec<Case> {
    all().into_iter().map(|case| case.for_peer(peer)).collect()
}

/// Schema-evolution cases (compatible mode): the two sides declare different types on
/// purpose, so byte equality does not apply.
macro_rules! evolution_cases {
    ($($name:ident [$register:expr]: $value:expr;)*) => {
        fn evolution_cases() -> Vec<Case> {
            vec![$(Case {
                name: stringify!($name),
                mode: Mode {
                    compatible: true,
                    register: Some($register),
                    ..Mode::default()
                },
                byte_equal: false,
                check: |fory, callback, payload| check_value(fory, callback, payload, $value),
                encode: |fory, callback| encode_value(fory, callback, $value),
            },)*]
        }
    };
}

evolution_cases! {
    evolution_drop_add [register_evolving]: evolved();
    evolution_array_to_list [register_array_to_list]: array_to_list();
    evolution_list_to_array [register_list_to_array]: list_to_array();
}

/// Every case, with the settings Java reads (see [`for_peer`]).
pub fn all() -> Vec<Case> {
    let mut cases = value_cases();
    cases.extend(struct_cases());
    cases.extend(evolution_cases());
    cases.extend(tree_cases());
    cases.extend(ref_self_cases());
    cases.extend(ref_cycle_cases());
    cases.extend(ref_flag_cases());
    cases.extend(ref_list_with_nulls_cases());
    cases.extend(polymorphic_cases());
    cases.extend(trait_object_cases());
    cases
}

fn s(text: &str) -> String {
    text.to_string()
}

cases! {
    bool_true []: bool = true;
    bool_false []: bool = false;
    int64_zero []: i64 = 0;
    int64_minus_one []: i64 = -1;
    int64_max []: i64 = i64::MAX;
    int64_min []: i64 = i64::MIN;
    int64_2_pow_35 []: i64 = 1 << 35;
    float64_one_and_half []: f64 = 1.5;
    float64_negative_zero []: f64 = -0.0;
    float64_infinity []: f64 = f64::INFINITY;
    string_empty []: String = s("");
    string_ascii []: String = s("hello");
    string_latin1 []: String = s("café");
    string_cjk []: String = s("你好");
    string_astral []: String = s("😀");
    string_long []: String = "a".repeat(300);
    binary []: Vec<u8> = vec![1, 2, 3];
    binary_empty []: Vec<u8> = vec![];
    none []: Option<String> = None;
    list_strings []: Vec<String> = vec![s("a"), s("b")];
    list_empty []: Vec<String> = vec![];
    list_ints []: Value = Value::List(vec![Value::Int64(1), Value::Int64(2), Value::Int64(3)]);
    list_with_null []: Vec<Option<String>> = vec![Some(s("a")), None, Some(s("b"))];
    list_mixed []: Value = Value::List(vec![
        Value::Int64(1), Value::String(s("a")), Value::Null, Value::Float64(2.5),
    ]);
    list_nested []: Vec<Vec<String>> = vec![vec![s("a")], vec![s("b"), s("c")]];
    set_ints []: BTreeSet<i64> = BTreeSet::from([1, 2]);
    map_string_int []: BTreeMap<String, i64> = BTreeMap::from([(s("a"), 1), (s("b"), 2)]);
    map_empty []: BTreeMap<String, i64> = BTreeMap::new();
    map_null_value []: BTreeMap<String, Option<i64>> =
        BTreeMap::from([(s("a"), None), (s("b"), Some(1))]);
    // A BTreeMap so that a peer writing the entries in another order (Go) still compares equal.
    map_mixed_values []: BTreeMap<String, Value> =
        BTreeMap::from([(s("a"), Value::Int64(1)), (s("b"), Value::String(s("x")))]);
    map_nested []: BTreeMap<String, BTreeMap<String, i64>> =
        BTreeMap::from([(s("a"), BTreeMap::from([(s("b"), 1)]))]);
    map_300 []: BTreeMap<String, i64> = (0..300).map(|i| (format!("k{i:03}"), i)).collect();
    int32_array []: Vec<i32> = vec![1, -1];
    float64_array []: Vec<f64> = vec![1.5, -2.0];
    int8_array []: Vec<i8> = vec![1, -1];
    date []: Date = Date::from_ymd(2024, 1, 2).expect("valid date");
    date_before_epoch []: Date = Date::from_ymd(1969, 12, 31).expect("valid date");
    timestamp []: Timestamp = Timestamp::new(1_704_164_645, 123_456_000).expect("in range");
    duration []: Duration = Duration::new(90, 7_000).expect("in range");
    decimal []: Decimal = "-123.456".parse().expect("valid decimal");
    decimal_big []: Decimal = "123456789012345678901234567890.5".parse().expect("valid decimal");
    enum_by_id [color: ColorRegistration::ById,]: Color = Color::Green;
    enum_by_name [color: ColorRegistration::ByName,]: Color = Color::Green;
    enum_by_name_compatible [color: ColorRegistration::ByName, compatible: true,]: Color =
        Color::Green;
    enum_list_by_name [color: ColorRegistration::ByName,]: Vec<Color> =
        vec![Color::Green, Color::Blue];
    ref_shared_list [ref_tracking: true,]: Vec<Rc<Vec<String>>> = {
        let x = Rc::new(vec![s("a")]);
        vec![x.clone(), x]
    };
    oob_binary_in_band [callback: Some(Callback::InBand),]: Vec<u8> = vec![1, 2, 3];
    oob_binary_out_of_band [callback: Some(Callback::OutOfBand),]: Vec<u8> = vec![1, 2, 3];
    oob_binary_list_alternating [callback: Some(Callback::Alternating),]: Vec<Vec<u8>> =
        vec![vec![1, 2, 3], vec![4, 5]];
    oob_int32_array_in_band [callback: Some(Callback::InBand),]: Vec<i32> = vec![1, -1];
    oob_int32_array_out_of_band [callback: Some(Callback::OutOfBand),]: Vec<i32> = vec![1, -1];
    oob_float64_array_alternating [callback: Some(Callback::Alternating),]: Vec<f64> =
        vec![1.5, -2.0];
    oob_struct_out_of_band [callback: Some(Callback::OutOfBand), register: Some(register_rec),]:
        Rec = Rec { data: vec![1, 2, 3], values: vec![1.5, -2.0] };
    oob_struct_alternating [callback: Some(Callback::Alternating), register: Some(register_rec),]:
        Rec = Rec { data: vec![1, 2, 3], values: vec![1.5, -2.0] };
    oob_numpy_float64_out_of_band [callback: Some(Callback::OutOfBand),]: Vec<f64> =
        vec![1.5, -2.0];
    oob_numpy_int32_out_of_band [callback: Some(Callback::OutOfBand),]: Vec<i32> = vec![1, -1];
    oob_numpy_struct_out_of_band
        [callback: Some(Callback::OutOfBand), register: Some(register_samples),]: Samples =
        samples();
    oob_numpy_struct_alternating
        [callback: Some(Callback::Alternating), register: Some(register_samples),]: Samples =
        samples();
    oob_numpy_list_out_of_band [callback: Some(Callback::OutOfBand),]: Value = Value::List(vec![
        Value::Binary(vec![1, 2, 3]),
        Value::Float64Array(vec![1.5, -2.0]),
        Value::Int32Array(vec![1, -1]),
    ]);
}

/// The value of the numpy out-of-band struct cases.
fn samples() -> Samples {
    Samples {
        data: vec![1, 2, 3],
        values: vec![1.5, -2.0],
        ids: vec![1, -1],
    }
}

/// What Rust reads from the peers' `{a: 1, b: {x: 2, label: "bee"}, c: ["x", "y"]}`.
fn evolved() -> Evolving {
    Evolving {
        a: 1,
        c: vec![s("x"), s("y")],
        d: 0,
    }
}

/// The values of `evolution_array_to_list` and `evolution_list_to_array`: the same numbers on
/// both sides, one side declaring arrays, the other lists.
const BOOLS: [bool; 2] = [true, false];
const SHORTS: [i16; 4] = [1, -1, i16::MIN, i16::MAX];
const INTS: [i32; 5] = [1, -1, 0, i32::MIN, i32::MAX];
const LONGS: [i64; 4] = [1, -1, i64::MIN, i64::MAX];
const FLOATS: [f32; 3] = [1.5, -2.0, f32::MAX];
const DOUBLES: [f64; 3] = [1.5, -2.0, f64::MAX];

/// `evolution_array_to_list`: what Rust reads, as lists, from the peers' arrays.
fn array_to_list() -> ArrayToList {
    ArrayToList {
        bools: BOOLS.into(),
        shorts: SHORTS.into(),
        ints: INTS.into(),
        longs: LONGS.into(),
        floats: FLOATS.into(),
        doubles: DOUBLES.into(),
        empty: VecDeque::new(),
    }
}

/// `evolution_list_to_array`: what Rust reads, as arrays, from the peers' lists.
fn list_to_array() -> ListToArray {
    ListToArray {
        bools: BOOLS.into(),
        shorts: SHORTS.into(),
        ints: INTS.into(),
        longs: LONGS.into(),
        floats: FLOATS.into(),
        doubles: DOUBLES.into(),
        empty: Vec::new(),
    }
}

fn inner(x: i32, label: &str) -> Inner {
    Inner { x, label: s(label) }
}

/// The value of `ext_value`: `Money {cents: 1999, currency: "EUR"}`.
fn money() -> Money {
    Money {
        cents: 1999,
        currency: s("EUR"),
    }
}

/// The value of `ext_field`: `Invoice {item: "tea", price: Money {cents: -250, currency: "GBP"},
/// count: 3}`.
fn invoice() -> Invoice {
    Invoice {
        item: s("tea"),
        price: Money {
            cents: -250,
            currency: s("GBP"),
        },
        count: 3,
    }
}

/// The value of `ext_collections`: `Wallet {coins: [Money(1, "EUR"), Money(2, "EUR")], spare:
/// Money(3, "EUR"), by_owner: {"a": Money(4, "EUR")}}`.
fn wallet() -> Wallet {
    let eur = |cents| Money {
        cents,
        currency: s("EUR"),
    };
    Wallet {
        coins: vec![eur(1), eur(2)],
        spare: Some(eur(3)),
        by_owner: BTreeMap::from([(s("a"), eur(4))]),
    }
}

struct_cases! {
    struct_primitives: Primitives = Primitives {
        flag: true, tiny: -5, short_value: -300, count: 123_456, total: -9_876_543_210,
        ratio: 1.5, precise: -2.25,
    };
    struct_nullable_primitives: NullablePrimitives = NullablePrimitives {
        flag: Some(true), tiny: None, short_value: Some(-300), count: Some(123_456),
        total: Some(-9_876_543_210), ratio: None, precise: Some(-2.25),
    };
    struct_strings: Strings = Strings {
        ascii: s("hello"), latin1: s("café"), cjk: s("你好"), empty: s(""),
    };
    struct_nested: Outer = Outer { name: s("outer"), inner: inner(7, "in"), count: 2 };
    struct_collections: Collections = Collections {
        names: vec![s("a"), s("b")],
        tags: BTreeSet::from([s("x")]),
        scores: BTreeMap::from([(s("a"), 1)]),
        ids: vec![1, -2, 3],
        matrix: vec![VecDeque::from([1]), VecDeque::from([2, 3])],
    };
    struct_enum_field: WithEnum = WithEnum { color: Color::Blue, count: 3 };
    struct_union_field: WithUnion = WithUnion { shape: Shape::Radius(2.5), count: 4 };
    struct_data_enum [register_event_log]: EventLog = EventLog {
        click: Event::Click { x: 1, y: -2 },
        pair: Event::Pair(s("p"), 3),
        key: Event::Key(s("k")),
        quit: Event::Quit,
        count: 4,
    };
    struct_options_null: Optionals = Optionals::default();
    struct_options_set: Optionals = Optionals {
        maybe_name: Some(s("n")),
        maybe_count: Some(5),
        maybe_list: Some(vec![s("l")]),
        maybe_inner: Some(inner(1, "i")),
    };
    struct_unsigned: Unsigned = Unsigned {
        u8v: 200, u16v: 60_000, u32_fixed: 4_000_000_000, u32_var: 4_000_000_000,
        u64_fixed: (1 << 63) + 5, u64_var: (1 << 63) + 5, u64_tagged: 1 << 40,
        i32_fixed: -7, i64_fixed: -8, i64_tagged: 1 << 40,
    };
    struct_tag_ids: Tagged = Tagged { name: s("t"), age: 30, email: None, note: s("no tag") };
    struct_generic: Pair<String, i32> = Pair { key: s("k"), value: 9, items: vec![1, 2] };
    struct_many_fields: Many = Many {
        f01: true, f02: 1, f03: 2, f04: 3, f05: 4, f06: 5.5, f07: 6.5, f08: s("s8"),
        f09: false, f10: -1, f11: -2, f12: -3, f13: -4, f14: -5.5, f15: -6.5, f16: s("s16"),
        f17: true, f18: 17, f19: 18, f20: 19, f21: 20, f22: 21.5, f23: 22.5, f24: s("s24"),
        f25: false, f26: 25, f27: 26, f28: 27, f29: 28, f30: 29.5, f31: 30.5, f32: s("s32"),
    };
    struct_tuple: Point = Point(3, -4);
    struct_named: Person = Person { name: s("Ada"), age: 36 };
    struct_enum_field_by_name [register_by_name_fields]: WithEnum =
        WithEnum { color: Color::Blue, count: 3 };
    struct_nested_by_name [register_by_name_fields]: Outer =
        Outer { name: s("outer"), inner: inner(7, "in"), count: 2 };
    ext_value [register_money]: Money = money();
    ext_value_by_name [register_money_by_name]: Money = money();
    ext_field [register_invoice]: Invoice = invoice();
    ext_field_by_name [register_invoice_money_by_name]: Invoice = invoice();
    ext_collections [register_wallet]: Wallet = wallet();
    all_null_lists [register_all_null_lists]: AllNullLists = AllNullLists {
        numbers: vec![None, None],
        texts: vec![None],
        counts: vec![None],
    };
}

// ---------------------------------------------------------------------------------------------
// `ref_tree` and `ref_tree_compatible` (reference tracking): the root `{name: "root", parent:
// null, children: [child]}`, the child `{name: "child", parent: <the root>, children: []}`.

type Tree = Rc<std::cell::RefCell<Node>>;

fn tree() -> Tree {
    let root = Rc::new(std::cell::RefCell::new(Node {
        name: s("root"),
        ..Node::default()
    }));
    let child = Node {
        name: s("child"),
        parent: Rc::downgrade(&root),
        children: Vec::new(),
    };
    root.borrow_mut()
        .children
        .push(Rc::new(std::cell::RefCell::new(child)));
    root
}

/// The tree as `name[child, ...]`, with `(parent?)` after a node whose parent is not the node
/// holding it (or, at the root, not null).
fn tree_shape(node: &Tree, parent: Option<&Tree>) -> String {
    let n = node.borrow();
    let mut out = n.name.clone();
    match (n.parent.upgrade(), parent) {
        (None, None) => {}
        (Some(p), Some(want)) if Rc::ptr_eq(&p, want) => {}
        _ => out.push_str("(parent?)"),
    }
    if !n.children.is_empty() {
        let children: Vec<String> = n
            .children
            .iter()
            .map(|c| tree_shape(c, Some(node)))
            .collect();
        out = format!("{out}[{}]", children.join(", "));
    }
    out
}

fn check_tree(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    if !payload.buffers.is_empty() {
        return Err(format!(
            "{} out-of-band buffer files",
            payload.buffers.len()
        ));
    }
    let got: Tree = fory
        .deserialize(&payload.main)
        .map_err(|e| format!("decode: {e}"))?;
    let shape = tree_shape(&got, None);
    if shape != "root[child]" {
        return Err(format!(
            "decoded {shape}, expected root[child] with no parent at the root and the root as \
             the child's parent"
        ));
    }
    encode_value(fory, callback, got)
}

fn tree_cases() -> Vec<Case> {
    [("ref_tree", false), ("ref_tree_compatible", true)]
        .into_iter()
        .map(|(name, compatible)| Case {
            name,
            mode: Mode {
                compatible,
                ref_tracking: true,
                register: Some(register_node),
                ..Mode::default()
            },
            byte_equal: true,
            check: check_tree,
            encode: |fory, callback| encode_value(fory, callback, tree()),
        })
        .collect()
}

/// Each case twice: `name` (schema-consistent) and `name_compatible`, with reference tracking
/// as `ref_tracking` says.
fn both_modes(
    names: [&'static str; 2],
    ref_tracking: bool,
    register: fn(&mut Fory) -> Result<()>,
    check: CheckFn,
    encode: EncodeFn,
) -> Vec<Case> {
    names
        .into_iter()
        .zip([false, true])
        .map(|(name, compatible)| Case {
            name,
            mode: Mode {
                compatible,
                ref_tracking,
                register: Some(register),
                ..Mode::default()
            },
            byte_equal: true,
            check,
            encode,
        })
        .collect()
}

/// The single main buffer of a case without out-of-band buffers.
fn main_buffer(payload: &Payload) -> std::result::Result<&[u8], String> {
    match payload.buffers.len() {
        0 => Ok(&payload.main),
        n => Err(format!("{n} out-of-band buffer files")),
    }
}

// ---------------------------------------------------------------------------------------------
// `ref_self` and `ref_self_compatible` (reference tracking): `SelfRef {name: "me", me: <itself>}`.

fn self_ref() -> Rc<std::cell::RefCell<SelfRef>> {
    let me = Rc::new(std::cell::RefCell::new(SelfRef {
        name: s("me"),
        me: std::rc::Weak::new(),
    }));
    me.borrow_mut().me = Rc::downgrade(&me);
    me
}

fn check_self_ref(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: Rc<std::cell::RefCell<SelfRef>> = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    {
        let node = got.borrow();
        let me = node.me.upgrade();
        let holds_itself = me.as_ref().is_some_and(|me| Rc::ptr_eq(me, &got));
        if node.name != "me" || !holds_itself {
            let what = match me {
                None => "null",
                Some(_) if holds_itself => "itself",
                Some(_) => "another object",
            };
            return Err(format!(
                "decoded {{name: {:?}, me: {what}}}, expected {{name: \"me\", me: itself}}",
                node.name
            ));
        }
    }
    encode_value(fory, callback, got)
}

fn ref_self_cases() -> Vec<Case> {
    both_modes(
        ["ref_self", "ref_self_compatible"],
        true,
        register_self_ref,
        check_self_ref,
        |fory, callback| encode_value(fory, callback, self_ref()),
    )
}

// ---------------------------------------------------------------------------------------------
// `ref_cycle` and `ref_cycle_compatible` (reference tracking): `a = {name: "a", next: b}`,
// `b = {name: "b", next: a}`, written from `a`.

type LinkRc = Rc<std::cell::RefCell<Link>>;

fn cycle() -> LinkRc {
    let a = Rc::new(std::cell::RefCell::new(Link {
        name: s("a"),
        next: None,
    }));
    let b = Rc::new(std::cell::RefCell::new(Link {
        name: s("b"),
        next: Some(a.clone()),
    }));
    a.borrow_mut().next = Some(b);
    a
}

/// Breaks the strong cycle through `a`, so both nodes are freed.
fn break_cycle(a: &LinkRc) {
    let next = a.borrow_mut().next.take();
    if let Some(b) = next {
        if let Ok(mut b) = b.try_borrow_mut() {
            b.next = None;
        }
    }
}

/// The cycle from `a` as `a -> b -> a`, naming a link that is not the very object expected.
fn cycle_shape(a: &LinkRc) -> String {
    let a_ref = a.borrow();
    let Some(b) = a_ref.next.clone() else {
        return format!("{} -> null", a_ref.name);
    };
    let b_ref = b.borrow();
    let back = match &b_ref.next {
        None => "null".to_string(),
        Some(n) if Rc::ptr_eq(n, a) => a_ref.name.clone(),
        Some(n) if Rc::ptr_eq(n, &b) => format!("{} (itself)", b_ref.name),
        Some(n) => format!("a copy of {}", n.borrow().name),
    };
    format!("{} -> {} -> {back}", a_ref.name, b_ref.name)
}

fn encode_cycle(fory: &Fory, callback: Option<Callback>) -> std::result::Result<Payload, String> {
    let a = cycle();
    let encoded = encode_ref(fory, callback, &a);
    break_cycle(&a);
    encoded
}

fn check_cycle(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: LinkRc = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    let shape = cycle_shape(&got);
    let encoded = if shape == "a -> b -> a" {
        encode_ref(fory, callback, &got)
    } else {
        Err(format!(
            "decoded {shape}, expected a -> b -> a (the very a)"
        ))
    };
    break_cycle(&got);
    encoded
}

fn ref_cycle_cases() -> Vec<Case> {
    both_modes(
        ["ref_cycle", "ref_cycle_compatible"],
        true,
        register_link,
        check_cycle,
        encode_cycle,
    )
}

// ---------------------------------------------------------------------------------------------
// `ref_map_of_lists` and `ref_union_cases` (each also `_compatible`, reference tracking on): the
// reference flags of collections a struct field declares and of union case values, as Java
// writes them: `RefLists {by_key: {"k001": [], "k002": [1, -2]}, nested: [["a"], []]}` and
// `Choices {first: case 0 (7), second: case 2 (Inner {x: 1, label: "i"}), third: case 1 ("s")}`.

fn ref_lists() -> RefLists {
    RefLists {
        by_key: BTreeMap::from([
            (s("k001"), VecDeque::new()),
            (s("k002"), VecDeque::from([1, -2])),
        ]),
        nested: vec![vec![s("a")], vec![]],
    }
}

fn choices() -> Choices {
    Choices {
        first: Choice::Number(7),
        second: Choice::Inner(inner(1, "i")),
        third: Choice::Text(s("s")),
    }
}

fn ref_flag_cases() -> Vec<Case> {
    let mut cases = both_modes(
        ["ref_map_of_lists", "ref_map_of_lists_compatible"],
        true,
        register_ref_lists,
        |fory, callback, payload| check_value(fory, callback, payload, ref_lists()),
        |fory, callback| encode_value(fory, callback, ref_lists()),
    );
    cases.extend(both_modes(
        ["ref_union_cases", "ref_union_cases_compatible"],
        true,
        register_choices,
        |fory, callback, payload| check_value(fory, callback, payload, choices()),
        |fory, callback| encode_value(fory, callback, choices()),
    ));
    cases
}

// ---------------------------------------------------------------------------------------------
// `ref_list_with_nulls` and `ref_list_with_nulls_compatible` (reference tracking on):
// `SharedItems {items: [null, i, i]}`, `i = Inner {x: 1, label: "i"}` one object.

fn shared_items() -> SharedItems {
    let i = Rc::new(inner(1, "i"));
    SharedItems {
        items: vec![None, Some(i.clone()), Some(i)],
    }
}

fn check_shared_items(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: SharedItems = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    if got != shared_items() {
        return Err(format!("decoded {got:?}, expected {:?}", shared_items()));
    }
    if let [_, Some(a), Some(b)] = got.items.as_slice() {
        if !Rc::ptr_eq(a, b) {
            return Err("items[1] and items[2] decoded as two objects, expected one".into());
        }
    }
    encode_value(fory, callback, got)
}

fn ref_list_with_nulls_cases() -> Vec<Case> {
    both_modes(
        ["ref_list_with_nulls", "ref_list_with_nulls_compatible"],
        true,
        register_shared_items,
        check_shared_items,
        |fory, callback| encode_value(fory, callback, shared_items()),
    )
}

// ---------------------------------------------------------------------------------------------
// `polymorphic_list` and `polymorphic_list_field` (each also `_compatible`): `[Inner {x: 1,
// label: "i"}, Color::Blue, "s", 7i64, 2.5, null, Other {code: -3, note: "o"}]`, at the root and
// as `Bag {name: "bag", items: <the list>}`.

fn polymorphic_items() -> Vec<Value> {
    use fory_core::UserValue;
    vec![
        Value::User(UserValue::new(inner(1, "i"))),
        Value::User(UserValue::new(Color::Blue)),
        Value::String(s("s")),
        Value::Int64(7),
        Value::Float64(2.5),
        Value::Null,
        Value::User(UserValue::new(Other {
            code: -3,
            note: s("o"),
        })),
    ]
}

/// A value of a polymorphic list, with its user values shown (a `UserValue` alone prints as
/// `UserValue(..)`).
fn show_value(v: &Value) -> String {
    match v {
        Value::User(u) => {
            if let Some(x) = u.downcast_ref::<Inner>() {
                format!("{x:?}")
            } else if let Some(x) = u.downcast_ref::<Color>() {
                format!("Color::{x:?}")
            } else if let Some(x) = u.downcast_ref::<Other>() {
                format!("{x:?}")
            } else {
                "a user value of another type".to_string()
            }
        }
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(show_value).collect::<Vec<_>>().join(", ")
        ),
        other => format!("{other:?}"),
    }
}

/// Equality for the polymorphic lists: user values by their contents (`Value`'s own equality
/// compares them by identity), floats by their bits.
fn same_value(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::User(g), Value::User(w)) => {
            fn same<T: PartialEq + 'static>(
                g: &fory_core::UserValue,
                w: &fory_core::UserValue,
            ) -> Option<bool> {
                Some(g.downcast_ref::<T>()? == w.downcast_ref::<T>()?)
            }
            same::<Inner>(g, w)
                .or_else(|| same::<Color>(g, w))
                .or_else(|| same::<Other>(g, w))
                .unwrap_or(false)
        }
        (Value::Float64(g), Value::Float64(w)) => g.to_bits() == w.to_bits(),
        (Value::List(g), Value::List(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(g, w)| same_value(g, w))
        }
        _ => got == want,
    }
}

fn check_polymorphic(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: Value = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    let want = Value::List(polymorphic_items());
    if !same_value(&got, &want) {
        return Err(format!(
            "decoded {}, expected {}",
            show_value(&got),
            show_value(&want)
        ));
    }
    encode_value(fory, callback, got)
}

fn bag() -> Bag {
    Bag {
        name: s("bag"),
        items: polymorphic_items(),
    }
}

fn check_bag(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: Bag = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    let want = bag();
    let same_items = got.items.len() == want.items.len()
        && got
            .items
            .iter()
            .zip(&want.items)
            .all(|(g, w)| same_value(g, w));
    if got.name != want.name || !same_items {
        let items = |b: &Bag| {
            b.items
                .iter()
                .map(show_value)
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(format!(
            "decoded Bag {{name: {:?}, items: [{}]}}, expected Bag {{name: {:?}, items: [{}]}}",
            got.name,
            items(&got),
            want.name,
            items(&want)
        ));
    }
    encode_value(fory, callback, got)
}

fn polymorphic_cases() -> Vec<Case> {
    let mut cases = both_modes(
        ["polymorphic_list", "polymorphic_list_compatible"],
        false,
        register_polymorphic,
        check_polymorphic,
        |fory, callback| encode_value(fory, callback, Value::List(polymorphic_items())),
    );
    cases.extend(both_modes(
        [
            "polymorphic_list_field",
            "polymorphic_list_field_compatible",
        ],
        false,
        register_polymorphic,
        check_bag,
        |fory, callback| encode_value(fory, callback, bag()),
    ));
    cases
}

// ---------------------------------------------------------------------------------------------
// `trait_object_fields`: `Zoo {star: Dog("Rex", 7), animals: [Cat(9), Dog("Ace", 3)], keepers:
// {"kim": Cat(1)}}`, every animal a trait object.

fn zoo() -> Zoo {
    Zoo {
        star: Box::new(Dog {
            name: s("Rex"),
            volume: 7,
        }),
        animals: vec![
            Box::new(Cat { lives: 9 }),
            Box::new(Dog {
                name: s("Ace"),
                volume: 3,
            }),
        ],
        keepers: HashMap::from([(s("kim"), Box::new(Cat { lives: 1 }) as Box<dyn Animal>)]),
    }
}

/// A zoo as text that names each animal's concrete type.
fn show_zoo(zoo: &Zoo) -> String {
    let mut keepers: Vec<_> = zoo.keepers.iter().collect();
    keepers.sort_by(|a, b| a.0.cmp(b.0));
    format!(
        "Zoo {{star: {:?}, animals: {:?}, keepers: {:?}}}",
        zoo.star, zoo.animals, keepers
    )
}

fn check_zoo(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: Zoo = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    let want = zoo();
    if show_zoo(&got) != show_zoo(&want) {
        return Err(format!(
            "decoded {}, expected {}",
            show_zoo(&got),
            show_zoo(&want)
        ));
    }
    // The values are the concrete types, reachable through the trait.
    if got.star.downcast_ref::<Dog>().is_none() || got.star.speak() != "Rex: woof x7" {
        return Err(format!("the star is not the dog Rex: {:?}", got.star));
    }
    encode_value(fory, callback, got)
}

/// `Pen {first: d, second: d, all: [d, Cat(9)]}`, `d` one `Dog("Rex", 7)`.
fn pen() -> Pen {
    let d: Rc<dyn Animal> = Rc::new(Dog {
        name: s("Rex"),
        volume: 7,
    });
    Pen {
        first: d.clone(),
        second: d.clone(),
        all: vec![d, Rc::new(Cat { lives: 9 })],
    }
}

fn check_pen(
    fory: &Fory,
    callback: Option<Callback>,
    payload: &Payload,
) -> std::result::Result<Payload, String> {
    let got: Pen = fory
        .deserialize(main_buffer(payload)?)
        .map_err(|e| format!("decode: {e}"))?;
    let want = pen();
    let show = |p: &Pen| format!("{p:?}");
    if show(&got) != show(&want) {
        return Err(format!("decoded {}, expected {}", show(&got), show(&want)));
    }
    if !Rc::ptr_eq(&got.first, &got.second) || !Rc::ptr_eq(&got.first, &got.all[0]) {
        return Err("first, second and all[0] decoded as several objects, expected one".into());
    }
    encode_value(fory, callback, got)
}

fn trait_object_cases() -> Vec<Case> {
    let mut cases = both_modes(
        ["trait_object_fields", "trait_object_fields_compatible"],
        false,
        register_zoo,
        check_zoo,
        |fory, callback| encode_value(fory, callback, zoo()),
    );
    cases.extend(both_modes(
        ["trait_object_shared", "trait_object_shared_compatible"],
        true,
        register_pen,
        check_pen,
        |fory, callback| encode_value(fory, callback, pen()),
    ));
    cases
}
