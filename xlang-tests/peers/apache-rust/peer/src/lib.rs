//! What every generated apache-rust program shares: values from the cases file's JSON
//! (`xlang-tests/GENERATIVE.md`), the exact comparison ([`Same`]: floats bit for bit, sets and
//! maps regardless of order) and the `gen` / `check` loop over the cases ([`main`]).
//!
//! The generated crate (`codegen`) holds one Apache Fory derived type per case type, a
//! `from_json` and a [`Same`] for each, and a dispatch function from a case's name to
//! [`run_case`] with the case's root type and registrations.

use std::any::Any;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt::Debug;
use std::hash::Hash;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

pub use fory;
pub use serde_json::Value as Json;

use fory::{Fory, Serializer};

/// A result whose error is one line of text.
pub type R<T> = Result<T, String>;

// ---------------------------------------------------------------------------------------------
// JSON to values.

fn str_of<'a>(v: &'a Json, what: &str) -> R<&'a str> {
    v.as_str()
        .ok_or_else(|| format!("expected {what} as a string, got {}", short(v)))
}

fn short(v: &Json) -> String {
    let mut s = v.to_string();
    if s.len() > 60 {
        let mut end = 60;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

/// A bool.
pub fn boolean(v: &Json) -> R<bool> {
    v.as_bool()
        .ok_or_else(|| format!("expected a bool, got {}", short(v)))
}

/// An integer of type `T`, from its decimal string.
pub fn int<T: TryFrom<i128>>(v: &Json) -> R<T> {
    let s = str_of(v, "an integer")?;
    let n: i128 = s.parse().map_err(|e| format!("integer {s:?}: {e}"))?;
    T::try_from(n).map_err(|_| {
        format!(
            "integer {s} out of range for {}",
            std::any::type_name::<T>()
        )
    })
}

fn bits(v: &Json, digits: usize) -> R<u64> {
    let s = str_of(v, "float bits")?;
    let hex = s
        .strip_prefix("0x")
        .filter(|h| h.len() == digits)
        .ok_or_else(|| format!("float bits {s:?}: expected 0x and {digits} hex digits"))?;
    u64::from_str_radix(hex, 16).map_err(|e| format!("float bits {s:?}: {e}"))
}

/// A float16 from its bits.
pub fn float16(v: &Json) -> R<fory::Float16> {
    Ok(fory::Float16::from_bits(bits(v, 4)? as u16))
}

/// A bfloat16 from its bits.
pub fn bfloat16(v: &Json) -> R<fory::BFloat16> {
    Ok(fory::BFloat16::from_bits(bits(v, 4)? as u16))
}

/// A float32 from its bits.
pub fn float32(v: &Json) -> R<f32> {
    Ok(f32::from_bits(bits(v, 8)? as u32))
}

/// A float64 from its bits.
pub fn float64(v: &Json) -> R<f64> {
    Ok(f64::from_bits(bits(v, 16)?))
}

/// A string.
pub fn string(v: &Json) -> R<String> {
    Ok(str_of(v, "a string")?.to_string())
}

/// Binary, from its hex string.
pub fn bytes(v: &Json) -> R<Vec<u8>> {
    let s = str_of(v, "binary")?;
    if s.len() % 2 != 0 {
        return Err(format!("binary {s:?}: odd length"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| format!("binary {s:?}: {e}")))
        .collect()
}

fn array(v: &Json) -> R<&Vec<Json>> {
    v.as_array()
        .ok_or_else(|| format!("expected an array, got {}", short(v)))
}

/// An array or a list.
pub fn list<T>(v: &Json, element: impl Fn(&Json) -> R<T>) -> R<Vec<T>> {
    array(v)?.iter().map(element).collect()
}

/// A nullable value: `null` or the value.
pub fn opt<T>(v: &Json, value: impl Fn(&Json) -> R<T>) -> R<Option<T>> {
    if v.is_null() {
        Ok(None)
    } else {
        value(v).map(Some)
    }
}

/// A set.
pub fn set<T: Eq + Hash>(v: &Json, element: impl Fn(&Json) -> R<T>) -> R<HashSet<T>> {
    array(v)?.iter().map(element).collect()
}

/// A map, from its `[key, value]` pairs.
pub fn map<K: Eq + Hash, V>(
    v: &Json,
    key: impl Fn(&Json) -> R<K>,
    value: impl Fn(&Json) -> R<V>,
) -> R<HashMap<K, V>> {
    array(v)?
        .iter()
        .map(|pair| match array(pair)?.as_slice() {
            [k, v] => Ok((key(k)?, value(v)?)),
            _ => Err(format!("expected a [key, value] pair, got {}", short(pair))),
        })
        .collect()
}

/// A struct's field.
pub fn field<'a>(v: &'a Json, name: &str) -> R<&'a Json> {
    v.as_object()
        .ok_or_else(|| format!("expected an object, got {}", short(v)))?
        .get(name)
        .ok_or_else(|| format!("field {name} missing"))
}

/// An enum's variant index.
pub fn variant(v: &Json) -> R<u64> {
    v.as_u64()
        .ok_or_else(|| format!("expected a variant index, got {}", short(v)))
}

/// The case's objects table (its `"objects"`) and the objects made from it so far, by index.
type Objects = (Vec<Json>, HashMap<u64, Rc<dyn Any>>);

/// The objects paired while comparing: read pointer to expected pointer, and back.
type Pairs = (HashMap<usize, usize>, HashMap<usize, usize>);

thread_local! {
    static OBJECTS: RefCell<Objects> = RefCell::new((Vec::new(), HashMap::new()));
    static PAIRS: RefCell<Pairs> = RefCell::new((HashMap::new(), HashMap::new()));
}

/// A shared struct object (`{"object": k}`): made from the case's objects table where it is
/// first named, the same `Arc` wherever it is named again. `Arc`, not `Rc`: Apache's derive
/// needs a struct that holds one through a nested struct or union to be `Send + Sync`
/// ("required for the cast from `Arc<C29S0>` to `Arc<dyn Any + Send + Sync>`"); both are
/// tracked the same way.
pub fn shared<T: 'static>(v: &Json, value: impl Fn(&Json) -> R<T>) -> R<Arc<T>> {
    let k = field(v, "object")?
        .as_u64()
        .ok_or_else(|| format!("expected an object index, got {}", short(v)))?;
    if let Some(made) = OBJECTS.with(|o| o.borrow().1.get(&k).cloned()) {
        return made
            .downcast_ref::<Arc<T>>()
            .cloned()
            .ok_or_else(|| format!("object {k} is named with two types"));
    }
    let json = OBJECTS
        .with(|o| o.borrow().0.get(k as usize).cloned())
        .ok_or_else(|| format!("no object {k} in the case's objects"))?;
    // Built with the table released: the object may name other objects (never itself: this
    // peer gets no cycles, see capabilities.rs).
    let made = Arc::new(value(field(&json, "value")?)?);
    OBJECTS.with(|o| {
        o.borrow_mut()
            .1
            .insert(k, Rc::new(made.clone()) as Rc<dyn Any>)
    });
    Ok(made)
}

/// Starts a case: its objects table, nothing made or paired yet.
fn start_case(case: &Json) {
    let objects = case
        .get("objects")
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    OBJECTS.with(|o| *o.borrow_mut() = (objects, HashMap::new()));
    PAIRS.with(|p| *p.borrow_mut() = (HashMap::new(), HashMap::new()));
}

/// A union's case index and value.
pub fn union(v: &Json) -> R<(u64, &Json)> {
    let case = field(v, "case")?
        .as_u64()
        .ok_or_else(|| format!("expected a union case index, got {}", short(v)))?;
    Ok((case, field(v, "value")?))
}

// ---------------------------------------------------------------------------------------------
// Exact comparison.

/// Exact equality that names the first difference: `path: read != expected`. Floats compare bit
/// for bit, lists in order, sets and maps regardless of order. `self` is what was read, `other`
/// the expected value; `path` is where they are (`.fb.fa[3]`), restored when they are the same.
pub trait Same {
    /// `Ok` when equal, else the first difference.
    fn same(&self, other: &Self, path: &mut String) -> R<()>;
}

/// A difference at `path`, the values shown with `Debug` (cut when long).
pub fn differ(path: &str, read: &dyn Debug, expected: &dyn Debug) -> String {
    let cut = |v: &dyn Debug| {
        let mut s = format!("{v:?}");
        if s.len() > 80 {
            let mut end = 80;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s.truncate(end);
            s.push('…');
        }
        s
    };
    format!("{}: {} != {}", shown(path), cut(read), cut(expected))
}

fn shown(path: &str) -> &str {
    match path.strip_prefix('.') {
        Some(p) => p,
        None if path.is_empty() => "(root)",
        None => path,
    }
}

/// Compares one struct field, `.name` appended to the path.
pub fn same_field<T: Same>(read: &T, expected: &T, path: &mut String, name: &str) -> R<()> {
    let len = path.len();
    path.push('.');
    path.push_str(name);
    read.same(expected, path)?;
    path.truncate(len);
    Ok(())
}

/// `==` for the types whose equality is exact (integers, bools, strings, enums).
pub fn same_eq<T: PartialEq + Debug>(read: &T, expected: &T, path: &str) -> R<()> {
    if read == expected {
        Ok(())
    } else {
        Err(differ(path, read, expected))
    }
}

macro_rules! same_by_eq {
    ($($t:ty),*) => {$(
        impl Same for $t {
            fn same(&self, other: &Self, path: &mut String) -> R<()> {
                same_eq(self, other, path)
            }
        }
    )*};
}
same_by_eq!(bool, i8, i16, i32, i64, u8, u16, u32, u64, String);

macro_rules! same_by_bits {
    ($($t:ty, $w:literal);*) => {$(
        impl Same for $t {
            fn same(&self, other: &Self, path: &mut String) -> R<()> {
                let (a, b) = (self.to_bits(), other.to_bits());
                if a == b {
                    Ok(())
                } else {
                    Err(format!("{}: {a:#0w$x} != {b:#0w$x}", shown(path), w = $w + 2))
                }
            }
        }
    )*};
}
same_by_bits!(f32, 8; f64, 16; fory::Float16, 4; fory::BFloat16, 4);

impl<T: Same + Debug> Same for Option<T> {
    fn same(&self, other: &Self, path: &mut String) -> R<()> {
        match (self, other) {
            (Some(a), Some(b)) => a.same(b, path),
            (None, None) => Ok(()),
            _ => Err(differ(path, self, other)),
        }
    }
}

/// Shared objects compare by value where first met, and by identity after: an object read at
/// two positions must be expected at both, and the other way round.
impl<T: Same + Debug> Same for Arc<T> {
    fn same(&self, other: &Self, path: &mut String) -> R<()> {
        let (read, expected) = (Arc::as_ptr(self) as usize, Arc::as_ptr(other) as usize);
        let (as_read, as_expected) = PAIRS.with(|p| {
            let p = p.borrow();
            (p.0.get(&read).copied(), p.1.get(&expected).copied())
        });
        match (as_read, as_expected) {
            (Some(e), Some(r)) if e == expected && r == read => Ok(()),
            (None, None) => {
                PAIRS.with(|p| {
                    let mut p = p.borrow_mut();
                    p.0.insert(read, expected);
                    p.1.insert(expected, read);
                });
                (**self).same(other, path)
            }
            (Some(_), _) => Err(format!(
                "{}: the object read here was read elsewhere for another expected object",
                shown(path)
            )),
            (None, Some(_)) => Err(format!(
                "{}: a different object from the one read where this object was met first",
                shown(path)
            )),
        }
    }
}

impl<T: Same + Debug> Same for Vec<T> {
    fn same(&self, other: &Self, path: &mut String) -> R<()> {
        if self.len() != other.len() {
            return Err(format!(
                "{}: {} elements != {}",
                shown(path),
                self.len(),
                other.len()
            ));
        }
        let len = path.len();
        for (i, (a, b)) in self.iter().zip(other).enumerate() {
            path.push_str(&format!("[{i}]"));
            a.same(b, path)?;
            path.truncate(len);
        }
        Ok(())
    }
}

impl<T: Eq + Hash + Debug> Same for HashSet<T> {
    fn same(&self, other: &Self, path: &mut String) -> R<()> {
        if let Some(missing) = other.iter().find(|e| !self.contains(e)) {
            return Err(format!("{}: {missing:?} missing", shown(path)));
        }
        if let Some(extra) = self.iter().find(|e| !other.contains(e)) {
            return Err(format!("{}: {extra:?} not expected", shown(path)));
        }
        Ok(())
    }
}

impl<K: Eq + Hash + Debug, V: Same> Same for HashMap<K, V> {
    fn same(&self, other: &Self, path: &mut String) -> R<()> {
        if let Some(extra) = self.keys().find(|k| !other.contains_key(k)) {
            return Err(format!("{}: key {extra:?} not expected", shown(path)));
        }
        let len = path.len();
        for (k, b) in other {
            let Some(a) = self.get(k) else {
                return Err(format!("{}: key {k:?} missing", shown(path)));
            };
            path.push_str(&format!("[{k:?}]"));
            a.same(b, path)?;
            path.truncate(len);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The gen / check loop.

/// What the program was asked to do.
#[derive(Debug, Clone)]
pub enum Command {
    /// Write every case into the folder.
    Gen(PathBuf),
    /// Read every case from the folder and compare.
    Check(PathBuf),
}

/// The Fory a user configures for the case: xlang, the case's mode and reference tracking,
/// Apache's defaults otherwise.
pub fn fory_for(case: &Json) -> R<Fory> {
    let flag = |name: &str| {
        field(case, name)?
            .as_bool()
            .ok_or_else(|| format!("{name}: expected a bool"))
    };
    Ok(Fory::builder()
        .xlang(true)
        .compatible(flag("compatible")?)
        .track_ref(flag("ref_tracking")?)
        .build())
}

/// What one case came to: `Ok` or the failure, `None` when `check` finds no file for it.
pub type Outcome = Option<R<()>>;

/// The generated program's table: runs the case of that name (`None` for a name it does not
/// know).
pub type Dispatch = fn(&str, &Json, &Command) -> Option<Outcome>;

/// Runs one case: `gen` writes the value to `<dir>/<name>.bin` then reads its own bytes back
/// and compares them (a failure there is Apache Fory's own round trip), `check` reads
/// `<dir>/<name>.bin` when it exists and compares. `None` when `check` finds no file.
pub fn run_case<T>(
    name: &str,
    case: &Json,
    command: &Command,
    register: fn(&mut Fory) -> Result<(), fory::Error>,
    from_json: fn(&Json) -> R<T>,
) -> Outcome
where
    T: Serializer<Target = T> + Same,
{
    let file = |dir: &Path| dir.join(format!("{name}.bin"));
    let input = match command {
        Command::Check(dir) => match std::fs::read(file(dir)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => return Some(Err(format!("reading {}: {e}", file(dir).display()))),
        },
        Command::Gen(_) => None,
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| -> R<()> {
        start_case(case);
        let expected = from_json(field(case, "value")?)?;
        let mut fory = fory_for(case)?;
        register(&mut fory).map_err(|e| format!("register: {e}"))?;
        let bytes = match (command, input) {
            (Command::Check(_), Some(bytes)) => bytes,
            (Command::Gen(dir), _) => {
                let bytes = fory
                    .serialize(&expected)
                    .map_err(|e| format!("serialize: {e}"))?;
                std::fs::write(file(dir), &bytes)
                    .map_err(|e| format!("writing {}: {e}", file(dir).display()))?;
                bytes
            }
            (Command::Check(_), None) => unreachable!("read above"),
        };
        let own = matches!(command, Command::Gen(_));
        let stage = if own { "own round trip: " } else { "" };
        let read: T = fory
            .deserialize(&bytes)
            .map_err(|e| format!("{stage}deserialize: {e}"))?;
        read.same(&expected, &mut String::new())
            .map_err(|e| format!("{stage}{e}"))
    }));
    Some(match outcome {
        Ok(result) => result,
        Err(payload) => Err(format!("panic: {}", panic_message(&*payload))),
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string());
    text.replace('\n', " ")
}

/// The generated program's `main`: `gen CASES OUT` or `check CASES IN`. `dispatch` runs one
/// case by name; `skip` gives the reason a case cannot be expressed, if it cannot. Prints `OK`,
/// `FAIL` or `SKIP` per case; exits 0 when it could run.
pub fn main(dispatch: Dispatch, skip: fn(&str) -> Option<&'static str>) -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, cases_path) = match args.as_slice() {
        [cmd, cases, dir] if cmd == "gen" => (Command::Gen(dir.into()), cases),
        [cmd, cases, dir] if cmd == "check" => (Command::Check(dir.into()), cases),
        _ => {
            eprintln!("usage: gen CASES OUT | check CASES IN");
            return std::process::ExitCode::from(2);
        }
    };
    let document: Json = match std::fs::read_to_string(cases_path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{cases_path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    if let Command::Gen(dir) = &command {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("{}: {e}", dir.display());
            return std::process::ExitCode::from(2);
        }
    }
    // Panics are reported as the case's failure, not on stderr.
    panic::set_hook(Box::new(|_| {}));
    let cases = document
        .get("cases")
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    for case in &cases {
        let name = case.get("name").and_then(Json::as_str).unwrap_or("?");
        if let Some(why) = skip(name) {
            println!("SKIP {name}: {why}");
            continue;
        }
        match dispatch(name, case, &command) {
            None => println!("SKIP {name}: not in the generated program (rebuild the peer)"),
            Some(None) => {}
            Some(Some(Ok(()))) => println!("OK {name}"),
            Some(Some(Err(why))) => println!("FAIL {name}: {}", why.replace('\n', " ")),
        }
    }
    std::process::ExitCode::SUCCESS
}
