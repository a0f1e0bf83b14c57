//! The user types of the struct cases (see CASES.md), with the ids they are registered under.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use fory_core::context::{ReadContext, WriteContext};
use fory_core::{Fory, ForyExt, ForyObject, Result, StringRule};

/// The `Color` enum of the cases (`RED`, `GREEN`, `BLUE` in the peers).
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Color {
    /// Ordinal 0.
    #[default]
    Red,
    /// Ordinal 1.
    Green,
    /// Ordinal 2.
    Blue,
}

/// `struct_primitives`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Primitives {
    pub flag: bool,
    pub tiny: i8,
    pub short_value: i16,
    pub count: i32,
    pub total: i64,
    pub ratio: f32,
    pub precise: f64,
}

/// `struct_nullable_primitives`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct NullablePrimitives {
    pub flag: Option<bool>,
    pub tiny: Option<i8>,
    pub short_value: Option<i16>,
    pub count: Option<i32>,
    pub total: Option<i64>,
    pub ratio: Option<f32>,
    pub precise: Option<f64>,
}

/// `struct_strings`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Strings {
    pub ascii: String,
    pub latin1: String,
    pub cjk: String,
    pub empty: String,
}

/// The nested struct of `struct_nested`, `struct_options_*` and `evolution_drop_add`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Inner {
    pub x: i32,
    pub label: String,
}

/// `struct_nested`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Outer {
    pub name: String,
    pub inner: Inner,
    pub count: i32,
}

/// `struct_collections`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Collections {
    pub names: Vec<String>,
    pub tags: BTreeSet<String>,
    pub scores: BTreeMap<String, i32>,
    pub ids: Vec<i64>,
    /// `VecDeque<i32>` is a LIST of int32 (Java `List<Integer>`); `Vec<i32>` would be an
    /// INT32_ARRAY (Java `int[]`).
    pub matrix: Vec<VecDeque<i32>>,
}

/// `struct_enum_field`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct WithEnum {
    pub color: Color,
    pub count: i32,
}

/// The union of `struct_union_field`: case 0 a name, case 1 a radius.
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum Shape {
    /// Case 0.
    Name(String),
    /// Case 1.
    Radius(f64),
}

impl Default for Shape {
    fn default() -> Self {
        Shape::Name(String::new())
    }
}

/// `struct_union_field`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct WithUnion {
    pub shape: Shape,
    pub count: i32,
}

/// `struct_options_null` and `struct_options_set`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Optionals {
    pub maybe_name: Option<String>,
    pub maybe_count: Option<i32>,
    pub maybe_list: Option<Vec<String>>,
    pub maybe_inner: Option<Inner>,
}

/// `struct_unsigned`: every integer encoding.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Unsigned {
    pub u8v: u8,
    pub u16v: u16,
    #[fory(encoding = "fixed")]
    pub u32_fixed: u32,
    pub u32_var: u32,
    #[fory(encoding = "fixed")]
    pub u64_fixed: u64,
    pub u64_var: u64,
    #[fory(encoding = "tagged")]
    pub u64_tagged: u64,
    #[fory(encoding = "fixed")]
    pub i32_fixed: i32,
    #[fory(encoding = "fixed")]
    pub i64_fixed: i64,
    #[fory(encoding = "tagged")]
    pub i64_tagged: i64,
}

/// `struct_tag_ids`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Tagged {
    #[fory(id = 1)]
    pub name: String,
    #[fory(id = 2)]
    pub age: i32,
    #[fory(id = 3)]
    pub email: Option<String>,
    pub note: String,
}

/// `struct_generic`, used as `Pair<String, i32>`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Pair<K, V> {
    pub key: K,
    pub value: V,
    pub items: Vec<V>,
}

/// `struct_many_fields`: 32 fields.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Many {
    pub f01: bool,
    pub f02: i8,
    pub f03: i16,
    pub f04: i32,
    pub f05: i64,
    pub f06: f32,
    pub f07: f64,
    pub f08: String,
    pub f09: bool,
    pub f10: i8,
    pub f11: i16,
    pub f12: i32,
    pub f13: i64,
    pub f14: f32,
    pub f15: f64,
    pub f16: String,
    pub f17: bool,
    pub f18: i8,
    pub f19: i16,
    pub f20: i32,
    pub f21: i64,
    pub f22: f32,
    pub f23: f64,
    pub f24: String,
    pub f25: bool,
    pub f26: i8,
    pub f27: i16,
    pub f28: i32,
    pub f29: i64,
    pub f30: f32,
    pub f31: f64,
    pub f32: String,
}

/// `struct_tuple`: fields named `f0` and `f1` on the wire.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Point(pub i32, pub i32);

/// `struct_named`, registered as `example.Person`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
#[fory(namespace = "example", name = "Person")]
pub struct Person {
    pub name: String,
    pub age: i32,
}

/// `evolution_drop_add`: the peers' `Evolving` has `a`, `b: Inner`, `c`; ours drops `b` and
/// adds `d`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Evolving {
    pub a: i32,
    pub c: Vec<String>,
    pub d: i64,
}

/// `evolution_array_to_list` (id 221): the peers declare these fields as primitive arrays (Java
/// `boolean[]`, `short[]`, `int[]`, `long[]`, `float[]`, `double[]`: BOOL_ARRAY ... FLOAT64_ARRAY);
/// ours declares them as lists (`VecDeque<T>` is a LIST of BOOL, INT16, VARINT32, VARINT64,
/// FLOAT32, FLOAT64, as Java's `List<Boolean>` ... `List<Double>`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ArrayToList {
    pub bools: VecDeque<bool>,
    pub shorts: VecDeque<i16>,
    pub ints: VecDeque<i32>,
    pub longs: VecDeque<i64>,
    pub floats: VecDeque<f32>,
    pub doubles: VecDeque<f64>,
    pub empty: VecDeque<i32>,
}

/// `evolution_list_to_array` (id 222): the reverse of [`ArrayToList`]; the peers declare lists
/// (Java `List<Boolean>` ... `List<Double>`), ours primitive arrays (`Vec<T>`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ListToArray {
    pub bools: Vec<bool>,
    pub shorts: Vec<i16>,
    pub ints: Vec<i32>,
    pub longs: Vec<i64>,
    pub floats: Vec<f32>,
    pub doubles: Vec<f64>,
    pub empty: Vec<i32>,
}

/// Registers `ArrayToList` (id 221).
pub fn register_array_to_list(fory: &mut Fory) -> Result<()> {
    fory.register::<ArrayToList>(221)
}

/// Registers `ListToArray` (id 222).
pub fn register_list_to_array(fory: &mut Fory) -> Result<()> {
    fory.register::<ListToArray>(222)
}

/// The struct of the out-of-band cases: a binary and a float64 array field.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Rec {
    pub data: Vec<u8>,
    pub values: Vec<f64>,
}

/// Registers `Rec` (id 300).
pub fn register_rec(fory: &mut Fory) -> Result<()> {
    fory.register::<Rec>(300)
}

/// The struct of the numpy out-of-band cases: a binary beside a float64 and an int32 array
/// (numpy arrays in the Python peer).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Samples {
    pub data: Vec<u8>,
    pub values: Vec<f64>,
    pub ids: Vec<i32>,
}

/// Registers `Samples` (id 301).
pub fn register_samples(fory: &mut Fory) -> Result<()> {
    fory.register::<Samples>(301)
}

/// Registers every struct-case type under its CASES.md id (`Person` by name).
pub fn register_all(fory: &mut Fory) -> Result<()> {
    fory.register::<Color>(101)?;
    fory.register::<Shape>(111)?;
    fory.register::<Primitives>(201)?;
    fory.register::<NullablePrimitives>(202)?;
    fory.register::<Strings>(203)?;
    fory.register::<Outer>(204)?;
    fory.register::<Inner>(205)?;
    fory.register::<Collections>(206)?;
    fory.register::<WithEnum>(207)?;
    fory.register::<WithUnion>(208)?;
    fory.register::<Optionals>(209)?;
    fory.register::<Unsigned>(210)?;
    fory.register::<Tagged>(211)?;
    fory.register::<Pair<String, i32>>(212)?;
    fory.register::<Many>(213)?;
    fory.register::<Point>(214)?;
    fory.register_named::<Person>()
}

/// The registrations of `struct_enum_field_by_name` and `struct_nested_by_name`: the outer
/// structs by id, the enum and the nested struct by name (`example.Color`, `example.Inner`).
pub fn register_by_name_fields(fory: &mut Fory) -> Result<()> {
    fory.register_by_name::<Color>("example", "Color")?;
    fory.register::<WithEnum>(207)?;
    fory.register::<Outer>(204)?;
    fory.register_by_name::<Inner>("example", "Inner")
}

/// Registers `Evolving` alone: the peer's nested `Inner` is skipped without being registered.
pub fn register_evolving(fory: &mut Fory) -> Result<()> {
    fory.register::<Evolving>(220)
}

// ---------------------------------------------------------------------------------------------
// `ref_tree`: a parent / children tree with reference tracking.

/// A tree node of `ref_tree` (id 230): the parent is a `Weak` (dead at the root), the children
/// are shared; `RefCell` lets a child point back to its parent while the parent is being read.
#[derive(ForyObject, Default)]
pub struct Node {
    pub name: String,
    pub parent: std::rc::Weak<std::cell::RefCell<Node>>,
    pub children: Vec<std::rc::Rc<std::cell::RefCell<Node>>>,
}

/// Registers `Node` (id 230).
pub fn register_node(fory: &mut Fory) -> Result<()> {
    fory.register::<Node>(230)
}

// ---------------------------------------------------------------------------------------------
// `ref_self` and `ref_cycle`: a struct that holds itself, and a two-node cycle.

/// `ref_self` (id 231): `me` is the struct itself. A `Weak`, so the struct does not keep itself
/// alive; the root `Rc<RefCell<SelfRef>>` does.
#[derive(ForyObject, Default)]
pub struct SelfRef {
    pub name: String,
    pub me: std::rc::Weak<std::cell::RefCell<SelfRef>>,
}

/// Registers `SelfRef` (id 231).
pub fn register_self_ref(fory: &mut Fory) -> Result<()> {
    fory.register::<SelfRef>(231)
}

/// `ref_cycle` (id 232): `a.next = b`, `b.next = a`. Both links are strong (each node is only
/// reachable through the other), so the cycle is broken by hand once a case is done with it.
#[derive(ForyObject, Default)]
pub struct Link {
    pub name: String,
    pub next: Option<std::rc::Rc<std::cell::RefCell<Link>>>,
}

/// Registers `Link` (id 232).
pub fn register_link(fory: &mut Fory) -> Result<()> {
    fory.register::<Link>(232)
}

// ---------------------------------------------------------------------------------------------
// `polymorphic_list` and `polymorphic_list_field`: a list of user types and scalars.

/// The second user type of the polymorphic list (id 240).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Other {
    pub code: i64,
    pub note: String,
}

/// `polymorphic_list_field` (id 241): a list of anything as a struct field (Java
/// `List<Object>`, Python `List[Any]`, Go `[]any`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Bag {
    pub name: String,
    pub items: Vec<fory_core::Value>,
}

/// The registrations of the polymorphic list cases: `Color` (101), `Inner` (205), `Other`
/// (240), `Bag` (241).
pub fn register_polymorphic(fory: &mut Fory) -> Result<()> {
    fory.register::<Color>(101)?;
    fory.register::<Inner>(205)?;
    fory.register::<Other>(240)?;
    fory.register::<Bag>(241)
}

// ---------------------------------------------------------------------------------------------
// `trait_object_fields`: fields, list elements and map values typed by a trait.

/// The trait of the trait object case (Java's interface `Animal`, Python's base class, Go's
/// interface).
pub trait Animal: fory_core::AsAny + std::fmt::Debug {
    /// What the animal says, to show the trait is there to call.
    fn speak(&self) -> String;
}

/// An `Animal` (id 260).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Dog {
    pub name: String,
    pub volume: i32,
}

/// An `Animal` (id 261).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Cat {
    pub lives: i32,
}

impl Animal for Dog {
    fn speak(&self) -> String {
        format!("{}: woof x{}", self.name, self.volume)
    }
}

impl Animal for Cat {
    fn speak(&self) -> String {
        format!("meow ({} lives)", self.lives)
    }
}

fory_core::register_trait!(Animal, Dog, Cat);

/// `trait_object_fields` (id 262).
#[derive(ForyObject, Debug)]
pub struct Zoo {
    pub star: Box<dyn Animal>,
    pub animals: Vec<Box<dyn Animal>>,
    pub keepers: std::collections::HashMap<String, Box<dyn Animal>>,
}

/// The registrations of `trait_object_fields`: `Dog` (260), `Cat` (261), `Zoo` (262).
pub fn register_zoo(fory: &mut Fory) -> Result<()> {
    fory.register::<Dog>(260)?;
    fory.register::<Cat>(261)?;
    fory.register::<Zoo>(262)
}

/// `trait_object_shared` (id 263): shared trait objects, reference-tracked (Java `@Ref Animal`).
#[derive(ForyObject, Debug)]
pub struct Pen {
    pub first: std::rc::Rc<dyn Animal>,
    pub second: std::rc::Rc<dyn Animal>,
    pub all: Vec<std::rc::Rc<dyn Animal>>,
}

/// The registrations of `trait_object_shared`: `Dog` (260), `Cat` (261), `Pen` (263).
pub fn register_pen(fory: &mut Fory) -> Result<()> {
    fory.register::<Dog>(260)?;
    fory.register::<Cat>(261)?;
    fory.register::<Pen>(263)
}

// ---------------------------------------------------------------------------------------------
// `ref_map_of_lists` and `ref_union_cases`: the reference flags of declared collections and of
// union case values with reference tracking on.

/// `ref_map_of_lists` (id 233): collections whose elements are collections. With tracking on,
/// Java flags the lists in the map and in the outer list `00` in schema-consistent mode (chunk
/// header `2c`, list header `0d`) and not at all in compatible mode (`24`, `0c`), where only a
/// `@Ref` element would be. `VecDeque<i64>` is a LIST of int64 (Java `List<Long>`); `Vec<i64>`
/// would be an INT64_ARRAY.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct RefLists {
    pub by_key: BTreeMap<String, VecDeque<i64>>,
    pub nested: Vec<Vec<String>>,
}

/// Registers `RefLists` (id 233).
pub fn register_ref_lists(fory: &mut Fory) -> Result<()> {
    fory.register::<RefLists>(233)
}

/// The union of `ref_union_cases` (id 112): a number, a string and a struct case.
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum Choice {
    /// Case 0.
    Number(i32),
    /// Case 1.
    Text(String),
    /// Case 2.
    Inner(Inner),
}

impl Default for Choice {
    fn default() -> Self {
        Choice::Number(0)
    }
}

/// `ref_union_cases` (id 234): three fields of one union type, one per case. With tracking on,
/// Java flags a case value `ff` when it is a number or a string and `00` when it is a struct.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Choices {
    pub first: Choice,
    pub second: Choice,
    pub third: Choice,
}

/// The registrations of `ref_union_cases`: `Inner` (205), `Choice` (112), `Choices` (234).
pub fn register_choices(fory: &mut Fory) -> Result<()> {
    fory.register::<Inner>(205)?;
    fory.register::<Choice>(112)?;
    fory.register::<Choices>(234)
}

// ---------------------------------------------------------------------------------------------
// `all_null_lists`: list fields whose elements are all null.

/// `all_null_lists` (id 235): lists of a declared element type holding only nulls. Java writes
/// each as `0e` (same type, declared, has null) and the null flags, and so do pyfory and Go
/// (`Vec<Option<i32>>` is a LIST of int32, Java `List<Integer>`; `Vec<i32>` would be an
/// INT32_ARRAY).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct AllNullLists {
    pub numbers: Vec<Option<f64>>,
    pub texts: Vec<Option<String>>,
    pub counts: Vec<Option<i32>>,
}

/// Registers `AllNullLists` (id 235).
pub fn register_all_null_lists(fory: &mut Fory) -> Result<()> {
    fory.register::<AllNullLists>(235)
}

// ---------------------------------------------------------------------------------------------
// `ref_list_with_nulls`: a list of shared structs holding a null, tracking on.

/// `ref_list_with_nulls` (id 236): `items` is Java's `List<@Ref @Nullable Inner>`. A null is
/// its reference flag (`fd`), so Java's list header has no null bit: `0d` in schema-consistent
/// mode, `09` and the element's TypeDef in compatible mode (found by the generative suite).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct SharedItems {
    pub items: Vec<Option<std::rc::Rc<Inner>>>,
}

/// Registers `Inner` (id 205) and `SharedItems` (id 236).
pub fn register_shared_items(fory: &mut Fory) -> Result<()> {
    fory.register::<Inner>(205)?;
    fory.register::<SharedItems>(236)
}

// ---------------------------------------------------------------------------------------------
// `struct_data_enum`: an enum with data, whose variants with several fields are written as
// union cases holding their generated case structs.

/// The union of `struct_data_enum` (id 113): case 0 a struct variant (case struct `EventClick`,
/// 250), case 1 a tuple variant (`EventPair`, 251, fields `f0`, `f1`), case 2 one string, case 3
/// no value.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub enum Event {
    /// Case 0.
    Click { x: i32, y: i32 },
    /// Case 1.
    Pair(String, i32),
    /// Case 2.
    Key(String),
    /// Case 3.
    #[default]
    Quit,
}

/// `struct_data_enum` (id 252): one field per case of `Event`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EventLog {
    pub click: Event,
    pub pair: Event,
    pub key: Event,
    pub quit: Event,
    pub count: i32,
}

/// The registrations of `struct_data_enum`: `Event` (113), its case structs `EventClick` (250)
/// and `EventPair` (251), `EventLog` (252).
pub fn register_event_log(fory: &mut Fory) -> Result<()> {
    fory.register::<Event>(113)?;
    fory.register::<EventClick>(250)?;
    fory.register::<EventPair>(251)?;
    fory.register::<EventLog>(252)
}

// ---------------------------------------------------------------------------------------------
// `ext_value`, `ext_field` (and `_by_name`, each also `_compatible`), `ext_collections` (also
// `_compatible`): a type with a custom encoding, at the root, as a struct field, and in a list,
// an optional field and a map.

/// An amount of money with a custom encoding (Java: a class registered with its own
/// `Serializer`): an EXT user type registered by id (270), NAMED_EXT by name (`example.Money`).
/// The payload is `cents` as a varint64 and `currency` as a string, nothing else.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
#[fory(ext)]
pub struct Money {
    pub cents: i64,
    pub currency: String,
}

impl ForyExt for Money {
    fn write_ext(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.writer.write_varint64(self.cents);
        // The configured string rule, as a string value would be written (the writer's own
        // `write_str` always follows Java's rule).
        match ctx.config().string_rule {
            StringRule::Java => ctx.writer.write_str(&self.currency),
            StringRule::Utf8 => ctx.writer.write_str_utf8(&self.currency),
        }
    }

    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
        let cents = ctx.reader.read_varint64()?;
        let currency = ctx.reader.read_string()?;
        Ok(Money { cents, currency })
    }
}

/// `ext_field` (id 271): a struct with an ext field. In compatible mode the field's payload
/// follows the ext's type info (`1f 8e02`, or `20` and Money's TypeDef by name), as Java writes
/// it; in schema-consistent mode it has none.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct Invoice {
    pub item: String,
    pub price: Money,
    pub count: i32,
}

/// `ext_collections` (id 272): `Money` as a list element, an optional field and a map value.
/// Java declares the list's element type only in schema-consistent mode (`0c`; `08` and the
/// type info `1f 8e02` in compatible mode) and never the map's value type (chunk header `04`,
/// then `1f 8e02`), as for a struct.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct Wallet {
    pub coins: Vec<Money>,
    pub spare: Option<Money>,
    pub by_owner: BTreeMap<String, Money>,
}

/// The registrations of `ext_collections`: `Money` (270), `Wallet` (272).
pub fn register_wallet(fory: &mut Fory) -> Result<()> {
    register_money(fory)?;
    fory.register::<Wallet>(272)
}

/// Registers `Money` (id 270).
pub fn register_money(fory: &mut Fory) -> Result<()> {
    fory.register::<Money>(270)
}

/// Registers `Money` as `example.Money`.
pub fn register_money_by_name(fory: &mut Fory) -> Result<()> {
    fory.register_by_name::<Money>("example", "Money")
}

/// The registrations of `ext_field`: `Money` (270), `Invoice` (271).
pub fn register_invoice(fory: &mut Fory) -> Result<()> {
    register_money(fory)?;
    fory.register::<Invoice>(271)
}

/// The registrations of `ext_field_by_name`: `Money` as `example.Money`, `Invoice` (271).
pub fn register_invoice_money_by_name(fory: &mut Fory) -> Result<()> {
    register_money_by_name(fory)?;
    fory.register::<Invoice>(271)
}
