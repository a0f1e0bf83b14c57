//! The benchmark shapes for this project's `fory-core`: `#[derive(ForyObject)]` structs with tag
//! ids 1..n, registered under the ids Apache Fory's benchmark uses (1..11) and, for the data it
//! lacks, 30..43.
//!
//! Arrays: `Vec<i32>`, `Vec<i64>`, `Vec<f32>`, `Vec<f64>` and `Vec<bool>` are the xlang
//! `*_ARRAY` types here by default (Apache Fory Rust needs `#[fory(array)]` for that).

use fory_core::{Fory, ForyObject, StringRule};

use crate::model::{self, FromModel};

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Player {
    #[default]
    Java,
    Flash,
}

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Size {
    #[default]
    Small,
    Large,
}

/// Twelve `int32` fields.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct NumericStruct {
    #[fory(id = 1)]
    pub f1: i32,
    #[fory(id = 2)]
    pub f2: i32,
    #[fory(id = 3)]
    pub f3: i32,
    #[fory(id = 4)]
    pub f4: i32,
    #[fory(id = 5)]
    pub f5: i32,
    #[fory(id = 6)]
    pub f6: i32,
    #[fory(id = 7)]
    pub f7: i32,
    #[fory(id = 8)]
    pub f8: i32,
    #[fory(id = 9)]
    pub f9: i32,
    #[fory(id = 10)]
    pub f10: i32,
    #[fory(id = 11)]
    pub f11: i32,
    #[fory(id = 12)]
    pub f12: i32,
}

/// Primitives, their boxed twins, seven arrays and a string.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Sample {
    #[fory(id = 1)]
    pub int_value: i32,
    #[fory(id = 2)]
    pub long_value: i64,
    #[fory(id = 3)]
    pub float_value: f32,
    #[fory(id = 4)]
    pub double_value: f64,
    #[fory(id = 5)]
    pub short_value: i32,
    #[fory(id = 6)]
    pub char_value: i32,
    #[fory(id = 7)]
    pub boolean_value: bool,
    #[fory(id = 8)]
    pub int_value_boxed: i32,
    #[fory(id = 9)]
    pub long_value_boxed: i64,
    #[fory(id = 10)]
    pub float_value_boxed: f32,
    #[fory(id = 11)]
    pub double_value_boxed: f64,
    #[fory(id = 12)]
    pub short_value_boxed: i32,
    #[fory(id = 13)]
    pub char_value_boxed: i32,
    #[fory(id = 14)]
    pub boolean_value_boxed: bool,
    #[fory(id = 15)]
    pub int_array: Vec<i32>,
    #[fory(id = 16)]
    pub long_array: Vec<i64>,
    #[fory(id = 17)]
    pub float_array: Vec<f32>,
    #[fory(id = 18)]
    pub double_array: Vec<f64>,
    #[fory(id = 19)]
    pub short_array: Vec<i32>,
    #[fory(id = 20)]
    pub char_array: Vec<i32>,
    #[fory(id = 21)]
    pub boolean_array: Vec<bool>,
    #[fory(id = 22)]
    pub string: String,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct Media {
    #[fory(id = 1)]
    pub uri: String,
    #[fory(id = 2)]
    pub title: String,
    #[fory(id = 3)]
    pub width: i32,
    #[fory(id = 4)]
    pub height: i32,
    #[fory(id = 5)]
    pub format: String,
    #[fory(id = 6)]
    pub duration: i64,
    #[fory(id = 7)]
    pub size: i64,
    #[fory(id = 8)]
    pub bitrate: i32,
    #[fory(id = 9)]
    pub has_bitrate: bool,
    #[fory(id = 10)]
    pub persons: Vec<String>,
    #[fory(id = 11)]
    pub player: Player,
    #[fory(id = 12)]
    pub copyright: String,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    #[fory(id = 1)]
    pub uri: String,
    #[fory(id = 2)]
    pub title: String,
    #[fory(id = 3)]
    pub width: i32,
    #[fory(id = 4)]
    pub height: i32,
    #[fory(id = 5)]
    pub size: Size,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct MediaContent {
    #[fory(id = 1)]
    pub media: Media,
    #[fory(id = 2)]
    pub images: Vec<Image>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct NumericStructList {
    #[fory(id = 1)]
    pub struct_list: Vec<NumericStruct>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct SampleList {
    #[fory(id = 1)]
    pub sample_list: Vec<Sample>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct MediaContentList {
    #[fory(id = 1)]
    pub media_content_list: Vec<MediaContent>,
}

/// The large-payload case: one `f64` array (FLOAT64_ARRAY).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct F64Array {
    #[fory(id = 1)]
    pub values: Vec<f64>,
}

/// One document: short strings and a long body.
#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRecord {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub title: String,
    #[fory(id = 3)]
    pub author: String,
    #[fory(id = 4)]
    pub body: String,
    #[fory(id = 5)]
    pub tags: Vec<String>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRecords {
    #[fory(id = 1)]
    pub records: Vec<TextRecord>,
}

/// Five primitive arrays (BOOL_ARRAY, INT32_ARRAY, INT64_ARRAY, FLOAT32_ARRAY, FLOAT64_ARRAY)
/// and two scalars.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct NumericArrays {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub scale: f64,
    #[fory(id = 3)]
    pub flags: Vec<bool>,
    #[fory(id = 4)]
    pub ints: Vec<i32>,
    #[fory(id = 5)]
    pub longs: Vec<i64>,
    #[fory(id = 6)]
    pub floats: Vec<f32>,
    #[fory(id = 7)]
    pub doubles: Vec<f64>,
}

/// A recursive struct: a node holds a list of nodes.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct TreeNode {
    #[fory(id = 1)]
    pub id: i32,
    #[fory(id = 2)]
    pub label: String,
    #[fory(id = 3)]
    pub weight: f64,
    #[fory(id = 4)]
    pub children: Vec<TreeNode>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct DeepTree {
    #[fory(id = 1)]
    pub root: TreeNode,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Item {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub name: String,
    #[fory(id = 3)]
    pub price: f64,
    #[fory(id = 4)]
    pub qty: i32,
}

/// A MAP of STRING to a struct.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct StructMap {
    #[fory(id = 1)]
    pub items: std::collections::HashMap<String, Item>,
}

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Active,
    Paused,
    Closed,
    Archived,
}

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Priority {
    #[default]
    Low,
    Normal,
    High,
    Urgent,
}

#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Point {
    #[fory(id = 1)]
    pub x: i32,
    #[fory(id = 2)]
    pub y: i32,
}

/// A UNION: case ids 0..4 in declaration order, each case one value or (`Empty`) none.
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub enum Event {
    #[fory(default)]
    Text(String),
    Count(i64),
    Ratio(f64),
    Point(Point),
    Empty,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct Enums {
    #[fory(id = 1)]
    pub status: Status,
    #[fory(id = 2)]
    pub priority: Priority,
    #[fory(id = 3)]
    pub history: Vec<Status>,
    #[fory(id = 4)]
    pub events: Vec<Event>,
}

/// The `Evolved` writer's item (tag ids 1..8).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ItemV1 {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub name: String,
    #[fory(id = 3)]
    pub price: f64,
    #[fory(id = 4)]
    pub qty: i32,
    #[fory(id = 5)]
    pub category: String,
    #[fory(id = 6)]
    pub active: bool,
    #[fory(id = 7)]
    pub rating: f32,
    #[fory(id = 8)]
    pub sku: String,
}

/// The `Evolved` reader's item: tags 5 and 7 gone, 9 and 10 new, registered under
/// [`ItemV1`]'s id.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct ItemV2 {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub name: String,
    #[fory(id = 3)]
    pub price: f64,
    #[fory(id = 4)]
    pub qty: i32,
    #[fory(id = 6)]
    pub active: bool,
    #[fory(id = 8)]
    pub sku: String,
    #[fory(id = 9)]
    pub discount: f64,
    #[fory(id = 10)]
    pub labels: Vec<String>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EvolvedV1 {
    #[fory(id = 1)]
    pub items: Vec<ItemV1>,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
pub struct EvolvedV2 {
    #[fory(id = 1)]
    pub items: Vec<ItemV2>,
}

crate::from_model_for_all_shapes!();

impl FromModel<model::Status> for Status {
    fn from_model(value: &model::Status) -> Self {
        match value {
            model::Status::Active => Status::Active,
            model::Status::Paused => Status::Paused,
            model::Status::Closed => Status::Closed,
            model::Status::Archived => Status::Archived,
        }
    }
}

impl FromModel<model::Priority> for Priority {
    fn from_model(value: &model::Priority) -> Self {
        match value {
            model::Priority::Low => Priority::Low,
            model::Priority::Normal => Priority::Normal,
            model::Priority::High => Priority::High,
            model::Priority::Urgent => Priority::Urgent,
        }
    }
}

impl FromModel<model::Event> for Event {
    fn from_model(value: &model::Event) -> Self {
        match value {
            model::Event::Text(s) => Event::Text(s.clone()),
            model::Event::Count(n) => Event::Count(*n),
            model::Event::Ratio(r) => Event::Ratio(*r),
            model::Event::Point(p) => Event::Point(Point::from_model(p)),
            model::Event::Empty => Event::Empty,
        }
    }
}

impl FromModel<model::Player> for Player {
    fn from_model(value: &model::Player) -> Self {
        match value {
            model::Player::Java => Player::Java,
            model::Player::Flash => Player::Flash,
        }
    }
}

impl FromModel<model::Size> for Size {
    fn from_model(value: &model::Size) -> Self {
        match value {
            model::Size::Small => Size::Small,
            model::Size::Large => Size::Large,
        }
    }
}

/// A `Fory` in schema-consistent (`compatible = false`) or compatible mode with every benchmark
/// type registered, writing strings as UTF-8 as Apache Fory Rust does (so both libraries write
/// the same string bytes).
pub fn fory(compatible: bool) -> Fory {
    fory_with(compatible, StringRule::Utf8)
}

/// [`fory`] with strings written by `rule` (the report also measures Java's rule, our default).
pub fn fory_with(compatible: bool, rule: StringRule) -> Fory {
    build(compatible, rule, false)
}

/// [`fory_with`] for the reader of the `Evolved` case: [`ItemV2`] and [`EvolvedV2`] in place
/// of [`ItemV1`] and [`EvolvedV1`], under the same ids.
pub fn evolved_reader(compatible: bool, rule: StringRule) -> Fory {
    build(compatible, rule, true)
}

fn build(compatible: bool, rule: StringRule, evolved: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .string_rule(rule)
        .build();
    register(&mut fory, evolved).expect("fresh registry");
    fory
}

fn register(fory: &mut Fory, evolved: bool) -> fory_core::Result<()> {
    fory.register::<NumericStruct>(1)?;
    fory.register::<Sample>(2)?;
    fory.register::<Media>(3)?;
    fory.register::<Image>(4)?;
    fory.register::<MediaContent>(5)?;
    fory.register::<Player>(6)?;
    fory.register::<Size>(7)?;
    fory.register::<NumericStructList>(8)?;
    fory.register::<SampleList>(9)?;
    fory.register::<MediaContentList>(10)?;
    fory.register::<F64Array>(11)?;
    fory.register::<TextRecord>(30)?;
    fory.register::<TextRecords>(31)?;
    fory.register::<NumericArrays>(32)?;
    fory.register::<TreeNode>(33)?;
    fory.register::<DeepTree>(34)?;
    fory.register::<Item>(35)?;
    fory.register::<StructMap>(36)?;
    fory.register::<Status>(37)?;
    fory.register::<Priority>(38)?;
    fory.register::<Point>(39)?;
    fory.register::<Event>(40)?;
    fory.register::<Enums>(41)?;
    if evolved {
        fory.register::<ItemV2>(42)?;
        fory.register::<EvolvedV2>(43)?;
    } else {
        fory.register::<ItemV1>(42)?;
        fory.register::<EvolvedV1>(43)?;
    }
    Ok(())
}

/// A message read as views into the input (`Msg<'a>`) against its owned twin (`MsgOwned`):
/// the same wire type, registered under the same id in two `Fory` instances.
#[derive(ForyObject, Debug, PartialEq)]
pub struct Msg<'a> {
    #[fory(id = 1)]
    pub name: &'a str,
    #[fory(id = 2)]
    pub tags: Vec<&'a str>,
    #[fory(id = 3)]
    pub payload: &'a [u8],
    #[fory(id = 4)]
    pub samples: std::borrow::Cow<'a, [f64]>,
    #[fory(id = 5)]
    pub seq: i64,
}

/// The owned twin of [`Msg`].
#[derive(ForyObject, Debug, Clone, PartialEq)]
pub struct MsgOwned {
    #[fory(id = 1)]
    pub name: String,
    #[fory(id = 2)]
    pub tags: Vec<String>,
    #[fory(id = 3)]
    pub payload: Vec<u8>,
    #[fory(id = 4)]
    pub samples: Vec<f64>,
    #[fory(id = 5)]
    pub seq: i64,
}

impl MsgOwned {
    /// A message with a 4 KiB payload, 512 samples and eight tags.
    pub fn sample() -> Self {
        MsgOwned {
            name: "sensor-station-42/channel-7".into(),
            tags: (0..8).map(|i| format!("tag-number-{i}")).collect(),
            payload: (0..4096u32).map(|i| (i % 251) as u8).collect(),
            samples: (0..512).map(|i| f64::from(i) * 0.125).collect(),
            seq: 123_456_789,
        }
    }

    /// This message as a [`Msg`] viewing its fields.
    pub fn view(&self) -> Msg<'_> {
        Msg {
            name: &self.name,
            tags: self.tags.iter().map(String::as_str).collect(),
            payload: &self.payload,
            samples: std::borrow::Cow::Borrowed(&self.samples),
            seq: self.seq,
        }
    }
}

/// A schema-consistent `Fory` with [`MsgOwned`] (`borrowed` false) or [`Msg`] registered as 20.
pub fn msg_fory(borrowed: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(false)
        .string_rule(StringRule::Utf8)
        .build();
    if borrowed {
        fory.register_borrowing::<Msg<'static>>(20)
    } else {
        fory.register::<MsgOwned>(20)
    }
    .expect("fresh registry");
    fory
}
