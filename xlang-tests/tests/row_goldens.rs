//! The golden rows of `golden-rows/<peer>/` (written by pyfory 1.7.7, Apache Fory Rust 1.7.7 and
//! Apache Fory Java's fory-format 0.16.0, see ROWS.md): each reads field by field and decodes to its case's value, and our row of
//! each case equals the bytes of every peer whose rows agree with each other.

use std::path::PathBuf;

use xlang_tests::peers::{first_difference, repo_root};
use xlang_tests::rows::cases;

fn golden(peer: &str, case: &str) -> Option<Vec<u8>> {
    let path: PathBuf = repo_root()
        .join("xlang-tests/golden-rows")
        .join(peer)
        .join(format!("{case}.bin"));
    std::fs::read(path).ok()
}

#[test]
fn every_golden_row_reads_as_its_case() {
    let mut read = 0;
    let mut failures = Vec::new();
    for peer in ["python-1.7.7", "apache-rust", "java-rows"] {
        for case in cases() {
            let Some(bytes) = golden(peer, case.name) else {
                continue;
            };
            read += 1;
            if let Err(why) = (case.check)(&bytes) {
                failures.push(format!("{peer}/{}: {why}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(read, 40, "golden rows found");
}

#[test]
fn our_rows_are_the_peers_bytes() {
    let mut failures = Vec::new();
    for case in cases() {
        let ours = (case.write)().unwrap();
        for peer in case.same_bytes_as {
            let theirs = golden(peer, case.name)
                .unwrap_or_else(|| panic!("no golden row {peer}/{}", case.name));
            if let Some(at) = first_difference(&ours, &theirs) {
                failures.push(format!(
                    "{}: differs from {peer} at byte {at} (ours {} bytes, theirs {})",
                    case.name,
                    ours.len(),
                    theirs.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
