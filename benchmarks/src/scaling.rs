//! The scaling series: `Readings { items: Vec<Reading> }` with N small structs
//! (`Reading { id: i64, value: f64, ok: bool, code: i32 }`), N = 10 … 1,000,000, serialized and
//! deserialized by both Fory libraries in schema-consistent mode. The time per element should
//! not depend on N; the report prints ns per element per N, the spread of each series
//! (max/min over N = 100 … 1,000,000) and the chart `scaling.png`.
//!
//! Element `i` takes its id and code from a cycle of ten values (varints of every length), so
//! every N holds the same mix of encodings and the work per element does not grow with N; the
//! instruction pass ([`crate::instructions`]) counts that work per element at every N.
//!
//! Benchmark ids: `Scaling {N}/{serialize,deserialize}/{ours,apache}`, with
//! `Throughput::Elements(N)`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, SamplingMode, Throughput};

use crate::instructions::{group_thousands, Counts};

/// The list lengths.
pub const SIZES: [usize; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
/// The series: (operation, library).
pub const SERIES: [(&str, &str); 4] = [
    ("serialize", "ours"),
    ("deserialize", "ours"),
    ("serialize", "apache"),
    ("deserialize", "apache"),
];
/// The flatness of a series is the max/min of its ns per element over the sizes from this one
/// up (at 10 elements the per-call overhead still shows).
pub const FLAT_FROM: usize = 100;
/// The acceptance target for that max/min.
pub const FLAT_TARGET: f64 = 1.5;
/// Type ids of `Reading` and `Readings` in both libraries (their own `Fory` instances).
const READING_ID: u32 = 30;
const READINGS_ID: u32 = 31;

/// Ids and codes of every varint length: element `i` takes entry `i % 10`, so every N (a
/// multiple of 10) holds the same mix and the work per element does not grow with N.
const IDS: [i64; 10] = [
    3,
    -70,
    9_000,
    -1_200_000,
    150_000_000,
    -20_000_000_000,
    2_500_000_000_000,
    -300_000_000_000_000,
    40_000_000_000_000_000,
    -5,
];
const CODES: [i32; 10] = [
    0,
    -1,
    100,
    -10_000,
    1_000_000,
    -100_000_000,
    7,
    -64,
    8191,
    2_000_000_000,
];

/// Element `i` of the series.
fn reading(i: usize) -> (i64, f64, bool, i32) {
    let k = i % 10;
    (IDS[k], i as f64 * 0.25 - 3.5, k % 3 == 0, CODES[k])
}

/// This project's shapes.
pub mod ours {
    use fory_core::{Fory, ForyObject, StringRule};

    #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
    pub struct Reading {
        #[fory(id = 1)]
        pub id: i64,
        #[fory(id = 2)]
        pub value: f64,
        #[fory(id = 3)]
        pub ok: bool,
        #[fory(id = 4)]
        pub code: i32,
    }

    #[derive(ForyObject, Debug, Clone, PartialEq, Default)]
    pub struct Readings {
        #[fory(id = 1)]
        pub items: Vec<Reading>,
    }

    pub fn readings(n: usize) -> Readings {
        let items = (0..n)
            .map(|i| {
                let (id, value, ok, code) = super::reading(i);
                Reading {
                    id,
                    value,
                    ok,
                    code,
                }
            })
            .collect();
        Readings { items }
    }

    /// Schema-consistent, strings as UTF-8 (as [`crate::ours::fory`]), the two types registered.
    pub fn fory() -> Fory {
        let mut fory = Fory::builder()
            .compatible(false)
            .string_rule(StringRule::Utf8)
            .build();
        fory.register::<Reading>(super::READING_ID)
            .expect("fresh registry");
        fory.register::<Readings>(super::READINGS_ID)
            .expect("fresh registry");
        fory
    }
}

/// Apache Fory Rust's shapes.
pub mod apache {
    use apache_fory::{Fory, ForyStruct};

    #[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
    pub struct Reading {
        #[fory(id = 1)]
        pub id: i64,
        #[fory(id = 2)]
        pub value: f64,
        #[fory(id = 3)]
        pub ok: bool,
        #[fory(id = 4)]
        pub code: i32,
    }

    #[derive(ForyStruct, Debug, Clone, PartialEq, Default)]
    pub struct Readings {
        #[fory(id = 1)]
        pub items: Vec<Reading>,
    }

    pub fn readings(n: usize) -> Readings {
        let items = (0..n)
            .map(|i| {
                let (id, value, ok, code) = super::reading(i);
                Reading {
                    id,
                    value,
                    ok,
                    code,
                }
            })
            .collect();
        Readings { items }
    }

    /// xlang, schema-consistent, the two types registered (as [`crate::apache::fory`]).
    pub fn fory() -> Fory {
        let mut fory = Fory::builder().xlang(true).compatible(false).build();
        fory.register::<Reading>(super::READING_ID)
            .expect("fresh registry");
        fory.register::<Readings>(super::READINGS_ID)
            .expect("fresh registry");
        fory
    }
}

/// The criterion benchmarks; each size first checks that both libraries round-trip its value.
pub fn benches(c: &mut Criterion) {
    for n in SIZES {
        let mut group = c.benchmark_group(format!("Scaling {n}"));
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            // Milliseconds per call: linear sampling would overrun the measurement time.
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
        }

        let fory = ours::fory();
        let value = ours::readings(n);
        let bytes = fory.serialize(&value).expect("ours: serialize Readings");
        let back: ours::Readings = fory.deserialize(&bytes).expect("ours: deserialize");
        assert!(back == value, "Scaling {n}: ours round trip");
        let mut buf = Vec::with_capacity(bytes.len());
        group.bench_function("serialize/ours", |b| {
            b.iter(|| {
                fory.serialize_into(black_box(&value), &mut buf).unwrap();
                black_box(buf.len())
            })
        });
        group.bench_function("deserialize/ours", |b| {
            b.iter(|| {
                fory.deserialize::<ours::Readings>(black_box(&bytes))
                    .unwrap()
            })
        });
        drop((value, back, bytes));

        let fory = apache::fory();
        let value = apache::readings(n);
        let bytes = fory.serialize(&value).expect("apache: serialize Readings");
        let back: apache::Readings = fory.deserialize(&bytes).expect("apache: deserialize");
        assert!(back == value, "Scaling {n}: apache round trip");
        group.bench_function("serialize/apache", |b| {
            b.iter(|| {
                buf.clear();
                fory.serialize_to(&mut buf, black_box(&value)).unwrap();
                black_box(buf.len())
            })
        });
        group.bench_function("deserialize/apache", |b| {
            b.iter(|| {
                fory.deserialize::<apache::Readings>(black_box(&bytes))
                    .unwrap()
            })
        });
        group.finish();
    }
}

/// The operation `Scaling {N}/{op}/{lib}` as a closure, as [`crate::probe::operation`] gives
/// the report's other rows (for `profile_loop`): `data` is `Scaling N` or `scaling-N`, `op`
/// `serialize` or `deserialize`, `lib` `ours` or `apache`.
pub fn operation(data: &str, op: &str, lib: &str) -> Option<crate::probe::Operation> {
    let n: usize = data
        .strip_prefix("Scaling ")
        .or_else(|| data.strip_prefix("scaling-"))?
        .parse()
        .ok()?;
    match (op, lib) {
        ("serialize", "ours") => {
            let (fory, value) = (ours::fory(), ours::readings(n));
            let mut buf = Vec::new();
            Some(Box::new(move || {
                fory.serialize_into(black_box(&value), &mut buf).unwrap();
                buf.len()
            }))
        }
        ("deserialize", "ours") => {
            let fory = ours::fory();
            let bytes = fory.serialize(&ours::readings(n)).unwrap();
            Some(Box::new(move || {
                let back: ours::Readings = fory.deserialize(black_box(&bytes)).unwrap();
                back.items.len()
            }))
        }
        ("serialize", "apache") => {
            let (fory, value) = (apache::fory(), apache::readings(n));
            let mut buf = Vec::new();
            Some(Box::new(move || {
                buf.clear();
                fory.serialize_to(&mut buf, black_box(&value)).unwrap();
                buf.len()
            }))
        }
        ("deserialize", "apache") => {
            let fory = apache::fory();
            let bytes = fory.serialize(&apache::readings(n)).unwrap();
            Some(Box::new(move || {
                let back: apache::Readings = fory.deserialize(black_box(&bytes)).unwrap();
                back.items.len()
            }))
        }
        _ => None,
    }
}

/// The benchmark id of one series at one size.
pub fn id(n: usize, op: &str, lib: &str) -> String {
    format!("Scaling {n}/{op}/{lib}")
}

/// A per-call figure of one series at one size (criterion's ns, or instructions) per element.
fn per_element(per_call: &BTreeMap<String, f64>, n: usize, op: &str, lib: &str) -> Option<f64> {
    per_call.get(&id(n, op, lib)).map(|t| t / n as f64)
}

/// max/min of a series' per-element figure over N = [`FLAT_FROM`] and up, where all exist.
fn flatness(per_call: &BTreeMap<String, f64>, op: &str, lib: &str) -> Option<f64> {
    let values: Option<Vec<f64>> = SIZES
        .iter()
        .filter(|&&n| n >= FLAT_FROM)
        .map(|&n| per_element(per_call, n, op, lib))
        .collect();
    let values = values?;
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    Some(max / min)
}

fn series_name(op: &str, lib: &str) -> String {
    format!("{lib} {}", if op == "serialize" { "ser" } else { "de" })
}

/// Payload bytes per element (at 10,000 elements), per library.
fn bytes_per_element() -> (f64, f64) {
    let n = 10_000;
    let o = ours::fory().serialize(&ours::readings(n)).unwrap().len();
    let a = apache::fory()
        .serialize(&apache::readings(n))
        .unwrap()
        .len();
    (o as f64 / n as f64, a as f64 / n as f64)
}

/// Minor page faults of this process so far (field 10 of `/proc/self/stat`; Linux only).
fn minor_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name in parentheses may hold spaces: count the fields after it.
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().nth(7)?.parse().ok()
}

/// Page faults per call of one series at `n` elements, in the steady state (after two calls).
pub fn faults_per_call(n: usize, op: &str, lib: &str) -> Option<f64> {
    let mut operation = operation(&format!("Scaling {n}"), op, lib)?;
    black_box(operation());
    black_box(operation());
    let (before, calls) = (minor_faults()?, 4);
    for _ in 0..calls {
        black_box(operation());
    }
    Some((minor_faults()? - before) as f64 / calls as f64)
}

/// The size of the unified cache of a level on CPU 0, from sysfs (`2048K`: "2 MiB").
fn cache_size(level: u32) -> Option<String> {
    (0..8).find_map(|i| {
        let dir = format!("/sys/devices/system/cpu/cpu0/cache/index{i}");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).ok();
        if read("type")?.trim() != "Unified" || read("level")?.trim() != level.to_string() {
            return None;
        }
        let kib: u64 = read("size")?.trim().strip_suffix('K')?.parse().ok()?;
        Some(if kib % 1024 == 0 {
            format!("{} MiB", kib / 1024)
        } else {
            format!("{kib} KiB")
        })
    })
}

/// The report section (nothing when no scaling benchmark has a result): ns per element, the
/// instructions per element where the instruction pass counted them, and for each series that
/// is not flat, the measurements that say why.
pub fn section(
    md: &mut String,
    results: &BTreeMap<String, f64>,
    instr: &Counts,
) -> std::fmt::Result {
    if !results.keys().any(|k| k.starts_with("Scaling ")) {
        return Ok(());
    }
    let (ours_bytes, apache_bytes) = bytes_per_element();
    let last = SIZES[SIZES.len() - 1];
    writeln!(md, "## Scaling: a list of N small structs\n")?;
    writeln!(
        md,
        "`Readings {{ items: Vec<Reading> }}` with `Reading {{ id: i64, value: f64, ok: bool, \
         code: i32 }}`, N elements, schema-consistent mode, registered alike in both \
         libraries ({ours_bytes:.1} payload bytes per element for ours, {apache_bytes:.1} for \
         apache). ns per element (criterion's median per call / N); serializing writes into a \
         reused buffer, deserializing builds the owned `Vec` from a byte slice. The last row is \
         each series' max/min over N = {} … {} (target: flat within {FLAT_TARGET}×; bold \
         above).\n",
        group_thousands(FLAT_FROM as u64),
        group_thousands(last as u64),
    )?;
    table(md, results, fmt_ns, true)?;
    let instr_per_call: BTreeMap<String, f64> = SIZES
        .iter()
        .flat_map(|&n| SERIES.iter().map(move |&(op, lib)| id(n, op, lib)))
        .filter_map(|id| Some((id.clone(), instr.per_op(&id)?)))
        .collect();
    if !instr_per_call.is_empty() {
        writeln!(
            md,
            "Instructions per element (callgrind, counted as in the time table above; they do \
             not see cache misses or page faults):\n"
        )?;
        table(md, &instr_per_call, |v| format!("{v:.1}"), false)?;
    }
    for (op, lib) in SERIES {
        let Some(spread) = flatness(results, op, lib).filter(|&r| r > FLAT_TARGET) else {
            continue;
        };
        let reason = why_not_flat(op, lib, flatness(&instr_per_call, op, lib), ours_bytes);
        writeln!(
            md,
            "Not flat: {} ({spread:.2}×). {reason}\n",
            series_name(op, lib)
        )?;
    }
    writeln!(
        md,
        "![ns per element against N, log scale](scaling.png)\n\n`scaling.png`: the first \
         table as a chart (N on a log scale).\n"
    )
}

/// The measurements behind a series that is not flat, and what they point to: the work per
/// element (instructions), fresh pages (page faults per call at the largest N) or, when neither
/// grows, memory access.
fn why_not_flat(op: &str, lib: &str, instr_spread: Option<f64>, bytes_per_element: f64) -> String {
    let last = SIZES[SIZES.len() - 1];
    let mut facts = Vec::new();
    if let Some(r) = instr_spread {
        facts.push(format!(
            "its instructions per element vary by {:.1} % over the same N",
            (r - 1.0) * 100.0
        ));
    }
    let faults = faults_per_call(last, op, lib);
    if let Some(f) = faults {
        facts.push(format!(
            "a call at {} elements takes {f:.0} page faults",
            group_thousands(last as u64)
        ));
    }
    let value_mb = (last * std::mem::size_of::<ours::Reading>()) as f64 / 1e6;
    let payload_mb = last as f64 * bytes_per_element / 1e6;
    let (read, written) = if op == "serialize" {
        (value_mb, payload_mb)
    } else {
        (payload_mb, value_mb)
    };
    let conclusion = if instr_spread.is_some_and(|r| r > 1.2) {
        "so the work per element itself grows with N".to_string()
    } else if faults.is_some_and(|f| f >= 100.0) {
        "so first touches of fresh pages take the extra time".to_string()
    } else {
        format!(
            "so the extra time is memory access: at {} elements a call reads {read:.0} MB and \
             writes {written:.0} MB, against a {} L2 cache per core and {} of L3 shared with \
             the machine's other work",
            group_thousands(last as u64),
            cache_size(2).unwrap_or_else(|| "?".into()),
            cache_size(3).unwrap_or_else(|| "?".into()),
        )
    };
    let line = format!("{}, {conclusion}.", facts.join("; "));
    let line = line.trim_start_matches(", ");
    // Capitalized: the line is a sentence of its own.
    format!("{}{}", line[..1].to_uppercase(), &line[1..])
}

/// One table of per-element figures: a row per N, a column per series, and with `spread` the
/// max/min row.
fn table(
    md: &mut String,
    per_call: &BTreeMap<String, f64>,
    fmt: fn(f64) -> String,
    spread: bool,
) -> std::fmt::Result {
    let names: Vec<String> = SERIES.iter().map(|(o, l)| series_name(o, l)).collect();
    writeln!(md, "| N | {} |", names.join(" | "))?;
    writeln!(md, "|--:|{}", "--:|".repeat(SERIES.len()))?;
    for n in SIZES {
        let cells: Vec<String> = SERIES
            .iter()
            .map(|(op, lib)| per_element(per_call, n, op, lib).map_or("–".into(), fmt))
            .collect();
        writeln!(
            md,
            "| {} | {} |",
            group_thousands(n as u64),
            cells.join(" | ")
        )?;
    }
    if spread {
        let cells: Vec<String> = SERIES
            .iter()
            .map(|(op, lib)| match flatness(per_call, op, lib) {
                Some(r) if r > FLAT_TARGET => format!("**{r:.2}**"),
                Some(r) => format!("{r:.2}"),
                None => "–".into(),
            })
            .collect();
        writeln!(md, "| max/min | {} |", cells.join(" | "))?;
    }
    writeln!(md)
}

fn fmt_ns(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

/// Draws `scaling.png`: ns per element against N (log scale), one line per series.
pub fn draw(path: &Path, results: &BTreeMap<String, f64>) -> Result<(), crate::plot::BoxError> {
    use plotters::prelude::*;

    let series: Vec<(String, Vec<(f64, f64)>)> = SERIES
        .iter()
        .map(|(op, lib)| {
            let points = SIZES
                .iter()
                .filter_map(|&n| per_element(results, n, op, lib).map(|v| (n as f64, v)))
                .collect();
            (series_name(op, lib), points)
        })
        .filter(|(_, p): &(String, Vec<_>)| !p.is_empty())
        .collect();
    if series.is_empty() {
        return Err("no scaling results to draw".into());
    }
    crate::plot::load_font()?;
    let max = series
        .iter()
        .flat_map(|(_, p)| p.iter().map(|&(_, y)| y))
        .fold(0f64, f64::max)
        * 1.15;
    let root = BitMapBackend::new(path, (1000, 600)).into_drawing_area();
    root.fill(&WHITE)?;
    let (lo, hi) = (SIZES[0] as f64, SIZES[SIZES.len() - 1] as f64);
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "ns per element against list length (Readings, schema-consistent)",
            ("sans-serif", 20),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((lo * 0.8..hi * 1.25).log_scale(), 0f64..max)?;
    chart
        .configure_mesh()
        .x_desc("elements (N)")
        .y_desc("ns per element")
        .x_label_formatter(&|v| group_thousands(v.round() as u64))
        .label_style(("sans-serif", 13))
        .draw()?;
    let colors = [
        RGBColor(33, 102, 172),
        RGBColor(103, 169, 207),
        RGBColor(178, 24, 43),
        RGBColor(239, 138, 98),
    ];
    for ((name, points), color) in series.iter().zip(colors) {
        chart
            .draw_series(std::iter::once(PathElement::new(
                points.clone(),
                color.stroke_width(2),
            )))?
            .label(name.as_str())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
        chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, color.filled())))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 14))
        .draw()?;
    root.present()?;
    Ok(())
}
