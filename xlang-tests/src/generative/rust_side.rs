//! What the generated Rust side of a run calls (see [`super::rust_emit`]): exact comparison of
//! decoded values (floats bit for bit), and one case run against a peer's files.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Debug;
use std::path::Path;
use std::rc::Rc;

use fory_core::oob::OobArrayForm;
use fory_core::types::{BFloat16, Float16};
use fory_core::{Deserialize, Fory, Result, Serialize};

use super::schema::Callback;
use crate::cases::is_pyfory_peer;
use crate::payload::Payload;

/// Exact comparison with the first difference and its path (`.fb.fa[3]: 7 != 8`).
pub trait Diff {
    /// `None` when `self` and `other` are the same value, else where and how they differ.
    fn diff(&self, other: &Self) -> Option<String>;
}

macro_rules! diff_by_eq {
    ($($ty:ty),*) => {$(
        impl Diff for $ty {
            fn diff(&self, other: &Self) -> Option<String> {
                (self != other).then(|| format!(": {self:?} != {other:?}"))
            }
        }
    )*};
}

diff_by_eq!(bool, i8, i16, i32, i64, u8, u16, u32, u64, String);

macro_rules! diff_by_bits {
    ($($ty:ty),*) => {$(
        impl Diff for $ty {
            fn diff(&self, other: &Self) -> Option<String> {
                (self.to_bits() != other.to_bits()).then(|| {
                    format!(": {self:?} ({:#x}) != {other:?} ({:#x})", self.to_bits(), other.to_bits())
                })
            }
        }
    )*};
}

diff_by_bits!(f32, f64, Float16, BFloat16);

fn diff_sequence<'a, T: Diff + 'a>(
    a: impl ExactSizeIterator<Item = &'a T>,
    b: impl ExactSizeIterator<Item = &'a T>,
) -> Option<String> {
    if a.len() != b.len() {
        return Some(format!(": {} elements != {}", a.len(), b.len()));
    }
    a.zip(b)
        .enumerate()
        .find_map(|(i, (x, y))| x.diff(y).map(|d| format!("[{i}]{d}")))
}

impl<T: Diff> Diff for Vec<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        diff_sequence(self.iter(), other.iter())
    }
}

impl<T: Diff> Diff for VecDeque<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        diff_sequence(self.iter(), other.iter())
    }
}

impl<T: Diff> Diff for Option<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        match (self, other) {
            (None, None) => None,
            (Some(a), Some(b)) => a.diff(b),
            (None, Some(_)) => Some(": null != a value".to_string()),
            (Some(_), None) => Some(": a value != null".to_string()),
        }
    }
}

impl<T: Ord + Debug> Diff for BTreeSet<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        (self != other).then(|| {
            let missing: Vec<&T> = self.difference(other).collect();
            let extra: Vec<&T> = other.difference(self).collect();
            format!(": set lacks {extra:?}, has {missing:?} besides")
        })
    }
}

impl<K: Ord + Debug, V: Diff> Diff for BTreeMap<K, V> {
    fn diff(&self, other: &Self) -> Option<String> {
        if self.len() != other.len() {
            return Some(format!(": {} entries != {}", self.len(), other.len()));
        }
        for (k, v) in self {
            match other.get(k) {
                None => return Some(format!(": key {k:?} missing")),
                Some(w) => {
                    if let Some(d) = v.diff(w) {
                        return Some(format!("[{k:?}]{d}"));
                    }
                }
            }
        }
        None
    }
}

thread_local! {
    /// The shared objects met so far in one comparison: expected address to decoded address,
    /// and decoded to expected (see [`compare`]).
    static IDENTITIES: RefCell<(HashMap<usize, usize>, HashMap<usize, usize>)> =
        RefCell::new((HashMap::new(), HashMap::new()));
}

/// Shared objects compare by identity as well as by value: the positions that hold one expected
/// object must hold one decoded object, and positions holding different expected objects
/// different decoded ones. An object's value is compared where it is first met.
impl<T: Diff> Diff for Rc<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        let (want, got) = (Rc::as_ptr(self) as usize, Rc::as_ptr(other) as usize);
        let seen = IDENTITIES.with(|ids| {
            let (forward, backward) = &mut *ids.borrow_mut();
            match (forward.get(&want), backward.get(&got)) {
                (None, None) => {
                    forward.insert(want, got);
                    backward.insert(got, want);
                    Ok(false)
                }
                (Some(g), _) if *g == got => Ok(true),
                (Some(_), _) => Err(
                    ": a different object from the one read where this object was met first"
                        .to_string(),
                ),
                (None, Some(_)) => Err(
                    ": the object read at an earlier position that holds another object"
                        .to_string(),
                ),
            }
        });
        match seen {
            Ok(true) => None,
            Ok(false) => (**self).diff(other),
            Err(why) => Some(why),
        }
    }
}

/// The value inside (an object of a type that can hold itself).
impl<T: Diff> Diff for RefCell<T> {
    fn diff(&self, other: &Self) -> Option<String> {
        self.borrow().diff(&other.borrow())
    }
}

/// `expected.diff(got)`, shared objects by identity too (a fresh record of them).
pub fn compare<T: Diff>(expected: &T, got: &T) -> Option<String> {
    IDENTITIES.with(|ids| {
        let (forward, backward) = &mut *ids.borrow_mut();
        forward.clear();
        backward.clear();
    });
    expected.diff(got)
}

/// How one case is configured.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Compatible mode.
    pub compatible: bool,
    /// Reference tracking.
    pub ref_tracking: bool,
    /// The buffer callback, if any.
    pub callback: Option<Callback>,
}

impl Settings {
    /// The `Fory` a Rust user builds for this case and `peer`: the case's mode, plus the
    /// settings chosen for the peer (pyfory's forms for the Python peers).
    pub fn fory(&self, peer: &str) -> Fory {
        let pyfory = is_pyfory_peer(peer);
        Fory::builder()
            .compatible(self.compatible)
            .ref_tracking(self.ref_tracking)
            .oob_array_form(if pyfory {
                OobArrayForm::Pyfory
            } else {
                OobArrayForm::Java
            })
            .named_struct_field_type_info(pyfory)
            .build()
    }
}

/// Writes `value` with `fory` to `path` (and its buffers beside it).
fn write<T: Serialize>(
    fory: &Fory,
    callback: Option<Callback>,
    value: &T,
    path: &Path,
) -> std::result::Result<(), String> {
    let payload = match callback {
        None => Payload::plain(fory.serialize(value).map_err(|e| format!("encode: {e}"))?),
        Some(callback) => Payload::of_frame(
            fory.serialize_with_callback(value, callback.policy())
                .map_err(|e| format!("encode: {e}"))?,
        ),
    };
    payload
        .write(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads `path` (and its buffers) into a `T` with `fory`.
fn read<T: for<'de> Deserialize<'de>>(
    fory: &Fory,
    callback: Option<Callback>,
    path: &Path,
) -> std::result::Result<Option<T>, String> {
    let Some(payload) = Payload::read(path) else {
        return Ok(None);
    };
    let value = match callback {
        None => fory.deserialize(&payload.main),
        Some(_) => fory.deserialize_with_buffers(&payload.main, &payload.buffer_slices()),
    };
    value.map(Some).map_err(|e| format!("decode: {e}"))
}

/// Runs case `name` against `peer`: writes our encoding of `expected` to `out/<name>.bin`, and
/// when the peer wrote `input/<name>.bin`, decodes it and compares with `expected`. Prints
/// `OK <name>` or `FAIL <name>: <why>` for the decode, `WRITE-FAIL <name>: <why>` when our
/// own write fails, and `ABSENT <name>` when the peer wrote no file.
pub fn run_case<T>(
    name: &str,
    peer: &str,
    settings: Settings,
    register: fn(&mut Fory) -> Result<()>,
    expected: T,
    input: &Path,
    out: &Path,
) where
    T: Serialize + for<'de> Deserialize<'de> + Diff,
{
    let mut fory = settings.fory(peer);
    if let Err(e) = register(&mut fory) {
        println!("WRITE-FAIL {name}: {}", one_line(&e.to_string()));
        println!("FAIL {name}: {}", one_line(&e.to_string()));
        return;
    }
    let file = format!("{name}.bin");
    if let Err(e) = write(&fory, settings.callback, &expected, &out.join(&file)) {
        println!("WRITE-FAIL {name}: {}", one_line(&e));
    }
    match read::<T>(&fory, settings.callback, &input.join(&file)) {
        Ok(None) => println!("ABSENT {name}"),
        Ok(Some(got)) => match compare(&expected, &got) {
            None => println!("OK {name}"),
            Some(d) => println!("FAIL {name}: value{}", one_line(&d)),
        },
        Err(e) => println!("FAIL {name}: {}", one_line(&e)),
    }
}

/// `text` on one line, shortened.
fn one_line(text: &str) -> String {
    let line = text.replace('\n', " ");
    if line.chars().count() > 400 {
        format!("{}…", line.chars().take(400).collect::<String>())
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_objects_compare_by_identity() {
        let a = Rc::new(7i32);
        let b = Rc::new(7i32);
        let shared = vec![a.clone(), a.clone()];
        let copies = vec![Rc::new(7i32), Rc::new(7i32)];
        assert_eq!(compare(&shared, &vec![b.clone(), b.clone()]), None);
        assert!(compare(&shared, &copies).is_some());
        assert!(compare(&copies, &shared).is_some());
        assert_eq!(compare(&copies, &vec![Rc::new(7), Rc::new(7)]), None);
        assert!(compare(&shared, &vec![Rc::new(8), Rc::new(8)]).is_some());
    }
}
