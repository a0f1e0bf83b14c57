//! Types with a custom encoding (`#[derive(ForyObject)] #[fory(ext)]` and a `ForyExt` impl): EXT
//! by id, NAMED_EXT by name. The frames are Java's (fory-core 1.6.0 with a `Serializer<Money>`
//! that writes `cents` as a varint64 and `currency` as a string): most are the conformance
//! goldens `xlang-tests/golden/java/ext_*.bin`; the others were written by the same Java
//! serializer, as each test says. Every frame must read back, and every strict prefix of it must
//! be an error, never a panic.

mod common;

use std::collections::HashMap;

use common::{both_with, hex, reads_with, unhex};
use fory_core::context::{ReadContext, WriteContext};
use fory_core::{Error, ErrorKind, Fory, ForyExt, ForyObject, Result, Value};

/// An amount of money, as the Java peer's `Money` with its `MoneySerializer`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
#[fory(ext)]
struct Money {
    cents: i64,
    currency: String,
}

impl ForyExt for Money {
    fn write_ext(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.writer.write_varint64(self.cents);
        ctx.writer.write_str(&self.currency)
    }

    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
        let cents = ctx.reader.read_varint64()?;
        let currency = ctx.reader.read_string()?;
        Ok(Money { cents, currency })
    }
}

fn money(cents: i64, currency: &str) -> Money {
    Money {
        cents,
        currency: currency.to_string(),
    }
}

/// `Invoice` (271) of the conformance case `ext_field`.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Invoice {
    item: String,
    price: Money,
    count: i32,
}

fn invoice() -> Invoice {
    Invoice {
        item: "tea".into(),
        price: money(-250, "GBP"),
        count: 3,
    }
}

/// `Wallet` (272) of the conformance case `ext_collections` (Java `List<Money>`, `@Nullable
/// Money`, `Map<String, Money>`).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Wallet {
    coins: Vec<Money>,
    spare: Option<Money>,
    by_owner: HashMap<String, Money>,
}

fn wallet() -> Wallet {
    Wallet {
        coins: vec![money(1, "EUR"), money(2, "EUR")],
        spare: Some(money(3, "EUR")),
        by_owner: HashMap::from([("a".to_string(), money(4, "EUR"))]),
    }
}

/// How `Money` is registered.
#[derive(Clone, Copy, Debug)]
enum By {
    Id,
    Name,
}

fn money_fory(compatible: bool, by: By) -> Fory {
    fory_with(compatible, false, by)
}

fn fory_with(compatible: bool, ref_tracking: bool, by: By) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .ref_tracking(ref_tracking)
        .build();
    match by {
        By::Id => fory.register::<Money>(270).unwrap(),
        By::Name => fory.register_by_name::<Money>("example", "Money").unwrap(),
    }
    fory.register::<Invoice>(271).unwrap();
    fory.register::<Wallet>(272).unwrap();
    fory
}

// ---------------------------------------------------------------------------------------------
// At the root.

#[test]
fn an_ext_value_at_the_root_is_java_s_frame() {
    // ext_value, ext_value_compatible: EXT (1f), the user id 270 (8e02), then the payload: the
    // varint64 of 1999 (9e1f) and "EUR" (0c 455552). Compatible mode adds nothing for an id.
    let by_id = "01ff1f8e029e1f0c455552";
    both_with(&money_fory(false, By::Id), money(1999, "EUR"), by_id);
    both_with(&money_fory(true, By::Id), money(1999, "EUR"), by_id);
    // ext_value_by_name: NAMED_EXT (20), the namespace and the type name as meta strings.
    both_with(
        &money_fory(false, By::Name),
        money(1999, "EUR"),
        "01ff200a0412e063d6400803b1cd26009e1f0c455552",
    );
    // ext_value_by_name_compatible: NAMED_EXT, a new TypeDef (index 0) naming example.Money
    // with no fields, then the payload.
    both_with(
        &money_fory(true, By::Name),
        money(1999, "EUR"),
        "01ff20000c50a46171677f34031512e063d64013b1cd26009e1f0c455552",
    );
}

/// A quantity whose encoding is a tag byte and the variant's data: an ext enum.
#[derive(ForyObject, Debug, Clone, PartialEq)]
#[fory(ext)]
enum Quantity {
    Pieces(u32),
    Grams(f64),
    Unknown,
}

impl ForyExt for Quantity {
    fn write_ext(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        match self {
            Quantity::Pieces(n) => {
                ctx.writer.write_u8(0);
                ctx.writer.write_varuint32(*n);
            }
            Quantity::Grams(g) => {
                ctx.writer.write_u8(1);
                ctx.writer.write_f64(*g);
            }
            Quantity::Unknown => ctx.writer.write_u8(2),
        }
        Ok(())
    }

    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
        let at = ctx.reader.position();
        Ok(match ctx.reader.read_u8()? {
            0 => Quantity::Pieces(ctx.reader.read_varuint32()?),
            1 => Quantity::Grams(ctx.reader.read_f64()?),
            2 => Quantity::Unknown,
            tag => {
                return Err(Error::invalid(
                    at,
                    "a Quantity tag (0, 1 or 2)",
                    tag.to_string(),
                ))
            }
        })
    }
}

fn quantity_fory(by: By) -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    match by {
        By::Id => fory.register::<Quantity>(280).unwrap(),
        By::Name => fory
            .register_by_name::<Quantity>("example", "Quantity")
            .unwrap(),
    }
    fory
}

#[test]
fn an_ext_enum_writes_its_own_tags() {
    let fory = quantity_fory(By::Id);
    // EXT, the user id 280 (9802), then what write_ext wrote.
    both_with(&fory, Quantity::Pieces(12), "01ff1f9802000c");
    both_with(&fory, Quantity::Grams(2.5), "01ff1f9802010000000000000440");
    both_with(&fory, Quantity::Unknown, "01ff1f980202");
    // By name, in a list: the element type info once, then each payload.
    let fory = quantity_fory(By::Name);
    let all = vec![Quantity::Unknown, Quantity::Pieces(1)];
    let bytes = fory.serialize(&all).unwrap();
    assert_eq!(&bytes[..6], [0x01, 0xff, 0x16, 0x02, 0x08, 0x20]);
    assert_eq!(&bytes[bytes.len() - 3..], [0x02, 0x00, 0x01]);
    assert_eq!(fory.deserialize::<Vec<Quantity>>(&bytes).unwrap(), all);
}

#[test]
fn an_unknown_tag_of_an_ext_enum_is_an_error_at_the_tag() {
    let fory = quantity_fory(By::Id);
    let err = fory
        .deserialize::<Quantity>(&unhex("01ff1f980207"))
        .unwrap_err();
    assert_eq!(err.offset(), Some(5), "{err}");
    assert!(
        err.to_string().contains("a Quantity tag (0, 1 or 2)"),
        "{err}"
    );
}

#[test]
fn exts_in_vec_option_and_hashmap_at_the_root() {
    // Java's frames for List<Money>, a null and Map<String, Money> at the root (no tracking):
    // the element type info once after the list header (08), and once per map chunk (header 00:
    // key and value types not declared; the key's STRING 15, the value's 1f 8e02).
    for compatible in [false, true] {
        let fory = money_fory(compatible, By::Id);
        both_with(
            &fory,
            vec![money(1, "EUR"), money(2, "EUR")],
            "01ff1602081f8e02020c455552040c455552",
        );
        both_with(&fory, None::<Money>, "01fd");
        both_with(&fory, Some(money(1, "EUR")), "01ff1f8e02020c455552");
        both_with(
            &fory,
            HashMap::from([("a".to_string(), money(4, "EUR"))]),
            "01ff18010001151f8e020461080c455552",
        );
    }
    // By name, the same shapes round trip in both modes.
    for compatible in [false, true] {
        let fory = money_fory(compatible, By::Name);
        let list = vec![money(1, "EUR"), money(-2, "USD")];
        let map = HashMap::from([("k".to_string(), money(5, "JPY"))]);
        let got: Vec<Money> = fory.deserialize(&fory.serialize(&list).unwrap()).unwrap();
        assert_eq!(got, list);
        let got: HashMap<String, Money> = fory.deserialize(&fory.serialize(&map).unwrap()).unwrap();
        assert_eq!(got, map);
        let got: Option<Money> = fory
            .deserialize(&fory.serialize(&list[1]).unwrap())
            .unwrap();
        assert_eq!(got, Some(list[1].clone()));
    }
}

// ---------------------------------------------------------------------------------------------
// As struct fields.

#[test]
fn an_ext_field_has_type_info_only_in_compatible_mode() {
    // ext_field and ext_field_by_name: Invoice (1b 8f02, its hash), then count (06), item
    // (0c 746561) and price: Money's payload alone (f303 0c474250), whatever its registration.
    let consistent = "01ff1b8f02c6fed6a0060c746561f3030c474250";
    both_with(&money_fory(false, By::Id), invoice(), consistent);
    both_with(&money_fory(false, By::Name), invoice(), consistent);
    // ext_field_compatible: Invoice's TypeDef declares price EXT (4c 1f be281100); the field's
    // payload follows Money's type info 1f 8e02.
    both_with(
        &money_fory(true, By::Id),
        invoice(),
        "01ff1c00141024e7df28e412c38f024c0589d46cc048152264604c1fbe281100\
         060c7465611f8e02f3030c474250",
    );
    // ext_field_by_name_compatible: price declared NAMED_EXT (20); before its payload NAMED_EXT
    // and Money's TypeDef (the stream's second: 02).
    both_with(
        &money_fory(true, By::Name),
        invoice(),
        "01ff1c0014a0a5c1684abb12c38f024c0589d46cc048152264604c20be281100\
         060c74656120020c50a46171677f34031512e063d64013b1cd2600f3030c474250",
    );
}

#[test]
fn exts_in_struct_collections_are_java_s_frames() {
    // ext_collections: by_owner (map chunk header 04: the value type not declared, so 1f 8e02
    // once per chunk), coins (list header 0c: declared, no type info), spare (ff, the payload).
    both_with(
        &money_fory(false, By::Id),
        wallet(),
        "01ff1b9002e1ef68ee0104011f8e020461080c455552020c020c455552040c455552ff060c455552",
    );
    // ext_collections_compatible: the list writes the element type info too (08 1f8e02), the
    // optional field its type info (ff 1f8e02).
    both_with(
        &money_fory(true, By::Id),
        wallet(),
        "01ff1c001ad07bf6ba2aee38c390025418567e871b759a48804c167e89c86c804e1fc9e08900\
         0104011f8e020461080c45555202081f8e02020c455552040c455552ff1f8e02060c455552",
    );
    // By name in compatible mode (written by the same Java serializer, Money registered as
    // example.Money): Money's TypeDef once in the map chunk (20 02 ...), then references to it
    // (20 03) before the list's elements and the optional field.
    both_with(
        &money_fory(true, By::Name),
        wallet(),
        "01ff1c001c509ec46db3a270c390025418568201871b759a48804c16820189c86c804e20c9e08900\
         01040120020c50a46171677f34031512e063d64013b1cd26000461080c455552\
         02082003020c455552040c455552ff2003060c455552",
    );
    // An empty wallet: an empty map and list, a null.
    for compatible in [false, true] {
        for by in [By::Id, By::Name] {
            let fory = money_fory(compatible, by);
            let empty = Wallet::default();
            let got: Wallet = fory.deserialize(&fory.serialize(&empty).unwrap()).unwrap();
            assert_eq!(got, empty, "{compatible} {by:?}");
        }
    }
}

#[test]
fn exts_in_struct_collections_with_reference_tracking_are_java_s_frames() {
    // Written by the same Java serializer with reference tracking on (Money by id). In
    // schema-consistent mode the map values (chunk header 0c) and the declared list elements
    // (0d) carry the ref-value flag 00; the optional field takes the not-null flag ff.
    both_with(
        &fory_with(false, true, By::Id),
        wallet(),
        "01001b9002e1ef68ee010c011f8e02046100080c455552020d00020c45555200040c455552ff060c455552",
    );
    // In compatible mode no element carries a flag, as without tracking.
    both_with(
        &fory_with(true, true, By::Id),
        wallet(),
        "01001c001ad07bf6ba2aee38c390025418567e871b759a48804c167e89c86c804e1fc9e08900\
         0104011f8e020461080c45555202081f8e02020c455552040c455552ff1f8e02060c455552",
    );
    // At the root Java flags each element (list header 09, map chunk header 08, then 00 before
    // each value); we write them without flags, as for structs. Both forms read.
    let fory = fory_with(false, true, By::Id);
    reads_with(
        &fory,
        vec![money(1, "EUR"), money(2, "EUR")],
        "01001602091f8e0200020c45555200040c455552",
    );
    reads_with(
        &fory,
        HashMap::from([("a".to_string(), money(4, "EUR"))]),
        "010018010801151f8e02046100080c455552",
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input.

#[test]
fn a_truncated_ext_payload_is_an_error_at_its_offset() {
    let fory = money_fory(false, By::Id);
    let frame = unhex("01ff1f8e029e1f0c455552");
    // Every cut inside the payload (from byte 5) fails where the item it cuts starts: the
    // varint64 at 5, the string's header at 7, its bytes at 8.
    for (cut, offset) in [(5, 5), (6, 5), (7, 7), (8, 8), (9, 8), (10, 8)] {
        let err = fory.deserialize::<Money>(&frame[..cut]).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Truncated { .. }),
            "cut at {cut}: {err}"
        );
        assert_eq!(err.offset(), Some(offset), "cut at {cut}: {err}");
    }
    // Inside a struct field in compatible mode: cut in the middle of price's currency.
    let fory = money_fory(true, By::Id);
    let frame = fory.serialize(&invoice()).unwrap();
    let err = fory
        .deserialize::<Invoice>(&frame[..frame.len() - 2])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    assert_eq!(err.offset(), Some(frame.len() - 3), "{err}");
}

/// An ext whose `read_ext` reads more than its `write_ext` wrote.
#[derive(ForyObject, Debug, PartialEq)]
#[fory(ext)]
struct Greedy(u32);

impl ForyExt for Greedy {
    fn write_ext(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.writer.write_varuint32(self.0);
        Ok(())
    }

    fn read_ext(ctx: &mut ReadContext<'_, '_>) -> Result<Self> {
        let value = ctx.reader.read_varuint32()?;
        let _more = ctx.reader.read_varuint32()?;
        Ok(Greedy(value))
    }
}

#[test]
fn an_ext_reading_past_its_payload_is_an_error_not_a_panic() {
    let mut fory = Fory::default();
    fory.register::<Greedy>(290).unwrap();
    let bytes = fory.serialize(&Greedy(7)).unwrap();
    assert_eq!(hex(&bytes), "01ff1fa20207");
    let err = fory.deserialize::<Greedy>(&bytes).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    assert_eq!(err.offset(), Some(bytes.len()), "{err}");
}

/// Invoice (271) as a later reader declares it: no price.
#[derive(ForyObject, Debug, PartialEq, Default)]
struct InvoiceWithoutPrice {
    item: String,
    count: i32,
}

#[test]
fn a_compatible_reader_skips_an_ext_field_it_lacks_when_the_ext_is_registered() {
    // A payload's EXT value has no length: only the type's own reader finds its end. A reader
    // whose struct lacks the field skips it with Money's registered reader, as Java, pyfory and
    // Go do; without Money registered it cannot, and says which type is missing at the field's
    // type id (byte 37 either way: after count and item).
    for (by, at, what) in [
        (By::Id, 37, "EXT (31) with user id 270"),
        (By::Name, 37, "NAMED_EXT (32) named example.Money"),
    ] {
        let payload = money_fory(true, by).serialize(&invoice()).unwrap();
        for registered in [false, true] {
            let mut reader = Fory::builder().compatible(true).build();
            if registered {
                match by {
                    By::Id => reader.register::<Money>(270).unwrap(),
                    By::Name => reader
                        .register_by_name::<Money>("example", "Money")
                        .unwrap(),
                }
            }
            reader.register::<InvoiceWithoutPrice>(271).unwrap();
            let read = reader.deserialize::<InvoiceWithoutPrice>(&payload);
            let case = format!("{by:?}, Money registered: {registered}: {read:?}");
            if registered {
                let back = read.unwrap();
                assert_eq!((back.item.as_str(), back.count), ("tea", 3), "{case}");
                continue;
            }
            let err = read.unwrap_err();
            assert!(matches!(err.kind(), ErrorKind::Invalid { .. }), "{case}");
            assert_eq!(err.offset(), Some(at), "{case}");
            assert!(
                err.to_string()
                    .contains(&format!("{what}, which is not registered")),
                "{case}"
            );
        }
    }
}

#[test]
fn an_unregistered_ext_is_an_error_that_names_it() {
    // A reader that declares an Invoice but has not registered Money cannot describe its own
    // schema.
    let mut reader = Fory::builder().compatible(true).build();
    reader.register::<Invoice>(271).unwrap();
    let payload = money_fory(true, By::Id).serialize(&invoice()).unwrap();
    let err = reader.deserialize::<Invoice>(&payload).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::NotRegistered { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("Money is not registered"), "{err}");
    assert!(err.to_string().contains("needed by the schema of"), "{err}");
    // A dynamically typed reader meets EXT 270, which it does not know.
    let payload = money_fory(false, By::Id)
        .serialize(&money(1, "EUR"))
        .unwrap();
    let err = Fory::default().deserialize::<Value>(&payload).unwrap_err();
    assert_eq!(err.offset(), Some(2), "{err}");
}

#[test]
fn an_ext_is_a_user_value_where_the_type_is_dynamic() {
    let fory = money_fory(false, By::Id);
    let payload = fory.serialize(&money(1, "EUR")).unwrap();
    let Value::User(user) = fory.deserialize::<Value>(&payload).unwrap() else {
        panic!("not a user value");
    };
    assert_eq!(user.downcast_ref::<Money>(), Some(&money(1, "EUR")));
}
