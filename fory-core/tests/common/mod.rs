//! Helpers shared by the integration tests.
#![allow(dead_code)]

/// Bytes from a hex string (no separators).
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

use std::fmt::Debug;

use fory_core::{Deserialize, Fory, Serialize};

/// Our bytes for `value` equal the peer's, and the peer's bytes read back to it.
pub fn both_with<T>(fory: &Fory, value: T, peer_hex: &str)
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    assert_eq!(hex(&fory.serialize(&value).unwrap()), peer_hex, "{value:?}");
    reads_with(fory, value, peer_hex);
}

/// The peer's bytes read back to `value`, consuming all of them; every strict prefix is an error.
pub fn reads_with<T>(fory: &Fory, value: T, peer_hex: &str)
where
    T: for<'de> Deserialize<'de> + PartialEq + Debug,
{
    let bytes = unhex(peer_hex);
    assert_eq!(fory.deserialize::<T>(&bytes).unwrap(), value, "{peer_hex}");
    for cut in 0..bytes.len() {
        assert!(
            fory.deserialize::<T>(&bytes[..cut]).is_err(),
            "{peer_hex}: prefix of {cut} bytes decoded"
        );
    }
}

/// [`both_with`] a default `Fory`.
pub fn both<T>(value: T, peer_hex: &str)
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + Debug,
{
    both_with(&Fory::default(), value, peer_hex);
}

/// [`reads_with`] a default `Fory`.
pub fn reads<T>(value: T, peer_hex: &str)
where
    T: for<'de> Deserialize<'de> + PartialEq + Debug,
{
    reads_with(&Fory::default(), value, peer_hex);
}
