//! A run of random cases against the peers: generate, let each peer write, build and run the
//! Rust side, let each peer read back, compare bytes, and count.
//!
//! Case `i` of a seed goes to peer `capabilities::PEERS[i % PEERS.len()]` (generated for what
//! that peer can express), so a case name (`r<seed>_<i>`) alone says which peer and which case,
//! whichever peers are available in a run.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;

use super::capabilities::{self, PEERS};
use super::schema::Case;
use super::{generate, json, rust_emit};
use crate::differences::random_bytes_accepted;
use crate::payload::Payload;
use crate::peers::{repo_root, run_command, Answer, Peer, Setup, SETUP_TIMEOUT};

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The seed.
    pub seed: u64,
    /// How many cases, spread over the peers.
    pub count: u64,
    /// Only this case (`r<seed>_<index>`), when set.
    pub only: Option<u64>,
    /// Only these peers (all when empty).
    pub peers: Vec<String>,
}

/// How one side of a case went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written, or read back to the case's value.
    Ok,
    /// Failed, with why.
    Fail(String),
    /// The peer could not express it after all (`SKIP`), with why.
    Skipped(String),
    /// Not run (an earlier step failed, or the peer is not available), with why.
    NotRun(String),
}

/// The result of one case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// The case.
    pub case: Case,
    /// The peer it ran against.
    pub peer: String,
    /// The peer writing it (`run random gen`).
    pub peer_wrote: Outcome,
    /// Rust reading the peer's bytes.
    pub rust_read: Outcome,
    /// Rust writing it.
    pub rust_wrote: Outcome,
    /// The peer reading Rust's bytes (`run random check`).
    pub peer_read: Outcome,
    /// Whether the two sides wrote the same bytes (`None` when either did not write).
    pub same_bytes: Option<bool>,
    /// Where they first differ, when they do.
    pub first_difference: Option<usize>,
}

impl CaseResult {
    /// Whether both directions passed (and the bytes are the same or differ for an accepted
    /// reason).
    pub fn passed(&self) -> bool {
        self.steps_passed() && self.bytes_differ().is_none()
    }

    /// Whether every step of both directions passed.
    fn steps_passed(&self) -> bool {
        [
            &self.peer_wrote,
            &self.rust_read,
            &self.rust_wrote,
            &self.peer_read,
        ]
        .iter()
        .all(|o| **o == Outcome::Ok)
    }

    /// Whether any step failed (skipped and not-run steps are not failures), or the two sides
    /// wrote different bytes where no reason accepts it (see [`CaseResult::bytes_differ`]).
    pub fn failed(&self) -> bool {
        [
            &self.peer_wrote,
            &self.rust_read,
            &self.rust_wrote,
            &self.peer_read,
        ]
        .iter()
        .any(|o| matches!(o, Outcome::Fail(_)))
            || self.bytes_differ().is_some()
    }

    /// What failed, a line per failed step (and the byte difference, when not accepted).
    pub fn failures(&self) -> Vec<String> {
        [
            ("peer writes", &self.peer_wrote),
            ("rust reads", &self.rust_read),
            ("rust writes", &self.rust_wrote),
            ("peer reads", &self.peer_read),
        ]
        .iter()
        .filter_map(|(step, o)| match o {
            Outcome::Fail(why) => Some(format!("{step}: {why}")),
            _ => None,
        })
        .chain(self.bytes_differ())
        .collect()
    }

    /// When the two sides wrote different bytes and `differences::RANDOM_BYTES` accepts no
    /// difference from this peer: what differs.
    pub fn bytes_differ(&self) -> Option<String> {
        if self.same_bytes != Some(false) || random_bytes_accepted(&self.peer, &self.case).is_some()
        {
            return None;
        }
        Some(format!(
            "our bytes differ from the peer's at offset {}",
            self.first_difference.unwrap_or(0)
        ))
    }
}

/// The results of a run.
#[derive(Debug, Clone, Default)]
pub struct RandomReport {
    /// The seed.
    pub seed: u64,
    /// Every case's result, in index order.
    pub results: Vec<CaseResult>,
    /// Per peer: how its setup went (`Ready` line, or why it was skipped or failed).
    pub peer_status: BTreeMap<String, String>,
    /// Failures of the run itself (the Rust side did not build, a peer could not run).
    pub run_failures: Vec<String>,
    /// Failed cases shrunk (see [`super::shrink`]): by the original's name, the smallest case
    /// that still fails the same step, and its message.
    pub shrunk: BTreeMap<String, (Case, String)>,
}

/// The index of case `name` (`r<seed>_<index>`) and its seed.
pub fn parse_case_name(name: &str) -> Option<(u64, u64)> {
    let (seed, index) = name.strip_prefix('r')?.split_once('_')?;
    Some((seed.parse().ok()?, index.parse().ok()?))
}

/// The peer case `index` goes to.
pub fn peer_of(index: u64) -> &'static str {
    PEERS[(index % PEERS.len() as u64) as usize].peer
}

/// Runs the cases of `options` against the peers under `peers_dir`, with work files in `work`.
pub fn run(options: &Options, peers_dir: &Path, work: &Path) -> RandomReport {
    let indices: Vec<u64> = match options.only {
        Some(i) => vec![i],
        None => (0..options.count).collect(),
    };
    let wanted = |peer: &str| options.peers.is_empty() || options.peers.iter().any(|p| p == peer);
    // The cases per peer.
    let mut by_peer: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    for &i in &indices {
        let peer = peer_of(i);
        if wanted(peer) {
            let caps = capabilities::of(peer);
            by_peer
                .entry(peer.to_string())
                .or_default()
                .push(generate::case(options.seed, i, &caps));
        }
    }
    run_cases(options.seed, by_peer, peers_dir, work)
}

/// Runs `by_peer` (each peer's cases) against the peers under `peers_dir`, with work files in
/// `work`.
pub fn run_cases(
    seed: u64,
    mut by_peer: BTreeMap<String, Vec<Case>>,
    peers_dir: &Path,
    work: &Path,
) -> RandomReport {
    let _ = fs::remove_dir_all(work);
    let mut report = RandomReport {
        seed,
        ..RandomReport::default()
    };
    let pairs: Vec<(&str, &Case)> = by_peer
        .iter()
        .flat_map(|(p, cases)| cases.iter().map(move |c| (p.as_str(), c)))
        .collect();

    // The Rust side builds while the peers set up and write.
    let rust_dir = work.join("rust-side");
    let written = write_rust_side(&rust_dir, &pairs);
    let build = thread::spawn(move || written.and_then(|()| build_rust_side(&rust_dir)));
    let peer_threads: Vec<_> = by_peer
        .iter()
        .map(|(peer, cases)| {
            let peer = Peer::new(peers_dir, peer);
            let dir = work.join(&peer.name);
            let document = json::document(seed, &peer.name, cases);
            thread::spawn(move || peer_writes(&peer, &dir, &document))
        })
        .collect();
    let rust_side = build.join().expect("build thread");
    let peer_runs: Vec<PeerRun> = peer_threads
        .into_iter()
        .map(|h| h.join().expect("peer thread"))
        .collect();
    if let Err(e) = &rust_side {
        report.run_failures.push(format!("the Rust side: {e}"));
    }

    // Each peer: Rust reads what it wrote and writes its own; the peer reads those.
    for run in peer_runs {
        report
            .peer_status
            .insert(run.peer.name.clone(), run.status.clone());
        let cases = by_peer.remove(&run.peer.name).unwrap_or_default();
        let rust = match (&rust_side, &run.ready) {
            (Ok(binary), true) => rust_reads(binary, &run),
            (Err(e), _) => Err(format!("the Rust side did not build: {e}")),
            (_, false) => Err(run.status.clone()),
        };
        let peer_read = match (&rust, run.ready) {
            (Ok(_), true) => peer_reads(&run),
            _ => Err("not run".to_string()),
        };
        if let Err(e) = &run.gen_error {
            report
                .run_failures
                .push(format!("{}: run random gen: {e}", run.peer.name));
        }
        for case in cases {
            let name = case.name.clone();
            let not_run = |why: &str| Outcome::NotRun(why.to_string());
            let peer_wrote = if run.ready {
                answer(run.gen.get(&name), "run random gen printed nothing for it")
            } else {
                not_run(&run.status)
            };
            let (rust_read, rust_wrote) = match &rust {
                Ok(lines) => lines.get(&name).cloned().unwrap_or((
                    Outcome::Fail("the Rust side printed nothing for it".to_string()),
                    Outcome::Ok,
                )),
                Err(e) => (not_run(e), not_run(e)),
            };
            let peer_read = match &peer_read {
                Ok(answers) => answer(
                    answers.get(&name),
                    "run random check printed nothing for it",
                ),
                Err(e) => not_run(e),
            };
            let peer_file = run.dir.join("peer").join(format!("{name}.bin"));
            let rust_file = run.dir.join("rust").join(format!("{name}.bin"));
            let difference = match (Payload::read(&peer_file), Payload::read(&rust_file)) {
                (Some(a), Some(b)) => Some(a.first_difference(&b)),
                _ => None,
            };
            report.results.push(CaseResult {
                case,
                peer: run.peer.name.clone(),
                peer_wrote,
                rust_read,
                rust_wrote,
                peer_read,
                same_bytes: difference.map(|d| d.is_none()),
                first_difference: difference.flatten(),
            });
        }
    }
    report
        .results
        .sort_by_key(|r| parse_case_name(&r.case.name).map(|(_, i)| i));
    report
}

fn answer(found: Option<&Answer>, missing: &str) -> Outcome {
    match found {
        Some(Answer::Ok) => Outcome::Ok,
        Some(Answer::Fail(why)) => Outcome::Fail(why.clone()),
        Some(Answer::Unsupported(why)) => Outcome::Skipped(why.clone()),
        None => Outcome::Fail(missing.to_string()),
    }
}

/// One peer's part of the run so far.
struct PeerRun {
    peer: Peer,
    dir: PathBuf,
    ready: bool,
    status: String,
    gen: BTreeMap<String, Answer>,
    gen_error: Result<(), String>,
}

/// Sets the peer up, writes its cases file and has it write every case.
fn peer_writes(peer: &Peer, dir: &Path, document: &str) -> PeerRun {
    let mut run = PeerRun {
        peer: peer.clone(),
        dir: dir.to_path_buf(),
        ready: false,
        status: String::new(),
        gen: BTreeMap::new(),
        gen_error: Ok(()),
    };
    run.status = match peer.setup() {
        Setup::Ready(line) => {
            run.ready = true;
            line
        }
        Setup::Skipped(why) => format!("skipped: {why}"),
        Setup::Failed(why) => format!("setup failed: {why}"),
    };
    if !run.ready {
        return run;
    }
    let cases = dir.join("cases.json");
    let made = fs::create_dir_all(dir.join("peer"))
        .and_then(|()| fs::create_dir_all(dir.join("rust")))
        .and_then(|()| fs::write(&cases, document));
    if let Err(e) = made {
        run.gen_error = Err(format!("cannot write {}: {e}", cases.display()));
        return run;
    }
    match peer.random("gen", &cases, &dir.join("peer")) {
        Ok(answers) => {
            if !answers.finished.success() {
                run.gen_error = Err(answers.finished.describe(false));
            }
            run.gen = answers.answers;
        }
        Err(e) => run.gen_error = Err(e.to_string()),
    }
    run
}

/// The Rust side's answers per case: (reading the peer's file, writing ours).
type RustLines = BTreeMap<String, (Outcome, Outcome)>;

fn rust_reads(binary: &Path, run: &PeerRun) -> Result<RustLines, String> {
    let mut cmd = Command::new(binary);
    cmd.arg(&run.peer.name)
        .arg(run.dir.join("peer"))
        .arg(run.dir.join("rust"))
        .current_dir(repo_root());
    let finished = run_command(cmd, crate::peers::RUN_TIMEOUT)
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if !finished.success() {
        return Err(format!("the Rust side {}", finished.describe(false)));
    }
    let mut lines: RustLines = BTreeMap::new();
    for line in finished.stdout.lines() {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (name, why) = rest.split_once(": ").unwrap_or((rest, ""));
        let entry = lines
            .entry(name.trim().to_string())
            .or_insert((Outcome::Ok, Outcome::Ok));
        match word {
            "OK" => entry.0 = Outcome::Ok,
            "FAIL" => entry.0 = Outcome::Fail(why.to_string()),
            "ABSENT" => entry.0 = Outcome::NotRun("the peer wrote no file".to_string()),
            "WRITE-FAIL" => entry.1 = Outcome::Fail(why.to_string()),
            _ => {}
        }
    }
    Ok(lines)
}

fn peer_reads(run: &PeerRun) -> Result<BTreeMap<String, Answer>, String> {
    let answers = run
        .peer
        .random("check", &run.dir.join("cases.json"), &run.dir.join("rust"))
        .map_err(|e| format!("cannot run `run random check`: {e}"))?;
    if !answers.finished.success() {
        return Err(format!(
            "run random check {}",
            answers.finished.describe(false)
        ));
    }
    Ok(answers.answers)
}

/// Writes the Rust side's crate for `pairs` into `dir`.
fn write_rust_side(dir: &Path, pairs: &[(&str, &Case)]) -> Result<(), String> {
    let root = repo_root();
    let files = [
        (
            dir.join("Cargo.toml"),
            rust_emit::manifest(&root.display().to_string()),
        ),
        (dir.join("src/main.rs"), rust_emit::main_rs(pairs)),
    ];
    fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    for (path, text) in files {
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    // The workspace's lock file, so the crate builds with the same versions, offline.
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    Ok(())
}

/// Builds the Rust side (a debug build without debug info: it compiles fastest) into its own
/// target directory under the workspace's, and returns the binary.
fn build_rust_side(dir: &Path) -> Result<PathBuf, String> {
    let target = repo_root().join("target").join("random-rust-side");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env_remove("RUSTFLAGS");
    let finished = run_command(cmd, SETUP_TIMEOUT).map_err(|e| format!("cannot run cargo: {e}"))?;
    if !finished.success() {
        return Err(format!("cargo build {}", finished.describe(false)));
    }
    Ok(target.join("debug").join("random-rust-side"))
}
