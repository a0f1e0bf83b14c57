//! `fory inspect` on the peers' golden files: every one is read (to its end, or to a value only
//! its writer's code can read) with exit status 0; a handful are compared with reviewed
//! snapshots of the tree, the hex view and the JSON; malformed input exits 1 with what was read
//! and the error, and usage errors exit 2. (`xlang-tests/tests/mutations.rs` runs the inspector
//! over every mutation of every golden file.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fory_core::inspect::{inspect, Options};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../xlang-tests")
}

/// Every `.bin` under the golden directories (buffers `.bin.N` are taken beside them).
fn golden_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "bin") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["golden", "golden-java-suite"] {
        walk(&golden_dir().join(dir), &mut files);
    }
    files.sort();
    files
}

fn fory(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fory"))
        .args(args)
        .output()
        .expect("the fory binary runs")
}

fn golden(name: &str) -> String {
    golden_dir()
        .join("golden")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Why a walk may stop short without an error: the three kinds of value only their writer's
/// code can read.
const STOPS: [&str; 3] = [
    "the fields of a schema-consistent struct",
    "an EXT value",
    "without a TypeDef in a compatible-mode payload",
];

#[test]
fn every_golden_file_is_read_with_exit_status_0() {
    let files = golden_files();
    assert!(files.len() > 400, "found only {} golden files", files.len());
    let mut failures = Vec::new();
    let mut complete = 0;
    for file in &files {
        let out = fory(&["inspect", file.to_str().unwrap()]);
        if !out.status.success() {
            failures.push(format!(
                "{}: {:?}\n{}",
                file.display(),
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let text = stdout(&out);
        match text.lines().find(|l| l.starts_with("stopped at byte")) {
            None => complete += 1,
            Some(line) if STOPS.iter().any(|s| line.contains(s)) => {}
            Some(line) => failures.push(format!("{}: {line}", file.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Most golden files are read whole (compatible mode, or no struct at all).
    assert!(
        complete * 2 > files.len(),
        "only {complete} of {} read to their end",
        files.len()
    );
}

#[test]
fn a_java_compatible_struct_shows_its_fields_by_name() {
    let file = golden("java/evolution_drop_add.bin");
    insta::assert_snapshot!(
        "java_evolution_drop_add_tree",
        stdout(&fory(&["inspect", &file]))
    );
    insta::assert_snapshot!(
        "java_evolution_drop_add_hex",
        stdout(&fory(&["inspect", "--hex", &file]))
    );
}

#[test]
fn pyfory_out_of_band_buffers_are_taken_beside_the_file() {
    let file = golden("python-1.7.7/oob_numpy_list_out_of_band.bin");
    let out = fory(&["inspect", "--hex", &file]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("oob_numpy_list_out_of_band.bin.0"));
    insta::assert_snapshot!("python_oob_numpy_list_hex", stdout(&out));
}

#[test]
fn go_references_unions_and_maps() {
    for name in [
        "go/struct_collections_compatible",
        "python-1.7.7/ref_cycle_compatible",
        "java/ref_union_cases_compatible",
        "go/trait_object_fields_compatible",
    ] {
        let out = fory(&["inspect", &golden(&format!("{name}.bin"))]);
        assert!(out.status.success(), "{name}");
        insta::assert_snapshot!(name.replace(['/', '.', '-'], "_"), stdout(&out));
    }
}

#[test]
fn values_only_the_writer_can_read_end_the_walk_with_a_reason() {
    for name in ["java/struct_collections", "java/ext_field_compatible"] {
        let out = fory(&["inspect", "--hex", &golden(&format!("{name}.bin"))]);
        assert!(out.status.success(), "{name}");
        insta::assert_snapshot!(name.replace(['/', '.', '-'], "_"), stdout(&out));
    }
}

#[test]
fn json_holds_the_same_tree() {
    let out = fory(&["inspect", "--json", &golden("java/list_mixed.bin")]);
    assert!(out.status.success());
    insta::assert_snapshot!("java_list_mixed_json", stdout(&out));
}

#[test]
fn a_truncated_payload_shows_what_was_read_then_the_error() {
    let bytes = std::fs::read(golden("java/evolution_drop_add.bin")).unwrap();
    let dir = std::env::temp_dir().join(format!("fory-inspect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("cut.bin");
    std::fs::write(&cut, &bytes[..52]).unwrap();
    let out = fory(&["inspect", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("fory inspect: truncated input at byte 51"),
        "{stderr}"
    );
    insta::assert_snapshot!("truncated_tree", stdout(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn payloads_back_to_back_are_read_one_after_another() {
    let fory = fory_core::Fory::default();
    let mut bytes = fory.serialize(&7i64).unwrap();
    bytes.extend(fory.serialize(&"two".to_string()).unwrap());
    let found = inspect(&bytes, &[], &Options::default());
    assert!(found.is_complete());
    assert_eq!(found.payloads.len(), 2);
    assert_eq!(found.payloads[1].range, 4..11);
    assert_eq!(found.payloads[1].children[0].range, 5..11);
}

/// The inspector counts nesting levels as a reader does (a string or an empty list is none),
/// so a value nested as deep as the default `max_depth` allows to write is shown in full, and
/// one level more (which no writer with that limit writes) is the limit error.
#[test]
fn values_as_deep_as_a_writer_may_nest_them_are_shown() {
    use fory_core::Value;
    let nested = |levels: usize, inside: Value| {
        (0..levels).fold(inside, |inner, _| Value::List(vec![inner]))
    };
    let limit = fory_core::Limits::default().max_depth as usize;
    let fory = fory_core::Fory::default();
    for inside in [Value::String("leaf".into()), Value::List(vec![])] {
        let bytes = fory.serialize(&nested(limit, inside.clone())).unwrap();
        let found = inspect(&bytes, &[], &Options::default());
        assert!(found.is_complete(), "{:?}", found.error);
        assert!(fory.serialize(&nested(limit + 1, inside.clone())).is_err());
        let deeper = fory_core::Fory::builder()
            .max_depth(limit as u32 + 1)
            .build()
            .serialize(&nested(limit + 1, inside))
            .unwrap();
        let error = inspect(&deeper, &[], &Options::default()).error.unwrap();
        assert!(error.to_string().contains("max_depth"), "{error}");
    }
}

#[test]
fn usage_and_file_errors_exit_2() {
    assert_eq!(fory(&[]).status.code(), Some(2));
    assert_eq!(fory(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(fory(&["inspect", "--bogus"]).status.code(), Some(2));
    assert_eq!(fory(&["inspect", "--hex", "--json"]).status.code(), Some(2));
    let missing = fory(&["inspect", "/nonexistent/payload.bin"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/payload.bin"));
    let help = fory(&["inspect", "--help"]);
    assert!(help.status.success() && stdout(&help).contains("--pyfory-arrays"));
}

/// The binary (not only the library, which the mutation test drives) on every cut and on every
/// byte replaced by `00`, `80` and `ff` of two golden files: exit 0 or 1, never a crash, and a
/// message with every 1.
#[test]
fn the_binary_on_mutated_payloads_exits_0_or_1() {
    let dir = std::env::temp_dir().join(format!("fory-inspect-mut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("m.bin");
    for name in [
        "java/evolution_drop_add.bin",
        "python-1.7.7/ref_cycle_compatible.bin",
    ] {
        let bytes = std::fs::read(golden(name)).unwrap();
        let mut mutants: Vec<Vec<u8>> = (0..bytes.len()).map(|n| bytes[..n].to_vec()).collect();
        for at in 0..bytes.len() {
            for value in [0x00, 0x80, 0xff] {
                let mut m = bytes.clone();
                m[at] = value;
                mutants.push(m);
            }
        }
        for m in mutants {
            std::fs::write(&path, &m).unwrap();
            for view in ["--hex", "--json"] {
                let out = fory(&["inspect", view, path.to_str().unwrap()]);
                let stderr = String::from_utf8_lossy(&out.stderr);
                match out.status.code() {
                    Some(0) => {}
                    Some(1) => assert!(stderr.starts_with("fory inspect: "), "{stderr}"),
                    other => panic!("{name} mutated {m:02x?}: exit {other:?}\n{stderr}"),
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
