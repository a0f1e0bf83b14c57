//! Finding, setting up and calling the peers (`peers/<peer>/setup.sh` and `peers/<peer>/run`),
//! following the peer interface: `run gen DIR` and `run roundtrip CASE FILE [CASE FILE ...]`,
//! and for the exchange examples (see [`crate::interop`]) `run interop write|read DIR` and
//! `run example NAME write|read DIR`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The peers, in the order the runner reports them. Each is a directory `peers/<peer>/` and a
/// golden directory `golden/<peer>/`. `python` is pyfory 1.6.0; `python-1.7.7` is the same
/// `peers/python/peer.py` on pyfory 1.7.7 (its directory holds two wrappers that select the
/// version).
pub const PEERS: [&str; 4] = ["java", "python", "python-1.7.7", "go"];

/// The library a peer runs: its name up to the first `-` (`python` for `python-1.7.7`).
/// Accepted differences and non-deterministic files listed for a library apply to each of its
/// peers.
pub fn library(peer: &str) -> &str {
    peer.split_once('-').map_or(peer, |(library, _)| library)
}

/// The file in a golden directory listing the cases the peer cannot express, one
/// `<case>: <reason>` line each, sorted by case.
pub const UNSUPPORTED_FILE: &str = "UNSUPPORTED";

/// How long `setup.sh` may take (a first Java or Go setup downloads and compiles).
pub const SETUP_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// How long one `run gen` or `run roundtrip` call may take.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(5 * 60);

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xlang-tests sits in the workspace")
        .to_path_buf()
}

/// The committed golden directory of `peer`: `xlang-tests/golden/<peer>`.
pub fn committed_golden_dir(peer: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(peer)
}

/// The first offset where `a` and `b` differ (the shorter length if one is a prefix of the
/// other), or `None` when they are equal.
pub fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    if a == b {
        return None;
    }
    Some(
        a.iter()
            .zip(b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len())),
    )
}

/// Parses `<case>: <reason>` lines (the `UNSUPPORTED` file, or the peer's `UNSUPPORTED <case>:
/// <reason>` output with the prefix removed). Blank lines are ignored; a line without `: ` is
/// an error.
pub fn parse_unsupported(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (case, reason) = line
            .split_once(':')
            .ok_or_else(|| format!("not a `<case>: <reason>` line: {line:?}"))?;
        out.insert(case.trim().to_string(), reason.trim().to_string());
    }
    Ok(out)
}

/// Renders cases and reasons as the `UNSUPPORTED` file's text.
pub fn render_unsupported(cases: &BTreeMap<String, String>) -> String {
    cases.iter().map(|(c, r)| format!("{c}: {r}\n")).collect()
}

/// Reads the `UNSUPPORTED` file of a golden directory; an absent file is an empty list.
pub fn read_unsupported_file(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    match fs::read_to_string(dir.join(UNSUPPORTED_FILE)) {
        Ok(text) => parse_unsupported(&text).map_err(|e| format!("{UNSUPPORTED_FILE}: {e}")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(format!("{UNSUPPORTED_FILE}: {e}")),
    }
}

/// What a finished (or killed) process left behind.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The exit code; `None` when it was killed by a signal or timed out.
    pub code: Option<i32>,
    /// Whether it ran past its time limit and was killed.
    pub timed_out: bool,
    /// Everything it printed on stdout.
    pub stdout: String,
    /// Everything it printed on stderr.
    pub stderr: String,
}

impl Finished {
    /// Whether it exited with code 0.
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// A one-line account of how it ended plus the last lines of its output (stderr only, or
    /// stdout and stderr when `with_stdout`), for messages.
    pub fn describe(&self, with_stdout: bool) -> String {
        let how = match (self.timed_out, self.code) {
            (true, _) => "timed out".to_string(),
            (false, Some(code)) => format!("exited with {code}"),
            (false, None) => "killed by a signal".to_string(),
        };
        let output = if with_stdout {
            format!("{}{}", self.stdout, self.stderr)
        } else {
            self.stderr.clone()
        };
        let tail = tail_lines(&output, 12);
        if tail.is_empty() {
            how
        } else {
            format!("{how}:\n{tail}")
        }
    }
}

/// The last `n` non-empty lines of `text`.
pub fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Runs `cmd` with no stdin, capturing its output, and kills it after `timeout`.
pub fn run_command(mut cmd: Command, timeout: Duration) -> io::Result<Finished> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let out = drain(child.stdout.take().expect("piped"));
    let err = drain(child.stderr.take().expect("piped"));
    let start = Instant::now();
    let (code, timed_out) = loop {
        if let Some(status) = child.try_wait()? {
            break (status.code(), false);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        thread::sleep(Duration::from_millis(10));
    };
    // After a timeout a grandchild may still hold the pipes open: do not wait for it.
    let collect = |h: thread::JoinHandle<String>| {
        if timed_out && !h.is_finished() {
            String::new()
        } else {
            h.join().unwrap_or_default()
        }
    };
    Ok(Finished {
        code,
        timed_out,
        stdout: collect(out),
        stderr: collect(err),
    })
}

/// How a peer's setup ended.
#[derive(Debug, Clone)]
pub enum Setup {
    /// Ready; the line `setup.sh` printed about what it set up.
    Ready(String),
    /// Not available here (no peer directory, no `setup.sh`, or exit 3: no toolchain).
    Skipped(String),
    /// `setup.sh` failed (or `run` is missing); the message says how.
    Failed(String),
}

/// One peer: its name and directory.
#[derive(Debug, Clone)]
pub struct Peer {
    /// One of [`PEERS`] (or any directory name under the peers directory).
    pub name: String,
    /// `<peers dir>/<name>`.
    pub dir: PathBuf,
}

/// One answer of `run roundtrip` for a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `OK <case>`.
    Ok,
    /// `FAIL <case>: <message>`.
    Fail(String),
    /// `UNSUPPORTED <case>: <reason>`.
    Unsupported(String),
}

/// What `run gen` did.
#[derive(Debug, Clone)]
pub struct Gen {
    /// The process.
    pub finished: Finished,
    /// The cases it reported UNSUPPORTED, with reasons.
    pub unsupported: BTreeMap<String, String>,
    /// Stdout lines that follow no known form (shown as a warning).
    pub unknown_lines: Vec<String>,
}

/// What `run roundtrip` (or `run interop read`, `run example NAME read`, or an example) did: one
/// answer line per case or row.
#[derive(Debug, Clone)]
pub struct Answers {
    /// The process.
    pub finished: Finished,
    /// The answer per case.
    pub answers: BTreeMap<String, Answer>,
    /// Stdout lines that follow no known form.
    pub unknown_lines: Vec<String>,
}

/// What `run roundtrip` did.
pub type Roundtrip = Answers;

/// Reads the `OK <case>`, `FAIL <case>: <message>` and `UNSUPPORTED <case>: <reason>` lines of a
/// finished process.
pub fn parse_answers(finished: Finished) -> Answers {
    let mut answers = BTreeMap::new();
    let mut unknown_lines = Vec::new();
    for line in finished.stdout.lines().filter(|l| !l.trim().is_empty()) {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (case, message) = match rest.split_once(':') {
            Some((c, m)) => (c.trim(), m.trim()),
            None => (rest.trim(), ""),
        };
        let answer = match word {
            "OK" if message.is_empty() => Answer::Ok,
            "FAIL" => Answer::Fail(message.to_string()),
            // `SKIP`: the generative suite's word for a case the peer cannot express.
            "UNSUPPORTED" | "SKIP" => Answer::Unsupported(message.to_string()),
            _ => {
                unknown_lines.push(line.to_string());
                continue;
            }
        };
        answers.insert(case.to_string(), answer);
    }
    Answers {
        finished,
        answers,
        unknown_lines,
    }
}

impl Peer {
    /// The peer `name` under `peers_dir`.
    pub fn new(peers_dir: &Path, name: &str) -> Peer {
        Peer {
            name: name.to_string(),
            dir: peers_dir.join(name),
        }
    }

    /// The peer's `run` wrapper.
    pub fn run_script(&self) -> PathBuf {
        self.dir.join("run")
    }

    /// Runs `setup.sh` (with bash, from the repository root).
    pub fn setup(&self) -> Setup {
        let script = self.dir.join("setup.sh");
        if !self.dir.is_dir() {
            return Setup::Skipped(format!("no peer directory {}", self.dir.display()));
        }
        if !script.is_file() {
            return Setup::Skipped(format!("no {}", script.display()));
        }
        let mut cmd = Command::new("bash");
        cmd.arg(&script).current_dir(repo_root());
        let finished = match run_command(cmd, SETUP_TIMEOUT) {
            Ok(f) => f,
            Err(e) => return Setup::Failed(format!("cannot run bash {}: {e}", script.display())),
        };
        match finished.code {
            Some(0) => {}
            Some(3) => {
                let why = tail_lines(&format!("{}{}", finished.stdout, finished.stderr), 1);
                return Setup::Skipped(if why.is_empty() {
                    "setup.sh exited 3 (toolchain missing)".to_string()
                } else {
                    format!("toolchain missing: {why}")
                });
            }
            _ => return Setup::Failed(format!("setup.sh {}", finished.describe(true))),
        }
        if !self.run_script().is_file() {
            return Setup::Failed(format!("no {}", self.run_script().display()));
        }
        Setup::Ready(tail_lines(&finished.stdout, 1))
    }

    fn command(&self, args: &[&std::ffi::OsStr]) -> Command {
        let mut cmd = Command::new(self.run_script());
        cmd.args(args).current_dir(repo_root());
        cmd
    }

    /// `run gen DIR`.
    pub fn gen(&self, dir: &Path) -> io::Result<Gen> {
        let finished = run_command(
            self.command(&["gen".as_ref(), dir.as_os_str()]),
            RUN_TIMEOUT,
        )?;
        let mut unsupported = BTreeMap::new();
        let mut unknown_lines = Vec::new();
        for line in finished.stdout.lines().filter(|l| !l.trim().is_empty()) {
            match line.strip_prefix("UNSUPPORTED ") {
                Some(rest) => {
                    let (case, reason) = rest.split_once(':').unwrap_or((rest, ""));
                    unsupported.insert(case.trim().to_string(), reason.trim().to_string());
                }
                None => unknown_lines.push(line.to_string()),
            }
        }
        Ok(Gen {
            finished,
            unsupported,
            unknown_lines,
        })
    }

    /// `run roundtrip CASE FILE ...` for all `pairs` in one process.
    pub fn roundtrip(&self, pairs: &[(String, PathBuf)]) -> io::Result<Roundtrip> {
        let mut args: Vec<&std::ffi::OsStr> = vec!["roundtrip".as_ref()];
        for (case, file) in pairs {
            args.push(case.as_ref());
            args.push(file.as_os_str());
        }
        let finished = run_command(self.command(&args), RUN_TIMEOUT)?;
        Ok(parse_answers(finished))
    }

    /// `run random COMMAND CASES DIR` (`gen` or `check`), the generative suite's commands.
    pub fn random(&self, command: &str, cases: &Path, dir: &Path) -> io::Result<Answers> {
        let finished = run_command(
            self.command(&[
                "random".as_ref(),
                command.as_ref(),
                cases.as_os_str(),
                dir.as_os_str(),
            ]),
            RUN_TIMEOUT,
        )?;
        Ok(parse_answers(finished))
    }

    /// `run COMMAND... write DIR`: the peer's side of an exchange example writes its payloads
    /// into `DIR` (`COMMAND` is `interop` for the interop example, `example NAME` for the
    /// others; see [`crate::interop`]).
    pub fn example_write(&self, command: &[&str], dir: &Path) -> io::Result<Finished> {
        run_command(self.example_command(command, "write", dir), RUN_TIMEOUT)
    }

    /// `run COMMAND... read DIR`: the peer's side of an exchange example checks the payloads in
    /// `DIR`.
    pub fn example_read(&self, command: &[&str], dir: &Path) -> io::Result<Answers> {
        let finished = run_command(self.example_command(command, "read", dir), RUN_TIMEOUT)?;
        Ok(parse_answers(finished))
    }

    /// `run COMMAND... ARGS...`: the peer's side of a live example (`run example zmq_python
    /// ENDPOINT`), its `OK` / `FAIL` answers.
    pub fn example_run(&self, command: &[&str], args: &[&std::ffi::OsStr]) -> io::Result<Answers> {
        let mut all: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
        all.extend_from_slice(args);
        let finished = run_command(self.command(&all), RUN_TIMEOUT)?;
        Ok(parse_answers(finished))
    }

    fn example_command(&self, command: &[&str], verb: &str, dir: &Path) -> Command {
        let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
        args.push(verb.as_ref());
        args.push(dir.as_os_str());
        self.command(&args)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", script]);
        cmd
    }

    #[test]
    fn captures_output_and_exit_code() {
        let f = run_command(sh("echo out; echo err >&2; exit 3"), RUN_TIMEOUT).unwrap();
        assert_eq!((f.code, f.timed_out), (Some(3), false));
        assert_eq!((f.stdout.as_str(), f.stderr.as_str()), ("out\n", "err\n"));
        assert_eq!(f.describe(false), "exited with 3:\nerr");
    }

    #[test]
    fn kills_a_hanging_process_even_if_a_grandchild_keeps_the_pipes() {
        let start = Instant::now();
        let f = run_command(sh("sleep 30 & sleep 30"), Duration::from_millis(300)).unwrap();
        assert!(f.timed_out && f.code.is_none());
        assert!(start.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn unsupported_lines_round_trip() {
        let parsed = parse_unsupported("b: why: because\n\na:  no\n").unwrap();
        assert_eq!(render_unsupported(&parsed), "a: no\nb: why: because\n");
        assert!(parse_unsupported("no colon").is_err());
    }

    #[test]
    fn a_versioned_peer_is_its_library() {
        assert_eq!(library("python-1.7.7"), "python");
        assert_eq!(library("python"), "python");
        assert_eq!(library("go"), "go");
    }

    #[test]
    fn first_difference_offsets() {
        assert_eq!(first_difference(b"abc", b"abc"), None);
        assert_eq!(first_difference(b"abc", b"abd"), Some(2));
        assert_eq!(first_difference(b"ab", b"abc"), Some(2));
    }
}
