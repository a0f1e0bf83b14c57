//! Compatible mode, a container field whose element, key or value type differs between the
//! writer's TypeDef and the reader's field (fory-go 1.6.0 declares an untagged `map[int32][]byte`
//! field MAP<VARINT32, LIST<UINT8>> and writes each value as a list). The reader reads what it
//! can read and otherwise fails with an error naming the field and both types; the bytes of one
//! are never read as the other.

use std::collections::{BTreeMap, VecDeque};

use fory_core::{Fory, ForyObject};

/// `map<int32, list<uint8>> values` (what fory-go declares for `map[int32][]byte`), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MapOfByteLists {
    #[fory(id = 1)]
    values: BTreeMap<i32, VecDeque<u8>>,
    #[fory(id = 2)]
    after: String,
}

/// `map<int32, binary> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MapOfBinary {
    #[fory(id = 1)]
    values: BTreeMap<i32, Vec<u8>>,
    #[fory(id = 2)]
    after: String,
}

/// `map<int64, string> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MapOfInt64Keys {
    #[fory(id = 1)]
    values: BTreeMap<i64, String>,
}

/// `map<int32, string> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct MapOfInt32Keys {
    #[fory(id = 1)]
    values: BTreeMap<i32, String>,
}

/// `list<list<uint8>> values` (fory-go's untagged `[][]byte`), tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct ListOfByteLists {
    #[fory(id = 1)]
    values: VecDeque<VecDeque<u8>>,
}

/// `list<list<int16>> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct ListOfInt16Lists {
    #[fory(id = 1)]
    values: VecDeque<VecDeque<i16>>,
}

/// `list<binary> values`, tag 1.
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct ListOfBinary {
    #[fory(id = 1)]
    values: VecDeque<Vec<u8>>,
}

/// A `Fory` in compatible mode with `T` registered as 902, the id both sides use.
fn fory<T: fory_core::Registrable>() -> Fory {
    let mut fory = Fory::builder().compatible(true).build();
    fory.register::<T>(902).unwrap();
    fory
}

fn bytes_of<W: fory_core::Registrable>(written: &W) -> Vec<u8> {
    fory::<W>().serialize(written).unwrap()
}

#[test]
fn a_map_value_declared_as_a_list_is_an_error_not_a_misread() {
    // The shrunk generative case r1_0183: one entry, a 34-byte value.
    let value: Vec<u8> = (0..34).map(|i| (i * 7 + 3) as u8).collect();
    let written = MapOfByteLists {
        values: BTreeMap::from([(-1_686_910_156, value.iter().copied().collect())]),
        after: "x".to_string(),
    };
    let bytes = bytes_of(&written);
    // Each value: its count, the elements header (declared type, `0c`), the bytes.
    let mut list_form = vec![34u8, 0x0c];
    list_form.extend(&value);
    assert!(bytes.windows(list_form.len()).any(|w| w == list_form));

    let err = fory::<MapOfBinary>()
        .deserialize::<MapOfBinary>(&bytes)
        .unwrap_err();
    let message = err.to_string();
    assert!(err.offset().is_some(), "{message}");
    assert!(
        message.contains("field tag id 1 declared MAP<VARINT32, LIST<UINT8>> by the writer, MAP<VARINT32, BINARY> by the reader"),
        "{message}"
    );

    // The same types on both sides read as before.
    let back: MapOfByteLists = fory::<MapOfByteLists>().deserialize(&bytes).unwrap();
    assert_eq!(back, written);
    let binary = MapOfBinary {
        values: BTreeMap::from([(5, value.clone()), (6, Vec::new())]),
        after: "y".to_string(),
    };
    let back: MapOfBinary = fory::<MapOfBinary>()
        .deserialize(&bytes_of(&binary))
        .unwrap();
    assert_eq!(back, binary);
}

#[test]
fn a_map_key_of_another_integer_type_is_an_error() {
    // Map keys and values are read as the reader declares them: no conversion, as upstream.
    let written = MapOfInt64Keys {
        values: BTreeMap::from([(1, "a".to_string())]),
    };
    let message = fory::<MapOfInt32Keys>()
        .deserialize::<MapOfInt32Keys>(&bytes_of(&written))
        .unwrap_err()
        .to_string();
    assert!(
        message
            .contains("MAP<VARINT64, STRING> by the writer, MAP<VARINT32, STRING> by the reader"),
        "{message}"
    );
}

#[test]
fn a_list_of_byte_lists_reads_into_a_list_of_binaries() {
    // A list's elements are read by the declared element type: a LIST of UINT8 into a Vec<u8>.
    let written = ListOfByteLists {
        values: VecDeque::from([VecDeque::from([1, 2, 255]), VecDeque::new()]),
    };
    let back: ListOfBinary = fory::<ListOfBinary>()
        .deserialize(&bytes_of(&written))
        .unwrap();
    assert_eq!(
        back,
        ListOfBinary {
            values: VecDeque::from([vec![1, 2, 255], Vec::new()]),
        }
    );
}

#[test]
fn a_list_of_other_lists_into_binaries_is_an_error() {
    let written = ListOfInt16Lists {
        values: VecDeque::from([VecDeque::from([1, -1])]),
    };
    let message = fory::<ListOfBinary>()
        .deserialize::<ListOfBinary>(&bytes_of(&written))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("LIST<LIST<INT16>> by the writer, LIST<BINARY> by the reader"),
        "{message}"
    );
}
