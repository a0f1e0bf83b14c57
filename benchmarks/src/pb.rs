//! The benchmark shapes as protobuf messages for prost: hand-written `#[derive(prost::Message)]`
//! structs matching Apache Fory's `benchmarks/proto/bench.proto` field by field (`int32`,
//! `int64`, `float`, `double`, `bool`, `string`, packed repeated scalars, enums as `int32`),
//! so no `protoc` is needed. One difference: `Media.title` and `Image.title` are plain proto3
//! `string`s here (the .proto marks them `optional`), like the other libraries' `String`s.
//!
//! The data Apache Fory's benchmark lacks is written the way a .proto would declare it: packed
//! repeated scalars, `map<string, Item>`, enums as `int32`, the enum with data as a message
//! with a `oneof` (an empty message for the case without a value), and `ItemV2` as `ItemV1`
//! with fields 5 and 7 removed and 9 and 10 added.

use crate::model::{self, FromModel};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum Player {
    Java = 0,
    Flash = 1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum Size {
    Small = 0,
    Large = 1,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct NumericStruct {
    #[prost(int32, tag = "1")]
    pub f1: i32,
    #[prost(int32, tag = "2")]
    pub f2: i32,
    #[prost(int32, tag = "3")]
    pub f3: i32,
    #[prost(int32, tag = "4")]
    pub f4: i32,
    #[prost(int32, tag = "5")]
    pub f5: i32,
    #[prost(int32, tag = "6")]
    pub f6: i32,
    #[prost(int32, tag = "7")]
    pub f7: i32,
    #[prost(int32, tag = "8")]
    pub f8: i32,
    #[prost(int32, tag = "9")]
    pub f9: i32,
    #[prost(int32, tag = "10")]
    pub f10: i32,
    #[prost(int32, tag = "11")]
    pub f11: i32,
    #[prost(int32, tag = "12")]
    pub f12: i32,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Sample {
    #[prost(int32, tag = "1")]
    pub int_value: i32,
    #[prost(int64, tag = "2")]
    pub long_value: i64,
    #[prost(float, tag = "3")]
    pub float_value: f32,
    #[prost(double, tag = "4")]
    pub double_value: f64,
    #[prost(int32, tag = "5")]
    pub short_value: i32,
    #[prost(int32, tag = "6")]
    pub char_value: i32,
    #[prost(bool, tag = "7")]
    pub boolean_value: bool,
    #[prost(int32, tag = "8")]
    pub int_value_boxed: i32,
    #[prost(int64, tag = "9")]
    pub long_value_boxed: i64,
    #[prost(float, tag = "10")]
    pub float_value_boxed: f32,
    #[prost(double, tag = "11")]
    pub double_value_boxed: f64,
    #[prost(int32, tag = "12")]
    pub short_value_boxed: i32,
    #[prost(int32, tag = "13")]
    pub char_value_boxed: i32,
    #[prost(bool, tag = "14")]
    pub boolean_value_boxed: bool,
    #[prost(int32, repeated, tag = "15")]
    pub int_array: Vec<i32>,
    #[prost(int64, repeated, tag = "16")]
    pub long_array: Vec<i64>,
    #[prost(float, repeated, tag = "17")]
    pub float_array: Vec<f32>,
    #[prost(double, repeated, tag = "18")]
    pub double_array: Vec<f64>,
    #[prost(int32, repeated, tag = "19")]
    pub short_array: Vec<i32>,
    #[prost(int32, repeated, tag = "20")]
    pub char_array: Vec<i32>,
    #[prost(bool, repeated, tag = "21")]
    pub boolean_array: Vec<bool>,
    #[prost(string, tag = "22")]
    pub string: String,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Media {
    #[prost(string, tag = "1")]
    pub uri: String,
    #[prost(string, tag = "2")]
    pub title: String,
    #[prost(int32, tag = "3")]
    pub width: i32,
    #[prost(int32, tag = "4")]
    pub height: i32,
    #[prost(string, tag = "5")]
    pub format: String,
    #[prost(int64, tag = "6")]
    pub duration: i64,
    #[prost(int64, tag = "7")]
    pub size: i64,
    #[prost(int32, tag = "8")]
    pub bitrate: i32,
    #[prost(bool, tag = "9")]
    pub has_bitrate: bool,
    #[prost(string, repeated, tag = "10")]
    pub persons: Vec<String>,
    #[prost(enumeration = "Player", tag = "11")]
    pub player: i32,
    #[prost(string, tag = "12")]
    pub copyright: String,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Image {
    #[prost(string, tag = "1")]
    pub uri: String,
    #[prost(string, tag = "2")]
    pub title: String,
    #[prost(int32, tag = "3")]
    pub width: i32,
    #[prost(int32, tag = "4")]
    pub height: i32,
    #[prost(enumeration = "Size", tag = "5")]
    pub size: i32,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct MediaContent {
    #[prost(message, optional, tag = "1")]
    pub media: Option<Media>,
    #[prost(message, repeated, tag = "2")]
    pub images: Vec<Image>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct NumericStructList {
    #[prost(message, repeated, tag = "1")]
    pub struct_list: Vec<NumericStruct>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct SampleList {
    #[prost(message, repeated, tag = "1")]
    pub sample_list: Vec<Sample>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct MediaContentList {
    #[prost(message, repeated, tag = "1")]
    pub media_content_list: Vec<MediaContent>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct F64Array {
    #[prost(double, repeated, tag = "1")]
    pub values: Vec<f64>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TextRecord {
    #[prost(int64, tag = "1")]
    pub id: i64,
    #[prost(string, tag = "2")]
    pub title: String,
    #[prost(string, tag = "3")]
    pub author: String,
    #[prost(string, tag = "4")]
    pub body: String,
    #[prost(string, repeated, tag = "5")]
    pub tags: Vec<String>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TextRecords {
    #[prost(message, repeated, tag = "1")]
    pub records: Vec<TextRecord>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct NumericArrays {
    #[prost(int64, tag = "1")]
    pub id: i64,
    #[prost(double, tag = "2")]
    pub scale: f64,
    #[prost(bool, repeated, tag = "3")]
    pub flags: Vec<bool>,
    #[prost(int32, repeated, tag = "4")]
    pub ints: Vec<i32>,
    #[prost(int64, repeated, tag = "5")]
    pub longs: Vec<i64>,
    #[prost(float, repeated, tag = "6")]
    pub floats: Vec<f32>,
    #[prost(double, repeated, tag = "7")]
    pub doubles: Vec<f64>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TreeNode {
    #[prost(int32, tag = "1")]
    pub id: i32,
    #[prost(string, tag = "2")]
    pub label: String,
    #[prost(double, tag = "3")]
    pub weight: f64,
    #[prost(message, repeated, tag = "4")]
    pub children: Vec<TreeNode>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct DeepTree {
    #[prost(message, optional, tag = "1")]
    pub root: Option<TreeNode>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Item {
    #[prost(int64, tag = "1")]
    pub id: i64,
    #[prost(string, tag = "2")]
    pub name: String,
    #[prost(double, tag = "3")]
    pub price: f64,
    #[prost(int32, tag = "4")]
    pub qty: i32,
}

/// `map<string, Item> items = 1;`
#[derive(Clone, PartialEq, prost::Message)]
pub struct StructMap {
    #[prost(map = "string, message", tag = "1")]
    pub items: std::collections::HashMap<String, Item>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum Status {
    Active = 0,
    Paused = 1,
    Closed = 2,
    Archived = 3,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum Priority {
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Point {
    #[prost(int32, tag = "1")]
    pub x: i32,
    #[prost(int32, tag = "2")]
    pub y: i32,
}

/// The case without a value (`google.protobuf.Empty`'s shape).
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Empty {}

/// The enum with data as a message holding a `oneof`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Event {
    #[prost(oneof = "event::Kind", tags = "1, 2, 3, 4, 5")]
    pub kind: Option<event::Kind>,
}

pub mod event {
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Kind {
        #[prost(string, tag = "1")]
        Text(String),
        #[prost(int64, tag = "2")]
        Count(i64),
        #[prost(double, tag = "3")]
        Ratio(f64),
        #[prost(message, tag = "4")]
        Point(super::Point),
        #[prost(message, tag = "5")]
        Empty(super::Empty),
    }
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Enums {
    #[prost(enumeration = "Status", tag = "1")]
    pub status: i32,
    #[prost(enumeration = "Priority", tag = "2")]
    pub priority: i32,
    #[prost(enumeration = "Status", repeated, tag = "3")]
    pub history: Vec<i32>,
    #[prost(message, repeated, tag = "4")]
    pub events: Vec<Event>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ItemV1 {
    #[prost(int64, tag = "1")]
    pub id: i64,
    #[prost(string, tag = "2")]
    pub name: String,
    #[prost(double, tag = "3")]
    pub price: f64,
    #[prost(int32, tag = "4")]
    pub qty: i32,
    #[prost(string, tag = "5")]
    pub category: String,
    #[prost(bool, tag = "6")]
    pub active: bool,
    #[prost(float, tag = "7")]
    pub rating: f32,
    #[prost(string, tag = "8")]
    pub sku: String,
}

/// [`ItemV1`] evolved: fields 5 and 7 gone (skipped as unknown when read), 9 and 10 new.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ItemV2 {
    #[prost(int64, tag = "1")]
    pub id: i64,
    #[prost(string, tag = "2")]
    pub name: String,
    #[prost(double, tag = "3")]
    pub price: f64,
    #[prost(int32, tag = "4")]
    pub qty: i32,
    #[prost(bool, tag = "6")]
    pub active: bool,
    #[prost(string, tag = "8")]
    pub sku: String,
    #[prost(double, tag = "9")]
    pub discount: f64,
    #[prost(string, repeated, tag = "10")]
    pub labels: Vec<String>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EvolvedV1 {
    #[prost(message, repeated, tag = "1")]
    pub items: Vec<ItemV1>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EvolvedV2 {
    #[prost(message, repeated, tag = "1")]
    pub items: Vec<ItemV2>,
}

crate::from_model_for_all_shapes!();

impl FromModel<model::Status> for i32 {
    fn from_model(value: &model::Status) -> Self {
        match value {
            model::Status::Active => Status::Active as i32,
            model::Status::Paused => Status::Paused as i32,
            model::Status::Closed => Status::Closed as i32,
            model::Status::Archived => Status::Archived as i32,
        }
    }
}

impl FromModel<model::Priority> for i32 {
    fn from_model(value: &model::Priority) -> Self {
        match value {
            model::Priority::Low => Priority::Low as i32,
            model::Priority::Normal => Priority::Normal as i32,
            model::Priority::High => Priority::High as i32,
            model::Priority::Urgent => Priority::Urgent as i32,
        }
    }
}

impl FromModel<model::Event> for Event {
    fn from_model(value: &model::Event) -> Self {
        let kind = match value {
            model::Event::Text(s) => event::Kind::Text(s.clone()),
            model::Event::Count(n) => event::Kind::Count(*n),
            model::Event::Ratio(r) => event::Kind::Ratio(*r),
            model::Event::Point(p) => event::Kind::Point(Point::from_model(p)),
            model::Event::Empty => event::Kind::Empty(Empty {}),
        };
        Event { kind: Some(kind) }
    }
}

impl FromModel<model::Player> for i32 {
    fn from_model(value: &model::Player) -> Self {
        match value {
            model::Player::Java => Player::Java as i32,
            model::Player::Flash => Player::Flash as i32,
        }
    }
}

impl FromModel<model::Size> for i32 {
    fn from_model(value: &model::Size) -> Self {
        match value {
            model::Size::Small => Size::Small as i32,
            model::Size::Large => Size::Large as i32,
        }
    }
}
