//! A loop for `perf record`:
//! `cargo run --release -p benchmarks --example profile_loop -- <data> <op> <mode> [apache]`
//! with data one of numeric, sample, media (or their lists: numeric-list, sample-list,
//! media-list); op ser or de; mode consistent or compatible; `apache` runs Apache Fory Rust
//! instead of this project, for a side-by-side profile.

use benchmarks::model::{self, FromModel};
use benchmarks::{apache, ours};

/// Iterations per run; `PROFILE_ITERATIONS` overrides it (a small count for callgrind, whose
/// instruction counts are steadier than this machine's clock).
fn iterations() -> u64 {
    std::env::var("PROFILE_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000)
}

/// Serializes (`op == "ser"`) or deserializes `$value` `iterations()` times with `$fory`, where
/// `$serialize(fory, value, buf)` is the library's call that writes into a reused buffer.
macro_rules! run {
    ($fory:expr, $op:expr, $value:expr, $ty:ty, $serialize:expr) => {{
        let fory = $fory;
        let v: $ty = $value;
        let mut buf = Vec::with_capacity(4096);
        let bytes = fory.serialize(&v).unwrap();
        let mut sink = 0usize;
        for _ in 0..iterations() {
            if $op == "ser" {
                $serialize(&fory, std::hint::black_box(&v), &mut buf);
                sink += buf.len();
            } else {
                let back: $ty = fory.deserialize(std::hint::black_box(&bytes)).unwrap();
                sink += std::mem::size_of_val(&back);
            }
        }
        sink
    }};
}

macro_rules! dispatch {
    ($lib:expr, $data:expr, $op:expr, $compatible:expr) => {{
        macro_rules! case {
            ($model:expr, $name:ident) => {
                if $lib == "apache" {
                    run!(
                        apache::fory($compatible),
                        $op,
                        apache::$name::from_model(&$model),
                        apache::$name,
                        |f: &apache_fory::Fory, v, buf: &mut Vec<u8>| {
                            buf.clear();
                            f.serialize_to(buf, v).unwrap();
                        }
                    )
                } else {
                    run!(
                        ours::fory($compatible),
                        $op,
                        ours::$name::from_model(&$model),
                        ours::$name,
                        |f: &fory_core::Fory, v, buf: &mut Vec<u8>| f
                            .serialize_into(v, buf)
                            .unwrap()
                    )
                }
            };
        }
        match $data {
            "numeric" => case!(model::numeric_struct(), NumericStruct),
            "sample" => case!(model::sample(), Sample),
            "media" => case!(model::media_content(), MediaContent),
            "numeric-list" => case!(model::numeric_struct_list(), NumericStructList),
            "sample-list" => case!(model::sample_list(), SampleList),
            "media-list" => case!(model::media_content_list(), MediaContentList),
            other => panic!("unknown data {other}"),
        }
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (data, op, mode) = (args[1].as_str(), args[2].as_str(), args[3].as_str());
    let lib = args.get(4).map_or("ours", String::as_str);
    let start = std::time::Instant::now();
    let sink = dispatch!(lib, data, op, mode == "compatible");
    let ns = start.elapsed().as_nanos() as f64 / iterations() as f64;
    println!("{lib} {data} {op} {mode}: {ns:.1} ns/op (sink {sink})");
}
