//! Every committed golden file decodes to its case's value, and our encoding of that value
//! equals the peer's bytes, except where the case is not byte-equal by design or
//! `differences::DIFFERENCES` says why not. No peer is needed: this reads the committed
//! `golden/<peer>/` directories (those that exist); the live check is the `conformance` binary,
//! whose `target/conformance/<peer>/golden/` output is what gets committed.
//!
//! A case may lack a golden file only if the peer's `UNSUPPORTED` file lists it
//! (`<case>: <reason>` lines, written by the conformance runner next to the generated files).

use std::fs;
use std::path::Path;

use fory_core::StringRule;
use xlang_tests::cases::{all, for_peer};
use xlang_tests::differences::{accepted, non_deterministic, DIFFERENCES, GO_UTF8};
use xlang_tests::interop;
use xlang_tests::payload::{case_of_file, Payload};
use xlang_tests::peers::{read_unsupported_file, PEERS, UNSUPPORTED_FILE};

/// The peer directories under `golden/`, sorted.
fn peer_dirs() -> Vec<String> {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let mut peers: Vec<String> = fs::read_dir(&golden)
        .expect("xlang-tests/golden exists")
        .map(|e| e.expect("readable directory"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().expect("UTF-8 name"))
        .collect();
    peers.sort();
    peers
}

/// The failures of one peer's committed goldens.
fn check_peer(peer: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(peer);
    let cases = for_peer(peer);
    let mut failures = Vec::new();
    let unsupported = read_unsupported_file(&dir).unwrap_or_else(|e| {
        failures.push(format!("{peer}: {e}"));
        Default::default()
    });
    for case in &cases {
        let path = dir.join(format!("{}.bin", case.name));
        let golden = match (
            Payload::read(&path).ok_or("cannot read it"),
            unsupported.get(case.name),
        ) {
            (Ok(payload), None) => payload,
            (Ok(_), Some(_)) => {
                failures.push(format!(
                    "{peer}/{}: has a golden file but is listed in {UNSUPPORTED_FILE}",
                    case.name
                ));
                continue;
            }
            (Err(_), Some(_)) => continue,
            (Err(e), None) => {
                failures.push(format!(
                    "{peer}/{}: no golden file ({e}) and not listed in {UNSUPPORTED_FILE}",
                    case.name
                ));
                continue;
            }
        };
        let ours = match case.check_payload(&golden) {
            Ok(ours) => ours,
            Err(e) => {
                failures.push(format!("{peer}/{}: {e}", case.name));
                continue;
            }
        };
        if !case.byte_equal {
            continue;
        }
        match (ours.first_difference(&golden), accepted(peer, case.name)) {
            (None, Some(_)) if non_deterministic(peer, case.name).is_none() => {
                failures.push(format!(
                    "{peer}/{}: listed as an accepted difference but now byte-equal",
                    case.name
                ))
            }
            (Some(at), None) => failures.push(format!(
                "{peer}/{}: our bytes differ from the peer's at offset {at}",
                case.name
            )),
            _ => {}
        }
    }
    for case in unsupported.keys() {
        if !cases.iter().any(|c| c.name == case) {
            failures.push(format!(
                "{peer}/{UNSUPPORTED_FILE}: lists {case}, which no case names"
            ));
        }
    }
    // No golden file without a case.
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("readable golden directory")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .into_string()
                .unwrap()
        })
        .collect();
    names.sort();
    for name in names {
        // The interop example's payloads are checked by tests/interop_golden.rs.
        let known = name == UNSUPPORTED_FILE
            || case_of_file(&name)
                .is_some_and(|stem| cases.iter().any(|c| c.name == stem) || interop::is_row(stem));
        if !known {
            failures.push(format!("{peer}/{name}: a golden file with no case"));
        }
    }
    failures
}

/// The golden directories are exactly the runner's peers (`python` and `python-1.7.7` each have
/// their own), so the checks below cover every peer.
#[test]
fn every_peer_has_a_golden_directory() {
    let mut peers: Vec<String> = PEERS.iter().map(|p| p.to_string()).collect();
    peers.sort();
    assert_eq!(peer_dirs(), peers);
}

#[test]
fn committed_goldens_decode_and_reencode() {
    let peers = peer_dirs();
    assert!(!peers.is_empty(), "no peer directory under golden/");
    let failures: Vec<String> = peers.iter().flat_map(|p| check_peer(p)).collect();
    assert!(
        failures.is_empty(),
        "{} failures in golden/{{{}}}:\n{}",
        failures.len(),
        peers.join(","),
        failures.join("\n")
    );
}

/// Go writes every string as UTF-8, so with [`StringRule::Utf8`] our bytes equal Go's golden
/// files in every case whose only accepted difference is the string encoding.
#[test]
fn go_goldens_are_byte_equal_under_the_utf8_string_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/go");
    let explained_by_utf8: Vec<&str> = DIFFERENCES
        .iter()
        .filter(|d| d.peer == "go" && d.reason == GO_UTF8)
        .flat_map(|d| d.cases.iter().copied())
        .collect();
    assert!(!explained_by_utf8.is_empty());
    let mut checked = 0;
    let mut failures = Vec::new();
    for mut case in all() {
        if !explained_by_utf8.contains(&case.name) || non_deterministic("go", case.name).is_some() {
            continue;
        }
        let golden = Payload::read(&dir.join(format!("{}.bin", case.name)))
            .unwrap_or_else(|| panic!("go/{}.bin is committed", case.name));
        case.mode.string_rule = StringRule::Utf8;
        match case.check_payload(&golden) {
            Ok(ours) => match ours.first_difference(&golden) {
                None => checked += 1,
                Some(at) => failures.push(format!("{}: differs at offset {at}", case.name)),
            },
            Err(e) => failures.push(format!("{}: {e}", case.name)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 20, "only {checked} cases checked");
}

/// Reading follows the writer's mode: every golden file also decodes to its case's value with a
/// `Fory` built for the other mode (a compatible reader of a schema-consistent payload and the
/// reverse), since the payload's type ids say which mode wrote it.
#[test]
fn goldens_decode_whatever_mode_the_reader_is_built_with() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for peer in peer_dirs() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("golden")
            .join(&peer);
        for mut case in for_peer(&peer) {
            let Some(golden) = Payload::read(&dir.join(format!("{}.bin", case.name))) else {
                continue;
            };
            case.mode.compatible = !case.mode.compatible;
            match case.check_payload(&golden) {
                Ok(_) => checked += 1,
                Err(e) => failures.push(format!(
                    "{peer}/{} read with compatible = {}: {e}",
                    case.name, case.mode.compatible
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 200, "only {checked} goldens checked");
}
