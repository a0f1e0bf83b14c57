//! Exchanges an `Experiment` with Java (`org.apache.fory:fory-core` 1.6.0 on its default xlang
//! configuration), in both directions: a class holding another class, a `double[]` (`Vec<f64>`),
//! a `List` of classes and a `List<String>`, a `Map<String, Double>`, a `@Nullable` field and a
//! camelCase field, every type registered by id. The Java side is
//! `xlang-tests/peers/java/src/main/java/xlangtests/interop/JavaInterop.java`.
//!
//! ```sh
//! bash xlang-tests/peers/java/setup.sh   # once: fory-core 1.6.0 and the Java classes, in .cache/
//!
//! # Rust writes, Java reads.
//! cargo run -p fory-core --example java_interop -- write /tmp/experiment
//! xlang-tests/peers/java/run example java_interop read /tmp/experiment
//!
//! # Java writes, Rust reads.
//! xlang-tests/peers/java/run example java_interop write /tmp/experiment
//! cargo run -p fory-core --example java_interop -- read /tmp/experiment
//! ```
//!
//! `write DIR` creates `DIR/java_interop.bin`; `read DIR` decodes it, whichever side wrote it,
//! compares it with [`experiment`] and prints `OK java_interop` or `FAIL java_interop: why`
//! (exit 1 on failure). `JavaInterop.java` takes the same two commands.
//!
//! The Java classes, field by field (public fields and a no-argument constructor, as fory-core
//! needs):
//!
//! | Rust | Java |
//! | --- | --- |
//! | `String` | `String` (non-null, as every Java field of a reference type without `@Nullable`) |
//! | `Instrument`, a nested struct | `Instrument` |
//! | `i64` `sample_rate_hz` | `long sampleRateHz` (names go on the wire in snake_case) |
//! | `Vec<f64>`, a FLOAT64_ARRAY | `double[]` |
//! | `Vec<Trial>`, a LIST of structs | `List<Trial>` |
//! | `Vec<String>`, a LIST | `List<String>` |
//! | `HashMap<String, f64>`, a MAP | `Map<String, Double>` |
//! | `Option<String>` | `@Nullable String` |
//! | `i32` | `int` |

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use fory_core::{Fory, ForyObject};

/// A struct inside a struct: Java's `JavaInterop.Instrument`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Instrument {
    model: String,
    serial: i64,
}

/// The element of a list of structs: Java's `JavaInterop.Trial`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Trial {
    run: i32,
    passed: bool,
}

/// Java's `JavaInterop.Experiment`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Experiment {
    title: String,
    instrument: Instrument,
    sample_rate_hz: i64,
    samples: Vec<f64>,
    trials: Vec<Trial>,
    tags: Vec<String>,
    settings: HashMap<String, f64>,
    notes: Option<String>,
}

/// The value both sides write, and expect to read back exactly.
fn experiment() -> Experiment {
    Experiment {
        title: "pendulum".to_string(),
        instrument: Instrument {
            model: "LX-200".to_string(),
            serial: 9_007_199_254_740_993, // 2^53 + 1: not a float in disguise
        },
        sample_rate_hz: 48_000,
        samples: vec![0.0, 0.5, -1.25, f64::MAX],
        trials: vec![
            Trial {
                run: 1,
                passed: true,
            },
            Trial {
                run: 2,
                passed: false,
            },
        ],
        tags: vec!["lab".to_string(), "ünïcode".to_string()],
        settings: HashMap::from([("gain".to_string(), 2.5), ("offset".to_string(), -0.125)]),
        notes: None,
    }
}

/// The file both sides exchange, in `DIR`, and the name on the `OK` / `FAIL` line.
pub const NAME: &str = "java_interop";

/// `Fory::default()` (compatible mode, as Java's `Fory.builder().withXlang(true).build()`) and
/// the three types, under the same ids as in `JavaInterop.java`.
fn fory() -> fory_core::Result<Fory> {
    let mut fory = Fory::default();
    fory.register::<Instrument>(201)?;
    fory.register::<Trial>(202)?;
    fory.register::<Experiment>(203)?;
    Ok(fory)
}

fn write(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let bytes = fory()?.serialize(&experiment())?;
    std::fs::write(dir.join(format!("{NAME}.bin")), bytes)?;
    Ok(())
}

/// Decodes one payload and compares it with [`experiment`].
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let got: Experiment = fory()
        .and_then(|fory| fory.deserialize(bytes))
        .map_err(|e| e.to_string())?;
    if got != experiment() {
        return Err(format!("decoded {got:?}, expected {:?}", experiment()));
    }
    Ok(())
}

fn read(dir: &Path) -> Result<(), String> {
    let path = dir.join(format!("{NAME}.bin"));
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    check(&bytes)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, dir] if command == "write" => match write(Path::new(dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("java_interop: {e}");
                ExitCode::FAILURE
            }
        },
        [command, dir] if command == "read" => match read(Path::new(dir)) {
            Ok(()) => {
                println!("OK {NAME}");
                ExitCode::SUCCESS
            }
            Err(why) => {
                println!("FAIL {NAME}: {}", why.replace('\n', " "));
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: java_interop write DIR | java_interop read DIR");
            ExitCode::from(2)
        }
    }
}
