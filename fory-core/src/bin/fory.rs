//! `fory`: command-line tools for Fory xlang payloads. One subcommand: `inspect`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fory_core::inspect::{inspect, Options};
use fory_core::oob::OobArrayForm;
use fory_core::FrameHeader;

const USAGE: &str = "\
fory inspect [--hex | --json] [--full] [--pyfory-arrays] [FILE] [BUFFER...]

Shows what a Fory xlang payload holds, without its types: every value with its byte range,
reference flag, wire type, user type id or name, struct field names (from the TypeDefs of a
compatible-mode payload), string encoding and out-of-band buffer.

  FILE             the payload, or several back to back (a stream); `-` or none: stdin
  BUFFER...        the out-of-band buffers, in order. Without them, a payload with the
                   out-of-band bit takes FILE.0, FILE.1, ... if they exist
  --hex            the bytes beside the tree, one line per part
  --json           JSON for tools (whole values, every element)
  --full           whole strings, byte strings and arrays, every element
  --pyfory-arrays  read an out-of-band payload's numeric arrays as pyfory writes them
                   where the bytes cannot tell (an array starting 00)

Exit status: 0 when the input was read (to its end, or to a value only its writer's code
can read, which is said); 1 when the bytes are malformed (what was read is shown, then the
error with its offset); 2 for a usage or file error.";

struct Args {
    hex: bool,
    json: bool,
    full: bool,
    pyfory_arrays: bool,
    file: Option<PathBuf>,
    buffers: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("inspect") => {}
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => return usage_error(&format!("unknown subcommand {other:?}")),
        None => return usage_error("a subcommand is needed"),
    }
    let args = match parse(args) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error(&message),
    };
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("fory inspect: {message}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("fory: {message}\n\nusage: {USAGE}");
    ExitCode::from(2)
}

fn parse(args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        hex: false,
        json: false,
        full: false,
        pyfory_arrays: false,
        file: None,
        buffers: Vec::new(),
    };
    for arg in args {
        match arg.as_str() {
            "--hex" => parsed.hex = true,
            "--json" => parsed.json = true,
            "--full" => parsed.full = true,
            "--pyfory-arrays" => parsed.pyfory_arrays = true,
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ if parsed.file.is_none() => parsed.file = Some(arg.into()),
            _ => parsed.buffers.push(arg.into()),
        }
    }
    if parsed.hex && parsed.json {
        return Err("--hex and --json exclude each other".into());
    }
    Ok(Some(parsed))
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let input = match &args.file {
        Some(path) if path != Path::new("-") => {
            std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("standard input: {e}"))?;
            bytes
        }
    };
    let buffer_paths = if args.buffers.is_empty() {
        buffers_beside(args.file.as_deref(), &input)
    } else {
        args.buffers.clone()
    };
    let buffers = buffer_paths
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect::<Result<Vec<_>, _>>()?;
    let slices: Vec<&[u8]> = buffers.iter().map(Vec::as_slice).collect();
    let options = Options {
        max_children: (!args.full && !args.json).then_some(20),
        oob_array_form: if args.pyfory_arrays {
            OobArrayForm::Pyfory
        } else {
            OobArrayForm::Java
        },
    };
    let found = inspect(&input, &slices, &options);
    let text = if args.json {
        found.json() + "\n"
    } else if args.hex {
        found.hex(&input, args.full)
    } else {
        found.tree(args.full)
    };
    print!("{text}");
    Ok(match &found.error {
        Some(error) => {
            eprintln!("fory inspect: {error}");
            ExitCode::from(1)
        }
        None => ExitCode::SUCCESS,
    })
}

/// `FILE.0`, `FILE.1`, ... beside `FILE` when its first payload has the out-of-band bit (the
/// way the peers' golden files keep a payload's buffers).
fn buffers_beside(file: Option<&Path>, input: &[u8]) -> Vec<PathBuf> {
    let Some(file) = file.filter(|f| *f != Path::new("-")) else {
        return Vec::new();
    };
    let out_of_band = input
        .first()
        .and_then(|&b| FrameHeader::from_byte(b, 0).ok())
        .is_some_and(|h| h.out_of_band);
    if !out_of_band {
        return Vec::new();
    }
    let beside = |i: usize| {
        let mut name = file.as_os_str().to_owned();
        name.push(format!(".{i}"));
        PathBuf::from(name)
    };
    let found: Vec<PathBuf> = (0..).map(beside).take_while(|p| p.is_file()).collect();
    if !found.is_empty() {
        eprintln!(
            "fory inspect: out-of-band buffers {}",
            found
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    found
}
