//! `fory-xlang-peer`: the peer program of Apache Fory's own Java-driven cross-language suite
//! (`org.apache.fory.xlang.XlangTestBase` at v1.6.0), built on fory-core.
//!
//! ```text
//! DATA_FILE=/tmp/case.data fory-xlang-peer test_simple_struct
//! ```
//!
//! The driver writes one or more Fory payloads (or, for the raw-buffer cases, raw buffer
//! contents) into `DATA_FILE` and runs the peer with the case name as its only argument. The peer
//! decodes the values the case defines with the case's configuration (compatible or
//! schema-consistent, reference tracking), encodes them again with the same configuration, and
//! replaces the file's contents with the result, which the driver decodes and checks.
//!
//! Exit codes: 0 success; 1 the case failed (a decoding error, which names the payload and the
//! byte offset in the file, an encoding error, or a value other than the case defines); 2 the
//! case is unknown or unsupported, or the invocation is wrong (no case name, no `DATA_FILE`).
//! `--list` prints every supported case, and the unsupported ones with the reason.

mod cases;
mod session;
mod types;
mod wire;

use std::process::ExitCode;

use session::Session;

/// Exit code of a case that ran and failed.
const EXIT_FAILED: u8 = 1;
/// Exit code of an unknown or unsupported case, or a wrong invocation.
const EXIT_UNSUPPORTED: u8 = 2;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let case = match args.as_slice() {
        [flag] if flag == "--list" => {
            list_cases();
            return ExitCode::SUCCESS;
        }
        [case] => case.as_str(),
        _ => {
            eprintln!(
                "usage: DATA_FILE=<path> fory-xlang-peer <case>   (or: fory-xlang-peer --list)"
            );
            return ExitCode::from(EXIT_UNSUPPORTED);
        }
    };
    let Some(run) = cases::find(case) else {
        match cases::unsupported_reason(case) {
            Some(reason) => eprintln!("fory-xlang-peer: unsupported case {case}: {reason}"),
            None => eprintln!(
                "fory-xlang-peer: unknown case {case} (`fory-xlang-peer --list` lists the cases)"
            ),
        }
        return ExitCode::from(EXIT_UNSUPPORTED);
    };
    let Some(path) = std::env::var_os("DATA_FILE") else {
        eprintln!("fory-xlang-peer: DATA_FILE is not set");
        return ExitCode::from(EXIT_UNSUPPORTED);
    };
    let input = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!(
                "fory-xlang-peer: cannot read {}: {err}",
                path.to_string_lossy()
            );
            return ExitCode::from(EXIT_FAILED);
        }
    };
    let mut session = Session::new(input);
    let output = run(&mut session).and_then(|()| session.finish());
    match output {
        Ok(bytes) => match std::fs::write(&path, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!(
                    "fory-xlang-peer: cannot write {}: {err}",
                    path.to_string_lossy()
                );
                ExitCode::from(EXIT_FAILED)
            }
        },
        Err(failure) => {
            eprintln!("fory-xlang-peer: {case} failed: {failure}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

fn list_cases() {
    for (name, _) in cases::SUPPORTED {
        println!("{name}");
    }
    for (name, reason) in cases::UNSUPPORTED {
        println!("{name}\tunsupported: {reason}");
    }
}
