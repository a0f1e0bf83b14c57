//! How far each `ours/apache` ratio of the main table moved between the report's rounds.
//!
//! The tables keep each benchmark's fastest round, which takes out bursts of other work on the
//! machine but says nothing of how steady a row is. Here the ratio is taken within each round
//! instead (both libraries measured minutes apart, not the best of each), and the rows whose
//! ratio moved by more than [`LISTED_SPREAD`] are listed: a ratio near 1.00 on such a row is
//! not a result either way.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::suite;

/// Rows whose per-round ratios lie further apart than this are listed.
pub const LISTED_SPREAD: f64 = 0.05;

/// Writes the section for the criterion results of each round (benchmark id to ns), or nothing
/// with fewer than two rounds.
pub fn section(md: &mut String, rounds: &[BTreeMap<String, f64>]) -> std::fmt::Result {
    if rounds.len() < 2 {
        return Ok(());
    }
    let mut listed = Vec::new();
    let mut total = 0;
    for data in suite::DATA {
        for op in suite::OPS {
            for mode in suite::MODES {
                let per_round: Vec<f64> = rounds
                    .iter()
                    .filter_map(|round| {
                        let ours = round.get(&format!("{data}/{op}/ours-{mode}"))?;
                        let apache = round.get(&format!("{data}/{op}/apache-{mode}"))?;
                        Some(ours / apache)
                    })
                    .collect();
                if per_round.len() < rounds.len() {
                    continue;
                }
                total += 1;
                let low = per_round.iter().copied().fold(f64::INFINITY, f64::min);
                let high = per_round.iter().copied().fold(0.0, f64::max);
                if high - low > LISTED_SPREAD {
                    listed.push((data, op, mode, per_round));
                }
            }
        }
    }
    if total == 0 {
        return Ok(());
    }
    writeln!(md, "## Round to round\n")?;
    writeln!(
        md,
        "The tables keep each benchmark's fastest round. Taken within each round instead, \
         `ours/apache` stayed within {LISTED_SPREAD:.2} across the {} rounds in {} of the {total} \
         rows of the main table; it moved further in the rows below, where a ratio near 1.00 \
         is not a result either way.\n",
        rounds.len(),
        total - listed.len()
    )?;
    if listed.is_empty() {
        return Ok(());
    }
    let heads: Vec<String> = (1..=rounds.len()).map(|r| format!("round {r}")).collect();
    writeln!(md, "| Data | Operation | Mode | {} |", heads.join(" | "))?;
    writeln!(md, "|---|---|---|{}", "--:|".repeat(rounds.len()))?;
    for (data, op, mode, per_round) in listed {
        let cells: Vec<String> = per_round.iter().map(|r| format!("{r:.2}")).collect();
        writeln!(md, "| {data} | {op} | {mode} | {} |", cells.join(" | "))?;
    }
    writeln!(md)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(ours: f64, apache: f64) -> BTreeMap<String, f64> {
        let mut r = BTreeMap::new();
        for data in suite::DATA {
            for op in suite::OPS {
                for mode in suite::MODES {
                    r.insert(format!("{data}/{op}/ours-{mode}"), 100.0);
                    r.insert(format!("{data}/{op}/apache-{mode}"), 200.0);
                }
            }
        }
        r.insert("Sample/deserialize/ours-compatible".into(), ours);
        r.insert("Sample/deserialize/apache-compatible".into(), apache);
        r
    }

    /// Only the row whose ratio moved is listed, with its ratio in each round; one round
    /// writes nothing.
    #[test]
    fn lists_the_rows_whose_ratio_moved() {
        let mut md = String::new();
        section(&mut md, &[round(90.0, 100.0)]).unwrap();
        assert!(md.is_empty());
        section(&mut md, &[round(90.0, 100.0), round(104.0, 100.0)]).unwrap();
        let total = suite::DATA.len() * 4;
        assert!(
            md.contains(&format!("in {} of the {total} rows", total - 1)),
            "{md}"
        );
        assert!(
            md.contains("| Sample | deserialize | compatible | 0.90 | 1.04 |"),
            "{md}"
        );
        assert_eq!(md.matches("\n| ").count(), 2, "{md}");
    }
}
