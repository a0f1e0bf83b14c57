//! Exchanges a weather `Station` with Python (pyfory 1.7.7, with numpy), in both directions:
//! a struct holding another struct, a list of structs, a string, an `i32`, an `Option` and two
//! numeric arrays that are numpy arrays on the Python side (`Vec<f64>` ↔ `numpy.float64`,
//! `Vec<i32>` ↔ `numpy.int32`), every type registered by id, each library on its default
//! configuration. The Python side is `fory-core/examples/python_interop.py`.
//!
//! ```sh
//! pip install pyfory==1.7.7 numpy      # once, for the Python side
//!
//! # Rust writes, Python reads.
//! cargo run -p fory-core --example python_interop -- write /tmp/station
//! python3 fory-core/examples/python_interop.py read /tmp/station
//!
//! # Python writes, Rust reads.
//! python3 fory-core/examples/python_interop.py write /tmp/station
//! cargo run -p fory-core --example python_interop -- read /tmp/station
//! ```
//!
//! `write DIR` creates `DIR/python_interop.bin`; `read DIR` decodes it, whichever side wrote it,
//! compares it with [`station`] and prints `OK python_interop` or `FAIL python_interop: why`
//! (exit 1 on failure). In this repository the Python side also runs with the pinned venv the
//! conformance runner sets up: `xlang-tests/peers/python-1.7.7/run example python_interop read
//! /tmp/station` (after `bash xlang-tests/peers/python-1.7.7/setup.sh`).
//!
//! What each field is in Python (`@dataclass` fields):
//!
//! | Rust | Python annotation | Python value |
//! | --- | --- | --- |
//! | `String` | `str` | `str` |
//! | `i32` | `pyfory.Int32` (a bare `int` is an int64 on the wire) | `int` |
//! | `Location`, a nested struct | `Location` | a dataclass |
//! | `Vec<Sensor>`, a list of structs | `List[Sensor]` | `list` |
//! | `Option<String>` | `Optional[str]` | `str` or `None` |
//! | `Vec<f64>`, FLOAT64_ARRAY | `pyfory.NDArray[pyfory.Float64]` | numpy array, dtype float64 |
//! | `Vec<i32>`, INT32_ARRAY | `pyfory.NDArray[pyfory.Int32]` | numpy array, dtype int32 |

use std::path::Path;
use std::process::ExitCode;

use fory_core::{Fory, ForyObject};

/// A struct inside a struct. Field names go on the wire in snake_case, as Python's.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Location {
    latitude: f64,
    longitude: f64,
}

/// The element of a list of structs.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Sensor {
    kind: String,
    unit: Option<String>, // Optional[str]: None is written as a null
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Station {
    name: String,
    elevation: i32, // VARINT32; pyfory writes a bare `int` as a 64-bit integer instead
    location: Location,
    sensors: Vec<Sensor>,
    operator: Option<String>,
    temperatures: Vec<f64>, // a numpy float64 array in Python
    readings: Vec<i32>,     // a numpy int32 array in Python
}

/// The value both sides write, and expect to read back exactly.
fn station() -> Station {
    Station {
        name: "Jungfraujoch".to_string(),
        elevation: 3571,
        location: Location {
            latitude: 46.5475,
            longitude: 7.9853,
        },
        sensors: vec![
            Sensor {
                kind: "thermometer".to_string(),
                unit: Some("°C".to_string()),
            },
            Sensor {
                kind: "door".to_string(),
                unit: None,
            },
        ],
        operator: Some("MeteoSwiss".to_string()),
        temperatures: vec![-7.25, -6.5, -8.0, 0.125],
        readings: vec![12, -3, 0, i32::MAX],
    }
}

/// The file both sides exchange, in `DIR`, and the name on the `OK` / `FAIL` line.
pub const NAME: &str = "python_interop";

/// `Fory::default()` (compatible mode, as pyfory's default) and the three types, under the same
/// ids as in `python_interop.py`.
fn fory() -> fory_core::Result<Fory> {
    let mut fory = Fory::default();
    fory.register::<Location>(101)?;
    fory.register::<Sensor>(102)?;
    fory.register::<Station>(103)?;
    Ok(fory)
}

fn write(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let bytes = fory()?.serialize(&station())?;
    std::fs::write(dir.join(format!("{NAME}.bin")), bytes)?;
    Ok(())
}

/// Decodes one payload and compares it with [`station`].
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let got: Station = fory()
        .and_then(|fory| fory.deserialize(bytes))
        .map_err(|e| e.to_string())?;
    if got != station() {
        return Err(format!("decoded {got:?}, expected {:?}", station()));
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
                eprintln!("python_interop: {e}");
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
            eprintln!("usage: python_interop write DIR | python_interop read DIR");
            ExitCode::from(2)
        }
    }
}
