//! The live conformance run against the Java, Python (pyfory 1.6.0 and 1.7.7) and Go peers:
//!
//! ```text
//! cargo run --release -p xlang-tests --bin conformance [-- [--peers-dir DIR] [PEER ...]]
//! ```
//!
//! Sets every peer up, has it generate its files, checks each case four ways (decode, round
//! trip, bytes, regenerated), prints the case × peer table and writes it as Markdown to
//! `target/conformance.md`. Exits non-zero if anything failed. Work files go to
//! `target/conformance/<peer>/`: `golden/` (what `run gen` wrote, plus an `UNSUPPORTED` file;
//! the tree to copy to `xlang-tests/golden/<peer>/`), `rust/` (our encodings) and `ours/` (our
//! encodings as the peer rewrote them in `run roundtrip`).
//!
//! It also builds every example of `fory-core/examples/` (`cargo build --release --examples --features zeromq`,
//! while the peers set up) and runs each as rows of the same table (see `xlang_tests::interop`):
//! the exchange examples against their peers' sides, every side on its library's default
//! configuration (`peer_interop`: the rows `interop_by_id` and `interop_by_name` with every
//! peer; `python_interop` with both Python peers; `java_interop` with Java; the peer writes into
//! `golden/` and the example into `rust/`), the live one against its peers' sides at the same
//! time over a socket (`zmq_python` with both Python peers, over ZeroMQ on loopback TCP), and
//! the self-contained ones alone, in the column
//! group `rust` (exit 0 passes).
//!
//! Then the row format cases (ROWS.md, `xlang_tests::rows`) with pyfory 1.7.7, pyfory 1.6.0,
//! Java's fory-format 0.16.0 and Apache Fory Rust 1.7.7: our rows checked by the peer (`run rows check`), the peer's rows
//! (`run rows gen`) checked here, in a table of their own under `target/conformance/rows/`.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;
use std::thread;
use std::time::Instant;

use xlang_tests::cases::{all, for_peer, Case};
use xlang_tests::differences::{accepted, non_deterministic};
use xlang_tests::generative::run::{parse_case_name, Options as RandomOptions};
use xlang_tests::interop::{self, build_examples, run_example, Built, Example, Kind, EXAMPLES};
use xlang_tests::payload::{case_of_file, Payload};
use xlang_tests::peers::{
    committed_golden_dir, read_unsupported_file, render_unsupported, repo_root, Answer, Answers,
    Peer, Setup, PEERS, UNSUPPORTED_FILE,
};
use xlang_tests::report::{Cell, PeerColumn, Report};
use xlang_tests::rows::{run_with_peer, RowReport, ROW_PEERS};

const USAGE: &str = "usage: conformance [--peers-dir DIR] [--require-all] [--random N] [--seed S]
                   [--random-case NAME] [--random-only] [--no-shrink] [PEER ...]
  PEER           java, python (pyfory 1.6.0), python-1.7.7 or go (default: all four; the
                 random cases and the row format also go to apache-rust)
  --peers-dir    where the peers are (default: xlang-tests/peers)
  --require-all  a skipped peer (toolchain missing) is a failure
  --random N     random cases spread over the peers (default 200; 0: none), see GENERATIVE.md
  --seed S       their seed (default 1)
  --random-case  only this random case (r<seed>_<index>), and no fixed cases
  --random-only  the random cases only
  --no-shrink    report failed random cases as they are, without shrinking them";

/// The default budget of random cases and their seed.
const RANDOM_CASES: u64 = 200;
const RANDOM_SEED: u64 = 1;

fn main() -> ExitCode {
    let mut peers_dir = repo_root().join("xlang-tests/peers");
    let mut selected = Vec::new();
    let mut require_all = false;
    let mut random = RandomOptions {
        seed: RANDOM_SEED,
        count: RANDOM_CASES,
        only: None,
        peers: Vec::new(),
    };
    let mut fixed = true;
    let mut shrink = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--peers-dir" => match args.next() {
                Some(dir) => peers_dir = PathBuf::from(dir),
                None => return usage_error("--peers-dir needs a directory"),
            },
            "--require-all" => require_all = true,
            "--random" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => random.count = n,
                None => return usage_error("--random needs a number"),
            },
            "--seed" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => random.seed = n,
                None => return usage_error("--seed needs a number"),
            },
            "--random-case" => match args.next().as_deref().and_then(parse_case_name) {
                Some((seed, index)) => {
                    random.seed = seed;
                    random.only = Some(index);
                    fixed = false;
                }
                None => return usage_error("--random-case needs a name r<seed>_<index>"),
            },
            "--random-only" => fixed = false,
            "--no-shrink" => shrink = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            peer if PEERS.contains(&peer) || random_peer(peer) || ROW_PEERS.contains(&peer) => {
                selected.push(peer.to_string())
            }
            other => return usage_error(&format!("unknown argument {other:?}")),
        }
    }
    random.peers = selected.clone();
    if !fixed && random.count == 0 && random.only.is_none() {
        return usage_error("nothing to run: --random-only with --random 0");
    }
    let peers: Vec<String> = if !fixed {
        Vec::new()
    } else if selected.is_empty() {
        PEERS.iter().map(|p| p.to_string()).collect()
    } else {
        PEERS
            .iter()
            .filter(|p| selected.iter().any(|s| s == *p))
            .map(|p| p.to_string())
            .collect()
    };
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let out_dir = target.join("conformance");

    // The checks decode bytes from other programs: report a panic as a failure, quietly.
    panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    // The examples build while the peers set up; each peer waits for them when it needs them.
    // Then the self-contained ones run, beside the peers.
    let examples = thread::spawn(move || {
        if !fixed {
            return None;
        }
        if LazyLock::force(&BUILT).is_ok() {
            eprintln!("[examples] built in {:.1}s", start.elapsed().as_secs_f64());
        }
        let column = run_alone();
        eprintln!(
            "[{}] self-contained examples done in {:.1}s",
            interop::ALONE,
            start.elapsed().as_secs_f64()
        );
        Some(column)
    });
    let handles: Vec<_> = peers
        .iter()
        .map(|name| {
            let peer = Peer::new(&peers_dir, name);
            let work = out_dir.join(name);
            thread::spawn(move || run_peer(&peer, &work, require_all))
        })
        .collect();
    let mut columns: Vec<PeerColumn> = handles
        .into_iter()
        .map(|h| h.join().expect("peer thread"))
        .collect();
    columns.extend(examples.join().expect("examples thread"));
    let report = Report {
        cases: all()
            .iter()
            .map(|c| c.name)
            .chain(interop::rows())
            .map(str::to_string)
            .collect(),
        peers: columns,
    };
    eprintln!("conformance: {:.1}s", start.elapsed().as_secs_f64());

    // The row format, both ways with each peer that has rows (after the fixed cases, which set
    // the Python peers up).
    let row_report = fixed.then(|| {
        let report = run_rows(&selected, &peers_dir, &out_dir.join("rows"));
        eprintln!("row format: {:.1}s", start.elapsed().as_secs_f64());
        report
    });

    // The random cases, after the fixed ones (their peers are set up by then).
    let random_report = (random.count > 0 || random.only.is_some()).then(|| {
        let report = run_random(&random, shrink, &peers_dir, &out_dir.join("random"));
        eprintln!("random cases: {:.1}s", start.elapsed().as_secs_f64());
        report
    });

    let mut markdown = if fixed {
        report.markdown()
    } else {
        String::new()
    };
    if let Some(r) = &row_report {
        markdown.push('\n');
        markdown.push_str(&r.markdown());
    }
    if let Some(r) = &random_report {
        markdown.push('\n');
        markdown.push_str(&r.markdown());
    }
    let md_path = target.join("conformance.md");
    let written = fs::create_dir_all(&target).and_then(|()| fs::write(&md_path, &markdown));
    if fixed {
        print_report(&report);
    }
    if let Some(r) = &row_report {
        println!("\n{}", r.markdown());
    }
    if let Some(r) = &random_report {
        println!("\n{}", r.markdown());
    }
    if let Err(e) = &written {
        println!("cannot write {}: {e}", md_path.display_rel());
    } else {
        println!("Markdown report: {}", md_path.display_rel());
    }
    let mut failed = written.is_err();
    if fixed {
        let c = report.counts();
        println!("{}", c.other_line());
        println!("{}", c.result_line());
        failed |= c.failed_total() > 0;
    }
    if let Some(r) = &row_report {
        println!("{}", r.result_line());
        failed |= r.failed() > 0;
    }
    if let Some(r) = &random_report {
        let t = r.totals();
        println!(
            "random cases (seed {}): {} passed, {} failed, {} not run{}",
            r.seed,
            t.passed,
            t.failed,
            t.not_run,
            if t.run_failures > 0 {
                format!(", {} run failures", t.run_failures)
            } else {
                String::new()
            }
        );
        failed |= t.failed > 0 || t.run_failures > 0;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The row format cases with every row peer (or those of `selected`), each in its thread.
fn run_rows(selected: &[String], peers_dir: &Path, work: &Path) -> RowReport {
    let peers: Vec<&str> = ROW_PEERS
        .iter()
        .copied()
        .filter(|p| selected.is_empty() || selected.iter().any(|s| s == p))
        .collect();
    let columns = thread::scope(|s| {
        let handles: Vec<_> = peers
            .iter()
            .map(|peer| s.spawn(move || run_with_peer(peers_dir, peer, &work.join(peer))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("row peer thread"))
            .collect()
    });
    RowReport { columns }
}

/// Whether `peer` takes part in the random cases only.
fn random_peer(peer: &str) -> bool {
    xlang_tests::generative::capabilities::PEERS
        .iter()
        .any(|c| c.peer == peer)
}

fn run_random(
    options: &RandomOptions,
    shrink: bool,
    peers_dir: &Path,
    work: &Path,
) -> xlang_tests::generative::run::RandomReport {
    eprintln!(
        "[random] {} cases of seed {}",
        options.only.map_or(options.count, |_| 1),
        options.seed
    );
    let mut report = xlang_tests::generative::run::run(options, peers_dir, work);
    // A line per peer that is not ready and per failure, here where a truncated log still
    // shows them (the report comes last).
    for (peer, status) in &report.peer_status {
        if status.starts_with("skipped") || status.starts_with("setup failed") {
            eprintln!("[random] {peer}: {}", shorten(status, 600));
        }
    }
    for failure in &report.run_failures {
        eprintln!("[random] {}", shorten(failure, 600));
    }
    for r in report.results.iter().filter(|r| r.failed()) {
        let why = r.failures().join("; ");
        eprintln!(
            "[random] {} ({}) failed: {}",
            r.case.name,
            r.peer,
            shorten(&why, 300)
        );
    }
    // Each failure (the first few) shrunk to the smallest case that still fails the same way.
    let failed: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.failed())
        .take(if shrink { SHRINK_AT_MOST } else { 0 })
        .cloned()
        .collect();
    for r in failed {
        eprintln!("[random] shrinking {} ({})", r.case.name, r.peer);
        let shrunk = xlang_tests::generative::shrink::shrink(&r, peers_dir, &work.join("shrink"));
        report.shrunk.insert(r.case.name.clone(), shrunk);
    }
    report
}

/// `text`, cut to about `at_most` bytes (on a character boundary).
fn shorten(text: &str, at_most: usize) -> String {
    match text.char_indices().nth(at_most) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// How many failed random cases a run shrinks (each takes a few builds of both sides).
const SHRINK_AT_MOST: usize = 5;

fn usage_error(message: &str) -> ExitCode {
    eprintln!("conformance: {message}\n{USAGE}");
    ExitCode::from(2)
}

fn print_report(report: &Report) {
    println!("Peers:");
    for p in &report.peers {
        println!("  {}: {}", p.peer, p.status);
    }
    println!();
    print!("{}", report.text_table());
    let notes: Vec<String> = report
        .peers
        .iter()
        .flat_map(|p| p.notes.iter().map(move |n| format!("{}: {n}", p.peer)))
        .collect();
    // The lists as the Markdown report has them, but for the checks that do not apply, with
    // their headings' counts (checks, and peer/case pairs: one line each); then the notes.
    let mut sections: Vec<(String, Vec<String>)> = report
        .lists()
        .into_iter()
        .filter(|list| list.title != "Not applicable")
        .map(|list| (list.heading(), list.items))
        .collect();
    sections.push((format!("Notes ({})", notes.len()), notes));
    for (heading, items) in sections {
        if items.is_empty() {
            continue;
        }
        println!("\n{heading}:");
        for item in items {
            println!("  - {}", item.replace('\n', "\n      "));
        }
    }
    println!();
}

/// Runs the case's check on `payload` with a fresh `Fory` for the case, then with one built for
/// the other mode (which must read it too); a panic is an error.
fn check(case: &Case, payload: &Payload) -> Result<Payload, String> {
    let ours = check_in_mode(case, payload, case.mode.compatible)?;
    // Reading follows the writer's mode: a reader built for the other mode reads it too.
    let other = !case.mode.compatible;
    check_in_mode(case, payload, other)
        .map_err(|e| format!("read by a reader built with compatible({other}): {e}"))?;
    Ok(ours)
}

/// Decodes and checks `payload` with the case's `Fory` built for `compatible`, catching panics.
fn check_in_mode(case: &Case, payload: &Payload, compatible: bool) -> Result<Payload, String> {
    let mut mode = case.mode;
    mode.compatible = compatible;
    let run = || (case.check)(&mode.fory(), mode.callback, payload);
    match panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {what}"))
        }
    }
}

/// Paths in messages, relative to the repository root when under it.
trait DisplayRel {
    fn display_rel(&self) -> String;
}

impl DisplayRel for Path {
    fn display_rel(&self) -> String {
        let root = repo_root();
        self.strip_prefix(&root)
            .unwrap_or(self)
            .display()
            .to_string()
    }
}

fn read(path: &Path) -> Option<Payload> {
    Payload::read(path)
}

fn bin(dir: &Path, case: &str) -> PathBuf {
    dir.join(format!("{case}.bin"))
}

fn all_cells(cases: usize, cell: Cell) -> Vec<[Cell; 4]> {
    vec![[cell.clone(), cell.clone(), cell.clone(), cell]; cases]
}

/// Everything for one peer: setup, gen, the four checks per case.
/// A skipped peer is a failure when `require_all`.
fn run_peer(peer: &Peer, work: &Path, require_all: bool) -> PeerColumn {
    let name = peer.name.as_str();
    let cases = for_peer(name);
    let committed = committed_golden_dir(name);
    let mut col = PeerColumn {
        peer: name.to_string(),
        status: String::new(),
        skipped: false,
        cells: Vec::new(),
        peer_failures: Vec::new(),
        notes: Vec::new(),
    };
    // Nothing of an earlier run stays behind, even when the peer cannot run now.
    let _ = fs::remove_dir_all(work);
    // The committed tree is checked even when the peer cannot run.
    stray_files(
        &committed,
        &cases,
        "committed golden",
        &mut col.peer_failures,
    );

    let start = Instant::now();
    match peer.setup() {
        Setup::Ready(line) => col.status = line,
        Setup::Skipped(reason) => {
            col.status = format!("skipped: {reason}");
            col.skipped = true;
            if require_all {
                col.peer_failures
                    .push(format!("skipped, but --require-all: {reason}"));
            }
            col.cells = uniform_cells(name, cases.len(), Cell::Skipped);
            return col;
        }
        Setup::Failed(message) => {
            col.status = "setup failed".to_string();
            col.peer_failures.push(format!(
                "setup failed (each of its checks counts as failed): {message}"
            ));
            // An empty message: explained by the peer-level failure, not listed per case.
            col.cells = uniform_cells(name, cases.len(), Cell::fail(""));
            return col;
        }
    }
    eprintln!("[{name}] set up in {:.1}s", start.elapsed().as_secs_f64());

    let golden = work.join("golden");
    let rust = work.join("rust");
    let ours = work.join("ours");
    for dir in [&golden, &rust, &ours] {
        if let Err(e) = fs::create_dir_all(dir) {
            col.peer_failures
                .push(format!("cannot create {}: {e}", dir.display_rel()));
            col.cells = uniform_cells(name, cases.len(), Cell::fail(""));
            return col;
        }
    }

    // gen
    let unsupported = match peer.gen(&golden) {
        Err(e) => {
            col.peer_failures.push(format!("cannot run `run gen`: {e}"));
            BTreeMap::new()
        }
        Ok(gen) => {
            if !gen.finished.success() {
                col.peer_failures
                    .push(format!("run gen {}", gen.finished.describe(false)));
            }
            col.notes.extend(
                gen.unknown_lines
                    .iter()
                    .map(|l| format!("run gen printed: {l}")),
            );
            gen.unsupported
        }
    };
    eprintln!(
        "[{name}] generated in {:.1}s",
        start.elapsed().as_secs_f64()
    );
    for case in unsupported.keys() {
        if !cases.iter().any(|c| c.name == case) {
            col.peer_failures.push(format!(
                "run gen reported UNSUPPORTED {case}, which no Rust case names"
            ));
        }
    }
    if !unsupported.is_empty() {
        if let Err(e) = fs::write(
            golden.join(UNSUPPORTED_FILE),
            render_unsupported(&unsupported),
        ) {
            col.peer_failures
                .push(format!("cannot write {UNSUPPORTED_FILE}: {e}"));
        }
    }
    stray_files(&golden, &cases, "run gen wrote", &mut col.peer_failures);
    let committed_exists = committed.is_dir();
    if committed_exists {
        match read_unsupported_file(&committed) {
            Err(e) => col
                .peer_failures
                .push(format!("committed golden {}: {e}", committed.display_rel())),
            Ok(listed) if listed != unsupported => col.peer_failures.push(format!(
                "the UNSUPPORTED cases differ from the committed {}/{UNSUPPORTED_FILE}: \
                 committed [{}], now [{}]",
                committed.display_rel(),
                listed.keys().cloned().collect::<Vec<_>>().join(", "),
                unsupported.keys().cloned().collect::<Vec<_>>().join(", ")
            )),
            Ok(_) => {}
        }
    } else {
        col.peer_failures.push(format!(
            "no committed golden directory {}; to commit this run's files: \
             cp -r {} {}",
            committed.display_rel(),
            golden.display_rel(),
            committed.display_rel()
        ));
    }

    // decode, bytes, regenerated; collect our encodings for the round trip
    let mut rows = Vec::with_capacity(cases.len());
    let mut pairs = Vec::new();
    for case in &cases {
        let fresh = read(&bin(&golden, case.name));
        let gen_unsupported = unsupported.get(case.name);
        let mut ours_bytes = None;

        let decode = match (&fresh, gen_unsupported) {
            (None, Some(reason)) => Cell::Unsupported(reason.clone()),
            (None, None) => Cell::fail("run gen wrote no file and did not report UNSUPPORTED"),
            (Some(bytes), unsupported) => match check(case, bytes) {
                Ok(encoded) => {
                    ours_bytes = Some(encoded);
                    if unsupported.is_some() {
                        Cell::fail("run gen wrote a file and also reported the case UNSUPPORTED")
                    } else {
                        Cell::Pass
                    }
                }
                Err(e) => Cell::fail(e),
            },
        };
        let decode_failed = matches!(decode, Cell::Fail { .. });
        if ours_bytes.is_none() {
            ours_bytes = case.encode_payload().ok();
        }

        let bytes = if !case.byte_equal {
            Cell::NotApplicable("the two sides write different types by design".to_string())
        } else {
            match (&fresh, &ours_bytes) {
                (None, _) => match gen_unsupported {
                    Some(reason) => Cell::Unsupported(reason.clone()),
                    None => Cell::NotRun("no peer file".to_string()),
                },
                (Some(_), None) => Cell::NotRun("no encoding of ours".to_string()),
                (Some(theirs), Some(mine)) => {
                    match (mine.first_difference(theirs), accepted(name, case.name)) {
                        (None, None) => Cell::Pass,
                        // A peer that orders entries at random is sometimes equal to us; the
                        // difference stays accepted, so that the totals do not move with the
                        // order.
                        (None, Some(reason)) if non_deterministic(name, case.name).is_some() => {
                            Cell::Accepted(reason.to_string())
                        }
                        (None, Some(_)) => Cell::fail(
                            "listed as an accepted difference in differences.rs but now \
                             byte-equal: remove the entry",
                        ),
                        (Some(_), Some(reason)) => Cell::Accepted(reason.to_string()),
                        (Some(at), None) => Cell::fail_at(
                            at,
                            format!(
                                "our bytes differ from the peer's at offset {at} (ours {} \
                                 bytes, theirs {}; see {} and {})",
                                mine.len(),
                                theirs.len(),
                                bin(&rust, case.name).display_rel(),
                                bin(&golden, case.name).display_rel()
                            ),
                        ),
                    }
                }
            }
        };

        let regenerated = if !committed_exists {
            Cell::NotRun("no committed golden directory".to_string())
        } else {
            let committed_file = bin(&committed, case.name);
            match (&fresh, read(&committed_file)) {
                // A file in random order is n/a whether or not it came out the same this
                // time, so that the totals do not move with the order.
                (Some(new), Some(old)) => match non_deterministic(name, case.name) {
                    Some(reason) => Cell::NotApplicable(format!("non-deterministic: {reason}")),
                    None => match new.first_difference(&old) {
                        None => Cell::Pass,
                        Some(at) => Cell::fail_at(
                            at,
                            format!(
                                "the regenerated file differs from the committed {} at offset \
                                 {at}",
                                committed_file.display_rel()
                            ),
                        ),
                    },
                },
                (Some(_), None) => Cell::fail(format!(
                    "{} is not committed (the peer now writes it)",
                    committed_file.display_rel()
                )),
                (None, Some(_)) => Cell::fail(format!(
                    "{} is committed but the peer no longer writes it",
                    committed_file.display_rel()
                )),
                (None, None) => match gen_unsupported {
                    Some(reason) => Cell::Unsupported(reason.clone()),
                    None => Cell::NotRun("no peer file".to_string()),
                },
            }
        };

        let round_trip = match &ours_bytes {
            Some(mine) => {
                let sent = bin(&ours, case.name);
                match mine
                    .write(&bin(&rust, case.name))
                    .and_then(|()| mine.write(&sent))
                {
                    Ok(()) => {
                        pairs.push((case.name.to_string(), sent));
                        // Replaced by the peer's answer below.
                        Cell::fail("no answer from run roundtrip")
                    }
                    Err(e) => Cell::fail(format!("cannot write {}: {e}", sent.display_rel())),
                }
            }
            None if decode_failed => Cell::NotRun("decode failed".to_string()),
            None => Cell::fail(
                "no encoding of the case value: neither this peer's file nor any committed \
                 golden decodes",
            ),
        };
        rows.push([decode, round_trip, bytes, regenerated]);
    }

    // round trip: one process for every case
    if !pairs.is_empty() {
        match peer.roundtrip(&pairs) {
            Err(e) => {
                col.peer_failures
                    .push(format!("cannot run `run roundtrip`: {e}"));
                for (case, _) in &pairs {
                    let i = cases.iter().position(|c| c.name == case).expect("a case");
                    rows[i][1] = Cell::fail("");
                }
            }
            Ok(rt) => {
                let any_fail = rt.answers.values().any(|a| matches!(a, Answer::Fail(_)));
                let missing = pairs.iter().any(|(c, _)| !rt.answers.contains_key(c));
                let how = rt.finished.describe(false);
                if rt.finished.success() == (any_fail || missing) {
                    col.peer_failures.push(format!(
                        "run roundtrip {how} (the peer interface says: exit 0 exactly when \
                         every answer is OK or UNSUPPORTED)"
                    ));
                }
                col.notes.extend(
                    rt.unknown_lines
                        .iter()
                        .map(|l| format!("run roundtrip printed: {l}")),
                );
                for (case_name, file) in &pairs {
                    let i = cases
                        .iter()
                        .position(|c| c.name == case_name)
                        .expect("a case");
                    rows[i][1] = match rt.answers.get(case_name) {
                        None => Cell::fail(format!("no answer from run roundtrip; it {how}")),
                        Some(Answer::Fail(message)) => Cell::fail(format!("the peer: {message}")),
                        Some(Answer::Unsupported(reason)) => Cell::Unsupported(reason.clone()),
                        Some(Answer::Ok) => match read(file) {
                            None => Cell::fail(format!(
                                "the peer answered OK but left no file at {}",
                                file.display_rel()
                            )),
                            Some(back) => match check(&cases[i], &back) {
                                Ok(_) => Cell::Pass,
                                Err(e) => Cell::fail(format!(
                                    "the peer's re-encoding ({}) does not decode to the value: {e}",
                                    file.display_rel()
                                )),
                            },
                        },
                    };
                }
                for case in rt.answers.keys() {
                    if !pairs.iter().any(|(c, _)| c == case) {
                        col.notes.push(format!(
                            "run roundtrip answered for {case}, which was not sent"
                        ));
                    }
                }
            }
        }
    }
    // The examples' rows: those of the exchanges that run against this peer, blank others.
    for example in &EXAMPLES {
        if example.runs_against(name) && matches!(example.kind, Kind::Live { .. }) {
            rows.extend(live_rows(peer, example, &mut col));
        } else if example.runs_against(name) {
            rows.extend(exchange_rows(
                peer,
                example,
                &golden,
                &rust,
                committed_exists.then_some(committed.as_path()),
                &mut col,
            ));
        } else {
            rows.extend(all_cells(example.rows().len(), Cell::Absent));
        }
    }
    eprintln!("[{name}] done in {:.1}s", start.elapsed().as_secs_f64());
    col.cells = rows;
    col
}

/// The examples' binaries (built once, while the peers set up), or why there are none.
static BUILT: LazyLock<Result<Built, String>> = LazyLock::new(build_examples);

/// The built examples, or `None` after noting in `col`, once, why there are none.
fn built_examples(col: &mut PeerColumn) -> Option<&'static Built> {
    match &*BUILT {
        Ok(built) => Some(built),
        Err(e) => {
            let failure = format!("the examples did not build: {e}");
            if !col.peer_failures.contains(&failure) {
                col.peer_failures.push(failure);
            }
            None
        }
    }
}

/// A peer's cells when none of its checks ran: `cell` for each case and each row of an example
/// that runs against the peer, blank for the other examples' rows.
fn uniform_cells(peer: &str, cases: usize, cell: Cell) -> Vec<[Cell; 4]> {
    let mut rows = all_cells(cases, cell.clone());
    for example in &EXAMPLES {
        let cell = if example.runs_against(peer) {
            cell.clone()
        } else {
            Cell::Absent
        };
        rows.extend(all_cells(example.rows().len(), cell));
    }
    rows
}

/// The column group [`interop::ALONE`]: the self-contained examples, each run alone (exit 0
/// passes), in the check **round trip**; every other cell is blank.
fn run_alone() -> PeerColumn {
    let mut col = PeerColumn {
        peer: interop::ALONE.to_string(),
        status: "no peer: the self-contained examples of fory-core/examples/, each run alone \
                 (exit 0 passes)"
            .to_string(),
        skipped: false,
        cells: all_cells(all().len(), Cell::Absent),
        peer_failures: Vec::new(),
        notes: Vec::new(),
    };
    let built = built_examples(&mut col);
    for example in &EXAMPLES {
        if let Kind::Exchange { rows, .. } | Kind::Live { rows, .. } = example.kind {
            col.cells.extend(all_cells(rows.len(), Cell::Absent));
            continue;
        }
        let result = match built {
            // An empty message: explained by the peer-level failure.
            None => Cell::fail(""),
            Some(built) => {
                let binary = built.binary(example.name);
                match run_example(&binary, &[]) {
                    Err(e) => Cell::fail(format!("cannot run {}: {e}", binary.display_rel())),
                    Ok(ran) if ran.finished.success() => Cell::Pass,
                    Ok(ran) => {
                        Cell::fail(format!("{} {}", example.name, ran.finished.describe(true)))
                    }
                }
            }
        };
        col.cells
            .push([Cell::Absent, result, Cell::Absent, Cell::Absent]);
    }
    col
}

/// The rows of an exchange example for one peer, each library on its default configuration:
///
/// - decode: the peer's side writes its payloads (`run interop write golden/`, `run example
///   NAME write golden/`) and the example reads them and compares the values (`read golden/`);
/// - round trip: the example writes its payloads (`write rust/`) and the peer's side reads them
///   and compares the values (`run ... read rust/`);
/// - bytes: n/a (the examples compare values; each library writes a map in its own order);
/// - regenerated: the peer's payloads equal the committed ones.
fn exchange_rows(
    peer: &Peer,
    example: &Example,
    golden: &Path,
    rust: &Path,
    committed: Option<&Path>,
    col: &mut PeerColumn,
) -> Vec<[Cell; 4]> {
    let name = peer.name.as_str();
    let Kind::Exchange {
        peer_command,
        rows: example_rows,
        ..
    } = example.kind
    else {
        unreachable!("exchange_rows of a self-contained example")
    };
    let run_peer = format!("run {}", peer_command.join(" "));
    let Some(built) = built_examples(col) else {
        // An empty message: explained by the peer-level failure, not listed per row.
        return all_cells(example_rows.len(), Cell::fail(""));
    };
    let binary = built.binary(example.name);
    let example_binary = binary.as_path();

    // The peer writes, the example reads.
    let peer_wrote = match peer.example_write(peer_command, golden) {
        Err(e) => Err(format!("cannot run `{run_peer} write`: {e}")),
        Ok(f) if !f.success() => Err(format!("{run_peer} write {}", f.describe(false))),
        Ok(_) => Ok(()),
    };
    let decode = match &peer_wrote {
        Err(e) => Err(e.clone()),
        Ok(()) => run_example(example_binary, &["read".as_ref(), golden.as_os_str()])
            .map_err(|e| format!("cannot run {}: {e}", example_binary.display_rel())),
    };
    // The example writes, the peer reads.
    let ours = run_example(example_binary, &["write".as_ref(), rust.as_os_str()])
        .map_err(|e| format!("cannot run {}: {e}", example_binary.display_rel()))
        .and_then(|written| match written.finished.success() {
            true => Ok(()),
            false => Err(format!(
                "{} write {}",
                example.name,
                written.finished.describe(false)
            )),
        });
    let round_trip = match ours {
        Err(e) => Err(e),
        Ok(()) => peer
            .example_read(peer_command, rust)
            .map_err(|e| format!("cannot run `{run_peer} read`: {e}")),
    };

    let example_reads = format!("the example ({} read)", example.name);
    let peer_reads = format!("the peer ({run_peer} read)");
    let mut rows = Vec::new();
    for &row in example_rows {
        let file = bin(golden, row);
        let regenerated = match (committed, &peer_wrote) {
            (None, _) => Cell::NotRun("no committed golden directory".to_string()),
            (Some(_), Err(_)) => Cell::NotRun(format!("{run_peer} write failed")),
            (Some(committed), Ok(())) => {
                let committed_file = bin(committed, row);
                match (read(&file), read(&committed_file)) {
                    (None, _) => {
                        Cell::fail(format!("{run_peer} write wrote no {}", file.display_rel()))
                    }
                    (Some(_), None) => Cell::fail(format!(
                        "{} is not committed (the peer now writes it)",
                        committed_file.display_rel()
                    )),
                    // (As for the cases: n/a whether or not it came out the same.)
                    (Some(new), Some(old)) => match non_deterministic(name, row) {
                        Some(reason) => Cell::NotApplicable(format!("non-deterministic: {reason}")),
                        None => match new.first_difference(&old) {
                            None => Cell::Pass,
                            Some(at) => Cell::fail_at(
                                at,
                                format!(
                                    "the regenerated file differs from the committed {} at \
                                     offset {at}",
                                    committed_file.display_rel()
                                ),
                            ),
                        },
                    },
                }
            }
        };
        rows.push([
            example_answer(&decode, row, &example_reads, col),
            example_answer(&round_trip, row, &peer_reads, col),
            Cell::NotApplicable(
                "the example compares values, not bytes (each library writes a map in its own \
                 order)"
                    .to_string(),
            ),
            regenerated,
        ]);
    }
    rows
}

/// The rows of a live example for one peer: the example binds a loopback endpoint and runs
/// (`NAME ENDPOINT`) while the peer's side connects (`run example NAME ENDPOINT`); each answers
/// for the message it received:
///
/// - decode: the example's answer (it read the peer's message);
/// - round trip: the peer's answer (it read the example's message);
/// - bytes, regenerated: n/a (values are compared; nothing is written to files).
fn live_rows(peer: &Peer, example: &Example, col: &mut PeerColumn) -> Vec<[Cell; 4]> {
    let Kind::Live {
        peer_command,
        rows: example_rows,
        ..
    } = example.kind
    else {
        unreachable!("live_rows of an example that is not live")
    };
    let run_peer = format!("run {}", peer_command.join(" "));
    let Some(built) = built_examples(col) else {
        // An empty message: explained by the peer-level failure, not listed per row.
        return all_cells(example_rows.len(), Cell::fail(""));
    };
    let binary = built.binary(example.name);
    // A free loopback port: bound and released, then bound again by the example.
    let endpoint = match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(address) => format!("tcp://{address}"),
        Err(e) => {
            return all_cells(
                example_rows.len(),
                Cell::fail(format!("no free loopback port: {e}")),
            )
        }
    };
    let example_side = {
        let (binary, endpoint) = (binary.clone(), endpoint.clone());
        thread::spawn(move || {
            run_example(&binary, &[endpoint.as_ref()])
                .map_err(|e| format!("cannot run {}: {e}", binary.display_rel()))
        })
    };
    let peer_side = peer
        .example_run(peer_command, &[endpoint.as_ref()])
        .map_err(|e| format!("cannot run `{run_peer}`: {e}"));
    let example_side = example_side
        .join()
        .unwrap_or_else(|_| Err("the example's thread panicked".to_string()));

    let example_reads = format!("the example ({} {endpoint})", example.name);
    let peer_reads = format!("the peer ({run_peer} {endpoint})");
    example_rows
        .iter()
        .map(|&row| {
            [
                example_answer(&example_side, row, &example_reads, col),
                example_answer(&peer_side, row, &peer_reads, col),
                Cell::NotApplicable(
                    "a live exchange over a socket: each side compares values".to_string(),
                ),
                Cell::NotApplicable("a live exchange writes no files".to_string()),
            ]
        })
        .collect()
}

/// Files in `dir` that are neither `<case>.bin` (or its buffers `<case>.bin.<n>`) for a known
/// case nor the `UNSUPPORTED` file.
fn stray_files(dir: &Path, cases: &[Case], what: &str, failures: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for file in names {
        if file == UNSUPPORTED_FILE {
            continue;
        }
        let known = case_of_file(&file)
            .is_some_and(|stem| cases.iter().any(|c| c.name == stem) || interop::is_row(stem));
        if !known {
            failures.push(format!(
                "{what} {}, which no case names",
                dir.join(&file).display_rel()
            ));
        }
    }
}

/// The cell of example row `row` from what `who` (the example or the peer) answered: its
/// `OK` / `FAIL` / `UNSUPPORTED` line for the row, or why there is none. Lines it printed that
/// are no answer become notes of the peer's column.
fn example_answer(
    result: &Result<Answers, String>,
    row: &str,
    who: &str,
    col: &mut PeerColumn,
) -> Cell {
    let answers = match result {
        Err(e) => return Cell::fail(e.clone()),
        Ok(answers) => answers,
    };
    for line in &answers.unknown_lines {
        let note = format!("{who} printed: {line}");
        if !col.notes.contains(&note) {
            col.notes.push(note);
        }
    }
    match answers.answers.get(row) {
        Some(Answer::Ok) => Cell::Pass,
        Some(Answer::Fail(message)) => Cell::fail(format!("{who}: {message}")),
        Some(Answer::Unsupported(reason)) => Cell::Unsupported(reason.clone()),
        None => Cell::fail(format!(
            "no answer from {who}; it {}",
            answers.finished.describe(false)
        )),
    }
}
