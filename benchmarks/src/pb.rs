//! The benchmark shapes as protobuf messages for prost: hand-written `#[derive(prost::Message)]`
//! structs matching Apache Fory's `benchmarks/proto/bench.proto` field by field (`int32`,
//! `int64`, `float`, `double`, `bool`, `string`, packed repeated scalars, enums as `int32`),
//! so no `protoc` is needed. One difference: `Media.title` and `Image.title` are plain proto3
//! `string`s here (the .proto marks them `optional`), like the other libraries' `String`s.

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

crate::from_model_for_all_shapes!();

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
