//! Exchanges one `Order` with the Java, Python and Go libraries, each left on its default
//! configuration: a nested struct, a list, a map, an `Option`, an enum and a float64 array,
//! with the types registered by id or by name.
//!
//! ```sh
//! cargo run -p fory-core --example peer_interop -- write DIR   # our two payloads into DIR
//! cargo run -p fory-core --example peer_interop -- read DIR    # check DIR's two payloads
//! ```
//!
//! `write` creates `DIR/interop_by_id.bin` (every type registered by id) and
//! `DIR/interop_by_name.bin` (every type registered by name, namespace `example`). `read` decodes
//! the same two files, whichever program wrote them, and compares each with [`order`]: it prints
//! `OK interop_by_id` or `FAIL interop_by_id: why` (likewise for `by_name`) and exits 1 if one
//! failed. The programs on the other side, with the same types, registrations and value, are
//! `xlang-tests/peers/java/src/main/java/xlangtests/interop/Interop.java`,
//! `xlang-tests/peers/python/interop.py` and `xlang-tests/peers/go/interop/main.go`; each takes
//! the same two commands (see the README, "Talking to Java, Python and Go").

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use fory_core::{Fory, ForyObject};

/// An enum of unit variants is an ENUM on the wire: its ordinal, in declaration order, as Java's
/// `enum` and Python's `enum.Enum` write theirs (by declaration order too) and Go's `int32` type
/// with `iota` constants (by value). `Default` is what a reader puts in a field the writer did
/// not send.
#[derive(ForyObject, Debug, Clone, Copy, PartialEq, Default)]
enum Status {
    #[default]
    Pending,
    Shipped,
    Delivered,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Customer {
    name: String,
    email: Option<String>, // Java `@Nullable String`, Python `Optional[str]`, Go `*string`
}

/// Field names go on the wire in snake_case, so Java's `customerName`, Go's `CustomerName` and
/// Rust's `customer_name` are the same field. Declaration order does not matter. The same fields
/// in the other programs (Java / Python / Go):
///
/// | field | Java | Python | Go |
/// | --- | --- | --- | --- |
/// | `id` | `long` | `int` | `int64` (named `Id`: fory-go writes `ID` as `i_d`) |
/// | `customer`, a nested struct | `Customer` | `Customer` | `Customer` |
/// | `items`, a LIST | `List<String>` | `List[str]` | `[]string` |
/// | `quantities`, a MAP | `Map<String, Integer>` | `Dict[str, pyfory.Int32]` | `map[string]int32` |
/// | `note`, nullable | `@Nullable String` | `Optional[str]` | `*string` |
/// | `status`, an ENUM | `Status` | `Status` | `Status` |
/// | `prices`, a FLOAT64_ARRAY | `double[]` | `pyfory.Array[pyfory.Float64]` | `[]float64` (sent as a LIST, read either way) |
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Order {
    id: i64,
    customer: Customer,
    items: Vec<String>,
    quantities: BTreeMap<String, i32>,
    note: Option<String>,
    status: Status,
    prices: Vec<f64>,
}

/// The value every program writes, and expects to read back exactly.
fn order() -> Order {
    Order {
        id: 1 << 40,
        customer: Customer {
            name: "Ada Lovelace".to_string(),
            email: None,
        },
        items: vec!["tea".to_string(), "scone".to_string()],
        quantities: BTreeMap::from([("tea".to_string(), 2), ("scone".to_string(), 3)]),
        note: Some("leave at the door".to_string()),
        status: Status::Shipped,
        prices: vec![2.5, -0.75],
    }
}

/// The two ways the programs register their types; the file each one is exchanged in.
pub const VARIANTS: [(&str, bool); 2] = [("interop_by_id", false), ("interop_by_name", true)];

/// `Fory::default()` (compatible mode, as every peer's default) plus the registrations. Every
/// side registers the same three types under the same ids or names.
fn fory(by_name: bool) -> fory_core::Result<Fory> {
    let mut fory = Fory::default();
    if by_name {
        fory.register_by_name::<Status>("example", "Status")?;
        fory.register_by_name::<Customer>("example", "Customer")?;
        fory.register_by_name::<Order>("example", "Order")?;
    } else {
        fory.register::<Status>(1)?;
        fory.register::<Customer>(2)?;
        fory.register::<Order>(3)?;
    }
    Ok(fory)
}

fn write(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    for (name, by_name) in VARIANTS {
        let bytes = fory(by_name)?.serialize(&order())?;
        std::fs::write(dir.join(format!("{name}.bin")), bytes)?;
    }
    Ok(())
}

/// Decodes one payload and compares it with [`order`].
pub fn check(bytes: &[u8], by_name: bool) -> Result<(), String> {
    let got: Order = fory(by_name)
        .and_then(|fory| fory.deserialize(bytes))
        .map_err(|e| e.to_string())?;
    if got != order() {
        return Err(format!("decoded {got:?}, expected {:?}", order()));
    }
    Ok(())
}

fn read(dir: &Path) -> bool {
    let mut all_ok = true;
    for (name, by_name) in VARIANTS {
        let path = dir.join(format!("{name}.bin"));
        let result = std::fs::read(&path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|bytes| check(&bytes, by_name));
        match result {
            Ok(()) => println!("OK {name}"),
            Err(why) => {
                println!("FAIL {name}: {}", why.replace('\n', " "));
                all_ok = false;
            }
        }
    }
    all_ok
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, dir] if command == "write" => match write(Path::new(dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("peer_interop: {e}");
                ExitCode::FAILURE
            }
        },
        [command, dir] if command == "read" => {
            if read(Path::new(dir)) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: peer_interop write DIR | peer_interop read DIR");
            ExitCode::from(2)
        }
    }
}
