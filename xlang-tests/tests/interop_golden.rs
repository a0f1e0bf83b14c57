//! The exchange examples' types decode every peer's committed payloads: the files
//! `golden/<peer>/interop_by_id.bin` and `interop_by_name.bin` (the example `peer_interop`),
//! `golden/python*/python_interop.bin` and `golden/java/java_interop.bin`, which each peer's side
//! of the example wrote with its library's default configuration (`run interop write`, `run
//! example NAME write`, in the conformance run). The examples themselves are compiled in here as
//! modules, so these are their types, registrations and value checks, unchanged.
//! (`tests/mutations.rs` covers the cases' golden files; the last test here does the same for
//! these.)

use std::fs;
use std::panic::{self, AssertUnwindSafe};

use xlang_tests::interop::{Kind, EXAMPLES, ROWS};
use xlang_tests::peers::{committed_golden_dir, PEERS};

#[allow(dead_code)] // its `main` and `write`, which only the example binary uses
#[path = "../../fory-core/examples/peer_interop.rs"]
mod peer_interop;

#[allow(dead_code)]
#[path = "../../fory-core/examples/python_interop.rs"]
mod python_interop;

#[allow(dead_code)]
#[path = "../../fory-core/examples/java_interop.rs"]
mod java_interop;

/// An example's check of one payload: decode it and compare it with the example's value.
type Check = Box<dyn Fn(&[u8]) -> Result<(), String>>;

/// One committed payload of an exchange example and the example's check for it.
struct Golden {
    label: String,
    bytes: Vec<u8>,
    check: Check,
}

/// Every committed payload of an exchange example, for every peer the runner runs it against.
fn goldens() -> Vec<Golden> {
    let mut out = Vec::new();
    for example in &EXAMPLES {
        let Kind::Exchange { peers, rows, .. } = example.kind else {
            continue;
        };
        for peer in peers {
            for row in rows {
                let check: Check = match example.name {
                    "peer_interop" => {
                        let by_name = peer_interop::VARIANTS
                            .iter()
                            .find(|(name, _)| name == row)
                            .expect("a row of peer_interop")
                            .1;
                        Box::new(move |bytes| peer_interop::check(bytes, by_name))
                    }
                    "python_interop" => Box::new(python_interop::check),
                    "java_interop" => Box::new(java_interop::check),
                    other => panic!("no check for the exchange example {other}: add it here"),
                };
                let path = committed_golden_dir(peer).join(format!("{row}.bin"));
                let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{peer}/{row}.bin: {e}"));
                out.push(Golden {
                    label: format!("{peer}/{row}"),
                    bytes,
                    check,
                });
            }
        }
    }
    out
}

#[test]
fn the_runner_and_the_examples_name_the_same_files() {
    let names: Vec<&str> = peer_interop::VARIANTS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(names, ROWS);
    let rows_of = |name: &str| match EXAMPLES.iter().find(|e| e.name == name).map(|e| e.kind) {
        Some(Kind::Exchange { rows, .. }) => rows,
        _ => panic!("{name} is an exchange example of the runner"),
    };
    assert_eq!(rows_of("peer_interop"), ROWS);
    assert_eq!(rows_of("python_interop"), [python_interop::NAME]);
    assert_eq!(rows_of("java_interop"), [java_interop::NAME]);
}

#[test]
fn the_examples_read_every_peers_committed_payloads() {
    let goldens = goldens();
    // peer_interop with every peer, python_interop with both Python peers, java_interop with Java.
    assert_eq!(goldens.len(), PEERS.len() * ROWS.len() + 2 + 1);
    let failures: Vec<String> = goldens
        .iter()
        .filter_map(|g| {
            (g.check)(&g.bytes)
                .err()
                .map(|e| format!("{}: {e}", g.label))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every truncation and every single-byte replacement of each payload decodes to `Ok` or `Err`
/// with the example's types, never a panic.
#[test]
fn cut_or_altered_payloads_are_errors_not_panics() {
    let mut panics = Vec::new();
    let mut decodes = 0;
    for golden in goldens() {
        let Golden {
            label,
            bytes,
            check,
        } = &golden;
        let mut try_one = |what: String, input: &[u8]| {
            decodes += 1;
            let run = panic::catch_unwind(AssertUnwindSafe(|| {
                let _ = check(input);
            }));
            if run.is_err() {
                panics.push(format!("{label} [{what}]"));
            }
        };
        for len in 0..bytes.len() {
            try_one(format!("cut at {len}"), &bytes[..len]);
        }
        for at in 0..bytes.len() {
            for value in [0x00, 0x01, 0x7f, 0x80, 0xff, bytes[at] ^ 0x01] {
                let mut altered = bytes.clone();
                altered[at] = value;
                try_one(format!("byte {at} = {value:02x}"), &altered);
            }
        }
    }
    assert!(panics.is_empty(), "panics:\n{}", panics.join("\n"));
    assert!(decodes > 8 * 1000, "only {decodes} decodes");
}
