//! The conformance report: one cell per case × peer × check, the plain-text table for stdout,
//! the Markdown file, and the counts.

use std::fmt::Write as _;

/// The four checks run for every case and peer, in table order.
pub const CHECKS: [&str; 4] = ["decode", "round trip", "bytes", "regenerated"];

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The check passed.
    Pass,
    /// The check failed: a short label for the table and the full message.
    Fail {
        /// What the table shows (`FAIL`, `FAIL @12`).
        label: String,
        /// The message in the list of failures.
        message: String,
    },
    /// Our bytes differ from the peer's, and `differences.rs` accepts it with this reason.
    Accepted(String),
    /// The check does not apply (the case is not byte-equal by design, or the peer's output is
    /// listed as non-deterministic); the reason.
    NotApplicable(String),
    /// The peer reported the case UNSUPPORTED; its reason.
    Unsupported(String),
    /// The peer was skipped (see the peer's status).
    Skipped,
    /// Not run because an earlier check of the same case and peer failed; why.
    NotRun(String),
    /// No such check for this row and peer (an example that does not run against the peer, a
    /// check a self-contained example does not have): a blank cell, not counted. A check column
    /// of a peer with only blank cells is left out of the tables.
    Absent,
}

impl Cell {
    /// A failure labelled `FAIL`.
    pub fn fail(message: impl Into<String>) -> Cell {
        Cell::Fail {
            label: "FAIL".to_string(),
            message: message.into(),
        }
    }

    /// A byte mismatch at `offset`, labelled `FAIL @offset`.
    pub fn fail_at(offset: usize, message: impl Into<String>) -> Cell {
        Cell::Fail {
            label: format!("FAIL @{offset}"),
            message: message.into(),
        }
    }

    /// What the table shows.
    pub fn label(&self) -> &str {
        match self {
            Cell::Pass => "ok",
            Cell::Fail { label, .. } => label,
            Cell::Accepted(_) => "differs (accepted)",
            Cell::NotApplicable(_) => "n/a",
            Cell::Unsupported(_) => "unsupported",
            Cell::Skipped => "skipped",
            Cell::NotRun(_) => "-",
            Cell::Absent => "",
        }
    }
}

/// A peer's column group: its status line and one row of four cells per case.
#[derive(Debug, Clone)]
pub struct PeerColumn {
    /// The peer's name.
    pub peer: String,
    /// One line on how setup went.
    pub status: String,
    /// Whether the peer was skipped.
    pub skipped: bool,
    /// Cells per case, in the order of `Report::cases`: decode, round trip, bytes, regenerated.
    pub cells: Vec<[Cell; 4]>,
    /// Failures that belong to no single case (gen crashed, stray golden files, ...).
    pub peer_failures: Vec<String>,
    /// Notes that are not failures (warnings about odd peer output).
    pub notes: Vec<String>,
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The case names, one row each.
    pub cases: Vec<String>,
    /// One column group per peer.
    pub peers: Vec<PeerColumn>,
}

/// A number of checks and the peer/case pairs they fall in. A pair is one case against one
/// peer (a row of four cells in the peer's column group); the lists have one line per pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Checks (cells).
    pub checks: usize,
    /// Peer/case pairs with at least one of those checks.
    pub pairs: usize,
}

impl Tally {
    fn add(&mut self, checks: usize) {
        if checks > 0 {
            self.checks += checks;
            self.pairs += 1;
        }
    }

    /// `N checks in M peer/case pairs`, the form of the summary and of the lists' headings.
    pub fn describe(&self) -> String {
        if self.checks == 0 {
            return "0 checks".to_string();
        }
        format!(
            "{} in {}",
            plural(self.checks, "check"),
            plural(self.pairs, "peer/case pair")
        )
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// How the checks ended, in checks and in peer/case pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Checks that passed.
    pub passed: Tally,
    /// Checks that failed with a message of their own (each pair is a line of the failures).
    pub failed: Tally,
    /// Checks that failed with their peer: the peer-level failure explains them, they are not
    /// listed one by one.
    pub failed_with_peer: usize,
    /// Failures that belong to a peer rather than a case (each a line of the failures).
    pub peer_failures: usize,
    /// Accepted byte differences.
    pub accepted: Tally,
    /// Checks that do not apply.
    pub not_applicable: Tally,
    /// Checks of cases a peer reported UNSUPPORTED.
    pub unsupported: Tally,
    /// Checks of skipped peers.
    pub skipped: Tally,
    /// Checks not run because an earlier one failed.
    pub not_run: Tally,
}

impl Counts {
    /// Every failure: failed checks and peer-level failures. The run fails unless it is 0.
    pub fn failed_total(&self) -> usize {
        self.failed.checks + self.failed_with_peer + self.peer_failures
    }

    /// What the failures are made of, as the heading of their list says it.
    pub fn failure_breakdown(&self) -> String {
        let mut parts = vec![self.failed.describe()];
        if self.peer_failures > 0 {
            parts.push(plural(self.peer_failures, "peer-level failure"));
        }
        if self.failed_with_peer > 0 {
            parts.push(format!(
                "{} with their peer",
                plural(self.failed_with_peer, "more check")
            ));
        }
        parts.join(", ")
    }

    /// The last line of the run: `N checks passed, N failed`, and what the failures are.
    pub fn result_line(&self) -> String {
        let mut line = format!(
            "{} passed, {} failed",
            plural(self.passed.checks, "check"),
            self.failed_total()
        );
        if self.failed_total() > 0 {
            line.push_str(&format!(" ({})", self.failure_breakdown()));
        }
        line
    }

    /// The checks that neither passed nor failed, in the same terms as the lists' headings.
    pub fn other_line(&self) -> String {
        format!(
            "Checks that neither passed nor failed: accepted differences {}; unsupported {}; \
             n/a {}; skipped {}; not run {}",
            self.accepted.describe(),
            self.unsupported.describe(),
            self.not_applicable.describe(),
            self.skipped.describe(),
            self.not_run.describe()
        )
    }
}

/// One of the report's lists: a title, the heading's counts, and one line per peer/case pair
/// (the failures also one per peer-level failure, before the peer's cases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// `Failures`, `Accepted differences`, `Unsupported` or `Not applicable`.
    pub title: &'static str,
    /// What the heading says after the title, in the summary's terms.
    pub counts: String,
    /// The lines.
    pub items: Vec<String>,
}

impl List {
    /// `Title (N checks in M peer/case pairs)`.
    pub fn heading(&self) -> String {
        format!("{} ({})", self.title, self.counts)
    }
}

impl PeerColumn {
    /// The checks (indices into [`CHECKS`]) the tables show for this peer: those with a cell that
    /// is not [`Cell::Absent`] (all four if every cell is).
    pub fn shown_checks(&self) -> Vec<usize> {
        let shown: Vec<usize> = (0..CHECKS.len())
            .filter(|&i| self.cells.iter().any(|row| row[i] != Cell::Absent))
            .collect();
        if shown.is_empty() {
            (0..CHECKS.len()).collect()
        } else {
            shown
        }
    }
}

impl Report {
    /// The counts over every cell and peer-level failure.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for peer in &self.peers {
            c.peer_failures += peer.peer_failures.len();
            for row in &peer.cells {
                let count = |pick: fn(&Cell) -> bool| row.iter().filter(|cell| pick(cell)).count();
                c.passed.add(count(|cell| matches!(cell, Cell::Pass)));
                c.failed.add(count(
                    |cell| matches!(cell, Cell::Fail { message, .. } if !message.is_empty()),
                ));
                c.failed_with_peer +=
                    count(|cell| matches!(cell, Cell::Fail { message, .. } if message.is_empty()));
                c.accepted
                    .add(count(|cell| matches!(cell, Cell::Accepted(_))));
                c.not_applicable
                    .add(count(|cell| matches!(cell, Cell::NotApplicable(_))));
                c.unsupported
                    .add(count(|cell| matches!(cell, Cell::Unsupported(_))));
                c.skipped.add(count(|cell| matches!(cell, Cell::Skipped)));
                c.not_run.add(count(|cell| matches!(cell, Cell::NotRun(_))));
            }
        }
        c
    }

    /// The lists, in order: failures, accepted differences, unsupported and not-applicable checks.
    pub fn lists(&self) -> Vec<List> {
        let c = self.counts();
        vec![
            List {
                title: "Failures",
                counts: c.failure_breakdown(),
                items: self.failures(),
            },
            List {
                title: "Accepted differences",
                counts: c.accepted.describe(),
                items: self.accepted(),
            },
            List {
                title: "Unsupported",
                counts: c.unsupported.describe(),
                items: self.unsupported(),
            },
            List {
                title: "Not applicable",
                counts: c.not_applicable.describe(),
                items: self.not_applicable(),
            },
        ]
    }

    /// Every failure as `peer/case checks: message` (a peer's peer-level ones before its cases, as
    /// `peer: message`).
    pub fn failures(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                // An empty message is explained by a peer-level failure, listed once.
                Cell::Fail { message, .. } if !message.is_empty() => Some(message.clone()),
                _ => None,
            },
            true,
        )
    }

    /// Every accepted difference as `peer/case check: reason`.
    pub fn accepted(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::Accepted(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Every unsupported check as `peer/case checks: reason`.
    pub fn unsupported(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::Unsupported(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Every check that does not apply, as `peer/case checks: reason`.
    pub fn not_applicable(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::NotApplicable(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Lists the cells `pick` selects, one line per peer/case pair: `peer/case checks:
    /// message`, the checks that share a message together and other messages after `; `
    /// (and each peer's peer-level failures before its cases, if asked).
    fn collect(&self, pick: impl Fn(&Cell) -> Option<String>, peer_level: bool) -> Vec<String> {
        let mut out = Vec::new();
        for peer in &self.peers {
            if peer_level {
                out.extend(
                    peer.peer_failures
                        .iter()
                        .map(|m| format!("{}: {m}", peer.peer)),
                );
            }
            for (case, row) in self.cases.iter().zip(&peer.cells) {
                let mut groups: Vec<(Vec<&str>, String)> = Vec::new();
                for (check, cell) in CHECKS.iter().zip(row) {
                    let Some(message) = pick(cell) else { continue };
                    match groups.iter_mut().find(|(_, m)| *m == message) {
                        Some((checks, _)) => checks.push(check),
                        None => groups.push((vec![check], message)),
                    }
                }
                if groups.is_empty() {
                    continue;
                }
                let parts: Vec<String> = groups
                    .into_iter()
                    .map(|(checks, message)| format!("{}: {message}", checks.join(", ")))
                    .collect();
                out.push(format!("{}/{case} {}", peer.peer, parts.join("; ")));
            }
        }
        out
    }

    /// The plain-text table for stdout.
    pub fn text_table(&self) -> String {
        let case_width = self
            .cases
            .iter()
            .map(|c| c.len())
            .chain([4])
            .max()
            .unwrap_or(4);
        // Per peer, the checks shown and each one's width: the widest label or its header.
        let columns: Vec<Vec<(usize, usize)>> = self
            .peers
            .iter()
            .map(|p| {
                p.shown_checks()
                    .into_iter()
                    .map(|i| {
                        let width = p
                            .cells
                            .iter()
                            .map(|row| row[i].label().len())
                            .chain([CHECKS[i].len()])
                            .max()
                            .unwrap_or(0);
                        (i, width)
                    })
                    .collect()
            })
            .collect();
        let group_width = |cols: &[(usize, usize)]| {
            cols.iter().map(|(_, w)| w).sum::<usize>() + 2 * cols.len().saturating_sub(1)
        };
        let mut out = String::new();
        let _ = write!(out, "{:case_width$}", "");
        for (p, cols) in self.peers.iter().zip(&columns) {
            let _ = write!(out, " | {:gw$}", p.peer, gw = group_width(cols));
        }
        trim_end_spaces(&mut out);
        out.push('\n');
        let _ = write!(out, "{:case_width$}", "case");
        for cols in &columns {
            out.push_str(" | ");
            let heads: Vec<String> = cols
                .iter()
                .map(|&(i, w)| format!("{:w$}", CHECKS[i]))
                .collect();
            out.push_str(&heads.join("  "));
        }
        trim_end_spaces(&mut out);
        out.push('\n');
        let _ = write!(out, "{}", "-".repeat(case_width));
        for cols in &columns {
            let _ = write!(out, "-+-{}", "-".repeat(group_width(cols)));
        }
        out.push('\n');
        for (row, case) in self.cases.iter().enumerate() {
            let _ = write!(out, "{case:case_width$}");
            for (p, cols) in self.peers.iter().zip(&columns) {
                out.push_str(" | ");
                let labels: Vec<String> = cols
                    .iter()
                    .map(|&(i, w)| format!("{:w$}", p.cells[row][i].label()))
                    .collect();
                out.push_str(&labels.join("  "));
            }
            trim_end_spaces(&mut out);
            out.push('\n');
        }
        out
    }

    /// The Markdown report: legend, peer status, table, failures, accepted differences,
    /// unsupported and not-applicable checks.
    pub fn markdown(&self) -> String {
        let counts = self.counts();
        let mut out = String::new();
        out.push_str("# Conformance report\n\n");
        out.push_str(
            "Written by `cargo run --release -p xlang-tests --bin conformance`. For every case \
             and peer:\n\n\
             - **decode**: the peer's freshly generated file decodes in Rust to the case's value, \
             with a reader built for the case's mode and with one built for the other mode.\n\
             - **round trip**: our encoding, sent to the peer's `run roundtrip`, is accepted \
             (`OK`), and the file the peer wrote back decodes in Rust to the case's value.\n\
             - **bytes**: our encoding equals the peer's bytes.\n\
             - **regenerated**: the freshly generated file equals the committed \
             `xlang-tests/golden/<peer>/<case>.bin`; `n/a` for a peer that writes the case in \
             random order (Go's maps and sets), whose **bytes** are then an accepted difference \
             even when the order happens to match, so that the totals do not vary from run to \
             run.\n\n\
             The last rows are the examples of `fory-core/examples/`, built in release and run. \
             The rows `interop_by_id` and `interop_by_name` (the example `peer_interop`), \
             `python_interop` and `java_interop` exchange files with the peer's side of the \
             example, every side on its library's default configuration: **decode** is the \
             example reading the peer's payload, **round trip** the peer reading the example's, \
             **regenerated** the peer's payload against the committed one; **bytes** does not \
             apply. The other example rows run alone, in the column group `rust` (no peer): \
             **round trip** passes when the example, which checks what it writes and reads \
             back, exits 0.\n\n\
             Cells: `ok` passed; `FAIL` failed (`FAIL @n`: the bytes first differ at offset n); \
             `differs (accepted)` the bytes differ for a reason listed in \
             `src/differences.rs` (neither pass nor failure); `n/a` the check does not apply; \
             `unsupported` the peer reported the case UNSUPPORTED; `skipped` the peer is not \
             available; `-` not run because an earlier check failed; blank: no such check for \
             this row and peer (not counted).\n\n\
             The summary and the lists' headings count checks (four per case and peer, fewer for the examples) and the \
             peer/case pairs they fall in; each list has one line per peer/case pair (the \
             failures also one per peer-level failure, before the peer's cases).\n\n",
        );
        out.push_str("## Peers\n\n");
        for p in &self.peers {
            let _ = writeln!(out, "- **{}**: {}", p.peer, md_escape(&p.status));
        }
        let _ = writeln!(
            out,
            "\n**{}**\n\n{}.\n",
            counts.result_line(),
            counts.other_line()
        );
        let shown: Vec<Vec<usize>> = self.peers.iter().map(PeerColumn::shown_checks).collect();
        out.push_str("## Table\n\n| case |");
        for (p, checks) in self.peers.iter().zip(&shown) {
            for &i in checks {
                let _ = write!(out, " {} {} |", p.peer, CHECKS[i]);
            }
        }
        out.push_str("\n|---|");
        for checks in &shown {
            out.push_str(&"---|".repeat(checks.len()));
        }
        out.push('\n');
        for (row, case) in self.cases.iter().enumerate() {
            let _ = write!(out, "| `{case}` |");
            for (p, checks) in self.peers.iter().zip(&shown) {
                for &i in checks {
                    let cell = &p.cells[row][i];
                    let label = cell.label();
                    if matches!(cell, Cell::Fail { .. }) {
                        let _ = write!(out, " **{label}** |");
                    } else {
                        let _ = write!(out, " {label} |");
                    }
                }
            }
            out.push('\n');
        }
        for list in self.lists() {
            let _ = writeln!(out, "\n## {}\n", list.heading());
            if list.items.is_empty() {
                out.push_str("None.\n");
            }
            for item in list.items {
                let _ = writeln!(out, "- {}", md_item(&item));
            }
        }
        let notes: Vec<String> = self
            .peers
            .iter()
            .flat_map(|p| p.notes.iter().map(move |n| format!("{}: {n}", p.peer)))
            .collect();
        if !notes.is_empty() {
            out.push_str("\n## Notes\n\n");
            for n in notes {
                let _ = writeln!(out, "- {}", md_item(&n));
            }
        }
        out
    }
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A list item: the first line as is, further lines (peer output) as an indented code block.
fn md_item(text: &str) -> String {
    match text.split_once('\n') {
        None => text.to_string(),
        Some((first, rest)) => {
            let body: String = rest.lines().map(|l| format!("      {l}\n")).collect();
            format!("{first}\n\n{}", body.trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(peer: &str, cells: Vec<[Cell; 4]>, peer_failures: &[&str]) -> PeerColumn {
        PeerColumn {
            peer: peer.to_string(),
            status: "ready".to_string(),
            skipped: false,
            cells,
            peer_failures: peer_failures.iter().map(|m| m.to_string()).collect(),
            notes: Vec::new(),
        }
    }

    /// Two cases and three peers: one case unsupported in all four checks, one accepted
    /// difference, failures of two kinds, and a peer whose setup failed.
    fn report() -> Report {
        use Cell::*;
        let unsupported = || Unsupported("no callback".to_string());
        Report {
            cases: vec!["a".to_string(), "b".to_string()],
            peers: vec![
                column(
                    "go",
                    vec![
                        [unsupported(), unsupported(), unsupported(), unsupported()],
                        [Pass, Pass, Accepted("utf-8".to_string()), Pass],
                    ],
                    &[],
                ),
                column(
                    "java",
                    vec![
                        [
                            Cell::fail("bad"),
                            Cell::fail("bad"),
                            NotRun("decode failed".to_string()),
                            Cell::fail_at(3, "other"),
                        ],
                        [Pass, Pass, NotApplicable("by design".to_string()), Pass],
                    ],
                    &[],
                ),
                column(
                    "python",
                    vec![
                        [(); 4].map(|()| Cell::fail("")),
                        [(); 4].map(|()| Cell::fail("")),
                    ],
                    &["setup failed (each of its checks counts as failed)"],
                ),
            ],
        }
    }

    #[test]
    fn the_summary_and_the_lists_count_the_same_things() {
        let report = report();
        let c = report.counts();
        assert_eq!(
            c.passed,
            Tally {
                checks: 6,
                pairs: 2
            }
        );
        assert_eq!(
            c.unsupported,
            Tally {
                checks: 4,
                pairs: 1
            }
        );
        assert_eq!(
            c.accepted,
            Tally {
                checks: 1,
                pairs: 1
            }
        );
        assert_eq!(
            c.not_applicable,
            Tally {
                checks: 1,
                pairs: 1
            }
        );
        assert_eq!(
            c.not_run,
            Tally {
                checks: 1,
                pairs: 1
            }
        );
        assert_eq!(
            c.failed,
            Tally {
                checks: 3,
                pairs: 1
            }
        );
        assert_eq!((c.failed_with_peer, c.peer_failures), (8, 1));
        assert_eq!(c.failed_total(), 12);

        // Each list has one line per peer/case pair (the failures also the peer-level ones),
        // and its heading says so in the summary's terms.
        let lists = report.lists();
        let by_title = |title: &str| lists.iter().find(|l| l.title == title).unwrap();
        for (title, tally) in [
            ("Accepted differences", c.accepted),
            ("Unsupported", c.unsupported),
            ("Not applicable", c.not_applicable),
        ] {
            let list = by_title(title);
            assert_eq!(list.items.len(), tally.pairs, "{title}");
            assert_eq!(list.counts, tally.describe(), "{title}");
        }
        let unsupported = by_title("Unsupported");
        assert_eq!(
            unsupported.heading(),
            "Unsupported (4 checks in 1 peer/case pair)"
        );
        assert_eq!(
            unsupported.items,
            ["go/a decode, round trip, bytes, regenerated: no callback"]
        );
        let failures = by_title("Failures");
        assert_eq!(failures.items.len(), c.failed.pairs + c.peer_failures);
        assert_eq!(
            failures.items,
            [
                "java/a decode, round trip: bad; regenerated: other",
                "python: setup failed (each of its checks counts as failed)",
            ]
        );
        assert_eq!(
            failures.heading(),
            "Failures (3 checks in 1 peer/case pair, 1 peer-level failure, 8 more checks with \
             their peer)"
        );

        assert_eq!(
            c.result_line(),
            "6 checks passed, 12 failed (3 checks in 1 peer/case pair, 1 peer-level failure, 8 \
             more checks with their peer)"
        );
        assert_eq!(
            c.other_line(),
            "Checks that neither passed nor failed: accepted differences 1 check in 1 peer/case \
             pair; unsupported 4 checks in 1 peer/case pair; n/a 1 check in 1 peer/case pair; \
             skipped 0 checks; not run 1 check in 1 peer/case pair"
        );

        // The Markdown report says the same.
        let md = report.markdown();
        assert!(md.contains(&format!("**{}**", c.result_line())), "{md}");
        assert!(md.contains(&c.other_line()), "{md}");
        for list in &lists {
            assert!(md.contains(&format!("## {}\n", list.heading())), "{md}");
        }
    }

    #[test]
    fn a_clean_run_says_what_it_counted() {
        let report = Report {
            cases: vec!["a".to_string()],
            peers: vec![column("java", vec![[(); 4].map(|()| Cell::Pass)], &[])],
        };
        let c = report.counts();
        assert_eq!(c.result_line(), "4 checks passed, 0 failed");
        assert_eq!(report.lists()[0].heading(), "Failures (0 checks)");
    }

    #[test]
    fn blank_cells_are_not_counted_and_their_columns_are_left_out() {
        use Cell::*;
        let report = Report {
            cases: vec!["a".to_string(), "example".to_string()],
            peers: vec![
                column(
                    "java",
                    vec![[Pass, Pass, Pass, Pass], [Absent, Absent, Absent, Absent]],
                    &[],
                ),
                column(
                    "rust",
                    vec![
                        [Absent, Absent, Absent, Absent],
                        [Absent, Cell::fail("exited with 101"), Absent, Absent],
                    ],
                    &[],
                ),
            ],
        };
        let c = report.counts();
        assert_eq!(c.passed.checks, 4);
        assert_eq!(
            c.failed,
            Tally {
                checks: 1,
                pairs: 1
            }
        );
        assert_eq!(
            report.failures(),
            ["rust/example round trip: exited with 101"]
        );
        assert_eq!(report.peers[1].shown_checks(), [1]);
        let table = report.text_table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], format!("        | java{} | rust", " ".repeat(34)));
        assert_eq!(
            lines[1],
            "case    | decode  round trip  bytes  regenerated | round trip"
        );
        assert_eq!(
            lines[3],
            "a       | ok      ok          ok     ok          |"
        );
        assert_eq!(lines[4], format!("example | {} | FAIL", " ".repeat(38)));
        let md = report.markdown();
        let header = concat!(
            "| case | java decode | java round trip | java bytes | java regenerated ",
            "| rust round trip |\n|---|---|---|---|---|---|\n",
            "| `a` | ok | ok | ok | ok |  |\n",
            "| `example` |  |  |  |  | **FAIL** |\n",
        );
        assert!(md.contains(header), "{md}");
    }
}
