//! Strings against bytes written by real peers.
//!
//! Reading: every peer's bytes for every encoding decode to the text. Writing: we follow the Java
//! peer, so our bytes equal Java's; where pyfory chooses another encoding for the same text the
//! difference is listed in spec/divergences.md and checked here from both sides.

mod common;

use std::collections::BTreeMap;

use common::{hex, unhex};
use fory_core::{ErrorKind, Fory, ForyObject, Limits, Reader, StringRule, Writer};

fn written(s: &str) -> String {
    let mut w = Writer::new();
    w.write_str(s).unwrap();
    hex(w.as_slice())
}

/// The peer's bytes read back to the text, consuming all of them; every strict prefix is an error.
fn assert_reads(expected: &str, hex_bytes: &str) {
    let bytes = unhex(hex_bytes);
    let mut r = Reader::new(&bytes);
    assert_eq!(r.read_str().unwrap(), expected, "reading {hex_bytes}");
    assert!(r.is_empty(), "{hex_bytes}: bytes left over");
    for cut in 0..bytes.len() {
        let err = Reader::new(&bytes[..cut]).read_str().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    }
}

// pyfory 1.7.7 `Buffer.write_string(s)` (xlang-tests/peers/python/primitive_vectors.py).
const PYFORY_STRINGS: &[(&str, &str)] = &[
    ("", "00"),
    ("a", "0461"),
    ("abc", "0c616263"),
    ("é", "04e9"),
    ("café", "10636166e9"),
    ("ÿ", "04ff"),
    ("Ā", "090001"),
    ("你好", "11604f7d59"),
    ("a你", "116100604f"),
    ("😀", "12f09f9880"),
    ("a😀b", "1a61f09f988062"),
    ("naïve 名前", "416e006100ef007600650020000d544d52"),
];

/// Java 1.6.0 (`org.apache.fory:fory-core`, JDK 17, compact strings on) `Fory.builder()
/// .withXlang(true).build().serialize(s)`, with the frame prefix `01 ff 15` (header, not-null,
/// STRING) removed. `None` stands for a repeated body described in the test.
const JAVA_STRINGS: &[(&str, &str)] = &[
    ("", "00"),
    ("a", "0461"),
    ("abc", "0c616263"),
    ("é", "04e9"),
    ("café", "10636166e9"),
    ("ÿ", "04ff"),
    ("Ā", "090001"),
    ("你好", "11604f7d59"),
    ("a你", "1261e4bda0"),
    ("你a", "11604f6100"),
    ("ab你", "166162e4bda0"),
    ("abcd你", "296100620063006400604f"),
    ("abcde你", "226162636465e4bda0"),
    ("abcd你e", "316100620063006400604f6500"),
    ("😀", "113dd800de"),
    ("a😀b", "2161003dd800de6200"),
    ("ab😀", "21610062003dd800de"),
    ("a😀", "1661f09f9880"),
    ("é你", "11e900604f"),
    ("aé你", "1a61c3a9e4bda0"),
];

/// Go 1.6.1 (`github.com/apache/fory/go/fory`) `fory.New().Serialize(any(s))`, prefix `01 ff 15`
/// removed: Go always writes UTF-8, so even the empty string has encoding bits `10`.
const GO_STRINGS: &[(&str, &str)] = &[
    ("", "02"),
    ("a", "0661"),
    ("abc", "0e616263"),
    ("é", "0ac3a9"),
    ("café", "16636166c3a9"),
    ("Ā", "0ac480"),
    ("你好", "1ae4bda0e5a5bd"),
    ("你a", "12e4bda061"),
    ("abcd你", "1e61626364e4bda0"),
    ("😀", "12f09f9880"),
    ("a😀b", "1a61f09f988062"),
];

#[test]
fn writes_exactly_what_java_writes() {
    for &(text, expected) in JAVA_STRINGS {
        assert_eq!(written(text), expected, "{text:?}");
        assert_reads(text, expected);
    }
    // Long bodies, given as header + repeated unit in the peer's output.
    let long_cases: [(String, String); 4] = [
        ("a".repeat(40), format!("a001{}", "61".repeat(40))),
        ("a".repeat(200), format!("a006{}", "61".repeat(200))),
        ("中".repeat(100), format!("a106{}", "2d4e".repeat(100))),
        (
            format!("{}你", "a".repeat(64)),
            format!("8e02{}e4bda0", "61".repeat(64)),
        ),
    ];
    for (text, expected) in &long_cases {
        assert_eq!(&written(text), expected, "{text:?}");
        assert_reads(text, expected);
    }
}

#[test]
fn reads_every_go_string() {
    for &(text, bytes) in GO_STRINGS {
        assert_reads(text, bytes);
    }
}

#[test]
fn utf8_writer_matches_go() {
    for &(text, expected) in GO_STRINGS {
        let mut w = Writer::new();
        w.write_str_utf8(text).unwrap();
        assert_eq!(hex(w.as_slice()), expected, "{text:?}");
    }
}

#[test]
fn reads_every_pyfory_string() {
    for &(text, bytes) in PYFORY_STRINGS {
        assert_reads(text, bytes);
    }
}

#[test]
fn reads_each_encoding_of_the_same_text() {
    // "é" as Latin-1, UTF-16LE and UTF-8; "😀" as a UTF-16 surrogate pair and as UTF-8.
    assert_reads("é", "04e9");
    assert_reads("é", "09e900");
    assert_reads("é", "0ac3a9");
    assert_reads("😀", "113dd800de");
    assert_reads("😀", "12f09f9880");
    assert_reads("", "00");
    assert_reads("", "01");
    assert_reads("", "02");
}

#[test]
fn ascii_latin1_is_borrowed_and_utf8_is_borrowed() {
    use std::borrow::Cow;
    let bytes = unhex("0c616263");
    assert!(matches!(
        Reader::new(&bytes).read_str().unwrap(),
        Cow::Borrowed("abc")
    ));
    let bytes = unhex("12f09f9880");
    assert!(matches!(
        Reader::new(&bytes).read_str().unwrap(),
        Cow::Borrowed("😀")
    ));
}

#[test]
fn malformed_strings_are_errors_with_offsets() {
    let cases: &[(&str, &str, usize)] = &[
        // encoding 3 is reserved
        ("0f616263", "string encoding", 0),
        // UTF-16 with an odd byte count
        ("0d616263", "even byte count", 0),
        // lone high surrogate: the second code unit is not a low surrogate
        ("113dd84100", "paired surrogates", 1),
        // invalid UTF-8 continuation byte
        ("0e61c328", "valid UTF-8", 2),
    ];
    for &(h, expected, offset) in cases {
        let bytes = unhex(h);
        let err = Reader::new(&bytes).read_str().unwrap_err();
        assert!(err.to_string().contains(expected), "{h}: {err}");
        assert_eq!(err.offset(), Some(offset), "{h}: {err}");
    }
}

#[test]
fn hostile_lengths_fail_before_allocating() {
    // A header claiming 2^34 - 1 bytes of UTF-8, followed by two bytes.
    let bytes = unhex("feffffffff4142");
    let err = Reader::new(&bytes).read_str().unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
        "{err}"
    );
    // Within the limit but beyond the input: a truncation error, nothing allocated.
    let limits = Limits {
        max_string_bytes: u64::MAX,
        ..Limits::default()
    };
    let err = Reader::with_limits(&bytes, limits).read_str().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
    // A configured limit below the length.
    let limits = Limits {
        max_string_bytes: 2,
        ..Limits::default()
    };
    let err = Reader::with_limits(&unhex("0c616263"), limits)
        .read_str()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "limit exceeded at byte 0: 3 is over max_string_bytes = 2"
    );
}

#[test]
fn writes_like_pyfory_where_pyfory_and_java_agree() {
    // ASCII and Latin-1 text: both peers write Latin-1.
    for text in ["", "a", "abc", "é", "café", "ÿ"] {
        let expected = PYFORY_STRINGS.iter().find(|(t, _)| *t == text).unwrap().1;
        assert_eq!(written(text), expected, "{text:?}");
    }
}

/// A string's bytes under `rule`, as the writer's checked encodings above give them.
fn written_by(rule: StringRule, s: &str) -> String {
    let mut w = Writer::new();
    match rule {
        StringRule::Java => w.write_str(s).unwrap(),
        StringRule::Utf8 => w.write_str_utf8(s).unwrap(),
    }
    hex(w.as_slice())
}

/// Every string of a value follows the instance's rule, however it is reached: a list's
/// elements and a map's keys and values (which read the rule once for all of them), a struct's
/// field, a `char`.
#[test]
fn strings_in_lists_maps_fields_and_chars_follow_the_rule() {
    #[derive(ForyObject, Debug, PartialEq)]
    struct Named {
        name: String,
    }
    let texts = ["café", "你好", "a"];
    for rule in [StringRule::Java, StringRule::Utf8] {
        let fory = Fory::builder().string_rule(rule).build();
        let each: Vec<String> = texts.iter().map(|t| written_by(rule, t)).collect();
        let list: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        let bytes = hex(&fory.serialize(&list).unwrap());
        assert!(bytes.ends_with(&each.concat()), "{rule:?} list: {bytes}");
        // One chunk of entries, each key then its value, in the map's order.
        let map: BTreeMap<String, String> = [("a", "café"), ("b", "你好")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        let bytes = hex(&fory.serialize(&map).unwrap());
        let entries: String = map
            .iter()
            .map(|(k, v)| written_by(rule, k) + &written_by(rule, v))
            .collect();
        assert!(bytes.ends_with(&entries), "{rule:?} map: {bytes}");
        let mut fory = Fory::builder().string_rule(rule).build();
        fory.register::<Named>(1).unwrap();
        let bytes = hex(&fory
            .serialize(&Named {
                name: "你好".into(),
            })
            .unwrap());
        assert!(
            bytes.ends_with(&written_by(rule, "你好")),
            "{rule:?} field: {bytes}"
        );
        let bytes = hex(&fory.serialize(&'é').unwrap());
        assert!(
            bytes.ends_with(&written_by(rule, "é")),
            "{rule:?} char: {bytes}"
        );
    }
}
