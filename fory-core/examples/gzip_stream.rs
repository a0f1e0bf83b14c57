//! Writes a stream of values through a gzip encoder into a file, then reads them back one by one
//! through a gzip decoder: `fory_core::io::StreamWriter` and `StreamReader` over any `Write` and
//! `Read`, here `flate2`'s.
//!
//! ```sh
//! cargo run -p fory-core --example gzip_stream                  # a temporary file, removed
//! cargo run -p fory-core --example gzip_stream -- readings.gz    # this file, kept
//! ```
//!
//! The stream is payloads back to back (a `String` header, then one payload per `Reading`), as
//! Java's and pyfory's streams write them: decompressed, a Java or Python reader reads it with
//! the same registrations. The reader asks the decoder for bytes only as a payload needs them,
//! and a clean end of the stream is `Ok(None)`.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use fory_core::io::{StreamReader, StreamWriter};
use fory_core::{Fory, ForyObject};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Reading {
    sensor: String,
    at_ms: i64,
    celsius: f64,
}

const HEADER: &str = "readings v1";

fn readings() -> Vec<Reading> {
    (0..10_000)
        .map(|i| Reading {
            sensor: format!("sensor-{}", i % 4),
            at_ms: 1_700_000_000_000 + i * 250,
            celsius: 20.0 + (i % 40) as f64 * 0.25,
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (path, keep) = match std::env::args_os().nth(1) {
        Some(path) => (PathBuf::from(path), true),
        None => (
            std::env::temp_dir().join(format!("fory-gzip-stream-{}.gz", std::process::id())),
            false,
        ),
    };
    let mut fory = Fory::default();
    fory.register::<Reading>(1)?;
    let values = readings();

    // Write: fory -> gzip -> buffered file. Each value is one payload and one write_all.
    let encoder = GzEncoder::new(BufWriter::new(File::create(&path)?), Compression::default());
    let mut writer = StreamWriter::new(&fory, encoder);
    writer.write(HEADER)?;
    for reading in &values {
        writer.write(reading)?;
    }
    // Finish the gzip member (its trailer), then flush the file.
    writer.into_inner().finish()?.flush()?;

    // Read: file -> gzip -> fory, one value at a time, until the clean end of the stream.
    let decoder = GzDecoder::new(BufReader::new(File::open(&path)?));
    let mut reader = StreamReader::new(&fory, decoder);
    let header: String = reader.read()?.ok_or("an empty stream")?;
    assert_eq!(header, HEADER);
    let mut back = Vec::new();
    while let Some(reading) = reader.read::<Reading>()? {
        back.push(reading);
    }
    assert_eq!(back, values);

    let raw: usize = values
        .iter()
        .map(|r| fory.serialize(r).map(|b| b.len()))
        .sum::<fory_core::Result<usize>>()?;
    let compressed = std::fs::metadata(&path)?.len();
    println!(
        "{} readings ({raw} bytes of payloads) through gzip into {} ({compressed} bytes), read \
         back equal",
        back.len(),
        path.display()
    );
    if !keep {
        std::fs::remove_file(&path)?;
    }
    Ok(())
}
