//! Prints generated cases as JSON, for developing a peer's side of the generative conformance
//! (`xlang-tests/GENERATIVE.md`):
//!
//! ```sh
//! cargo run -p xlang-tests --bin random-cases -- --peer java --seed 1 --count 50 > cases.json
//! cargo run -p xlang-tests --bin random-cases -- --peer go --seed 1 --index 17    # one case
//! # also the Rust side's crate for those cases, in DIR:
//! cargo run -p xlang-tests --bin random-cases -- --peer go --seed 1 --rust-side DIR > cases.json
//! ```

use std::process::ExitCode;

use xlang_tests::generative::{cases_for, json, rust_emit};
use xlang_tests::peers::repo_root;

fn main() -> ExitCode {
    let mut peer = "java".to_string();
    let (mut seed, mut first, mut count) = (1u64, 0u64, 20u64);
    let mut rust_side: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--peer" => peer = value(),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--count" => count = value().parse().unwrap_or(count),
            "--rust-side" => rust_side = Some(value()),
            "--index" => {
                first = value().parse().unwrap_or(0);
                count = 1;
            }
            other => {
                eprintln!(
                    "unknown argument {other}; usage: random-cases [--peer P] [--seed S] \
                     [--count N | --index I] [--rust-side DIR]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let cases = cases_for(&peer, seed, first, count);
    if let Some(dir) = rust_side {
        // The Rust side's crate for these cases, for trying it alone.
        let dir = std::path::Path::new(&dir);
        let pairs: Vec<(&str, &_)> = cases.iter().map(|c| (peer.as_str(), c)).collect();
        let root = repo_root();
        let written = std::fs::create_dir_all(dir.join("src"))
            .and_then(|()| {
                std::fs::write(
                    dir.join("Cargo.toml"),
                    rust_emit::manifest(&root.display().to_string()),
                )
            })
            .and_then(|()| std::fs::write(dir.join("src/main.rs"), rust_emit::main_rs(&pairs)));
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    print!("{}", json::document(seed, &peer, &cases));
    ExitCode::SUCCESS
}
