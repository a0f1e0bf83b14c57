//! Prints generated cases as JSON, for developing a peer's side of the generative conformance
//! (`xlang-tests/GENERATIVE.md`):
//!
//! ```sh
//! cargo run -p xlang-tests --bin random-cases -- --peer java --seed 1 --count 50 > cases.json
//! cargo run -p xlang-tests --bin random-cases -- --peer go --seed 1 --index 17    # one case
//! ```

use std::process::ExitCode;

use xlang_tests::generative::{cases_for, json};

fn main() -> ExitCode {
    let mut peer = "java".to_string();
    let (mut seed, mut first, mut count) = (1u64, 0u64, 20u64);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--peer" => peer = value(),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--count" => count = value().parse().unwrap_or(count),
            "--index" => {
                first = value().parse().unwrap_or(0);
                count = 1;
            }
            other => {
                eprintln!(
                    "unknown argument {other}; usage: random-cases [--peer P] [--seed S] \
                     [--count N | --index I]"
                );
                return ExitCode::from(2);
            }
        }
    }
    print!(
        "{}",
        json::document(seed, &peer, &cases_for(&peer, seed, first, count))
    );
    ExitCode::SUCCESS
}
