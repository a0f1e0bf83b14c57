//! Our encoding of every struct case and ext case, as hex, in an insta snapshot: a fact about our
//! own output (the golden files are the facts about the peers'). A change in any derived type's
//! bytes shows up here as a reviewable diff.

use xlang_tests::cases::all;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn struct_case_bytes() {
    let mut lines = Vec::new();
    for case in all() {
        let shape = ["struct_", "evolution_", "all_null_lists", "ext_"];
        if !shape.iter().any(|p| case.name.starts_with(p)) {
            continue;
        }
        let payload = case.encode_payload().expect("every case encodes");
        lines.push(format!("{}:\n  {}", case.name, hex(&payload.main)));
    }
    insta::assert_snapshot!("struct_cases", lines.join("\n"));
}
