//! The benchmark data: the shapes and values of Apache Fory's Rust xlang benchmark
//! (NumericStruct, Sample, MediaContent and a struct holding a list of five of each), as plain
//! Rust types with serde derives. rmp-serde, bincode and serde_json encode these types directly;
//! the other libraries get their own copies of the same shapes (see [`crate::ours`],
//! [`crate::apache`], [`crate::pb`]) built from these values by [`FromModel`].

use serde::{Deserialize, Serialize};

/// How many elements the list cases hold.
pub const LIST_SIZE: usize = 5;

/// Twelve `int32` fields of mixed magnitude: a varint-heavy struct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericStruct {
    pub f1: i32,
    pub f2: i32,
    pub f3: i32,
    pub f4: i32,
    pub f5: i32,
    pub f6: i32,
    pub f7: i32,
    pub f8: i32,
    pub f9: i32,
    pub f10: i32,
    pub f11: i32,
    pub f12: i32,
}

/// The Java benchmark's `Sample`: every primitive twice (Java's boxed and unboxed fields), seven
/// short primitive arrays and a string. Java's `short` and `char` are `i32` here, as in Apache
/// Fory's Rust benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    pub int_value: i32,
    pub long_value: i64,
    pub float_value: f32,
    pub double_value: f64,
    pub short_value: i32,
    pub char_value: i32,
    pub boolean_value: bool,
    pub int_value_boxed: i32,
    pub long_value_boxed: i64,
    pub float_value_boxed: f32,
    pub double_value_boxed: f64,
    pub short_value_boxed: i32,
    pub char_value_boxed: i32,
    pub boolean_value_boxed: bool,
    pub int_array: Vec<i32>,
    pub long_array: Vec<i64>,
    pub float_array: Vec<f32>,
    pub double_array: Vec<f64>,
    pub short_array: Vec<i32>,
    pub char_array: Vec<i32>,
    pub boolean_array: Vec<bool>,
    pub string: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Player {
    #[default]
    Java,
    Flash,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Size {
    #[default]
    Small,
    Large,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    pub uri: String,
    pub title: String,
    pub width: i32,
    pub height: i32,
    pub format: String,
    pub duration: i64,
    pub size: i64,
    pub bitrate: i32,
    pub has_bitrate: bool,
    pub persons: Vec<String>,
    pub player: Player,
    pub copyright: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub uri: String,
    pub title: String,
    pub width: i32,
    pub height: i32,
    pub size: Size,
}

/// The JVM serializers benchmark's media record: strings (two with a non-Latin-1 character),
/// a list of strings, enums and a list of three nested structs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaContent {
    pub media: Media,
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericStructList {
    pub struct_list: Vec<NumericStruct>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleList {
    pub sample_list: Vec<Sample>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaContentList {
    pub media_content_list: Vec<MediaContent>,
}

/// A struct holding one `f64` array: the large-payload case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct F64Array {
    pub values: Vec<f64>,
}

pub fn numeric_struct() -> NumericStruct {
    NumericStruct {
        f1: -12_345,
        f2: 987_654_321,
        f3: -31_415,
        f4: 27_182_818,
        f5: -32_000,
        f6: 1_000_000,
        f7: -999_999_999,
        f8: 42,
        f9: 123_456_789,
        f10: -42,
        f11: 31_415_926,
        f12: -27_182_818,
    }
}

pub fn sample() -> Sample {
    Sample {
        int_value: 123,
        long_value: 1_230_000,
        float_value: 12.345,
        double_value: 1.234_567,
        short_value: 12_345,
        char_value: '!' as i32,
        boolean_value: true,
        int_value_boxed: 321,
        long_value_boxed: 3_210_000,
        float_value_boxed: 54.321,
        double_value_boxed: 7.654_321,
        short_value_boxed: 32_100,
        char_value_boxed: '$' as i32,
        boolean_value_boxed: false,
        int_array: vec![-1234, -123, -12, -1, 0, 1, 12, 123, 1234],
        long_array: vec![
            -123_400, -12_300, -1200, -100, 0, 100, 1200, 12_300, 123_400,
        ],
        float_array: vec![-12.34, -12.3, -12.0, -1.0, 0.0, 1.0, 12.0, 12.3, 12.34],
        double_array: vec![-1.234, -1.23, -12.0, -1.0, 0.0, 1.0, 12.0, 1.23, 1.234],
        short_array: vec![-1234, -123, -12, -1, 0, 1, 12, 123, 1234],
        char_array: "asdfASDF".chars().map(|c| c as i32).collect(),
        boolean_array: vec![true, false, false, true],
        string: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".to_string(),
    }
}

fn image(uri: &str, title: &str, width: i32, height: i32, size: Size) -> Image {
    Image {
        uri: uri.to_string(),
        title: title.to_string(),
        width,
        height,
        size,
    }
}

pub fn media_content() -> MediaContent {
    MediaContent {
        media: Media {
            uri: "http://javaone.com/keynote.ogg".to_string(),
            title: String::new(),
            width: 641,
            height: 481,
            format: "video/theora\u{1234}".to_string(),
            duration: 18_000_001,
            size: 58_982_401,
            bitrate: 0,
            has_bitrate: false,
            persons: vec!["Bill Gates, Jr.".to_string(), "Steven Jobs".to_string()],
            player: Player::Flash,
            copyright: "Copyright (c) 2009, Scooby Dooby Doo".to_string(),
        },
        images: vec![
            image(
                "http://javaone.com/keynote_huge.jpg",
                "Javaone Keynote\u{1234}",
                32_000,
                24_000,
                Size::Large,
            ),
            image(
                "http://javaone.com/keynote_large.jpg",
                "",
                1024,
                768,
                Size::Large,
            ),
            image(
                "http://javaone.com/keynote_small.jpg",
                "",
                320,
                240,
                Size::Small,
            ),
        ],
    }
}

pub fn numeric_struct_list() -> NumericStructList {
    NumericStructList {
        struct_list: vec![numeric_struct(); LIST_SIZE],
    }
}

pub fn sample_list() -> SampleList {
    SampleList {
        sample_list: vec![sample(); LIST_SIZE],
    }
}

pub fn media_content_list() -> MediaContentList {
    MediaContentList {
        media_content_list: vec![media_content(); LIST_SIZE],
    }
}

/// `bytes / 8` values, not all alike (so no encoder can shortcut them).
pub fn f64_array(bytes: usize) -> F64Array {
    F64Array {
        values: (0..bytes / 8).map(|i| i as f64 * 0.5 - 1.0).collect(),
    }
}

/// Builds a library's copy of a model value (each library has its own types for the same
/// shapes). Implemented field by field by [`impl_from_model!`](crate::impl_from_model).
pub trait FromModel<T: ?Sized> {
    fn from_model(value: &T) -> Self;
}

macro_rules! identity {
    ($($t:ty),*) => {
        $(impl FromModel<$t> for $t {
            fn from_model(value: &$t) -> Self {
                value.clone()
            }
        })*
    };
}
identity!(bool, i32, i64, f32, f64, String);

impl<T, U: FromModel<T>> FromModel<Vec<T>> for Vec<U> {
    fn from_model(value: &Vec<T>) -> Self {
        value.iter().map(U::from_model).collect()
    }
}

/// prost's message-typed fields are `Option`s.
impl<T, U: FromModel<T>> FromModel<T> for Option<U> {
    fn from_model(value: &T) -> Self {
        Some(U::from_model(value))
    }
}

/// `impl_from_model! { X { a, b } ... }` in a library's module: `FromModel<model::X> for X`,
/// field by field.
#[macro_export]
macro_rules! impl_from_model {
    ($($name:ident { $($field:ident),* $(,)? })*) => {
        $(impl $crate::model::FromModel<$crate::model::$name> for $name {
            fn from_model(value: &$crate::model::$name) -> Self {
                Self { $($field: $crate::model::FromModel::from_model(&value.$field)),* }
            }
        })*
    };
}

/// [`impl_from_model!`] for every struct shape of the benchmark (the enums are converted by
/// hand: each library represents them differently).
#[macro_export]
macro_rules! from_model_for_all_shapes {
    () => {
        $crate::impl_from_model! {
            NumericStruct { f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12 }
            Sample {
                int_value, long_value, float_value, double_value, short_value, char_value,
                boolean_value, int_value_boxed, long_value_boxed, float_value_boxed,
                double_value_boxed, short_value_boxed, char_value_boxed, boolean_value_boxed,
                int_array, long_array, float_array, double_array, short_array, char_array,
                boolean_array, string
            }
            Media {
                uri, title, width, height, format, duration, size, bitrate, has_bitrate,
                persons, player, copyright
            }
            Image { uri, title, width, height, size }
            MediaContent { media, images }
            NumericStructList { struct_list }
            SampleList { sample_list }
            MediaContentList { media_content_list }
            F64Array { values }
        }
    };
}
