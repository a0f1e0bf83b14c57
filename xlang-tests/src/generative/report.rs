//! The random run's report: pass counts per peer × direction × mode × registration style, the
//! features each peer leaves out, and every failure with the command that replays it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::capabilities;
use super::json;
use super::run::{CaseResult, Outcome, RandomReport};

/// The columns: mode × registration style.
const COLUMNS: [(bool, &str); 6] = [
    (false, "by id"),
    (false, "by name"),
    (false, "mixed"),
    (true, "by id"),
    (true, "by name"),
    (true, "mixed"),
];

/// The two steps of a direction (writing, then reading) in a result.
type Steps = fn(&CaseResult) -> (&Outcome, &Outcome);

/// The two directions, and the outcome each reads from a result.
const DIRECTIONS: [(&str, Steps); 2] = [
    ("peer → rust", |r| (&r.peer_wrote, &r.rust_read)),
    ("rust → peer", |r| (&r.rust_wrote, &r.peer_read)),
];

/// The totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Cases run.
    pub cases: usize,
    /// Cases that passed both directions.
    pub passed: usize,
    /// Cases with a failure in either direction.
    pub failed: usize,
    /// Cases neither passed nor failed (a peer skipped it, or could not run).
    pub not_run: usize,
    /// Failures of the run itself.
    pub run_failures: usize,
}

/// What a case's value shares: `nothing`, `shared` objects, or objects in a `cycle`.
fn sharing(case: &super::schema::Case) -> &'static str {
    if case.objects.is_empty() {
        "nothing"
    } else if case.has_object_cycle() {
        "cycle"
    } else {
        "shared"
    }
}

impl RandomReport {
    /// The totals.
    pub fn totals(&self) -> Totals {
        let passed = self.results.iter().filter(|r| r.passed()).count();
        let failed = self.results.iter().filter(|r| r.failed()).count();
        Totals {
            cases: self.results.len(),
            passed,
            failed,
            not_run: self.results.len() - passed - failed,
            run_failures: self.run_failures.len(),
        }
    }

    /// The report as Markdown (also printed as is).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let t = self.totals();
        let _ = writeln!(
            out,
            "## Random cases (seed {})\n\n{} cases spread over the peers: {} passed both \
             directions, {} failed, {} not run.\n",
            self.seed, t.cases, t.passed, t.failed, t.not_run
        );
        out.push_str("Each cell: cases that passed / cases run, by the writer's mode and how the types were registered.\n\n");
        out.push_str("| peer | direction | consistent, by id | consistent, by name | consistent, mixed | compatible, by id | compatible, by name | compatible, mixed | same bytes |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        let mut by_peer: BTreeMap<&str, Vec<&CaseResult>> = BTreeMap::new();
        for r in &self.results {
            by_peer.entry(r.peer.as_str()).or_default().push(r);
        }
        for (peer, results) in &by_peer {
            for (direction, outcome) in DIRECTIONS {
                let _ = write!(out, "| {peer} | {direction} |");
                for (compatible, style) in COLUMNS {
                    let cell: Vec<&&CaseResult> = results
                        .iter()
                        .filter(|r| {
                            r.case.compatible == compatible && r.case.registration_style() == style
                        })
                        .collect();
                    let passed = cell
                        .iter()
                        .filter(|r| {
                            let (a, b) = outcome(r);
                            *a == Outcome::Ok && *b == Outcome::Ok
                        })
                        .count();
                    let _ = write!(out, " {passed}/{} |", cell.len());
                }
                let written: Vec<bool> = results.iter().filter_map(|r| r.same_bytes).collect();
                let same = written.iter().filter(|s| **s).count();
                let _ = writeln!(out, " {same}/{} |", written.len());
            }
        }
        out.push_str(
            "\nCases with reference tracking, by what their values share (passed both \
             directions / run):\n\n| peer | nothing shared | shared objects, no cycle | \
             objects in a cycle |\n| --- | --- | --- | --- |\n",
        );
        for (peer, results) in &by_peer {
            let _ = write!(out, "| {peer} |");
            for class in ["nothing", "shared", "cycle"] {
                let cell: Vec<&&CaseResult> = results
                    .iter()
                    .filter(|r| r.case.ref_tracking && sharing(&r.case) == class)
                    .collect();
                let passed = cell.iter().filter(|r| r.passed()).count();
                let _ = write!(out, " {passed}/{} |", cell.len());
            }
            out.push('\n');
        }
        out.push_str(
            "\nSame bytes: cases where both sides wrote the same bytes / cases both wrote. A \
             difference is a failure unless `differences::RANDOM_BYTES` gives a reason that \
             covers the case:\n\n",
        );
        for d in crate::differences::RANDOM_BYTES {
            let _ = writeln!(out, "- {}: {}", d.peer, d.reason);
        }
        out.push_str("\nFeatures each peer's cases leave out:\n\n");
        for caps in capabilities::PEERS {
            if caps.excluded.is_empty() {
                let _ = writeln!(out, "- {}: none", caps.peer);
                continue;
            }
            let _ = writeln!(out, "- {}:", caps.peer);
            for (feature, why) in caps.excluded {
                let _ = writeln!(out, "  - `{feature}`: {why}");
            }
        }
        for (peer, status) in &self.peer_status {
            if status.starts_with("skipped") || status.starts_with("setup failed") {
                let _ = writeln!(out, "\n{peer}: {status}");
            }
        }
        if !self.run_failures.is_empty() {
            out.push_str("\nRun failures:\n\n");
            for f in &self.run_failures {
                let _ = writeln!(out, "- {}", f.replace('\n', " "));
            }
        }
        let failures: Vec<&CaseResult> = self.results.iter().filter(|r| r.failed()).collect();
        if !failures.is_empty() {
            let _ = writeln!(out, "\nFailures ({}):\n", failures.len());
            for r in failures {
                let why = r.failures();
                let _ = writeln!(
                    out,
                    "- `{}` ({}, {}, {}): {}. Replay: `cargo run --release -p xlang-tests --bin \
                     conformance -- --random-case {}`",
                    r.case.name,
                    r.peer,
                    if r.case.compatible {
                        "compatible"
                    } else {
                        "schema-consistent"
                    },
                    r.case.registration_style(),
                    why.join("; "),
                    r.case.name
                );
                if let Some((case, message)) = self.shrunk.get(&r.case.name) {
                    let _ = writeln!(
                        out,
                        "  - shrunk to `{}` ({} bytes of JSON, from {}), which fails with: {}\n\n    ```json\n    {}\n    ```",
                        case.name,
                        super::shrink::size(case),
                        super::shrink::size(&r.case),
                        message,
                        json::document(self.seed, &r.peer, std::slice::from_ref(case))
                            .trim_end()
                            .replace('\n', "\n    ")
                    );
                }
            }
        }
        out
    }
}
