//! A payload as the peers exchange it in files: the main buffer in `<case>.bin` and, for cases
//! written with a buffer callback, its out-of-band buffers in `<case>.bin.0`, `<case>.bin.1`, ...

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The main buffer and the out-of-band buffers, in the order a reader takes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Payload {
    /// The main buffer.
    pub main: Vec<u8>,
    /// The out-of-band buffers (empty without a buffer callback).
    pub buffers: Vec<Vec<u8>>,
}

/// The file of out-of-band buffer `index` next to the main file `path`.
pub fn buffer_path(path: &Path, index: usize) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{index}"));
    PathBuf::from(name)
}

impl Payload {
    /// A payload without out-of-band buffers.
    pub fn plain(main: Vec<u8>) -> Self {
        Payload {
            main,
            buffers: Vec::new(),
        }
    }

    /// A frame written with a buffer callback, its out-of-band buffers copied.
    pub fn of_frame(frame: fory_core::oob::Frame<'_>) -> Self {
        Payload {
            buffers: frame
                .buffers
                .iter()
                .map(|b| b.as_bytes().to_vec())
                .collect(),
            main: frame.main,
        }
    }

    /// The out-of-band buffers as slices.
    pub fn buffer_slices(&self) -> Vec<&[u8]> {
        self.buffers.iter().map(Vec::as_slice).collect()
    }

    /// Reads `path` and `path.0`, `path.1`, ... (consecutive, while they exist); `None` when
    /// `path` cannot be read.
    pub fn read(path: &Path) -> Option<Self> {
        let main = fs::read(path).ok()?;
        let buffers = (0..)
            .map_while(|i| fs::read(buffer_path(path, i)).ok())
            .collect();
        Some(Payload { main, buffers })
    }

    /// Writes `path` and one file per buffer, and deletes buffer files beyond them.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        fs::write(path, &self.main)?;
        for (i, buffer) in self.buffers.iter().enumerate() {
            fs::write(buffer_path(path, i), buffer)?;
        }
        let mut i = self.buffers.len();
        while fs::remove_file(buffer_path(path, i)).is_ok() {
            i += 1;
        }
        Ok(())
    }

    /// The first byte where two payloads differ, counting through the main buffer and then the
    /// buffers in order (a missing or extra buffer differs at its start).
    pub fn first_difference(&self, other: &Payload) -> Option<usize> {
        let mut base = 0;
        let ours = std::iter::once(&self.main).chain(&self.buffers);
        let theirs = std::iter::once(&other.main).chain(&other.buffers);
        let (mut ours, mut theirs) = (ours.fuse(), theirs.fuse());
        loop {
            match (ours.next(), theirs.next()) {
                (None, None) => return None,
                (Some(a), Some(b)) => {
                    if let Some(at) = crate::peers::first_difference(a, b) {
                        return Some(base + at);
                    }
                    base += a.len();
                }
                _ => return Some(base),
            }
        }
    }

    /// Total bytes, main buffer and buffers.
    pub fn len(&self) -> usize {
        self.main.len() + self.buffers.iter().map(Vec::len).sum::<usize>()
    }

    /// Whether the payload has no bytes at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The case a golden directory's file belongs to: `<case>` for `<case>.bin` and for its buffer
/// files `<case>.bin.<n>`.
pub fn case_of_file(name: &str) -> Option<&str> {
    if let Some(stem) = name.strip_suffix(".bin") {
        return Some(stem);
    }
    let (main, index) = name.rsplit_once('.')?;
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    main.strip_suffix(".bin")
}
