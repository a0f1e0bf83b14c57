//! One benchmark operation as a plain closure, named as in the report: for profilers and the
//! instruction counter, which run a single operation many times outside criterion.
//!
//! `operation("Sample", "deserialize", "ours", "compatible")` prepares the library, the value
//! and (for deserializing) its payload once, and returns a closure that performs the operation
//! once per call, exactly as the criterion benchmark of the same id does.

use std::hint::black_box;

use fory_core::StringRule;

use crate::model::{self, FromModel};
use crate::suite::{apache_evolved_reader, ours_evolved_reader, Case};
use crate::{apache, ours};

/// A prepared operation; each call performs it once and returns a value that depends on the
/// result (so that the work cannot be optimized away).
pub type Operation = Box<dyn FnMut() -> usize>;

/// The operation `{data}/{op}/{lib}-{mode}` of the report (`op`: `serialize` or `deserialize`;
/// `lib`: `ours`, `ours-java` (strings by Java's rule) or `apache`; `mode`: `consistent` or
/// `compatible`), or `None` for an unknown name or one the report does not measure
/// (`Evolved` in schema-consistent mode).
pub fn operation(data: &str, op: &str, lib: &str, mode: &str) -> Option<Operation> {
    let compatible = match mode {
        "consistent" => false,
        "compatible" => true,
        _ => return None,
    };
    let lib = match lib {
        "ours" => Lib::Ours(StringRule::Utf8),
        "ours-java" => Lib::Ours(StringRule::Java),
        "apache" => Lib::Apache,
        _ => return None,
    };
    let serialize = match op {
        "serialize" => true,
        "deserialize" => false,
        _ => return None,
    };
    let args = (serialize, lib, compatible);
    macro_rules! pick {
        ($($name:literal => $value:expr),* $(,)?) => {
            match data {
                $($name => Some(same(&$value, args)),)*
                // Written as V1, read as V2: compatible mode only.
                "Evolved" => compatible.then(|| {
                    fory_operation::<model::EvolvedV1, model::EvolvedV2>(&model::evolved_v1(), args)
                }),
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
        "TextAscii" => model::text_ascii(),
        "TextLatin1" => model::text_latin1(),
        "TextCjk" => model::text_cjk(),
        "NumericArrays" => model::numeric_arrays(),
        "DeepTree" => model::deep_tree(),
        "StructMap" => model::struct_map(),
        "Enums" => model::enums(),
    )
}

#[derive(Clone, Copy)]
enum Lib {
    Ours(StringRule),
    Apache,
}

fn same<T: Case + 'static>(value: &T, args: (bool, Lib, bool)) -> Operation {
    fory_operation::<T, T>(value, args)
}

/// Writes `W`; reads the payload as `R` (the same type, except for `Evolved`).
fn fory_operation<W: Case + 'static, R: Case + 'static>(
    value: &W,
    (serialize, lib, compatible): (bool, Lib, bool),
) -> Operation {
    let mut buf = Vec::with_capacity(4096);
    match lib {
        Lib::Ours(rule) => {
            let fory = ours::fory_with(compatible, rule);
            let v = W::Ours::from_model(value);
            if serialize {
                return Box::new(move || {
                    fory.serialize_into(black_box(&v), &mut buf).unwrap();
                    buf.len()
                });
            }
            let bytes = fory.serialize(&v).unwrap();
            let reader = ours_evolved_reader::<R>(compatible, rule).unwrap_or(fory);
            Box::new(move || {
                let back: R::Ours = reader.deserialize(black_box(&bytes)).unwrap();
                std::mem::size_of_val(&back)
            })
        }
        Lib::Apache => {
            let fory = apache::fory(compatible);
            let v = W::Apache::from_model(value);
            if serialize {
                return Box::new(move || {
                    buf.clear();
                    fory.serialize_to(&mut buf, black_box(&v)).unwrap();
                    buf.len()
                });
            }
            let bytes = fory.serialize(&v).unwrap();
            let reader = apache_evolved_reader::<R>(compatible).unwrap_or(fory);
            Box::new(move || {
                let back: R::Apache = reader.deserialize(black_box(&bytes)).unwrap();
                std::mem::size_of_val(&back)
            })
        }
    }
}
