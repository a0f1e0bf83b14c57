//! The benchmark data: the shapes and values of Apache Fory's Rust xlang benchmark
//! (NumericStruct, Sample, MediaContent and a struct holding a list of five of each), and data
//! it lacks (text in three alphabets, numeric arrays, a recursive tree, a map of structs, enums
//! and unions, a struct that evolved between writer and reader), as plain Rust types with serde
//! derives. rmp-serde, bincode, postcard and serde_json encode these types directly; the other
//! libraries get their own copies of the same shapes (see [`crate::ours`], [`crate::apache`],
//! [`crate::pb`]) built from these values by [`FromModel`].

use std::collections::HashMap;

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

impl<T, U: FromModel<T>> FromModel<HashMap<String, T>> for HashMap<String, U> {
    fn from_model(value: &HashMap<String, T>) -> Self {
        value
            .iter()
            .map(|(k, v)| (k.clone(), U::from_model(v)))
            .collect()
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
            TextRecord { id, title, author, body, tags }
            TextRecords { records }
            NumericArrays { id, scale, flags, ints, longs, floats, doubles }
            TreeNode { id, label, weight, children }
            DeepTree { root }
            Item { id, name, price, qty }
            StructMap { items }
            Point { x, y }
            Enums { status, priority, history, events }
            ItemV1 { id, name, price, qty, category, active, rating, sku }
            ItemV2 { id, name, price, qty, active, sku, discount, labels }
            EvolvedV1 { items }
            EvolvedV2 { items }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Data Apache Fory's benchmark lacks: text in three alphabets, numeric arrays, a deep tree, a
// map of structs, enums and unions, and a struct read back after it evolved. Every value is
// built deterministically (fixed word lists, a fixed-seed generator).

/// How many records the text cases hold.
pub const TEXT_RECORDS: usize = 10;
/// How many elements each array of [`NumericArrays`] holds.
pub const ARRAY_LEN: usize = 256;
/// Children per node and levels of [`DeepTree`]: 1 + 3 + ... + 3^5 = 364 nodes.
pub const TREE_FAN_OUT: usize = 3;
pub const TREE_LEVELS: u32 = 6;
/// Entries of [`StructMap`].
pub const MAP_ENTRIES: usize = 32;
/// Union values in [`Enums`].
pub const ENUM_EVENTS: usize = 32;
/// Items of [`EvolvedV1`].
pub const EVOLVED_ITEMS: usize = 10;

/// One document: short strings (title, author, five tags) and a long one (the body, 1–2 KB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRecord {
    pub id: i64,
    pub title: String,
    pub author: String,
    pub body: String,
    pub tags: Vec<String>,
}

/// Ten [`TextRecord`]s, all in one alphabet (the cases `TextAscii`, `TextLatin1`, `TextCjk`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRecords {
    pub records: Vec<TextRecord>,
}

/// Five primitive arrays of [`ARRAY_LEN`] elements and two scalars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericArrays {
    pub id: i64,
    pub scale: f64,
    pub flags: Vec<bool>,
    pub ints: Vec<i32>,
    pub longs: Vec<i64>,
    pub floats: Vec<f32>,
    pub doubles: Vec<f64>,
}

/// A node of a recursive tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: i32,
    pub label: String,
    pub weight: f64,
    pub children: Vec<TreeNode>,
}

/// A tree of [`TREE_LEVELS`] levels with [`TREE_FAN_OUT`] children per inner node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepTree {
    pub root: TreeNode,
}

/// A map value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: i64,
    pub name: String,
    pub price: f64,
    pub qty: i32,
}

/// [`MAP_ENTRIES`] items by key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructMap {
    pub items: HashMap<String, Item>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Active,
    Paused,
    Closed,
    Archived,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Priority {
    #[default]
    Low,
    Normal,
    High,
    Urgent,
}

/// The struct one union case holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// An enum with data: a UNION on the Fory wire, each variant one value (Apache Fory Rust 1.7.7
/// refuses variants with several fields in xlang mode) or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    Text(String),
    Count(i64),
    Ratio(f64),
    Point(Point),
    Empty,
}

/// Unit enums (ENUM) as fields and in a list, and a list of unions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enums {
    pub status: Status,
    pub priority: Priority,
    pub history: Vec<Status>,
    pub events: Vec<Event>,
}

/// The writer's item: eight fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemV1 {
    pub id: i64,
    pub name: String,
    pub price: f64,
    pub qty: i32,
    pub category: String,
    pub active: bool,
    pub rating: f32,
    pub sku: String,
}

/// The reader's item, evolved from [`ItemV1`]: `category` and `rating` removed, `discount` and
/// `labels` added (defaulted when reading a V1 payload), the other six kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemV2 {
    pub id: i64,
    pub name: String,
    pub price: f64,
    pub qty: i32,
    pub active: bool,
    pub sku: String,
    #[serde(default)]
    pub discount: f64,
    #[serde(default)]
    pub labels: Vec<String>,
}

/// The `Evolved` case as written: [`EVOLVED_ITEMS`] V1 items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvolvedV1 {
    pub items: Vec<ItemV1>,
}

/// The `Evolved` case as read: the same type (same registration) with V2 items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvolvedV2 {
    pub items: Vec<ItemV2>,
}

/// A tiny fixed-seed generator (a 64-bit LCG, Knuth's constants): the same numbers every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0
    }
}

/// The words of one text case.
struct Corpus {
    titles: [&'static str; 5],
    authors: [&'static str; 5],
    sentences: [&'static str; 12],
    tags: [&'static str; 10],
    /// Between sentences: a space, or nothing for CJK prose.
    separator: &'static str,
}

const ASCII: Corpus = Corpus {
    titles: [
        "Notes on River Trade",
        "The Clockmaker's Year",
        "Harbor Traffic Report",
        "Letters From the North",
        "A Survey of Old Trees",
    ],
    authors: [
        "Margaret Hale",
        "Thomas Reed",
        "Alice Monroe",
        "Peter Walsh",
        "Julia Barnes",
    ],
    sentences: [
        "The morning train left the valley station a few minutes after six, carrying mail, tools and a handful of sleepy passengers.",
        "Along the river the old warehouses have been turned into workshops where carpenters repair boats for the summer season.",
        "Every report from the northern farms mentioned the same problem: too much rain in spring and not enough sun in August.",
        "She kept a small notebook in her coat pocket and wrote down the price of bread in each town she visited.",
        "The committee agreed to meet again next Thursday, after the engineers have measured the bridge and checked the old drawings.",
        "Most of the letters were short, practical and polite, asking for seeds, nails, paper or news of relatives abroad.",
        "In the library the reading room stays open until nine, and students often share the long oak tables in silence.",
        "A careful count of the harbor traffic showed forty ships in March, twice the number recorded a year earlier.",
        "The recipe calls for flour, butter, two eggs, a pinch of salt and enough patience to let the dough rest overnight.",
        "When the wind turned east the fishermen pulled their nets early and waited for calmer water before going out again.",
        "Our new survey of the city counts every tree, bench and lamp post, and the results will be published in the autumn.",
        "He repaired clocks for a living and claimed that each one had its own voice, if you listened long enough.",
    ],
    tags: [
        "travel", "history", "river", "trade", "notes", "city", "food", "weather", "science",
        "letters",
    ],
    separator: " ",
};

const LATIN1: Corpus = Corpus {
    titles: [
        "Les châteaux oubliés",
        "Grüße aus München",
        "Años de la montaña",
        "Été à la campagne",
        "Die Brücke am Fluss",
    ],
    authors: [
        "Hélène Dubois",
        "Jürgen Schäfer",
        "Begoña Núñez",
        "François Lévy",
        "Björn Müller",
    ],
    sentences: [
        "Le matin, la boulangère ouvre sa boutique à six heures et vend des croissants dorés aux ouvriers pressés.",
        "À la fin de l'été, les enfants reviennent à l'école avec des cahiers neufs et des crayons bien taillés.",
        "Über den Bergen zieht ein Gewitter auf, und die Bauern bringen das Heu schnell in die Scheune.",
        "Die Straßenbahn fährt jeden Tag pünktlich um Viertel nach acht über die große Brücke am Fluss.",
        "El niño pequeño corrió por el jardín detrás de una mariposa amarilla mientras su abuela sonreía.",
        "¿Dónde está la estación? preguntó el señor con un mapa arrugado en la mano izquierda.",
        "Ce château médiéval, perché sur une colline, attire chaque année des milliers de visiteurs curieux.",
        "Müller und Schäfer besprechen im Büro die Pläne für das nächste Geschäftsjahr bei einer Tasse Kaffee.",
        "La señora Muñoz enseña matemáticas y música en una escuela rural cerca de la montaña.",
        "Les élèves ont étudié la géographie de la côte atlantique et dessiné des phares très précis.",
        "Im Frühling blühen die Bäume im Stadtpark, und ältere Leute füttern die Vögel am Teich.",
        "¡Qué alegría! Mañana llegarán los primos de Córdoba para celebrar el cumpleaños de Inés.",
    ],
    tags: [
        "été", "größe", "niño", "café", "müde", "año", "forêt", "straße", "señal", "crème",
    ],
    separator: " ",
};

const CJK: Corpus = Corpus {
    titles: [
        "河边的旧仓库与小船",
        "朝の市場と漁師たち",
        "图书馆里的安静夜晚",
        "秋の山と赤い木々",
        "北方农场的春天报告",
    ],
    authors: ["王小明", "山田花子", "李春华", "佐藤健一", "陈静怡"],
    sentences: [
        "清晨的火车准时从山谷车站出发，车厢里坐满了去城里上班的人。",
        "河边的旧仓库已经改建成工作室，木匠们在那里修理夏天用的小船。",
        "图书馆的阅览室一直开到晚上九点，学生们常常安静地坐在长桌旁读书。",
        "她在外套口袋里放着一个小本子，记下每个城镇面包的价格。",
        "委员会决定下周四再开会，等工程师测量完大桥之后再做决定。",
        "今年春天雨水太多，北方农场的报告都提到了同样的问题。",
        "朝の市場では、漁師たちがとれたばかりの魚を並べて大きな声で客を呼んでいる。",
        "駅前の小さな本屋は、古い地図や旅行記をたくさん集めていることで知られている。",
        "秋になると、山の木々が赤や黄色に染まり、多くの人が写真を撮りに訪れる。",
        "祖母は毎晩、台所で味噌汁を作りながら昔の話を静かに聞かせてくれた。",
        "新しい調査では、町のすべての木と街灯とベンチの数が記録された。",
        "風が東に変わると、漁船は早めに港へ戻り、波が静まるのを待った。",
    ],
    tags: [
        "旅行", "历史", "河流", "天气", "城市", "料理", "写真", "科学", "音楽", "手紙",
    ],
    separator: "",
};

/// Body length to reach, in UTF-8 bytes (the last sentence may pass it).
const BODY_BYTES: usize = 1400;

fn text_records(corpus: &Corpus) -> TextRecords {
    let records = (0..TEXT_RECORDS)
        .map(|i| {
            let mut body = String::new();
            // Sentences in a different order for each record.
            let mut k = 0;
            while body.len() < BODY_BYTES {
                if !body.is_empty() {
                    body.push_str(corpus.separator);
                }
                body.push_str(corpus.sentences[(i * 5 + k * 7) % corpus.sentences.len()]);
                k += 1;
            }
            TextRecord {
                id: 1_000_003 + 7_919 * i as i64,
                title: corpus.titles[i % corpus.titles.len()].to_string(),
                author: corpus.authors[(i * 3) % corpus.authors.len()].to_string(),
                body,
                tags: (0..5)
                    .map(|t| corpus.tags[(i + t * 3) % corpus.tags.len()].to_string())
                    .collect(),
            }
        })
        .collect();
    TextRecords { records }
}

/// English prose, every character ASCII.
pub fn text_ascii() -> TextRecords {
    text_records(&ASCII)
}

/// French, German and Spanish prose: ASCII with accented letters, every character at most
/// U+00FF (Latin-1).
pub fn text_latin1() -> TextRecords {
    text_records(&LATIN1)
}

/// Chinese and Japanese prose, every character above U+00FF (3 bytes in UTF-8, 2 in UTF-16).
pub fn text_cjk() -> TextRecords {
    text_records(&CJK)
}

pub fn numeric_arrays() -> NumericArrays {
    let mut rng = Lcg(0x5eed_0001);
    let mut flags = Vec::with_capacity(ARRAY_LEN);
    let mut ints = Vec::with_capacity(ARRAY_LEN);
    let mut longs = Vec::with_capacity(ARRAY_LEN);
    let mut floats = Vec::with_capacity(ARRAY_LEN);
    let mut doubles = Vec::with_capacity(ARRAY_LEN);
    for i in 0..ARRAY_LEN {
        let x = rng.next();
        flags.push(x >> 63 == 1);
        // Mixed magnitudes, so that varint encoders see small and large values.
        let int = ((x >> 32) as i32) >> (i % 28);
        ints.push(int);
        longs.push((rng.next() as i64) >> (i % 60));
        floats.push(int as f32 / 64.0);
        // Multiples of 1/1024: exact in decimal, so serde_json reads back the same bits.
        doubles.push(((x >> 40) as i64 - (1 << 23)) as f64 / 1024.0);
    }
    NumericArrays {
        id: 987_654_321_012,
        scale: 0.001_25,
        flags,
        ints,
        longs,
        floats,
        doubles,
    }
}

fn tree_node(level: u32, next_id: &mut i32) -> TreeNode {
    let id = *next_id;
    *next_id += 1;
    let children = if level + 1 < TREE_LEVELS {
        (0..TREE_FAN_OUT)
            .map(|_| tree_node(level + 1, next_id))
            .collect()
    } else {
        Vec::new()
    };
    TreeNode {
        id,
        label: format!("node-{level}-{id}"),
        weight: f64::from(id) * 0.75 - f64::from(level),
        children,
    }
}

pub fn deep_tree() -> DeepTree {
    DeepTree {
        root: tree_node(0, &mut 1),
    }
}

pub fn struct_map() -> StructMap {
    const NAMES: [&str; 8] = [
        "bolt", "washer", "hinge", "bracket", "spring", "gasket", "pulley", "rivet",
    ];
    let items = (0..MAP_ENTRIES)
        .map(|i| {
            let id = 40_000 + 37 * i as i64;
            let name = format!("{} {}", NAMES[i % NAMES.len()], i / NAMES.len() + 1);
            let item = Item {
                id,
                name,
                price: 0.25 + i as f64 * 1.75,
                qty: (i as i32 * 13) % 50,
            };
            (format!("sku-{id:06}"), item)
        })
        .collect();
    StructMap { items }
}

pub fn enums() -> Enums {
    const STATUSES: [Status; 4] = [
        Status::Active,
        Status::Paused,
        Status::Closed,
        Status::Archived,
    ];
    let events = (0..ENUM_EVENTS)
        .map(|i| match i % 5 {
            0 => Event::Text(format!("event {i}")),
            1 => Event::Count(i as i64 * 1_000 - 7_000),
            2 => Event::Ratio(i as f64 / 8.0),
            3 => Event::Point(Point {
                x: i as i32 * 3 - 40,
                y: 100 - i as i32,
            }),
            _ => Event::Empty,
        })
        .collect();
    Enums {
        status: Status::Paused,
        priority: Priority::High,
        history: (0..16).map(|i| STATUSES[(i * 3) % 4]).collect(),
        events,
    }
}

pub fn evolved_v1() -> EvolvedV1 {
    const CATEGORIES: [&str; 3] = ["tools", "garden", "kitchen"];
    let items = (0..EVOLVED_ITEMS)
        .map(|i| ItemV1 {
            id: 7_000_000 + 101 * i as i64,
            name: format!("product number {i}"),
            // Cents divided by 100: read back to the same bits by serde_json.
            price: (999 + 250 * i) as f64 / 100.0,
            qty: 3 + i as i32 * 4,
            category: CATEGORIES[i % CATEGORIES.len()].to_string(),
            active: i % 3 != 0,
            rating: 2.5 + (i % 5) as f32 * 0.5,
            sku: format!("SKU-{:05}", 31 * i + 7),
        })
        .collect();
    EvolvedV1 { items }
}

/// What a V2 reader reads from [`evolved_v1`]'s payload: the kept fields, the new ones at their
/// defaults.
pub fn evolved_v2_expected() -> EvolvedV2 {
    EvolvedV2 {
        items: evolved_v1()
            .items
            .into_iter()
            .map(|v1| ItemV2 {
                id: v1.id,
                name: v1.name,
                price: v1.price,
                qty: v1.qty,
                active: v1.active,
                sku: v1.sku,
                discount: 0.0,
                labels: Vec::new(),
            })
            .collect(),
    }
}
