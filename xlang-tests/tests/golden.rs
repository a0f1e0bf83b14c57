//! Every golden file a peer wrote decodes to its case's value, and our encoding of that value
//! equals the peer's bytes, except where `differences::DIFFERENCES` says why not. No peer is needed:
//! the golden files are committed (regenerate with `xlang-tests/peers/python/peer.py gen`).

use std::fs;
use std::path::Path;

use xlang_tests::cases::all;
use xlang_tests::differences::accepted;

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

#[test]
fn python_goldens_decode_and_reencode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/python");
    let cases = all();
    let mut failures = Vec::new();
    for case in &cases {
        let path = dir.join(format!("{}.bin", case.name));
        let golden = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                failures.push(format!("python/{}: no golden file ({e})", case.name));
                continue;
            }
        };
        let fory = case.mode.fory();
        match (case.check)(&fory, &golden) {
            Err(e) => failures.push(format!("python/{}: {e}", case.name)),
            Ok(ours) => {
                let accepted = accepted("python", case.name).is_some();
                if accepted && ours == golden {
                    failures.push(format!(
                        "python/{}: listed as a difference but now byte-equal",
                        case.name
                    ));
                } else if !accepted && ours != golden {
                    failures.push(format!(
                        "python/{}: our bytes differ from the peer's at offset {}",
                        case.name,
                        first_difference(&ours, &golden)
                    ));
                }
            }
        }
    }
    // No golden file without a case.
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.trim_end_matches(".bin");
        if !cases.iter().any(|c| c.name == stem) {
            failures.push(format!("python/{name}: a golden file with no case"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
