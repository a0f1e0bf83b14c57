//! A loop for `perf record` and callgrind:
//! `cargo run --release -p benchmarks --example profile_loop -- <data> <op> <mode> [apache|ours-java]`
//! with data a data name of the report (`NumericStruct`, `SampleList`, `TextCjk`, `Evolved`, ...;
//! the short names numeric, sample, media, numeric-list, sample-list and media-list work too;
//! `scaling-N` is the scaling series at N elements, schema-consistent only); op ser or de; mode
//! consistent or compatible; `apache` runs Apache Fory Rust instead of this project, for a
//! side-by-side profile, and `ours-java` this project with strings written by Java's rule (the
//! report's `ours` writes UTF-8).

use benchmarks::instructions;

/// Iterations per run; `PROFILE_ITERATIONS` overrides it (a small count for callgrind, whose
/// instruction counts are steadier than this machine's clock).
fn iterations() -> u64 {
    std::env::var("PROFILE_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: profile_loop <data> <ser|de> <consistent|compatible> [apache|ours-java]");
        std::process::exit(2);
    }
    let data = match args[1].as_str() {
        "numeric" => "NumericStruct",
        "sample" => "Sample",
        "media" => "MediaContent",
        "numeric-list" => "NumericStructList",
        "sample-list" => "SampleList",
        "media-list" => "MediaContentList",
        other => other,
    };
    let op = match args[2].as_str() {
        "ser" => "serialize",
        "de" => "deserialize",
        other => other,
    };
    let mode = args[3].as_str();
    let lib = args.get(4).map_or("ours", String::as_str);
    // The report's rows and the scaling series, as the instruction counter runs them.
    let operation = instructions::operation(data, op, lib, mode);
    let Some(mut operation) = operation else {
        eprintln!("unknown operation {data}/{op}/{lib}-{mode}");
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    let mut sink = 0usize;
    for _ in 0..iterations() {
        sink = sink.wrapping_add(operation());
    }
    let ns = start.elapsed().as_nanos() as f64 / iterations() as f64;
    println!("{lib} {data} {op} {mode}: {ns:.1} ns/op (sink {sink})");
}
