//! The benchmark shapes for Apache Fory Rust 1.7.7 (crate `fory`, renamed `apache_fory`):
//! `#[derive(ForyStruct)]` structs with tag ids 1..n and `#[fory(array)]` on the primitive
//! vectors (xlang `*_ARRAY` types, as in Apache Fory's own benchmark), registered under the same
//! ids as [`crate::ours`].

use apache_fory::{Fory, ForyEnum, ForyStruct};

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
crate::from_model_for_all_shapes!();

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
    let mut fory = Fory::builder().xlang(true).compatible(compatible).build();
    register(&mut fory).expect("fresh registry");
    fory
}

fn register(fory: &mut Fory) -> Result<(), apache_fory::Error> {
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
    Ok(())
}
