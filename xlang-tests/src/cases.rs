//! The conformance cases, mirrored by name in every peer (`peers/python/peer.py` holds the same
//! names, values and modes). A case decodes a peer's bytes into its Rust type, checks the value,
//! and re-encodes it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::rc::Rc;

use fory_core::context::{ReadContext, WriteContext};
use fory_core::resolver::{UserKind, UserType};
use fory_core::serializer::{
    read_enum_data, read_enum_type_info, write_enum_data, write_enum_type_info, ForyEnum,
};
use fory_core::types::{Date, Decimal, Duration, Timestamp, TypeId};
use fory_core::{Deserialize, Fory, Result, Serialize, Value};

/// The `Color` enum of the cases (`RED`, `GREEN`, `BLUE` in the peers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Ordinal 0.
    Red,
    /// Ordinal 1.
    Green,
    /// Ordinal 2.
    Blue,
}

impl UserType for Color {
    const KIND: UserKind = UserKind::Enum;
}

impl ForyEnum for Color {
    fn ordinal(&self) -> u32 {
        *self as u32
    }
    fn from_ordinal(ordinal: u32) -> Option<Self> {
        [Color::Red, Color::Green, Color::Blue]
            .get(ordinal as usize)
            .copied()
    }
}

impl Serialize for Color {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        write_enum_type_info::<Self>(ctx)
    }
    fn write_data(&self, ctx: &mut WriteContext<'_>, _declared: bool) -> Result<()> {
        write_enum_data(self, ctx)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        read_enum_type_info::<Self>(ctx)
    }
    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        read_enum_data(ctx)
    }
    fn declared_type_id() -> TypeId {
        TypeId::Enum
    }
}

/// How a case's `Fory` is configured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    /// Compatible mode.
    pub compatible: bool,
    /// Reference tracking.
    pub ref_tracking: bool,
    /// How `Color` is registered: not at all, by id 101, or as `example.Color`.
    pub color: ColorRegistration,
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
    /// The `Fory` for this mode.
    pub fn fory(self) -> Fory {
        let mut fory = Fory::builder()
            .compatible(self.compatible)
            .ref_tracking(self.ref_tracking)
            .build();
        match self.color {
            ColorRegistration::None => {}
            ColorRegistration::ById => fory.register::<Color>(101).expect("fresh registry"),
            ColorRegistration::ByName => fory
                .register_by_name::<Color>("example", "Color")
                .expect("fresh registry"),
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
    /// Decodes `bytes` into the case's type, checks the value, and returns our encoding of it.
    pub check: fn(&Fory, &[u8]) -> std::result::Result<Vec<u8>, String>,
}

fn check_value<T>(fory: &Fory, bytes: &[u8], want: T) -> std::result::Result<Vec<u8>, String>
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    let got: T = fory
        .deserialize(bytes)
        .map_err(|e| format!("decode: {e}"))?;
    if got != want {
        return Err(format!("decoded {got:?}, expected {want:?}"));
    }
    fory.serialize(&got).map_err(|e| format!("encode: {e}"))
}

macro_rules! cases {
    ($($name:ident [$($mode:tt)*]: $ty:ty = $value:expr;)*) => {
        /// Every case.
        pub fn all() -> Vec<Case> {
            vec![$(Case {
                name: stringify!($name),
                mode: Mode { $($mode)* ..Mode::default() },
                byte_equal: true,
                check: |fory, bytes| check_value::<$ty>(fory, bytes, $value),
            },)*]
        }
    };
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
    map_mixed_values []: Value = Value::Map(vec![
        (Value::String(s("a")), Value::Int64(1)),
        (Value::String(s("b")), Value::String(s("x"))),
    ]);
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
}
