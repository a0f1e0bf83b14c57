//! The benchmark shapes for Apache Fory Rust 1.7.7 (crate `fory`, renamed `apache_fory`):
//! `#[derive(ForyStruct)]` structs with tag ids 1..n and `#[fory(array)]` on the primitive
//! vectors (xlang `*_ARRAY` types, as in Apache Fory's own benchmark), `#[derive(ForyEnum)]`
//! unit enums and a `#[derive(ForyUnion)]` enum with data, registered under the same ids as
//! [`crate::ours`].

use apache_fory::{Fory, ForyEnum, ForyStruct, ForyUnion, UnknownCase};

use crate::model::{self, FromModel};

#[derive(ForyEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(i32)]
pub enum Player {
    #[default]
    Java = 0,
    Flash = 1,
}

#[derive(ForyEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(i32)]
pub enum Size {
    #[default]
    Small = 0,
    Large = 1,
}

/// Twelve `int32` fields.
#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
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
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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
    #[fory(id = 15, array)]
    pub int_array: Vec<i32>,
    #[fory(id = 16, array)]
    pub long_array: Vec<i64>,
    #[fory(id = 17, array)]
    pub float_array: Vec<f32>,
    #[fory(id = 18, array)]
    pub double_array: Vec<f64>,
    #[fory(id = 19, array)]
    pub short_array: Vec<i32>,
    #[fory(id = 20, array)]
    pub char_array: Vec<i32>,
    #[fory(id = 21, array)]
    pub boolean_array: Vec<bool>,
    #[fory(id = 22)]
    pub string: String,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
pub struct MediaContent {
    #[fory(id = 1)]
    pub media: Media,
    #[fory(id = 2)]
    pub images: Vec<Image>,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
pub struct NumericStructList {
    #[fory(id = 1)]
    pub struct_list: Vec<NumericStruct>,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct SampleList {
    #[fory(id = 1)]
    pub sample_list: Vec<Sample>,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
pub struct MediaContentList {
    #[fory(id = 1)]
    pub media_content_list: Vec<MediaContent>,
}

/// The large-payload case: one `f64` array (FLOAT64_ARRAY).
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct F64Array {
    #[fory(id = 1, array)]
    pub values: Vec<f64>,
}

/// One document: short strings and a long body.
#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRecords {
    #[fory(id = 1)]
    pub records: Vec<TextRecord>,
}

/// Five primitive arrays (`#[fory(array)]`: the xlang `*_ARRAY` types) and two scalars.
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct NumericArrays {
    #[fory(id = 1)]
    pub id: i64,
    #[fory(id = 2)]
    pub scale: f64,
    #[fory(id = 3, array)]
    pub flags: Vec<bool>,
    #[fory(id = 4, array)]
    pub ints: Vec<i32>,
    #[fory(id = 5, array)]
    pub longs: Vec<i64>,
    #[fory(id = 6, array)]
    pub floats: Vec<f32>,
    #[fory(id = 7, array)]
    pub doubles: Vec<f64>,
}

/// A recursive struct (Apache Fory Rust 1.7.7 takes it in xlang mode).
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct DeepTree {
    #[fory(id = 1)]
    pub root: TreeNode,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct StructMap {
    #[fory(id = 1)]
    pub items: std::collections::HashMap<String, Item>,
}

#[derive(ForyEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(i32)]
pub enum Status {
    #[default]
    Active = 0,
    Paused = 1,
    Closed = 2,
    Archived = 3,
}

#[derive(ForyEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(i32)]
pub enum Priority {
    #[default]
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

#[derive(ForyStruct, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Point {
    #[fory(id = 1)]
    pub x: i32,
    #[fory(id = 2)]
    pub y: i32,
}

/// A UNION with the same case ids as [`crate::ours::Event`]. Apache Fory Rust requires the
/// `#[fory(unknown)]` carrier and one `#[fory(default)]` case, and refuses (at registration,
/// in xlang mode) variants with several fields.
#[derive(ForyUnion, Debug, Clone, PartialEq)]
pub enum Event {
    #[fory(unknown)]
    Unknown(UnknownCase),
    #[fory(id = 0, default)]
    Text(String),
    #[fory(id = 1)]
    Count(i64),
    #[fory(id = 2)]
    Ratio(f64),
    #[fory(id = 3)]
    Point(Point),
    #[fory(id = 4)]
    Empty,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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

/// The `Evolved` reader's item: tags 5 and 7 gone, 9 and 10 new.
#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
pub struct EvolvedV1 {
    #[fory(id = 1)]
    pub items: Vec<ItemV1>,
}

#[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
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

/// An xlang `Fory` in schema-consistent (`compatible = false`) or compatible mode with every
/// benchmark type registered. Everything else is left at its default.
pub fn fory(compatible: bool) -> Fory {
    build(compatible, false)
}

/// [`fory`] for the reader of the `Evolved` case: [`ItemV2`] and [`EvolvedV2`] in place of
/// [`ItemV1`] and [`EvolvedV1`], under the same ids.
pub fn evolved_reader(compatible: bool) -> Fory {
    build(compatible, true)
}

fn build(compatible: bool, evolved: bool) -> Fory {
    let mut fory = Fory::builder().xlang(true).compatible(compatible).build();
    register(&mut fory, evolved).expect("fresh registry");
    fory
}

fn register(fory: &mut Fory, evolved: bool) -> Result<(), apache_fory::Error> {
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
    // `register` refuses a union ("structural category UNION").
    fory.register_union::<Event>(40)?;
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
