//! Generative conformance: seeded random cases (user types drawn from every kind the format
//! has, a mode, a value) that every peer turns into its own types, writes and reads back. The
//! format every side reads is described in `xlang-tests/GENERATIVE.md`.
//!
//! - [`rng`]: the deterministic random numbers;
//! - [`schema`]: the language-neutral model of a case;
//! - [`capabilities`]: what each peer can express;
//! - [`generate`]: the generator;
//! - [`json`]: the cases as the JSON the peers read;
//! - [`rust_emit`]: the Rust side of a run as source (derived types, one module per case);
//! - [`rust_side`]: what that generated program calls;
//! - [`run`]: a run against the peers;
//! - [`report`]: its counts and failures;
//! - [`shrink`]: a failing case made as small as it still fails.

pub mod capabilities;
pub mod generate;
pub mod json;
pub mod report;
pub mod rng;
pub mod run;
pub mod rust_emit;
pub mod rust_side;
pub mod schema;
pub mod shrink;

use schema::Case;

/// `count` cases of stream `seed` for `peer`, starting at index `first`.
pub fn cases_for(peer: &str, seed: u64, first: u64, count: u64) -> Vec<Case> {
    let caps = capabilities::of(peer);
    (first..first + count)
        .map(|i| generate::case(seed, i, &caps))
        .collect()
}
