//! `cargo bench -p benchmarks [-- FILTER]`: the same benchmarks the report runs, with criterion's
//! own command line (its defaults are replaced by the short settings of `BENCH_WARMUP_MS`,
//! `BENCH_MEASURE_MS` and `BENCH_SAMPLES`; criterion's flags still override them).

use benchmarks::suite;
use criterion::Criterion;

fn main() {
    suite::check_round_trips();
    let mut c = suite::Settings::from_env()
        .apply(Criterion::default())
        .configure_from_args();
    suite::benches(&mut c);
    c.final_summary();
}
