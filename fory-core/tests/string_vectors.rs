//! Strings against bytes written by real peers.
//!
//! Reading: every peer's bytes for every encoding decode to the text. Writing: we follow the Java
//! peer, so our bytes equal Java's; where pyfory chooses another encoding for the same text the
//! difference is listed in spec/divergences.md and checked here from both sides.

use fory_core::{ErrorKind, Limits, Reader, Writer};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

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
