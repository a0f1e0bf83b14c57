//! The interop example: `fory-core/examples/peer_interop.rs` and its counterparts in the peers
//! (`run interop write DIR` / `run interop read DIR`), each library on its default
//! configuration. The conformance runner builds the example, has every peer write its two
//! payloads for the example to read, and the example write its own for the peer to read.
//!
//! Both sides speak the same two commands: `write DIR` creates `DIR/<row>.bin` for each of
//! [`ROWS`]; `read DIR` decodes those files, compares them with the example's value and prints
//! `OK <row>` or `FAIL <row>: <why>` per row (exit 1 if one failed).

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::peers::{parse_answers, repo_root, run_command, Answers, SETUP_TIMEOUT};

/// The example's two exchanges, as report rows and file stems: every type registered by id,
/// and every type registered by name (namespace `example`).
pub const ROWS: [&str; 2] = ["interop_by_id", "interop_by_name"];

/// Whether `stem` (a file name without `.bin`) is one of the example's files.
pub fn is_row(stem: &str) -> bool {
    ROWS.contains(&stem)
}

/// The example's name under `fory-core/examples/`.
pub const EXAMPLE: &str = "peer_interop";

/// The target directory: `$CARGO_TARGET_DIR`, else `target/` at the repository root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// Builds the example with `cargo build --release` (cargo is `$CARGO` when run by cargo, else
/// `cargo` on the PATH) and returns the path of its binary.
pub fn build_example() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "fory-core",
        "--example",
        EXAMPLE,
    ])
    .current_dir(repo_root());
    let finished = run_command(cmd, SETUP_TIMEOUT).map_err(|e| {
        format!(
            "cannot run {} to build the example: {e}",
            Path::new(&cargo).display()
        )
    })?;
    if !finished.success() {
        return Err(format!(
            "cargo build --release -p fory-core --example {EXAMPLE} {}",
            finished.describe(false)
        ));
    }
    let binary = target_dir()
        .join("release/examples")
        .join(format!("{EXAMPLE}{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        return Err(format!("the build left no {}", binary.display()));
    }
    Ok(binary)
}

/// Runs the example binary: `write DIR` (our payloads) or `read DIR` (check DIR's payloads).
pub fn run_example(binary: &Path, command: &str, dir: &Path) -> io::Result<Answers> {
    let mut cmd = Command::new(binary);
    cmd.arg(command).arg(dir).current_dir(repo_root());
    let finished = run_command(cmd, crate::peers::RUN_TIMEOUT)?;
    Ok(parse_answers(finished))
}
