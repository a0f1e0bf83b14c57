//! The user types of Apache Fory's Java-driven xlang suite (`XlangTestBase` at v1.6.0), as Rust
//! types. Field names are the Java names in snake_case, which is how the Java side names them in
//! TypeDefs and schema hashes. Nullability follows the Java field: a Java `@Nullable` field is an
//! `Option`, every other field (boxed types included, as xlang mode makes them non-nullable) is a
//! plain value. The compatible-mode "inverted" structs deliberately flip it, as the suite expects.
//!
//! The ids a type is registered under differ between cases, so they are given by the cases, not
//! here.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::rc::{Rc, Weak};

use fory_core::types::{BFloat16, Float16};
use fory_core::ForyObject;

use crate::wire::{FixedI32, FixedU32, MyExt, TaggedI64, TaggedU64};

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/// Java `Color { Green, Red, Blue, White }`.
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Color {
    /// Ordinal 0.
    #[default]
    Green,
    /// Ordinal 1.
    Red,
    /// Ordinal 2.
    Blue,
    /// Ordinal 3.
    White,
}

/// Java `TestEnum { VALUE_A, VALUE_B, VALUE_C }`.
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TestEnum {
    /// `VALUE_A`, ordinal 0.
    #[default]
    ValueA,
    /// `VALUE_B`, ordinal 1.
    ValueB,
    /// `VALUE_C`, ordinal 2.
    ValueC,
}

// ---------------------------------------------------------------------------------------------
// Simple structs
// ---------------------------------------------------------------------------------------------

/// Java `Item { String name; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Item {
    /// `name`.
    pub name: String,
}

/// Java `SimpleStruct` (`test_simple_struct`, `test_named_simple_struct`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct SimpleStruct {
    /// `HashMap<Integer, Double> f1`.
    pub f1: BTreeMap<i32, f64>,
    /// `int f2`.
    pub f2: i32,
    /// `Item f3`.
    pub f3: Item,
    /// `String f4`.
    pub f4: String,
    /// `Color f5`.
    pub f5: Color,
    /// `List<String> f6`.
    pub f6: Vec<String>,
    /// `int f7`.
    pub f7: i32,
    /// `int f8`.
    pub f8: i32,
    /// `int last`.
    pub last: i32,
}

/// Java `Item1` (`test_integer`): two `int` and four `Integer` fields, all non-nullable.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Item1 {
    /// `int f1`.
    pub f1: i32,
    /// `int f2`.
    pub f2: i32,
    /// `Integer f3`.
    pub f3: i32,
    /// `Integer f4`.
    pub f4: i32,
    /// `Integer f5`.
    pub f5: i32,
    /// `Integer f6`.
    pub f6: i32,
}

/// Java `EvolvingOverrideStruct` and `FixedOverrideStruct` (`test_struct_evolving_override`):
/// the same shape, registered under two names.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EvolvingOverrideStruct {
    /// `String f1`.
    pub f1: String,
}

/// Java `FixedOverrideStruct`; see [`EvolvingOverrideStruct`].
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct FixedOverrideStruct {
    /// `String f1`.
    pub f1: String,
}

/// The RustXlangTest's `ExternalUser` (`test_external_type_composition`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ExternalUser {
    /// `String name`.
    pub name: String,
    /// `@UInt32Type long age`: VAR_UINT32.
    pub age: u32,
}

/// Java `VersionCheckStruct` (`test_struct_version_check`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct VersionCheckStruct {
    /// `int f1`.
    pub f1: i32,
    /// `@Nullable String f2`.
    pub f2: Option<String>,
    /// `double f3`.
    pub f3: f64,
}

/// Java `MyStruct { int id; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct MyStruct {
    /// `int id`.
    pub id: i32,
}

/// Java `MyWrapper` (`test_skip_id_custom`, `test_skip_name_custom`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct MyWrapper {
    /// `Color color`.
    pub color: Color,
    /// `MyExt myExt`: a type with a custom serializer.
    pub my_ext: MyExt,
    /// `MyStruct myStruct`.
    pub my_struct: MyStruct,
}

/// Java `EmptyStruct {}`: what compatible readers read a richer struct as.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EmptyStruct {}

// ---------------------------------------------------------------------------------------------
// Containers in structs
// ---------------------------------------------------------------------------------------------

/// Java `StructWithList { List<String> items; }`; elements may be null.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct StructWithList {
    /// `List<String> items`.
    pub items: Vec<Option<String>>,
}

/// Java `StructWithMap { Map<String, String> data; }`; keys and values may be null.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct StructWithMap {
    /// `Map<String, String> data`.
    pub data: BTreeMap<Option<String>, Option<String>>,
}

/// Java `NestedAnnotatedContainerSchemaConsistent` / `...Compatible`:
/// `Map<@UInt32Type(FIXED) Long, List<@UInt64Type(TAGGED) Long>>`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct NestedAnnotatedContainer {
    /// `values`.
    pub values: BTreeMap<FixedU32, Vec<TaggedU64>>,
}

/// Java `SignedNestedAnnotatedContainerSchemaConsistent` / `...Compatible`:
/// `Map<@Int32Type(FIXED) Integer, List<@Int64Type(TAGGED) Long>>`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct SignedNestedAnnotatedContainer {
    /// `values`.
    pub values: BTreeMap<FixedI32, Vec<TaggedI64>>,
}

/// Java `XlangCompatibleInt32ArrayField`: tag 1, an INT32_ARRAY.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct CompatibleInt32ArrayField {
    /// `@ForyField(id = 1) int[] values`.
    #[fory(id = 1)]
    pub values: Vec<i32>,
}

/// Java `XlangCompatibleInt32ListField`: tag 1, a LIST of INT32 (`@Int32Type(encoding = FIXED)
/// Int32List`), each element four bytes.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct CompatibleInt32ListField {
    /// `@ForyField(id = 1) @Int32Type(encoding = FIXED) Int32List values`.
    #[fory(id = 1)]
    pub values: Vec<FixedI32>,
}

/// Java `ReducedPrecisionFloatStruct` (`test_reduced_precision_float_struct`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ReducedPrecisionFloatStruct {
    /// `Float16 float16Value`.
    pub float16_value: Float16,
    /// `BFloat16 bfloat16Value`.
    pub bfloat16_value: BFloat16,
    /// `Float16List float16Array`: Java declares it a LIST of FLOAT16, not a FLOAT16_ARRAY.
    pub float16_array: VecDeque<Float16>,
    /// `BFloat16List bfloat16Array`: a LIST of BFLOAT16, likewise.
    pub bfloat16_array: VecDeque<BFloat16>,
}

// ---------------------------------------------------------------------------------------------
// Polymorphism
// ---------------------------------------------------------------------------------------------

/// Java `Dog implements Animal`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Dog {
    /// `int age`.
    pub age: i32,
    /// `@Nullable String name`.
    pub name: Option<String>,
}

/// Java `Cat implements Animal`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Cat {
    /// `int age`.
    pub age: i32,
    /// `int lives`.
    pub lives: i32,
}

/// Java `AnimalListHolder { List<Animal> animals; }`: each element carries its own type.
#[derive(ForyObject, Debug, Default)]
pub struct AnimalListHolder {
    /// `List<Animal> animals`.
    pub animals: Vec<Box<dyn std::any::Any>>,
}

/// Java `AnimalMapHolder { Map<String, Animal> animal_map; }`.
#[derive(ForyObject, Debug, Default)]
pub struct AnimalMapHolder {
    /// `Map<String, Animal> animal_map`.
    pub animal_map: BTreeMap<String, Box<dyn std::any::Any>>,
}

// ---------------------------------------------------------------------------------------------
// Field-level schema evolution
// ---------------------------------------------------------------------------------------------

/// Java `OneStringFieldStruct { @Nullable String f1; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct OneStringFieldStruct {
    /// `@Nullable String f1`.
    pub f1: Option<String>,
}

/// Java `TwoStringFieldStruct { String f1; String f2; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct TwoStringFieldStruct {
    /// `String f1`.
    pub f1: String,
    /// `String f2`.
    pub f2: String,
}

/// Java `OneEnumFieldStruct { TestEnum f1; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct OneEnumFieldStruct {
    /// `TestEnum f1`.
    pub f1: TestEnum,
}

/// Java `TwoEnumFieldStruct { TestEnum f1; TestEnum f2; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct TwoEnumFieldStruct {
    /// `TestEnum f1`.
    pub f1: TestEnum,
    /// `TestEnum f2`.
    pub f2: TestEnum,
}

/// Java `NullableComprehensiveSchemaConsistent`: same nullability as Java.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct NullableComprehensiveSchemaConsistent {
    /// `byte byteField`.
    pub byte_field: i8,
    /// `short shortField`.
    pub short_field: i16,
    /// `int intField`.
    pub int_field: i32,
    /// `long longField`.
    pub long_field: i64,
    /// `float floatField`.
    pub float_field: f32,
    /// `double doubleField`.
    pub double_field: f64,
    /// `boolean boolField`.
    pub bool_field: bool,
    /// `String stringField`.
    pub string_field: String,
    /// `List<String> listField`.
    pub list_field: Vec<String>,
    /// `Set<String> setField`.
    pub set_field: BTreeSet<String>,
    /// `Map<String, String> mapField`.
    pub map_field: BTreeMap<String, String>,
    /// `@Nullable Integer nullableInt`.
    pub nullable_int: Option<i32>,
    /// `@Nullable Long nullableLong`.
    pub nullable_long: Option<i64>,
    /// `@Nullable Float nullableFloat`.
    pub nullable_float: Option<f32>,
    /// `@Nullable Double nullableDouble`.
    pub nullable_double: Option<f64>,
    /// `@Nullable Boolean nullableBool`.
    pub nullable_bool: Option<bool>,
    /// `@Nullable String nullableString`.
    pub nullable_string: Option<String>,
    /// `@Nullable List<String> nullableList`.
    pub nullable_list: Option<Vec<String>>,
    /// `@Nullable Set<String> nullableSet`.
    pub nullable_set: Option<BTreeSet<String>>,
    /// `@Nullable Map<String, String> nullableMap`.
    pub nullable_map: Option<BTreeMap<String, String>>,
}

/// Java `NullableComprehensiveCompatible`, with nullability inverted on purpose: Java's
/// non-nullable fields are `Option`s here and Java's `@Nullable` fields plain values, so a
/// null from Java becomes the default value (what the suite expects back).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct NullableComprehensiveCompatible {
    /// `byte byteField`.
    pub byte_field: Option<i8>,
    /// `short shortField`.
    pub short_field: Option<i16>,
    /// `int intField`.
    pub int_field: Option<i32>,
    /// `long longField`.
    pub long_field: Option<i64>,
    /// `float floatField`.
    pub float_field: Option<f32>,
    /// `double doubleField`.
    pub double_field: Option<f64>,
    /// `boolean boolField`.
    pub bool_field: Option<bool>,
    /// `Integer boxedInt`.
    pub boxed_int: Option<i32>,
    /// `Long boxedLong`.
    pub boxed_long: Option<i64>,
    /// `Float boxedFloat`.
    pub boxed_float: Option<f32>,
    /// `Double boxedDouble`.
    pub boxed_double: Option<f64>,
    /// `Boolean boxedBool`.
    pub boxed_bool: Option<bool>,
    /// `String stringField`.
    pub string_field: Option<String>,
    /// `List<String> listField`.
    pub list_field: Option<Vec<String>>,
    /// `Set<String> setField`.
    pub set_field: Option<BTreeSet<String>>,
    /// `Map<String, String> mapField`.
    pub map_field: Option<BTreeMap<String, String>>,
    /// `@Nullable Integer nullableInt1`.
    pub nullable_int1: i32,
    /// `@Nullable Long nullableLong1`.
    pub nullable_long1: i64,
    /// `@Nullable Float nullableFloat1`.
    pub nullable_float1: f32,
    /// `@Nullable Double nullableDouble1`.
    pub nullable_double1: f64,
    /// `@Nullable Boolean nullableBool1`.
    pub nullable_bool1: bool,
    /// `@Nullable String nullableString2`.
    pub nullable_string2: String,
    /// `@Nullable List<String> nullableList2`.
    pub nullable_list2: Vec<String>,
    /// `@Nullable Set<String> nullableSet2`.
    pub nullable_set2: BTreeSet<String>,
    /// `@Nullable Map<String, String> nullableMap2`.
    pub nullable_map2: BTreeMap<String, String>,
}

/// Java `UnsignedSchemaConsistentSimple`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct UnsignedSchemaConsistentSimple {
    /// `@UInt64Type(TAGGED) long u64Tagged`.
    #[fory(encoding = "tagged")]
    pub u64_tagged: u64,
    /// `@Nullable @UInt64Type(TAGGED) Long u64TaggedNullable`.
    #[fory(encoding = "tagged")]
    pub u64_tagged_nullable: Option<u64>,
}

/// Java `UnsignedSchemaConsistent`: every unsigned width and encoding, plain and nullable.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct UnsignedSchemaConsistent {
    /// `@UInt8Type int u8Field`.
    pub u8_field: u8,
    /// `@UInt16Type int u16Field`.
    pub u16_field: u16,
    /// `@UInt32Type long u32VarField`.
    pub u32_var_field: u32,
    /// `@UInt32Type(FIXED) long u32FixedField`.
    #[fory(encoding = "fixed")]
    pub u32_fixed_field: u32,
    /// `@UInt64Type(VARINT) long u64VarField`.
    pub u64_var_field: u64,
    /// `@UInt64Type(FIXED) long u64FixedField`.
    #[fory(encoding = "fixed")]
    pub u64_fixed_field: u64,
    /// `@UInt64Type(TAGGED) long u64TaggedField`.
    #[fory(encoding = "tagged")]
    pub u64_tagged_field: u64,
    /// `@Nullable @UInt8Type Integer u8NullableField`.
    pub u8_nullable_field: Option<u8>,
    /// `@Nullable @UInt16Type Integer u16NullableField`.
    pub u16_nullable_field: Option<u16>,
    /// `@Nullable @UInt32Type Long u32VarNullableField`.
    pub u32_var_nullable_field: Option<u32>,
    /// `@Nullable @UInt32Type(FIXED) Long u32FixedNullableField`.
    #[fory(encoding = "fixed")]
    pub u32_fixed_nullable_field: Option<u32>,
    /// `@Nullable @UInt64Type(VARINT) Long u64VarNullableField`.
    pub u64_var_nullable_field: Option<u64>,
    /// `@Nullable @UInt64Type(FIXED) Long u64FixedNullableField`.
    #[fory(encoding = "fixed")]
    pub u64_fixed_nullable_field: Option<u64>,
    /// `@Nullable @UInt64Type(TAGGED) Long u64TaggedNullableField`.
    #[fory(encoding = "tagged")]
    pub u64_tagged_nullable_field: Option<u64>,
}

/// Java `UnsignedSchemaCompatible`, nullability inverted as in
/// [`NullableComprehensiveCompatible`].
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct UnsignedSchemaCompatible {
    /// `@UInt8Type int u8Field1`.
    pub u8_field1: Option<u8>,
    /// `@UInt16Type int u16Field1`.
    pub u16_field1: Option<u16>,
    /// `@UInt32Type long u32VarField1`.
    pub u32_var_field1: Option<u32>,
    /// `@UInt32Type(FIXED) long u32FixedField1`.
    #[fory(encoding = "fixed")]
    pub u32_fixed_field1: Option<u32>,
    /// `@UInt64Type(VARINT) long u64VarField1`.
    pub u64_var_field1: Option<u64>,
    /// `@UInt64Type(FIXED) long u64FixedField1`.
    #[fory(encoding = "fixed")]
    pub u64_fixed_field1: Option<u64>,
    /// `@UInt64Type(TAGGED) long u64TaggedField1`.
    #[fory(encoding = "tagged")]
    pub u64_tagged_field1: Option<u64>,
    /// `@Nullable @UInt8Type Integer u8Field2`.
    pub u8_field2: u8,
    /// `@Nullable @UInt16Type Integer u16Field2`.
    pub u16_field2: u16,
    /// `@Nullable @UInt32Type Long u32VarField2`.
    pub u32_var_field2: u32,
    /// `@Nullable @UInt32Type(FIXED) Long u32FixedField2`.
    #[fory(encoding = "fixed")]
    pub u32_fixed_field2: u32,
    /// `@Nullable @UInt64Type(VARINT) Long u64VarField2`.
    pub u64_var_field2: u64,
    /// `@Nullable @UInt64Type(FIXED) Long u64FixedField2`.
    #[fory(encoding = "fixed")]
    pub u64_fixed_field2: u64,
    /// `@Nullable @UInt64Type(TAGGED) Long u64TaggedField2`.
    #[fory(encoding = "tagged")]
    pub u64_tagged_field2: u64,
}

// ---------------------------------------------------------------------------------------------
// Unions
// ---------------------------------------------------------------------------------------------

/// Java `Union2<String, Long>`: case 0 a string, case 1 a long.
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum StringOrLong {
    /// Case 0.
    Str(String),
    /// Case 1.
    Long(i64),
}

impl Default for StringOrLong {
    fn default() -> Self {
        StringOrLong::Str(String::new())
    }
}

/// Java `StructWithUnion2 { Union2<String, Long> union; }`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct StructWithUnion2 {
    /// `Union2<String, Long> union`.
    pub union: StringOrLong,
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/// Java `RefInnerSchemaConsistent` and `RefInnerCompatible` (same shape).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct RefInner {
    /// `int id`.
    pub id: i32,
    /// `String name`.
    pub name: String,
}

/// Java `RefOuterSchemaConsistent` and `RefOuterCompatible`: two `@Nullable @Ref` fields that
/// point to the same inner value. They are `Rc`s marked `nullable` rather than
/// `Option<Rc<...>>`: fory-core's `Option` does not pass a reference flag (`fe`) on to the
/// `Rc` inside, so an `Option<Rc<T>>` field cannot read the second, back-referencing field.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct RefOuter {
    /// `@Nullable @Ref inner1`.
    #[fory(nullable)]
    pub inner1: Rc<RefInner>,
    /// `@Nullable @Ref inner2`.
    #[fory(nullable)]
    pub inner2: Rc<RefInner>,
}

/// Java `RefOverrideElement`.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RefOverrideElement {
    /// `int id`.
    pub id: i32,
    /// `String name`.
    pub name: String,
}

/// Java `RefOverrideContainer`. Java declares its elements `@Ref(enable = false)`; here they are
/// shared references, as the suite wants the peer to write them (it checks that the reader
/// follows the reference flags on the wire rather than its own annotations).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct RefOverrideContainer {
    /// `List<RefOverrideElement> listField`.
    pub list_field: Vec<Rc<RefOverrideElement>>,
    /// `Set<RefOverrideElement> setField`.
    pub set_field: HashSet<Rc<RefOverrideElement>>,
    /// `Map<String, RefOverrideElement> mapField`.
    pub map_field: BTreeMap<String, Rc<RefOverrideElement>>,
}

/// Java `CircularRefStruct { String name; @Nullable @Ref CircularRefStruct selfRef; }`. Read
/// and written as `Rc<RefCell<CircularRefStruct>>`; `self_ref` points back to that `Rc`.
#[derive(ForyObject, Debug, Default)]
pub struct CircularRefStruct {
    /// `String name`.
    pub name: String,
    /// `@Nullable @Ref CircularRefStruct selfRef`.
    pub self_ref: Weak<RefCell<CircularRefStruct>>,
}
