//! Instructions per operation for every row of the report's object-graph time table and of the
//! scaling series, counted by callgrind. Unlike clock time they do not move with the machine's
//! load, so a regression shows in a single run.
//!
//! The report re-executes its own binary, one row at a time, under
//!
//! ```text
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
//!     --toggle-collect=benchmarks::instructions::instruction_probe_loop \
//!     report --count-instructions DATA OP LIB MODE WARM_UP N
//! ```
//!
//! In that probe mode ([`probe_main`]) the binary prepares the row's [`operation`], calls it
//! `WARM_UP` times (collection off), then calls it `N` times inside [`instruction_probe_loop`],
//! the only function during which callgrind counts. The parent reads `Collected : X` from
//! valgrind's output; the row's count is the lowest `X / N` of [`ATTEMPTS`] such processes.
//! Several because hash seeds differ from process to process, and under some a hash-table
//! lookup takes a few instructions more (Apache Fory's deserializers: about 15 per operation in
//! a third of the processes); the lowest of three rarely differs from run to run. `N`
//! is chosen per row so that one loop is about [`TARGET_NATIVE_MS`] of native work (valgrind's
//! start-up dominates the small rows anyway).
//!
//! The loop runs on the probe's main thread with no other thread started: glibc's allocator
//! takes cheaper paths in a single-threaded process (with a second thread, deserializing
//! `SampleList` took 5 % more instructions when measured), and `profile_loop` runs the same way.
//!
//! Counts are saved in `target/criterion/instructions.tsv`: `--no-run` reuses them, `--filter`
//! recounts only the matching rows, `BENCH_INSTRUCTIONS=0` skips the pass. Without valgrind
//! the columns show "–" and the report says why.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::probe::{self, Operation};
use crate::{scaling, suite};

/// The first argument of the probe mode: `report --count-instructions DATA OP LIB MODE WARM_UP
/// N`.
pub const PROBE_FLAG: &str = "--count-instructions";
/// Probe processes per row (each with its own hash seeds); the lowest count is kept.
pub const ATTEMPTS: u32 = 3;
/// Calls of the operation before the counted loop (collection off; fewer when the loop has
/// fewer): caches, the reused output buffer and the allocator reach their steady state.
pub const WARM_UP: u64 = 20;
/// Native time of one counted loop that [`iterations_for`] aims at.
pub const TARGET_NATIVE_MS: u64 = 2;
/// Bounds of the iteration count per row (the small bound is for the scaling series' million
/// elements per call).
pub const MIN_ITERATIONS: u64 = 1;
pub const MAX_ITERATIONS: u64 = 100_000;
/// The file the counts are kept in, under criterion's output directory.
pub const FILE_NAME: &str = "instructions.tsv";

/// The counted loop: collection is on only while this function runs ([`marker`] names it).
#[inline(never)]
pub fn instruction_probe_loop(operation: &mut dyn FnMut() -> usize, iterations: u64) -> usize {
    let mut sink = 0usize;
    for _ in 0..iterations {
        sink = sink.wrapping_add(operation());
    }
    black_box(sink)
}

/// The counted loop's name as callgrind sees it (demangled, without the hash):
/// `benchmarks::instructions::instruction_probe_loop`.
pub fn marker() -> &'static str {
    std::any::type_name_of_val(&instruction_probe_loop)
}

/// If this process was started as a probe (first argument [`PROBE_FLAG`]), runs the probe and
/// returns the process's exit code; `None` otherwise. Call it first thing in `main`.
pub fn probe_main() -> Option<i32> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some(PROBE_FLAG) {
        return None;
    }
    let [data, op, lib, mode, warm_up, n] = &args[1..] else {
        eprintln!("usage: report {PROBE_FLAG} DATA OP LIB MODE WARM_UP ITERATIONS");
        return Some(2);
    };
    let (Ok(warm_up), Ok(n)) = (warm_up.parse::<u64>(), n.parse::<u64>()) else {
        eprintln!("{PROBE_FLAG}: bad counts {warm_up:?} {n:?}");
        return Some(2);
    };
    let Some(mut operation) = operation(data, op, lib, mode) else {
        eprintln!("{PROBE_FLAG}: no operation {data}/{op}/{lib}-{mode}");
        return Some(2);
    };
    for _ in 0..warm_up {
        black_box(operation());
    }
    let sink = instruction_probe_loop(&mut *operation, n);
    println!("{sink}");
    Some(0)
}

/// One row's count.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// Instructions per operation.
    pub per_op: f64,
    /// Operations in the counted loop.
    pub iterations: u64,
    /// `valgrind --version`.
    pub valgrind: String,
}

/// The report's id of a row of the time table: `{data}/{op}/{lib}-{mode}`, as criterion's.
pub fn row_id(data: &str, op: &str, lib: &str, mode: &str) -> String {
    format!("{data}/{op}/{lib}-{mode}")
}

/// The operation of a row: one of the time table ([`probe::operation`]), of the row format
/// ([`crate::rows::operation`], data `Row`) or of the scaling series ([`scaling::operation`],
/// data `Scaling N`, schema-consistent only).
pub fn operation(data: &str, op: &str, lib: &str, mode: &str) -> Option<Operation> {
    if data == "Row" {
        return crate::rows::operation(op, lib);
    }
    match probe::operation(data, op, lib, mode) {
        None if mode == "consistent" => scaling::operation(data, op, lib),
        found => found,
    }
}

/// One row the pass counts: its id in the report and the names of its operation.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub data: String,
    pub op: &'static str,
    pub lib: &'static str,
    pub mode: &'static str,
}

/// The counts the report shows, and how they came about.
#[derive(Debug, Default)]
pub struct Counts {
    pub rows: BTreeMap<String, Count>,
    /// Rows counted by this run's pass.
    pub counted_now: usize,
    /// How long this run's pass took.
    pub elapsed: Option<Duration>,
    /// Rows whose probe failed in this run, with the reason.
    pub failed: Vec<(String, String)>,
    /// Why there is no pass this run, when there is none.
    pub skipped: Option<String>,
}

/// Whether the pass should run: not when `BENCH_INSTRUCTIONS` is `0`, `no` or `false`.
pub fn enabled_by_env() -> bool {
    !matches!(
        std::env::var("BENCH_INSTRUCTIONS")
            .as_deref()
            .map(str::trim),
        Ok("0" | "no" | "false")
    )
}

/// `valgrind --version` (`valgrind-3.19.0`), or why valgrind cannot run.
pub fn valgrind_version() -> Result<String, String> {
    match Command::new("valgrind").arg("--version").output() {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout).trim().into()),
        Ok(out) => Err(format!("`valgrind --version` failed ({})", out.status)),
        Err(e) => Err(format!("valgrind is not installed ({e})")),
    }
}

/// The rows: every data case of [`suite::DATA`] × operation × mode × Fory library (the
/// object-graph time table; those without an operation are skipped when counting), then every
/// size × series of the scaling series (ids `Scaling {N}/{op}/{lib}`).
pub fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for data in suite::DATA {
        for op in suite::OPS {
            for mode in suite::MODES {
                for lib in suite::FORY_LIBS {
                    let id = row_id(data, op, lib, mode);
                    let data = data.to_string();
                    rows.push(Row {
                        id,
                        data,
                        op,
                        lib,
                        mode,
                    });
                }
            }
        }
    }
    for (op, lib) in crate::rows::ROWS {
        rows.push(Row {
            id: crate::rows::id(op, lib),
            data: "Row".into(),
            op,
            lib,
            mode: "consistent",
        });
    }
    for n in scaling::SIZES {
        for (op, lib) in scaling::SERIES {
            rows.push(Row {
                id: scaling::id(n, op, lib),
                data: format!("Scaling {n}"),
                op,
                lib,
                mode: "consistent",
            });
        }
    }
    rows
}

/// The instruction pass. `run` false (`--no-run`) or `enabled` false (`BENCH_INSTRUCTIONS=0`):
/// the saved counts. Otherwise counts every row whose id matches `filter` (all without one),
/// keeps the saved counts of the others, and saves the result under `criterion_dir`.
pub fn pass(
    run: bool,
    enabled: bool,
    filter: Option<&regex::Regex>,
    criterion_dir: &Path,
) -> Counts {
    let file = criterion_dir.join(FILE_NAME);
    let mut counts = Counts {
        rows: load(&file),
        ..Counts::default()
    };
    if !run {
        return counts;
    }
    if !enabled {
        counts.skipped = Some("no instruction pass (`BENCH_INSTRUCTIONS=0`)".into());
        return counts;
    }
    let valgrind = match valgrind_version() {
        Ok(v) => v,
        Err(why) => {
            eprintln!("no instruction counts: {why}");
            counts.rows.clear();
            counts.skipped = Some(format!("no instruction counts: {why}"));
            return counts;
        }
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            counts.skipped = Some(format!(
                "no instruction counts: no path to this binary ({e})"
            ));
            return counts;
        }
    };
    let started = Instant::now();
    let rows: Vec<Row> = rows()
        .into_iter()
        .filter(|row| filter.is_none_or(|f| f.is_match(&row.id)))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let id = row.id.clone();
        counts.rows.remove(&id);
        let Some(iterations) = iterations_for(row) else {
            continue; // no such operation: the cell shows "–"
        };
        eprint!(
            "counting instructions {}/{}: {id} × {iterations} ... ",
            i + 1,
            rows.len()
        );
        let row_started = Instant::now();
        match count(&exe, row, iterations) {
            Ok(total) => {
                let per_op = total as f64 / iterations as f64;
                eprintln!(
                    "{per_op:.0} per operation ({:.1} s)",
                    row_started.elapsed().as_secs_f64()
                );
                counts.rows.insert(
                    id,
                    Count {
                        per_op,
                        iterations,
                        valgrind: valgrind.clone(),
                    },
                );
                counts.counted_now += 1;
            }
            Err(why) => {
                eprintln!("failed: {why}");
                counts.failed.push((id, why));
            }
        }
    }
    counts.elapsed = Some(started.elapsed());
    if let Err(e) = save(&file, &counts.rows) {
        eprintln!("could not save {}: {e}", file.display());
    }
    counts
}

/// Iterations for about [`TARGET_NATIVE_MS`] of native work, from a short timed run in this
/// process; `None` when the row has no operation.
pub fn iterations_for(row: &Row) -> Option<u64> {
    let mut operation = operation(&row.data, row.op, row.lib, row.mode)?;
    black_box(operation());
    let (mut done, started) = (0u64, Instant::now());
    while started.elapsed() < Duration::from_millis(TARGET_NATIVE_MS) {
        black_box(operation());
        done += 1;
    }
    let ns_per_op = started.elapsed().as_nanos() as f64 / done as f64;
    let n = (TARGET_NATIVE_MS as f64 * 1e6 / ns_per_op) as u64;
    Some(n.clamp(MIN_ITERATIONS, MAX_ITERATIONS))
}

/// Runs [`ATTEMPTS`] probes of a row under callgrind and returns the lowest count.
fn count(exe: &Path, row: &Row, iterations: u64) -> Result<u64, String> {
    let mut lowest = u64::MAX;
    for _ in 0..ATTEMPTS {
        lowest = lowest.min(count_once(exe, row, iterations)?);
    }
    Ok(lowest)
}

/// Runs one probe under callgrind and returns the instructions it collected.
fn count_once(exe: &Path, row: &Row, iterations: u64) -> Result<u64, String> {
    let warm_up = WARM_UP.min(iterations).to_string();
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--collect-atstart=no",
            &format!("--toggle-collect={}", marker()),
        ])
        .arg(exe)
        .args([PROBE_FLAG, &row.data, row.op, row.lib, row.mode, &warm_up])
        .arg(iterations.to_string())
        .output()
        .map_err(|e| format!("cannot start valgrind: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
        return Err(format!("exit {}: {}", out.status, tail.join(" / ")));
    }
    match parse_collected(&stderr) {
        None => Err("no `Collected :` line in valgrind's output".into()),
        Some(0) => Err(format!("nothing collected: no function named {}", marker())),
        Some(total) => Ok(total),
    }
}

/// The number in callgrind's `==pid== Collected : 123456` line.
pub fn parse_collected(stderr: &str) -> Option<u64> {
    stderr.lines().find_map(|line| {
        let (_, rest) = line.split_once("Collected :")?;
        rest.trim().parse().ok()
    })
}

/// The saved counts; none when the file is missing or unreadable.
fn load(file: &Path) -> BTreeMap<String, Count> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (id, per_op, iterations, valgrind) = (f.next()?, f.next()?, f.next()?, f.next()?);
            let count = Count {
                per_op: per_op.parse().ok()?,
                iterations: iterations.parse().ok()?,
                valgrind: valgrind.to_string(),
            };
            Some((id.to_string(), count))
        })
        .collect()
}

fn save(file: &Path, rows: &BTreeMap<String, Count>) -> std::io::Result<()> {
    let mut text = String::from("# id\tinstructions per operation\titerations\tvalgrind\n");
    for (id, c) in rows {
        let _ = writeln!(
            text,
            "{id}\t{:.1}\t{}\t{}",
            c.per_op, c.iterations, c.valgrind
        );
    }
    std::fs::write(file, text)
}

/// `1234567` as `1,234,567`.
pub fn group_thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl Counts {
    /// The header cells of the three columns, for the time table.
    pub const HEADER: &'static str = "ours instr | apache instr | instr ratio";
    pub const ALIGN: &'static str = "--:|--:|--:|";

    /// Instructions per operation of the row `id`.
    pub fn per_op(&self, id: &str) -> Option<f64> {
        self.rows.get(id).map(|c| c.per_op)
    }

    fn get(&self, data: &str, op: &str, lib: &str, mode: &str) -> Option<f64> {
        self.per_op(&row_id(data, op, lib, mode))
    }

    /// The three cells of one row of the time table: ours, apache (instructions per operation)
    /// and ours/apache, bold above 1.00; "–" where there is no count.
    pub fn cells(&self, data: &str, op: &str, mode: &str) -> String {
        let (o, a) = (
            self.get(data, op, "ours", mode),
            self.get(data, op, "apache", mode),
        );
        let n = |v: Option<f64>| v.map_or("–".into(), |v| group_thousands(v.round() as u64));
        let r = match (o, a) {
            (Some(o), Some(a)) if o / a > 1.0 => format!("**{:.2}**", o / a),
            (Some(o), Some(a)) => format!("{:.2}", o / a),
            _ => "–".into(),
        };
        format!("{} | {} | {r}", n(o), n(a))
    }

    /// The paragraph under the time table: how the counts were made, and where they come from.
    pub fn describe(&self, md: &mut String) -> std::fmt::Result {
        let file = format!("`{FILE_NAME}` under criterion's directory");
        if self.rows.is_empty() {
            let why = self.skipped.as_deref().unwrap_or("no row was counted");
            write!(
                md,
                "`ours instr` and `apache instr` would be instructions per operation, counted by \
                 callgrind (see benchmarks/README.md). This run: {why}."
            )?;
            return self.describe_failures(md);
        }
        let mut versions: Vec<&str> = self.rows.values().map(|c| c.valgrind.as_str()).collect();
        versions.sort_unstable();
        versions.dedup();
        let (lo, hi) = self.rows.values().fold((u64::MAX, 0), |(lo, hi), c| {
            (lo.min(c.iterations), hi.max(c.iterations))
        });
        write!(
            md,
            "`ours instr` and `apache instr` are instructions per operation, counted by callgrind \
             ({}): the report runs each row (and each point of the scaling series below) in a \
             separate process of its own binary under `valgrind --tool=callgrind \
             --toggle-collect={}`, which counts only while that `#[inline(never)]` function \
             calls the operation N times, after up to {WARM_UP} warm-up calls outside it (N \
             per row: about {TARGET_NATIVE_MS} ms of native work, here {} to {}); the count is \
             callgrind's total divided by N, the lowest of {ATTEMPTS} such processes (hash seeds \
             differ from process to process, and under some Apache Fory's deserializers take \
             about 15 instructions more per operation). `instr ratio` is \
             ours/apache (bold above 1.00). Instruction counts do not move with the machine's \
             load, so a regression shows in one run; they do not see cache misses, \
             mispredicted branches or stalls.",
            if versions.is_empty() {
                "valgrind".to_string()
            } else {
                versions.join(", ")
            },
            marker(),
            group_thousands(lo),
            group_thousands(hi),
        )?;
        let saved = self.rows.len() - self.counted_now;
        match (&self.skipped, self.elapsed) {
            (Some(why), _) => write!(
                md,
                " This run: {why}; the counts shown were saved by an earlier run in {file}."
            )?,
            (None, Some(t)) => write!(
                md,
                " This run counted {} rows in {:.0} s{}.",
                self.counted_now,
                t.as_secs_f64(),
                if saved > 0 {
                    format!("; the other {saved} were saved by an earlier run in {file}")
                } else {
                    String::new()
                }
            )?,
            (None, None) => write!(md, " Counts as saved in {file} (`--no-run`).")?,
        }
        self.describe_failures(md)
    }

    /// The end of [`Counts::describe`]: the rows whose count failed, if any.
    fn describe_failures(&self, md: &mut String) -> std::fmt::Result {
        if !self.failed.is_empty() {
            let ids: Vec<String> = self
                .failed
                .iter()
                .map(|(id, why)| format!("{id} ({why})"))
                .collect();
            write!(md, " Failed: {}.", ids.join("; "))?;
        }
        writeln!(md, "\n")
    }
}
