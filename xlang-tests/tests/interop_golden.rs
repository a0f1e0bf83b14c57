//! The interop example's types decode every peer's committed payloads: the files
//! `golden/<peer>/interop_by_id.bin` and `interop_by_name.bin`, which each peer's interop program
//! wrote with its library's default configuration (`run interop write`, in the conformance run).
//! The example itself is compiled in here as a module, so these are its types, registrations and
//! value check, unchanged. (`tests/mutations.rs` covers the cases' golden files; the last test
//! here does the same for these.)

use std::fs;
use std::panic::{self, AssertUnwindSafe};

use xlang_tests::interop::ROWS;
use xlang_tests::peers::{committed_golden_dir, PEERS};

#[allow(dead_code)] // its `main` and `write`, which only the example binary uses
#[path = "../../fory-core/examples/peer_interop.rs"]
mod peer_interop;

/// Every committed interop payload: label, bytes, registered by name.
fn goldens() -> Vec<(String, Vec<u8>, bool)> {
    let mut out = Vec::new();
    for peer in PEERS {
        for (row, by_name) in peer_interop::VARIANTS {
            let path = committed_golden_dir(peer).join(format!("{row}.bin"));
            let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{peer}/{row}.bin: {e}"));
            out.push((format!("{peer}/{row}"), bytes, by_name));
        }
    }
    out
}

#[test]
fn the_runner_and_the_example_name_the_same_files() {
    let names: Vec<&str> = peer_interop::VARIANTS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(names, ROWS);
}

#[test]
fn the_example_reads_every_peers_committed_payloads() {
    let goldens = goldens();
    assert_eq!(goldens.len(), PEERS.len() * ROWS.len());
    let failures: Vec<String> = goldens
        .iter()
        .filter_map(|(label, bytes, by_name)| {
            let result = peer_interop::check(bytes, *by_name);
            result.err().map(|e| format!("{label}: {e}"))
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
    let mut try_one = |label: &str, what: String, input: &[u8], by_name: bool| {
        decodes += 1;
        let run = panic::catch_unwind(AssertUnwindSafe(|| {
            let _ = peer_interop::check(input, by_name);
        }));
        if run.is_err() {
            panics.push(format!("{label} [{what}]"));
        }
    };
    for (label, bytes, by_name) in goldens() {
        for len in 0..bytes.len() {
            try_one(&label, format!("cut at {len}"), &bytes[..len], by_name);
        }
        for at in 0..bytes.len() {
            for value in [0x00, 0x01, 0x7f, 0x80, 0xff, bytes[at] ^ 0x01] {
                let mut altered = bytes.clone();
                altered[at] = value;
                try_one(
                    &label,
                    format!("byte {at} = {value:02x}"),
                    &altered,
                    by_name,
                );
            }
        }
    }
    assert!(panics.is_empty(), "panics:\n{}", panics.join("\n"));
    assert!(decodes > 8 * 1000, "only {decodes} decodes");
}
