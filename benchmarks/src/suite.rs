//! The benchmarks themselves (criterion), the round-trip checks that run before them, and the
//! payload comparison between the two Fory libraries.
//!
//! Benchmark ids are `"{data}/{operation}/{library}"`, e.g. `"Sample/deserialize/ours-compatible"`
//! or `"F64Array 1 MiB/serialize/ours-oob"`; the report reads them back from criterion's output.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use fory_core::StringRule;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::{self, FromModel};
use crate::{apache, ours, pb};

/// The data cases in report order: the six of Apache Fory's Rust xlang benchmark, in its order,
/// then the data it lacks (text in three alphabets, numeric arrays, a deep tree, a map of
/// structs, enums and unions, and a struct read back after it evolved).
pub const DATA: [&str; 14] = [
    "NumericStruct",
    "Sample",
    "MediaContent",
    "NumericStructList",
    "SampleList",
    "MediaContentList",
    "TextAscii",
    "TextLatin1",
    "TextCjk",
    "NumericArrays",
    "DeepTree",
    "StructMap",
    "Enums",
    "Evolved",
];

/// The libraries in report order: the two Fory libraries come in both modes.
pub const FORY_LIBS: [&str; 2] = ["ours", "apache"];
pub const OTHER_LIBS: [&str; 5] = ["prost", "rmp-serde", "bincode", "postcard", "serde_json"];
pub const MODES: [&str; 2] = ["consistent", "compatible"];
pub const OPS: [&str; 2] = ["serialize", "deserialize"];

/// Our library with strings written by Java's rule (its default), measured against `ours`
/// (UTF-8) in every data case: benchmark ids `{data}/{op}/ours-java-{mode}`.
pub const OURS_JAVA: &str = "ours-java";

/// The large-array sizes: (label, bytes of f64 data).
pub const LARGE: [(&str, usize); 3] =
    [("1 KiB", 1 << 10), ("1 MiB", 1 << 20), ("64 MiB", 64 << 20)];

/// Criterion settings: short by default so that the whole suite takes a few minutes.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub warm_up: Duration,
    pub measurement: Duration,
    pub sample_size: usize,
    /// Times the report runs the whole suite; it keeps each benchmark's fastest median.
    pub rounds: u32,
}

impl Settings {
    /// From `BENCH_WARMUP_MS` (default 300), `BENCH_MEASURE_MS` (default 1000),
    /// `BENCH_SAMPLES` (default 30, at least 10) and `BENCH_ROUNDS` (default 3, at least 1).
    pub fn from_env() -> Self {
        fn var(name: &str, default: u64) -> u64 {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(default)
        }
        Settings {
            warm_up: Duration::from_millis(var("BENCH_WARMUP_MS", 300)),
            measurement: Duration::from_millis(var("BENCH_MEASURE_MS", 1000)),
            sample_size: var("BENCH_SAMPLES", 30).max(10) as usize,
            rounds: var("BENCH_ROUNDS", 3).clamp(1, 100) as u32,
        }
    }

    pub fn apply(self, c: Criterion) -> Criterion {
        c.warm_up_time(self.warm_up)
            .measurement_time(self.measurement)
            .sample_size(self.sample_size)
            .nresamples(10_000)
            .without_plots()
    }
}

/// Everything a data case needs from each library: the model type (encoded by the serde
/// libraries) and its twin in each of the others.
pub(crate) trait Case: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug {
    type Ours: FromModel<Self>
        + fory_core::Serialize
        + for<'de> fory_core::Deserialize<'de>
        + PartialEq
        + std::fmt::Debug;
    type Apache: FromModel<Self>
        + apache_fory::Serializer<Target = Self::Apache>
        + PartialEq
        + std::fmt::Debug;
    type Pb: FromModel<Self> + prost::Message + Default + PartialEq + std::fmt::Debug;
    /// This type is the `Evolved` case's reader: it reads another type's payload (registered
    /// under the same ids), so only compatible mode and the formats that can skip and default
    /// fields apply.
    const EVOLVED_READER: bool = false;
}

macro_rules! case {
    ($($name:ident),*) => {
        $(impl Case for model::$name {
            type Ours = ours::$name;
            type Apache = apache::$name;
            type Pb = pb::$name;
        })*
    };
}
case!(
    NumericStruct,
    Sample,
    MediaContent,
    NumericStructList,
    SampleList,
    MediaContentList,
    TextRecords,
    NumericArrays,
    DeepTree,
    StructMap,
    Enums,
    EvolvedV1
);

impl Case for model::EvolvedV2 {
    type Ours = ours::EvolvedV2;
    type Apache = apache::EvolvedV2;
    type Pb = pb::EvolvedV2;
    const EVOLVED_READER: bool = true;
}

/// Calls `$f::<W, R>(name, &written, &expected, $args)` for each data case: the value written,
/// and the value a reader of type `R` must read back (the same value, except for `Evolved`,
/// whose reader has the evolved struct).
macro_rules! for_each_case {
    ($f:ident($($arg:expr),*)) => {{
        let v = model::numeric_struct();
        $f("NumericStruct", &v, &v, $($arg),*);
        let v = model::sample();
        $f("Sample", &v, &v, $($arg),*);
        let v = model::media_content();
        $f("MediaContent", &v, &v, $($arg),*);
        let v = model::numeric_struct_list();
        $f("NumericStructList", &v, &v, $($arg),*);
        let v = model::sample_list();
        $f("SampleList", &v, &v, $($arg),*);
        let v = model::media_content_list();
        $f("MediaContentList", &v, &v, $($arg),*);
        let v = model::text_ascii();
        $f("TextAscii", &v, &v, $($arg),*);
        let v = model::text_latin1();
        $f("TextLatin1", &v, &v, $($arg),*);
        let v = model::text_cjk();
        $f("TextCjk", &v, &v, $($arg),*);
        let v = model::numeric_arrays();
        $f("NumericArrays", &v, &v, $($arg),*);
        let v = model::deep_tree();
        $f("DeepTree", &v, &v, $($arg),*);
        let v = model::struct_map();
        $f("StructMap", &v, &v, $($arg),*);
        let v = model::enums();
        $f("Enums", &v, &v, $($arg),*);
        $f("Evolved", &model::evolved_v1(), &model::evolved_v2_expected(), $($arg),*);
    }};
}

/// The modes a reader of type `R` is measured in.
pub(crate) fn modes<R: Case>() -> &'static [&'static str] {
    if R::EVOLVED_READER {
        &MODES[1..]
    } else {
        &MODES
    }
}

/// Our `Fory` that reads `R` where the writer's cannot: the `Evolved` reader, with the evolved
/// structs registered. `None` for every other case, which reads with the writing `Fory` (as
/// the benchmarks always have).
pub(crate) fn ours_evolved_reader<R: Case>(
    compatible: bool,
    rule: StringRule,
) -> Option<fory_core::Fory> {
    R::EVOLVED_READER.then(|| ours::evolved_reader(compatible, rule))
}

/// Apache Fory's [`ours_evolved_reader`].
pub(crate) fn apache_evolved_reader<R: Case>(compatible: bool) -> Option<apache_fory::Fory> {
    R::EVOLVED_READER.then(|| apache::evolved_reader(compatible))
}

/// Our library's two string rules: the report's `ours` and `ours-java`.
const OURS_RULES: [(&str, StringRule); 2] =
    [("ours", StringRule::Utf8), (OURS_JAVA, StringRule::Java)];

fn bincode_config() -> bincode::config::Configuration {
    bincode::config::standard()
}

fn rmp_encode<T: Serialize>(value: &T, buf: &mut Vec<u8>) {
    buf.clear();
    // Field names in the payload (a map per struct), as Apache Fory's benchmark writes it: the
    // schema-evolving msgpack form.
    value
        .serialize(&mut rmp_serde::Serializer::new(buf).with_struct_map())
        .expect("msgpack");
}

fn mode_flag(mode: &str) -> bool {
    mode == "compatible"
}

/// Serialize and deserialize with every library once and check each result equals the input
/// (for `Evolved`: that the evolved reader has the kept fields and the new ones defaulted).
/// Panics on the first mismatch: a benchmark of a codec that does not round-trip means nothing.
pub fn check_round_trips() {
    crate::rows::check();
    fn check<W: Case, R: Case>(name: &str, value: &W, expected: &R) {
        for &mode in modes::<R>() {
            let compatible = mode_flag(mode);
            let o = W::Ours::from_model(value);
            let want = R::Ours::from_model(expected);
            for (lib, rule) in OURS_RULES {
                let writer = ours::fory_with(compatible, rule);
                let bytes = writer
                    .serialize(&o)
                    .unwrap_or_else(|e| panic!("{name} {lib} {mode}: serialize: {e}"));
                let evolved = ours_evolved_reader::<R>(compatible, rule);
                let back: R::Ours = evolved
                    .as_ref()
                    .unwrap_or(&writer)
                    .deserialize(&bytes)
                    .unwrap_or_else(|e| panic!("{name} {lib} {mode}: deserialize: {e}"));
                assert_eq!(back, want, "{name} {lib} {mode}");
            }

            let a = W::Apache::from_model(value);
            let writer = apache::fory(compatible);
            let bytes = writer
                .serialize(&a)
                .unwrap_or_else(|e| panic!("{name} apache {mode}: serialize: {e}"));
            let evolved = apache_evolved_reader::<R>(compatible);
            let back: R::Apache = evolved
                .as_ref()
                .unwrap_or(&writer)
                .deserialize(&bytes)
                .unwrap_or_else(|e| panic!("{name} apache {mode}: deserialize: {e}"));
            assert_eq!(
                back,
                R::Apache::from_model(expected),
                "{name} apache {mode}"
            );
        }
        let p = W::Pb::from_model(value);
        let back = <R::Pb as prost::Message>::decode(prost::Message::encode_to_vec(&p).as_slice())
            .expect("prost");
        assert_eq!(back, R::Pb::from_model(expected), "{name} prost");
        let mut buf = Vec::new();
        rmp_encode(value, &mut buf);
        assert_eq!(
            &rmp_serde::from_slice::<R>(&buf).expect("rmp"),
            expected,
            "{name} rmp-serde"
        );
        if !R::EVOLVED_READER {
            let bytes = bincode::serde::encode_to_vec(value, bincode_config()).expect("bincode");
            let (back, _): (R, usize) =
                bincode::serde::decode_from_slice(&bytes, bincode_config()).expect("bincode");
            assert_eq!(&back, expected, "{name} bincode");
            let bytes = postcard::to_stdvec(value).expect("postcard");
            let back: R = postcard::from_bytes(&bytes).expect("postcard");
            assert_eq!(&back, expected, "{name} postcard");
        }
        let json = serde_json::to_vec(value).expect("json");
        assert_eq!(
            &serde_json::from_slice::<R>(&json).expect("json"),
            expected,
            "{name} serde_json"
        );
    }
    check_text_alphabets();
    for_each_case!(check());
    borrowed_inputs();

    for (label, bytes) in LARGE {
        let value = model::f64_array(bytes);
        let o = ours::F64Array::from_model(&value);
        let f = ours::fory(false);
        let frame = f
            .serialize_with_callback(&o, fory_core::oob::AllOutOfBand)
            .expect("ours: oob serialize");
        let buffers: Vec<&[u8]> = frame.buffers.iter().map(|b| b.as_bytes()).collect();
        assert_eq!(buffers.len(), 1, "{label}: one out-of-band buffer");
        let back: ours::F64Array = f
            .deserialize_with_buffers(&frame.main, &buffers)
            .expect("ours: oob deserialize");
        assert_eq!(back, o, "{label} ours oob");
        let back: ours::F64Array = f.deserialize(&f.serialize(&o).unwrap()).unwrap();
        assert_eq!(back, o, "{label} ours in-band");
        let a = apache::F64Array::from_model(&value);
        let f = apache::fory(false);
        let back: apache::F64Array = f.deserialize(&f.serialize(&a).unwrap()).unwrap();
        assert_eq!(back, a, "{label} apache in-band");
    }
    check_transports();
}

/// The text cases hold what their names say: ASCII; Latin-1 with accented letters; CJK only;
/// each record with short strings and a body of 1-2 KB.
fn check_text_alphabets() {
    fn check(name: &str, value: &model::TextRecords, fits: fn(char) -> bool) {
        assert_eq!(value.records.len(), model::TEXT_RECORDS, "{name}");
        for r in &value.records {
            let strings = [&r.title, &r.author, &r.body].into_iter().chain(&r.tags);
            for s in strings {
                assert!(s.chars().all(fits), "{name}: {s:?}");
            }
            assert!(
                (1000..=2048).contains(&r.body.len()),
                "{name}: body of {} bytes",
                r.body.len()
            );
            assert!(r.title.len() <= 40 && r.tags.len() == 5, "{name}");
        }
    }
    check("TextAscii", &model::text_ascii(), |c| c.is_ascii());
    check("TextLatin1", &model::text_latin1(), |c| {
        u32::from(c) <= 0xff
    });
    check("TextCjk", &model::text_cjk(), |c| u32::from(c) > 0xff);
    let latin1 = model::text_latin1();
    assert!(latin1
        .records
        .iter()
        .all(|r| !r.body.is_ascii() && !r.title.is_ascii()));
}

/// Registers every benchmark with `c`.
pub fn benches(c: &mut Criterion) {
    crate::scaling::benches(c);
    for_each_case!(bench_case(c));
    bench_large(c);
    bench_borrowed(c);
    bench_transport(c);
    crate::transport::benches(c);
    crate::rows::benches(c);
}

/// The inputs of the borrowing-struct benchmark: the payload in-band, and out-of-band (main
/// buffer and buffers). Panics unless both read back equal, and the borrowed struct borrows
/// its payload and samples from the input.
pub fn borrowed_inputs() -> (Vec<u8>, Vec<u8>, Vec<Vec<u8>>) {
    let value = ours::MsgOwned::sample();
    let (owned, borrowed) = (ours::msg_fory(false), ours::msg_fory(true));
    let inband = owned.serialize(&value).expect("ours: serialize Msg");
    assert_eq!(inband, borrowed.serialize(&value.view()).unwrap());
    let frame = owned
        .serialize_with_callback(&value, fory_core::oob::AllOutOfBand)
        .expect("ours: oob serialize Msg");
    let buffers: Vec<Vec<u8>> = frame
        .buffers
        .iter()
        .map(|b| b.as_bytes().to_vec())
        .collect();
    let slices: Vec<&[u8]> = buffers.iter().map(Vec::as_slice).collect();
    let back: ours::MsgOwned = owned.deserialize(&inband).unwrap();
    assert_eq!(back, value);
    let back: ours::MsgOwned = owned
        .deserialize_with_buffers(&frame.main, &slices)
        .unwrap();
    assert_eq!(back, value);
    let view: ours::Msg<'_> = borrowed.deserialize(&inband).unwrap();
    assert_eq!(view, value.view());
    assert!(inband.as_ptr_range().contains(&view.payload.as_ptr()));
    let view: ours::Msg<'_> = borrowed
        .deserialize_with_buffers(&frame.main, &slices)
        .unwrap();
    assert_eq!(view, value.view());
    assert!(matches!(view.samples, std::borrow::Cow::Borrowed(_)));
    (inband, frame.main, buffers)
}

/// Reading `Msg<'a>` (views into the input) against `MsgOwned` (copies), same bytes, same run:
/// ids `Msg/deserialize/ours-{owned,borrowed}[-oob]`.
fn bench_borrowed(c: &mut Criterion) {
    let (inband, main, buffers) = borrowed_inputs();
    let slices: Vec<&[u8]> = buffers.iter().map(Vec::as_slice).collect();
    let (owned, borrowed) = (ours::msg_fory(false), ours::msg_fory(true));
    let mut group = c.benchmark_group("Msg");
    group.bench_function("deserialize/ours-owned", |b| {
        b.iter(|| {
            owned
                .deserialize::<ours::MsgOwned>(black_box(&inband))
                .unwrap()
        })
    });
    group.bench_function("deserialize/ours-borrowed", |b| {
        b.iter(|| {
            borrowed
                .deserialize::<ours::Msg<'_>>(black_box(&inband))
                .unwrap()
        })
    });
    group.bench_function("deserialize/ours-owned-oob", |b| {
        b.iter(|| {
            owned
                .deserialize_with_buffers::<ours::MsgOwned>(black_box(&main), black_box(&slices))
                .unwrap()
        })
    });
    group.bench_function("deserialize/ours-borrowed-oob", |b| {
        b.iter(|| {
            borrowed
                .deserialize_with_buffers::<ours::Msg<'_>>(black_box(&main), black_box(&slices))
                .unwrap()
        })
    });
    group.finish();
}

fn bench_case<W: Case, R: Case>(name: &str, value: &W, _expected: &R, c: &mut Criterion) {
    let mut group = c.benchmark_group(name);
    let mut buf = Vec::with_capacity(4096);
    for &mode in modes::<R>() {
        let compatible = mode_flag(mode);

        let v = W::Ours::from_model(value);
        for (lib, rule) in OURS_RULES {
            let writer = ours::fory_with(compatible, rule);
            group.bench_function(format!("serialize/{lib}-{mode}"), |b| {
                b.iter(|| {
                    writer.serialize_into(black_box(&v), &mut buf).unwrap();
                    black_box(buf.len())
                })
            });
            let bytes = writer.serialize(&v).unwrap();
            let evolved = ours_evolved_reader::<R>(compatible, rule);
            let reader = evolved.as_ref().unwrap_or(&writer);
            group.bench_function(format!("deserialize/{lib}-{mode}"), |b| {
                b.iter(|| reader.deserialize::<R::Ours>(black_box(&bytes)).unwrap())
            });
        }

        let writer = apache::fory(compatible);
        let v = W::Apache::from_model(value);
        group.bench_function(format!("serialize/apache-{mode}"), |b| {
            b.iter(|| {
                buf.clear();
                writer.serialize_to(&mut buf, black_box(&v)).unwrap();
                black_box(buf.len())
            })
        });
        let bytes = writer.serialize(&v).unwrap();
        let evolved = apache_evolved_reader::<R>(compatible);
        let reader = evolved.as_ref().unwrap_or(&writer);
        group.bench_function(format!("deserialize/apache-{mode}"), |b| {
            b.iter(|| reader.deserialize::<R::Apache>(black_box(&bytes)).unwrap())
        });
    }

    let p = W::Pb::from_model(value);
    group.bench_function("serialize/prost", |b| {
        b.iter(|| {
            buf.clear();
            prost::Message::encode(black_box(&p), &mut buf).unwrap();
            black_box(buf.len())
        })
    });
    let bytes = prost::Message::encode_to_vec(&p);
    group.bench_function("deserialize/prost", |b| {
        b.iter(|| <R::Pb as prost::Message>::decode(black_box(bytes.as_slice())).unwrap())
    });

    group.bench_function("serialize/rmp-serde", |b| {
        b.iter(|| {
            rmp_encode(black_box(value), &mut buf);
            black_box(buf.len())
        })
    });
    rmp_encode(value, &mut buf);
    let bytes = buf.clone();
    group.bench_function("deserialize/rmp-serde", |b| {
        b.iter(|| rmp_serde::from_slice::<R>(black_box(&bytes)).unwrap())
    });

    // Positional formats: a reader with other fields cannot read the payload at all.
    if !R::EVOLVED_READER {
        group.bench_function("serialize/bincode", |b| {
            b.iter(|| {
                buf.clear();
                bincode::serde::encode_into_std_write(black_box(value), &mut buf, bincode_config())
                    .unwrap();
                black_box(buf.len())
            })
        });
        let bytes = bincode::serde::encode_to_vec(value, bincode_config()).unwrap();
        group.bench_function("deserialize/bincode", |b| {
            b.iter(|| {
                bincode::serde::decode_from_slice::<R, _>(black_box(&bytes), bincode_config())
                    .unwrap()
            })
        });

        group.bench_function("serialize/postcard", |b| {
            b.iter(|| {
                buf.clear();
                buf = postcard::to_extend(black_box(value), std::mem::take(&mut buf)).unwrap();
                black_box(buf.len())
            })
        });
        let bytes = postcard::to_stdvec(value).unwrap();
        group.bench_function("deserialize/postcard", |b| {
            b.iter(|| postcard::from_bytes::<R>(black_box(&bytes)).unwrap())
        });
    }

    group.bench_function("serialize/serde_json", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(value)).unwrap();
            black_box(buf.len())
        })
    });
    let bytes = serde_json::to_vec(value).unwrap();
    group.bench_function("deserialize/serde_json", |b| {
        b.iter(|| serde_json::from_slice::<R>(black_box(&bytes)).unwrap())
    });
    group.finish();
}

fn large_group<'a>(
    c: &'a mut Criterion,
    label: &str,
    bytes: usize,
) -> BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(format!("F64Array {label}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    if bytes >= 1 << 20 {
        // Each iteration takes long enough that criterion's linear sampling would overrun.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
    }
    group
}

fn bench_large(c: &mut Criterion) {
    for (label, bytes) in LARGE {
        let value = model::f64_array(bytes);
        let mut group = large_group(c, label, bytes);

        // The physical floor: copying the array's bytes into a buffer that already exists.
        let src: Vec<u8> = value.values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let mut dst = vec![0u8; src.len()];
        group.bench_function("serialize/memcpy", |b| {
            b.iter(|| {
                dst.copy_from_slice(black_box(&src));
                black_box(dst.as_ptr())
            })
        });
        group.bench_function("deserialize/memcpy", |b| {
            b.iter(|| {
                dst.copy_from_slice(black_box(&src));
                black_box(dst.as_ptr())
            })
        });
        // The floor for reading into an owned value: a fresh allocation and one copy (for
        // large sizes the first touch of new pages costs more than the copy itself).
        group.bench_function("deserialize/alloc-memcpy", |b| {
            b.iter(|| black_box(&src).to_vec())
        });
        drop((src, dst));

        let fory = ours::fory(false);
        let v = ours::F64Array::from_model(&value);
        let mut buf = Vec::with_capacity(bytes + 64);
        group.bench_function("serialize/ours-inband", |b| {
            b.iter(|| {
                fory.serialize_into(black_box(&v), &mut buf).unwrap();
                black_box(buf.len())
            })
        });
        let inband = fory.serialize(&v).unwrap();
        group.bench_function("deserialize/ours-inband", |b| {
            b.iter(|| {
                fory.deserialize::<ours::F64Array>(black_box(&inband))
                    .unwrap()
            })
        });
        drop(inband);
        group.bench_function("serialize/ours-oob", |b| {
            b.iter(|| {
                fory.serialize_with_callback(black_box(&v), fory_core::oob::AllOutOfBand)
                    .unwrap()
            })
        });
        let frame = fory
            .serialize_with_callback(&v, fory_core::oob::AllOutOfBand)
            .unwrap();
        let buffers: Vec<&[u8]> = frame.buffers.iter().map(|b| b.as_bytes()).collect();
        group.bench_function("deserialize/ours-oob", |b| {
            b.iter(|| {
                fory.deserialize_with_buffers::<ours::F64Array>(
                    black_box(&frame.main),
                    black_box(&buffers),
                )
                .unwrap()
            })
        });
        // The zero-copy end: the bare array read as a borrowed `Cow<[f64]>` pointing into the
        // out-of-band buffer (a derived struct owns its fields, so it copies once).
        let bare = fory
            .serialize_with_callback(&v.values, fory_core::oob::AllOutOfBand)
            .unwrap();
        let bare_buffers: Vec<&[u8]> = bare.buffers.iter().map(|b| b.as_bytes()).collect();
        group.bench_function("deserialize/ours-oob-view", |b| {
            b.iter(|| {
                let view: std::borrow::Cow<'_, [f64]> = fory
                    .deserialize_with_buffers(black_box(&bare.main), black_box(&bare_buffers))
                    .unwrap();
                assert!(matches!(view, std::borrow::Cow::Borrowed(_)));
                view
            })
        });
        drop((frame, bare));

        let fory = apache::fory(false);
        let v = apache::F64Array::from_model(&value);
        group.bench_function("serialize/apache-inband", |b| {
            b.iter(|| {
                buf.clear();
                fory.serialize_to(&mut buf, black_box(&v)).unwrap();
                black_box(buf.len())
            })
        });
        let inband = fory.serialize(&v).unwrap();
        group.bench_function("deserialize/apache-inband", |b| {
            b.iter(|| {
                fory.deserialize::<apache::F64Array>(black_box(&inband))
                    .unwrap()
            })
        });
        group.finish();
    }
}

/// One data case in one mode: the two Fory libraries' payloads side by side.
#[derive(Debug, Clone)]
pub struct WireComparison {
    pub data: &'static str,
    pub mode: &'static str,
    pub ours: Vec<u8>,
    pub apache: Vec<u8>,
    /// Whether each library reads the other's payload back to the same value.
    pub ours_reads_apache: Result<(), String>,
    pub apache_reads_ours: Result<(), String>,
}

impl WireComparison {
    pub fn first_difference(&self) -> Option<usize> {
        let common = self.ours.len().min(self.apache.len());
        (0..common)
            .find(|&i| self.ours[i] != self.apache[i])
            .or((self.ours.len() != self.apache.len()).then_some(common))
    }
}

/// Payload sizes in bytes of one data case for every library.
#[derive(Debug, Clone)]
pub struct Sizes {
    pub data: &'static str,
    /// `(library, bytes)` with the Fory libraries as `"ours-consistent"` etc.
    pub bytes: Vec<(String, usize)>,
}

/// The payloads of every data case, for the size table and the byte comparison. For
/// `Evolved`, each library's V1 payload, read back by the other library's V2 reader.
pub fn payloads() -> (Vec<Sizes>, Vec<WireComparison>) {
    fn collect<W: Case, R: Case>(
        name: &'static str,
        value: &W,
        expected: &R,
        out: &mut (Vec<Sizes>, Vec<WireComparison>),
    ) {
        let mut sizes = Vec::new();
        for &mode in modes::<R>() {
            let compatible = mode_flag(mode);
            let of = ours::fory(compatible);
            let af = apache::fory(compatible);
            let o = W::Ours::from_model(value);
            let a = W::Apache::from_model(value);
            let ours_bytes = of.serialize(&o).unwrap();
            let apache_bytes = af.serialize(&a).unwrap();
            sizes.push((format!("ours-{mode}"), ours_bytes.len()));
            sizes.push((format!("apache-{mode}"), apache_bytes.len()));
            let java_rule = ours::fory_with(compatible, StringRule::Java);
            sizes.push((
                format!("ours-{mode}-java-strings"),
                java_rule.serialize(&o).unwrap().len(),
            ));
            let evolved = ours_evolved_reader::<R>(compatible, StringRule::Utf8);
            let want = R::Ours::from_model(expected);
            let ours_reads_apache = match evolved
                .as_ref()
                .unwrap_or(&of)
                .deserialize::<R::Ours>(&apache_bytes)
            {
                Ok(back) if back == want => Ok(()),
                Ok(back) => Err(format!("a different value: {back:?}")),
                Err(e) => Err(e.to_string()),
            };
            let evolved = apache_evolved_reader::<R>(compatible);
            let want = R::Apache::from_model(expected);
            let apache_reads_ours = match evolved
                .as_ref()
                .unwrap_or(&af)
                .deserialize::<R::Apache>(&ours_bytes)
            {
                Ok(back) if back == want => Ok(()),
                Ok(back) => Err(format!("a different value: {back:?}")),
                Err(e) => Err(e.to_string()),
            };
            out.1.push(WireComparison {
                data: name,
                mode,
                ours: ours_bytes,
                apache: apache_bytes,
                ours_reads_apache,
                apache_reads_ours,
            });
        }
        sizes.push((
            "prost".into(),
            prost::Message::encoded_len(&W::Pb::from_model(value)),
        ));
        let mut buf = Vec::new();
        rmp_encode(value, &mut buf);
        sizes.push(("rmp-serde".into(), buf.len()));
        if !R::EVOLVED_READER {
            sizes.push((
                "bincode".into(),
                bincode::serde::encode_to_vec(value, bincode_config())
                    .unwrap()
                    .len(),
            ));
            sizes.push(("postcard".into(), postcard::to_stdvec(value).unwrap().len()));
        }
        sizes.push((
            "serde_json".into(),
            serde_json::to_vec(value).unwrap().len(),
        ));
        out.0.push(Sizes {
            data: name,
            bytes: sizes,
        });
    }
    let mut out = (Vec::new(), Vec::new());
    for_each_case!(collect(&mut out));
    out
}

/// Main-buffer and out-of-band sizes of the large array, per size: (label, ours in-band, apache
/// in-band, ours out-of-band main buffer, ours out-of-band buffer bytes).
pub fn large_payloads() -> Vec<(&'static str, usize, usize, usize, usize)> {
    LARGE
        .iter()
        .map(|&(label, bytes)| {
            let value = model::f64_array(bytes);
            let o = ours::F64Array::from_model(&value);
            let f = ours::fory(false);
            let inband = f.serialize(&o).unwrap().len();
            let frame = f
                .serialize_with_callback(&o, fory_core::oob::AllOutOfBand)
                .unwrap();
            let oob: usize = frame.buffers.iter().map(|b| b.total_bytes()).sum();
            let a = apache::F64Array::from_model(&value);
            let apache = apache::fory(false).serialize(&a).unwrap().len();
            (label, inband, apache, frame.main.len(), oob)
        })
        .collect()
}

/// One `MsgOwned` (payload and samples out-of-band for the framed rows) sent and received
/// through each transport in memory, checked: the bytes a row writes and the value it reads.
pub fn check_transports() {
    let fory = ours::msg_fory(false);
    let value = ours::MsgOwned::sample();
    let runtime = transport_runtime();
    let mut wire = Vec::new();
    for row in TRANSPORT_ROWS {
        let back = transport_round_trip(row, &fory, &value, &mut wire, &runtime);
        assert_eq!(back, value, "{row}: round trip");
    }
}

/// The rows of the `Transport` group.
pub const TRANSPORT_ROWS: [&str; 4] = ["framed", "stream", "async-framed", "async-stream"];

fn transport_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread tokio runtime")
}

/// Writes `value` into `wire` and reads it back with the transport named `row`: the blocking
/// or async message transport (`AllOutOfBand`: one vectored write of the main buffer and two
/// buffers; received into aligned buffers) or value stream.
fn transport_round_trip(
    row: &str,
    fory: &fory_core::Fory,
    value: &ours::MsgOwned,
    wire: &mut Vec<u8>,
    runtime: &tokio::runtime::Runtime,
) -> ours::MsgOwned {
    use fory_core::io::async_stream::{AsyncStreamReader, AsyncStreamWriter};
    use fory_core::io::{StreamReader, StreamWriter};
    use fory_core::oob::async_transport::{AsyncFrameReader, AsyncFrameWriter};
    use fory_core::oob::transport::{FrameReader, FrameWriter};
    use fory_core::oob::AllOutOfBand;

    wire.clear();
    match row {
        "framed" => {
            FrameWriter::new(&mut *wire)
                .send(fory, value, AllOutOfBand)
                .unwrap();
            let message = FrameReader::new(wire.as_slice())
                .receive()
                .unwrap()
                .unwrap();
            message.deserialize(fory).unwrap()
        }
        "stream" => {
            StreamWriter::new(fory, &mut *wire).write(value).unwrap();
            StreamReader::new(fory, wire.as_slice())
                .read()
                .unwrap()
                .unwrap()
        }
        "async-framed" => runtime.block_on(async {
            AsyncFrameWriter::new(&mut *wire)
                .send(fory, value, AllOutOfBand)
                .await
                .unwrap();
            let mut reader = AsyncFrameReader::new(wire.as_slice());
            let message = reader.receive().await.unwrap().unwrap();
            message.deserialize(fory).unwrap()
        }),
        "async-stream" => runtime.block_on(async {
            AsyncStreamWriter::new(fory, &mut *wire)
                .write(value)
                .await
                .unwrap();
            AsyncStreamReader::new(fory, wire.as_slice())
                .read()
                .await
                .unwrap()
                .unwrap()
        }),
        _ => unreachable!("no transport row {row}"),
    }
}

/// The transports, in memory (a `Vec` written, a slice read): `MsgOwned` sent and received,
/// ids `Transport/round-trip/{framed,stream,async-framed,async-stream}`.
fn bench_transport(c: &mut Criterion) {
    let fory = ours::msg_fory(false);
    let value = ours::MsgOwned::sample();
    let runtime = transport_runtime();
    let mut wire = Vec::new();
    let mut group = c.benchmark_group("Transport");
    for row in TRANSPORT_ROWS {
        group.bench_function(format!("round-trip/{row}"), |b| {
            b.iter(|| transport_round_trip(row, &fory, black_box(&value), &mut wire, &runtime))
        });
    }
    group.finish();
}
