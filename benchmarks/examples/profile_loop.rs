//! A loop for `perf record`: `cargo run --release -p benchmarks --example profile_loop -- <data> <op> <mode>`
//! with data one of numeric, sample, media; op ser or de; mode consistent or compatible.

use benchmarks::model::{self, FromModel};
use benchmarks::ours;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (data, op, mode) = (args[1].as_str(), args[2].as_str(), args[3].as_str());
    let fory = ours::fory(mode == "compatible");
    let iterations = 5_000_000u64;
    macro_rules! run {
        ($value:expr, $ty:ty) => {{
            let v: $ty = $value;
            let mut buf = Vec::with_capacity(4096);
            let bytes = fory.serialize(&v).unwrap();
            let mut sink = 0usize;
            for _ in 0..iterations {
                if op == "ser" {
                    fory.serialize_into(std::hint::black_box(&v), &mut buf)
                        .unwrap();
                    sink += buf.len();
                } else {
                    let back: $ty = fory.deserialize(std::hint::black_box(&bytes)).unwrap();
                    sink += std::mem::size_of_val(&back);
                }
            }
            println!("{sink}");
        }};
    }
    match data {
        "numeric" => run!(
            ours::NumericStruct::from_model(&model::numeric_struct()),
            ours::NumericStruct
        ),
        "sample" => run!(ours::Sample::from_model(&model::sample()), ours::Sample),
        "media" => run!(
            ours::MediaContent::from_model(&model::media_content()),
            ours::MediaContent
        ),
        other => panic!("unknown data {other}"),
    }
}
