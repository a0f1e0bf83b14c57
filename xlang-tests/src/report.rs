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

/// How many checks ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Checks that passed.
    pub passed: usize,
    /// Checks that failed, plus failures that belong to a peer rather than a case.
    pub failed: usize,
    /// Accepted byte differences.
    pub accepted: usize,
    /// Checks that do not apply.
    pub not_applicable: usize,
    /// Checks of cases a peer reported UNSUPPORTED.
    pub unsupported: usize,
    /// Checks of skipped peers.
    pub skipped: usize,
    /// Checks not run because an earlier one failed.
    pub not_run: usize,
}

impl Report {
    /// The counts over every cell and peer-level failure.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for peer in &self.peers {
            c.failed += peer.peer_failures.len();
            for cell in peer.cells.iter().flatten() {
                match cell {
                    Cell::Pass => c.passed += 1,
                    Cell::Fail { .. } => c.failed += 1,
                    Cell::Accepted(_) => c.accepted += 1,
                    Cell::NotApplicable(_) => c.not_applicable += 1,
                    Cell::Unsupported(_) => c.unsupported += 1,
                    Cell::Skipped => c.skipped += 1,
                    Cell::NotRun(_) => c.not_run += 1,
                }
            }
        }
        c
    }

    /// Every failure as `peer/case check: message` (peer-level ones as `peer: message`).
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

    /// Every accepted difference as `peer/case: reason`.
    pub fn accepted(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::Accepted(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Every unsupported check as `peer/case check: reason`.
    pub fn unsupported(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::Unsupported(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Every check that does not apply, as `peer/case check: reason`.
    pub fn not_applicable(&self) -> Vec<String> {
        self.collect(
            |cell| match cell {
                Cell::NotApplicable(reason) => Some(reason.clone()),
                _ => None,
            },
            false,
        )
    }

    /// Lists the cells `pick` selects as `peer/case checks: message`, the checks of one case
    /// that share a message on one line (and the peer-level failures first, if asked).
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
                for (checks, message) in groups {
                    out.push(format!(
                        "{}/{case} {}: {message}",
                        peer.peer,
                        checks.join(", ")
                    ));
                }
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
        // Column width: the widest label or header among the four checks.
        let widths: Vec<[usize; 4]> = self
            .peers
            .iter()
            .map(|p| {
                let mut w = [0; 4];
                for (i, h) in CHECKS.iter().enumerate() {
                    w[i] = p
                        .cells
                        .iter()
                        .map(|row| row[i].label().len())
                        .chain([h.len()])
                        .max()
                        .unwrap_or(0);
                }
                w
            })
            .collect();
        let group_width = |w: &[usize; 4]| w.iter().sum::<usize>() + 3 * 2;
        let mut out = String::new();
        let _ = write!(out, "{:case_width$}", "");
        for (p, w) in self.peers.iter().zip(&widths) {
            let _ = write!(out, " | {:gw$}", p.peer, gw = group_width(w));
        }
        trim_end_spaces(&mut out);
        out.push('\n');
        let _ = write!(out, "{:case_width$}", "case");
        for w in &widths {
            out.push_str(" | ");
            let cols: Vec<String> = CHECKS
                .iter()
                .zip(w)
                .map(|(h, w)| format!("{h:w$}"))
                .collect();
            out.push_str(&cols.join("  "));
        }
        trim_end_spaces(&mut out);
        out.push('\n');
        let _ = write!(out, "{}", "-".repeat(case_width));
        for w in &widths {
            let _ = write!(out, "-+-{}", "-".repeat(group_width(w)));
        }
        out.push('\n');
        for (i, case) in self.cases.iter().enumerate() {
            let _ = write!(out, "{case:case_width$}");
            for (p, w) in self.peers.iter().zip(&widths) {
                out.push_str(" | ");
                let cols: Vec<String> = p.cells[i]
                    .iter()
                    .zip(w)
                    .map(|(c, w)| format!("{:w$}", c.label()))
                    .collect();
                out.push_str(&cols.join("  "));
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
             `xlang-tests/golden/<peer>/<case>.bin`.\n\n\
             The rows `interop_by_id` and `interop_by_name` are the interop example \
             (`fory-core/examples/peer_interop.rs`), every side on its library's default \
             configuration: **decode** is the example reading the peer's interop program's \
             payload, **round trip** the peer's program reading the example's, **bytes** does \
             not apply.\n\n\
             Cells: `ok` passed; `FAIL` failed (`FAIL @n`: the bytes first differ at offset n); \
             `differs (accepted)` the bytes differ for a reason listed in \
             `src/differences.rs` (neither pass nor failure); `n/a` the check does not apply; \
             `unsupported` the peer reported the case UNSUPPORTED; `skipped` the peer is not \
             available; `-` not run because an earlier check failed.\n\n",
        );
        out.push_str("## Peers\n\n");
        for p in &self.peers {
            let _ = writeln!(out, "- **{}**: {}", p.peer, md_escape(&p.status));
        }
        let _ = writeln!(
            out,
            "\n**{} passed, {} failed** ({} accepted differences, {} unsupported, {} n/a, {} \
             skipped, {} not run)\n",
            counts.passed,
            counts.failed,
            counts.accepted,
            counts.unsupported,
            counts.not_applicable,
            counts.skipped,
            counts.not_run
        );
        out.push_str("## Table\n\n| case |");
        for p in &self.peers {
            for h in CHECKS {
                let _ = write!(out, " {} {h} |", p.peer);
            }
        }
        out.push_str("\n|---|");
        for _ in &self.peers {
            out.push_str("---|---|---|---|");
        }
        out.push('\n');
        for (i, case) in self.cases.iter().enumerate() {
            let _ = write!(out, "| `{case}` |");
            for p in &self.peers {
                for cell in &p.cells[i] {
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
        let sections = [
            ("Failures", self.failures()),
            ("Accepted differences", self.accepted()),
            ("Unsupported", self.unsupported()),
            ("Not applicable", self.not_applicable()),
        ];
        for (title, items) in sections {
            let _ = writeln!(out, "\n## {title} ({})\n", items.len());
            if items.is_empty() {
                out.push_str("None.\n");
            }
            for item in items {
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
