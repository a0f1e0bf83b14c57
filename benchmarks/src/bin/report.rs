//! `cargo run --release -p benchmarks --bin report [-- --no-run] [-- --filter REGEX]`
//!
//! Checks that every library round-trips the data, runs the criterion benchmarks of
//! [`benchmarks::suite`] (short settings; see `BENCH_WARMUP_MS`, `BENCH_MEASURE_MS`,
//! `BENCH_SAMPLES`), reads criterion's estimates back from `target/criterion`, and writes
//! `benchmarks/REPORT.md` and the chart `benchmarks/ratios.png`.
//!
//! `--no-run` skips the benchmarks and writes the report from the results the last run kept
//! (`target/criterion/best-of-rounds.tsv`, each benchmark's fastest round); `--filter REGEX`
//! runs only the matching benchmarks (the others keep their kept results).
//!
//! After the timing rounds, the instruction pass ([`benchmarks::instructions`]) counts the
//! instructions per operation of every object-graph row under callgrind, one row at a time,
//! re-executing this binary in its probe mode (`--count-instructions`); `BENCH_INSTRUCTIONS=0`
//! skips it. The scaling series ([`benchmarks::scaling`]) gets its own section and
//! `benchmarks/scaling.png`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use benchmarks::instructions::group_thousands;
use benchmarks::instructions::{self, Counts};
use benchmarks::scaling;
use benchmarks::suite::{self, Settings, WireComparison};
use criterion::Criterion;

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    if let Some(code) = instructions::probe_main() {
        std::process::exit(code);
    }
    let mut run = true;
    let mut filter = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-run" => run = false,
            "--filter" => filter = Some(args.next().ok_or("--filter needs a regex")?),
            "--help" | "-h" => {
                println!(
                    "report [--no-run] [--filter REGEX]\n\
                     env: BENCH_WARMUP_MS (300), BENCH_MEASURE_MS (1000), BENCH_SAMPLES (30), \
                     BENCH_ROUNDS (5), BENCH_INSTRUCTIONS (1; 0 skips the callgrind pass)"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)").into()),
        }
    }

    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = crate_dir.parent().ok_or("no workspace directory")?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("target"));
    let criterion_dir = target.join("criterion");
    let settings = Settings::from_env();

    eprintln!("checking that every library round-trips the data ...");
    suite::check_round_trips();

    let load_before = load_average();
    let started = Instant::now();
    // Each round runs the whole suite; a benchmark's result is its fastest round. Other work
    // on a shared machine only ever adds time, and a burst of it during one benchmark of one
    // round then does not decide that row.
    let mut results = BTreeMap::new();
    // Each round's own results, for the round-to-round section (a full run only: after a
    // `--filter` run, criterion's directory also holds older results of the other rows).
    let mut rounds = Vec::new();
    for round in 1..=if run { settings.rounds } else { 0 } {
        eprintln!("round {round} of {}", settings.rounds);
        let mut c = settings
            .apply(Criterion::default())
            .output_directory(&criterion_dir);
        if let Some(filter) = &filter {
            c = c.with_filter(filter.clone());
        }
        suite::benches(&mut c);
        let measured = read_criterion(&criterion_dir)?;
        if filter.is_none() {
            rounds.push(measured.clone());
        }
        keep_fastest(&mut results, measured);
    }
    let elapsed = started.elapsed();
    // The kept results of earlier runs: what `--no-run` shows, and what a `--filter` run keeps
    // for the benchmarks it does not run (criterion's own files hold only the last round).
    let best_file = criterion_dir.join("best-of-rounds.tsv");
    let saved = read_best(&best_file);
    if !run {
        results = match saved {
            Some(saved) => saved,
            None => read_criterion(&criterion_dir)?,
        };
    } else if let (Some(filter), Some(saved)) = (&filter, saved) {
        let filter = regex::Regex::new(filter)?;
        for (id, ns) in saved {
            if !filter.is_match(&id) {
                results.insert(id, ns);
            }
        }
    }
    if run {
        let tsv: String = results
            .iter()
            .map(|(id, ns)| format!("{id}\t{ns}\n"))
            .collect();
        std::fs::write(&best_file, tsv)?;
    }
    if results.is_empty() {
        return Err(format!(
            "no criterion results under {}: run without --no-run first",
            criterion_dir.display()
        )
        .into());
    }
    let instr = instruction_pass(run, filter.as_deref(), &criterion_dir)?;
    let (sizes, wire) = suite::payloads();
    let large_sizes = suite::large_payloads();

    let mut md = String::new();
    let ratios = write_report(
        &mut md,
        &results,
        &sizes,
        &wire,
        &large_sizes,
        &instr,
        settings,
        run.then_some(elapsed),
        workspace,
        (load_before, load_average()),
        filter.as_deref().filter(|_| run),
    )?;

    let png = crate_dir.join("ratios.png");
    match chart::draw(&png, &ratios) {
        Ok(()) => eprintln!("wrote {}", png.display()),
        Err(e) => {
            eprintln!("no chart: {e}");
            let _ = writeln!(md, "\n_(No chart this run: {e}.)_");
        }
    }
    scaling_report(&mut md, &results, &instr, crate_dir)?;
    benchmarks::rounds::section(&mut md, &rounds)?;
    let out = crate_dir.join("REPORT.md");
    std::fs::write(&out, &md)?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// The instruction counts: counted after the timing rounds (only the rows matching `filter`),
/// or as saved by an earlier run (`--no-run`, `BENCH_INSTRUCTIONS=0`).
fn instruction_pass(
    run: bool,
    filter: Option<&str>,
    criterion_dir: &Path,
) -> Result<Counts, BoxError> {
    let filter = filter.map(regex::Regex::new).transpose()?;
    let enabled = instructions::enabled_by_env();
    Ok(instructions::pass(
        run,
        enabled,
        filter.as_ref(),
        criterion_dir,
    ))
}

/// The scaling section and its chart `scaling.png`.
fn scaling_report(
    md: &mut String,
    results: &BTreeMap<String, f64>,
    instr: &Counts,
    crate_dir: &Path,
) -> Result<(), BoxError> {
    scaling::section(md, results, instr)?;
    let png = crate_dir.join("scaling.png");
    match scaling::draw(&png, results) {
        Ok(()) => eprintln!("wrote {}", png.display()),
        Err(e) => {
            eprintln!("no scaling chart: {e}");
            writeln!(md, "_(No scaling chart this run: {e}.)_\n")?;
        }
    }
    Ok(())
}

/// Merges one round's results into `best`, keeping the lower time of each benchmark.
fn keep_fastest(best: &mut BTreeMap<String, f64>, round: BTreeMap<String, f64>) {
    for (id, ns) in round {
        best.entry(id).and_modify(|b| *b = b.min(ns)).or_insert(ns);
    }
}

/// Criterion's estimate for each benchmark id: the median time per iteration, in ns.
/// The results saved by [`main`] after a run (`id<TAB>ns` lines), if there are any.
fn read_best(path: &Path) -> Option<BTreeMap<String, f64>> {
    let text = std::fs::read_to_string(path).ok()?;
    let best: BTreeMap<String, f64> = text
        .lines()
        .filter_map(|line| {
            let (id, ns) = line.split_once('\t')?;
            Some((id.to_string(), ns.parse().ok()?))
        })
        .collect();
    (!best.is_empty()).then_some(best)
}

fn read_criterion(dir: &Path) -> Result<BTreeMap<String, f64>, BoxError> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries {
            let entry = entry?;
            let p = entry.path();
            if !p.is_dir() {
                continue;
            }
            if p.file_name().is_some_and(|n| n == "new") {
                let bench = p.join("benchmark.json");
                let est = p.join("estimates.json");
                if bench.exists() && est.exists() {
                    let bench: serde_json::Value = serde_json::from_slice(&std::fs::read(bench)?)?;
                    let est: serde_json::Value = serde_json::from_slice(&std::fs::read(est)?)?;
                    if let (Some(id), Some(ns)) = (
                        bench["full_id"].as_str(),
                        est["median"]["point_estimate"].as_f64(),
                    ) {
                        out.insert(id.to_string(), ns);
                    }
                }
            } else {
                stack.push(p);
            }
        }
    }
    Ok(out)
}

fn ns(v: Option<f64>) -> String {
    match v {
        None => "–".into(),
        Some(v) if v < 100.0 => format!("{v:.1}"),
        Some(v) => group_thousands(v.round() as u64),
    }
}

fn ratio(ours: Option<f64>, apache: Option<f64>) -> Option<f64> {
    Some(ours? / apache?)
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or("–".into(), |r| format!("{r:.2}"))
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One bar of the chart: a label and ours/apache.
pub struct Ratio {
    label: String,
    value: f64,
}

#[allow(clippy::too_many_arguments)]
fn write_report(
    md: &mut String,
    results: &BTreeMap<String, f64>,
    sizes: &[suite::Sizes],
    wire: &[WireComparison],
    large_sizes: &[(&str, usize, usize, usize, usize)],
    instr: &Counts,
    settings: Settings,
    elapsed: Option<std::time::Duration>,
    workspace: &Path,
    load: (Option<String>, Option<String>),
    filter: Option<&str>,
) -> Result<Vec<Ratio>, BoxError> {
    let get = |data: &str, op: &str, lib: &str| results.get(&format!("{data}/{op}/{lib}")).copied();
    let mut ratios = Vec::new();

    writeln!(
        md,
        "# Benchmarks: fory-rs against Apache Fory Rust and others\n"
    )?;
    writeln!(
        md,
        "Written by `cargo run --release -p benchmarks --bin report` (see \
         [README.md](README.md)); do not edit by hand.\n"
    )?;
    machine(md, settings, elapsed, workspace, load)?;
    if let Some(filter) = filter {
        writeln!(
            md,
            "\n**Partial run:** only the benchmarks matching `{filter}` were measured now; every \
             other number is the saved result of an earlier run (`target/criterion/`), at the \
             commit that run was made at.\n"
        )?;
    }

    writeln!(md, "## Time per operation (ns, lower is better)\n")?;
    writeln!(
        md,
        "`ours` is this repository's `fory-core`, `apache` is Apache Fory Rust (crate `fory`), \
         both in xlang mode with the same registrations, tag ids and array types, in \
         schema-consistent mode (`compatible(false)`) and in compatible mode \
         (`compatible(true)`). Ours writes strings as UTF-8 (`StringRule::Utf8`), as Apache Fory \
         Rust and the Go peer do; its default, Java's rule, is measured in its own table below. \
         The other libraries have no such modes: their columns repeat \
         one measurement in both rows. `ours/apache` is our time divided by Apache Fory's \
         (below 1.00: we are faster). Serializing writes into a reused buffer; deserializing \
         builds the owned value from a byte slice. Each time is criterion's median, the \
         lowest over the rounds named in the Criterion line above (every round runs the whole \
         suite).\n"
    )?;
    writeln!(md, "{DATA_TEXT}\n")?;
    writeln!(
        md,
        "| Data | Operation | Mode | ours | apache | ours/apache | {} | prost | rmp-serde | bincode | postcard | serde_json |",
        Counts::HEADER
    )?;
    writeln!(
        md,
        "|---|---|---|--:|--:|--:|{}--:|--:|--:|--:|--:|",
        Counts::ALIGN
    )?;
    for data in suite::DATA {
        for op in suite::OPS {
            for mode in suite::MODES {
                let o = get(data, op, &format!("ours-{mode}"));
                let a = get(data, op, &format!("apache-{mode}"));
                let r = ratio(o, a);
                if let Some(value) = r {
                    ratios.push(Ratio {
                        label: format!("{data} {op} {mode}"),
                        value,
                    });
                }
                let others: Vec<String> = suite::OTHER_LIBS
                    .iter()
                    .map(|lib| ns(get(data, op, lib)))
                    .collect();
                let ratio_cell = match r {
                    Some(r) if r > 1.0 => format!("**{}**", fmt_ratio(Some(r))),
                    _ => fmt_ratio(r),
                };
                writeln!(
                    md,
                    "| {data} | {op} | {mode} | {} | {} | {ratio_cell} | {} | {} |",
                    ns(o),
                    ns(a),
                    instr.cells(data, op, mode),
                    others.join(" | ")
                )?;
            }
        }
    }
    writeln!(
        md,
        "\nRatios above 1.00 (we are slower) are in bold. `Evolved` is measured in compatible \
         mode only (schema-consistent mode cannot read another schema), and not with bincode or \
         postcard, which write no field names or tags and so cannot read a struct whose fields \
         changed (\"–\").\n"
    )?;
    instr.describe(md)?;

    bincode_section(md, &get)?;
    java_rule_section(md, &get)?;

    writeln!(md, "## Payload sizes (bytes)\n")?;
    writeln!(
        md,
        "| Data | ours consistent | apache consistent | ours compatible | apache compatible | ours, Java's string rule (consistent / compatible) | prost | rmp-serde | bincode | postcard | serde_json |"
    )?;
    writeln!(md, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")?;
    for s in sizes {
        let cell = |lib: &str| {
            s.bytes
                .iter()
                .find(|(l, _)| l == lib)
                .map_or("–".into(), |(_, b)| b.to_string())
        };
        let cols = [
            "ours-consistent",
            "apache-consistent",
            "ours-compatible",
            "apache-compatible",
            "java-strings",
            "prost",
            "rmp-serde",
            "bincode",
            "postcard",
            "serde_json",
        ];
        let cells: Vec<String> = cols
            .iter()
            .map(|c| match *c {
                "java-strings" => format!(
                    "{} / {}",
                    cell("ours-consistent-java-strings"),
                    cell("ours-compatible-java-strings")
                ),
                c => cell(c),
            })
            .collect();
        writeln!(md, "| {} | {} |", s.data, cells.join(" | "))?;
    }
    writeln!(
        md,
        "\nrmp-serde writes structs as maps with field names (`with_struct_map`, as Apache \
         Fory's benchmark does); bincode uses its `standard()` configuration (varint integers); \
         postcard writes varint integers and no field names either; prost messages match \
         Apache Fory's `bench.proto` (and, for the other data, what a .proto would declare). \
         `Evolved`: the V1 payload.\n"
    )?;

    wire_section(md, wire)?;
    large_section(md, &get, large_sizes, &mut ratios)?;
    borrowed_section(md, &get)?;
    transport_section(md, &get)?;
    loopback_section(md, &get)?;
    row_section(md, &get, instr)?;

    writeln!(md, "## Chart\n")?;
    writeln!(
        md,
        "![ours/apache per row: below 1 we are faster](ratios.png)\n\n`ratios.png`: ours/apache \
         for every row above (and the in-band rows of the large array); the line marks 1.00.\n"
    )?;
    Ok(ratios)
}

/// The data of the tables, described once (the time table, the size table and the Java-rule
/// table cover the same rows).
const DATA_TEXT: &str = "Data: `NumericStruct` (12 `int32`), `Sample` (primitives, seven short \
    arrays, a string), `MediaContent` (strings, enums, a list of three structs) and the `*List` \
    structs holding five of each are Apache Fory's benchmark data. The others are ours: \
    `TextAscii`, `TextLatin1` and `TextCjk` are ten records of an id, a title (~20 characters), \
    an author (~12), a body of 1.4-1.5 KB and five short tags, in English ASCII, in French, \
    German and Spanish (accented letters, every character at most U+00FF) and in Chinese and \
    Japanese; `NumericArrays` holds five 256-element arrays (`bool`, `i32`, `i64`, `f32`, `f64` \
    as the xlang `*_ARRAY` types) and two scalars; `DeepTree` is a recursive struct (id, label, \
    weight, children), 364 nodes on six levels, three children each; `StructMap` is a struct \
    holding a `HashMap<String, Item>` of 32 four-field structs; `Enums` holds two unit enums \
    (ENUM), a list of 16 and a list of 32 values of an enum with data (a UNION: a string, an \
    `i64`, an `f64`, a struct or nothing); `Evolved` writes ten 8-field `ItemV1` structs and \
    reads them as `ItemV2` (two fields removed, two added, same registration).";

/// The rows where bincode, which writes no type information at all, is faster than ours in
/// schema-consistent mode (our faster mode), and why.
fn bincode_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
) -> Result<(), BoxError> {
    writeln!(
        md,
        "## Where bincode is faster
"
    )?;
    let mut rows = Vec::new();
    for data in suite::DATA {
        for op in suite::OPS {
            let (Some(ours), Some(bincode)) =
                (get(data, op, "ours-consistent"), get(data, op, "bincode"))
            else {
                continue;
            };
            if bincode < ours {
                rows.push(format!(
                    "| {data} | {op} | {} | {} | {} |",
                    ns(Some(ours)),
                    ns(Some(bincode)),
                    fmt_ratio(Some(ours / bincode))
                ));
            }
        }
    }
    if rows.is_empty() {
        writeln!(md, "Nowhere in this run: ours in schema-consistent mode is at least as fast on every row.\n")?;
        return Ok(());
    }
    writeln!(
        md,
        "Rows where bincode (`standard()`, varint integers) takes less time than ours in \
         schema-consistent mode, and ours/bincode:\n"
    )?;
    writeln!(
        md,
        "| Data | Operation | ours consistent | bincode | ours/bincode |"
    )?;
    writeln!(md, "|---|---|--:|--:|--:|")?;
    for row in rows {
        writeln!(md, "{row}")?;
    }
    writeln!(
        md,
        "\nWhy: bincode writes nothing but the values. A struct is its fields back to back and a \
         list its length and elements; there is no header, no type id, no schema hash, no \
         null or reference flag, no list header, so it can only be read by the same Rust types, \
         cannot evolve and cannot cross languages. Ours writes, and checks on reading, the \
         frame header, each struct's type id, user id and 4-byte schema hash, and each list's \
         header and element type: a few bytes and a few dozen instructions per struct, which \
         show where a record is a handful of small integers (and with them the branches of \
         reading a varint). Where the data is arrays or long text, both copy the same bytes \
         and ours copies a numeric array in one go where serde goes element by element.\n"
    )?;
    Ok(())
}

fn java_rule_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
) -> Result<(), BoxError> {
    writeln!(md, "## Java's string rule against UTF-8\n")?;
    writeln!(
        md,
        "Ours in each mode with strings written as UTF-8 (`StringRule::Utf8`, the `ours` column \
         above) and by Java's rule (`StringRule::Java`, the library's default: Latin-1 where every \
         character fits, else UTF-8 or UTF-16 by Java's sampling), in ns per operation. \
         Deserializing reads the payload written by the same rule. `Java/UTF-8` above 1.50 is in \
         bold.\n"
    )?;
    writeln!(
        md,
        "| Data | Mode | serialize UTF-8 | serialize Java | Java/UTF-8 | deserialize UTF-8 | deserialize Java | Java/UTF-8 |"
    )?;
    writeln!(md, "|---|---|--:|--:|--:|--:|--:|--:|")?;
    let cell = |r: Option<f64>| match r {
        Some(r) if r > 1.5 => format!("**{}**", fmt_ratio(Some(r))),
        _ => fmt_ratio(r),
    };
    for data in suite::DATA {
        for mode in suite::MODES {
            let mut cells = Vec::new();
            for op in suite::OPS {
                let utf8 = get(data, op, &format!("ours-{mode}"));
                let java = get(data, op, &format!("{}-{mode}", suite::OURS_JAVA));
                cells.extend([ns(utf8), ns(java), cell(ratio(java, utf8))]);
            }
            if cells.iter().all(|c| c == "–") {
                continue;
            }
            writeln!(md, "| {data} | {mode} | {} |", cells.join(" | "))?;
        }
    }
    writeln!(md)?;
    Ok(())
}

fn machine(
    md: &mut String,
    settings: Settings,
    elapsed: Option<std::time::Duration>,
    workspace: &Path,
    load: (Option<String>, Option<String>),
) -> Result<(), BoxError> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU".to_string(), |(_, v)| v.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or("unknown".to_string(), |kb| {
            format!("{:.1} GiB", kb as f64 / (1 << 20) as f64)
        });
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| format!(", Linux {}", s.trim()))
        .unwrap_or_default();
    let rustc = command_output(
        std::env::var("RUSTC")
            .unwrap_or_else(|_| "rustc".into())
            .as_str(),
        &["-V"],
    )
    .unwrap_or_else(|| "unknown rustc".into());
    let commit = command_output(
        "git",
        &[
            "-C",
            &workspace.to_string_lossy(),
            "rev-parse",
            "--short",
            "HEAD",
        ],
    )
    .unwrap_or_else(|| "unknown".into());

    writeln!(md, "- Date: {} (UTC)", utc_now())?;
    writeln!(
        md,
        "- Machine: {cpu}, {cores} logical cores, {mem} RAM; {os}{kernel}"
    )?;
    writeln!(md, "- Compiler: {rustc}, release profile")?;
    writeln!(
        md,
        "- Text loops (string conversion under Java's rule): {} on this CPU; the instruction \
         counts below run under valgrind, whose CPU has no AVX-512, so they count the AVX2 \
         loops wherever the times ran AVX-512",
        fory_core::__private::buffer::vector_level()
    )?;
    if let (Some(before), Some(after)) = load {
        writeln!(
            md,
            "- Load average (1, 5, 15 min) before the run: {before}; after: {after} (other work \
             on the machine makes every number noisier)"
        )?;
    }
    writeln!(
        md,
        "- Repository commit: {commit} (plus any uncommitted changes)"
    )?;
    writeln!(md, "- Libraries: {}", lock_versions(workspace))?;
    writeln!(
        md,
        "- Criterion: warm-up {} ms, measurement {} ms, {} samples (10 for the 1 MiB and 64 MiB \
         arrays), {}{}\n",
        settings.warm_up.as_millis(),
        settings.measurement.as_millis(),
        settings.sample_size,
        match elapsed {
            Some(_) => format!(
                "{} rounds of the whole suite, each benchmark's fastest median kept",
                settings.rounds
            ),
            None => "results kept by the last run (--no-run)".to_string(),
        },
        elapsed.map_or(String::new(), |e| format!(
            "; this run took {:.0} s",
            e.as_secs_f64()
        ))
    )?;
    Ok(())
}

/// The first three fields of `/proc/loadavg`, where there is one.
fn load_average() -> Option<String> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The versions Cargo.lock pins for the libraries measured.
fn lock_versions(workspace: &Path) -> String {
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).unwrap_or_default();
    let mut found = Vec::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = Some(n.trim_matches('"').to_string());
        } else if let (Some(v), Some(n)) = (line.strip_prefix("version = "), name.take()) {
            let wanted = [
                ("fory", "Apache Fory Rust (`fory`)"),
                ("prost", "prost"),
                ("rmp-serde", "rmp-serde"),
                ("bincode", "bincode"),
                ("postcard", "postcard"),
                ("serde_json", "serde_json"),
                ("criterion", "criterion"),
            ];
            if let Some((_, label)) = wanted.iter().find(|(w, _)| *w == n) {
                found.push(format!("{label} {}", v.trim_matches('"')));
            }
        }
    }
    if found.is_empty() {
        "see Cargo.lock".into()
    } else {
        found.join(", ")
    }
}

/// `YYYY-MM-DD HH:MM` in UTC, from the system clock (days-to-civil conversion).
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60
    )
}

fn wire_section(md: &mut String, wire: &[WireComparison]) -> Result<(), BoxError> {
    writeln!(md, "## Same bytes on the wire?\n")?;
    writeln!(
        md,
        "Each data case serialized by both Fory libraries in the same mode, and each library \
         reading the other's payload back (\"reads\": the value read equals the value written). \
         `Evolved`: each library's V1 payload, read by the other library's V2 reader (the kept \
         fields equal, the new ones defaulted). `StructMap`: each library iterates its own \
         `HashMap`, whose order differs from map to map (a random hasher per map), so the \
         entries go out in different orders and the bytes cannot be compared.\n"
    )?;
    writeln!(
        md,
        "| Data | Mode | ours bytes | apache bytes | identical | first difference at | ours reads apache | apache reads ours |"
    )?;
    writeln!(md, "|---|---|--:|--:|:-:|--:|:-:|:-:|")?;
    let reads = |r: &Result<(), String>| match r {
        Ok(()) => "yes".to_string(),
        Err(e) => format!("no: {}", e.replace('|', "\\|")),
    };
    for w in wire {
        let diff = w.first_difference();
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            w.data,
            w.mode,
            w.ours.len(),
            w.apache.len(),
            if diff.is_none() { "yes" } else { "**no**" },
            diff.map_or("–".into(), |d| format!("byte {d}")),
            reads(&w.ours_reads_apache),
            reads(&w.apache_reads_ours),
        )?;
    }
    let differing: Vec<&WireComparison> = wire
        .iter()
        .filter(|w| w.first_difference().is_some())
        .collect();
    if differing.is_empty() {
        writeln!(md, "\nEvery payload is byte for byte the same.\n")?;
        return Ok(());
    }
    writeln!(
        md,
        "\nWhere they differ, the bytes around the first difference (`ours` first, then \
         `apache`; offsets from the start of the payload):\n"
    )?;
    writeln!(md, "```text")?;
    for w in &differing {
        let d = w.first_difference().unwrap_or(0);
        let start = d.saturating_sub(8);
        let window = |b: &[u8]| hex(&b[start.min(b.len())..(d + 16).min(b.len())]);
        writeln!(md, "{} {} (from byte {start}):", w.data, w.mode)?;
        writeln!(md, "  ours   {}", window(&w.ours))?;
        writeln!(md, "  apache {}", window(&w.apache))?;
    }
    writeln!(md, "```\n")?;
    // The whole of the smallest differing payload, for reading by hand.
    if let Some(w) = differing
        .iter()
        .min_by_key(|w| w.ours.len().max(w.apache.len()))
    {
        if w.ours.len().max(w.apache.len()) <= 512 {
            writeln!(
                md,
                "The smallest differing payload in full ({} {}):\n",
                w.data, w.mode
            )?;
            writeln!(md, "```text")?;
            writeln!(md, "ours   ({} bytes) {}", w.ours.len(), hex(&w.ours))?;
            writeln!(md, "apache ({} bytes) {}", w.apache.len(), hex(&w.apache))?;
            writeln!(md, "```\n")?;
        }
    }
    // Which bytes are identical elsewhere, for scale.
    let same: Vec<String> = wire
        .iter()
        .filter(|w| w.first_difference().is_none())
        .map(|w| format!("{} {}", w.data, w.mode))
        .collect();
    if !same.is_empty() {
        writeln!(md, "Identical: {}.\n", same.join(", "))?;
    }
    Ok(())
}

fn large_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
    large_sizes: &[(&str, usize, usize, usize, usize)],
    ratios: &mut Vec<Ratio>,
) -> Result<(), BoxError> {
    writeln!(md, "## Large payloads: a struct holding one f64 array\n")?;
    writeln!(
        md,
        "`F64Array {{ values: Vec<f64> }}` (FLOAT64_ARRAY), schema-consistent mode. Each cell is \
         ns per operation and GB/s (10^9 bytes of array data per second). `memcpy` copies the \
         array's bytes into a buffer that already exists: the physical floor for any operation \
         that copies them once; `alloc + memcpy` copies them into a new allocation, the floor \
         for building an owned `Vec<f64>` (at 64 MiB the fresh pages cost more than the copy). In-band: the array is inside the payload (serializing copies \
         it in, deserializing copies it into a new `Vec<f64>`). Out-of-band (ours only; Apache \
         Fory Rust 1.7.7 has no buffer callback): serializing with `AllOutOfBand` borrows the \
         array (no copy), deserializing the struct copies it once into its `Vec<f64>`, and \
         `ours-oob-view` reads the bare array as a `Cow<[f64]>` borrowing the buffer (no copy).\n"
    )?;
    writeln!(
        md,
        "| Size | Operation | memcpy | alloc + memcpy | ours in-band | ours out-of-band | ours OOB view | apache in-band | ours/apache (in-band) |"
    )?;
    writeln!(md, "|---|---|--:|--:|--:|--:|--:|--:|--:|")?;
    for (label, bytes) in suite::LARGE {
        let group = format!("F64Array {label}");
        for op in suite::OPS {
            // Rows where nothing is copied get no GB/s: it would only measure the overhead.
            let copies =
                |lib: &str| !matches!((op, lib), ("serialize", "ours-oob") | (_, "ours-oob-view"));
            let cell = |lib: &str| match get(&group, op, lib) {
                Some(t) if copies(lib) => {
                    format!("{} ns ({:.1} GB/s)", ns(Some(t)), bytes as f64 / t)
                }
                Some(t) => format!("{} ns (no copy)", ns(Some(t))),
                None => "–".into(),
            };
            let o = get(&group, op, "ours-inband");
            let a = get(&group, op, "apache-inband");
            let r = ratio(o, a);
            if let Some(value) = r {
                ratios.push(Ratio {
                    label: format!("F64Array {label} {op} in-band"),
                    value,
                });
            }
            writeln!(
                md,
                "| {label} | {op} | {} | {} | {} | {} | {} | {} | {} |",
                cell("memcpy"),
                if op == "deserialize" {
                    cell("alloc-memcpy")
                } else {
                    "–".into()
                },
                cell("ours-inband"),
                cell("ours-oob"),
                if op == "deserialize" {
                    cell("ours-oob-view")
                } else {
                    "–".into()
                },
                cell("apache-inband"),
                match r {
                    Some(r) if r > 1.0 => format!("**{}**", fmt_ratio(Some(r))),
                    _ => fmt_ratio(r),
                }
            )?;
        }
    }
    writeln!(
        md,
        "\nPayload bytes (array data: 1,024 / 1,048,576 / 67,108,864):\n\n| Size | ours in-band | \
         apache in-band | ours out-of-band: main buffer | ours out-of-band: buffer |\n|---|--:|--:|--:|--:|"
    )?;
    for (label, inband, apache, main, oob) in large_sizes {
        writeln!(
            md,
            "| {label} | {} | {} | {} | {} |",
            group_thousands(*inband as u64),
            group_thousands(*apache as u64),
            group_thousands(*main as u64),
            group_thousands(*oob as u64)
        )?;
    }
    writeln!(md)?;
    Ok(())
}

fn loopback_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
) -> Result<(), BoxError> {
    writeln!(md, "## Transports through a TCP loopback connection\n")?;
    writeln!(
        md,
        "A `Vec<f64>` of the given size sent as one message after another over one loopback \
         connection, received and read as a `Cow<[f64]>` on another thread: blocking \
         (`oob::transport`, `std::net`) and async (`oob::async_transport`, tokio, a \
         current-thread runtime on each side). `raw copy` is the floor: the same number of \
         bytes as the out-of-band message sent with one `write_all` and received with \
         `read_exact`. In-band, the array is inside the main buffer (copied in when \
         serializing); out-of-band, it goes from the vector to the socket as its own slice of a \
         vectored write and is borrowed from the received buffer. Each cell is the time per \
         message in a stream of them (not a round trip), messages per second and GB/s (10^9 \
         array bytes per second).\n"
    )?;
    writeln!(
        md,
        "| Size | Side | raw copy | ours in-band | ours out-of-band | out-of-band / raw copy |"
    )?;
    writeln!(md, "|---|---|--:|--:|--:|--:|")?;
    for (label, bytes) in benchmarks::transport::SIZES {
        let group = benchmarks::transport::group_name(label);
        let cell = |t: Option<f64>| match t {
            Some(t) => format!(
                "{} ns ({} msg/s, {:.2} GB/s)",
                ns(Some(t)),
                group_thousands((1e9 / t) as u64),
                bytes as f64 / t
            ),
            None => "–".into(),
        };
        for side in ["blocking", "async"] {
            let time = |lib: &str| get(&group, side, lib);
            let (raw, inband, oob) = (time("raw-copy"), time("ours-inband"), time("ours-oob"));
            writeln!(
                md,
                "| {label} | {side} | {} | {} | {} | {} |",
                cell(raw),
                cell(inband),
                cell(oob),
                fmt_ratio(ratio(oob, raw)),
            )?;
        }
    }
    writeln!(md)?;
    Ok(())
}

fn borrowed_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
) -> Result<(), BoxError> {
    writeln!(md, "## Borrowing struct against its owned twin\n")?;
    writeln!(
        md,
        "`Msg<'a> {{ name: &'a str, tags: Vec<&'a str>, payload: &'a [u8], samples: Cow<'a, \
         [f64]>, seq: i64 }}` (eight tags, 4 KiB payload, 512 samples) read as views into the \
         input, against `MsgOwned` with `String`, `Vec<String>`, `Vec<u8>` and `Vec<f64>`: the \
         same wire type and bytes, schema-consistent mode. In-band the samples borrow where they \
         land 8-byte aligned and are copied otherwise; out-of-band (`AllOutOfBand`: payload and \
         samples in their own buffers) both borrow. ns per deserialization.\n"
    )?;
    writeln!(md, "| Input | owned | borrowed | borrowed/owned |")?;
    writeln!(md, "|---|--:|--:|--:|")?;
    for (label, suffix) in [("in-band", ""), ("out-of-band", "-oob")] {
        let o = get("Msg", "deserialize", &format!("ours-owned{suffix}"));
        let b = get("Msg", "deserialize", &format!("ours-borrowed{suffix}"));
        writeln!(
            md,
            "| {label} | {} | {} | {} |",
            ns(o),
            ns(b),
            fmt_ratio(ratio(b, o))
        )?;
    }
    writeln!(md)?;
    Ok(())
}

fn row_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
    instr: &Counts,
) -> Result<(), BoxError> {
    writeln!(md, "## Row format\n")?;
    writeln!(
        md,
        "ROWS.md's `wide50` (50 fields: `i64`, `String` and `f64` in turn; a 544-byte row, the \
         same bytes from both libraries). `one-field`: a view of the row and its field `f25` (a \
         string) read from it, against decoding the whole struct from its xlang payload \
         (schema-consistent, `ours-object`). `encode`: the row written into a reused buffer. \
         `decode`: the owned struct from the row (Apache Fory Rust has no owned decode: its \
         view's 50 accessors build it). ns and instructions per operation.\n"
    )?;
    writeln!(
        md,
        "| Operation | ours ns | apache ns | ours/apache | ours instr | apache instr |"
    )?;
    writeln!(md, "|---|--:|--:|--:|--:|--:|")?;
    let instructions = |lib: &str, op: &str| {
        instr
            .per_op(&benchmarks::rows::id(op, lib))
            .map_or("–".into(), |v| group_thousands(v.round() as u64))
    };
    for (op, ours, apache) in [
        ("one-field", "ours-view", "apache-view"),
        ("encode", "ours", "apache"),
        ("decode", "ours", "apache"),
    ] {
        let (o, a) = (get("Row", op, ours), get("Row", op, apache));
        writeln!(
            md,
            "| {op} | {} | {} | {} | {} | {} |",
            ns(o),
            ns(a),
            fmt_ratio(ratio(o, a)),
            instructions(ours, op),
            instructions(apache, op)
        )?;
    }
    let (view, object) = (
        get("Row", "one-field", "ours-view"),
        get("Row", "one-field", "ours-object"),
    );
    writeln!(
        md,
        "\nOne field from the row view: {} ns; the whole object decoded from its xlang payload: \
         {} ns ({} instructions); view/object {}.\n",
        ns(view),
        ns(object),
        instructions("ours-object", "one-field"),
        fmt_ratio(ratio(view, object))
    )?;
    Ok(())
}

fn transport_section(
    md: &mut String,
    get: &dyn Fn(&str, &str, &str) -> Option<f64>,
) -> Result<(), BoxError> {
    writeln!(md, "## Transports\n")?;
    writeln!(
        md,
        "`MsgOwned` (above) written into a `Vec<u8>` and read back from it by each transport: \
         the out-of-band message transport (`AllOutOfBand`: the main buffer, the 4 KiB payload \
         and the 4 KiB of samples in one vectored write; received into 8-byte-aligned buffers) \
         and the value stream, blocking and async (tokio, a current-thread runtime's \
         `block_on` per round trip). ns per round trip (serialize, frame, receive, \
         deserialize).\n"
    )?;
    writeln!(md, "| Transport | ns |")?;
    writeln!(md, "|---|--:|")?;
    for row in benchmarks::suite::TRANSPORT_ROWS {
        writeln!(
            md,
            "| {row} | {} |",
            ns(get("Transport", "round-trip", row))
        )?;
    }
    writeln!(md)?;
    Ok(())
}

mod chart {
    use std::path::Path;

    use plotters::coord::ranged1d::SegmentValue;
    use plotters::prelude::*;

    use super::{BoxError, Ratio};

    pub fn draw(path: &Path, ratios: &[Ratio]) -> Result<(), BoxError> {
        if ratios.is_empty() {
            return Err("no ratios to draw".into());
        }
        benchmarks::plot::load_font()?;
        let n = ratios.len();
        let height = 90 + 22 * n as u32;
        let root = BitMapBackend::new(path, (1000, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let max = ratios
            .iter()
            .map(|r| r.value)
            .fold(1.0f64, f64::max)
            .max(1.2)
            * 1.1;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "fory-rs time / Apache Fory Rust time (below 1: fory-rs is faster)",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(30)
            .y_label_area_size(300)
            .build_cartesian_2d(0f64..max, (0..n).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => ratios
                    .get(n.wrapping_sub(i + 1))
                    .map_or(String::new(), |r| r.label.clone()),
                SegmentValue::Last => String::new(),
            })
            .x_desc("ours / apache")
            .label_style(("sans-serif", 13))
            .draw()?;
        // The first row at the top.
        let at = |i: usize| n - 1 - i;
        chart.draw_series(ratios.iter().enumerate().map(|(i, r)| {
            let i = at(i);
            let color = if r.value > 1.0 {
                RGBColor(214, 96, 77)
            } else {
                RGBColor(67, 147, 195)
            };
            let mut bar = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(i)),
                    (r.value, SegmentValue::Exact(i + 1)),
                ],
                color.filled(),
            );
            bar.set_margin(3, 3, 0, 0);
            bar
        }))?;
        chart.draw_series(ratios.iter().enumerate().map(|(i, r)| {
            let i = at(i);
            Text::new(
                format!("{:.2}", r.value),
                (r.value + max * 0.005, SegmentValue::CenterOf(i)),
                ("sans-serif", 12),
            )
        }))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(1.0, SegmentValue::Exact(0)), (1.0, SegmentValue::Last)],
            BLACK.stroke_width(2),
        )))?;
        root.present()?;
        Ok(())
    }
}
