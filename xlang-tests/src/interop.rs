//! The examples of `fory-core/examples/`, as the conformance runner runs them: it builds them all
//! once (`cargo build --release -p fory-core --examples --features zeromq`) and reports each as rows of its table.
//!
//! - An **exchange** example trades files with a peer's program, both sides on their library's
//!   default configuration: `peer_interop` with every peer's interop program (`run interop
//!   write|read DIR`), `python_interop` with its Python side `fory-core/examples/python_interop.py`
//!   (`run example python_interop write|read DIR` of both Python peers) and `java_interop` with
//!   `JavaInterop.java` in the Java peer (`run example java_interop write|read DIR`). Both sides
//!   speak the same two commands: `write DIR` creates `DIR/<row>.bin` for each of the example's
//!   rows; `read DIR` decodes those files, compares them with the example's value and prints `OK
//!   <row>` or `FAIL <row>: <why>` per row (exit 1 if one failed). The peer writes, the example
//!   reads (the row's **decode** check); the example writes, the peer reads (**round trip**); the
//!   peer's files equal the committed `golden/<peer>/<row>.bin` (**regenerated**).
//! - A **live** example talks to a peer's program over a socket, both running at once:
//!   `zmq_python` (feature `zeromq`) with `fory-core/examples/zmq_python.py` (`run example
//!   zmq_python ENDPOINT` of both Python peers) over ZeroMQ on a loopback TCP port the runner
//!   picks. The example binds and runs first (`zmq_python ENDPOINT`); the peer connects. Each
//!   prints `OK <row>` or `FAIL <row>: <why>` for the message it received: the example's answer
//!   is the row's **decode** check, the peer's its **round trip**.
//! - A **self-contained** example (`quick_start`, `gzip_stream`, `tcp_out_of_band`,
//!   `borrowed_from_socket`) runs alone and checks its own results: exit 0 passes. Its row has one
//!   check, **round trip**, in the column group [`ALONE`].

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::peers::{
    parse_answers, repo_root, run_command, Answers, Finished, PEERS, SETUP_TIMEOUT,
};

/// How the runner checks an example.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Trades files with a peer's program, in both directions.
    Exchange {
        /// The peers whose program it runs against.
        peers: &'static [&'static str],
        /// The arguments of the peer's `run` before `write DIR` / `read DIR`.
        peer_command: &'static [&'static str],
        /// Its rows: the files it writes and reads (`<row>.bin`), the names of its answers.
        rows: &'static [&'static str],
    },
    /// Talks to a peer's program over a socket, both at once (see the module docs).
    Live {
        /// The peers whose program it runs against.
        peers: &'static [&'static str],
        /// The arguments of the peer's `run` before `ENDPOINT`.
        peer_command: &'static [&'static str],
        /// Its rows, the names of its answers.
        rows: &'static [&'static str],
    },
    /// Runs alone; exit 0 passes. Its row is its name.
    SelfContained,
}

/// One example under `fory-core/examples/`.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Its name (`fory-core/examples/<name>.rs`, `cargo run --example <name>`).
    pub name: &'static str,
    /// How it is checked.
    pub kind: Kind,
}

impl Example {
    /// Its rows in the table: an exchange's rows, or a self-contained example's name.
    pub fn rows(&self) -> &[&'static str] {
        match &self.kind {
            Kind::Exchange { rows, .. } | Kind::Live { rows, .. } => rows,
            Kind::SelfContained => std::slice::from_ref(&self.name),
        }
    }

    /// Whether it runs against `peer` (never, for a self-contained one).
    pub fn runs_against(&self, peer: &str) -> bool {
        match self.kind {
            Kind::Exchange { peers, .. } | Kind::Live { peers, .. } => peers.contains(&peer),
            Kind::SelfContained => false,
        }
    }
}

/// The rows of the interop example (`peer_interop`): every type registered by id, and every
/// type registered by name (namespace `example`).
pub const ROWS: [&str; 2] = ["interop_by_id", "interop_by_name"];

/// Every example the runner runs, in the order of their rows.
pub const EXAMPLES: [Example; 8] = [
    Example {
        name: "peer_interop",
        kind: Kind::Exchange {
            peers: &PEERS,
            peer_command: &["interop"],
            rows: &ROWS,
        },
    },
    Example {
        name: "python_interop",
        kind: Kind::Exchange {
            peers: &["python", "python-1.7.7"],
            peer_command: &["example", "python_interop"],
            rows: &["python_interop"],
        },
    },
    Example {
        name: "java_interop",
        kind: Kind::Exchange {
            peers: &["java"],
            peer_command: &["example", "java_interop"],
            rows: &["java_interop"],
        },
    },
    Example {
        name: "zmq_python",
        kind: Kind::Live {
            peers: &["python", "python-1.7.7"],
            peer_command: &["example", "zmq_python"],
            rows: &["zmq_python"],
        },
    },
    Example {
        name: "quick_start",
        kind: Kind::SelfContained,
    },
    Example {
        name: "gzip_stream",
        kind: Kind::SelfContained,
    },
    Example {
        name: "tcp_out_of_band",
        kind: Kind::SelfContained,
    },
    Example {
        name: "borrowed_from_socket",
        kind: Kind::SelfContained,
    },
];

/// The name of the column group of the self-contained examples, which involve no peer.
pub const ALONE: &str = "rust";

/// Every example's rows, in table order.
pub fn rows() -> Vec<&'static str> {
    EXAMPLES
        .iter()
        .flat_map(|e| e.rows().iter().copied())
        .collect()
}

/// Whether `stem` (a file name without `.bin`) is a file of an exchange example (a row of one):
/// the files a peer writes next to the cases' in its golden directory.
pub fn is_row(stem: &str) -> bool {
    EXAMPLES
        .iter()
        .any(|e| matches!(e.kind, Kind::Exchange { rows, .. } if rows.contains(&stem)))
}

/// The target directory: `$CARGO_TARGET_DIR`, else `target/` at the repository root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// The binaries of the examples, built by [`build_examples`].
#[derive(Debug, Clone)]
pub struct Built {
    dir: PathBuf,
}

impl Built {
    /// The binary of the example `name`.
    pub fn binary(&self, name: &str) -> PathBuf {
        self.dir
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
    }
}

/// The features the examples need (`zmq_python` needs `zeromq`).
pub const EXAMPLE_FEATURES: &str = "zeromq";

/// Builds every example of fory-core with one `cargo build --release --examples --features
/// zeromq` (cargo is
/// `$CARGO` when run by cargo, else `cargo` on the PATH) and checks that each of [`EXAMPLES`]
/// has its binary.
pub fn build_examples() -> Result<Built, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "fory-core",
        "--examples",
        "--features",
        EXAMPLE_FEATURES,
    ])
    .current_dir(repo_root());
    let finished = run_command(cmd, SETUP_TIMEOUT).map_err(|e| {
        format!(
            "cannot run {} to build the examples: {e}",
            Path::new(&cargo).display()
        )
    })?;
    if !finished.success() {
        return Err(format!(
            "cargo build --release -p fory-core --examples --features {EXAMPLE_FEATURES} {}",
            finished.describe(false)
        ));
    }
    let built = Built {
        dir: target_dir().join("release/examples"),
    };
    for example in &EXAMPLES {
        let binary = built.binary(example.name);
        if !binary.is_file() {
            return Err(format!("the build left no {}", binary.display()));
        }
    }
    Ok(built)
}

/// Runs an example's binary with `args` (an exchange's `write DIR` or `read DIR`, nothing for a
/// self-contained one) from the repository root.
pub fn run_example(binary: &Path, args: &[&OsStr]) -> io::Result<Answers> {
    let mut cmd = Command::new(binary);
    cmd.args(args).current_dir(repo_root());
    let finished: Finished = run_command(cmd, crate::peers::RUN_TIMEOUT)?;
    Ok(parse_answers(finished))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_file_is_run_and_every_row_is_unique() {
        let dir = repo_root().join("fory-core/examples");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("fory-core/examples")
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".rs").map(str::to_string)
            })
            .collect();
        on_disk.sort();
        let mut run: Vec<String> = EXAMPLES.iter().map(|e| e.name.to_string()).collect();
        run.sort();
        assert_eq!(
            on_disk, run,
            "every example under fory-core/examples/ is in EXAMPLES"
        );

        let rows = rows();
        let mut unique = rows.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), rows.len(), "{rows:?}");
        assert!(rows
            .iter()
            .all(|r| !crate::cases::all().iter().any(|c| c.name == *r)));
    }

    #[test]
    fn exchanges_run_against_known_peers() {
        for example in &EXAMPLES {
            if let Kind::Exchange { peers, .. } | Kind::Live { peers, .. } = example.kind {
                assert!(!peers.is_empty(), "{}", example.name);
                assert!(peers.iter().all(|p| PEERS.contains(p)), "{}", example.name);
            }
        }
        assert!(is_row("python_interop") && is_row("interop_by_id") && !is_row("quick_start"));
        // A live example writes no files.
        assert!(!is_row("zmq_python"));
    }
}
