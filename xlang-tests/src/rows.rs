//! The row format cases of [ROWS.md](../ROWS.md) on this side: one `#[derive(ForyRow)]` struct
//! per case schema (fields in the order ROWS.md gives, which is how the peers lay them out), the
//! case's value, our row of it, and the check of a row against it (read field by field through
//! the view's accessors, then decoded whole). The conformance runner writes our rows for the
//! peers to check (`run rows check DIR`) and checks theirs (`run rows gen DIR`); the golden rows
//! are checked by `tests/row_goldens.rs`.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::Path;
use std::process::Command;

use fory_core::row::{self, ForyRow, RowType};
use fory_core::types::{Date, Timestamp};

use crate::peers::{repo_root, run_command, Peer, Setup, RUN_TIMEOUT};

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Scalars {
    flag: bool,
    tiny: i8,
    small: i16,
    medium: i32,
    large: i64,
    single: f32,
    double: f64,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Strings {
    ascii: String,
    unicode: String,
    empty: String,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Binary {
    data: Vec<u8>,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct BinaryEmpty {
    data: Vec<u8>,
    after: String,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Temporal {
    day: Date,
    moment: Timestamp,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct TimestampRounding {
    moment: Timestamp,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Inner {
    code: i64,
    label: String,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Nested {
    id: i32,
    inner: Inner,
    name: String,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct ListInt32 {
    values: Vec<i32>,
    empty: Vec<i32>,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct ListString {
    names: Vec<String>,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct ListStruct {
    items: Vec<Inner>,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct MapStringInt32 {
    counts: BTreeMap<String, i32>,
}

#[derive(ForyRow, Debug, Clone, PartialEq)]
struct Nulls {
    id: i32,
    name: Option<String>,
    inner: Option<Inner>,
    count: Option<i64>,
    values: Vec<Option<i32>>,
    names: Vec<Option<String>>,
}

/// `wide50`: `f{i}` is an `i64` when `i % 3 == 0`, a `String` when 1, an `f64` when 2.
#[derive(ForyRow, Debug, Clone, PartialEq)]
pub struct Wide50 {
    pub f0: i64,
    pub f1: String,
    pub f2: f64,
    pub f3: i64,
    pub f4: String,
    pub f5: f64,
    pub f6: i64,
    pub f7: String,
    pub f8: f64,
    pub f9: i64,
    pub f10: String,
    pub f11: f64,
    pub f12: i64,
    pub f13: String,
    pub f14: f64,
    pub f15: i64,
    pub f16: String,
    pub f17: f64,
    pub f18: i64,
    pub f19: String,
    pub f20: f64,
    pub f21: i64,
    pub f22: String,
    pub f23: f64,
    pub f24: i64,
    pub f25: String,
    pub f26: f64,
    pub f27: i64,
    pub f28: String,
    pub f29: f64,
    pub f30: i64,
    pub f31: String,
    pub f32: f64,
    pub f33: i64,
    pub f34: String,
    pub f35: f64,
    pub f36: i64,
    pub f37: String,
    pub f38: f64,
    pub f39: i64,
    pub f40: String,
    pub f41: f64,
    pub f42: i64,
    pub f43: String,
    pub f44: f64,
    pub f45: i64,
    pub f46: String,
    pub f47: f64,
    pub f48: i64,
    pub f49: String,
}

/// The `wide50` value: `i * 1000003 - 25000000`, `"value {i}"`, `i + 0.25`.
pub fn wide50() -> Wide50 {
    let int = |i: i64| i * 1_000_003 - 25_000_000;
    let text = |i: usize| format!("value {i}");
    let float = |i: usize| i as f64 + 0.25;
    Wide50 {
        f0: int(0),
        f1: text(1),
        f2: float(2),
        f3: int(3),
        f4: text(4),
        f5: float(5),
        f6: int(6),
        f7: text(7),
        f8: float(8),
        f9: int(9),
        f10: text(10),
        f11: float(11),
        f12: int(12),
        f13: text(13),
        f14: float(14),
        f15: int(15),
        f16: text(16),
        f17: float(17),
        f18: int(18),
        f19: text(19),
        f20: float(20),
        f21: int(21),
        f22: text(22),
        f23: float(23),
        f24: int(24),
        f25: text(25),
        f26: float(26),
        f27: int(27),
        f28: text(28),
        f29: float(29),
        f30: int(30),
        f31: text(31),
        f32: float(32),
        f33: int(33),
        f34: text(34),
        f35: float(35),
        f36: int(36),
        f37: text(37),
        f38: float(38),
        f39: int(39),
        f40: text(40),
        f41: float(41),
        f42: int(42),
        f43: text(43),
        f44: float(44),
        f45: int(45),
        f46: text(46),
        f47: float(47),
        f48: int(48),
        f49: text(49),
    }
}

fn inner(code: i64, label: &str) -> Inner {
    Inner {
        code,
        label: label.into(),
    }
}

fn counts(order: [(&str, i32); 3]) -> MapStringInt32 {
    MapStringInt32 {
        counts: order.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    }
}

/// One row case: its name, our row of its value, the check of a row against the value, and
/// whether our bytes equal the peers' (false where the peers differ among themselves).
pub struct RowCase {
    /// The case name (the file `<name>.bin`).
    pub name: &'static str,
    /// Our row of the case's value.
    pub write: fn() -> fory_core::Result<Vec<u8>>,
    /// Reads a row field by field and whole, and compares with the case's value.
    pub check: fn(&[u8]) -> Result<(), String>,
    /// The peers whose rows of this case are byte-equal to ours.
    pub same_bytes_as: &'static [&'static str],
}

fn check_row<T: RowType + PartialEq + Debug>(bytes: &[u8], expected: T) -> Result<(), String> {
    // `from_row` reads each field through its accessor, nested views and arrays included.
    let read = row::from_row::<T>(bytes).map_err(|e| e.to_string())?;
    if read == expected {
        Ok(())
    } else {
        Err(format!("read {read:?}, expected {expected:?}"))
    }
}

macro_rules! case {
    ($name:literal, $same:expr, $value:expr) => {
        RowCase {
            name: $name,
            write: || row::to_row(&$value),
            check: |bytes| check_row(bytes, $value),
            same_bytes_as: $same,
        }
    };
}

const ALL: &[&str] = &["python-1.7.7", "apache-rust", "java-rows"];
const APACHE_JAVA: &[&str] = &["apache-rust", "java-rows"];
const APACHE: &[&str] = &["apache-rust"];

/// Every case of ROWS.md.
pub fn cases() -> Vec<RowCase> {
    vec![
        case!(
            "scalars",
            ALL,
            Scalars {
                flag: true,
                tiny: -128,
                small: 32767,
                medium: i32::MIN,
                large: 9_007_199_254_740_993,
                single: 1.5,
                double: -0.1,
            }
        ),
        case!(
            "strings",
            ALL,
            Strings {
                ascii: "hello".into(),
                unicode: "héllo 世界".into(),
                empty: String::new(),
            }
        ),
        case!(
            "binary",
            ALL,
            Binary {
                data: vec![0x00, 0x01, 0x7f, 0x80, 0xff],
            }
        ),
        case!(
            "binary_empty",
            APACHE_JAVA,
            BinaryEmpty {
                data: Vec::new(),
                after: "x".into(),
            }
        ),
        case!(
            "temporal",
            ALL,
            Temporal {
                day: Date::from_days(19_782),
                moment: Timestamp::from_unix_micros(1_709_210_096_789_012),
            }
        ),
        case!(
            "timestamp_rounding",
            APACHE_JAVA,
            TimestampRounding {
                moment: Timestamp::from_unix_micros(1_100_369_563_316_063),
            }
        ),
        case!(
            "nested",
            ALL,
            Nested {
                id: 7,
                inner: inner(-42, "inner"),
                name: "outer".into(),
            }
        ),
        case!(
            "list_int32",
            ALL,
            ListInt32 {
                values: vec![1, -2, 3, i32::MAX, i32::MIN],
                empty: Vec::new(),
            }
        ),
        case!(
            "list_string",
            ALL,
            ListString {
                names: vec!["a".into(), "héllo".into(), String::new()],
            }
        ),
        case!(
            "list_struct",
            ALL,
            ListStruct {
                items: vec![inner(1, "one"), inner(2, "two")],
            }
        ),
        case!(
            "map_string_int32",
            ALL,
            counts([("apple", 1), ("banana", -2), ("cherry", 3)])
        ),
        // A BTreeMap writes its keys sorted, as Apache Fory Rust does; pyfory writes a dict and
        // fory-format a LinkedHashMap in insertion order (cherry, apple, banana), so their bytes
        // differ from ours and all read either.
        case!(
            "map_unsorted",
            APACHE,
            counts([("cherry", 3), ("apple", 1), ("banana", -2)])
        ),
        case!(
            "nulls",
            ALL,
            Nulls {
                id: 1,
                name: None,
                inner: None,
                count: None,
                values: vec![Some(1), None, Some(3)],
                names: vec![Some("x".into()), None, Some("z".into())],
            }
        ),
        case!("wide50", ALL, wide50()),
    ]
}

/// The peers that read and write rows, as `run rows gen|check DIR`.
pub const ROW_PEERS: [&str; 4] = ["python-1.7.7", "python", "apache-rust", "java-rows"];

/// The outcome of one case in one direction with one peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowCell {
    /// Passed.
    Pass,
    /// Failed, and why.
    Fail(String),
    /// Not run: the peer cannot write this case, or is not set up (why).
    NotRun(String),
}

/// One peer's results: per case, ours read by the peer and the peer's read by us.
pub struct RowColumn {
    /// The peer.
    pub peer: String,
    /// How its setup went (`ready`, or why it did not run).
    pub status: String,
    /// Per case name: (the peer reading our row, us reading the peer's row).
    pub cells: BTreeMap<String, (RowCell, RowCell)>,
}

/// Runs every case both ways with `peer` under `work`: our rows into `work/rust/` for
/// `run rows check`, the peer's into `work/peer/` from `run rows gen`, checked here.
pub fn run_with_peer(peers_dir: &Path, peer: &str, work: &Path) -> RowColumn {
    let peer_dir = Peer::new(peers_dir, peer);
    let mut column = RowColumn {
        peer: peer.to_string(),
        status: "ready".into(),
        cells: BTreeMap::new(),
    };
    let not_run = |why: &str| (RowCell::NotRun(why.into()), RowCell::NotRun(why.into()));
    match peer_dir.setup() {
        Setup::Ready(_) => {}
        Setup::Skipped(why) | Setup::Failed(why) => {
            column.status = format!("not set up: {why}");
            for case in cases() {
                column
                    .cells
                    .insert(case.name.into(), not_run("peer not set up"));
            }
            return column;
        }
    }
    let ours = work.join("rust");
    let theirs = work.join("peer");
    for dir in [&ours, &theirs] {
        let _ = std::fs::remove_dir_all(dir);
        if let Err(e) = std::fs::create_dir_all(dir) {
            column.status = format!("cannot create {}: {e}", dir.display());
            return column;
        }
    }
    let mut written = BTreeMap::new();
    for case in cases() {
        let result = (case.write)().map_err(|e| e.to_string()).and_then(|bytes| {
            std::fs::write(ours.join(format!("{}.bin", case.name)), bytes)
                .map_err(|e| e.to_string())
        });
        written.insert(case.name, result);
    }
    let checked = rows_command(&peer_dir, "check", &ours);
    let generated = rows_command(&peer_dir, "gen", &theirs);
    for case in cases() {
        let peer_reads = match (&written[case.name], &checked) {
            (Err(e), _) => RowCell::Fail(format!("we could not write it: {e}")),
            (Ok(()), Err(e)) => RowCell::Fail(e.clone()),
            (Ok(()), Ok(lines)) => answer(lines, case.name),
        };
        let we_read = match &generated {
            Err(e) => RowCell::Fail(e.clone()),
            Ok(lines) => match answer(lines, case.name) {
                RowCell::Pass => match std::fs::read(theirs.join(format!("{}.bin", case.name))) {
                    Ok(bytes) => match (case.check)(&bytes) {
                        Ok(()) => RowCell::Pass,
                        Err(why) => RowCell::Fail(why),
                    },
                    Err(e) => RowCell::Fail(format!("the peer's row: {e}")),
                },
                other => other,
            },
        };
        column.cells.insert(case.name.into(), (peer_reads, we_read));
    }
    column
}

/// `run rows VERB DIR`: its `PASS` / `FAIL` / `SKIP` lines, or why it did not run.
fn rows_command(peer: &Peer, verb: &str, dir: &Path) -> Result<Vec<String>, String> {
    let mut cmd = Command::new(peer.run_script());
    cmd.arg("rows").arg(verb).arg(dir).current_dir(repo_root());
    let finished = run_command(cmd, RUN_TIMEOUT).map_err(|e| format!("run rows {verb}: {e}"))?;
    let lines: Vec<String> = finished.stdout.lines().map(str::to_string).collect();
    if lines
        .iter()
        .any(|l| l.starts_with("PASS ") || l.starts_with("FAIL "))
    {
        Ok(lines)
    } else {
        Err(format!("run rows {verb}: {}", finished.describe(true)))
    }
}

/// The answer line for `case` among a `run rows` command's lines.
fn answer(lines: &[String], case: &str) -> RowCell {
    for line in lines {
        // `PASS <case>`, `PASS <case> (remark)`, `FAIL <case>: <why>`, `SKIP <case>: <why>`.
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let name = rest.split([' ', ':']).next().unwrap_or("");
        if name != case {
            continue;
        }
        let why = rest.split_once(':').map_or("", |(_, why)| why);
        return match word {
            "PASS" => RowCell::Pass,
            "SKIP" => RowCell::NotRun(why.trim().to_string()),
            _ => RowCell::Fail(why.trim().to_string()),
        };
    }
    RowCell::Fail("no answer for this case".into())
}

/// The row format results of every row peer.
pub struct RowReport {
    /// One column per peer.
    pub columns: Vec<RowColumn>,
}

impl RowReport {
    fn cells(&self) -> impl Iterator<Item = &RowCell> {
        self.columns
            .iter()
            .flat_map(|c| c.cells.values().flat_map(|(a, b)| [a, b]))
    }

    /// Cells that failed.
    pub fn failed(&self) -> usize {
        self.cells()
            .filter(|c| matches!(c, RowCell::Fail(_)))
            .count()
    }

    /// `row format (ROWS.md): N checks passed, N failed, N not run`.
    pub fn result_line(&self) -> String {
        let passed = self.cells().filter(|c| **c == RowCell::Pass).count();
        let not_run = self
            .cells()
            .filter(|c| matches!(c, RowCell::NotRun(_)))
            .count();
        format!(
            "row format (ROWS.md): {passed} checks passed, {} failed, {not_run} not run",
            self.failed()
        )
    }

    /// The case × peer table (each cell: the peer reading our row / us reading the peer's), then
    /// every failure and every case not run, with why.
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "## Row format\n\nEach cell: the peer reading our row / our reading of the peer's \
             row (`run rows check` / `run rows gen`, see ROWS.md).\n\n| case |",
        );
        for c in &self.columns {
            out.push_str(&format!(" {} |", c.peer));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(self.columns.len()));
        out.push('\n');
        let short = |cell: &RowCell| match cell {
            RowCell::Pass => "pass",
            RowCell::Fail(_) => "**FAIL**",
            RowCell::NotRun(_) => "n/a",
        };
        let mut notes = Vec::new();
        for case in cases() {
            out.push_str(&format!("| {} |", case.name));
            for c in &self.columns {
                let (theirs, ours) = &c.cells[case.name];
                out.push_str(&format!(" {} / {} |", short(theirs), short(ours)));
                for (direction, cell) in [("peer reads ours", theirs), ("we read the peer's", ours)]
                {
                    match cell {
                        RowCell::Fail(why) => notes.push(format!(
                            "- FAIL {} with {} ({direction}): {why}",
                            case.name, c.peer
                        )),
                        RowCell::NotRun(why) => notes.push(format!(
                            "- n/a {} with {} ({direction}): {why}",
                            case.name, c.peer
                        )),
                        RowCell::Pass => {}
                    }
                }
            }
            out.push('\n');
        }
        for c in &self.columns {
            if c.status != "ready" {
                notes.insert(0, format!("- {}: {}", c.peer, c.status));
            }
        }
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&notes.join("\n"));
            out.push('\n');
        }
        out
    }
}
