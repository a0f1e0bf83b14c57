//! The quick start: derive `ForyObject` on a struct that holds another struct, register both
//! types, serialize a value, deserialize it and check that it comes back equal.
//!
//! ```sh
//! cargo run -p fory-core --example quick_start
//! ```
//!
//! `Fory::default()` is compatible mode, the default of the Java, Python and Go libraries too:
//! any of them that registers the same types under the same ids reads these bytes (see the
//! examples `python_interop`, `java_interop` and `peer_interop`).

use std::collections::BTreeMap;

use fory_core::{Fory, ForyObject};

/// A struct held by another struct; it is registered like any other.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Address {
    street: String,
    city: String,
}

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Person {
    name: String,
    age: i32,                      // Java `int`, pyfory `pyfory.Int32`
    address: Address,              // a nested struct
    emails: Vec<String>,           // a list
    scores: BTreeMap<String, i64>, // a map
    nickname: Option<String>,      // nullable: None is written as a null
}

fn main() -> fory_core::Result<()> {
    // One `Fory` per configuration; build it once and reuse it (it is `Send + Sync`).
    let mut fory = Fory::default();
    // Both sides of an exchange register the same types under the same ids (or names).
    fory.register::<Address>(1)?;
    fory.register::<Person>(2)?;

    let ada = Person {
        name: "Ada".to_string(),
        age: 36,
        address: Address {
            street: "12 St James's Square".to_string(),
            city: "London".to_string(),
        },
        emails: vec!["ada@example.org".to_string()],
        scores: BTreeMap::from([("analysis".to_string(), 100), ("poetry".to_string(), 85)]),
        nickname: None,
    };

    let bytes = fory.serialize(&ada)?;
    let back: Person = fory.deserialize(&bytes)?;
    assert_eq!(back, ada);
    println!("{} bytes, read back equal: {back:?}", bytes.len());

    // Bad input is an error that says where and what, never a panic.
    let err = fory
        .deserialize::<Person>(&bytes[..bytes.len() - 3])
        .unwrap_err();
    println!("the same bytes cut short: {err}");
    Ok(())
}
