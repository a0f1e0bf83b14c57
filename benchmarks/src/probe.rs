//! One benchmark operation as a plain closure, named as in the report: for profilers and the
//! instruction counter, which run a single operation many times outside criterion.
//!
//! `operation("Sample", "deserialize", "ours", "compatible")` prepares the library, the value
//! and (for deserializing) its payload once, and returns a closure that performs the operation
//! once per call, exactly as the criterion benchmark of the same id does.

use std::hint::black_box;

use crate::model::{self, FromModel};
use crate::suite::Case;
use crate::{apache, ours};

/// A prepared operation; each call performs it once and returns a value that depends on the
/// result (so that the work cannot be optimized away).
pub type Operation = Box<dyn FnMut() -> usize>;

/// The operation `{data}/{op}/{lib}-{mode}` of the report (`op`: `serialize` or `deserialize`;
/// `lib`: `ours` or `apache`; `mode`: `consistent` or `compatible`), or `None` for an unknown
/// name.
pub fn operation(data: &str, op: &str, lib: &str, mode: &str) -> Option<Operation> {
    let compatible = match mode {
        "consistent" => false,
        "compatible" => true,
        _ => return None,
    };
    if !matches!(op, "serialize" | "deserialize") || !matches!(lib, "ours" | "apache") {
        return None;
    }
    let serialize = op == "serialize";
    let ours = lib == "ours";
    macro_rules! pick {
        ($($name:literal => $value:expr),* $(,)?) => {
            match data {
                $($name => Some(fory_operation(&$value, serialize, ours, compatible)),)*
                _ => None,
            }
        };
    }
    pick!(
        "NumericStruct" => model::numeric_struct(),
        "Sample" => model::sample(),
        "MediaContent" => model::media_content(),
        "NumericStructList" => model::numeric_struct_list(),
        "SampleList" => model::sample_list(),
        "MediaContentList" => model::media_content_list(),
    )
}

fn fory_operation<T: Case + 'static>(
    value: &T,
    serialize: bool,
    ours: bool,
    compatible: bool,
) -> Operation {
    let mut buf = Vec::with_capacity(4096);
    if ours {
        let fory = ours::fory(compatible);
        let v = T::Ours::from_model(value);
        if serialize {
            return Box::new(move || {
                fory.serialize_into(black_box(&v), &mut buf).unwrap();
                buf.len()
            });
        }
        let bytes = fory.serialize(&v).unwrap();
        Box::new(move || {
            let back: T::Ours = fory.deserialize(black_box(&bytes)).unwrap();
            std::mem::size_of_val(&back)
        })
    } else {
        let fory = apache::fory(compatible);
        let v = T::Apache::from_model(value);
        if serialize {
            return Box::new(move || {
                buf.clear();
                fory.serialize_to(&mut buf, black_box(&v)).unwrap();
                buf.len()
            });
        }
        let bytes = fory.serialize(&v).unwrap();
        Box::new(move || {
            let back: T::Apache = fory.deserialize(black_box(&bytes)).unwrap();
            std::mem::size_of_val(&back)
        })
    }
}
